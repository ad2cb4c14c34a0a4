"""What the record pages show: a v3.0 record (as `orchid.records.services.read_record` returns it for a
viewer) turned into plain values for templates. The public page reads with the anonymous viewer, so it
holds public items only; /my-orcid reads as the researcher and holds everything, with sources.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from orchid.records import services
from orchid.records.sections import ACTIVITIES, BY_NAME, PERSON_ITEMS, Grouping, Section
from orchid.records.viewer import Viewer
from orchid.schema import to_data

#: Headings of the activity sections, in the order ORCID's record page shows them.
ACTIVITY_ORDER: tuple[tuple[str, str | Promise], ...] = (
    ("employment", _("Employment")),
    ("education", _("Education")),
    ("qualification", _("Qualifications")),
    ("invited-position", _("Invited positions")),
    ("distinction", _("Distinctions")),
    ("membership", _("Memberships")),
    ("service", _("Service")),
    ("funding", _("Funding")),
    ("research-resource", _("Research resources")),
    ("work", _("Works")),
    ("peer-review", _("Peer review")),
)
PERSON_LABELS: dict[str, str | Promise] = {
    "other-name": _("Also known as"),
    "keyword": _("Keywords"),
    "researcher-url": _("Websites & social links"),
    "address": _("Countries"),
    "external-identifier": _("Other IDs"),
}


@dataclass(frozen=True)
class ExternalId:
    type: str
    value: str
    url: str | None


@dataclass(frozen=True)
class Entry:
    """One item: what it is called, a line of detail, its identifiers, source and visibility."""

    section: str
    put_code: int
    title: str
    detail: str
    url: str | None
    external_ids: tuple[ExternalId, ...]
    source_name: str
    source_orcid: str | None
    visibility: str

    def is_own(self, orcid: str) -> bool:
        return self.source_orcid == orcid


@dataclass(frozen=True)
class Group:
    """Items ORCID groups as one (works with shared identifiers, peer reviews of one journal)."""

    heading: str
    entries: tuple[Entry, ...]


@dataclass
class SectionView:
    name: str
    heading: str
    groups: list[Group] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.groups)

    @property
    def entries(self) -> list[Entry]:
        return [entry for group in self.groups for entry in group.entries]


@dataclass
class RecordView:
    orcid: str
    given_names: str = ""
    family_name: str = ""
    credit_name: str = ""
    biography: str = ""
    deactivated: bool = False
    person: list[SectionView] = field(default_factory=list)
    activities: list[SectionView] = field(default_factory=list)

    @property
    def display_name(self) -> str:
        return self.credit_name or " ".join(part for part in (self.given_names, self.family_name) if part)


# ---------------------------------------------------------------------------------------------


def _value(node: Any, *path: str) -> Any:
    for key in path:
        if not isinstance(node, dict):
            return None
        node = node.get(key)
    return node


def _date(node: Any) -> str:
    if not isinstance(node, dict):
        return ""
    parts = [_value(node, part, "value") for part in ("year", "month", "day")]
    return "-".join(str(part) for part in parts if part)


def _span(item: dict[str, Any]) -> str:
    start, end = _date(item.get("start-date")), _date(item.get("end-date"))
    if start and end:
        return f"{start} to {end}"
    if start:
        return f"{start} to present"
    return end


def _external_ids(item: dict[str, Any]) -> tuple[ExternalId, ...]:
    rows = _value(item, "external-ids", "external-id") or []
    return tuple(
        ExternalId(
            type=str(row.get("external-id-type") or ""),
            value=str(row.get("external-id-value") or ""),
            url=_value(row, "external-id-url", "value"),
        )
        for row in rows
    )


def _organization(item: dict[str, Any]) -> str:
    organization = item.get("organization") or {}
    address = organization.get("address") or {}
    place = ", ".join(
        str(part) for part in (address.get("city"), address.get("region"), address.get("country")) if part
    )
    name = str(organization.get("name") or "")
    return f"{name}: {place}" if place else name


def _describe(section: Section, item: dict[str, Any]) -> tuple[str, str, str | None]:
    """(title, detail, link) of one item, from its v3.0 JSON."""
    name = section.name
    if name == "other-name" or name == "keyword":
        return str(item.get("content") or ""), "", None
    if name == "researcher-url":
        url = _value(item, "url", "value")
        return str(item.get("url-name") or url or ""), str(url or ""), url
    if name == "address":
        return str(_value(item, "country", "value") or ""), "", None
    if name == "external-identifier":
        title = f"{item.get('external-id-type') or ''}: {item.get('external-id-value') or ''}"
        return title, "", _value(item, "external-id-url", "value")
    if name in ("work", "funding"):
        title = str(_value(item, "title", "title", "value") or "")
        date = _date(item.get("publication-date")) if name == "work" else _span(item)
        kind = str(item.get("type") or "").replace("-", " ")
        extra = _value(item, "journal-title", "value") if name == "work" else _organization(item)
        detail = " · ".join(part for part in (str(extra or ""), date, kind) if part)
        return title, detail, _value(item, "url", "value")
    if name == "peer-review":
        role = str(item.get("reviewer-role") or "reviewer")
        organization = _value(item, "convening-organization", "name") or ""
        date = _date(item.get("completion-date"))
        detail = " · ".join(part for part in (str(organization), date) if part)
        return gettext("Review (%(role)s)") % {"role": role}, detail, _value(item, "review-url", "value")
    if name == "research-resource":
        title = str(_value(item, "proposal", "title", "title", "value") or gettext("Research resource"))
        return title, _span(_value(item, "proposal") or {}), _value(item, "proposal", "url", "value")
    # affiliations
    role = str(item.get("role-title") or "")
    department = str(item.get("department-name") or "")
    title = _organization(item)
    detail = " · ".join(
        part for part in (" (".join([role, department]) + ")" if department else role, _span(item)) if part
    )
    return title, detail, _value(item, "url", "value")


def _entry(section: Section, item: dict[str, Any]) -> Entry:
    title, detail, url = _describe(section, item)
    source = item.get("source") or {}
    return Entry(
        section=section.name,
        put_code=int(item.get("put-code") or 0),
        title=title,
        detail=detail,
        url=url if isinstance(url, str) and url.startswith(("http://", "https://")) else None,
        external_ids=_external_ids(item),
        source_name=str(_value(source, "source-name", "value") or ""),
        source_orcid=_value(source, "source-orcid", "path"),
        visibility=str(item.get("visibility") or ""),
    )


def _activity_groups(section: Section, container: dict[str, Any]) -> list[Group]:
    summary_key = f"{section.name}-summary"
    groups: list[Group] = []
    if section.grouping is Grouping.AFFILIATIONS:
        for group in container.get("affiliation-group") or []:
            for summary in group.get("summaries") or []:
                entry = _entry(section, summary[summary_key])
                groups.append(Group(heading=entry.title, entries=(entry,)))
        return groups
    for group in container.get("group") or []:
        entries: tuple[Entry, ...]
        if section.grouping is Grouping.PEER_REVIEWS:
            heading = ", ".join(row.value for row in _external_ids(group)) or gettext("Peer review")
            entries = tuple(
                _entry(section, summary)
                for inner in group.get("peer-review-group") or []
                for summary in inner.get(summary_key) or []
            )
        else:
            entries = tuple(_entry(section, summary) for summary in group.get(summary_key) or [])
            heading = entries[0].title if entries else ""
        if entries:
            groups.append(Group(heading=heading, entries=entries))
    return groups


def build(orcid: str, viewer: Viewer) -> RecordView:
    """The record as this viewer may see it. Raises `OrcidError` (unknown, deprecated, ...)."""
    data = to_data(services.read_record(orcid, viewer))
    person = data.get("person") or {}
    view = RecordView(
        orcid=orcid,
        given_names=str(_value(person, "name", "given-names", "value") or ""),
        family_name=str(_value(person, "name", "family-name", "value") or ""),
        credit_name=str(_value(person, "name", "credit-name", "value") or ""),
        biography=str(_value(person, "biography", "content") or ""),
    )
    for section in PERSON_ITEMS:
        container = person.get(section.container_attr.replace("_", "-")) or {}
        items = next((value for value in container.values() if isinstance(value, list)), [])
        entries = tuple(_entry(section, item) for item in items)
        view.person.append(
            SectionView(
                name=section.name,
                heading=str(PERSON_LABELS.get(section.name, section.label)),
                groups=[Group(heading=entry.title, entries=(entry,)) for entry in entries],
            )
        )
    activities = data.get("activities-summary") or {}
    for name, heading in ACTIVITY_ORDER:
        section = BY_NAME[name]
        container = activities.get(section.container_attr.replace("_", "-")) or {}
        view.activities.append(
            SectionView(name=name, heading=str(heading), groups=_activity_groups(section, container))
        )
    return view


def section_of(name: str) -> Section | None:
    section = BY_NAME.get(name)
    return section if section is not None and (section in ACTIVITIES or section in PERSON_ITEMS) else None
