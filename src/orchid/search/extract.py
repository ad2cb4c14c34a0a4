"""What a record contributes to the index: built from public data only.

``extract(data)`` takes the v3.0 JSON data of ``read_record(orcid, Viewer.anonymous())`` and returns
the entries to index plus the display values of /expanded-search and /csv-search. ``item_entries``
does the same for one activity from its v3.0 JSON summary, the form stored on ``Item.summary``: a
write to one activity re-extracts only that activity (orchid.search.index), with the very functions
``extract`` uses for each activity of a whole record. Private or limited data never reaches these
functions (their callers pass public data only), so it can never be found.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from orchid.search.fields import RELATIONSHIPS

#: (activities-summary key, summary key, section name) of the affiliation sections.
AFFILIATION_SECTIONS = (
    ("employments", "employment-summary", "employment"),
    ("educations", "education-summary", "education"),
    ("qualifications", "qualification-summary", "qualification"),
    ("invited-positions", "invited-position-summary", "invited-position"),
    ("distinctions", "distinction-summary", "distinction"),
    ("memberships", "membership-summary", "membership"),
    ("services", "service-summary", "service"),
)
AFFILIATION_NAMES = frozenset(name for _, _, name in AFFILIATION_SECTIONS)
ORG_ID_FIELDS = {
    "RINGGOLD": "ringgold-org-id",
    "GRID": "grid-org-id",
    "ROR": "ror-org-id",
    "FUNDREF": "fundref-org-id",
}


@dataclass(frozen=True)
class Entry:
    field: str
    value: str
    #: The activity the value comes from (its put code); None for the person's own values.
    put_code: int | None = None


@dataclass
class Extracted:
    entries: list[Entry] = field(default_factory=list)
    display: dict[str, Any] = field(default_factory=dict)
    put_code: int | None = None  # stamped on what `add` records

    def add(self, name: str, value: Any) -> None:
        if isinstance(value, str) and value.strip():
            self.entries.append(Entry(name, value, self.put_code))


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


# --- one activity: the same functions for a whole record and for one changed item ----------------------


def _affiliation(out: Extracted, affiliation: dict[str, Any]) -> None:
    organization = affiliation.get("organization") or {}
    name = organization.get("name")
    out.add("affiliation-org-name", name)
    kind = "past" if affiliation.get("end-date") else "current"
    out.add(f"{kind}-institution-affiliation-name", name)
    _organization(out, organization)


def _funding(out: Extracted, funding: dict[str, Any]) -> None:
    out.add("funding-titles", _value(funding, "title", "title"))
    out.add("funding-titles", _value(funding, "title", "translated-title"))
    out.add("funding-org-name", _get(funding, "organization", "name"))
    _organization(out, funding.get("organization"))
    _external_ids(out, funding)


def _work(out: Extracted, work: dict[str, Any]) -> None:
    out.add("work-titles", _value(work, "title", "title"))
    out.add("work-titles", _value(work, "title", "subtitle"))
    out.add("work-titles", _value(work, "title", "translated-title"))
    _external_ids(out, work)


def _peer_review(out: Extracted, review: dict[str, Any]) -> None:
    out.add("peer-review-type", review.get("review-type"))
    out.add("peer-review-role", review.get("reviewer-role"))
    out.add("peer-review-group-id", review.get("review-group-id"))
    out.add("peer-review-org-name", _get(review, "convening-organization", "name"))
    _external_ids(out, review)


def _research_resource(out: Extracted, resource: dict[str, Any]) -> None:
    out.add("research-resource-proposal-title", _value(resource, "proposal", "title", "title"))
    _external_ids(out, resource.get("proposal"))


#: Activity section name (orchid.records.sections) -> what one of its summaries contributes.
ACTIVITY_EXTRACTORS: dict[str, Callable[[Extracted, dict[str, Any]], None]] = {
    "work": _work,
    "funding": _funding,
    "peer-review": _peer_review,
    "research-resource": _research_resource,
    **{name: _affiliation for _, _, name in AFFILIATION_SECTIONS},
}


def item_entries(section: str, summary: dict[str, Any], put_code: int | None) -> list[Entry]:
    """The entries of one activity, from its v3.0 JSON summary (stored or rendered alike)."""
    out = Extracted(put_code=put_code)
    ACTIVITY_EXTRACTORS[section](out, summary)
    return out.entries


def institution_names(affiliations: Iterable[dict[str, Any]]) -> dict[str, list[str]]:
    """The display values of the record's public affiliation summaries (/expanded-search, /csv-search)."""
    current: set[str] = set()
    past: set[str] = set()
    for affiliation in affiliations:
        name = _get(affiliation, "organization", "name")
        if isinstance(name, str) and name.strip():
            (past if affiliation.get("end-date") else current).add(name)
    return {
        "current-institution-affiliation-name": sorted(current),
        "past-institution-affiliation-name": sorted(past),
        "institution-name": sorted(current | past),
    }


def _put_code(summary: dict[str, Any]) -> int | None:
    put_code = summary.get("put-code")
    return int(put_code) if isinstance(put_code, int | str) and str(put_code).isdigit() else None


def _activity_summaries(activities: Any) -> Iterator[tuple[str, dict[str, Any]]]:
    """(section name, summary) of every activity in a rendered activities-summary."""
    for plural, summary_key, name in AFFILIATION_SECTIONS:
        for wrapper in _grouped(_get(activities, plural), "affiliation-group", "summaries"):
            affiliation = wrapper.get(summary_key)
            if isinstance(affiliation, dict):
                yield name, affiliation
    for summary in _grouped(_get(activities, "fundings"), "group", "funding-summary"):
        yield "funding", summary
    for summary in _grouped(_get(activities, "works"), "group", "work-summary"):
        yield "work", summary
    for group in _list(activities, "peer-reviews", "group"):
        for summary in _grouped(group, "peer-review-group", "peer-review-summary"):
            yield "peer-review", summary
    for summary in _grouped(_get(activities, "research-resources"), "group", "research-resource-summary"):
        yield "research-resource", summary


# --- the whole record ---------------------------------------------------------------------------------


def person_entries(record: dict[str, Any]) -> Extracted:
    """The person's own values (put code None) and the display values that are not affiliations."""
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
    out.display = {
        "orcid": orcid,
        "given-names": given,
        "family-names": family,
        "credit-name": credit,
        "other-name": other_names,
        "email": emails,
    }
    return out


def extract(record: dict[str, Any]) -> Extracted:
    """Everything a record contributes: the person's values, then each activity's (with its put code)."""
    out = person_entries(record)
    affiliations: list[dict[str, Any]] = []
    for section, summary in _activity_summaries(_get(record, "activities-summary")):
        out.entries.extend(item_entries(section, summary, _put_code(summary)))
        if section in AFFILIATION_NAMES:
            affiliations.append(summary)
    out.display.update(institution_names(affiliations))
    return out
