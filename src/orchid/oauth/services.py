"""Clients and tokens made directly, without HTTP: for fixtures, the demo data and the CLI."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable
from datetime import timedelta
from typing import Any, Literal

from django.db import transaction
from django.utils import timezone
from oauth2_provider.models import set_token_value

from orchid import ids
from orchid.oauth import scopes as orcid_scopes
from orchid.oauth.models import AccessToken, Client, ClientType, RefreshToken
from orchid.oauth.server import LONG_LIVED_TOKEN_SECONDS, SHORT_LIVED_TOKEN_SECONDS, new_token_value

__all__ = [
    "TokenState",
    "create_client",
    "create_member_client",
    "grant_token",
    "list_clients",
    "read_client",
    "revoke_by_researcher",
    "set_client_locked",
]

audit = logging.getLogger("orchid.audit")

TokenState = Literal["active", "revoked", "expired"]
TOKEN_STATES: tuple[TokenState, ...] = ("active", "revoked", "expired")


def create_client(
    name: str,
    client_type: ClientType | str,
    redirect_uris: Iterable[str] = (),
    *,
    client_id: str | None = None,
    client_secret: str | None = None,
    description: str = "",
    website: str = "",
) -> tuple[Client, str]:
    """Register a client; returns it and its plain secret, which is stored only hashed.

    Without ``client_id`` an ORCID-format ``APP-...`` id is generated; without ``client_secret`` a
    UUID4 (ORCID's secret format). Raises Django's ``ValidationError`` for bad input (an unknown
    client type, a malformed redirect URI or website, a client id already taken).
    """
    plain_secret = client_secret if client_secret else str(uuid.uuid4())
    uris = " ".join(redirect_uris)
    client = Client(
        name=name,
        client_type=str(client_type),
        redirect_uris=uris,
        # DOT refuses a code-flow client without redirect URIs; such a client can only use client
        # credentials anyway (ORCID's authorize endpoint needs a registered URI too).
        authorization_grant_type=(
            Client.GRANT_AUTHORIZATION_CODE if uris else Client.GRANT_CLIENT_CREDENTIALS
        ),
        client_secret=plain_secret,
        description=description,
        website=website,
    )
    if client_id:
        client.client_id = client_id
    client.full_clean()
    client.save()
    return client, plain_secret


def create_member_client(
    name: str,
    client_type: ClientType | str,
    redirect_uris: Iterable[str] = (),
    *,
    description: str = "",
    website: str = "",
    actor: str,
) -> tuple[Client, str]:
    """An operator registers a member or premium client (audited); returns it and its plain secret.

    Raises ``ValueError`` for another client type and Django's ``ValidationError`` for bad input.
    """
    if str(client_type) not in (ClientType.MEMBER, ClientType.PREMIUM):
        raise ValueError(f"operators create member or premium clients, not {client_type!r}")
    client, secret = create_client(name, client_type, redirect_uris, description=description, website=website)
    audit.info("client %s (%s, %r) created by %s", client.client_id, client.client_type, name, actor)
    return client, secret


def list_clients() -> list[Client]:
    """Every client, newest first (the operators' list)."""
    return list(Client.objects.order_by("-created", "-pk"))


def set_client_locked(client_id: str, locked: bool, *, actor: str) -> Client:
    """Lock (or unlock) a client: locked, it gets no tokens and its tokens stop working. Raises
    ``Client.DoesNotExist`` for an unknown id."""
    client = Client.objects.get(client_id=client_id)
    if client.locked != locked:
        client.locked = locked
        client.save(update_fields=["locked", "updated"])
    audit.info("client %s %s by %s", client.client_id, "locked" if locked else "unlocked", actor)
    return client


def grant_token(
    client: Client,
    *,
    orcid: str | None = None,
    scopes: Iterable[str],
    value: str | None = None,
    refresh_value: str | None = None,
    state: TokenState = "active",
    expires_in: int | None = None,
) -> AccessToken:
    """Issue an access token and its refresh token as the token endpoint would have.

    ``orcid`` is the researcher who granted it (None: a client-credentials token). Lifetimes follow
    ORCID unless ``expires_in`` says otherwise: 631138519 s for client-credentials tokens and for
    clients with persistent tokens, else 3600 s. ``state`` "revoked" marks the token as revoked by
    the researcher (it may still DELETE); "expired" makes it expire in the past.

    The database keeps only the tokens' checksums and display prefixes (`orchid.oauth.models`); the
    plain values are on the returned object only: ``plain_token`` and ``plain_refresh_token`` (and,
    on this in-memory object, ``token`` still holds the plain access token too; reloaded from the
    database it holds the prefix).
    """
    scope_names = [name for name in scopes for name in orcid_scopes.parse(name)]
    unknown = [name for name in scope_names if not orcid_scopes.is_known(name)]
    if unknown or not scope_names:
        raise ValueError(f"unknown or missing scopes: {unknown or scope_names!r}")
    if orcid is not None and not ids.is_valid(orcid):
        raise ValueError(f"not an ORCID iD: {orcid!r}")
    if state not in TOKEN_STATES:
        raise ValueError(f"token state must be one of {TOKEN_STATES}, not {state!r}")

    now = timezone.now()
    if expires_in is None:
        long_lived = orcid is None or client.persistent_tokens
        expires_in = LONG_LIVED_TOKEN_SECONDS if long_lived else SHORT_LIVED_TOKEN_SECONDS
    expires = now - timedelta(seconds=1) if state == "expired" else now + timedelta(seconds=expires_in)

    access_token = AccessToken(
        application=client,
        orcid=orcid,
        scope=" ".join(scope_names),
        expires=expires,
        revoked_by_researcher_at=now if state == "revoked" else None,
    )
    plain_token = value or new_token_value()
    plain_refresh_token = refresh_value or new_token_value()
    set_token_value(access_token, plain_token)
    refresh_token = RefreshToken(application=client, access_token=access_token, token_family=uuid.uuid4())
    set_token_value(refresh_token, plain_refresh_token)
    with transaction.atomic():
        access_token.save()
        refresh_token.access_token = access_token
        refresh_token.save()
    access_token.plain_token = plain_token
    access_token.plain_refresh_token = plain_refresh_token
    return access_token


def revoke_by_researcher(token: AccessToken) -> None:
    """Record that the researcher revoked the token (ORCID's "trusted organizations" page).

    The token keeps working for DELETE requests only, so the client can remove its items.
    """
    if token.revoked_by_researcher_at is None:
        token.revoked_by_researcher_at = timezone.now()
        token.save(update_fields=["revoked_by_researcher_at", "updated"])


def read_client(client_id: str) -> Any:
    """The public description of a client (`GET /v3.0/client/{client_id}`): its name and description."""
    from orchid.errors import OrcidError
    from orchid.schema import models

    client = Client.objects.filter(client_id=client_id).first()
    if client is None:
        raise OrcidError(9027, client=client_id)
    return models.client.Client(name=client.name, description=client.description or "")
