"""Keeping the index in step with records, inside the writing transaction.

Every change reaches ``apply_change(researcher_pk, change)`` through the ``record_changed`` signal, in
the writing transaction: a rolled-back write rolls back its index change too, and the index only ever
holds public data.

- A change to activities (``Change`` with a section that ``orchid.search.extract`` knows and the put
  codes of the items) touches only those items: their entries are deleted and, unless the items were
  deleted, re-extracted from each stored row's v3.0 JSON summary when the row is public
  (``item_entries``, the function the whole-record path uses for each activity). No message is built.
  Affiliation changes also recompute the institution display values from the stored public affiliation
  rows. The document's last-modified date follows. A handful of statements, whatever the record's size.
- Everything else (person sections, e-mail addresses, ``change=None`` when the researcher row itself
  changed, a record that is locked, deactivated or deprecated, or has no document yet) rebuilds the
  researcher's whole document with ``reindex``: from ``read_record(orcid, Viewer.anonymous())`` — the
  public view, nothing else. A record the public cannot read has no document, so it is never found.

``orchid manage reindex`` runs ``reindex`` over every record.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any

import orjson
from django.db import connection, transaction

from orchid.core import raw
from orchid.errors import OrcidError
from orchid.records.changes import Action, Change
from orchid.records.models import Item, Researcher
from orchid.records.visibility import PUBLIC
from orchid.search.extract import (
    ACTIVITY_EXTRACTORS,
    AFFILIATION_NAMES,
    Entry,
    Extracted,
    extract,
    institution_names,
    item_entries,
)
from orchid.search.models import SearchDocument, SearchEntry, entry_ids
from orchid.search.text import body


def public_data(researcher: Researcher) -> Extracted | None:
    from orchid.records import services
    from orchid.records.viewer import Viewer
    from orchid.schema.json_codec import to_data

    try:
        record = services.read_record(researcher.orcid, Viewer.anonymous())
    except OrcidError:
        return None
    return extract(to_data(record))


def _insert(researcher_pk: int, entries: Iterable[Entry]) -> bool:
    """Write entries with the next free ids of the researcher's range; False (nothing written) when the
    range is used up — only a whole-record rebuild, which starts the range afresh, can write them."""
    rows = [(entry.put_code, entry.field, folded) for entry in entries if (folded := body(entry.value))]
    if not rows:
        return True
    ids = entry_ids(researcher_pk)
    table = SearchEntry._meta.db_table
    with connection.cursor() as cursor:
        # raw SQL: a hot path (orchid.core.raw), here and in the per-item path below
        cursor.execute(f"SELECT MAX(id) FROM {table} WHERE id >= %s AND id < %s", [ids.start, ids.stop])
        last = cursor.fetchone()[0]
        first = ids.start if last is None else last + 1
        if first + len(rows) > ids.stop:
            return False
        numbered = [(first + offset, researcher_pk, *row) for offset, row in enumerate(rows)]
    raw.insert_rows(table, ("id", "researcher_id", "put_code", "field", "body"), numbered)
    return True


def reindex(researcher_pk: int) -> None:
    """Rebuild one researcher's document and entries from the public view of the whole record."""
    with transaction.atomic():
        researcher = Researcher.objects.filter(pk=researcher_pk).first()
        SearchEntry.objects.filter(researcher_id=researcher_pk).delete()
        if researcher is None:
            return
        extracted = public_data(researcher)
        if extracted is None:
            SearchDocument.objects.filter(researcher_id=researcher_pk).delete()
            return
        SearchDocument.objects.update_or_create(
            researcher_id=researcher_pk,
            defaults={
                "orcid": researcher.orcid,
                "submitted": researcher.created_at,
                "modified": researcher.last_modified,
                "display": extracted.display,
            },
        )
        if not _insert(researcher_pk, extracted.entries):
            raise RuntimeError(f"researcher {researcher_pk} has more than {len(entry_ids(0))} index entries")


@cache
def _follow_sql() -> str:
    documents, researchers = SearchDocument._meta.db_table, Researcher._meta.db_table
    return (
        f"UPDATE {documents} SET modified = (SELECT r.last_modified FROM {researchers} r WHERE r.id = %s) "
        f"WHERE researcher_id = %s AND EXISTS (SELECT 1 FROM {researchers} r WHERE r.id = %s "
        "AND NOT r.locked AND r.deactivated_at IS NULL AND r.deprecated_to = '')"
    )


def _follow_record(researcher_pk: int) -> bool:
    """Bring the document's last-modified date up to the record's; False when only a rebuild will do
    (no document, or a record whose public view is not the plain one: locked, deactivated, deprecated)."""
    with connection.cursor() as cursor:
        cursor.execute(_follow_sql(), [researcher_pk, researcher_pk, researcher_pk])
        return bool(cursor.rowcount == 1)


@cache
def _public_summaries_sql(count: int) -> str:
    marks = ", ".join(["%s"] * count)
    return (
        f"SELECT id, summary FROM {Item._meta.db_table} "
        f"WHERE researcher_id = %s AND section = %s AND visibility = %s AND id IN ({marks})"
    )


def _public_summaries(researcher_pk: int, section: str, put_codes: list[int]) -> list[tuple[int, Any]]:
    with connection.cursor() as cursor:
        cursor.execute(_public_summaries_sql(len(put_codes)), [researcher_pk, section, PUBLIC, *put_codes])
        rows = cursor.fetchall()
    # The column is JSON text on SQLite and jsonb on PostgreSQL, which Django's driver setup reads as text.
    return [
        (int(pk), orjson.loads(summary) if isinstance(summary, str | bytes) else summary)
        for pk, summary in rows
    ]


def _refresh_institutions(researcher_pk: int) -> None:
    summaries = Item.objects.filter(
        researcher_id=researcher_pk, section__in=AFFILIATION_NAMES, visibility=PUBLIC
    ).values_list("summary", flat=True)
    document = SearchDocument.objects.filter(researcher_id=researcher_pk).only("display").first()
    if document is None:
        return
    display = dict(document.display or {})
    display.update(institution_names(summary for summary in summaries if isinstance(summary, dict)))
    if display != document.display:
        SearchDocument.objects.filter(researcher_id=researcher_pk).update(display=display)


def update_items(researcher_pk: int, section: str, put_codes: list[int], action: Action) -> bool:
    """Replace the entries of some activities of one section; False when the record needs a rebuild."""
    with transaction.atomic(savepoint=False):  # inside the writing transaction: no savepoint needed
        if not _follow_record(researcher_pk):
            return False
        if action != Action.CREATED:  # new put codes have no entries yet (ids are never reused)
            SearchEntry.objects.filter(researcher_id=researcher_pk, put_code__in=put_codes).delete()
        if action != Action.DELETED:
            entries = [
                entry
                for pk, summary in _public_summaries(researcher_pk, section, put_codes)
                for entry in item_entries(section, summary or {}, pk)
            ]
            if not _insert(researcher_pk, entries):
                reindex(researcher_pk)  # the id range is used up: a rebuild renumbers from its start
                return True
        if section in AFFILIATION_NAMES:
            _refresh_institutions(researcher_pk)
    return True


def apply_change(researcher_pk: int, change: Change | None) -> None:
    """Follow one change to a record (the ``record_changed`` receiver)."""
    if change is not None and change.items and change.section in ACTIVITY_EXTRACTORS:
        put_codes = [item.put_code for item in change.items]
        if update_items(researcher_pk, change.section, put_codes, change.action):
            return
    reindex(researcher_pk)


def reindex_all(progress: bool = False) -> int:
    count = 0
    for pk in Researcher.objects.order_by("pk").values_list("pk", flat=True).iterator():
        reindex(pk)
        count += 1
    return count
