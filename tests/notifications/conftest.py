"""Fixtures for the notification tests: a researcher who can sign in, member clients and their tokens."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import orjson
import pytest
from django.test import Client

from tests.api.conftest import API

JSON = "application/vnd.orcid+json"
XML = "application/vnd.orcid+xml"
PASSWORD = "correct horse 42"


@dataclass
class Setup:
    researcher: Any
    orcid: str
    member: Any  # the member client that writes the record and asks for permissions
    other_member: Any
    update: str  # member: /activities/update /person/update for `orcid`
    other_update: str  # other_member: /activities/update for `orcid`
    notify: str  # member: client credentials /premium-notification
    other_notify: str  # other_member: client credentials /premium-notification
    read_public: str  # member: client credentials /read-public only
    public_read: str  # a public client's /read-public token


TOKENS = {
    "update": "c0000000-0000-4000-8000-000000000001",
    "other_update": "c0000000-0000-4000-8000-000000000002",
    "notify": "c0000000-0000-4000-8000-000000000003",
    "other_notify": "c0000000-0000-4000-8000-000000000004",
    "read_public": "c0000000-0000-4000-8000-000000000005",
    "public_read": "c0000000-0000-4000-8000-000000000006",
}


@pytest.fixture
def setup(db: None) -> Setup:
    from orchid.oauth import services as oauth
    from orchid.records.researchers import create_researcher

    researcher = create_researcher(
        given_names="Josiah", family_name="Carberry", email="josiah@example.org", password=PASSWORD
    )
    member, _ = oauth.create_client("Brown CRIS", "member", ["https://cris.example.org/cb"])
    other, _ = oauth.create_client("Other CRIS", "member", ["https://other.example.org/cb"])
    public, _ = oauth.create_client("Public app", "public", ["https://public.example.org/cb"])
    writes = ["/activities/update", "/person/update"]
    oauth.grant_token(member, orcid=researcher.orcid, scopes=writes, value=TOKENS["update"])
    oauth.grant_token(other, orcid=researcher.orcid, scopes=writes, value=TOKENS["other_update"])
    oauth.grant_token(member, scopes=["/premium-notification"], value=TOKENS["notify"])
    oauth.grant_token(other, scopes=["/premium-notification"], value=TOKENS["other_notify"])
    oauth.grant_token(member, scopes=["/read-public"], value=TOKENS["read_public"])
    oauth.grant_token(public, scopes=["/read-public"], value=TOKENS["public_read"])
    return Setup(researcher, researcher.orcid, member, other, **TOKENS)


def bearer(token: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def work(title: str, doi: str) -> bytes:
    return orjson.dumps(
        {
            "title": {"title": {"value": title}},
            "type": "journal-article",
            "external-ids": {
                "external-id": [
                    {"external-id-type": "doi", "external-id-value": doi, "external-id-relationship": "self"}
                ]
            },
        }
    )


@pytest.fixture
def post_work(client: Client) -> Callable[..., Any]:
    def post(setup: Setup, title: str, doi: str, token: str | None = None) -> Any:
        return client.post(
            f"/v3.0/{setup.orcid}/work",
            data=work(title, doi),
            content_type=JSON,
            HTTP_HOST=API,
            HTTP_ACCEPT=JSON,
            **bearer(token or setup.update),
        )

    return post


def put_code_of(response: Any) -> int:
    assert response.status_code == 201, response.content
    return int(response["Location"].rstrip("/").rsplit("/", 1)[1])
