"""The search endpoints over HTTP: formats, errors, limits, and python-orcid against a live server."""

from __future__ import annotations

import csv
import io

import orcid
import pytest
from django.test import Client

from tests.clients.conftest import (  # noqa: F401  (fixtures)
    LiveOrchid,
    live_orchid,
    live_server,
    public_api,
    python_orcid_v3,
)
from tests.records import builders as b
from tests.search.conftest import World

JSON = "application/json"


@pytest.mark.django_db
def test_search_json_and_xml(world: World, client: Client) -> None:
    response = client.get("/v3.0/search/", {"q": "family-name:carberry"}, HTTP_ACCEPT=JSON)
    assert response.status_code == 200
    data = response.json()
    assert data["num-found"] == 1
    assert data["result"][0]["orcid-identifier"]["path"] == world.carberry
    xml = client.get("/v3.0/search", {"q": "family-name:carberry"}, HTTP_ACCEPT="application/vnd.orcid+xml")
    assert xml.status_code == 200
    assert b'num-found="1"' in xml.content and world.carberry.encode() in xml.content


@pytest.mark.django_db
def test_expanded_search(world: World, client: Client) -> None:
    response = client.get("/v3.0/expanded-search", {"q": "family-name:carberry"}, HTTP_ACCEPT=JSON)
    assert response.status_code == 200
    result = response.json()["expanded-result"][0]
    assert result["orcid-id"] == world.carberry
    assert result["given-names"] == "Josiah"
    assert result["family-names"] == "Carberry"
    assert result["credit-name"] == "J. S. Carberry"
    assert result["other-name"] == ["Joe Carberry"]
    assert len(result["email"]) == 1  # the public address
    assert result["institution-name"] == ["Brown University"]
    xml = client.get("/v3.0/expanded-search", {"q": "*:*"}, HTTP_ACCEPT="application/xml")
    assert xml.status_code == 200 and b'num-found="3"' in xml.content


@pytest.mark.django_db
def test_csv_search(world: World, client: Client) -> None:
    response = client.get(
        "/v3.0/csv-search",
        {"q": "family-name:muller", "fl": "orcid,family-name,bogus,past-institution-affiliation-name"},
        HTTP_ACCEPT="text/csv",
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows == [
        ["orcid", "family-name", "past-institution-affiliation-name"],
        [world.muller, "Müller-Ærø", "Wesleyan University"],
    ]
    everything = client.get("/v3.0/csv-search", {"q": "family-name:carberry"})
    header, row = list(csv.reader(io.StringIO(everything.content.decode())))
    assert header[0] == "orcid" and len(header) == 9
    assert row[header.index("other-names")] == "Joe Carberry"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "status", "code", "text"),
    [
        ({"q": "family-name:(carberry"}, 400, 9001, "Syntax error"),
        ({"q": "nope:x"}, 400, 9001, "Unknown search field 'nope'"),
        ({"q": "*:*", "rows": "1001"}, 400, 9012, "rows parameter must be an integer between 0 and 1000"),
        ({"q": "*:*", "start": "10001"}, 400, 9043, "start parameter"),
    ],
)
def test_errors(
    world: World, client: Client, params: dict[str, str], status: int, code: int, text: str
) -> None:
    for path in ("/v3.0/search", "/v3.0/expanded-search", "/v3.0/csv-search"):
        response = client.get(path, params, HTTP_ACCEPT=JSON)
        assert response.status_code == status, path
        body = response.json()
        assert body["error-code"] == code
        assert text in body["developer-message"]


@pytest.mark.django_db
def test_member_token_lifts_the_start_limit(world: World, client: Client) -> None:
    from orchid.oauth import services as oauth

    member = b.client("member")
    token = oauth.grant_token(member, orcid=None, scopes=["/read-public"])
    response = client.get(
        "/v3.0/search",
        {"q": "*:*", "start": "20000"},
        HTTP_ACCEPT=JSON,
        HTTP_AUTHORIZATION=f"Bearer {token.token}",
    )
    assert response.status_code == 200
    assert response.json() == {"result": [], "num-found": 3}


def test_python_orcid_search(live_orchid: LiveOrchid, public_api: orcid.PublicAPI) -> None:  # noqa: F811
    from orchid.records.researchers import create_researcher

    for n in range(5):
        create_researcher(given_names=f"Searcher{n}", family_name="Pagination")
    found = public_api.search("family-name:pagination")
    assert found["num-found"] == 5
    assert len(found["result"]) == 5
    paths = [
        r["orcid-identifier"]["path"]
        for r in public_api.search_generator("family-name:pagination", pagination=2)
    ]
    assert len(paths) == 5 and len(set(paths)) == 5
    carberry = public_api.search("given-names:josiah", method="edismax", rows=1)
    assert [r["orcid-identifier"]["path"] for r in carberry["result"]] == [live_orchid.orcid]
