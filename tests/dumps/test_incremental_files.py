"""A record's public data file entries after a change: unchanged activities copied from its stored files,
the rest rendered, and the result byte-identical to rendering every activity afresh."""

from __future__ import annotations

import zlib
from collections.abc import Iterator

import orjson
import pytest
from django.db import transaction
from django.db.models import F
from django.test import override_settings

from orchid.dumps import files, layout
from orchid.records import renderings, services
from orchid.records.models import PublicRendering, Researcher
from orchid.records.sections import BY_NAME
from orchid.records.viewer import Viewer
from tests.records import builders as b

pytestmark = pytest.mark.django_db
WORK = BY_NAME["work"]
MARK = b"<!--copied-->"


def _refresh(pk: int) -> PublicRendering:
    assert renderings.refresh_public_renderings(pk)
    return PublicRendering.objects.get(pk=pk)


def _rendered_afresh(pk: int) -> bytes:
    """The record's files rendered with no stored files to copy from (rolled back: nothing kept)."""
    with transaction.atomic():
        PublicRendering.objects.filter(pk=pk).delete()
        researcher = Researcher.objects.get(pk=pk)
        made = next(renderings.render_many([researcher]))
        transaction.set_rollback(True)
    assert made.dump_files is not None
    return made.dump_files


def _mark_stored_entries(pk: int) -> None:
    """Append a comment to every activity's stored XML, keeping the manifest's fingerprints: an entry
    that shows the mark in the next files was copied, one without it was rendered again."""
    stored = PublicRendering.objects.get(pk=pk)
    assert stored.dump_files is not None and stored.dump_manifest is not None
    manifest = orjson.loads(stored.dump_manifest)
    tar = zlib.decompress(bytes(stored.dump_files), 16 + zlib.MAX_WBITS)
    activities = []
    for name, (fingerprint, offset, size) in manifest["entries"].items():
        xml = tar[offset : offset + size].removesuffix(MARK) + MARK
        activities.append(files.Activity(name, xml, fingerprint))
    summary_name = layout.summary_name(stored.researcher.orcid)
    summary = _entries(bytes(stored.dump_files))[summary_name]
    remade = files.record_files(
        stored.researcher.orcid, 0, summary, activities, generation=manifest["generation"]
    )
    PublicRendering.objects.filter(pk=pk).update(dump_files=remade.member, dump_manifest=remade.manifest)


def _entries(member: bytes) -> dict[str, bytes]:
    import io
    import tarfile

    tar_bytes = zlib.decompress(member, 16 + zlib.MAX_WBITS) + b"\0" * 1024
    with tarfile.open(fileobj=io.BytesIO(tar_bytes)) as tar:
        return {info.name: tar.extractfile(info).read() for info in tar if info.isfile()}  # type: ignore[union-attr]


def _copied(pk: int) -> set[str]:
    stored = PublicRendering.objects.get(pk=pk)
    assert stored.dump_files is not None
    return {name for name, xml in _entries(bytes(stored.dump_files)).items() if xml.endswith(MARK)}


def _unmarked(pk: int) -> dict[str, bytes]:
    """The stored files' entries, as they would be had the copied ones not been marked."""
    stored = PublicRendering.objects.get(pk=pk)
    return {name: xml.removesuffix(MARK) for name, xml in _entries(bytes(stored.dump_files or b"")).items()}


def _name(orcid: str, put_code: int) -> str:
    return layout.activity_name(orcid, WORK, put_code)


@pytest.fixture
def record() -> Iterator[tuple[Researcher, Viewer, list[int]]]:
    researcher = b.researcher()
    viewer = b.member_viewer(researcher.orcid)
    put_codes = [services.add_item(researcher.orcid, WORK, b.work(f"Work-{n}"), viewer) for n in range(3)]
    yield researcher, viewer, put_codes


def test_a_new_activity_is_rendered_and_the_others_copied(
    record: tuple[Researcher, Viewer, list[int]],
) -> None:
    researcher, viewer, put_codes = record
    first = _refresh(researcher.pk)
    assert first.dump_version == first.version and first.dump_activities == 3
    _mark_stored_entries(researcher.pk)
    added = services.add_item(researcher.orcid, WORK, b.work("Added-later"), viewer)
    refreshed = _refresh(researcher.pk)
    assert refreshed.dump_activities == 4
    assert _copied(researcher.pk) == {_name(researcher.orcid, put_code) for put_code in put_codes}
    assert b"Added-later" in _entries(bytes(refreshed.dump_files or b""))[_name(researcher.orcid, added)]


def test_the_copy_is_byte_identical_to_a_fresh_rendering(
    record: tuple[Researcher, Viewer, list[int]],
) -> None:
    researcher, viewer, put_codes = record
    me = Viewer.researcher_self(researcher.orcid)
    _refresh(researcher.pk)
    services.add_item(researcher.orcid, WORK, b.work("Mine-own"), me)
    services.update_item(
        researcher.orcid, WORK, put_codes[0], _with_put_code(b.work("Renamed-work"), put_codes[0]), viewer
    )
    services.delete_item(researcher.orcid, WORK, put_codes[1], viewer)
    refreshed = _refresh(researcher.pk)
    assert bytes(refreshed.dump_files or b"") == _rendered_afresh(researcher.pk)
    assert refreshed.dump_activities == 3


def test_what_changed_is_rendered_again(record: tuple[Researcher, Viewer, list[int]]) -> None:
    researcher, viewer, put_codes = record
    me = Viewer.researcher_self(researcher.orcid)
    own = services.add_item(researcher.orcid, WORK, b.work("Mine-own"), me)
    hidden = services.add_item(researcher.orcid, WORK, b.work("Hidden-for-a-while"), me)
    services.set_visibility(researcher.orcid, WORK, hidden, "private", me)
    _refresh(researcher.pk)
    _mark_stored_entries(researcher.pk)
    services.update_item(
        researcher.orcid, WORK, put_codes[0], _with_put_code(b.work("Renamed-work"), put_codes[0]), viewer
    )
    services.set_visibility(researcher.orcid, WORK, hidden, "public", me)
    _refresh(researcher.pk)
    names = {put_code: _name(researcher.orcid, put_code) for put_code in [*put_codes, own, hidden]}
    assert _copied(researcher.pk) == {names[put_codes[1]], names[put_codes[2]], names[own]}

    # The researcher's new name is their own items' source name; the client's items keep theirs.
    _mark_stored_entries(researcher.pk)
    Researcher.objects.filter(pk=researcher.pk).update(credit_name="Another Name", version=F("version") + 1)
    _refresh(researcher.pk)
    assert _copied(researcher.pk) == {names[put_code] for put_code in put_codes}
    assert _unmarked(researcher.pk) == _entries(_rendered_afresh(researcher.pk))

    # A renamed client is the source name of every item it added.
    _mark_stored_entries(researcher.pk)
    assert viewer.client is not None
    type(viewer.client).objects.filter(pk=viewer.client.pk).update(name="A renamed client")
    Researcher.objects.filter(pk=researcher.pk).update(version=F("version") + 1)
    _refresh(researcher.pk)
    assert _copied(researcher.pk) == {names[own], names[hidden]}
    assert _unmarked(researcher.pk) == _entries(_rendered_afresh(researcher.pk))


def test_nothing_is_copied_into_files_for_another_id_host(
    record: tuple[Researcher, Viewer, list[int]],
) -> None:
    researcher, _, _ = record
    _refresh(researcher.pk)
    _mark_stored_entries(researcher.pk)
    Researcher.objects.filter(pk=researcher.pk).update(version=F("version") + 1)
    with override_settings(ORCID_ID_HOST="orcid.example.org"):
        _refresh(researcher.pk)
        assert _copied(researcher.pk) == set()
        assert _unmarked(researcher.pk) == _entries(_rendered_afresh(researcher.pk))


def test_a_rendering_without_files_keeps_the_older_files_for_the_next(
    record: tuple[Researcher, Viewer, list[int]],
) -> None:
    researcher, viewer, put_codes = record
    first = _refresh(researcher.pk)
    _mark_stored_entries(researcher.pk)
    services.add_item(researcher.orcid, WORK, b.work("Read-before-the-refresh"), viewer)
    assert renderings.render_and_store(researcher.orcid) is not None  # what a Public API read does
    read = PublicRendering.objects.get(pk=researcher.pk)
    assert read.version > first.version and read.dump_version == first.version
    assert Researcher.objects.filter(renderings.stale(), pk=researcher.pk).exists()  # not current for a dump
    assert not Researcher.objects.filter(renderings.stale(dump_files=False), pk=researcher.pk).exists()
    refreshed = _refresh(researcher.pk)
    assert refreshed.dump_version == refreshed.version
    assert _copied(researcher.pk) == {_name(researcher.orcid, put_code) for put_code in put_codes}


def _with_put_code(work: object, put_code: int) -> object:
    work.put_code = put_code  # type: ignore[attr-defined]
    return work
