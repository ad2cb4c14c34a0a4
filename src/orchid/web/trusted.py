"""Trusted organizations: the clients holding working tokens for a researcher, and revoking them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from orchid.oauth.models import AccessToken, Client
from orchid.oauth.services import revoke_by_researcher


@dataclass(frozen=True)
class TrustedClient:
    client_id: str
    name: str
    website: str
    description: str
    scopes: tuple[str, ...]
    granted: datetime
    expires: datetime


def _live_tokens(orcid: str) -> list[AccessToken]:
    return list(
        AccessToken.objects.filter(
            orcid=orcid, revoked_by_researcher_at__isnull=True, expires__gt=timezone.now()
        )
        .select_related("application")
        .order_by("created")
    )


def trusted_clients(orcid: str) -> list[TrustedClient]:
    """Each client holding a non-revoked, unexpired token for this researcher, with every scope granted."""
    by_client: dict[int, list[AccessToken]] = {}
    for token in _live_tokens(orcid):
        if token.application is not None:
            by_client.setdefault(token.application.pk, []).append(token)
    listed = []
    for tokens in by_client.values():
        client: Client = tokens[0].application  # type: ignore[assignment]
        scopes = sorted({scope for token in tokens for scope in token.scope.split()})
        listed.append(
            TrustedClient(
                client_id=str(client.client_id),
                name=str(client.name),
                website=str(client.website),
                description=str(client.description),
                scopes=tuple(scopes),
                granted=min(token.created for token in tokens),
                expires=max(token.expires for token in tokens),
            )
        )
    return sorted(listed, key=lambda entry: entry.name.lower())


def revoke(orcid: str, client_id: str) -> int:
    """Revoke every token of this client for this researcher; returns how many were revoked."""
    with transaction.atomic():
        tokens = [
            token
            for token in _live_tokens(orcid)
            if token.application and token.application.client_id == client_id
        ]
        for token in tokens:
            revoke_by_researcher(token)
    return len(tokens)
