"""Fixtures for the API tests: hosts, researchers, clients and tokens made through the services."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import orjson
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


# --- item bodies and a shared record with items of every visibility ---------------------------

JSON = "application/vnd.orcid+json"
XML = "application/vnd.orcid+xml"

#: The sections as the Member API names them when posting (`POST /{orcid}/{segment}`).
ITEM_SEGMENTS: tuple[str, ...] = (
    "work",
    "funding",
    "education",
    "employment",
    "distinction",
    "invited-position",
    "membership",
    "qualification",
    "service",
    "peer-review",
    "research-resource",
    "address",
    "keywords",
    "other-names",
    "researcher-urls",
    "external-identifiers",
)
VISIBILITIES: tuple[str, ...] = ("public", "limited", "private")
_COUNTRIES = {"public": "US", "limited": "GB", "private": "DE", "new": "FR", "other": "JP"}


def _org(name: str, city: str, country: str, ror: str) -> dict[str, Any]:
    return {
        "name": name,
        "address": {"city": city, "country": country},
        "disambiguated-organization": {
            "disambiguated-organization-identifier": f"https://ror.org/{ror}",
            "disambiguation-source": "ROR",
        },
    }


def _self_id(kind: str, value: str) -> dict[str, Any]:
    return {
        "external-id": [
            {"external-id-type": kind, "external-id-value": value, "external-id-relationship": "self"}
        ]
    }


def item_body(segment: str, tag: str = "public") -> dict[str, Any]:
    """A valid v3.0 JSON body for POSTing to `segment`; bodies with different tags are no duplicates."""
    oxford = _org("University of Oxford", "Oxford", "GB", "052gg0110")
    affiliation = {
        "role-title": f"Role {tag}",
        "start-date": {"year": {"value": "2010"}},
        "organization": oxford,
    }
    bodies: dict[str, dict[str, Any]] = {
        "work": {
            "title": {"title": {"value": f"A study of {tag} things"}},
            "type": "journal-article",
            "external-ids": _self_id("doi", f"10.5555/orchid.{tag}"),
        },
        "funding": {
            "type": "grant",
            "title": {"title": {"value": f"Funding {tag}"}},
            "external-ids": _self_id("grant_number", f"GRANT-{tag}"),
            "organization": {
                "name": "National Science Foundation",
                "address": {"city": "Alexandria", "country": "US"},
                "disambiguated-organization": {
                    "disambiguated-organization-identifier": "http://dx.doi.org/10.13039/100000001",
                    "disambiguation-source": "FUNDREF",
                },
            },
        },
        "peer-review": {
            "reviewer-role": "reviewer",
            "review-identifiers": _self_id("source-work-id", f"review-{tag}"),
            "review-type": "review",
            "review-completion-date": {"year": {"value": "2020"}},
            "review-group-id": "issn:1741-4857",
            "convening-organization": oxford,
        },
        "research-resource": {
            "proposal": {
                "title": {"title": {"value": f"Proposal {tag}"}},
                "hosts": {"organization": [oxford]},
                "external-ids": _self_id("proposal-id", f"PROP-{tag}"),
            },
            "resource-item": [
                {
                    "resource-name": f"Beam line {tag}",
                    "resource-type": "infrastructures",
                    "hosts": {"organization": [oxford]},
                    "external-ids": _self_id("uri", f"https://resources.example.org/{tag}"),
                }
            ],
        },
        "address": {"country": {"value": _COUNTRIES.get(tag, "NZ")}},
        "keywords": {"content": f"keyword {tag}"},
        "other-names": {"content": f"Other name {tag}"},
        "researcher-urls": {"url-name": f"Page {tag}", "url": {"value": f"https://example.org/{tag}"}},
        "external-identifiers": {
            "external-id-type": "Scopus Author ID",
            "external-id-value": f"SCOPUS-{tag}",
            "external-id-url": {"value": f"https://www.scopus.com/authid/{tag}"},
            "external-id-relationship": "self",
        },
    }
    if segment in bodies:
        return bodies[segment]
    return dict(affiliation)  # the seven affiliation types share one shape


def viewer_of(token_value: str) -> Any:
    """The Member API viewer of a token, as the API would authenticate it."""
    from orchid.oauth.authentication import authenticate
    from orchid.records.viewer import Api

    return authenticate(token_value, Api.MEMBER)


def add_item(orcid: str, segment: str, body: dict[str, Any], token_value: str) -> int:
    """POST `body` through the records service as the token's client; returns the put code."""
    from orchid.records import services
    from orchid.records.sections import BY_ITEM_SEGMENT
    from orchid.schema import from_json

    section = BY_ITEM_SEGMENT[segment]
    model: Any = from_json(orjson.dumps(body), section.item_model)
    return int(services.add_item(orcid, section, model, viewer_of(token_value)))


def add_item_with_visibility(orcid: str, segment: str, tag: str, visibility: str, token_value: str) -> int:
    """An item of `visibility` added through the service.

    The API ignores a posted visibility and gives new items the researcher's default visibility; Orchid
    has no service yet for the researcher to change preferences, so the default is set on the model
    for the duration of the call.
    """
    from orchid.records.models import Researcher

    researcher = Researcher.objects.get(orcid=orcid)
    previous = researcher.default_visibility
    Researcher.objects.filter(pk=researcher.pk).update(default_visibility=visibility)
    try:
        return add_item(orcid, segment, item_body(segment, tag), token_value)
    finally:
        Researcher.objects.filter(pk=researcher.pk).update(default_visibility=previous)


@dataclass
class World:
    """A record with a public, a limited and a private item in every section, all from `main_client`."""

    orcid: str
    other_orcid: str
    main_client: Any
    other_client: Any
    reader_client: Any
    public_client: Any
    tokens: dict[str, str | None]  # caller name -> bearer token (None: anonymous)
    items: dict[tuple[str, str], int]  # (segment, visibility) -> put code
    group_put_code: int


WORLD_TOKENS = {
    "update": "a0000000-0000-4000-8000-000000000001",
    "read_public": "a0000000-0000-4000-8000-000000000002",
    "read_limited": "a0000000-0000-4000-8000-000000000003",
    "other_record": "a0000000-0000-4000-8000-000000000004",
    "other_source": "a0000000-0000-4000-8000-000000000005",
    "public_client": "a0000000-0000-4000-8000-000000000006",
    "group": "a0000000-0000-4000-8000-000000000007",
}


def build_world() -> World:
    """Everything through the services: researchers, clients, tokens, items, a group-id record."""
    from orchid.oauth import services as oauth
    from orchid.records import group_ids
    from orchid.records.researchers import create_researcher
    from orchid.schema import from_json, models

    researcher = create_researcher(
        given_names="Ada", family_name="Matrix", email="ada@example.org", biography="Ada's public biography."
    )
    other = create_researcher(given_names="Other", family_name="Person", email="other@example.org")
    main, _ = oauth.create_client("Main member", "member", ["https://main.example.org/cb"])
    other_member, _ = oauth.create_client("Other member", "member", ["https://other.example.org/cb"])
    reader, _ = oauth.create_client("Reading member", "member", ["https://reader.example.org/cb"])
    public, _ = oauth.create_client("Public app", "public", ["https://public.example.org/cb"])
    update_scopes = ["/activities/update", "/person/update"]
    grants: dict[str, tuple[Any, str | None, list[str]]] = {
        "update": (main, researcher.orcid, update_scopes),
        "read_public": (reader, None, ["/read-public"]),
        "read_limited": (reader, researcher.orcid, ["/read-limited"]),
        "other_record": (main, other.orcid, [*update_scopes, "/read-limited"]),
        "other_source": (other_member, researcher.orcid, update_scopes),
        "public_client": (public, None, ["/read-public"]),
        "group": (main, None, ["/group-id-record/update"]),
    }
    for name, (client, orcid, scopes) in grants.items():
        oauth.grant_token(client, orcid=orcid, scopes=scopes, value=WORLD_TOKENS[name])
    items = {
        (segment, visibility): add_item_with_visibility(
            researcher.orcid, segment, visibility, visibility, WORLD_TOKENS["update"]
        )
        for segment in ITEM_SEGMENTS
        for visibility in VISIBILITIES
    }
    group = from_json(
        orjson.dumps(
            {
                "name": "Matrix group",
                "group-id": "orcid-generated:matrix",
                "description": "d",
                "type": "journal",
            }
        ),
        models.group_id.GroupIdRecord,
    )
    group_put_code = group_ids.create(group, viewer_of(WORLD_TOKENS["group"]))
    tokens: dict[str, str | None] = {"anonymous": None}
    tokens.update(WORLD_TOKENS)
    return World(
        orcid=researcher.orcid,
        other_orcid=other.orcid,
        main_client=main,
        other_client=other_member,
        reader_client=reader,
        public_client=public,
        tokens=tokens,
        items=items,
        group_put_code=group_put_code,
    )


@pytest.fixture(scope="module")
def world(django_db_setup: None, django_db_blocker: Any) -> Iterator[World]:
    """One `World` per test module, built once and rolled back when the module is done.

    Each test still runs in its own savepoint (pytest-django), so writes made by a test are undone.
    """
    from django.db import transaction

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield build_world()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def error_code(response: Any) -> int | None:
    """The ORCID `error-code` of an error body in XML or JSON (None when the body is no ORCID error)."""
    body = response.content
    if not body.strip():
        return None
    if body.lstrip()[:1] == b"<":
        from lxml import etree

        root = etree.fromstring(body)
        found = root.find("{http://www.orcid.org/ns/error}error-code")
        return (
            None
            if found is None or root.tag != "{http://www.orcid.org/ns/error}error"
            else int(found.text or 0)
        )
    data = orjson.loads(body)
    return data.get("error-code") if isinstance(data, dict) else None
