"""Fixtures for the API tests: hosts, researchers, clients and tokens made through the services."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

PUB = "pub.orchid.test"
API = "api.orchid.test"
LOCAL = "127.0.0.1:8000"


@dataclass
class Tokens:
    orcid: str
    member_client: Any
    public_client: Any
    update: str  # member client, /activities/update /person/update /read-limited for `orcid`
    read_public: str  # member client, client credentials
    public_read: str  # public client, client credentials


@pytest.fixture
def tokens(db: None) -> Tokens:
    from orchid.oauth import services as oauth
    from orchid.records.researchers import create_researcher

    researcher = create_researcher(given_names="Josiah", family_name="Carberry", email="jc@example.org")
    member, _ = oauth.create_client("Member system", "member", ["https://member.example.org/cb"])
    public, _ = oauth.create_client("Public app", "public", ["https://public.example.org/cb"])
    update = oauth.grant_token(
        member,
        orcid=researcher.orcid,
        scopes=["/activities/update", "/person/update", "/read-limited"],
        value="11111111-1111-4111-8111-111111111111",
    )
    read_public = oauth.grant_token(
        member, scopes=["/read-public"], value="22222222-2222-4222-8222-222222222222"
    )
    public_read = oauth.grant_token(
        public, scopes=["/read-public"], value="33333333-3333-4333-8333-333333333333"
    )
    del update, read_public, public_read
    return Tokens(
        orcid=researcher.orcid,
        member_client=member,
        public_client=public,
        update="11111111-1111-4111-8111-111111111111",
        read_public="22222222-2222-4222-8222-222222222222",
        public_read="33333333-3333-4333-8333-333333333333",
    )


@pytest.fixture
def bearer() -> Callable[[str], dict[str, str]]:
    def headers(token: str) -> dict[str, str]:
        return {"HTTP_AUTHORIZATION": f"Bearer {token}"}

    return headers
