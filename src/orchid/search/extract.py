"""What a record contributes to the index: built from the public view of the record only.

``extract(data)`` takes the v3.0 JSON data of ``read_record(orcid, Viewer.anonymous())`` and returns
the (field, value) pairs to index plus the display values of /expanded-search and /csv-search.
Private or limited data never reaches this function, so it can never be found.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from orchid.search.fields import RELATIONSHIPS

AFFILIATION_SECTIONS = (
    ("employments", "employment-summary"),
    ("educations", "education-summary"),
    ("qualifications", "qualification-summary"),
    ("invited-positions", "invited-position-summary"),
    ("distinctions", "distinction-summary"),
    ("memberships", "membership-summary"),
    ("services", "service-summary"),
)
ORG_ID_FIELDS = {
    "RINGGOLD": "ringgold-org-id",
    "GRID": "grid-org-id",
    "ROR": "ror-org-id",
    "FUNDREF": "fundref-org-id",
}


@dataclass
class Extracted:
    entries: list[tuple[str, str]] = field(default_factory=list)
    display: dict[str, Any] = field(default_factory=dict)

    def add(self, name: str, value: Any) -> None:
        if isinstance(value, str) and value.strip():
            self.entries.append((name, value))


def _get(data: Any, *path: str) -> Any:
    for key in path:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def _list(data: Any, *path: str) -> list[Any]:
    found = _get(data, *path)
    return found if isinstance(found, list) else []


def _value(data: Any, *path: str) -> str | None:
    found = _get(data, *path)
    if isinstance(found, dict):
        found = found.get("value")
    return found if isinstance(found, str) and found.strip() else None


def _grouped(section: Any, group_key: str, summary_key: str) -> Iterator[dict[str, Any]]:
    for group in _list(section, group_key):
        for summary in _list(group, summary_key):
            if isinstance(summary, dict):
                yield summary


def _organization(out: Extracted, organization: Any) -> None:
    disambiguated = _get(organization, "disambiguated-organization") or {}
    source = str(disambiguated.get("disambiguation-source") or "").upper()
    name = ORG_ID_FIELDS.get(source)
    if name:
        out.add(name, disambiguated.get("disambiguated-organization-identifier"))


def _external_ids(out: Extracted, item: Any) -> None:
    for external_id in _list(item, "external-ids", "external-id"):
        id_type = external_id.get("external-id-type")
        value = external_id.get("external-id-value")
        if not isinstance(id_type, str) or not isinstance(value, str):
            continue
        values = {value}
        normalized = _value(external_id, "external-id-normalized")
        if normalized:
            values.add(normalized)
        relationship = external_id.get("external-id-relationship") or ""
        for each in values:
            out.add(id_type, each)
            suffix = RELATIONSHIPS.get(relationship)
            if suffix:
                out.add(id_type + suffix, each)
            if id_type == "doi":
                out.add("digital-object-ids", each)
            if id_type == "grant_number":
                out.add("grant-numbers", each)


def extract(record: dict[str, Any]) -> Extracted:
    out = Extracted()
    orcid = _get(record, "orcid-identifier", "path")
    out.add("orcid", orcid)
    person = _get(record, "person") or {}
    given = _value(person, "name", "given-names")
    family = _value(person, "name", "family-name")
    credit = _value(person, "name", "credit-name")
    out.add("given-names", given)
    out.add("family-name", family)
    out.add("given-and-family-names", " ".join(part for part in (given, family) if part))
    out.add("credit-name", credit)
    other_names = [o["content"] for o in _list(person, "other-names", "other-name") if o.get("content")]
    for name in other_names:
        out.add("other-names", name)
    emails = [e["email"] for e in _list(person, "emails", "email") if e.get("email")]
    for email in emails:
        out.add("email", email)
    for keyword in _list(person, "keywords", "keyword"):
        out.add("keyword", keyword.get("content"))
    out.add("biography", _get(person, "biography", "content"))
    for identifier in _list(person, "external-identifiers", "external-identifier"):
        id_type, value = identifier.get("external-id-type"), identifier.get("external-id-value")
        out.add("external-id-reference", value)
        if id_type and value:
            out.add("external-id-type-and-value", f"{id_type}={value}")
        out.add("external-id-source", _value(identifier, "source", "source-name"))

    activities = _get(record, "activities-summary") or {}
    current: set[str] = set()
    past: set[str] = set()
    for section, summary_key in AFFILIATION_SECTIONS:
        for summary in _grouped(_get(activities, section), "affiliation-group", "summaries"):
            affiliation = summary.get(summary_key) or {}
            organization = affiliation.get("organization") or {}
            name = organization.get("name")
            out.add("affiliation-org-name", name)
            if isinstance(name, str) and name.strip():
                (past if affiliation.get("end-date") else current).add(name)
            _organization(out, organization)
    for name in sorted(current):
        out.add("current-institution-affiliation-name", name)
    for name in sorted(past):
        out.add("past-institution-affiliation-name", name)

    for funding in _grouped(_get(activities, "fundings"), "group", "funding-summary"):
        out.add("funding-titles", _value(funding, "title", "title"))
        out.add("funding-titles", _value(funding, "title", "translated-title"))
        out.add("funding-org-name", _get(funding, "organization", "name"))
        _organization(out, funding.get("organization"))
        _external_ids(out, funding)
    for work in _grouped(_get(activities, "works"), "group", "work-summary"):
        out.add("work-titles", _value(work, "title", "title"))
        out.add("work-titles", _value(work, "title", "subtitle"))
        out.add("work-titles", _value(work, "title", "translated-title"))
        _external_ids(out, work)
    for group in _list(activities, "peer-reviews", "group"):
        for review in _grouped(group, "peer-review-group", "peer-review-summary"):
            out.add("peer-review-type", review.get("review-type"))
            out.add("peer-review-role", review.get("reviewer-role"))
            out.add("peer-review-group-id", review.get("review-group-id"))
            out.add("peer-review-org-name", _get(review, "convening-organization", "name"))
            _external_ids(out, review)
    for resource in _grouped(_get(activities, "research-resources"), "group", "research-resource-summary"):
        out.add("research-resource-proposal-title", _value(resource, "proposal", "title", "title"))
        _external_ids(out, resource.get("proposal"))

    out.display = {
        "orcid": orcid,
        "given-names": given,
        "family-names": family,
        "credit-name": credit,
        "other-name": other_names,
        "email": emails,
        "current-institution-affiliation-name": sorted(current),
        "past-institution-affiliation-name": sorted(past),
        "institution-name": sorted(current | past),
    }
    return out
