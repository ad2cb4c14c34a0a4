"""OAuth clients and tokens: django-oauth-toolkit's models, swapped for ORCID's notions.

ORCID clients are all confidential in the RFC 6749 sense (each holds a secret), so DOT's
``client_type`` field carries ORCID's client type instead (public / member / premium); the custom
validator in `orchid.oauth.server` requires client authentication from every client. Tokens are
bound to a researcher by ORCID iD (``AccessToken.orcid``), not to a Django user.

Access and refresh tokens are stored hashed: ``token_checksum`` (SHA-256 of the value, hex) is what
every lookup goes by, and the ``token`` column keeps only a display prefix (the first 8 characters and
"…", `display_prefix`). The plain value is never written: `RedactedTokenField` writes the prefix of
whatever value the in-memory object holds, and `HashedTokenChecksumField` derives the checksum from the
plain value while there is one, keeping the stored checksum once the object only holds a prefix (e.g.
loaded from the database and saved again). An object that was just created still holds the plain
value in memory (``token``), which is how `orchid.oauth.services.grant_token` returns it.
"""

from __future__ import annotations

import secrets
import string
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db import models
from oauth2_provider.models import (
    AbstractAccessToken,
    AbstractApplication,
    AbstractGrant,
    AbstractIDToken,
    AbstractRefreshToken,
    TokenChecksumField,
)

from orchid.oauth import redirects

__all__ = [
    "AccessToken",
    "Client",
    "ClientType",
    "Grant",
    "HashedTokenChecksumField",
    "IDToken",
    "RedactedTokenField",
    "RefreshToken",
    "SigningKey",
    "display_prefix",
    "generate_client_id",
    "is_display_prefix",
]

_CLIENT_ID_ALPHABET = string.ascii_uppercase + string.digits
_CLIENT_ID_RANDOM_LENGTH = 16


def generate_client_id() -> str:
    """A new ORCID-format client id: ``APP-`` and 16 upper-case letters or digits."""
    return "APP-" + "".join(secrets.choice(_CLIENT_ID_ALPHABET) for _ in range(_CLIENT_ID_RANDOM_LENGTH))


#: How many leading characters of a token the database keeps, for display.
TOKEN_PREFIX_LENGTH = 8
#: What marks a stored token value as a display prefix rather than a token.
TOKEN_PREFIX_MARK = "\u2026"


def display_prefix(token_value: str) -> str:
    """What the ``token`` column stores for ``token_value``: its first 8 characters and "…"."""
    if not token_value or is_display_prefix(token_value):
        return token_value
    return token_value[:TOKEN_PREFIX_LENGTH] + TOKEN_PREFIX_MARK


def is_display_prefix(value: str) -> bool:
    """Whether a ``token`` value is a display prefix: no bearer token contains "…" (RFC 6750's
    b64token characters are ASCII)."""
    return value.endswith(TOKEN_PREFIX_MARK) and len(value) <= TOKEN_PREFIX_LENGTH + len(TOKEN_PREFIX_MARK)


class RedactedTokenField(models.TextField):  # type: ignore[type-arg]
    """DOT's ``token`` column, written as the display prefix of the value (`display_prefix`).

    The in-memory attribute is left alone, so the checksum field (saved after this one) still sees
    the plain value, and a freshly created object can hand it back to its creator.
    """

    def pre_save(self, model_instance: models.Model, add: bool) -> str:
        # DOT's hashed-at-rest setting (COMPLIANT_BCP_RFC9700_TOKEN_STORAGE) blanks ``token`` and keeps
        # the value on ``_raw_token``: the prefix is taken from there then.
        value = getattr(model_instance, self.attname) or getattr(model_instance, "_raw_token", None)
        return display_prefix(str(value or ""))


class HashedTokenChecksumField(TokenChecksumField):
    """DOT's ``token_checksum``, never derived from a display prefix.

    DOT's field recomputes the checksum from the ``token`` attribute on every save; once the object
    holds only the stored prefix (loaded from the database, e.g. by ``RefreshToken.revoke()``) the
    stored checksum is kept instead.
    """

    def pre_save(self, model_instance: models.Model, add: bool) -> str:
        if getattr(model_instance, "_raw_token", None) is None and is_display_prefix(
            str(getattr(model_instance, "token", "") or "")
        ):
            return str(getattr(model_instance, self.attname))
        return str(super().pre_save(model_instance, add))


class ClientType(models.TextChoices):
    """ORCID's client types: Public API clients, Member API clients, premium members (webhooks)."""

    PUBLIC = "public", "Public API client"
    MEMBER = "member", "Member API client"
    PREMIUM = "premium", "Premium member API client"


class Client(AbstractApplication):
    """An ORCID API client (DOT's Application).

    ``client_secret`` is hashed on save by DOT's field; the plain secret is shown once, by
    `orchid.oauth.services.create_client`.
    """

    # Redefined from DOT's field only to generate ORCID-format ids; a given id (legacy
    # ORCID-iD-shaped client ids, fixtures) is kept as it is.
    client_id: models.CharField[str, str] = models.CharField(
        max_length=255, unique=True, default=generate_client_id, db_index=True, verbose_name="client ID"
    )
    client_type: models.CharField[str, str] = models.CharField(
        max_length=32, choices=ClientType.choices, verbose_name="client type"
    )
    # DOT's single grant type does not fit ORCID, where every client may use the code flow, client
    # credentials and refresh tokens; `allows_grant_type` answers for ORCID.
    authorization_grant_type: models.CharField[str, str] = models.CharField(
        max_length=44,
        choices=AbstractApplication.GRANT_TYPES,
        default=AbstractApplication.GRANT_AUTHORIZATION_CODE,
        verbose_name="authorization grant type",
    )
    description: models.TextField[str, str] = models.TextField(blank=True, default="")
    website: models.URLField[str, str] = models.URLField(max_length=2000, blank=True, default="")
    #: ORCID's "persistent tokens": 3-legged tokens last ~20 years instead of an hour.
    persistent_tokens: models.BooleanField[bool, bool] = models.BooleanField(default=True)
    #: A locked client may not get tokens (400 unauthorized_client) nor use them (9057).
    locked: models.BooleanField[bool, bool] = models.BooleanField(default=False)

    ORCID_GRANT_TYPES = frozenset(
        {
            AbstractApplication.GRANT_AUTHORIZATION_CODE,
            AbstractApplication.GRANT_CLIENT_CREDENTIALS,
            AbstractApplication.GRANT_IMPLICIT,
        }
    )

    class Meta:
        verbose_name = "OAuth client"

    def allows_grant_type(self, *grant_types: str) -> bool:
        return any(grant_type in self.ORCID_GRANT_TYPES for grant_type in grant_types)

    @property
    def is_public_client(self) -> bool:
        return self.client_type == ClientType.PUBLIC

    @property
    def is_member_client(self) -> bool:
        return self.client_type in (ClientType.MEMBER, ClientType.PREMIUM)

    def redirect_uri_allowed(self, uri: str) -> bool:
        """ORCID's rule (`orchid.oauth.redirects`): same origin and user info, registered path prefix."""
        return redirects.matches_any(uri, self.redirect_uris.split())


class AccessToken(AbstractAccessToken):
    """An access token (a lowercase UUID4 string), stored as its checksum and a display prefix."""

    token: RedactedTokenField = RedactedTokenField(verbose_name="token")
    token_checksum: HashedTokenChecksumField = HashedTokenChecksumField(
        max_length=64, blank=False, unique=True, db_index=True, verbose_name="token checksum"
    )

    #: The plain access and refresh token values on an object `orchid.oauth.services.grant_token` just
    #: issued (for fixtures and the CLI); never stored, None on an object loaded from the database.
    plain_token: str | None = None
    plain_refresh_token: str | None = None

    #: The researcher who granted the token; null for client-credentials tokens.
    orcid: models.CharField[str | None, str | None] = models.CharField(
        max_length=19, null=True, blank=True, db_index=True
    )
    #: Set when the researcher revoked the token (trusted organizations): it may still DELETE.
    revoked_by_researcher_at: models.DateTimeField[datetime | None, datetime | None] = models.DateTimeField(
        null=True, blank=True
    )

    #: The authorization code this token was issued for: reusing the code revokes the token (spec §3.3).
    source_grant: models.ForeignKey[Any, Any] = models.ForeignKey(
        settings.OAUTH2_PROVIDER_GRANT_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="access_tokens",
    )

    @property
    def revoked_by_researcher(self) -> bool:
        return self.revoked_by_researcher_at is not None


class RefreshToken(AbstractRefreshToken):
    """A refresh token, stored as its checksum (looked up by it) and a display prefix."""

    token: RedactedTokenField = RedactedTokenField(verbose_name="token")
    token_checksum: HashedTokenChecksumField = HashedTokenChecksumField(
        max_length=64, blank=False, verbose_name="token checksum"
    )
    # ORCID issues refresh tokens with client-credentials tokens too, which have no user: DOT's
    # non-null user foreign key is relaxed for them.
    user: models.ForeignKey[Any, Any] = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="%(app_label)s_%(class)s",
        verbose_name="user",
    )


class IDToken(AbstractIDToken):
    pass


class Grant(AbstractGrant):
    """An authorization code: 6 characters, single use, kept after use to detect reuse (spec §3.3)."""

    #: The researcher who approved the request.
    orcid: models.CharField[str | None, str | None] = models.CharField(max_length=19, null=True, blank=True)
    #: Whether tokens issued for this code are long-lived (client setting and the researcher's choice).
    persistent: models.BooleanField[bool, bool] = models.BooleanField(default=True)
    #: Whether the researcher's sign-in passed two-factor authentication (the id_token's ``amr``).
    mfa: models.BooleanField[bool, bool] = models.BooleanField(default=False)
    #: When the code was exchanged; a second exchange revokes what the first one issued.
    used_at: models.DateTimeField[datetime | None, datetime | None] = models.DateTimeField(
        null=True, blank=True
    )


class SigningKey(models.Model):
    """An RSA key that signs id_tokens (RS256), published at ``/oauth/jwks`` under its ``kid``.

    The newest active key signs; older keys stay published until retired, so tokens they signed can
    still be verified after a rotation (`orchid.oauth.keys`).
    """

    kid: models.CharField[str, str] = models.CharField(max_length=64, unique=True)
    private_key_pem: models.TextField[str, str] = models.TextField()
    created: models.DateTimeField[datetime, datetime] = models.DateTimeField(auto_now_add=True)
    #: A retired key is neither used nor published.
    retired_at: models.DateTimeField[datetime | None, datetime | None] = models.DateTimeField(
        null=True, blank=True
    )

    class Meta:
        verbose_name = "id_token signing key"
        ordering = ["-created", "-id"]

    def __str__(self) -> str:
        return self.kid
