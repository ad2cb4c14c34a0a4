"""Stored public renderings of records: what the public sees, rendered once per change.

ORCID serves public records and its public data file from copies rendered when a record changes. So
does Orchid: `PublicRendering` holds, per researcher, the Public API's `GET /v3.0/{iD}/record` in JSON
and XML and the record's files of the public data file (orchid.dumps.files), with the record
`version` they show. Every change bumps the researcher's version in its own transaction
(orchid.records.changes), which is the staleness mark: a rendering whose version is not the
researcher's is never served, only replaced.

They are made outside the writing transaction, so writes stay as fast as before:

* `refresh_public_renderings(researcher_pk)` after a change (the worker runs it for each changed record),
* lazily, by the first Public API read that finds none fresh (`render_and_store`),
* by `orchid dump` for the records it had to render, and `orchid manage refresh_renderings` for all.

Everything is rendered through the services with an anonymous Public API viewer, the same call the
API makes, so stored bytes are byte-identical to a live rendering.

Each stored rendering gets a random `stamp`; on PostgreSQL, record reads send the body from this host's
file of the fresh stamp (orchid.records.rendering_files) rather than out of the database.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from django.db import IntegrityError, connection, connections, transaction
from django.db.models import F, Q
from django.utils import timezone

from orchid.errors import OrcidError
from orchid.records import documents, rendering_files
from orchid.records.models import (
    Item,
    PublicRendering,
    Researcher,
    VisibilityChoices,
    new_stamp,
    now_ms,
)
from orchid.records.sections import Section
from orchid.records.viewer import Viewer
from orchid.schema import to_json, to_xml

if TYPE_CHECKING:
    from orchid.dumps.files import RecordFiles

BATCH = 200  # researchers per batch: bounds memory and the `pk IN (...)` of their full activities


@dataclass(frozen=True)
class Rendering:
    researcher_pk: int
    orcid: str
    version: int
    record_json: bytes  # application/vnd.orcid+json: indented, as ORCID's JSON types are served
    record_xml: bytes
    dump_files: bytes | None = None
    dump_activities: int = 0
    dump_manifest: str | None = None


def _public_record(researcher: Researcher) -> Any | None:
    from orchid.records.services import read_record

    try:
        return read_record(researcher.orcid, Viewer.anonymous())
    except OrcidError:
        return None  # deprecated (301) or otherwise not shown by the Public API


def _mtime(researcher: Researcher) -> int:
    moment: dt.datetime = researcher.last_modified
    return int(moment.timestamp())


def render_many(researchers: Iterable[Researcher], *, dump_files: bool = True) -> Iterator[Rendering]:
    """Renderings of records the Public API shows, each labelled with the version its researcher row
    was read at (before rendering: a rendering may show newer data than its label, never older)."""
    from orchid.dumps.files import public_summaries

    made: list[tuple[Researcher, Any, list[tuple[Section, int]]]] = []
    for researcher in researchers:
        record = _public_record(researcher)
        if record is None:
            continue
        activities = (
            list(public_summaries(record.activities_summary))
            if dump_files and record.activities_summary
            else []
        )
        made.append((researcher, record, activities))
    files = _DumpFiles(made) if dump_files else None
    for researcher, record, _ in made:
        record_xml = to_xml(record)
        made_files = files.of(researcher, record_xml) if files is not None else None
        yield Rendering(
            researcher_pk=researcher.pk,
            orcid=researcher.orcid,
            version=researcher.version,
            record_json=to_json(record, pretty=True),
            record_xml=record_xml,
            dump_files=made_files.member if made_files is not None else None,
            dump_activities=made_files.activities if made_files is not None else 0,
            dump_manifest=made_files.manifest if made_files is not None else None,
        )


# What an activity's full XML is made from besides its stored document, which only changes with its
# last-modified date (orchid.records.services): the columns its registry fields come from.
_ITEM_STATE = (
    "pk",
    "researcher_id",
    "section",
    "created_at",
    "last_modified",
    "display_index",
    "source_client_id",
    "source_client__client_id",
    "source_client__name",
    "source_orcid",
)


def _row_state(row: Item) -> tuple[Any, ...]:
    """`_ITEM_STATE` of a loaded row (its source client selected with it), as `values_list` gives it."""
    values = []
    for path in _ITEM_STATE:
        value: Any = row
        for part in path.split("__"):
            value = getattr(value, part) if value is not None else None
        values.append(value)
    return tuple(values)


def _fingerprint(state: tuple[Any, ...], researcher: Researcher) -> str:
    _, _, _, created_at, last_modified, display_index, client_pk, client_id, client_name, source_orcid = state
    if client_pk is not None:
        source = f"client {client_pk} {client_id} {client_name}"
    else:  # the researcher's own item names them by their current name (documents.researcher_source)
        source = f"researcher {researcher.display_name}" if source_orcid else ""
    made_from = f"{created_at.isoformat()}|{last_modified.isoformat()}|{display_index}|{source}"
    return hashlib.blake2b(made_from.encode(), digest_size=12).hexdigest()


def _generation() -> str:
    """What every stored activity file depends on besides its own fingerprint: this Orchid's
    rendering of activities and the iD host its URIs name."""
    from orchid import __version__
    from orchid.dumps.files import ENTRY_FORMAT

    return f"{ENTRY_FORMAT} {__version__} {documents.id_host()}"


class _DumpFiles:
    """The public data file's entries of a batch of records, copying each activity's XML from the
    record's stored files when what it is made from has not changed, rendering the others."""

    def __init__(self, made: list[tuple[Researcher, Any, list[tuple[Section, int]]]]) -> None:
        from orchid.dumps import files, layout

        generation = _generation()
        pks = [researcher.pk for researcher, _, _ in made]
        put_codes = [put_code for _, _, activities in made for _, put_code in activities]
        states = {
            state[0]: state
            for state in Item.objects.filter(pk__in=put_codes, visibility=VisibilityChoices.PUBLIC)
            .values_list(*_ITEM_STATE)
            .iterator()
        }
        stored = {
            pk: files.StoredEntries(bytes(member or b""), manifest or "{}", generation)
            for pk, member, manifest in PublicRendering.objects.filter(
                researcher_id__in=pks, dump_files__isnull=False, dump_manifest__isnull=False
            ).values_list("researcher_id", "dump_files", "dump_manifest")
        }
        # (name, fingerprint, stored XML or None, section, put code) per record, in document order
        self._plans: dict[int, list[tuple[str, str, bytes | None, Section, int]]] = {}
        to_render: list[int] = []
        for researcher, _, activities in made:
            plan = self._plans[researcher.pk] = []
            previous = stored.get(researcher.pk)
            for section, put_code in activities:
                state = states.get(put_code)
                if state is None or state[1] != researcher.pk or state[2] != section.name:
                    continue  # changed since the record was read: its next rendering has it
                name = layout.activity_name(researcher.orcid, section, put_code)
                fingerprint = _fingerprint(state, researcher)
                xml = previous.get(name, fingerprint) if previous is not None else None
                if xml is None:
                    to_render.append(put_code)
                plan.append((name, fingerprint, xml, section, put_code))
        self._rows = {
            row.pk: row
            for row in Item.objects.filter(pk__in=to_render, visibility=VisibilityChoices.PUBLIC)
            .select_related("source_client")
            .defer("summary")
        }
        self._generation = generation

    def of(self, researcher: Researcher, record_xml: bytes) -> RecordFiles:
        from orchid.dumps.files import Activity, record_files

        activities = []
        for name, fingerprint, stored_xml, section, put_code in self._plans[researcher.pk]:
            xml = stored_xml
            if xml is None:
                row = self._rows.get(put_code)
                if row is None or row.researcher_id != researcher.pk or row.section != section.name:
                    continue  # changed since the record was read: its next rendering has it
                fingerprint = _fingerprint(_row_state(row), researcher)  # what it is rendered from now
                xml = to_xml(documents.render_item(row, section, researcher))
            activities.append(Activity(name, xml, fingerprint))
        return record_files(
            researcher.orcid, _mtime(researcher), record_xml, activities, generation=self._generation
        )


def store(rendering: Rendering) -> None:
    """Keep a rendering unless a newer one is already stored (concurrent refreshes may race), and once
    that is committed, as this host's files of it."""
    stamp = new_stamp()
    values: dict[str, Any] = {
        "stamp": stamp,
        "version": rendering.version,
        "record_json": rendering.record_json,
        "record_xml": rendering.record_xml,
        "rendered_at": now_ms(),
    }
    stored = PublicRendering.objects.filter(researcher_id=rendering.researcher_pk)
    older = Q(version__lt=rendering.version)
    if rendering.dump_files is not None:  # the same version without its dump files is completed
        values |= {
            "dump_files": rendering.dump_files,
            "dump_activities": rendering.dump_activities,
            "dump_version": rendering.version,
            "dump_manifest": rendering.dump_manifest,
        }
        older |= Q(version=rendering.version) & ~Q(dump_version=rendering.version)
    # else older dump files stay: not current, but their unchanged activities are copied next time
    bodies = {"json": rendering.record_json, "xml": rendering.record_xml}

    def write_files() -> None:
        rendering_files.write(rendering.orcid, stamp, bodies)

    # In a transaction even when alone: on SQLite, that is what queues it behind the requests' writes
    # instead of making them wait in SQLite's busy handler (orchid.core.sqlite.base).
    with transaction.atomic():
        if stored.filter(older).update(**values):
            transaction.on_commit(write_files)
            return
    try:
        with transaction.atomic():
            PublicRendering.objects.create(researcher_id=rendering.researcher_pk, **values)
            transaction.on_commit(write_files)
    except IntegrityError:
        pass  # a row exists: as new as ours or newer


def refresh_public_renderings(researcher_pk: int, *, still_changing_seconds: float = 0.0) -> bool:
    """Render and store a record's public renderings (after it changed); False when the Public API does
    not show it (deprecated) or it is gone.

    A record changed within the last `still_changing_seconds` is still being written (the worker's
    refresh that falls due at the maximum delay, under a stream of writes): its public data file entries
    are left for a refresh once it is quiet, or for `orchid dump`, rather than rendered for every batch
    of writes and stale at once. Its API renderings, which reads are served from, are refreshed always."""
    researcher = Researcher.objects.filter(pk=researcher_pk).first()
    if researcher is None:
        return False
    quiet_since = timezone.now() - dt.timedelta(seconds=still_changing_seconds)
    dump_files = still_changing_seconds <= 0 or researcher.last_modified <= quiet_since
    stored = False
    for rendering in render_many([researcher], dump_files=dump_files):
        store(rendering)
        stored = True
    return stored


def render_and_store(orcid: str, *, dump_files: bool = False) -> Rendering | None:
    """A read that found no fresh rendering: render now, keep it for the next reads."""
    researcher = Researcher.objects.filter(orcid=orcid).first()
    if researcher is None:
        return None
    for rendering in render_many([researcher], dump_files=dump_files):
        store(rendering)
        return rendering
    return None


# ---------------------------------------------------------------------------------------------
# Reading a fresh rendering: one query and a file, the hot path of the Public API's record read

_COLUMNS = {"json": "record_json", "xml": "record_xml"}


@dataclass(frozen=True)
class Lookup:
    """A researcher's state (enough for the services' record checks) and, when fresh, the body."""

    researcher: Researcher
    body: bytes | None


# The researcher's columns the services' record checks read (services.check_readable).
_STATE = {
    "id",
    "orcid",
    "version",
    "deprecated_to",
    "locked",
    "deactivated_at",
    "claimed",
    "created_by_client_id",
}


@cache
def _state_fields() -> list[Any]:
    # In the model's field order, as Model.from_db expects the values.
    return [f for f in Researcher._meta.concrete_fields if f.attname in _STATE]


@cache
def _state_attnames() -> list[str]:
    return [f.attname for f in _state_fields()]


@cache
def _lookup_sql(fresh: str | None) -> str:
    """The researcher's state and, when the stored rendering is fresh, its column `fresh`."""
    researchers, renderings = Researcher._meta.db_table, PublicRendering._meta.db_table
    # Raw SQL on purpose: building this query with the ORM cost more than the rest of a read that
    # finds a fresh rendering (bench/api.py); it only joins two tables by their keys.
    value = "NULL" if fresh is None else f"CASE WHEN p.version = r.version THEN p.{fresh} END"
    state = ", ".join(f"r.{f.column}" for f in _state_fields())
    return (
        f"SELECT {state}, {value} "
        f"FROM {researchers} r LEFT JOIN {renderings} p ON p.researcher_id = r.id WHERE r.orcid = %s"
    )


@cache
def _body_sql(column: str) -> str:
    return f"SELECT {column} FROM {PublicRendering._meta.db_table} WHERE researcher_id = %s AND stamp = %s"


def _binary_cursor() -> Any:
    """A cursor receiving results in binary on PostgreSQL: a bytea then arrives as its bytes, not as hex
    text, which cost the database and the client 3.5 times more CPU for a record (bench/api.py). Django's
    cursors receive text."""
    if connection.vendor != "postgresql":
        return connection.cursor()
    import psycopg

    connection.ensure_connection()
    raw = psycopg.Cursor(connection.connection)
    raw.format = psycopg.pq.Format.BINARY
    # Django's wrapper (errors, query logging, execute wrappers), as connection.cursor() makes it
    return connection._prepare_cursor(raw)  # type: ignore[attr-defined]


def lookup(orcid: str, syntax: str | None) -> Lookup | None:
    """The researcher with this iD (None when there is none) and the stored record in `syntax`
    ("json" or "xml") when it is fresh; `syntax=None` only reads the researcher's state.

    The body comes from this host's rendering file (orchid.records.rendering_files) named by the fresh
    rendering's stamp; without one, from the database, and the file is written for the next read."""
    column = _COLUMNS.get(syntax or "")
    files = column is not None and rendering_files.root() is not None
    with _binary_cursor() as cursor:
        cursor.execute(_lookup_sql("stamp" if files else column), [orcid])
        row = cursor.fetchone()
    if row is None:
        return None
    *state, fresh = row
    # from_db: a partial instance (the other fields deferred), without computing the fields' defaults.
    researcher = Researcher.from_db(connection.alias, _state_attnames(), state)
    researcher.claimed, researcher.locked = bool(researcher.claimed), bool(researcher.locked)
    if fresh is None:
        return Lookup(researcher, None)
    if not files or syntax is None or column is None:
        return Lookup(researcher, bytes(fresh))
    return Lookup(researcher, _body_by_stamp(researcher, fresh, syntax, column))


def _body_by_stamp(researcher: Researcher, stamp: str, syntax: str, column: str) -> bytes | None:
    body = rendering_files.read(researcher.orcid, stamp, syntax)
    if body is not None:
        return body
    with _binary_cursor() as cursor:
        cursor.execute(_body_sql(column), [researcher.pk, stamp])
        stored = cursor.fetchone()
    if stored is None:
        return None  # replaced since the lookup: the caller renders anew
    body = bytes(stored[0])
    rendering_files.write(researcher.orcid, stamp, {syntax: body})
    return body


# ---------------------------------------------------------------------------------------------
# Refreshing many


def stale(*, dump_files: bool = True) -> Q:
    """Researchers whose renderings are missing or stale (and, for the dump, lack the dump files)."""
    condition = Q(public_rendering__isnull=True) | ~Q(public_rendering__version=F("version"))
    if dump_files:
        condition |= ~Q(public_rendering__dump_version=F("version"))
    return condition & Q(deprecated_to="")


def _refresh_pks(pks: list[int]) -> int:
    researchers = list(Researcher.objects.filter(pk__in=pks).order_by("pk"))
    count = 0
    for rendering in render_many(researchers):
        store(rendering)
        count += 1
    return count


def refresh_stale(
    *, batch_size: int = BATCH, processes: int = 1, advance: Callable[[int], None] | None = None
) -> int:
    """Render and store every missing or stale rendering (in `processes` forked worker processes,
    which open their own database connections); returns how many were stored."""
    pks = list(Researcher.objects.filter(stale()).order_by("pk").values_list("pk", flat=True))
    chunks = [pks[start : start + batch_size] for start in range(0, len(pks), batch_size)]
    count = 0
    if processes > 1 and len(chunks) > 1:
        connections.close_all()
        with multiprocessing.get_context("fork").Pool(processes) as pool:
            for chunk, stored in zip(chunks, pool.imap(_refresh_pks, chunks), strict=True):
                count += stored
                if advance is not None:
                    advance(len(chunk))
        return count
    for chunk in chunks:
        count += _refresh_pks(chunk)
        if advance is not None:
            advance(len(chunk))
    return count


def write_missing_files(*, batch_size: int = BATCH) -> int:
    """Write this host's files of every fresh stored rendering it lacks (a new host, a wiped or new
    renderings directory); returns how many renderings got their files. Streams the renderings: memory
    holds one batch of bodies, whatever the registry's size."""
    if rendering_files.root() is None:
        return 0
    fresh = (
        PublicRendering.objects.filter(version=F("researcher__version"))
        .order_by("researcher_id")
        .values_list("researcher_id", "researcher__orcid", "stamp")
    )
    count = 0
    missing: dict[int, tuple[str, str]] = {}
    for pk, orcid, stamp in fresh.iterator(chunk_size=2000):
        if not rendering_files.has(orcid, stamp):
            missing[pk] = (orcid, stamp)
            if len(missing) == batch_size:
                count += _write_files_of(missing)
                missing = {}
    return count + _write_files_of(missing)


def _write_files_of(missing: dict[int, tuple[str, str]]) -> int:
    rows = PublicRendering.objects.filter(researcher_id__in=list(missing)).values_list(
        "researcher_id", "stamp", "record_json", "record_xml"
    )
    count = 0
    for pk, stamp, record_json, record_xml in rows:
        orcid, wanted = missing[pk]
        if stamp == wanted:  # else replaced meanwhile, and its store wrote the files
            rendering_files.write(orcid, stamp, {"json": bytes(record_json), "xml": bytes(record_xml)})
            count += 1
    return count
