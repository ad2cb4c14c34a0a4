"""Record reads served from this host's rendering files: named by the fresh rendering's stamp, so a stale
file is never served; a missing or unusable file costs a database read, never a wrong answer."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from orchid.records import rendering_files, renderings, services
from orchid.records.models import PublicRendering, Researcher
from orchid.records.sections import BY_NAME
from orchid.records.viewer import Viewer
from orchid.schema import to_json, to_xml
from tests.records import builders as b

pytestmark = pytest.mark.django_db
VND_JSON = "application/vnd.orcid+json"
VND_XML = "application/vnd.orcid+xml"


@pytest.fixture
def files_dir(settings: Any, tmp_path: Path) -> Path:
    directory = tmp_path / "renderings"
    settings.ORCHID_RENDERINGS_DIR = str(directory)
    return directory


def _files(directory: Path, orcid: str) -> dict[str, bytes]:
    found = list(directory.glob(f"*/{orcid}/*"))
    return {path.name: path.read_bytes() for path in found}


def _read(client: Client, orcid: str, accept: str = VND_JSON) -> tuple[bytes, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/v3.0/{orcid}/record", HTTP_ACCEPT=accept)
    assert response.status_code == 200
    return response.content, len(queries)


def _live(orcid: str, accept: str = VND_JSON) -> bytes:
    record = services.read_record(orcid, Viewer.anonymous())
    return to_xml(record) if "xml" in accept else to_json(record, pretty=True)


def _refresh(researcher_pk: int, capture: Any) -> str:
    with capture(execute=True):  # as outside a test's transaction: the files follow the commit
        assert renderings.refresh_public_renderings(researcher_pk)
    return PublicRendering.objects.get(pk=researcher_pk).stamp


def test_a_stored_rendering_is_kept_as_files_named_by_its_stamp(
    files_dir: Path, django_capture_on_commit_callbacks: Any
) -> None:
    researcher = b.researcher()
    stamp = _refresh(researcher.pk, django_capture_on_commit_callbacks)
    files = _files(files_dir, researcher.orcid)
    assert files == {
        f"{stamp}.json": _live(researcher.orcid),
        f"{stamp}.xml": _live(researcher.orcid, VND_XML),
    }


@pytest.mark.parametrize("accept", [VND_JSON, VND_XML])
def test_reads_come_from_the_file_with_one_query(
    client: Client, files_dir: Path, django_capture_on_commit_callbacks: Any, accept: str
) -> None:
    researcher = b.researcher()
    stamp = _refresh(researcher.pk, django_capture_on_commit_callbacks)
    syntax = "xml" if "xml" in accept else "json"
    live = _live(researcher.orcid, accept)
    # still a valid record (every XML body in the suite is checked against the XSDs), marked as the file's
    marked = live + b"<!-- served from the file -->" if syntax == "xml" else b'{"served": "from the file"}'
    next(files_dir.glob(f"*/{researcher.orcid}/{stamp}.{syntax}")).write_bytes(marked)
    assert _read(Client(), researcher.orcid, accept) == (marked, 1)


def test_a_file_of_an_older_rendering_is_never_served(
    client: Client, files_dir: Path, django_capture_on_commit_callbacks: Any
) -> None:
    researcher = b.researcher()
    old = _refresh(researcher.pk, django_capture_on_commit_callbacks)
    next(files_dir.glob(f"*/{researcher.orcid}/{old}.json")).write_bytes(b'{"stale": true}')
    viewer = b.member_viewer(researcher.orcid)
    services.add_item(researcher.orcid, BY_NAME["work"], b.work("Written after the files"), viewer)
    body, _ = _read(client, researcher.orcid)  # the stored rendering is stale: rendered again
    assert b"Written after the files" in body and body == _live(researcher.orcid)
    new = _refresh(researcher.pk, django_capture_on_commit_callbacks)
    assert new != old
    assert set(_files(files_dir, researcher.orcid)) == {f"{new}.json", f"{new}.xml"}  # the old ones gone
    assert _read(client, researcher.orcid) == (_live(researcher.orcid), 1)


def test_a_missing_file_is_read_from_the_database_and_written_for_the_next_read(
    client: Client, files_dir: Path
) -> None:
    researcher = b.researcher()
    renderings.refresh_public_renderings(researcher.pk)  # its files wait for a commit that never comes
    stamp = PublicRendering.objects.get(pk=researcher.pk).stamp
    assert _files(files_dir, researcher.orcid) == {}
    assert _read(client, researcher.orcid, VND_XML) == (_live(researcher.orcid, VND_XML), 2)
    assert _files(files_dir, researcher.orcid) == {f"{stamp}.xml": _live(researcher.orcid, VND_XML)}
    assert _read(client, researcher.orcid, VND_XML) == (_live(researcher.orcid, VND_XML), 1)


def test_an_unusable_directory_costs_a_database_read_not_an_error(
    client: Client, settings: Any, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocked = tmp_path / "not-a-directory"
    blocked.write_bytes(b"")
    settings.ORCHID_RENDERINGS_DIR = str(blocked)
    researcher = b.researcher()
    renderings.refresh_public_renderings(researcher.pk)
    assert _read(client, researcher.orcid) == (_live(researcher.orcid), 2)
    assert "cannot write the rendering files" in caplog.text


def test_without_a_directory_the_bodies_come_from_the_database(
    client: Client, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    settings.ORCHID_RENDERINGS_DIR = None
    researcher = b.researcher()
    _refresh(researcher.pk, django_capture_on_commit_callbacks)
    assert _read(client, researcher.orcid) == (_live(researcher.orcid), 1)
    assert renderings.write_missing_files() == 0


def test_write_missing_files_fills_a_new_hosts_directory(files_dir: Path) -> None:
    first, second = b.researcher(), b.researcher()
    for researcher in (first, second):
        renderings.refresh_public_renderings(researcher.pk)  # no commit in a test: no files yet
    assert renderings.write_missing_files(batch_size=1) == 2  # a batch of bodies at a time
    for researcher in (first, second):
        stamp = PublicRendering.objects.get(pk=researcher.pk).stamp
        assert set(_files(files_dir, researcher.orcid)) == {f"{stamp}.json", f"{stamp}.xml"}
    assert renderings.write_missing_files() == 0
    Researcher.objects.filter(pk=first.pk).update(version=10_000)  # its rendering is stale now
    for path in files_dir.glob(f"*/{first.orcid}/*"):
        path.unlink()
    assert renderings.write_missing_files() == 0  # a stale rendering gets no files


def test_every_store_gets_a_new_stamp() -> None:
    researcher = b.researcher()
    stamps = set()
    for _ in range(3):
        Researcher.objects.filter(pk=researcher.pk).update(version=researcher.version + len(stamps) + 1)
        renderings.refresh_public_renderings(researcher.pk)
        stamps.add(PublicRendering.objects.get(pk=researcher.pk).stamp)
    assert len(stamps) == 3 and all(len(stamp) == 32 for stamp in stamps)


def test_writing_removes_other_stamps_and_abandoned_partial_files(files_dir: Path) -> None:
    rendering_files.write("0000-0002-1825-0097", "a" * 32, {"json": b"{}", "xml": b"<a/>"})
    directory = next(files_dir.glob("*/0000-0002-1825-0097"))
    in_progress = directory / f".{'c' * 32}.json.1.2"  # another process writing aside right now
    abandoned = directory / f".{'d' * 32}.json.3.4"  # left by a writer that crashed
    in_progress.write_bytes(b"{")
    abandoned.write_bytes(b"{")
    old = time.time() - rendering_files.ABANDONED_SECONDS - 1
    os.utime(abandoned, (old, old))
    rendering_files.write("0000-0002-1825-0097", "b" * 32, {"json": b"[]"})
    assert sorted(path.name for path in directory.iterdir()) == [in_progress.name, f"{'b' * 32}.json"]
    assert rendering_files.read("0000-0002-1825-0097", "b" * 32, "json") == b"[]"
    assert rendering_files.read("0000-0002-1825-0097", "a" * 32, "json") is None
