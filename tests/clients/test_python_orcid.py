"""python-orcid 1.0.3 (``import orcid``) against a live Orchid: only its base URLs and API version changed.

What the library does, from its source: every call builds
``{_endpoint}{VERSION}/{orcid}/{type}[/{put-code}]``; reads send ``Accept: <accept_type>`` and return a dict
(JSON) or an lxml element (XML); writes send the body in ``content_type`` with
``Accept: application/orcid+json``, call ``raise_for_status()`` and return the put code taken from the
``Location`` header; ``update_record`` writes the put code into the body itself (a string in JSON, an
attribute in XML). ``get_search_token_from_orcid`` posts client credentials to ``{_endpoint}/oauth/token``
(not to ``_token_url``, which only the authorization-code exchange uses).

Two quirks of the library, not of Orchid, shape the calls below:

* ``TYPES_WITH_PUTCODES`` (a v2.0-era list) makes ``address``, ``email``, ``keywords``, ``other-names`` and
  ``researcher-urls`` item-only, so reading those *sections* raises ``ValueError`` before any request; on
  ORCID too they are sections. The tests shrink that set on their instances to the activity items.
* A ``str`` put code is refused for a type outside that set (``"summary ... redundant"``), so single items of
  other types are read with an ``int`` put code, which it formats into the URL unchanged.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import orcid
import pytest
import requests
from lxml import etree

from tests.api.xsd import assert_valid_orcid_xml
from tests.clients.conftest import BIOGRAPHY, CREDIT_NAME, FAMILY_NAME, GIVEN_NAMES, LiveOrchid

JSON = "application/orcid+json"
XML = "application/orcid+xml"

NS = {
    "common": "http://www.orcid.org/ns/common",
    "work": "http://www.orcid.org/ns/work",
    "funding": "http://www.orcid.org/ns/funding",
    "employment": "http://www.orcid.org/ns/employment",
    "peer-review": "http://www.orcid.org/ns/peer-review",
    "activities": "http://www.orcid.org/ns/activities",
    "record": "http://www.orcid.org/ns/record",
    "person": "http://www.orcid.org/ns/person",
    "personal-details": "http://www.orcid.org/ns/personal-details",
    "bulk": "http://www.orcid.org/ns/bulk",
    "keyword": "http://www.orcid.org/ns/keyword",
    "error": "http://www.orcid.org/ns/error",
}

# Item types only (see the module docstring): the person sections become readable as sections.
ACTIVITY_ITEM_TYPES = {"education", "employment", "funding", "peer-review", "work"}

# --- bodies -------------------------------------------------------------------------------------------------


def ext_id(id_type: str, value: str, relationship: str = "self") -> dict[str, Any]:
    return {"external-id-type": id_type, "external-id-value": value, "external-id-relationship": relationship}


def org_json(name: str, city: str, country: str, ror: str) -> dict[str, Any]:
    return {
        "name": name,
        "address": {"city": city, "country": country},
        "disambiguated-organization": {
            "disambiguated-organization-identifier": ror,
            "disambiguation-source": "ROR",
        },
    }


BOSTON_UNIVERSITY = org_json("Boston University", "Boston", "US", "https://ror.org/05qwgg493")
WELLCOME = org_json("Wellcome Trust", "London", "GB", "https://ror.org/029chgv08")
# Not in the seeded registry: a sandbox registry adds a well-formed unknown organization from the item.
UNSEEDED = org_json("Brown University", "Providence", "US", "https://ror.org/05gq02987")


def work_json(title: str, doi: str) -> dict[str, Any]:
    return {
        "title": {"title": {"value": title}},
        "journal-title": {"value": "Journal of Psychoceramics"},
        "type": "journal-article",
        "publication-date": {"year": {"value": "2011"}, "month": {"value": "04"}},
        "external-ids": {"external-id": [ext_id("doi", doi)]},
    }


def funding_json(title: str, grant: str) -> dict[str, Any]:
    return {
        "type": "grant",
        "title": {"title": {"value": title}},
        "amount": {"value": "25000", "currency-code": "GBP"},
        "start-date": {"year": {"value": "2020"}},
        "external-ids": {"external-id": [ext_id("grant_number", grant)]},
        "organization": WELLCOME,
    }


def employment_json(role: str) -> dict[str, Any]:
    return {
        "department-name": "Psychoceramics",
        "role-title": role,
        "start-date": {"year": {"value": "2019"}, "month": {"value": "09"}},
        "organization": BOSTON_UNIVERSITY,
    }


def peer_review_json(review_url: str, review_id: str) -> dict[str, Any]:
    return {
        "reviewer-role": "reviewer",
        "review-identifiers": {"external-id": [ext_id("source-work-id", review_id)]},
        "review-url": {"value": review_url},
        "review-type": "review",
        "review-completion-date": {"year": {"value": "2021"}, "month": {"value": "03"}},
        "review-group-id": "issn:0378-5955",  # Hearing Research; ISSN groups are created on first use
        "convening-organization": BOSTON_UNIVERSITY,
    }


def affiliation_json(role: str, organization: dict[str, Any]) -> dict[str, Any]:
    return {"role-title": role, "start-date": {"year": {"value": "2015"}}, "organization": organization}


RESEARCH_RESOURCE_JSON: dict[str, Any] = {
    "proposal": {
        "title": {"title": {"value": "Beamtime on the cracked-pot diffractometer"}},
        "hosts": {"organization": [BOSTON_UNIVERSITY]},
        "external-ids": {"external-id": [ext_id("proposal-id", "PSY-2021-042")]},
        "start-date": {"year": {"value": "2021"}},
    },
    "resource-item": [  # ORCID's JSON has no resource-items wrapper
        {
            "resource-name": "Diffractometer",
            "resource-type": "infrastructures",
            "hosts": {"organization": [BOSTON_UNIVERSITY]},
            "external-ids": {"external-id": [ext_id("rrid", "RRID:SCR_000001")]},
        }
    ],
}

COMMON = 'xmlns:common="http://www.orcid.org/ns/common"'


def org_xml(tag: str, name: str, city: str, country: str, ror: str) -> str:
    return f"""<{tag}>
    <common:name>{name}</common:name>
    <common:address><common:city>{city}</common:city><common:country>{country}</common:country></common:address>
    <common:disambiguated-organization>
      <common:disambiguated-organization-identifier>{ror}</common:disambiguated-organization-identifier>
      <common:disambiguation-source>ROR</common:disambiguation-source>
    </common:disambiguated-organization>
  </{tag}>"""


def ext_id_xml(id_type: str, value: str) -> str:
    return f"""<common:external-id>
      <common:external-id-type>{id_type}</common:external-id-type>
      <common:external-id-value>{value}</common:external-id-value>
      <common:external-id-relationship>self</common:external-id-relationship>
    </common:external-id>"""


def work_xml(title: str, isbn: str) -> etree._Element:
    return etree.fromstring(
        f"""<?xml version="1.0" encoding="UTF-8"?>
<work:work {COMMON} xmlns:work="http://www.orcid.org/ns/work">
  <work:title><common:title>{title}</common:title></work:title>
  <work:type>book</work:type>
  <common:publication-date><common:year>2008</common:year></common:publication-date>
  <common:external-ids>{ext_id_xml("isbn", isbn)}</common:external-ids>
</work:work>""".encode()
    )


def funding_xml(title: str, grant: str) -> etree._Element:
    return etree.fromstring(
        f"""<?xml version="1.0" encoding="UTF-8"?>
<funding:funding {COMMON} xmlns:funding="http://www.orcid.org/ns/funding">
  <funding:type>award</funding:type>
  <funding:title><common:title>{title}</common:title></funding:title>
  <common:external-ids>{ext_id_xml("grant_number", grant)}</common:external-ids>
  {org_xml("common:organization", "Wellcome Trust", "London", "GB", "https://ror.org/029chgv08")}
</funding:funding>""".encode()
    )


def employment_xml(role: str) -> etree._Element:
    return etree.fromstring(
        f"""<?xml version="1.0" encoding="UTF-8"?>
<employment:employment {COMMON} xmlns:employment="http://www.orcid.org/ns/employment">
  <common:department-name>Ceramics</common:department-name>
  <common:role-title>{role}</common:role-title>
  <common:start-date><common:year>2001</common:year></common:start-date>
  {org_xml("common:organization", "Harvard University", "Cambridge", "US", "https://ror.org/03vek6s52")}
</employment:employment>""".encode()
    )


def peer_review_xml(review_url: str, review_id: str) -> etree._Element:
    return etree.fromstring(f"""<?xml version="1.0" encoding="UTF-8"?>
<peer-review:peer-review {COMMON} xmlns:peer-review="http://www.orcid.org/ns/peer-review">
  <peer-review:reviewer-role>editor</peer-review:reviewer-role>
  <peer-review:review-identifiers>{ext_id_xml("source-work-id", review_id)}</peer-review:review-identifiers>
  <peer-review:review-url>{review_url}</peer-review:review-url>
  <peer-review:review-type>evaluation</peer-review:review-type>
  <peer-review:review-completion-date><common:year>2022</common:year></peer-review:review-completion-date>
  <peer-review:review-group-id>issn:0378-5955</peer-review:review-group-id>
  {org_xml("peer-review:convening-organization", "Harvard University", "Cambridge", "US",
           "https://ror.org/03vek6s52")}
</peer-review:peer-review>""".encode())  # fmt: skip


# --- helpers ------------------------------------------------------------------------------------------------


def xml_body(api: orcid.PublicAPI) -> bytes:
    """The raw body of the last response, checked against ORCID's XSD for its root element."""
    assert api.raw_response is not None
    assert api.raw_response.headers["Content-Type"].startswith(XML), api.raw_response.headers
    body: bytes = api.raw_response.content
    assert_valid_orcid_xml(body)
    return body


def http_error(call: Callable[[], Any]) -> requests.Response:
    with pytest.raises(requests.HTTPError) as caught:
        call()
    response = caught.value.response
    assert response is not None
    return response


def put_codes_in(message: Any) -> list[int]:
    """Every put code anywhere in a JSON message."""
    if isinstance(message, dict):
        own = [message["put-code"]] if "put-code" in message else []
        return own + [code for value in message.values() for code in put_codes_in(value)]
    if isinstance(message, list):
        return [code for value in message for code in put_codes_in(value)]
    return []


# --- fixtures -----------------------------------------------------------------------------------------------


@pytest.fixture
def api(member_api: orcid.MemberAPI) -> orcid.MemberAPI:
    member_api.TYPES_WITH_PUTCODES = ACTIVITY_ITEM_TYPES
    return member_api


PERSON_ITEMS: dict[str, dict[str, Any]] = {
    "keywords": {"content": "psychoceramics"},
    "other-names": {"content": "Joe Carberry"},
    "researcher-urls": {"url-name": "Homepage", "url": {"value": "https://example.org/~carberry"}},
    "external-identifiers": {
        "external-id-type": "Scopus Author ID",
        "external-id-value": "7004123456",
        "external-id-url": {"value": "https://www.scopus.com/authid/detail.uri?authorId=7004123456"},
        "external-id-relationship": "self",
    },
    "address": {"country": {"value": "US"}},
}

ACTIVITY_ITEMS: dict[str, dict[str, Any]] = {
    "work": work_json("Cracked pots and their owners", "10.5555/12345678"),
    "funding": funding_json("The psychoceramics of everyday life", "WT-098765"),
    "education": affiliation_json("PhD candidate", UNSEEDED),
    "employment": employment_json("Professor of Psychoceramics"),
    "distinction": affiliation_json("Fellow", BOSTON_UNIVERSITY),
    "invited-position": affiliation_json("Visiting professor", WELLCOME),
    "membership": affiliation_json("Member", BOSTON_UNIVERSITY),
    "qualification": affiliation_json("Certified potter", BOSTON_UNIVERSITY),
    "service": affiliation_json("Reviewer", BOSTON_UNIVERSITY),
    "peer-review": peer_review_json("https://example.org/reviews/1", "review-0001"),
    "research-resource": RESEARCH_RESOURCE_JSON,
}


@pytest.fixture
def populated(api: orcid.MemberAPI, live_orchid: LiveOrchid) -> dict[str, int]:
    """One item of every person and activity type, added through python-orcid in JSON; put codes by type."""
    put_codes: dict[str, int] = {}
    for item_type, body in {**PERSON_ITEMS, **ACTIVITY_ITEMS}.items():
        put_code = api.add_record(live_orchid.orcid, live_orchid.update_token, item_type, copy.deepcopy(body))
        assert put_code is not None and put_code.isdigit(), (item_type, api.raw_response.headers)
        assert api.raw_response.status_code == 201
        put_codes[item_type] = int(put_code)
    return put_codes


# --- reads --------------------------------------------------------------------------------------------------

SECTIONS = [
    "works",
    "fundings",
    "educations",
    "employments",
    "distinctions",
    "invited-positions",
    "memberships",
    "qualifications",
    "services",
    "peer-reviews",
    "research-resources",
    "address",
    "keywords",
    "other-names",
    "researcher-urls",
    "external-identifiers",
    "email",
    "biography",
    "personal-details",
]


def affiliation_roles(section: dict[str, Any], kind: str) -> list[str]:
    return [
        summary[f"{kind}-summary"]["role-title"]
        for group in section["affiliation-group"]
        for summary in group["summaries"]
    ]


def test_read_record_person_activities_json(
    api: orcid.MemberAPI, live_orchid: LiveOrchid, populated: dict[str, int]
) -> None:
    orcid_id, token = live_orchid.orcid, live_orchid.update_token

    record = api.read_record_member(orcid_id, "record", token)
    assert record["orcid-identifier"]["path"] == orcid_id
    assert record["path"] == f"/{orcid_id}"
    name = record["person"]["name"]
    assert name["given-names"]["value"] == GIVEN_NAMES
    assert name["family-name"]["value"] == FAMILY_NAME
    assert name["credit-name"]["value"] == CREDIT_NAME
    assert record["person"]["biography"]["content"] == BIOGRAPHY
    assert [k["content"] for k in record["person"]["keywords"]["keyword"]] == ["psychoceramics"]
    works = record["activities-summary"]["works"]["group"]
    assert [s["title"]["title"]["value"] for g in works for s in g["work-summary"]] == [
        "Cracked pots and their owners"
    ]
    assert works[0]["work-summary"][0]["put-code"] == populated["work"]
    assert works[0]["work-summary"][0]["source"]["source-client-id"]["path"] == live_orchid.member_key

    person = api.read_record_member(orcid_id, "person", token)
    assert person["path"] == f"/{orcid_id}/person"
    assert person["other-names"]["other-name"][0]["content"] == "Joe Carberry"
    assert person["researcher-urls"]["researcher-url"][0]["url"]["value"] == "https://example.org/~carberry"
    assert person["addresses"]["address"][0]["country"]["value"] == "US"
    assert person["external-identifiers"]["external-identifier"][0]["external-id-value"] == "7004123456"

    activities = api.read_record_member(orcid_id, "activities", token)
    assert activities["path"] == f"/{orcid_id}/activities"
    assert affiliation_roles(activities["employments"], "employment") == ["Professor of Psychoceramics"]
    assert affiliation_roles(activities["educations"], "education") == ["PhD candidate"]
    funding = activities["fundings"]["group"][0]["funding-summary"][0]
    assert funding["title"]["title"]["value"] == "The psychoceramics of everyday life"
    review_groups = activities["peer-reviews"]["group"]
    assert review_groups[0]["external-ids"]["external-id"][0]["external-id-value"] == "issn:0378-5955"


def test_read_every_section_json_and_xml(
    api: orcid.MemberAPI, live_orchid: LiveOrchid, populated: dict[str, int]
) -> None:
    orcid_id, token = live_orchid.orcid, live_orchid.update_token
    sections: dict[str, Any] = {}
    for section in SECTIONS:
        sections[section] = api.read_record_member(orcid_id, section, token)
        assert api.raw_response.headers["Content-Type"] == f"{JSON}; charset=UTF-8", section
        assert sections[section]["path"] == f"/{orcid_id}/{section}", section

    assert sections["works"]["group"][0]["work-summary"][0]["put-code"] == populated["work"]
    assert sections["fundings"]["group"][0]["funding-summary"][0]["put-code"] == populated["funding"]
    for section, kind, role in [
        ("educations", "education", "PhD candidate"),
        ("employments", "employment", "Professor of Psychoceramics"),
        ("distinctions", "distinction", "Fellow"),
        ("invited-positions", "invited-position", "Visiting professor"),
        ("memberships", "membership", "Member"),
        ("qualifications", "qualification", "Certified potter"),
        ("services", "service", "Reviewer"),
    ]:
        assert affiliation_roles(sections[section], kind) == [role], section
    education = sections["educations"]["affiliation-group"][0]["summaries"][0]["education-summary"]
    assert education["organization"]["name"] == "Brown University"
    review = sections["peer-reviews"]["group"][0]["peer-review-group"][0]["peer-review-summary"][0]
    assert review["put-code"] == populated["peer-review"]
    resource = sections["research-resources"]["group"][0]["research-resource-summary"][0]
    assert resource["proposal"]["title"]["title"]["value"] == "Beamtime on the cracked-pot diffractometer"
    assert sections["address"]["address"][0]["country"]["value"] == "US"
    assert sections["keywords"]["keyword"][0]["put-code"] == populated["keywords"]
    assert sections["other-names"]["other-name"][0]["content"] == "Joe Carberry"
    assert sections["researcher-urls"]["researcher-url"][0]["url-name"] == "Homepage"
    assert (
        sections["external-identifiers"]["external-identifier"][0]["external-id-type"] == "Scopus Author ID"
    )
    # The only e-mail is private (ORCID's default): /read-limited does not show it, the section still comes.
    assert sections["email"]["email"] == []
    assert sections["biography"]["content"] == BIOGRAPHY
    assert sections["personal-details"]["name"]["credit-name"]["value"] == CREDIT_NAME

    for section in ["record", "person", "activities", *SECTIONS]:
        element = api.read_record_member(orcid_id, section, token, accept_type=XML)
        xml_body(api)
        expected_path = f"/{orcid_id}" if section == "record" else f"/{orcid_id}/{section}"
        assert element.get("path") == expected_path, section
    works_xml = api.read_record_member(orcid_id, "works", token, accept_type=XML)
    assert works_xml.findtext(
        "activities:group/work:work-summary/work:title/common:title", namespaces=NS
    ) == ("Cracked pots and their owners")


def test_read_single_items_by_put_code(
    api: orcid.MemberAPI, live_orchid: LiveOrchid, populated: dict[str, int]
) -> None:
    orcid_id, token = live_orchid.orcid, live_orchid.update_token
    items = {
        item_type: api.read_record_member(orcid_id, item_type, token, put_code=put_code)
        for item_type, put_code in populated.items()
    }
    for item_type, item in items.items():
        assert item["put-code"] == populated[item_type], item_type
        assert item["path"] == f"/{orcid_id}/{item_type}/{populated[item_type]}", item_type
        assert item["source"]["source-client-id"]["path"] == live_orchid.member_key, item_type
    assert items["work"]["title"]["title"]["value"] == "Cracked pots and their owners"
    assert items["work"]["journal-title"]["value"] == "Journal of Psychoceramics"
    assert items["funding"]["amount"] == {"value": "25000", "currency-code": "GBP"}
    assert items["employment"]["department-name"] == "Psychoceramics"
    assert items["peer-review"]["review-url"]["value"] == "https://example.org/reviews/1"
    assert items["keywords"]["content"] == "psychoceramics"
    assert items["external-identifiers"]["external-id-value"] == "7004123456"

    for item_type, put_code in populated.items():
        element = api.read_record_member(orcid_id, item_type, token, put_code=put_code, accept_type=XML)
        xml_body(api)
        assert element.get("put-code") == str(put_code), item_type

    # Activity summaries: `{type}/summary/{put-code}` (python-orcid just joins the path).
    for item_type in ACTIVITY_ITEMS:
        put_code = populated[item_type]
        summary = api.read_record_member(orcid_id, f"{item_type}/summary", token, put_code=put_code)
        assert summary["put-code"] == put_code, item_type
        assert summary["path"] == f"/{orcid_id}/{item_type}/{put_code}", item_type
        element = api.read_record_member(
            orcid_id, f"{item_type}/summary", token, put_code=put_code, accept_type=XML
        )
        xml_body(api)
        assert etree.QName(element).localname == f"{item_type}-summary"
    assert api.read_record_member(orcid_id, "work/summary", token, put_code=populated["work"])["title"] == {
        "title": {"value": "Cracked pots and their owners"},
        "subtitle": None,
        "translated-title": None,
    }


def test_bulk_read_works(api: orcid.MemberAPI, live_orchid: LiveOrchid) -> None:
    orcid_id, token = live_orchid.orcid, live_orchid.update_token
    titles = ["First pot", "Second pot", "Third pot"]
    put_codes = [
        api.add_record(orcid_id, token, "work", work_json(title, f"10.5555/bulk.{index}"))
        for index, title in enumerate(titles)
    ]
    bulk = api.read_record_member(orcid_id, "works", token, put_code=put_codes)
    assert [entry["work"]["title"]["title"]["value"] for entry in bulk["bulk"]] == titles
    assert [str(entry["work"]["put-code"]) for entry in bulk["bulk"]] == put_codes

    # A put code that is not there comes back as an inline error, in place.
    missing = str(int(max(put_codes)) + 1000)
    bulk = api.read_record_member(orcid_id, "works", token, put_code=[put_codes[0], missing])
    assert bulk["bulk"][0]["work"]["put-code"] == int(put_codes[0])
    assert bulk["bulk"][1]["error"]["error-code"] == 9034

    element = api.read_record_member(orcid_id, "works", token, put_code=put_codes, accept_type=XML)
    xml_body(api)
    assert [title.text for title in element.iterfind("work:work/work:title/common:title", NS)] == titles


def test_public_api_with_a_token_from_the_token_endpoint(
    public_api: orcid.PublicAPI, member_api: orcid.MemberAPI, live_orchid: LiveOrchid
) -> None:
    orcid_id = live_orchid.orcid
    public_api.TYPES_WITH_PUTCODES = ACTIVITY_ITEM_TYPES  # see the module docstring
    member_api.add_record(
        orcid_id, live_orchid.update_token, "work", work_json("A public work", "10.5555/pub")
    )

    # Client credentials over HTTP, as the library does it (POST {_endpoint}/oauth/token).
    token = public_api.get_search_token_from_orcid()
    assert public_api.raw_response.status_code == 200
    assert public_api.raw_response.json()["scope"] == "/read-public"

    record = public_api.read_record_public(orcid_id, "record", token)
    assert record["person"]["name"]["family-name"]["value"] == FAMILY_NAME
    for section in ["person", "activities", *SECTIONS]:
        assert public_api.read_record_public(orcid_id, section, token)["path"] == f"/{orcid_id}/{section}"
        public_api.read_record_public(orcid_id, section, token, accept_type=XML)
        xml_body(public_api)
    works = public_api.read_record_public(orcid_id, "works", token)
    summary = works["group"][0]["work-summary"][0]
    assert summary["title"]["title"]["value"] == "A public work"
    work = public_api.read_record_public(orcid_id, "work", token, put_code=str(summary["put-code"]))
    assert work["external-ids"]["external-id"][0]["external-id-value"] == "10.5555/pub"

    element = public_api.read_record_public(orcid_id, "record", token, accept_type=XML)
    xml_body(public_api)
    assert element.findtext("person:person/person:name/personal-details:family-name", namespaces=NS) == (
        FAMILY_NAME
    )

    # A member client's /read-public token, also from the token endpoint.
    member_token = member_api.get_search_token_from_orcid()
    assert member_api.raw_response.json()["scope"] == "/read-public"
    works = member_api.read_record_member(orcid_id, "works", member_token, accept_type=XML)
    xml_body(member_api)
    assert works.findtext("activities:group/work:work-summary/work:title/common:title", namespaces=NS) == (
        "A public work"
    )


# --- writes -------------------------------------------------------------------------------------------------


def json_title(item_type: str, item: dict[str, Any]) -> str:
    if item_type in {"work", "funding"}:
        return str(item["title"]["title"]["value"])
    if item_type == "employment":
        return str(item["role-title"])
    return str(item["review-url"]["value"])


def xml_title(item_type: str, element: etree._Element) -> str | None:
    paths = {
        "work": "work:title/common:title",
        "funding": "funding:title/common:title",
        "employment": "common:role-title",
        "peer-review": "peer-review:review-url",
    }
    return element.findtext(paths[item_type], namespaces=NS)


JSON_WRITES: dict[str, Callable[[str], dict[str, Any]]] = {
    "work": lambda title: work_json(title, "10.5555/lifecycle"),
    "funding": lambda title: funding_json(title, "LIFECYCLE-1"),
    "employment": employment_json,
    "peer-review": lambda url: peer_review_json(url, "review-lifecycle"),
}
XML_WRITES: dict[str, Callable[[str], etree._Element]] = {
    "work": lambda title: work_xml(title, "9780306406157"),
    "funding": lambda title: funding_xml(title, "LIFECYCLE-2"),
    "employment": employment_xml,
    "peer-review": lambda url: peer_review_xml(url, "review-lifecycle-xml"),
}
TITLES = {
    "work": ("Original title", "Updated title"),
    "funding": ("Original grant", "Renewed grant"),
    "employment": ("Lecturer", "Senior lecturer"),
    "peer-review": ("https://example.org/reviews/original", "https://example.org/reviews/updated"),
}


@pytest.mark.parametrize("item_type", list(JSON_WRITES))
def test_add_update_remove_json(api: orcid.MemberAPI, live_orchid: LiveOrchid, item_type: str) -> None:
    orcid_id, token = live_orchid.orcid, live_orchid.update_token
    before, after = TITLES[item_type]

    put_code = api.add_record(orcid_id, token, item_type, JSON_WRITES[item_type](before))
    created = api.raw_response
    assert created.status_code == 201 and created.content == b""
    assert created.headers["Location"] == f"{live_orchid.url}/v3.0/{orcid_id}/{item_type}/{put_code}"
    item = api.read_record_member(orcid_id, item_type, token, put_code=put_code)
    assert item["put-code"] == int(put_code)
    assert json_title(item_type, item) == before

    # update_record puts the put code (a string, from the Location header) into the body itself.
    api.update_record(orcid_id, token, item_type, JSON_WRITES[item_type](after), put_code)
    updated = api.raw_response
    assert updated.status_code == 200
    assert updated.headers["Content-Type"].startswith(JSON)
    assert json_title(item_type, updated.json()) == after
    assert (
        json_title(item_type, api.read_record_member(orcid_id, item_type, token, put_code=put_code)) == after
    )

    api.remove_record(orcid_id, token, item_type, put_code)
    assert api.raw_response.status_code == 204
    gone = http_error(lambda: api.read_record_member(orcid_id, item_type, token, put_code=put_code))
    assert gone.status_code == 404
    assert gone.json()["error-code"] == 9016
    section = {"peer-review": "peer-reviews"}.get(item_type, f"{item_type}s")
    assert put_codes_in(api.read_record_member(orcid_id, section, token)) == []


@pytest.mark.parametrize("item_type", list(XML_WRITES))
def test_add_update_remove_xml(api: orcid.MemberAPI, live_orchid: LiveOrchid, item_type: str) -> None:
    orcid_id, token = live_orchid.orcid, live_orchid.update_token
    before, after = TITLES[item_type]

    put_code = api.add_record(orcid_id, token, item_type, XML_WRITES[item_type](before), content_type=XML)
    created = api.raw_response
    assert created.status_code == 201 and created.content == b""
    assert created.headers["Location"] == f"{live_orchid.url}/v3.0/{orcid_id}/{item_type}/{put_code}"
    element = api.read_record_member(orcid_id, item_type, token, put_code=put_code, accept_type=XML)
    xml_body(api)
    assert element.get("put-code") == put_code
    assert xml_title(item_type, element) == before

    # update_record sets the put-code attribute on the root element; the answer is JSON (its Accept).
    api.update_record(orcid_id, token, item_type, XML_WRITES[item_type](after), put_code, content_type=XML)
    updated = api.raw_response
    assert updated.status_code == 200
    assert json_title(item_type, updated.json()) == after
    element = api.read_record_member(orcid_id, item_type, token, put_code=put_code, accept_type=XML)
    xml_body(api)
    assert xml_title(item_type, element) == after

    api.remove_record(orcid_id, token, item_type, put_code)
    assert api.raw_response.status_code == 204
    gone = http_error(
        lambda: api.read_record_member(orcid_id, item_type, token, put_code=put_code, accept_type=XML)
    )
    assert gone.status_code == 404
    assert_valid_orcid_xml(gone.content)
    error = etree.fromstring(gone.content)
    assert error.tag == f"{{{NS['error']}}}error"
    assert error.findtext("error:error-code", namespaces=NS) == "9016"


@pytest.mark.parametrize("content_type", [JSON, XML])
def test_duplicate_work_is_409_9021(api: orcid.MemberAPI, live_orchid: LiveOrchid, content_type: str) -> None:
    orcid_id, token = live_orchid.orcid, live_orchid.update_token

    def body(title: str) -> Any:
        if content_type == JSON:
            return work_json(title, "10.5555/DUPLICATE")
        return work_xml(title, "978-0-306-40615-7")

    put_code = api.add_record(orcid_id, token, "work", body("The original"), content_type=content_type)
    assert put_code is not None
    # Same self identifier (differently written: duplicates are found on normalized values), same source.
    duplicate = body("The copy")
    if content_type == JSON:
        duplicate["external-ids"]["external-id"][0]["external-id-value"] = "https://doi.org/10.5555/duplicate"
    else:
        duplicate.find(
            "common:external-ids/common:external-id/common:external-id-value", NS
        ).text = "9780306406157"
    conflict = http_error(
        lambda: api.add_record(orcid_id, token, "work", duplicate, content_type=content_type)
    )
    assert conflict.status_code == 409
    assert conflict.headers["Content-Type"].startswith(JSON)  # python-orcid always asks for JSON
    error = conflict.json()
    assert error["error-code"] == 9021
    assert error["response-code"] == 409
    assert put_codes_in(api.read_record_member(orcid_id, "works", token)) == [int(put_code)]
