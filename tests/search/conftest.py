"""A small registry whose public and private data the search tests look for (built through services)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from orchid.records import emails, services
from orchid.records.sections import BY_ITEM_SEGMENT
from orchid.records.viewer import Viewer
from orchid.schema import models as m
from orchid.search.service import search
from tests.records import builders as b


@dataclass(frozen=True)
class World:
    carberry: str
    muller: str
    secretive: str


def add(orcid: str, segment: str, item: Any, viewer: Viewer) -> int:
    return int(services.add_item(orcid, BY_ITEM_SEGMENT[segment], item, viewer))


def funding(title: str, grant: str, org: str, fundref: str) -> Any:
    return m.funding.Funding(
        type_value="grant",
        title=m.funding.FundingTitle(title=m.common.Title(value=title)),
        external_ids=m.common.ExternalIds(external_id=[b.external_id(grant, "grant_number", "self")]),
        organization=m.common.Organization(
            name=org,
            address=m.common.OrganizationAddress(city="Bethesda", country="US"),
            disambiguated_organization=m.common.DisambiguatedOrganization(
                disambiguated_organization_identifier=fundref, disambiguation_source="FUNDREF"
            ),
        ),
    )


def past_education(name: str, grid: str) -> Any:
    return m.education.Education(
        start_date=m.common.StartDate(year=2001),
        end_date=m.common.EndDate(year=2005),
        organization=m.common.Organization(
            name=name,
            address=m.common.OrganizationAddress(city="Middletown", country="US"),
            disambiguated_organization=m.common.DisambiguatedOrganization(
                disambiguated_organization_identifier=grid, disambiguation_source="GRID"
            ),
        ),
    )


@pytest.fixture
def world(db: None) -> World:
    carberry = b.researcher(given_names="Josiah", family_name="Carberry", credit_name="J. S. Carberry")
    # An e-mail change is a person-level change: the record's whole document is rebuilt at once.
    emails.set_visibility(carberry, emails.listed(carberry)[0].id, "public")
    viewer = b.member_viewer(carberry.orcid)
    add(
        carberry.orcid,
        "work",
        b.work(
            "Cracked pots and their meaning",
            b.external_id("10.1000/psycho.1"),
            b.external_id("12345678", "pmid", "part-of"),
            b.external_id("9780306406157", "isbn", "version-of"),
        ),
        viewer,
    )
    add(carberry.orcid, "employment", b.employment("Brown University", "https://ror.org/05gq02987"), viewer)
    add(carberry.orcid, "keywords", b.keyword("psychoceramics"), viewer)
    add(carberry.orcid, "other-names", m.other_name.OtherName(content="Joe Carberry"), viewer)
    add(
        carberry.orcid,
        "funding",
        funding(
            "Pottery fracture study",
            "R01-GM-99999",
            "National Pots Agency",
            "http://dx.doi.org/10.13039/100000002",
        ),
        viewer,
    )

    muller = b.researcher(given_names="Zoë", family_name="Müller-Ærø")
    viewer = b.member_viewer(muller.orcid)
    add(muller.orcid, "work", b.work("Quantum teapots", b.external_id("10.2000/quantum.7")), viewer)
    add(muller.orcid, "education", past_education("Wesleyan University", "grid.268117.b"), viewer)

    secretive = b.researcher(given_names="Hidden", family_name="Person", default_visibility="private")
    viewer = b.member_viewer(secretive.orcid)
    add(secretive.orcid, "work", b.work("Secret blueprint", b.external_id("10.3000/secret.1")), viewer)
    add(secretive.orcid, "keywords", b.keyword("clandestine"), viewer)
    return World(carberry.orcid, muller.orcid, secretive.orcid)


def hits(q: str, **params: str) -> set[str]:
    page = search({"q": q, **params}, Viewer.anonymous())
    return {orcid for orcid, _ in page.hits}
