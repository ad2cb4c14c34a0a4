"""The organization registry: seed, identifier forms, lookups and the check of a posted organization."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from orchid.errors import OrcidError
from orchid.organizations import services
from orchid.organizations.models import Organization, OrganizationSource, Provenance
from orchid.schema import models as m


def posted_org(
    identifier: str | None,
    source: str = "ROR",
    *,
    name: str = "Example Institute",
    city: str | None = "Utrecht",
    region: str | None = None,
    country: str | None = "NL",
) -> m.common.Organization:
    disambiguated = (
        None
        if identifier is None
        else m.common.DisambiguatedOrganization(
            disambiguated_organization_identifier=identifier, disambiguation_source=source
        )
    )
    return m.common.Organization(
        name=name,
        address=m.common.OrganizationAddress(city=city, region=region, country=country),
        disambiguated_organization=disambiguated,
    )


# A well-formed ROR id (its checksum is right) that no seed uses.
UNSEEDED_ROR = "https://ror.org/04pp8hn57"


@pytest.mark.django_db
class TestSeed:
    def test_the_sample_is_seeded_by_the_migration(self) -> None:
        seeded = Organization.objects.filter(provenance=Provenance.SEED)
        assert seeded.count() >= 15
        assert {org.source for org in seeded} == {"ROR", "GRID", "RINGGOLD", "FUNDREF"}

    @pytest.mark.parametrize(
        ("source", "identifier", "name"),
        [
            ("ROR", "https://ror.org/04fa4r544", "ORCID"),
            ("ROR", "https://ror.org/052gg0110", "University of Oxford"),
            ("GRID", "grid.455335.1", "ORCID"),
            ("RINGGOLD", "385488", "ORCID"),
            ("FUNDREF", "http://dx.doi.org/10.13039/100000001", "National Science Foundation"),
        ],
    )
    def test_lookup_finds_seeded_organizations(self, source: str, identifier: str, name: str) -> None:
        found = services.lookup(source, identifier)
        assert found is not None
        assert found.name == name

    def test_every_seeded_identifier_is_in_its_canonical_form(self) -> None:
        for org in Organization.objects.filter(provenance=Provenance.SEED):
            assert services.canonical_id(org.source, org.disambiguated_id) == org.disambiguated_id, org

    def test_lookup_accepts_other_spellings_of_the_same_id(self) -> None:
        assert services.lookup("ROR", "052gg0110") == services.lookup("ROR", "https://ror.org/052gg0110")
        assert services.lookup("FUNDREF", "10.13039/100000001") is not None
        assert services.lookup("ROR", "https://ror.org/04pp8hn57") is None
        assert services.lookup("NOPE", "1234") is None


class TestWellFormed:
    @pytest.mark.parametrize(
        ("source", "identifier"),
        [
            ("ROR", "https://ror.org/042nb2s44"),
            ("ROR", "042nb2s44"),
            ("ROR", "ror.org/042nb2s44"),
            ("ror", "http://ror.org/042NB2S44/"),
            ("GRID", "grid.38142.3c"),
            ("RINGGOLD", "6396"),
            ("FUNDREF", "http://dx.doi.org/10.13039/100000001"),
            ("FUNDREF", "https://doi.org/10.13039/501100000780"),
            ("FUNDREF", "10.13039/100004440"),
            ("LEI", "506700GE1G29325QX363"),
        ],
    )
    def test_accepted_forms(self, source: str, identifier: str) -> None:
        assert services.is_well_formed(source, identifier)

    @pytest.mark.parametrize(
        ("source", "identifier"),
        [
            ("ROR", "https://ror.org/042nb2s45"),  # checksum
            ("ROR", "142nb2s44"),  # must start with 0
            ("ROR", "https://example.org/042nb2s44"),
            ("GRID", "grid.38142"),
            ("GRID", "38142.3c"),
            ("RINGGOLD", "63a96"),
            ("FUNDREF", "10.1000/100000001"),
            ("LEI", "506700GE1G29325QX364"),  # check digits
            ("LEI", "506700GE1G29325QX36"),
            ("ISNI", "0000000121032683"),  # not a disambiguation source
            ("ROR", ""),
        ],
    )
    def test_refused_forms(self, source: str, identifier: str) -> None:
        assert not services.is_well_formed(source, identifier)

    def test_canonical_forms(self) -> None:
        assert services.canonical_id("ROR", "042NB2S44") == "https://ror.org/042nb2s44"
        assert (
            services.canonical_id("FUNDREF", "https://doi.org/10.13039/1") == "http://dx.doi.org/10.13039/1"
        )
        assert services.canonical_id("lei", "506700ge1g29325qx363") == "506700GE1G29325QX363"


@pytest.mark.django_db
class TestResolve:
    @pytest.mark.parametrize("sandbox", [True, False])
    def test_a_known_organization_passes_in_both_modes(self, sandbox: bool) -> None:
        before = Organization.objects.count()
        services.resolve(posted_org("https://ror.org/04fa4r544", name="ORCID"), sandbox=sandbox)
        assert Organization.objects.count() == before

    def test_sandbox_adds_an_unknown_well_formed_organization_from_the_item(self) -> None:
        services.resolve(
            posted_org(
                UNSEEDED_ROR, name="  Utrecht University ", city="Utrecht", region="Utrecht", country="NL"
            ),
            sandbox=True,
        )
        added = Organization.objects.get(source=OrganizationSource.ROR, disambiguated_id=UNSEEDED_ROR)
        assert (added.name, added.city, added.region, added.country) == (
            "Utrecht University",
            "Utrecht",
            "Utrecht",
            "NL",
        )
        assert added.provenance == Provenance.SANDBOX
        # Posting it again finds it instead of adding a second row.
        services.resolve(posted_org(UNSEEDED_ROR, name="Another name"), sandbox=True)
        assert Organization.objects.filter(disambiguated_id=UNSEEDED_ROR).count() == 1

    def test_sandbox_stores_the_canonical_spelling(self) -> None:
        services.resolve(posted_org("04pp8hn57", source="ror"), sandbox=True)
        assert services.lookup("ROR", UNSEEDED_ROR) is not None

    def test_strict_mode_refuses_an_unknown_organization_with_9045(self) -> None:
        with pytest.raises(OrcidError) as raised:
            services.resolve(posted_org(UNSEEDED_ROR), sandbox=False)
        assert raised.value.code == 9045
        assert "not in the organization registry" in str(raised.value)
        assert not Organization.objects.filter(disambiguated_id=UNSEEDED_ROR).exists()

    def test_strict_mode_wants_the_spelling_orcid_stores(self) -> None:
        with pytest.raises(OrcidError) as raised:
            services.resolve(posted_org("04fa4r544"), sandbox=False)
        assert raised.value.code == 9045
        assert "https://ror.org/04fa4r544" in str(raised.value)

    @pytest.mark.parametrize("sandbox", [True, False])
    def test_malformed_ids_are_refused_even_in_sandbox(self, sandbox: bool) -> None:
        with pytest.raises(OrcidError) as raised:
            services.resolve(posted_org("https://ror.org/042nb2s45"), sandbox=sandbox)
        assert raised.value.code == 9045
        assert "not a valid ROR identifier" in str(raised.value)

    @pytest.mark.parametrize("sandbox", [True, False])
    def test_missing_disambiguated_organization_is_9045(self, sandbox: bool) -> None:
        with pytest.raises(OrcidError) as raised:
            services.resolve(posted_org(None), sandbox=sandbox)
        assert raised.value.code == 9045
        assert "disambiguated-organization" in str(raised.value)

    def test_empty_identifier_is_9045(self) -> None:
        with pytest.raises(OrcidError) as raised:
            services.resolve(posted_org("  "), sandbox=True)
        assert raised.value.code == 9045
        assert "disambiguated-organization-identifier" in str(raised.value)

    def test_unknown_source_is_9045(self) -> None:
        with pytest.raises(OrcidError) as raised:
            services.resolve(posted_org("0000000121032683", source="ISNI"), sandbox=True)
        assert raised.value.code == 9045
        assert "disambiguation-source" in str(raised.value)

    def test_strict_mode_wants_the_source_in_upper_case(self) -> None:
        with pytest.raises(OrcidError) as raised:
            services.resolve(posted_org("https://ror.org/04fa4r544", source="ror"), sandbox=False)
        assert raised.value.code == 9045

    def test_sandbox_needs_a_name_to_add_an_organization(self) -> None:
        with pytest.raises(OrcidError) as raised:
            services.resolve(posted_org(UNSEEDED_ROR, name=" "), sandbox=True)
        assert raised.value.code == 9046
        assert "name" in str(raised.value)


WRITE_SAMPLES = (
    Path(__file__).resolve().parents[2].parent
    / "shared/orcid-model/src/main/resources/record_3.0/samples/write_samples"
)


def _sample_organizations() -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("disambiguated-organization"):
                found.append(node["disambiguated-organization"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for path in sorted(WRITE_SAMPLES.glob("*.json")):
        walk(json.loads(path.read_text(encoding="utf-8")))
    return found


@pytest.mark.django_db
@pytest.mark.skipif(not WRITE_SAMPLES.is_dir(), reason=f"ORCID's write samples are not at {WRITE_SAMPLES}")
def test_every_organization_in_orcid_write_samples_is_seeded() -> None:
    # So ORCID's samples post as they are against a fresh registry, even in strict mode.
    cited = _sample_organizations()
    assert cited
    for disambiguated in cited:
        identifier = disambiguated["disambiguated-organization-identifier"]
        services.resolve(posted_org(identifier, disambiguated["disambiguation-source"]), sandbox=False)
