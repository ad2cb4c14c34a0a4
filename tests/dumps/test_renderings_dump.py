"""The dump copies records' stored files when fresh, renders (and stores) them when not."""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest

from orchid.dumps import files, layout
from orchid.dumps.writer import dump
from orchid.records import renderings, services
from orchid.records.models import PublicRendering, Researcher
from orchid.records.sections import BY_NAME
from orchid.records.viewer import Viewer
from orchid.schema import to_xml
from tests.dumps.helpers import members, populate
from tests.records import builders


@pytest.mark.django_db
def test_a_warm_dump_copies_stored_files_and_equals_a_cold_one(tmp_path: Path) -> None:
    orcids = populate()
    cold = dump(tmp_path / "cold.tar.gz", quiet=True)
    assert cold.rendered == 3 and PublicRendering.objects.filter(dump_files__isnull=False).count() == 3
    warm = dump(tmp_path / "warm.tar.gz", quiet=True)
    assert warm.rendered == 0 and (warm.records, warm.activities) == (cold.records, cold.activities)
    assert members(tmp_path / "warm.tar.gz") == members(tmp_path / "cold.tar.gz")
    body = members(tmp_path / "warm.tar.gz")[layout.summary_name(orcids[0])]
    assert body == to_xml(services.read_record(orcids[0], Viewer.anonymous()))


@pytest.mark.django_db
def test_a_changed_record_is_rendered_again(tmp_path: Path) -> None:
    orcids = populate()
    dump(tmp_path / "before.tar.gz", quiet=True)
    me = Viewer.researcher_self(orcids[1])
    put_code = services.add_item(orcids[1], BY_NAME["work"], builders.work("Added after the dump"), me)
    again = dump(tmp_path / "after.tar.gz", quiet=True)
    assert again.rendered == 1
    files_after = members(tmp_path / "after.tar.gz")
    assert b"Added after the dump" in files_after[layout.summary_name(orcids[1])]
    assert layout.activity_name(orcids[1], BY_NAME["work"], put_code) in files_after
    services.set_visibility(orcids[1], BY_NAME["work"], put_code, "private", me)
    assert dump(tmp_path / "hidden.tar.gz", quiet=True).rendered == 1
    assert b"Added after the dump" not in b"".join(members(tmp_path / "hidden.tar.gz").values())


@pytest.mark.django_db
def test_stale_stored_files_are_never_copied(tmp_path: Path) -> None:
    researcher = builders.researcher()
    current = Researcher.objects.get(pk=researcher.pk).version
    bogus = files.record_files(researcher.orcid, 0, b"<stale/>", []).member
    PublicRendering.objects.create(
        researcher=researcher,
        version=current - 1,
        record_json=b"{}",
        record_xml=b"<stale/>",
        dump_files=bogus,
    )
    result = dump(tmp_path / "out.tar.gz", quiet=True)
    assert result.rendered == 1
    assert b"<stale/>" not in members(tmp_path / "out.tar.gz")[layout.summary_name(researcher.orcid)]
    # A rendering made by a read (no dump files yet) is completed by the dump, not trusted.
    other = builders.researcher()
    renderings.render_and_store(other.orcid)
    assert PublicRendering.objects.get(pk=other.pk).dump_files is None
    assert dump(tmp_path / "again.tar.gz", quiet=True).rendered == 1
    assert PublicRendering.objects.get(pk=other.pk).dump_files is not None


@pytest.mark.django_db
def test_the_file_is_one_archive_for_common_readers(tmp_path: Path) -> None:
    orcids = populate()
    out = tmp_path / "public.tar.gz"
    dump(out, quiet=True)
    dump(out, quiet=True)  # from stored members
    expected = set(members(out))
    with gzip.open(out) as compressed, tarfile.open(fileobj=compressed, mode="r|") as tar:
        assert {info.name for info in tar} == expected
    assert len(gzip.decompress(out.read_bytes())) % tarfile.RECORDSIZE == 0
    if shutil.which("tar"):
        listed = subprocess.run(["tar", "-tzf", str(out)], capture_output=True, text=True, check=True)
        assert set(listed.stdout.split()) == expected
    assert layout.summary_name(orcids[0]) in expected


def test_dump_with_worker_processes(orchid_cmd: list[str], cli_env: dict[str, str], tmp_path: Path) -> None:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*orchid_cmd, *args], env=cli_env, capture_output=True, text=True, timeout=180)

    assert run("migrate", "-v", "0").returncode == 0
    for n in range(5):
        assert run("researcher", "create", "--given-names", f"Person{n}").returncode == 0
    cold = run("dump", "--quiet", "--processes", "2", str(tmp_path / "cold.tar.gz"))
    assert cold.returncode == 0, cold.stderr
    assert json.loads(cold.stdout)["rendered"] == 5
    warm = run("dump", "--quiet", "--processes", "2", str(tmp_path / "warm.tar.gz"))
    assert json.loads(warm.stdout) | {"seconds": 0} == json.loads(cold.stdout) | {"seconds": 0, "rendered": 0}
    assert members(tmp_path / "warm.tar.gz") == members(tmp_path / "cold.tar.gz")
    refreshed = run("manage", "refresh_renderings", "--quiet")
    assert refreshed.returncode == 0 and "refreshed 0 records" in refreshed.stdout
