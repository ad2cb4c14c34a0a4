"""Webhook test fixtures: a record, premium and member clients with their tokens, a callback receiver."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import pytest
from django.test import Client

from tests.outbox.receiver import Receiver, running_receiver


@dataclass(frozen=True)
class Premium:
    client: Any
    token: str


def premium_client(name: str = "Premium CRIS") -> Premium:
    from orchid.oauth import services as oauth

    client, _ = oauth.create_client(name, "premium", ["https://cris.example.org/cb"])
    token = oauth.grant_token(client, scopes=["/webhook"])
    assert token.plain_token
    return Premium(client, token.plain_token)


@pytest.fixture
def premium(db: None) -> Premium:
    return premium_client()


@pytest.fixture
def researcher(db: None) -> Any:
    from orchid.records.researchers import create_researcher

    return create_researcher(given_names="Josiah", family_name="Carberry")


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    with running_receiver() as running:
        yield running


@pytest.fixture(autouse=True)
def webhook_settings(settings: Any) -> None:
    settings.ORCHID_WEBHOOK_WINDOW_SECONDS = 0
    settings.ORCHID_WEBHOOK_ALLOW_PRIVATE = True
    settings.ORCHID_OUTBOX_RETRY_SECONDS = 0
    settings.ORCHID_OUTBOX_CONCURRENCY = 1
    settings.ORCHID_WEBHOOK_TIMEOUT_SECONDS = 5
    settings.ORCHID_RENDERING_REFRESH = False  # the outbox holds webhook calls only: counts stay exact


def webhook_path(orcid: str, callback: str, *, version: str = "") -> str:
    return f"{version}/{orcid}/webhook/{quote(callback, safe='')}"


def put(client: Client, orcid: str, callback: str, token: str | None, **extra: Any) -> Any:
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    return client.put(webhook_path(orcid, callback), **headers, **extra)


def delete(client: Client, orcid: str, callback: str, token: str | None) -> Any:
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    return client.delete(webhook_path(orcid, callback), **headers)
