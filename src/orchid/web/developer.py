"""Developer tools: a researcher's own Public API client (ORCID allows one per record)."""

from __future__ import annotations

import uuid
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext

from orchid.oauth.models import Client, ClientType
from orchid.oauth.services import create_client


class ClientError(Exception):
    pass


def _messages(error: ValidationError) -> str:
    if hasattr(error, "message_dict"):
        return "; ".join(f"{field}: {' '.join(texts)}" for field, texts in error.message_dict.items())
    return " ".join(error.messages)


def own_client(user: Any) -> Client | None:
    return Client.objects.filter(user=user, client_type=ClientType.PUBLIC).order_by("pk").first()


def register_client(
    user: Any, *, name: str, website: str, description: str, redirect_uris: list[str]
) -> tuple[Client, str]:
    """Register the researcher's public client; returns it and its secret (shown once)."""
    if own_client(user) is not None:
        raise ClientError(gettext("You already have a public API client."))
    if not redirect_uris:
        raise ClientError(gettext("Add at least one redirect URI."))
    with transaction.atomic():
        try:
            client, secret = create_client(
                name, ClientType.PUBLIC, redirect_uris, description=description, website=website
            )
        except ValidationError as error:
            raise ClientError(_messages(error)) from None
        client.user = user
        client.save(update_fields=["user"])
    return client, secret


def update_client(
    client: Client, *, name: str, website: str, description: str, redirect_uris: list[str]
) -> None:
    if not redirect_uris:
        raise ClientError(gettext("Add at least one redirect URI."))
    client.name, client.website, client.description = name, website, description
    client.redirect_uris = " ".join(redirect_uris)
    try:
        client.full_clean(exclude=["client_secret"])
    except ValidationError as error:
        raise ClientError(_messages(error)) from None
    client.save(update_fields=["name", "website", "description", "redirect_uris", "updated"])


def reset_secret(client: Client) -> str:
    """A new secret (stored hashed); the old one stops working at once."""
    secret = str(uuid.uuid4())
    client.client_secret = secret
    client.save(update_fields=["client_secret", "updated"])
    return secret


def parse_redirect_uris(text: str) -> list[str]:
    return [line.strip() for line in text.replace(",", "\n").splitlines() if line.strip()]
