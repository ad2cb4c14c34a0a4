"""ORCID's token endpoint rules plugged into django-oauth-toolkit and oauthlib.

DOT and oauthlib do the protocol work (parsing, client authentication, token storage); this module
bends them to ORCID where they differ:

* every client authenticates (ORCID clients all hold secrets, whatever their ORCID type);
* client-credentials tokens get ORCID's 2-legged scopes (`orchid.oauth.scopes`) and a refresh
  token, and last 631138519 s (~20 years);
* a refresh keeps the parent token valid unless ``revoke_old`` asks otherwise, may narrow the scopes
  to any the parent implies, and may shorten the lifetime with ``expires_in``;
* tokens carry the researcher's ORCID iD; the token response adds ``name`` and ``orcid``;
* authorization codes are 6 characters, single use and kept after use: a second exchange fails with
  "Reused authorization code" and revokes the tokens the first one issued; ``redirect_uri`` is optional
  at the token endpoint but must equal the authorize request's when given;
* the implicit grant also answers ``id_token token`` (ORCID's OpenID Connect implicit flow), with
  600-second tokens; ``openid`` adds a signed ``id_token`` (`orchid.oauth.oidc`).

The settings' ``OAUTH2_PROVIDER`` dict names the classes and functions here.
"""

from __future__ import annotations

import hashlib
import json
import logging
import secrets
import string
import uuid
from datetime import timedelta
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from oauth2_provider.models import revoke_access_token
from oauth2_provider.oauth2_backends import OAuthLibCore
from oauth2_provider.oauth2_validators import OAuth2Validator
from oauth2_provider.scopes import BaseScopes
from oauthlib.common import Request as OauthlibRequest
from oauthlib.oauth2 import Server
from oauthlib.oauth2.rfc6749 import errors
from oauthlib.oauth2.rfc6749.grant_types import AuthorizationCodeGrant, ClientCredentialsGrant, ImplicitGrant

from orchid.oauth import oidc
from orchid.oauth import scopes as orcid_scopes
from orchid.oauth.models import AccessToken, Client, Grant

log = logging.getLogger(__name__)

#: ORCID's lifetime for client-credentials tokens and persistent 3-legged tokens (~20 years).
LONG_LIVED_TOKEN_SECONDS = 631138519
#: ORCID's lifetime for 3-legged tokens of clients without persistent tokens.
SHORT_LIVED_TOKEN_SECONDS = 3600

#: ORCID's lifetime for implicit-flow tokens.
IMPLICIT_TOKEN_SECONDS = 600

#: The grant types ORCID's token endpoint serves (token exchange is documented as gone).
SUPPORTED_GRANT_TYPES = frozenset({"authorization_code", "client_credentials", "refresh_token"})


def new_token_value(request: object = None, refresh_token: bool = False) -> str:
    """A new access or refresh token value: a lowercase UUID4 string, as ORCID issues."""
    return str(uuid.uuid4())


_CODE_ALPHABET = string.ascii_letters + string.digits
CODE_LENGTH = 6


def new_authorization_code() -> str:
    """A new authorization code: 6 characters ``[0-9a-zA-Z]``, not used by any stored code."""
    while True:
        code = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if not Grant.objects.filter(code=code).exists():
            return code


def is_implicit(request: OauthlibRequest) -> bool:
    """Whether ``request`` is an implicit authorize request (``token`` / ``id_token token``)."""
    response_type = getattr(request, "response_type", None) or ""
    return request.grant_type is None and bool({"token", "id_token"} & set(response_type.split()))


def token_checksum(token_value: str) -> str:
    """The key DOT stores and looks tokens up by (SHA-256 of the value, hex)."""
    return hashlib.sha256(token_value.encode("utf-8")).hexdigest()


def token_lifetime(request: OauthlibRequest) -> int:
    """Seconds the token being issued for ``request`` lives (oauthlib's ``expires_in``)."""
    refresh_lifetime = getattr(request, "orcid_lifetime", None)
    if refresh_lifetime is not None:
        return int(refresh_lifetime)
    if request.grant_type == "client_credentials":
        return LONG_LIVED_TOKEN_SECONDS
    if is_implicit(request):
        return IMPLICIT_TOKEN_SECONDS
    client = request.client
    persistent = getattr(request, "orcid_persistent", True)
    if isinstance(client, Client) and client.persistent_tokens and persistent:
        return LONG_LIVED_TOKEN_SECONDS
    return SHORT_LIVED_TOKEN_SECONDS


class OrcidScopesBackend(BaseScopes):
    """DOT's scope registry answered from ORCID's scope table."""

    def get_all_scopes(self) -> dict[str, str]:
        return {name: name for name in orcid_scopes.SCOPES}

    def get_available_scopes(
        self, application: Any = None, request: Any = None, *args: Any, **kwargs: Any
    ) -> list[str]:
        if application is None:
            return sorted(orcid_scopes.SCOPES)
        return sorted(orcid_scopes.allowed_for(application.client_type))

    def get_default_scopes(
        self, application: Any = None, request: Any = None, *args: Any, **kwargs: Any
    ) -> list[str]:
        return []


def _invalid_scope(exc: orcid_scopes.InvalidScopeError, request: OauthlibRequest) -> errors.OAuth2Error:
    return errors.CustomOAuth2Error(
        "invalid_scope", description=exc.oauth_description, status_code=exc.http_status, request=request
    )


def _is_true(value: str | None) -> bool:
    return value is not None and value.strip().lower() == "true"


def _bearer_in_header(request: OauthlibRequest) -> str | None:
    authorization = request.headers.get("Authorization", "") or ""
    scheme, _, rest = authorization.partition(" ")
    if scheme.lower() != "bearer":
        return None
    return rest.split(",", 1)[0].strip() or None


#: The header `OrcidOAuthLibCore` passes the Django request's origin to oauthlib in (the issuer).
ORIGIN_HEADER = "X-Orchid-Origin"


class OrcidOAuthLibCore(OAuthLibCore):
    """DOT's bridge to oauthlib, also telling oauthlib the origin the request reached (DOT passes a
    relative URI): id_tokens name the issuer, which in sandbox mode is that origin."""

    def extract_headers(self, request: HttpRequest) -> dict[str, str]:
        headers: dict[str, str] = super().extract_headers(request)
        headers[ORIGIN_HEADER] = f"{request.scheme}://{request.get_host()}"
        return headers


class OrcidOAuth2Validator(OAuth2Validator):
    """DOT's validator with ORCID's client, scope, lifetime and refresh rules."""

    # Client authentication: ORCID clients are all confidential.

    def client_authentication_required(self, request: OauthlibRequest, *args: Any, **kwargs: Any) -> bool:
        return True

    def authenticate_client_id(
        self, client_id: str, request: OauthlibRequest, *args: Any, **kwargs: Any
    ) -> bool:
        # Reached only when a client did not authenticate; no ORCID client may skip that.
        return False

    def validate_grant_type(
        self,
        client_id: str,
        grant_type: str,
        client: Client,
        request: OauthlibRequest,
        *args: Any,
        **kwargs: Any,
    ) -> bool:
        if grant_type not in SUPPORTED_GRANT_TYPES:
            return False
        if request.client.locked:
            raise errors.UnauthorizedClientError(description="The client is locked", request=request)
        return bool(super().validate_grant_type(client_id, grant_type, client, request, *args, **kwargs))

    # Scopes.

    def validate_scopes(
        self,
        client_id: str,
        scopes: list[str],
        client: Client,
        request: OauthlibRequest,
        *args: Any,
        **kwargs: Any,
    ) -> bool:
        requested = orcid_scopes.parse(request.scope) if request.scope else list(scopes or [])
        try:
            if request.grant_type == "client_credentials":
                request.scopes = orcid_scopes.client_credentials_scopes(requested, client)
                return True
            if request.grant_type is None:  # /oauth/authorize
                request.scopes = orcid_scopes.authorize_scopes(
                    requested, client, implicit=is_implicit(request)
                )
                return True
            allowed = orcid_scopes.allowed_for(client.client_type)
            for name in requested:
                scope = orcid_scopes.SCOPES.get(name)
                if scope is None or scope.internal:
                    raise orcid_scopes.InvalidScopeError.unknown(name)
                if name not in allowed:
                    raise orcid_scopes.InvalidScopeError.not_allowed(name)
        except orcid_scopes.InvalidScopeError as exc:
            raise _invalid_scope(exc, request) from exc
        request.scopes = requested
        return True

    def get_default_scopes(
        self, client_id: str, request: OauthlibRequest, *args: Any, **kwargs: Any
    ) -> list[str]:
        return []

    def is_within_original_scope(
        self,
        request_scopes: list[str],
        refresh_token: str,
        request: OauthlibRequest,
        *args: Any,
        **kwargs: Any,
    ) -> bool:
        # A refresh may ask for any scope the parent token implies (ORCID's "combined" scopes).
        parent_scopes = orcid_scopes.expand(
            orcid_scopes.parse(self.get_original_scopes(refresh_token, request))
        )
        for name in request_scopes:
            if name not in parent_scopes:
                raise errors.InvalidScopeError(
                    description=f"The given scope '{name}' is not allowed for the parent token",
                    request=request,
                )
        return True

    def _validate_implicit_response_type(self, client: Client) -> bool:
        # ORCID serves the implicit flow (for /authenticate and openid): no RFC 9700 gate.
        return client.allows_grant_type(Client.GRANT_IMPLICIT)

    # Authorization codes.

    def save_authorization_code(
        self, client_id: str, code: dict[str, str], request: OauthlibRequest, *args: Any, **kwargs: Any
    ) -> None:
        grant = self._create_authorization_code(request, code)
        grant.orcid = getattr(request, "orcid", None)
        grant.persistent = bool(getattr(request, "orcid_persistent", True))
        grant.mfa = bool(getattr(request, "orcid_mfa", False))
        grant.save(update_fields=["orcid", "persistent", "mfa"])

    def validate_code(
        self, client_id: str, code: str, client: Client, request: OauthlibRequest, *args: Any, **kwargs: Any
    ) -> bool:
        """Consume the code (spec §3.3): unknown, expired and reused codes are refused with ORCID's words.

        The code is marked used here, before the other checks, as ORCID consumes it: a request that
        fails later (e.g. a redirect-URI mismatch) has still used it. Reuse revokes every token the
        code issued.
        """
        grant = Grant.objects.filter(code=code, application=client).select_related("user").first()
        if grant is None:
            raise errors.InvalidGrantError(description=f"Invalid authorization code: {code}", request=request)
        consumed = Grant.objects.filter(pk=grant.pk, used_at__isnull=True).update(used_at=timezone.now())
        if not consumed:
            for token in AccessToken.objects.filter(source_grant=grant):
                revoke_access_token(token)
            raise errors.InvalidGrantError(description=f"Reused authorization code: {code}", request=request)
        if grant.is_expired():
            raise errors.InvalidGrantError(description="Authorization code has expired", request=request)
        request.scopes = grant.scope.split()
        request.user = grant.user
        request.nonce = grant.nonce or None
        request.orcid = grant.orcid
        request.orcid_grant = grant
        request.orcid_persistent = grant.persistent
        request.orcid_mfa = grant.mfa
        return True

    def get_default_redirect_uri(
        self, client_id: str, request: OauthlibRequest, *args: Any, **kwargs: Any
    ) -> str:
        grant = getattr(request, "orcid_grant", None)
        if grant is not None:  # a token request without redirect_uri: the authorize request's
            return str(grant.redirect_uri)
        return str(super().get_default_redirect_uri(client_id, request, *args, **kwargs))

    def confirm_redirect_uri(
        self,
        client_id: str,
        code: str,
        redirect_uri: str,
        client: Client,
        request: OauthlibRequest,
        *args: Any,
        **kwargs: Any,
    ) -> bool:
        grant = getattr(request, "orcid_grant", None)
        if grant is None or redirect_uri != grant.redirect_uri:
            raise errors.InvalidGrantError(description="Redirect URI mismatch.", request=request)
        return True

    def invalidate_authorization_code(
        self, client_id: str, code: str, request: OauthlibRequest, *args: Any, **kwargs: Any
    ) -> None:
        # validate_code consumed the code already; it is kept, to recognise a reuse.
        return None

    # Refresh tokens.

    def validate_refresh_token(
        self, refresh_token: str, client: Client, request: OauthlibRequest, *args: Any, **kwargs: Any
    ) -> bool:
        if not super().validate_refresh_token(refresh_token, client, request, *args, **kwargs):
            raise errors.InvalidGrantError(
                description=f"Invalid refresh token: {refresh_token}", request=request
            )
        parent: AccessToken = request.refresh_token_instance.access_token
        if parent.revoked_by_researcher:
            raise errors.InvalidGrantError(description="Parent token is disabled", request=request)
        if parent.is_expired():
            raise errors.InvalidGrantError(description="Parent token is expired", request=request)
        request.orcid = parent.orcid
        request.orcid_lifetime = self._refresh_lifetime(parent, request)
        request.orcid_revoke_parent = self._revokes_parent(parent, request)
        if request.scope:
            # oauthlib splits on spaces only; ORCID also accepts '+'.
            request.scope = " ".join(orcid_scopes.parse(request.scope))
        return True

    @staticmethod
    def _refresh_lifetime(parent: AccessToken, request: OauthlibRequest) -> int:
        remaining = int((parent.expires - timezone.now()).total_seconds())
        raw = getattr(request, "expires_in", None)
        if raw in (None, ""):
            return remaining
        try:
            requested = int(str(raw).strip())
        except ValueError:
            raise errors.InvalidRequestError(description=f"{raw} is not a number", request=request) from None
        if requested < 0:
            raise errors.InvalidRequestError(description=f"{raw} is not a valid expires_in", request=request)
        if requested == 0:  # ORCID reads 0 as "not given"
            return remaining
        if requested > remaining:
            raise errors.InvalidRequestError(
                description=f"Token expiration can't be after {parent.expires.isoformat()}", request=request
            )
        return requested

    @staticmethod
    def _revokes_parent(parent: AccessToken, request: OauthlibRequest) -> bool:
        # revoke_old=true revokes the parent (ORCID's tutorial). Absent, ORCID's code defaulted it to
        # true but only revoked the token sent as "Authorization: Bearer"; false never revokes.
        revoke_old = getattr(request, "revoke_old", None)
        if revoke_old is None:
            bearer = _bearer_in_header(request)
            # Compared by checksum: the stored token column holds only a display prefix.
            return bearer is not None and token_checksum(bearer) == parent.token_checksum
        return _is_true(revoke_old)

    # Storage.

    def _create_access_token(
        self, expires: Any, request: OauthlibRequest, token: dict[str, Any], source_refresh_token: Any = None
    ) -> AccessToken:
        access_token = AccessToken(
            user=request.user,
            orcid=getattr(request, "orcid", None),
            scope=token["scope"],
            expires=expires,
            application=request.client,
            source_refresh_token=source_refresh_token,
            source_grant=getattr(request, "orcid_grant", None),
            resource=getattr(request, "resource", []),
        )
        self._set_token_value(access_token, token["access_token"])
        access_token.save()
        return access_token

    def _save_bearer_token(
        self, token: dict[str, Any], request: OauthlibRequest, *args: Any, **kwargs: Any
    ) -> None:
        if request.grant_type == "refresh_token":
            self._save_refreshed_token(token, request)
        else:
            super()._save_bearer_token(token, request, *args, **kwargs)
        # ORCID's response names the researcher by their public display name.
        orcid = getattr(request, "orcid", None)
        token["name"] = oidc.public_names(_researcher(orcid)).display_name if orcid else None
        token["orcid"] = orcid

    def _save_refreshed_token(self, token: dict[str, Any], request: OauthlibRequest) -> None:
        """A new access and refresh token beside the parent, which stays valid unless revoke_old."""
        self._check_and_set_request_resource(request)
        parent_refresh_token = request.refresh_token_instance
        parent_access_token = parent_refresh_token.access_token
        expires = timezone.now() + timedelta(seconds=token["expires_in"])
        # No source_refresh_token link: ORCID refresh tokens may be used many times, and DOT's link is
        # one-to-one.
        access_token = self._create_access_token(expires, request, token)
        self._create_refresh_token(request, token["refresh_token"], access_token, parent_refresh_token)
        if getattr(request, "orcid_revoke_parent", False) and parent_access_token is not None:
            revoke_access_token(parent_access_token)


def _researcher(orcid: str | None) -> Any:
    from orchid.records.models import Researcher

    return Researcher.objects.filter(orcid=orcid).first() if orcid else None


def add_id_token(token: dict[str, Any], token_handler: Any, request: OauthlibRequest) -> dict[str, Any]:
    """oauthlib token modifier: ``id_token`` for ``openid`` code exchanges and implicit id_token requests."""
    wanted = (
        "id_token" in (request.response_type or "").split()
        if is_implicit(request)
        else request.grant_type == "authorization_code"
    )
    researcher = _researcher(getattr(request, "orcid", None))
    if wanted and "openid" in (request.scopes or []) and researcher is not None:
        token["id_token"] = oidc.id_token(
            iss=oidc.issuer(request.headers.get(ORIGIN_HEADER, "")),
            client=request.client,
            researcher=researcher,
            user=request.user,
            access_token=token.get("access_token"),
            nonce=getattr(request, "nonce", None),
            mfa=bool(getattr(request, "orcid_mfa", False)),
        )
    return token


def implicit_fields(token: dict[str, Any], token_handler: Any, request: OauthlibRequest) -> dict[str, Any]:
    """oauthlib token modifier: ORCID's implicit fragment (``token_type=bearer``, ``tokenVersion``, ...)."""
    token["token_type"] = "bearer"
    token["tokenVersion"] = "1"
    token["persistent"] = "false"
    return token


class OrcidAuthorizationCodeGrant(AuthorizationCodeGrant):
    """oauthlib's code grant with ORCID's 6-character codes and id_tokens for ``openid``."""

    def __init__(self, request_validator: Any = None, **kwargs: Any) -> None:
        super().__init__(request_validator, **kwargs)
        self.register_token_modifier(add_id_token)

    def create_authorization_code(self, request: OauthlibRequest) -> dict[str, str]:
        grant = {"code": new_authorization_code()}
        if request.state:
            grant["state"] = request.state
        return grant


class OrcidImplicitGrant(ImplicitGrant):
    """oauthlib's implicit grant answering ``token`` and ``id_token token`` (``id_token`` alone is
    rewritten to ``id_token token``, as ORCID does); an id_token request must carry a nonce."""

    response_types = ["token", "id_token"]

    def __init__(self, request_validator: Any = None, **kwargs: Any) -> None:
        super().__init__(request_validator, **kwargs)
        self.register_token_modifier(implicit_fields)
        self.register_token_modifier(add_id_token)

    def validate_token_request(self, request: OauthlibRequest) -> Any:
        if request.response_type == "id_token":
            request.response_type = "id_token token"
        result = super().validate_token_request(request)
        if "id_token" in request.response_type.split() and not request.nonce:
            raise errors.InvalidRequestError(
                description="Implicit id_token requests must have nonce", request=request
            )
        return result


class OrcidClientCredentialsGrant(ClientCredentialsGrant):
    """oauthlib's client-credentials grant, issuing a refresh token as ORCID does."""

    def create_token_response(
        self, request: OauthlibRequest, token_handler: Any
    ) -> tuple[dict[str, str], str, int]:
        headers = self._get_default_headers()
        try:
            self.validate_token_request(request)
        except errors.OAuth2Error as exc:
            headers.update(exc.headers)
            return headers, exc.json, exc.status_code
        token = token_handler.create_token(request, refresh_token=True)
        for modifier in self._token_modifiers:
            token = modifier(token)
        self.request_validator.save_token(token, request)
        return headers, json.dumps(token), 200


class OrcidServer(Server):
    """oauthlib's server with ORCID's grants and lifetimes (the configured lifetime is ignored)."""

    def __init__(
        self,
        request_validator: OAuth2Validator,
        token_expires_in: Any = None,
        token_generator: Any = None,
        refresh_token_generator: Any = None,
        *args: Any,
        **kwargs: Any,
    ) -> None:
        super().__init__(
            request_validator, token_lifetime, token_generator, refresh_token_generator, *args, **kwargs
        )
        self.credentials_grant = OrcidClientCredentialsGrant(request_validator)
        self.auth_grant = OrcidAuthorizationCodeGrant(request_validator)
        self.implicit_grant = OrcidImplicitGrant(request_validator)
        self._response_types = {
            "code": self.auth_grant,
            "token": self.implicit_grant,
            "id_token token": self.implicit_grant,
            "id_token": self.implicit_grant,
        }
        grant_types: dict[str, Any] = dict(self.grant_types)
        grant_types["client_credentials"] = self.credentials_grant
        grant_types["authorization_code"] = self.auth_grant
        # Password and device-code grants are oauthlib's, not ORCID's.
        self._grant_types = {
            name: grant for name, grant in grant_types.items() if name in SUPPORTED_GRANT_TYPES
        }
