"""ORCID's OAuth scopes as one table (spec §3.1): what each implies, how it is granted, who may hold it.

Everything else in Orchid asks this module about scopes: the token endpoint (which scopes a
client-credentials request may get), the authentication of API calls (``expand`` gives the
`Viewer` every scope a token carries, implied ones included) and the fixtures.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext_lazy as _

from orchid.errors import ERRORS, OrcidError

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise as StrOrPromise

    from orchid.oauth.models import Client

__all__ = [
    "ALL_CLIENT_TYPES",
    "MEMBER_CLIENT_TYPES",
    "READ_PUBLIC",
    "SCOPES",
    "InvalidScopeError",
    "Scope",
    "IMPLICIT_SCOPES",
    "allowed_for",
    "authorize_scopes",
    "describe",
    "client_credentials_scopes",
    "expand",
    "is_known",
    "parse",
]

READ_PUBLIC = "/read-public"

# Client types as plain strings: this module must not import the models (they import it).
PUBLIC = "public"
MEMBER = "member"
PREMIUM = "premium"
ALL_CLIENT_TYPES: frozenset[str] = frozenset({PUBLIC, MEMBER, PREMIUM})
MEMBER_CLIENT_TYPES: frozenset[str] = frozenset({MEMBER, PREMIUM})
_PREMIUM_ONLY: frozenset[str] = frozenset({PREMIUM})
_NOBODY: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Scope:
    """One ORCID scope.

    ``implies`` lists the scopes it grants directly; `expand` follows them transitively.
    ``two_legged`` marks a client-credentials scope (a token for the client itself, no researcher).
    ``holders`` are the client types that may be granted it. ``internal`` scopes are ORCID's own and
    never granted to anybody: asking for one is refused with 9015.
    """

    name: str
    implies: tuple[str, ...] = ()
    two_legged: bool = False
    holders: frozenset[str] = MEMBER_CLIENT_TYPES
    internal: bool = False


def _scope(
    name: str,
    *implies: str,
    two_legged: bool = False,
    holders: frozenset[str] = MEMBER_CLIENT_TYPES,
    internal: bool = False,
) -> Scope:
    return Scope(name, tuple(implies), two_legged, holders, internal)


_ACTIVITY_SECTIONS = ("/orcid-works", "/funding", "/affiliations", "/peer-review", "/orcid-patents")

_TABLE: tuple[Scope, ...] = (
    # Sign-in and public reading: every client type.
    _scope(READ_PUBLIC, two_legged=True, holders=ALL_CLIENT_TYPES),
    _scope("/authenticate", READ_PUBLIC, holders=ALL_CLIENT_TYPES),
    _scope("openid", "/authenticate", READ_PUBLIC, holders=ALL_CLIENT_TYPES),
    # Three-legged reading of limited-visibility items (members).
    _scope("/read-limited", "/activities/read-limited", "/person/read-limited"),
    _scope("/activities/read-limited", *(f"{section}/read-limited" for section in _ACTIVITY_SECTIONS)),
    _scope("/person/read-limited", "/orcid-bio/read-limited"),
    # ORCID's legacy whole-profile read reads what /read-limited reads.
    _scope("/orcid-profile/read-limited", "/activities/read-limited", "/person/read-limited"),
    _scope("/email/read-private"),
    # Three-legged writing (members).
    _scope(
        "/activities/update",
        *(f"{section}/{action}" for section in _ACTIVITY_SECTIONS for action in ("create", "update")),
        READ_PUBLIC,
    ),
    _scope("/person/update", "/orcid-bio/update"),
    _scope("/orcid-bio/update", "/orcid-bio/external-identifiers/create"),
    _scope("/orcid-bio/external-identifiers/create"),
    _scope("/orcid-bio/read-limited"),
    *(
        _scope(f"{section}/{action}")
        for section in _ACTIVITY_SECTIONS
        for action in ("create", "update", "read-limited")
    ),
    # Two-legged (client-credentials) scopes.
    _scope("/webhook", two_legged=True, holders=_PREMIUM_ONLY),
    _scope("/group-id-record/read", two_legged=True),
    _scope("/group-id-record/update", "/group-id-record/read", two_legged=True),
    # ORCID enables notifications per client; Orchid has no per-client scope list yet, so every
    # member client may hold them (the notifications API is Member-API only anyway).
    _scope("/premium-notification", "/basic-notification", two_legged=True),
    _scope("/basic-notification"),
    # Legacy record-creator clients; no client Orchid registers may hold it.
    _scope("/orcid-profile/create", two_legged=True, holders=_NOBODY),
    # ORCID's internal scopes: never granted.
    _scope("/orcid-internal", internal=True, holders=_NOBODY),
    _scope("/orcid-internal/person/last_modified", internal=True, holders=_NOBODY),
    _scope("/identifier-types/create", internal=True, holders=_NOBODY),
    _scope("/member-list/read", two_legged=True, internal=True, holders=_NOBODY),
    _scope("/member-list/write", two_legged=True, internal=True, holders=_NOBODY),
    _scope("/member-list/full-access", two_legged=True, internal=True, holders=_NOBODY),
)

#: Every scope ORCID knows, by name.
SCOPES: Mapping[str, Scope] = {scope.name: scope for scope in _TABLE}


def _closure(name: str) -> frozenset[str]:
    seen: set[str] = set()
    pending = [name]
    while pending:
        current = pending.pop()
        if current in seen:
            continue
        seen.add(current)
        pending.extend(SCOPES[current].implies)
    return frozenset(seen)


# Computed once: the table is fixed and expand() runs on every authenticated API call.
_EXPANDED: Mapping[str, frozenset[str]] = {name: _closure(name) for name in SCOPES}

_SEPARATORS = re.compile(r"[\s+]+")

# ORCID renamed "grants" to "funding" and still rewrites the old scope names it receives.
_LEGACY_RENAMES = (("orcid-grants", "funding"),)


def is_known(name: str) -> bool:
    return name in SCOPES


def parse(scope_string: str | None) -> list[str]:
    """Split a scope parameter into scope names, in order, without duplicates.

    ORCID separates scopes with spaces (sent as ``%20`` or ``+``); a literal ``+`` that survived
    form decoding separates too. The legacy ``/orcid-grants/...`` names become ``/funding/...``.
    """
    names: list[str] = []
    for raw in _SEPARATORS.split(scope_string or ""):
        if not raw:
            continue
        name = raw
        for old, new in _LEGACY_RENAMES:
            name = name.replace(old, new)
        if name not in names:
            names.append(name)
    return names


def expand(scopes: Iterable[str]) -> frozenset[str]:
    """The given scopes with every scope they imply, transitively, plus ``/read-public``.

    Every token implies ``/read-public``. Names the table does not know are kept as they are (a
    stored token never holds one, and dropping it silently would hide a bug).
    """
    result: set[str] = {READ_PUBLIC}
    for name in scopes:
        result |= _EXPANDED.get(name, frozenset({name}))
    return frozenset(result)


def allowed_for(client_type: str) -> frozenset[str]:
    """The scopes a client of this type (``public``, ``member`` or ``premium``) may be granted."""
    return frozenset(scope.name for scope in _TABLE if client_type in scope.holders)


class InvalidScopeError(OrcidError):
    """A requested scope that may not be granted: ORCID's 9015, with the token endpoint's wording.

    ``oauth_description`` is the ``error_description`` the token endpoint answers with and
    ``http_status`` its status: 401 for a scope ORCID does not know or keeps internal (ORCID's
    ``OrcidInvalidScopeException``), 400 for a real scope this client may not hold (Spring's
    ``InvalidScopeException``).
    """

    def __init__(self, oauth_description: str, *, http_status: int, scope: str) -> None:
        super().__init__(9015, oauth_description, http_status=http_status)
        self.oauth_description = oauth_description
        self.scope = scope

    @classmethod
    def unknown(cls, scope: str) -> InvalidScopeError:
        return cls(ERRORS[9015].developer_message, http_status=401, scope=scope)

    @classmethod
    def not_allowed(cls, scope: str) -> InvalidScopeError:
        return cls(f"Invalid scope: {scope}", http_status=400, scope=scope)


def _client_type_of(client: Any) -> str:
    return str(getattr(client, "client_type", client))


def client_credentials_scopes(requested: Iterable[str], client: Client | str) -> list[str]:
    """The scopes a client-credentials (2-legged) token request gets, in request order.

    As ORCID does: unknown or internal scopes are refused (9015, 401); three-legged scopes are
    dropped silently; ``/read-public`` is always allowed; any other two-legged scope must be one the
    client's type may hold (``/webhook`` is premium only), else it is refused (400). When nothing is
    left, the token gets ``/read-public``, the scope every client holds. ``client`` is a `Client`
    or its client type.
    """
    holders_type = _client_type_of(client)
    granted: list[str] = []
    for name in requested:
        scope = SCOPES.get(name)
        if scope is None or scope.internal:
            raise InvalidScopeError.unknown(name)
        if not scope.two_legged:
            continue
        if name != READ_PUBLIC and holders_type not in scope.holders:
            raise InvalidScopeError.not_allowed(name)
        if name not in granted:
            granted.append(name)
    return granted or [READ_PUBLIC]


#: Scopes an implicit (``response_type=token`` / ``id_token token``) request may ask for (spec §3.2).
IMPLICIT_SCOPES: frozenset[str] = frozenset({"/authenticate", "openid"})

#: OpenID Connect scopes ORCID ignores at /oauth/authorize (spec §3.1).
_IGNORED_AT_AUTHORIZE: frozenset[str] = frozenset({"profile", "email", "address", "phone", "offline_access"})

#: Client-credentials scopes an authorize request silently loses (ORCID removes them; others are refused).
_REMOVED_AT_AUTHORIZE: frozenset[str] = frozenset({READ_PUBLIC, "/webhook", "/orcid-profile/create"})


def authorize_scopes(requested: Iterable[str], client: Client | str, *, implicit: bool = False) -> list[str]:
    """The scopes a 3-legged ``/oauth/authorize`` request gets, in request order.

    As ORCID does: OIDC's ``profile``, ``email``, ... are ignored; ``/read-public``, ``/webhook`` and
    ``/orcid-profile/create`` are removed; other client-credentials scopes, unknown and internal scopes
    and scopes the client's type may not hold (public clients: only ``/authenticate`` and ``openid``)
    are refused (`InvalidScopeError`). An implicit request may only ask for ``/authenticate`` and
    ``openid``. Nothing left is refused too.
    """
    client_type = _client_type_of(client)
    allowed = allowed_for(client_type)
    granted: list[str] = []
    for name in requested:
        if name in _IGNORED_AT_AUTHORIZE or name in _REMOVED_AT_AUTHORIZE:
            continue
        scope = SCOPES.get(name)
        if scope is None or scope.internal:
            raise InvalidScopeError.not_allowed(name)
        if scope.two_legged or name not in allowed or (implicit and name not in IMPLICIT_SCOPES):
            raise InvalidScopeError.not_allowed(name)
        if name not in granted:
            granted.append(name)
    if not granted:
        raise InvalidScopeError.not_allowed(" ".join(requested) or "(none)")
    return granted


# --- what each scope means, in plain words (the consent page) ---------------------------------------

#: The consent page's wording, one line per scope a researcher can be asked for: translatable
#: (``gettext_lazy``), each a whole sentence for the translators.
DESCRIPTIONS: Mapping[str, StrOrPromise] = {
    "/authenticate": _("Get your ORCID iD"),
    "openid": _("Get your ORCID iD and sign you in with it"),
    READ_PUBLIC: _("Read the public information on your ORCID record"),
    "/read-limited": _("Read your information with visibility set to Trusted Organizations"),
    "/orcid-profile/read-limited": _("Read your information with visibility set to Trusted Organizations"),
    "/activities/read-limited": _(
        "Read the activities on your record with visibility set to Trusted Organizations"
    ),
    "/person/read-limited": _(
        "Read your biographical information with visibility set to Trusted Organizations"
    ),
    "/orcid-bio/read-limited": _(
        "Read your biographical information with visibility set to Trusted Organizations"
    ),
    "/email/read-private": _("Read all your verified e-mail addresses, including private ones"),
    "/activities/update": _(
        "Add, update and delete the activities it added to your record "
        "(works, funding, affiliations, peer reviews)"
    ),
    "/person/update": _(
        "Add, update and delete the biographical information it added to your record "
        "(other names, keywords, websites, countries, external identifiers)"
    ),
    "/orcid-bio/update": _("Add, update and delete the biographical information it added to your record"),
    "/orcid-bio/external-identifiers/create": _(
        "Add external identifiers (such as a Scopus Author ID) to your record"
    ),
    "/orcid-works/read-limited": _("Read your works with visibility set to Trusted Organizations"),
    "/orcid-works/create": _("Add works to your record"),
    "/orcid-works/update": _("Update the works it added to your record"),
    "/funding/read-limited": _("Read your funding with visibility set to Trusted Organizations"),
    "/funding/create": _("Add funding to your record"),
    "/funding/update": _("Update the funding it added to your record"),
    "/affiliations/read-limited": _(
        "Read your affiliations (education, employment and other) "
        "with visibility set to Trusted Organizations"
    ),
    "/affiliations/create": _("Add affiliations (education, employment and other) to your record"),
    "/affiliations/update": _(
        "Update the affiliations (education, employment and other) it added to your record"
    ),
    "/peer-review/read-limited": _("Read your peer reviews with visibility set to Trusted Organizations"),
    "/peer-review/create": _("Add peer reviews to your record"),
    "/peer-review/update": _("Update the peer reviews it added to your record"),
    "/orcid-patents/read-limited": _("Read your patents with visibility set to Trusted Organizations"),
    "/orcid-patents/create": _("Add patents to your record"),
    "/orcid-patents/update": _("Update the patents it added to your record"),
}


def describe(name: str) -> str:
    """The plain-words meaning of a scope for the consent page (the scope's name when it has none)."""
    return str(DESCRIPTIONS.get(name, name))
