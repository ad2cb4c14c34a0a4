"""`orchid dump OUT.tar.gz`: the public data of every record, streamed into a gzipped tar (see layout).

Everything written comes from the Public API's view of a record, `read_record(orcid, Viewer.anonymous())`:
the record file is that view, and the full activity files are the items whose put codes that view lists
(the same rows, rendered in full), so a limited or private item can never reach the file.

Memory stays constant: researchers are read in primary-key batches (keyset pagination), each batch's
full activities with one query, and every file goes straight into a `w|gz` tar stream.
"""

from __future__ import annotations

import gzip
import io
import os
import tarfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, fields, is_dataclass
from pathlib import Path
from typing import Any, TextIO

from orchid.dumps import layout
from orchid.dumps.progress import Progress
from orchid.errors import OrcidError
from orchid.records import documents
from orchid.records.models import Item, Researcher, VisibilityChoices
from orchid.records.sections import ACTIVITIES, Section
from orchid.records.services import read_record
from orchid.records.viewer import Viewer
from orchid.schema import to_xml

COMPRESS_LEVEL = 6
BATCH = 200  # researchers per batch: bounds memory and the size of the `pk IN (...)` of full items
_BY_SUMMARY_MODEL: dict[type, Section] = {
    section.summary_model: section for section in ACTIVITIES if section.summary_model is not None
}


@dataclass
class DumpResult:
    records: int = 0
    activities: int = 0
    skipped: int = 0  # deprecated records and others the Public API does not show
    seconds: float = 0.0


def public_summaries(model: Any) -> Iterator[tuple[Section, int]]:
    """(section, put code) of every activity summary inside a message model, in document order."""
    section = _BY_SUMMARY_MODEL.get(type(model))
    if section is not None:
        if model.put_code is not None:
            yield section, int(model.put_code)
        return
    if not is_dataclass(model):
        return
    for f in fields(model):
        value = getattr(model, f.name)
        if isinstance(value, list):
            for element in value:
                if is_dataclass(element):
                    yield from public_summaries(element)
        elif is_dataclass(value):
            yield from public_summaries(value)


def _researcher_batches(batch_size: int) -> Iterator[list[Researcher]]:
    last_pk = 0
    while True:
        batch = list(Researcher.objects.filter(pk__gt=last_pk).order_by("pk")[:batch_size])
        if not batch:
            return
        yield batch
        last_pk = batch[-1].pk


def _add(tar: tarfile.TarFile, name: str, data: bytes, mtime: float) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(mtime)
    info.mode = 0o644
    tar.addfile(info, io.BytesIO(data))


def _write_batch(
    tar: tarfile.TarFile, batch: list[Researcher], viewer: Viewer, mtime: float, result: DumpResult
) -> int:
    records: list[tuple[Researcher, bytes, list[tuple[Section, int]]]] = []
    for researcher in batch:
        try:
            record = read_record(researcher.orcid, viewer)
        except OrcidError:
            result.skipped += 1  # deprecated (or otherwise not shown by the Public API)
            continue
        activities = list(public_summaries(record.activities_summary)) if record.activities_summary else []
        records.append((researcher, to_xml(record), activities))
    put_codes = [put_code for _, _, activities in records for _, put_code in activities]
    rows = {
        row.pk: row
        for row in Item.objects.filter(pk__in=put_codes, visibility=VisibilityChoices.PUBLIC)
        .select_related("source_client")
        .defer("summary")
    }
    for researcher, body, activities in records:
        _add(tar, layout.summary_name(researcher.orcid), body, mtime)
        for section, put_code in activities:
            row = rows.get(put_code)
            if row is None or row.researcher_id != researcher.pk or row.section != section.name:
                continue  # changed since the record was read: the next dump will have it
            item = documents.render_item(row, section, researcher)
            _add(tar, layout.activity_name(researcher.orcid, section, put_code), to_xml(item), mtime)
            result.activities += 1
        result.records += 1
    return len(batch)


def dump(
    out: str | Path, *, batch_size: int = BATCH, progress_stream: TextIO | None = None, quiet: bool = False
) -> DumpResult:
    """Write the public data file to `out` (through a temporary file renamed at the end)."""
    out = Path(out)
    partial = out.with_name(out.name + ".partial")
    result = DumpResult()
    viewer = Viewer.anonymous()
    started = time.perf_counter()
    mtime = time.time()
    progress = None if quiet else Progress(Researcher.objects.count(), "dump", progress_stream)
    try:
        # A `w|` tar stream inside a gzip stream: the same bytes as tarfile's `w|gz`, whose level is
        # fixed at 9 (three times slower than 6 for a few per cent of size) before Python 3.12.
        with (
            gzip.GzipFile(partial, "wb", compresslevel=COMPRESS_LEVEL, mtime=int(mtime)) as compressed,
            tarfile.open(fileobj=compressed, mode="w|", format=tarfile.PAX_FORMAT) as tar,
        ):
            for batch in _researcher_batches(batch_size):
                done = _write_batch(tar, batch, viewer, mtime, result)
                tar.members = []  # type: ignore[attr-defined]  # TarFile keeps every TarInfo written, even streaming
                if progress is not None:
                    progress.advance(done)
        os.replace(partial, out)
    finally:
        if partial.exists():
            partial.unlink()
    if progress is not None:
        progress.close()
    result.seconds = time.perf_counter() - started
    return result
