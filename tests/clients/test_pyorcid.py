"""pyorcid 1.2.2 (``import pyorcid``) against a live Orchid: the record and its sections, public and member.

pyorcid cannot be given a base URL: ``Orcid`` builds every URL in a private method,
``Orcid.__get_api_url`` (name-mangled ``_Orcid__get_api_url``), from hard-coded hosts
(``https://{pub,api}[.sandbox].orcid.org/v3.0/{orcid}[/{section}]``), and
``OrcidAuthentication.get_public_access_token`` posts to a hard-coded ``https://[sandbox.]orcid.org/oauth/token``
with the module-level ``requests``. So these tests replace that one method with the same URL on the live
server, and give ``pyorcid.orcid_authentication`` a ``requests`` whose ``post`` sends ORCID's token URL to the
live server; everything else (headers, parsing, error handling) is pyorcid's own.

From its source: reads send ``Content-Type: application/json`` and no ``Accept`` (requests sends ``*/*``), so
the answer's type comes from the request's Content-Type (ORCID's AcceptFilter); non-2xx answers other than
401/403 are logged and read as ``{}``, hence the value checks. ``Orcid(...)`` checks its token first with a
GET of the record (the environment variable ``ORCID_ACCESS_TOKEN``, which would send that check to the real
sandbox, is unset). Not exercised: ``Orcid.email()``, which looks for ``person/emails/email`` inside the
``/email`` section and so fails with ``TypeError`` on ORCID's shape (``{"email": [...]}``) too;
``OrcidScrapper``. ``OrcidSearch`` is exercised in test_pyorcid_search.py.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pyorcid
import pyorcid.orcid_authentication
import pytest
import requests

from tests.clients.conftest import BIOGRAPHY, CREDIT_NAME, FAMILY_NAME, GIVEN_NAMES, LiveOrchid
from tests.clients.test_python_orcid import ACTIVITY_ITEMS, PERSON_ITEMS


class RequestsToLiveServer:
    """Stands in for the ``requests`` module inside ``pyorcid.orcid_authentication``: ORCID's hosts are sent
    to the live server, everything else is the real ``requests``."""

    exceptions = requests.exceptions
    Session = requests.Session

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url

    def post(self, url: str, **kwargs: Any) -> requests.Response:
        for host in ("https://sandbox.orcid.org", "https://orcid.org"):
            if url.startswith(host + "/"):
                url = self.base_url + url.removeprefix(host)
        kwargs.setdefault("timeout", 10)
        return requests.post(url, **kwargs)


@pytest.fixture
def pyorcid_live(live_orchid: LiveOrchid, monkeypatch: pytest.MonkeyPatch) -> LiveOrchid:
    def api_url(self: pyorcid.Orcid, section: str = "") -> str:
        # pyorcid's own URL shape, on the live server's origin (both "public" and "member" states: one origin
        # serves both APIs, the token decides).
        url = f"{live_orchid.url}/v3.0/{self._orcid_id}"
        return f"{url}/{section}" if section else url

    monkeypatch.setattr(pyorcid.Orcid, "_Orcid__get_api_url", api_url)
    monkeypatch.setattr(pyorcid.orcid_authentication, "requests", RequestsToLiveServer(live_orchid.url))
    monkeypatch.delenv("ORCID_ACCESS_TOKEN", raising=False)
    return live_orchid


@pytest.fixture
def populated(pyorcid_live: LiveOrchid) -> dict[str, int]:
    """One item of every person and activity type, posted by the member client over HTTP."""
    put_codes: dict[str, int] = {}
    headers = {
        "Authorization": f"Bearer {pyorcid_live.update_token}",
        "Content-Type": "application/vnd.orcid+json",
        "Accept": "application/vnd.orcid+json",
    }
    for item_type, body in {**PERSON_ITEMS, **ACTIVITY_ITEMS}.items():
        url = f"{pyorcid_live.url}/v3.0/{pyorcid_live.orcid}/{item_type}"
        response = requests.post(url, json=body, headers=headers, timeout=10)
        assert response.status_code == 201, (item_type, response.text)
        put_codes[item_type] = int(response.headers["Location"].rsplit("/", 1)[1])
    return put_codes


def member(live: LiveOrchid) -> pyorcid.Orcid:
    return pyorcid.Orcid(live.orcid, live.update_token, state="member", sandbox=True)


def test_record_and_person(pyorcid_live: LiveOrchid, populated: dict[str, int]) -> None:
    orcid = member(pyorcid_live)

    record = orcid.record()
    assert record["orcid-identifier"]["path"] == pyorcid_live.orcid
    assert record["person"]["name"]["family-name"]["value"] == FAMILY_NAME

    assert orcid.person() == {
        "Name": GIVEN_NAMES,
        "Bio": BIOGRAPHY,
        "URLs": [{"URL Name": "Homepage", "URL": "https://example.org/~carberry"}],
    }
    keywords, keywords_data = orcid.keywords()
    assert keywords == ["psychoceramics"]
    assert keywords_data["keyword"][0]["put-code"] == populated["keywords"]
    assert orcid.address()["address"][0]["country"]["value"] == "US"
    assert orcid.other_names()["other-name"][0]["content"] == "Joe Carberry"
    assert orcid.researcher_urls()["researcher-url"][0]["url-name"] == "Homepage"
    external = orcid.external_identifiers()["external-identifier"][0]
    assert (external["external-id-type"], external["external-id-value"]) == ("Scopus Author ID", "7004123456")
    details = orcid.personal_details()
    assert details["name"]["credit-name"]["value"] == CREDIT_NAME
    assert details["biography"]["content"] == BIOGRAPHY


def test_activities(pyorcid_live: LiveOrchid, populated: dict[str, int]) -> None:
    orcid = member(pyorcid_live)

    works, works_data = orcid.works()
    assert works == [
        {
            "title": "Cracked pots and their owners",
            "type": "journal-article",
            "publication-date": "04/2011",
            "journal title": "Journal of Psychoceramics",
            "organization": None,
            "organization-address": "",
            "url": None,
        }
    ]
    assert works_data["group"][0]["work-summary"][0]["put-code"] == populated["work"]

    fundings, _ = orcid.fundings()
    assert [(f["title"], f["type"], f["organization"], f["start-date"]) for f in fundings] == [
        ("The psychoceramics of everyday life", "grant", "Wellcome Trust", "2020")
    ]

    employments, _ = orcid.employments()
    assert len(employments) == 1
    assert employments[0]["Role"] == "Professor of Psychoceramics"
    assert employments[0]["Department"] == "Psychoceramics"
    assert employments[0]["start-date"] == "09/2019"
    assert employments[0]["organization"] == "Boston University"
    assert employments[0]["organization-address"] == "Boston, US"

    roles = {
        "educations": "PhD candidate",
        "distinctions": "Fellow",
        "invited_positions": "Visiting professor",
        "memberships": "Member",
        "qualifications": "Certified potter",
        "services": "Reviewer",
    }
    for method, role in roles.items():
        found, _ = getattr(orcid, method)()
        assert [detail["Role"] for detail in found] == [role], method

    review_group = orcid.peer_reviews()["group"][0]
    assert review_group["external-ids"]["external-id"][0]["external-id-value"] == "issn:0378-5955"
    summary = review_group["peer-review-group"][0]["peer-review-summary"][0]
    assert summary["put-code"] == populated["peer-review"]
    resource = orcid.research_resources()["group"][0]["research-resource-summary"][0]
    assert resource["put-code"] == populated["research-resource"]

    activities = orcid.activities()
    assert activities["path"] == f"/{pyorcid_live.orcid}/activities"
    assert activities["works"]["group"][0]["work-summary"][0]["put-code"] == populated["work"]


def test_record_summary_and_markdown(
    pyorcid_live: LiveOrchid, populated: dict[str, int], tmp_path: Path
) -> None:
    orcid = member(pyorcid_live)

    summary = orcid.record_summary()
    assert summary["ORCiD ID"] == pyorcid_live.orcid
    assert summary["Name"] == GIVEN_NAMES
    assert summary["Family Name"] == FAMILY_NAME
    assert summary["Credit Name"] == CREDIT_NAME
    assert summary["Other Names"] == ["Joe Carberry"]
    assert summary["Biography"] == BIOGRAPHY
    assert summary["Emails"] == []  # the only address is private (ORCID's default)
    assert summary["Research Tags (keywords)"] == ["psychoceramics"]
    # The record's last-modified date (milliseconds since the epoch) read as a local date-time.
    last_modified = datetime.datetime.fromisoformat(summary["Last Modified"])
    assert abs(last_modified - datetime.datetime.now()) < datetime.timedelta(minutes=5)
    assert [work["title"] for work in summary["Works"]] == ["Cracked pots and their owners"]
    assert [funding["title"] for funding in summary["Fundings"]] == ["The psychoceramics of everyday life"]
    assert summary["Employment"][0]["organization"] == "Boston University"
    assert summary["Education"][0]["organization"] == "Brown University"  # added to the registry (sandbox)

    output = tmp_path / "carberry.md"
    orcid.generate_markdown_file(str(output))
    markdown = output.read_text(encoding="utf-8")
    assert "Cracked pots and their owners" in markdown
    assert BIOGRAPHY in markdown


def test_public_state_with_a_read_public_token(pyorcid_live: LiveOrchid, populated: dict[str, int]) -> None:
    authentication = pyorcid.OrcidAuthentication(
        client_id=pyorcid_live.public_key,
        client_secret=pyorcid_live.public_secret,
        redirect_uri="https://app.example.org/cb",
        sandbox=True,
    )
    token = authentication.get_public_access_token()
    assert token

    orcid = pyorcid.Orcid(pyorcid_live.orcid, token, state="public", sandbox=True)
    assert orcid.record()["person"]["name"]["given-names"]["value"] == GIVEN_NAMES
    works, _ = orcid.works()
    assert [work["title"] for work in works] == ["Cracked pots and their owners"]
    keywords, _ = orcid.keywords()
    assert keywords == ["psychoceramics"]


def test_unknown_token_is_refused(pyorcid_live: LiveOrchid) -> None:
    # Orchid answers 401 invalid_token; pyorcid's constructor turns that into ValueError.
    with pytest.raises(ValueError, match="Invalid access token"):
        pyorcid.Orcid(
            pyorcid_live.orcid, "0b8a9a8e-1d5f-4c3e-9a8e-000000000000", state="member", sandbox=True
        )
