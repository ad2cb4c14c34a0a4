"""pyorcid 1.2.2's three search modes (``OrcidSearch.search(query, start, rows, search_mode, columns)``)
against a live Orchid: ``search``, ``expanded-search`` (its default) and ``csv-search``.

From pyorcid's source (``pyorcid/orcid_search.py``): every request is a module-level ``requests.get`` of
``https://{pub,api}[.sandbox].orcid.org/v3.0/{mode}/?q={quote_plus(q)}&start=..&rows=..``
(``&fl={columns}`` for csv-search) with ``Authorization: Bearer {token}`` and ``Content-Type:
application/json`` (``text/csv`` for csv-search) and no ``Accept`` (requests sends ``*/*``), so the
answer's type follows the Content-Type (ORCID's AcceptFilter). The answer is always read with
``response.json()``. So these tests give ``pyorcid.orcid_search`` a ``requests`` whose ``get`` sends
ORCID's hosts to the live server; the rest is pyorcid's own. A token given to ``OrcidSearch`` is first
"checked" with a GET of ``/v3.0/search`` (no query), whose answer pyorcid ignores.

csv-search: Orchid answers ``text/csv`` as ORCID does, which pyorcid then feeds to ``response.json()``:
the mode raises ``JSONDecodeError`` against ORCID as well. The test checks that the request pyorcid makes
is answered with the expected CSV, and that pyorcid's parsing fails the way it does on ORCID.
"""

from __future__ import annotations

import csv
import io
from typing import Any

import pyorcid
import pyorcid.orcid_search
import pytest
import requests

from tests.clients.conftest import FAMILY_NAME, GIVEN_NAMES, LiveOrchid
from tests.clients.test_python_orcid import BOSTON_UNIVERSITY, employment_json, work_json

ORCID_HOSTS = (
    "https://pub.sandbox.orcid.org",
    "https://api.sandbox.orcid.org",
    "https://pub.orcid.org",
    "https://api.orcid.org",
)


class RequestsToLiveServer:
    """Stands in for ``requests`` inside ``pyorcid.orcid_search``: ORCID's hosts go to the live server, and
    the last response is kept so a test can look at what pyorcid could not parse."""

    exceptions = requests.exceptions
    Session = requests.Session

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.responses: list[requests.Response] = []

    def get(self, url: str, **kwargs: Any) -> requests.Response:
        for host in ORCID_HOSTS:
            if url.startswith(host + "/"):
                url = self.base_url + url.removeprefix(host)
        kwargs.setdefault("timeout", 10)
        response = requests.get(url, **kwargs)
        self.responses.append(response)
        return response


@pytest.fixture
def searchable(live_orchid: LiveOrchid, monkeypatch: pytest.MonkeyPatch) -> RequestsToLiveServer:
    """Josiah Carberry with a public work and a current employment at Boston University, posted by the member
    client over HTTP (which indexes them), and pyorcid's search module pointed at the live server."""
    headers = {
        "Authorization": f"Bearer {live_orchid.update_token}",
        "Content-Type": "application/vnd.orcid+json",
        "Accept": "application/vnd.orcid+json",
    }
    for item_type, body in (
        ("work", work_json("Cracked pots revisited", "10.5555/pyorcid.search")),
        ("employment", employment_json("Professor of Psychoceramics")),
    ):
        response = requests.post(
            f"{live_orchid.url}/v3.0/{live_orchid.orcid}/{item_type}", json=body, headers=headers, timeout=10
        )
        assert response.status_code == 201, response.text
    shim = RequestsToLiveServer(live_orchid.url)
    monkeypatch.setattr(pyorcid.orcid_search, "requests", shim)
    monkeypatch.delenv("ORCID_ACCESS_TOKEN", raising=False)
    return shim


def read_public_token(live_orchid: LiveOrchid) -> str:
    response = requests.post(
        f"{live_orchid.url}/oauth/token",
        data={
            "client_id": live_orchid.public_key,
            "client_secret": live_orchid.public_secret,
            "grant_type": "client_credentials",
            "scope": "/read-public",
        },
        headers={"Accept": "application/json"},
        timeout=10,
    )
    assert response.status_code == 200, response.text
    return str(response.json()["access_token"])


def test_search_mode(searchable: RequestsToLiveServer, live_orchid: LiveOrchid) -> None:
    finder = pyorcid.OrcidSearch()  # anonymous, Public API
    found = finder.search(f"family-name:{FAMILY_NAME} AND given-names:{GIVEN_NAMES}", search_mode="search")
    assert found["num-found"] == 1
    assert [r["orcid-identifier"]["path"] for r in found["result"]] == [live_orchid.orcid]
    assert found["result"][0]["orcid-identifier"]["uri"].endswith("/" + live_orchid.orcid)

    by_doi = finder.search('doi-self:"10.5555/pyorcid.search"', search_mode="search")
    assert [r["orcid-identifier"]["path"] for r in by_doi["result"]] == [live_orchid.orcid]
    nobody = finder.search("family-name:Nobodyhere", search_mode="search")
    assert nobody["num-found"] == 0 and not nobody.get("result")
    sent = searchable.responses[-1].request
    assert sent.url is not None and "/v3.0/search/?q=family-name%3ANobodyhere&start=0&rows=1000" in sent.url


def test_expanded_search_mode_is_the_default(
    searchable: RequestsToLiveServer, live_orchid: LiveOrchid
) -> None:
    finder = pyorcid.OrcidSearch(
        orcid_access_token=read_public_token(live_orchid), state="public", sandbox=True
    )
    found = finder.search('affiliation-org-name:"Boston University"')
    assert found["num-found"] == 1
    (result,) = found["expanded-result"]
    assert result["orcid-id"] == live_orchid.orcid
    assert result["given-names"] == GIVEN_NAMES
    assert result["family-names"] == FAMILY_NAME
    assert result["institution-name"] == [BOSTON_UNIVERSITY["name"]]
    assert result["email"] == []  # the address is private: never indexed, never shown

    paged = finder.search('affiliation-org-name:"Boston University"', start=1, rows=10)
    assert paged["num-found"] == 1 and not paged.get("expanded-result")
    assert "/v3.0/expanded-search/" in str(searchable.responses[-1].request.url)


def test_csv_search_mode(searchable: RequestsToLiveServer, live_orchid: LiveOrchid) -> None:
    finder = pyorcid.OrcidSearch()
    with pytest.raises(requests.exceptions.JSONDecodeError):  # pyorcid parses the CSV as JSON
        finder.search(f"family-name:{FAMILY_NAME}", search_mode="csv-search")
    response = searchable.responses[-1]
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/csv")
    assert response.request.headers["Content-Type"] == "text/csv"
    rows = list(csv.reader(io.StringIO(response.text)))
    # pyorcid's default columns, in its order
    assert rows == [
        ["orcid", "given-names", "family-name", "current-institution-affiliation-name"],
        [live_orchid.orcid, GIVEN_NAMES, FAMILY_NAME, BOSTON_UNIVERSITY["name"]],
    ]

    with pytest.raises(requests.exceptions.JSONDecodeError):
        finder.search('work-titles:"cracked pots"', search_mode="csv-search", columns="orcid,credit-name")
    rows = list(csv.reader(io.StringIO(searchable.responses[-1].text)))
    assert rows[0] == ["orcid", "credit-name"] and rows[1][0] == live_orchid.orcid
