"""OpenID Connect as ORCID serves it (spec §4): issuer, discovery document, id_token and UserInfo claims."""

from __future__ import annotations

import base64
import hashlib
import time
import uuid
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from jwcrypto import jwt

from orchid.oauth import keys
from orchid.oauth.models import Client
from orchid.records.models import Researcher

__all__ = [
    "ID_TOKEN_SECONDS",
    "PublicNames",
    "discovery_document",
    "id_token",
    "issuer",
    "public_names",
    "researcher_for_user",
    "userinfo",
]

#: An id_token expires 24 hours after it is issued (ORCID).
ID_TOKEN_SECONDS = 24 * 3600


def issuer(origin: str) -> str:
    """The issuer (and base of every endpoint URL) for a request reaching the server at ``origin``.

    ``ORCHID_OAUTH_ISSUER`` when set; otherwise, in sandbox mode, the origin the server was reached on
    (one sandbox answers on any name); otherwise ``https://`` + ``ORCID_ID_HOST``, the registry's host.
    """
    configured = str(getattr(settings, "ORCHID_OAUTH_ISSUER", "") or "")
    if configured:
        return configured.rstrip("/")
    if getattr(settings, "SANDBOX", False):
        return origin.rstrip("/")
    return f"https://{settings.ORCID_ID_HOST}"


def discovery_document(base: str) -> dict[str, Any]:
    """``/.well-known/openid-configuration``, key for key as ORCID publishes it."""
    return {
        "issuer": base,
        "token_endpoint_auth_signing_alg_values_supported": ["RS256"],
        "id_token_signing_alg_values_supported": ["RS256"],
        "userinfo_endpoint": f"{base}/oauth/userinfo",
        "authorization_endpoint": f"{base}/oauth/authorize",
        "token_endpoint": f"{base}/oauth/token",
        "jwks_uri": f"{base}/oauth/jwks",
        "claims_supported": ["family_name", "given_name", "name", "auth_time", "iss", "sub"],
        "scopes_supported": ["openid"],
        "subject_types_supported": ["public"],
        "response_types_supported": ["code", "id_token", "id_token token"],
        "claims_parameter_supported": False,
        "token_endpoint_auth_methods_supported": ["client_secret_post"],
        "grant_types_supported": ["authorization_code", "implicit", "refresh_token"],
    }


@dataclass(frozen=True)
class PublicNames:
    given_name: str | None
    family_name: str | None
    credit_name: str | None

    @property
    def display_name(self) -> str | None:
        """ORCID's public display name: the credit name, else given and family names."""
        if self.credit_name:
            return self.credit_name
        joined = " ".join(part for part in (self.given_name, self.family_name) if part)
        return joined or None


def public_names(researcher: Researcher | None) -> PublicNames:
    """The researcher's names when their visibility is public, else nothing."""
    if researcher is None or researcher.name_visibility != "public":
        return PublicNames(None, None, None)
    return PublicNames(
        researcher.given_names or None, researcher.family_name or None, researcher.credit_name or None
    )


def researcher_for_user(user: AbstractBaseUser | Any) -> Researcher | None:
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return Researcher.objects.filter(user_id=user.pk).first()


def _at_hash(access_token: str) -> str:
    digest = hashlib.sha256(access_token.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest[: len(digest) // 2]).rstrip(b"=").decode("ascii")


def id_token(
    *,
    iss: str,
    client: Client,
    researcher: Researcher,
    user: AbstractBaseUser | Any,
    access_token: str | None,
    nonce: str | None,
    mfa: bool = False,
) -> str:
    """A signed id_token (RS256, ``kid`` header) with ORCID's claims (spec §4); ``mfa``: the sign-in the
    authorization came from passed two-factor authentication."""
    now = int(time.time())
    last_login = getattr(user, "last_login", None)
    claims: dict[str, Any] = {
        "aud": client.client_id,
        "sub": researcher.orcid,
        "auth_time": int(last_login.timestamp()) if last_login else now,
        "iss": iss,
        "exp": now + ID_TOKEN_SECONDS,
        "iat": now,
        "jti": str(uuid.uuid4()),
    }
    if access_token:
        claims["at_hash"] = _at_hash(access_token)
    if nonce:
        claims["nonce"] = nonce
    if client.is_member_client:
        # ORCID: "mfa" when the researcher signed in with two-factor authentication; one string, not a list.
        claims["amr"] = "mfa" if mfa else "pwd"
    names = public_names(researcher)
    if names.given_name:
        claims["given_name"] = names.given_name
    if names.family_name:
        claims["family_name"] = names.family_name
    if names.credit_name:
        claims["name"] = names.credit_name
    key = keys.current()
    token = jwt.JWT(header={"kid": key.kid, "alg": "RS256"}, claims=claims)
    token.make_signed_token(keys.signing_jwk(key))
    return str(token.serialize())


def userinfo(researcher: Researcher) -> dict[str, Any]:
    """``/oauth/userinfo``: the iD as URI and subject, and the public names."""
    names = public_names(researcher)
    body: dict[str, Any] = {
        "id": f"https://{settings.ORCID_ID_HOST}/{researcher.orcid}",
        "sub": researcher.orcid,
    }
    if names.credit_name:
        body["name"] = names.credit_name
    if names.family_name:
        body["family_name"] = names.family_name
    if names.given_name:
        body["given_name"] = names.given_name
    return body
