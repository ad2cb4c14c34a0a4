"""Grouping of activity summaries as ORCID does it (spec §6.3): union-find over shared external ids.

Key = (type, normalized value or value); ids with relationship part-of or funded-by, or an empty value,
do not group; self, version-of and no relationship do. A group's external ids are the union of its
members' groupable ids. Items without groupable ids stand alone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from orchid.records.sections import Grouping, Section
from orchid.schema import models as m

UNGROUPABLE = frozenset({"part-of", "funded-by"})


@dataclass
class Summary:
    """A rendered summary with what ordering needs."""

    model: Any
    display_index: int
    created: float
    last_modified: Any  # common.LastModifiedDate


def group_key(external_id: Any) -> tuple[str, str] | None:
    if external_id.external_id_relationship in UNGROUPABLE:
        return None
    normalized = external_id.external_id_normalized
    value = normalized.value if normalized is not None and normalized.value else external_id.external_id_value
    if not value:
        return None
    return (external_id.external_id_type, value)


def summary_external_ids(summary: Any) -> list[Any]:
    container = getattr(summary, "external_ids", None)
    if container is None and getattr(summary, "proposal", None) is not None:
        container = summary.proposal.external_ids
    return list(container.external_id) if container is not None else []


def union_find(summaries: list[Summary]) -> list[list[Summary]]:
    """Connected components of summaries sharing a group key, in first-seen order."""
    parent = list(range(len(summaries)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    owner_of_key: dict[tuple[str, str], int] = {}
    for index, summary in enumerate(summaries):
        for external_id in summary_external_ids(summary.model):
            key = group_key(external_id)
            if key is None:
                continue
            if key in owner_of_key:
                parent[root(index)] = root(owner_of_key[key])
            else:
                owner_of_key[key] = index
    components: dict[int, list[Summary]] = {}
    for index, summary in enumerate(summaries):
        components.setdefault(root(index), []).append(summary)
    return list(components.values())


def group_external_ids(members: Iterable[Summary]) -> m.common.ExternalIds:
    seen: dict[tuple[str, str], Any] = {}
    for member in members:
        for external_id in summary_external_ids(member.model):
            key = group_key(external_id)
            if key is not None and key not in seen:
                seen[key] = m.common.ExternalId(
                    external_id_type=external_id.external_id_type,
                    external_id_value=external_id.external_id_value,
                    external_id_normalized=external_id.external_id_normalized,
                    external_id_normalized_error=external_id.external_id_normalized_error,
                    external_id_url=external_id.external_id_url,
                    external_id_relationship=external_id.external_id_relationship,
                )
    return m.common.ExternalIds(external_id=list(seen.values()))


def latest(dates: Iterable[Any]) -> Any:
    """The latest of some LastModifiedDate messages (None when there are none)."""
    present = [date for date in dates if date is not None]
    return max(present, key=lambda date: date.value.to_datetime()) if present else None


def _fuzzy(date: Any) -> tuple[int, int, int]:
    if date is None or date.year is None:
        return (0, 0, 0)
    return (date.year, date.month or 0, date.day or 0)


def _member_order(member: Summary) -> tuple[int, float]:
    # Within a group: the preferred item (highest display index) first, then the oldest.
    return (-member.display_index, member.created)


def _title(summary: Any) -> str:
    title = getattr(summary, "title", None)
    inner = getattr(title, "title", None)
    return str(getattr(inner, "value", "") or "").lower()


def _works_like_order(group: list[Summary]) -> tuple[Any, ...]:
    first = group[0].model
    date = getattr(first, "publication_date", None) or getattr(first, "start_date", None)
    if date is None and getattr(first, "proposal", None) is not None:
        date = first.proposal.start_date
    year, month, day = _fuzzy(date)
    # Reverse-chronological by date, then title, then type.
    return (-year, -month, -day, _title(first), str(getattr(first, "type_value", "") or ""))


def _affiliation_order(group: list[Summary]) -> tuple[int, ...]:
    first = group[0].model
    end = _fuzzy(first.end_date)
    start = _fuzzy(first.start_date)
    ongoing = 0 if end == (0, 0, 0) else 1
    return (ongoing, -end[0], -end[1], -end[2], -start[0], -start[1], -start[2])


def build_section(section: Section, orcid: str, summaries: list[Summary]) -> Any:
    """The section message (works, educations, peer-reviews, ...) of some visible summaries."""
    container: Any = section.container_model
    path = section.list_path(orcid)
    if section.grouping is Grouping.PEER_REVIEWS:
        return _peer_reviews(container, path, summaries)
    groups = [sorted(group, key=_member_order) for group in union_find(summaries)]
    if section.grouping is Grouping.AFFILIATIONS:
        groups.sort(key=_affiliation_order)
        assert section.summary_model is not None
        attr = section.summary_model.__name__  # e.g. EducationSummary -> education_summary
        summary_attr = "".join(f"_{c.lower()}" if c.isupper() else c for c in attr).lstrip("_")
        built = [
            m.activities.AffiliationGroup(
                last_modified_date=latest(member.last_modified for member in group),
                external_ids=group_external_ids(group),
                **{summary_attr: [member.model for member in group]},
            )
            for group in groups
        ]
        return container(
            last_modified_date=latest(g.last_modified_date for g in built), affiliation_group=built, path=path
        )
    groups.sort(key=_works_like_order)
    group_cls, member_attr = {
        "work": (m.activities.WorkGroup, "work_summary"),
        "funding": (m.activities.FundingGroup, "funding_summary"),
        "research-resource": (m.activities.ResearchResourceGroup, "research_resource_summary"),
    }[section.name]
    built = [
        group_cls(
            last_modified_date=latest(member.last_modified for member in group),
            external_ids=group_external_ids(group),
            **{member_attr: [member.model for member in group]},
        )
        for group in groups
    ]
    return container(last_modified_date=latest(g.last_modified_date for g in built), group=built, path=path)


def _peer_reviews(container: Callable[..., Any], path: str, summaries: list[Summary]) -> Any:
    by_group_id: dict[str, list[Summary]] = {}
    for summary in summaries:
        by_group_id.setdefault(summary.model.review_group_id or "", []).append(summary)
    built = []
    for group_id in sorted(by_group_id):
        duplicates = [sorted(group, key=_member_order) for group in union_find(by_group_id[group_id])]
        inner = [
            m.activities.PeerReviewDuplicates(
                last_modified_date=latest(member.last_modified for member in group),
                external_ids=group_external_ids(group),
                peer_review_summary=[member.model for member in group],
            )
            for group in duplicates
        ]
        built.append(
            m.activities.PeerReviewGroup(
                last_modified_date=latest(d.last_modified_date for d in inner),
                external_ids=m.common.ExternalIds(
                    external_id=[
                        m.common.ExternalId(external_id_type="peer-review", external_id_value=group_id)
                    ]
                ),
                peer_review_group=inner,
            )
        )
    return container(last_modified_date=latest(g.last_modified_date for g in built), group=built, path=path)
