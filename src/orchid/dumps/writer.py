"""`orchid dump OUT.tar.gz`: the public data of every record, streamed into a gzipped tar (see layout).

Everything written comes from the Public API's view of a record, `read_record(orcid, Viewer.anonymous())`:
the record file is that view, and the full activity files are the items whose put codes that view lists
(the same rows, rendered in full), so a limited or private item can never reach the file.

A record's files are one gzip member (orchid.dumps.files) kept with its stored public renderings
(orchid.records.renderings). When they are fresh (rendered at the record's current version) the dump
copies them as they are; otherwise it renders them, in `processes` worker processes when asked, and
stores them so the next dump finds them fresh. Memory stays constant: researchers are read in
primary-key batches (keyset pagination), a bounded number of batches is in flight, and every member
goes straight to the output file.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from multiprocessing.pool import AsyncResult, Pool
from pathlib import Path
from typing import TextIO

from django.db import connections

from orchid.dumps import files
from orchid.dumps.progress import Progress
from orchid.records import renderings
from orchid.records.models import PublicRendering, Researcher

BATCH = 200  # researchers per batch: bounds memory and the size of the `pk IN (...)` of full items
IN_FLIGHT = 2  # batches being rendered per worker process while earlier ones are written

# (researcher pk, the record's gzip member, its activity files), in primary-key order
Rendered = list[tuple[int, bytes, int]]


@dataclass
class DumpResult:
    records: int = 0
    activities: int = 0
    skipped: int = 0  # deprecated records and others the Public API does not show
    rendered: int = 0  # records whose files were not fresh and were rendered (and stored)
    seconds: float = 0.0


def _researcher_batches(batch_size: int) -> Iterator[list[Researcher]]:
    last_pk = 0
    while True:
        batch = list(Researcher.objects.filter(pk__gt=last_pk).order_by("pk")[:batch_size])
        if not batch:
            return
        yield batch
        last_pk = batch[-1].pk


def render_and_store(researchers: list[Researcher]) -> Rendered:
    """Render the records' files (and their other public renderings), store them, return the files."""
    out: Rendered = []
    for rendering in renderings.render_many(researchers):
        renderings.store(rendering)
        assert rendering.dump_files is not None
        out.append((rendering.researcher_pk, rendering.dump_files, rendering.dump_activities))
    return out


def _render_in_worker(pks: list[int]) -> Rendered:
    return render_and_store(list(Researcher.objects.filter(pk__in=pks).order_by("pk")))


@dataclass
class _Batch:
    order: list[int]  # researcher pks shown by the Public API, in order
    fresh: dict[int, tuple[bytes, int]]
    pending: AsyncResult[Rendered] | Rendered | None
    skipped: int


def _plan(batch: list[Researcher], pool: Pool | None) -> _Batch:
    stored = {
        pk: (version, dump_files, count)
        for pk, version, dump_files, count in PublicRendering.objects.filter(
            researcher_id__in=[researcher.pk for researcher in batch], dump_files__isnull=False
        ).values_list("researcher_id", "dump_version", "dump_files", "dump_activities")
    }
    fresh: dict[int, tuple[bytes, int]] = {}
    stale: list[Researcher] = []
    order: list[int] = []
    skipped = 0
    for researcher in batch:
        if researcher.deprecated_to:
            skipped += 1  # the Public API answers 301: not in the file
            continue
        order.append(researcher.pk)
        found = stored.get(researcher.pk)
        if found is not None and found[0] == researcher.version and found[1] is not None:
            fresh[researcher.pk] = (bytes(found[1]), found[2])
        else:
            stale.append(researcher)
    pending: AsyncResult[Rendered] | Rendered | None = None
    if stale:
        if pool is not None:
            pending = pool.apply_async(_render_in_worker, ([researcher.pk for researcher in stale],))
        else:
            pending = render_and_store(stale)
    return _Batch(order, fresh, pending, skipped)


class _Output:
    def __init__(self, path: Path) -> None:
        self.file = open(path, "wb")  # noqa: SIM115  # closed in close()
        self.tar_bytes = 0

    def write_member(self, member: bytes) -> None:
        self.file.write(member)
        self.tar_bytes += files.uncompressed_size(member)

    def close(self) -> None:
        self.file.write(files.end_of_archive(self.tar_bytes))
        self.file.close()


def _write(batch: _Batch, output: _Output, result: DumpResult) -> None:
    rendered: dict[int, tuple[bytes, int]] = {}
    if batch.pending is not None:
        done = batch.pending.get() if isinstance(batch.pending, AsyncResult) else batch.pending
        rendered = {pk: (member, count) for pk, member, count in done}
        result.rendered += len(rendered)
    result.skipped += batch.skipped
    for pk in batch.order:
        found = batch.fresh.get(pk) or rendered.get(pk)
        if found is None:
            result.skipped += 1  # deprecated while the dump ran
            continue
        output.write_member(found[0])
        result.records += 1
        result.activities += found[1]


def dump(
    out: str | Path,
    *,
    batch_size: int = BATCH,
    processes: int = 1,
    progress_stream: TextIO | None = None,
    quiet: bool = False,
) -> DumpResult:
    """Write the public data file to `out` (through a temporary file renamed at the end).

    `processes` > 1 renders records whose files are not fresh in that many worker processes (forked:
    they open their own database connections, so the data must be committed)."""
    out = Path(out)
    partial = out.with_name(out.name + ".partial")
    result = DumpResult()
    started = time.perf_counter()
    progress = None if quiet else Progress(Researcher.objects.count(), "dump", progress_stream)
    pool: Pool | None = None
    if processes > 1:
        connections.close_all()  # each worker opens its own
        pool = multiprocessing.get_context("fork").Pool(processes)
    try:
        output = _Output(partial)
        try:
            in_flight: deque[tuple[_Batch, int]] = deque()
            for batch in _researcher_batches(batch_size):
                in_flight.append((_plan(batch, pool), len(batch)))
                while len(in_flight) > IN_FLIGHT * max(1, processes) - 1:
                    planned, size = in_flight.popleft()
                    _write(planned, output, result)
                    if progress is not None:
                        progress.advance(size)
            while in_flight:
                planned, size = in_flight.popleft()
                _write(planned, output, result)
                if progress is not None:
                    progress.advance(size)
        finally:
            output.close()
        os.replace(partial, out)
    finally:
        if pool is not None:
            pool.terminate()
            pool.join()
        if partial.exists():
            partial.unlink()
    if progress is not None:
        progress.close()
    result.seconds = time.perf_counter() - started
    return result
