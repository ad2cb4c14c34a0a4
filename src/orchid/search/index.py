"""Keeping the index in step with records: noted by each write, applied by ``catch_up``.

Every change reaches ``apply_change(researcher_pk, change)`` through the ``record_changed`` signal, in
the writing transaction, which only notes it: one row in ``search_pending`` (a rolled-back write leaves
no note). ``catch_up`` applies the notes in a transaction of its own, from the records as they are then:
the outbox worker runs it every second, and every search runs it before it reads, so a search finds
every committed write and the index only ever holds public data. Doing this work in each write made a
POST of a work hold SQLite's one write lock half as long again (docs/operations.md, Benchmarks).

- A change to activities (``Change`` with a section that ``orchid.search.extract`` knows and the put
  codes of the items) touches only those items: their entries are deleted and re-extracted from each
  stored row's v3.0 JSON summary when the row is public (``item_entries``, the function the
  whole-record path uses for each activity); a deleted item has no row, so no entries. No message is
  built. Affiliation changes also recompute the institution display values from the stored public
  affiliation rows. The document's last-modified date follows. A handful of statements, whatever the
  record's size; the notes of one researcher are folded together first.
- Everything else (person sections, e-mail addresses, ``change=None`` when the researcher row itself
  changed, a record that is locked, deactivated or deprecated, or has no document yet) rebuilds the
  researcher's whole document with ``reindex``: from ``read_record(orcid, Viewer.anonymous())`` — the
  public view, nothing else. A record the public cannot read has no document, so it is never found.

On SQLite the FTS5 structures over the entries catch up in the same transaction, from the queue that
triggers on ``search_entry`` fill (``orchid.search.backends.sqlite_fts5``).

``orchid manage reindex`` runs ``reindex`` over every record.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from functools import cache
from typing import Any

import orjson
from django.db import connection, transaction

from orchid.core import raw
from orchid.errors import OrcidError
from orchid.records.changes import Change
from orchid.records.models import Item, Researcher
from orchid.records.visibility import PUBLIC
from orchid.search.backends import Backend, for_vendor
from orchid.search.extract import (
    ACTIVITY_EXTRACTORS,
    AFFILIATION_NAMES,
    Entry,
    Extracted,
    extract,
    institution_names,
    item_entries,
)
from orchid.search.models import SearchDocument, SearchEntry, SearchPending, entry_ids
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


def update_items(researcher_pk: int, section: str, put_codes: list[int]) -> bool:
    """Replace the entries of some activities of one section (created, changed or deleted since) by those
    of their stored public rows; False when the record needs a rebuild."""
    with transaction.atomic(savepoint=False):  # inside catch_up's transaction: no savepoint needed
        if not _follow_record(researcher_pk):
            return False
        SearchEntry.objects.filter(researcher_id=researcher_pk, put_code__in=put_codes).delete()
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


WHOLE_RECORD = ""


def apply_change(researcher_pk: int, change: Change | None) -> None:
    """Note one change to a record for ``catch_up`` (the ``record_changed`` receiver, in the change's
    transaction): the activities' put codes when the change is to activities ``extract`` knows, else the
    whole record."""
    if change is not None and change.items and change.section in ACTIVITY_EXTRACTORS:
        section, put_codes = change.section, ",".join(str(item.put_code) for item in change.items)
    else:
        section, put_codes = WHOLE_RECORD, ""
    with connection.cursor() as cursor:
        # raw SQL: a hot path (orchid.core.raw), inside every record write
        cursor.execute(_pending_insert_sql(), [researcher_pk, section, put_codes])


@cache
def _pending_insert_sql() -> str:
    table = SearchPending._meta.db_table
    return f"INSERT INTO {table} (researcher_id, section, put_codes) VALUES (%s, %s, %s)"


def _plan(rows: Iterable[tuple[int, int, str, str]]) -> dict[int, dict[str, set[int]] | None]:
    """The pending rows folded into what to do per researcher: None (rebuild the record) or the put codes
    to refresh per section. Refreshing reads each item's row as it is now, so the order and number of the
    changes to one item do not matter."""
    plan: dict[int, dict[str, set[int]] | None] = {}
    for _, researcher_pk, section, put_codes in rows:
        if section == WHOLE_RECORD:
            plan[researcher_pk] = None
            continue
        if researcher_pk in plan and plan[researcher_pk] is None:
            continue
        sections = plan.setdefault(researcher_pk, {})
        assert sections is not None
        sections.setdefault(section, set()).update(int(code) for code in put_codes.split(",") if code)
    return plan


def _exclusive() -> None:
    """Inside a transaction: wait until no other transaction writes the index. SQLite's writers take
    turns already (BEGIN IMMEDIATE); on PostgreSQL two catch-ups at once would number a researcher's
    new entries alike."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_LOCK_KEY])


#: The PostgreSQL advisory lock of index writers (any constant unique to them).
_LOCK_KEY = 0x5EA7C4


def _has_rows(sql: str | None) -> bool:
    if sql is None:
        return False
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return cursor.fetchone() is not None


def catch_up() -> bool:
    """Bring the index up to every committed change; True when there was something to do.

    Record writes only note their changes (``apply_change``, one row in ``search_pending``); this
    applies them: each researcher's noted activities refreshed (``update_items``) or the record rebuilt
    (``reindex``), then, on SQLite, the entry changes applied to FTS5. The outbox worker runs it every
    second (a chore), every search before it reads, so a search sees every committed write; the writes
    themselves stay short (SQLite has one write lock for them all). The work is done in transactions of
    about ``BATCH_SECONDS`` each, so that writers are not kept waiting behind a long backlog.
    """
    backend = for_vendor(connection.vendor)
    if not _has_rows(f"SELECT 1 FROM {SearchPending._meta.db_table} LIMIT 1") and not _has_rows(
        backend.pending_sql()
    ):
        return False
    while _catch_up_some(backend):
        pass
    return True


#: About how long one transaction of ``catch_up`` works (a whole-record rebuild takes 10-15 ms).
BATCH_SECONDS = 0.05
#: The most notes one transaction of ``catch_up`` reads.
BATCH_NOTES = 500


def _catch_up_some(backend: Backend) -> bool:
    """One transaction of ``catch_up``; True when notes remain."""
    table = SearchPending._meta.db_table
    with transaction.atomic():
        _exclusive()
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT id, researcher_id, section, put_codes FROM {table} ORDER BY id LIMIT %s",
                [BATCH_NOTES],
            )
            rows = cursor.fetchall()
        plan = _plan(rows)
        deadline = time.monotonic() + BATCH_SECONDS
        followed: list[int] = []
        for researcher_pk, sections in plan.items():
            if followed and time.monotonic() > deadline:
                break
            if sections is None or not all(
                update_items(researcher_pk, section, sorted(codes)) for section, codes in sections.items()
            ):
                reindex(researcher_pk)
            followed.append(researcher_pk)
        with connection.cursor() as cursor:
            if followed:
                marks = ", ".join(["%s"] * len(followed))
                cursor.execute(
                    f"DELETE FROM {table} WHERE id <= %s AND researcher_id IN ({marks})",
                    [rows[-1][0], *followed],
                )
            for statement in backend.catch_up_sql():
                cursor.execute(statement)
    return len(followed) < len(plan) or len(rows) == BATCH_NOTES


def reindex_all(progress: bool = False) -> int:
    count = 0
    for pk in Researcher.objects.order_by("pk").values_list("pk", flat=True).iterator():
        with transaction.atomic():
            _exclusive()
            reindex(pk)
        count += 1
    catch_up()
    return count
