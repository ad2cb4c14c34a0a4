"""Seed the registry with a small sample of real organizations, so a fresh sandbox accepts the usual
examples (including every organization ORCID's v3.0 write samples cite) without a ROR import.

Every identifier was checked against independent public sources (ROR records quoted in other
projects, eLife affiliation lists, funder tables, a UK GRID/ROR/Ringgold mapping, ORCID-Source's
FundRef loader test); each ROR id also passes ROR's checksum. ORCID's own write samples label
https://ror.org/033jnv181 "Wellcome Trust": that id is the U.S. Department of Health and Human
Services, and is seeded under its real name.
"""

from __future__ import annotations

from typing import Any

from django.db import migrations

# (source, canonical identifier, name, city, region, country)
SAMPLE: tuple[tuple[str, str, str, str, str, str], ...] = (
    ("ROR", "https://ror.org/04fa4r544", "ORCID", "Bethesda", "Maryland", "US"),
    (
        "ROR",
        "https://ror.org/042nb2s44",
        "Massachusetts Institute of Technology",
        "Cambridge",
        "Massachusetts",
        "US",
    ),
    ("ROR", "https://ror.org/03vek6s52", "Harvard University", "Cambridge", "Massachusetts", "US"),
    ("ROR", "https://ror.org/00f54p054", "Stanford University", "Stanford", "California", "US"),
    ("ROR", "https://ror.org/05qwgg493", "Boston University", "Boston", "Massachusetts", "US"),
    ("ROR", "https://ror.org/00jmfr291", "University of Michigan", "Ann Arbor", "Michigan", "US"),
    (
        "ROR",
        "https://ror.org/027ka1x80",
        "National Aeronautics and Space Administration",
        "Washington",
        "District of Columbia",
        "US",
    ),  # noqa: E501
    ("ROR", "https://ror.org/021nxhr62", "U.S. National Science Foundation", "Alexandria", "Virginia", "US"),
    ("ROR", "https://ror.org/01cwqze88", "National Institutes of Health", "Bethesda", "Maryland", "US"),
    (
        "ROR",
        "https://ror.org/033jnv181",
        "United States Department of Health and Human Services",
        "Washington",
        "District of Columbia",
        "US",
    ),  # noqa: E501
    ("ROR", "https://ror.org/03dbr7087", "University of Toronto", "Toronto", "Ontario", "CA"),
    ("ROR", "https://ror.org/052gg0110", "University of Oxford", "Oxford", "", "GB"),
    ("ROR", "https://ror.org/013meh722", "University of Cambridge", "Cambridge", "", "GB"),
    ("ROR", "https://ror.org/029chgv08", "Wellcome Trust", "London", "", "GB"),
    ("ROR", "https://ror.org/01ggx4157", "European Organization for Nuclear Research", "Geneva", "", "CH"),
    ("ROR", "https://ror.org/05a28rw58", "ETH Zurich", "Zurich", "", "CH"),
    ("ROR", "https://ror.org/01hhn8329", "Max Planck Society", "Munich", "", "DE"),
    ("ROR", "https://ror.org/02feahw73", "French National Centre for Scientific Research", "Paris", "", "FR"),
    ("ROR", "https://ror.org/057zh3y96", "The University of Tokyo", "Tokyo", "", "JP"),
    ("ROR", "https://ror.org/03p74gp79", "University of Cape Town", "Cape Town", "", "ZA"),
    # Cited by ORCID's membership sample; its location is not confirmed here, so none is claimed.
    ("ROR", "https://ror.org/05dc6w374", "Research Data Alliance", "", "", ""),
    ("GRID", "grid.455335.1", "ORCID", "Bethesda", "Maryland", "US"),
    ("GRID", "grid.4991.5", "University of Oxford", "Oxford", "", "GB"),
    ("GRID", "grid.5335.0", "University of Cambridge", "Cambridge", "", "GB"),
    ("RINGGOLD", "385488", "ORCID", "Bethesda", "Maryland", "US"),
    ("RINGGOLD", "6396", "University of Oxford", "Oxford", "", "GB"),
    ("RINGGOLD", "2152", "University of Cambridge", "Cambridge", "", "GB"),
    (
        "FUNDREF",
        "http://dx.doi.org/10.13039/100000001",
        "National Science Foundation",
        "Alexandria",
        "Virginia",
        "US",
    ),
    (
        "FUNDREF",
        "http://dx.doi.org/10.13039/100000002",
        "National Institutes of Health",
        "Bethesda",
        "Maryland",
        "US",
    ),
    ("FUNDREF", "http://dx.doi.org/10.13039/100004440", "Wellcome Trust", "London", "", "GB"),
)


def seed(apps: Any, schema_editor: Any) -> None:
    organization = apps.get_model("organizations", "Organization")
    for source, identifier, name, city, region, country in SAMPLE:
        organization.objects.get_or_create(
            source=source,
            disambiguated_id=identifier,
            defaults={"name": name, "city": city, "region": region, "country": country, "provenance": "seed"},
        )


def unseed(apps: Any, schema_editor: Any) -> None:
    organization = apps.get_model("organizations", "Organization")
    organization.objects.filter(provenance="seed").delete()


class Migration(migrations.Migration):
    dependencies = [("organizations", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
