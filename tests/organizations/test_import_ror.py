"""Importing a ROR data dump (schema v1 and v2) into the organization registry."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from orchid.organizations import services
from orchid.organizations.models import Organization, Provenance

# Trimmed records in the shapes of ROR's published dumps (fields the import ignores left out).
# Ids are well-formed (ROR checksums right) but not claimed to be the organizations named.
V2_RECORDS: list[dict[str, Any]] = [
    {
        "id": "https://ror.org/00a0jsq62",
        "names": [
            {"value": "LSHTM", "types": ["acronym"], "lang": None},
            {"value": "Example School of Hygiene", "types": ["ror_display", "label"], "lang": "en"},
        ],
        "locations": [
            {
                "geonames_id": 2643743,
                "geonames_details": {
                    "name": "London",
                    "country_code": "GB",
                    "country_name": "United Kingdom",
                    "country_subdivision_name": "England",
                    "lat": 51.50853,
                    "lng": -0.12574,
                },
            }
        ],
        "external_ids": [
            {"type": "grid", "all": ["grid.8991.9"], "preferred": "grid.8991.9"},
            {"type": "fundref", "all": ["501100000780"], "preferred": None},
            {"type": "isni", "all": ["0000 0004 0425 469X"], "preferred": None},
        ],
        "status": "active",
        "types": ["education"],
    },
    {
        "id": "https://ror.org/02jx3x895",
        "names": [{"value": "Example College", "types": ["label"], "lang": "en"}],
        "locations": [],
        "external_ids": [],
        "status": "active",
    },
]

V1_RECORDS: list[dict[str, Any]] = [
    {
        "id": "https://ror.org/01tgmhj36",
        "name": "Example Polytechnic",
        "addresses": [
            {
                "city": "Coventry",
                "state": None,
                "geonames_city": {"city": "Coventry", "geonames_admin1": {"name": "England"}},
                "lat": 52.40656,
                "lng": -1.51217,
            }
        ],
        "country": {"country_name": "United Kingdom", "country_code": "GB"},
        "external_ids": {
            "GRID": {"preferred": "grid.8096.7", "all": "grid.8096.7"},
            "FundRef": {"preferred": None, "all": ["501100000808"]},
        },
        "status": "active",
    },
    # No valid id: skipped, not fatal.
    {"id": "https://ror.org/not-an-id", "name": "Broken", "addresses": [], "country": {}},
]


def write_dump(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text(json.dumps(records, indent=1), encoding="utf-8")
    return path


@pytest.mark.django_db
class TestImport:
    def test_v2_records(self, tmp_path: Path) -> None:
        count = services.import_ror_dump(write_dump(tmp_path / "v2.json", V2_RECORDS))
        assert count == 2
        school = Organization.objects.get(source="ROR", disambiguated_id="https://ror.org/00a0jsq62")
        assert (school.name, school.city, school.region, school.country) == (
            "Example School of Hygiene",
            "London",
            "England",
            "GB",
        )
        assert school.provenance == Provenance.ROR_DUMP
        # A record without a ror_display name falls back to its label, and may have no location.
        college = services.lookup("ROR", "02jx3x895")
        assert college is not None
        assert (college.name, college.city, college.country) == ("Example College", "", "")

    def test_v2_grid_and_fundref_ids_are_registered_too(self, tmp_path: Path) -> None:
        services.import_ror_dump(write_dump(tmp_path / "v2.json", V2_RECORDS))
        grid = services.lookup("GRID", "grid.8991.9")
        fundref = services.lookup("FUNDREF", "http://dx.doi.org/10.13039/501100000780")
        assert grid is not None and grid.name == "Example School of Hygiene"
        assert fundref is not None and fundref.city == "London"
        assert services.lookup("GRID", "0000 0004 0425 469X") is None

    def test_v1_records(self, tmp_path: Path) -> None:
        count = services.import_ror_dump(write_dump(tmp_path / "v1.json", V1_RECORDS))
        assert count == 1  # the record without a valid id is skipped
        poly = services.lookup("ROR", "https://ror.org/01tgmhj36")
        assert poly is not None
        assert (poly.name, poly.city, poly.region, poly.country) == (
            "Example Polytechnic",
            "Coventry",
            "England",
            "GB",
        )
        assert services.lookup("GRID", "grid.8096.7") is not None
        assert services.lookup("FUNDREF", "10.13039/501100000808") is not None

    def test_reimport_is_idempotent_and_updates_in_place(self, tmp_path: Path) -> None:
        dump = write_dump(tmp_path / "v2.json", V2_RECORDS)
        services.import_ror_dump(dump)
        rows_after_first = Organization.objects.count()
        first = Organization.objects.get(disambiguated_id="https://ror.org/00a0jsq62")

        services.import_ror_dump(dump)
        assert Organization.objects.count() == rows_after_first

        renamed = json.loads(dump.read_text())
        renamed[0]["names"][1]["value"] = "Renamed School"
        services.import_ror_dump(write_dump(tmp_path / "v2-renamed.json", renamed))
        assert Organization.objects.count() == rows_after_first
        again = Organization.objects.get(disambiguated_id="https://ror.org/00a0jsq62")
        assert again.pk == first.pk
        assert again.name == "Renamed School"

    def test_small_batches_and_a_file_object(self, tmp_path: Path) -> None:
        data = json.dumps(V2_RECORDS + V1_RECORDS).encode()
        assert services.import_ror_dump(io.BytesIO(data), batch_size=1) == 3
        # 3 ROR rows, 2 GRID rows, 2 FUNDREF rows
        assert Organization.objects.filter(provenance=Provenance.ROR_DUMP).count() == 7

    def test_an_import_updates_a_seeded_organization_rather_than_duplicating_it(self, tmp_path: Path) -> None:
        record = {
            "id": "https://ror.org/04fa4r544",
            "names": [{"value": "ORCID", "types": ["ror_display"], "lang": None}],
            "locations": [{"geonames_details": {"name": "Bethesda", "country_code": "US"}}],
        }
        services.import_ror_dump(write_dump(tmp_path / "orcid.json", [record]))
        assert Organization.objects.filter(disambiguated_id="https://ror.org/04fa4r544").count() == 1

    def test_management_command(self, tmp_path: Path) -> None:
        out = io.StringIO()
        call_command("import_ror", str(write_dump(tmp_path / "v2.json", V2_RECORDS)), stdout=out)
        assert "Imported 2 ROR records" in out.getvalue()
        assert services.lookup("ROR", "00a0jsq62") is not None


@pytest.mark.django_db
def test_command_refuses_a_file_that_is_not_json(tmp_path: Path) -> None:
    not_json = tmp_path / "dump.json"
    not_json.write_text("this is not json")
    with pytest.raises(CommandError, match="not a ROR JSON dump"):
        call_command("import_ror", str(not_json))
    with pytest.raises(CommandError, match="no such file"):
        call_command("import_ror", str(tmp_path / "missing.json"))


def test_dump_is_read_as_a_stream() -> None:
    # Records come out one by one before the array is closed: nothing waits for the whole file.
    def chunks() -> Any:
        yield b'[{"id": "https://ror.org/00a0jsq62", "names": [{"value": "A", "types": ["ror_display"]}]},'
        raise AssertionError("the reader asked for more input before yielding the first record")

    class Stream:
        def __init__(self) -> None:
            self._chunks = chunks()

        def read(self, size: int = -1) -> bytes:
            if size == 0:  # ijson probes the stream's type with read(0)
                return b""
            return next(self._chunks)

    records = services.iter_ror_dump(Stream())  # type: ignore[arg-type]
    assert next(records).name == "A"
