"""Fixtures for the OAuth tests: registered clients (with their plain secrets) and a fast hasher."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client as HttpClient

from orchid.oauth.models import Client
from orchid.oauth.services import create_client

RESEARCHER = "0000-0002-1825-0097"
OTHER_RESEARCHER = "0000-0001-5109-3700"


@dataclass(frozen=True)
class Registered:
    client: Client
    secret: str

    @property
    def client_id(self) -> str:
        return str(self.client.client_id)


@pytest.fixture(autouse=True)
def fast_secret_hashing(settings: Any) -> Iterator[None]:
    # Client secrets are hashed like passwords; PBKDF2's production cost would dominate the run.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    yield


@pytest.fixture
def member(db: None) -> Registered:
    return Registered(*create_client("Member Org", "member", ["https://member.example.org/callback"]))


@pytest.fixture
def premium(db: None) -> Registered:
    return Registered(*create_client("Premium Org", "premium"))


@pytest.fixture
def public(db: None) -> Registered:
    return Registered(*create_client("Public App", "public"))


@pytest.fixture
def http() -> HttpClient:
    return HttpClient()
