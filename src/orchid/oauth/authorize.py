"""The rules of ORCID's ``/oauth/authorize`` (spec §3.2) that are not oauthlib's: what the views ask.

* the authorization request, once validated, waits in the session (`PendingRequest`) while the
  researcher signs in and consents, on the consent page or headless (``/oauth/custom/login.json``);
* when the researcher must (re)authenticate (``prompt``, ``max_age``, no session) and where the
  sign-in page is, with ORCID's prefill parameters passed on;
* when consent is skipped (an identical long-lived token exists);
* error redirects in the query or, for the implicit flow, the fragment.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.base import SessionBase
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from oauthlib.common import add_params_to_uri

from orchid import ids
from orchid.oauth.models import AccessToken, Client
from orchid.oauth.server import SHORT_LIVED_TOKEN_SECONDS
from orchid.records.models import Email

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise as StrOrPromise

__all__ = [
    "MFA_SESSION_KEY",
    "MISSING_PARAMETER_MESSAGES",
    "PREFILL_PARAMETERS",
    "PendingRequest",
    "consent_already_given",
    "error_redirect",
    "find_user",
    "must_authenticate",
    "parse_max_age",
    "recall",
    "remember",
    "sign_in_url",
    "without_parameters",
]

#: ORCID's error page messages (``oauth_error``) for a missing required parameter, in ORCID's order.
MISSING_PARAMETER_MESSAGES: tuple[tuple[str, StrOrPromise], ...] = (
    ("client_id", _("Please specify a client id")),
    ("scope", _("Please specify the desired scopes")),
    ("redirect_uri", _("Please specify a redirect URL")),
    ("response_type", _("Please specify a response type")),
)

#: Passed on to the sign-in page: ORCID's prefill (``email``, ``orcid``, ``given_names``,
#: ``family_names``) and UI (``lang``, ``show_login``) parameters.
PREFILL_PARAMETERS: tuple[str, ...] = ("email", "orcid", "given_names", "family_names", "lang", "show_login")

_SESSION_KEY = "orchid.oauth.pending"
#: True in a session whose sign-in passed two-factor authentication (set by `orchid.web.two_factor`).
MFA_SESSION_KEY = "orchid_mfa"
#: Authorization requests a session keeps waiting at once (several tabs); the oldest go first.
_MAX_PENDING = 5


@dataclass
class PendingRequest:
    """A validated authorization request waiting for the researcher's decision."""

    client_id: str
    redirect_uri: str
    response_type: str
    scopes: list[str]
    state: str | None = None
    nonce: str | None = None
    id: str = field(default_factory=lambda: secrets.token_urlsafe(12))

    @property
    def implicit(self) -> bool:
        return self.response_type != "code"

    def credentials(self, *, orcid: str, persistent: bool, mfa: bool = False) -> dict[str, Any]:
        """What oauthlib needs to issue the code or token (DOT's ``credentials``); ``mfa``: the sign-in
        passed two-factor authentication."""
        credentials: dict[str, Any] = {
            "client_id": self.client_id,
            "redirect_uri": self.redirect_uri,
            "response_type": self.response_type,
            "state": self.state,
            "orcid": orcid,
            "orcid_persistent": persistent,
            "orcid_mfa": mfa,
        }
        if self.nonce:
            credentials["nonce"] = self.nonce
        return credentials

    def denied_url(self) -> str:
        return error_redirect(
            self.redirect_uri, "access_denied", "User denied access", self.state, fragment=self.implicit
        )


def remember(session: SessionBase, scopes: list[str], credentials: Mapping[str, Any]) -> PendingRequest:
    """Keep a request oauthlib validated (its ``scopes`` and ``credentials``) in the session."""
    pending = PendingRequest(
        client_id=str(credentials["client_id"]),
        redirect_uri=str(credentials["redirect_uri"]),
        response_type=str(credentials["response_type"]),
        scopes=list(scopes),
        state=credentials.get("state"),
        nonce=credentials.get("nonce") or None,
    )
    waiting = [entry for entry in session.get(_SESSION_KEY, []) if isinstance(entry, dict)]
    waiting = [*waiting[-(_MAX_PENDING - 1) :], asdict(pending)]
    session[_SESSION_KEY] = waiting
    return pending


def recall(
    session: SessionBase, request_id: str | None = None, *, forget: bool = False
) -> PendingRequest | None:
    """The waiting request ``request_id`` (None: the latest one); ``forget`` removes it."""
    waiting = [entry for entry in session.get(_SESSION_KEY, []) if isinstance(entry, dict)]
    found = None
    for entry in reversed(waiting):
        if request_id is None or entry.get("id") == request_id:
            found = entry
            break
    if found is None:
        return None
    if forget:
        session[_SESSION_KEY] = [entry for entry in waiting if entry is not found]
    try:
        return PendingRequest(**found)
    except TypeError:
        return None


def error_redirect(
    redirect_uri: str, error: str, description: str | None, state: str | None, *, fragment: bool
) -> str:
    """``{redirect_uri}?error=...&error_description=...[&state=...]`` (``#...`` for the implicit flow)."""
    params = [("error", error)]
    if description:
        params.append(("error_description", description))
    if state:
        params.append(("state", state))
    return str(add_params_to_uri(redirect_uri, params, fragment=fragment))


def parse_max_age(raw: str | None) -> int | None:
    """``max_age`` in seconds; None when absent. Raises ValueError when it is not a whole number."""
    if raw is None or raw == "":
        return None
    value = int(raw.strip())
    if value < 0:
        raise ValueError(raw)
    return value


def must_authenticate(user: Any, *, prompt: set[str], max_age: int | None) -> bool:
    """Whether a signed-in researcher must sign in again: ``prompt=login`` or an older sign-in than
    ``max_age`` allows."""
    if "login" in prompt:
        return True
    if max_age is None:
        return False
    last_login = getattr(user, "last_login", None)
    return last_login is None or last_login + timedelta(seconds=max_age) < timezone.now()


def without_parameters(full_path: str, names: set[str]) -> str:
    """``full_path`` with the query parameters ``names`` removed (``prompt`` before a forced sign-in)."""
    parts = urlsplit(full_path)
    query = [
        (key, value) for key, value in parse_qsl(parts.query, keep_blank_values=True) if key not in names
    ]
    return urlunsplit(("", "", parts.path, urlencode(query), ""))


def sign_in_url(next_path: str, query: Mapping[str, str]) -> str:
    """The sign-in page (``LOGIN_URL``) returning to ``next_path``, with ORCID's prefill parameters."""
    params = [("next", next_path)]
    params += [(name, query[name]) for name in PREFILL_PARAMETERS if query.get(name)]
    return f"{settings.LOGIN_URL}?{urlencode(params)}"


def consent_already_given(client: Client, orcid: str, scopes: list[str]) -> bool:
    """ORCID skips consent when the client has persistent tokens and a long-lived token of this
    researcher with exactly these scopes is still valid and not revoked."""
    if not client.persistent_tokens:
        return False
    wanted = set(scopes)
    tokens = AccessToken.objects.filter(
        application=client,
        orcid=orcid,
        revoked_by_researcher_at__isnull=True,
        expires__gt=timezone.now(),
    ).filter(
        # long-lived: issued for longer than a non-persistent token lives
        expires__gt=F("created") + timedelta(seconds=SHORT_LIVED_TOKEN_SECONDS)
    )
    return any(set(token.scope.split()) == wanted for token in tokens.only("scope"))


def find_user(identifier: str) -> Any:
    """The account a researcher signs in with: by e-mail address or ORCID iD (``username``)."""
    identifier = identifier.strip()
    users = get_user_model().objects
    bare = identifier.rsplit("/", 1)[-1] if "orcid" in identifier.lower() else identifier
    if ids.is_valid(bare):
        return users.filter(username=bare).first()
    email = Email.objects.filter(email__iexact=identifier).select_related("researcher").first()
    if email is None or email.researcher.user_id is None:
        return None
    return users.filter(pk=email.researcher.user_id).first()
