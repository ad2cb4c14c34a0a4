"""ORCID's duplicate rules (spec §6.3): 409 9021 for activities, 409 9030 for person items.

Only items from the same source count; the researcher may add duplicates of their own.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any

from django.db import connection

from orchid.errors import OrcidError
from orchid.records import documents
from orchid.records.models import INDEXED_VALUE_CHARS, Item, ItemExternalId, Researcher, ValuePrefix
from orchid.records.sections import Kind, Section
from orchid.records.viewer import Viewer

DUPLICATE_ACTIVITY = 9021
DUPLICATE_PERSON_ITEM = 9030
COMPARED_RELATIONSHIPS = {"self", None}


def _key(section: Section, id_type: str, value: str, normalized: str | None) -> tuple[str, str]:
    # Fundings compare raw values; everything else the normalized value when there is one.
    if section.name != "funding" and normalized:
        return (id_type, normalized)
    return (id_type, value)


def _activity_keys(section: Section, item: Any) -> dict[tuple[str, str], str | None]:
    keys = {}
    for external_id in documents.own_external_ids(section, item):
        if (
            external_id.external_id_relationship not in COMPARED_RELATIONSHIPS
            or not external_id.external_id_value
        ):
            continue
        normalized = external_id.external_id_normalized.value if external_id.external_id_normalized else None
        key = _key(section, external_id.external_id_type, external_id.external_id_value, normalized)
        keys[key] = external_id.external_id_relationship
    return keys


def _person_value(section: Section, document: dict[str, Any]) -> tuple[str, str]:
    """(value, type) of a stored person item, as ORCID's 9030 message names them."""
    if section.name == "address":
        return (str((document.get("country") or {}).get("value", "")), "country")
    if section.name == "researcher-url":
        return (str((document.get("url") or {}).get("value", "")), "url")
    if section.name == "external-identifier":
        return (
            f"{document.get('external-id-type')}:{document.get('external-id-value')}",
            "external-identifier",
        )
    return (str(document.get("content", "")), section.label)


def check(
    researcher: Researcher,
    section: Section,
    item: Any,
    viewer: Viewer,
    *,
    exclude: int | None = None,
    batch: Iterable[Any] = (),
) -> None:
    """Raise ORCID's duplicate error if this source already has this item (or posted it in `batch`)."""
    if viewer.client is None:
        return
    if section.kind is Kind.PERSON:
        _check_person_item(researcher, section, item, viewer, exclude)
        return
    keys = _activity_keys(section, item)
    if not keys:
        return
    for earlier in batch:
        if set(_activity_keys(section, earlier)) & set(keys):
            raise OrcidError(DUPLICATE_ACTIVITY, "Duplicated in this request", putCode="(in this request)")
    id_types = sorted({id_type for id_type, _ in keys})
    values = sorted({value for _, value in keys})
    for item_id, id_type, value, normalized, relationship, source_client_pk in _candidates(
        researcher.pk, section.name, id_types, values, exclude
    ):
        if source_client_pk != viewer.client.pk:
            continue
        key = _key(section, id_type, value, normalized)
        if key in keys and keys[key] == relationship:
            raise OrcidError(DUPLICATE_ACTIVITY, putCode=str(item_id))


@cache
def _candidates_sql(type_count: int, value_count: int, excluding: bool) -> str:
    ids, items = ItemExternalId._meta.db_table, Item._meta.db_table
    types = ", ".join(["%s"] * type_count)
    values = ", ".join(["%s"] * value_count)
    exclusion = " AND e.item_id <> %s" if excluding else ""

    def matching(column: str) -> str:
        # By the column's indexed prefix (`ValuePrefix`, written as its index names it); whole values
        # are compared in `check`. The source is compared there too: a condition on the items' source
        # let PostgreSQL start from every item of the client (thousands) instead of the few matches.
        return (
            f"SELECT e.item_id, e.id_type, e.value, e.normalized, e.relationship, i.source_client_id "
            f"FROM {ids} e JOIN {items} i ON i.id = e.item_id "
            f"WHERE e.researcher_id = %s AND e.section = %s AND e.id_type IN ({types}) "
            f"AND {ValuePrefix.function}(e.{column}, 1, {INDEXED_VALUE_CHARS}) IN ({values}){exclusion}"
        )

    # A candidate's key is its normalized value or its raw one (`_key`): either may match. Two lookups,
    # one per index, since SQLite cannot serve an OR of the two from both.
    return f"{matching('value')} UNION ALL {matching('normalized')}"


def _candidates(
    researcher_pk: int, section: str, id_types: list[str], values: list[str], exclude: int | None
) -> list[tuple[int, str, str, str | None, str | None, int | None]]:
    """The record's external ids of these types whose raw or normalized value may be one of `values`
    (item, type, value, normalized, relationship, the item's source client); `_key`, the relationship
    and the source decide.

    Raw SQL: a hot path (orchid.core.raw), inside every POST and PUT of an activity.
    """
    prefixes = [value[:INDEXED_VALUE_CHARS] for value in values]
    lookup: list[int | str] = [researcher_pk, section, *id_types, *prefixes]
    if exclude is not None:
        lookup.append(exclude)
    with connection.cursor() as cursor:
        cursor.execute(_candidates_sql(len(id_types), len(values), exclude is not None), lookup * 2)
        return list(cursor.fetchall())


def _check_person_item(
    researcher: Researcher, section: Section, item: Any, viewer: Viewer, exclude: int | None
) -> None:
    from orchid.schema.json_codec import to_data

    value, value_type = _person_value(section, documents.compact(to_data(item)))
    rows = Item.objects.filter(researcher=researcher, section=section.name, source_client=viewer.client)
    if exclude is not None:
        rows = rows.exclude(pk=exclude)
    for row in rows.only("document"):
        if _person_value(section, row.document)[0] == value:
            raise OrcidError(DUPLICATE_PERSON_ITEM, value=value, type=value_type)
