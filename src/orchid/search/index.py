"""Keeping the index in step with records: noted by each write, applied by ``catch_up``.

Every change reaches ``apply_change(researcher_pk, change)`` through the ``record_changed`` signal, in
the writing transaction, which only notes it: one row in ``search_pending`` (a rolled-back write leaves
no note). ``catch_up`` applies the notes in a transaction of its own, from the records as they are then:
the outbox worker runs it every second, and every search runs it before it reads, so a search finds
every committed write and the index only ever holds public data. With the entries written by the
write, a POST of a work held SQLite's one write lock nearly twice as long under load (docs/search.md).

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


_ENTRY_COLUMNS = ("id", "researcher_id", "put_code", "field", "body")


def _numbered(researcher_pk: int, entries: Iterable[Entry]) -> list[tuple[Any, ...]] | None:
    """Entry rows with the next free ids of the researcher's range; None when the range is used up —
    only a whole-record rebuild, which starts the range afresh, can write them."""
    rows = [(entry.put_code, entry.field, folded) for entry in entries if (folded := body(entry.value))]
    if not rows:
        return []
    ids = entry_ids(researcher_pk)
    with connection.cursor() as cursor:
        # raw SQL: a hot path (orchid.core.raw), for each researcher a catch-up follows
        cursor.execute(
            f"SELECT MAX(id) FROM {SearchEntry._meta.db_table} WHERE id >= %s AND id < %s",
            [ids.start, ids.stop],
        )
        last = cursor.fetchone()[0]
    first = ids.start if last is None else last + 1
    if first + len(rows) > ids.stop:
        return None
    return [(first + offset, researcher_pk, *row) for offset, row in enumerate(rows)]


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
        numbered = _numbered(researcher_pk, extracted.entries)
        if numbered is None:
            raise RuntimeError(f"researcher {researcher_pk} has more than {len(entry_ids(0))} index entries")
        raw.insert_rows(SearchEntry._meta.db_table, _ENTRY_COLUMNS, numbered)


#: Items of one IN list (well inside SQLite's and PostgreSQL's limits on a statement's parameters).
_CHUNK = 500


def _chunks(values: list[Any]) -> Iterable[list[Any]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def _follow_records(researcher_pks: list[int]) -> set[int]:
    """Bring the documents' last-modified dates up to the records'; the researchers done. The others
    need a rebuild (no document, or a record whose public view is not the plain one: locked,
    deactivated, deprecated)."""
    documents, researchers = SearchDocument._meta.db_table, Researcher._meta.db_table
    done: set[int] = set()
    with connection.cursor() as cursor:
        for chunk in _chunks(researcher_pks):
            marks = ", ".join(["%s"] * len(chunk))
            cursor.execute(
                f"UPDATE {documents} SET modified = (SELECT r.last_modified FROM {researchers} r "
                f"WHERE r.id = {documents}.researcher_id) WHERE researcher_id IN ({marks}) AND EXISTS "
                f"(SELECT 1 FROM {researchers} r WHERE r.id = {documents}.researcher_id AND NOT r.locked "
                "AND r.deactivated_at IS NULL AND r.deprecated_to = '') RETURNING researcher_id",
                chunk,
            )
            done.update(int(row[0]) for row in cursor.fetchall())
    return done


def _public_summaries(put_codes: list[int]) -> list[tuple[int, int, str, Any]]:
    """(put code, researcher, section, v3.0 JSON summary) of the public items among `put_codes`."""
    found = []
    with connection.cursor() as cursor:
        for chunk in _chunks(put_codes):
            marks = ", ".join(["%s"] * len(chunk))
            cursor.execute(
                f"SELECT id, researcher_id, section, summary FROM {Item._meta.db_table} "
                f"WHERE id IN ({marks}) AND visibility = %s",
                [*chunk, PUBLIC],
            )
            found.extend(cursor.fetchall())
    # The column is JSON text on SQLite and jsonb on PostgreSQL, which Django's driver setup reads as text.
    return [
        (
            int(pk),
            int(researcher_pk),
            section,
            orjson.loads(summary) if isinstance(summary, str | bytes) else summary,
        )
        for pk, researcher_pk, section, summary in found
    ]


def _delete_entries(researcher_pk: int, put_codes: list[int]) -> None:
    with connection.cursor() as cursor:
        for chunk in _chunks(put_codes):
            marks = ", ".join(["%s"] * len(chunk))
            table = SearchEntry._meta.db_table
            cursor.execute(
                f"DELETE FROM {table} WHERE researcher_id = %s AND put_code IN ({marks})",
                [researcher_pk, *chunk],
            )


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


def refresh_items(work: dict[int, dict[str, set[int]]]) -> set[int]:
    """Replace the entries of the noted activities (created, changed or deleted since; put codes per
    section per researcher) by those of their stored public rows, for many researchers in a few
    statements; returns the researchers whose record needs a rebuild instead."""
    followed = _follow_records(list(work))
    rebuild = set(work) - followed
    codes = {pk: sorted({code for put_codes in work[pk].values() for code in put_codes}) for pk in followed}
    for researcher_pk, put_codes in codes.items():
        _delete_entries(researcher_pk, put_codes)
    entries: dict[int, list[Entry]] = {pk: [] for pk in followed}
    noted = {(pk, code) for pk, put_codes in codes.items() for code in put_codes}
    for put_code, researcher_pk, section, summary in _public_summaries([c for _, c in sorted(noted)]):
        if (researcher_pk, put_code) in noted and section in ACTIVITY_EXTRACTORS:
            entries[researcher_pk].extend(item_entries(section, summary or {}, put_code))
    rows: list[tuple[Any, ...]] = []
    for researcher_pk in sorted(followed):
        numbered = _numbered(researcher_pk, entries[researcher_pk])
        if numbered is None:
            rebuild.add(researcher_pk)  # the id range is used up: a rebuild renumbers from its start
            continue
        rows.extend(numbered)
        if any(section in AFFILIATION_NAMES for section in work[researcher_pk]):
            _refresh_institutions(researcher_pk)
    raw.insert_rows(SearchEntry._meta.db_table, _ENTRY_COLUMNS, rows)
    return rebuild


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
    applies them: the noted activities refreshed (``refresh_items``, every researcher's at once) or the
    record rebuilt (``reindex``), then, on SQLite, the entry changes applied to FTS5. The outbox worker
    runs it every second (a chore), every search before it reads, so a search sees every committed
    write; the writes themselves stay short (SQLite has one write lock for them all). Whole-record
    rebuilds are spread over transactions of about ``BATCH_SECONDS`` each, so that writers are not kept
    waiting behind a long backlog.
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
#: Researchers whose activity notes one ``refresh_items`` applies.
_RESEARCHERS_PER_REFRESH = 50


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
        # Activity notes a few dozen researchers at a time (a few statements each time), whole-record
        # rebuilds (10-15 ms each) one at a time, while the transaction's time lasts.
        deadline = time.monotonic() + BATCH_SECONDS
        followed: list[int] = []
        activities = [pk for pk, sections in plan.items() if sections is not None]
        for start in range(0, len(activities), _RESEARCHERS_PER_REFRESH):
            if followed and time.monotonic() > deadline:
                break
            chunk = activities[start : start + _RESEARCHERS_PER_REFRESH]
            for researcher_pk in sorted(refresh_items({pk: plan[pk] or {} for pk in chunk})):
                reindex(researcher_pk)
            followed.extend(chunk)
        for researcher_pk in (pk for pk, sections in plan.items() if sections is None):
            if followed and time.monotonic() > deadline:
                break
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
