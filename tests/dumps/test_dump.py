"""`orchid dump`: the layout of the file, and only public data in it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from orchid.dumps import layout
from orchid.dumps.writer import dump
from orchid.records import services
from orchid.records.models import Researcher
from orchid.records.viewer import Viewer
from orchid.schema import from_xml, to_xml
from tests.api.xsd import assert_valid_orcid_xml
from tests.dumps.helpers import PRIVATE_TITLE, members, populate

pytestmark = pytest.mark.django_db


def test_one_summary_file_per_record_in_folders_by_last_three_characters(tmp_path: Path) -> None:
    orcids = populate()
    out = tmp_path / "public.tar.gz"
    result = dump(out, quiet=True)
    files = members(out)
    summaries = sorted(name for name in files if name.startswith("summaries/"))
    assert summaries == sorted(f"summaries/{orcid[-3:]}/{orcid}.xml" for orcid in orcids)
    assert result.records == 3 and result.skipped == 0
    for orcid in orcids:
        body = files[layout.summary_name(orcid)]
        assert_valid_orcid_xml(body)
        assert b"<record:record " in body
        # The file is exactly the Public API's record.
        assert body == to_xml(services.read_record(orcid, Viewer.anonymous()))


def test_activities_in_full_right_after_their_record(tmp_path: Path) -> None:
    orcids = populate()
    out = tmp_path / "public.tar.gz"
    result = dump(out, quiet=True)
    names = list(members(out))
    activity = re.compile(r"^activities/([\dX]{3})/([\d-]+X?)/([a-z-]+)/\2_\3_(\d+)\.xml$")
    activities = [name for name in names if name.startswith("activities/")]
    assert len(activities) == result.activities == 4  # first: 2 public works, 1 employment; second: 1 work
    for name in activities:
        match = activity.match(name)
        assert match is not None, name
        assert match.group(1) == match.group(2)[-3:]
        # Each record's activities follow its summary file.
        summary_index = names.index(layout.summary_name(match.group(2)))
        assert all(n.startswith("activities/") for n in names[summary_index + 1 : names.index(name)])
    files = members(out)
    for name in activities:
        assert_valid_orcid_xml(files[name])
    first = orcids[0]
    works = [name for name in activities if f"/{first}/works/" in name]
    assert len(works) == 2
    work = from_xml(files[works[0]])
    assert work.put_code == int(works[0].rsplit("_", 1)[1].removesuffix(".xml"))


def test_private_data_never_appears(tmp_path: Path) -> None:
    orcids = populate()
    out = tmp_path / "public.tar.gz"
    dump(out, quiet=True)
    blob = b"".join(members(out).values())
    assert PRIVATE_TITLE.encode() not in blob
    assert b"<common:visibility>private" not in blob and b'visibility="private"' not in blob
    assert b"limited" not in blob
    # Private e-mail addresses (the second and third researchers') stay out, the public one is in.
    emails = {r.orcid: r.emails.get().email for r in Researcher.objects.all()}
    assert emails[orcids[0]].encode() in blob
    assert emails[orcids[1]].encode() not in blob and emails[orcids[2]].encode() not in blob


def test_deprecated_records_are_skipped(tmp_path: Path) -> None:
    orcids = populate()
    Researcher.objects.filter(orcid=orcids[2]).update(deprecated_to=orcids[1])
    out = tmp_path / "public.tar.gz"
    result = dump(out, quiet=True)
    assert result.skipped == 1 and result.records == 2
    assert layout.summary_name(orcids[2]) not in members(out)


def test_empty_registry_gives_an_empty_archive(tmp_path: Path) -> None:
    out = tmp_path / "public.tar.gz"
    assert dump(out, quiet=True).records == 0
    assert members(out) == {}


def test_layout_names_parse_back() -> None:
    from orchid.records.sections import BY_NAME

    orcid = "0000-0002-1825-0097"
    assert layout.summary_name(orcid) == "summaries/097/0000-0002-1825-0097.xml"
    name = layout.activity_name(orcid, BY_NAME["invited-position"], 12)
    assert (
        name
        == "activities/097/0000-0002-1825-0097/invited-positions/0000-0002-1825-0097_invited-positions_12.xml"
    )
    parsed = layout.parse(name)
    assert parsed is not None and parsed.section is BY_NAME["invited-position"] and parsed.put_code == 12
    assert layout.parse("summaries/123/0000-0002-1825-0097.xml") is None  # wrong folder
    assert layout.parse("README.txt") is None
