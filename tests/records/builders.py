"""Test data built through the same services the API uses (never rows behind the domain's back)."""

from __future__ import annotations

import itertools
from typing import Any

from orchid.oauth.scopes import expand
from orchid.oauth.services import create_client
from orchid.records.researchers import create_researcher
from orchid.records.viewer import Api, Viewer
from orchid.schema import models as m

_numbers = itertools.count(1)

MEMBER_SCOPES = {"/activities/update", "/person/update", "/read-limited"}


def researcher(**overrides: Any) -> Any:
    n = next(_numbers)
    values: dict[str, Any] = {
        "given_names": f"Given{n}",
        "family_name": f"Family{n}",
        "email": f"researcher{n}@example.org",
        "password": "a long password",
    }
    return create_researcher(**{**values, **overrides})


def client(client_type: str = "member") -> Any:
    created, _secret = create_client(
        f"{client_type.title()} client {next(_numbers)}", client_type, ["https://example.org/cb"]
    )
    return created


def member_viewer(orcid: str | None, member: Any = None, scopes: set[str] | None = None) -> Viewer:
    return Viewer(
        api=Api.MEMBER,
        client=member if member is not None else client(),
        orcid=orcid,
        scopes=expand(MEMBER_SCOPES if scopes is None else scopes),
    )


def external_id(value: str, id_type: str = "doi", relationship: str = "self") -> m.common.ExternalId:
    return m.common.ExternalId(
        external_id_type=id_type, external_id_value=value, external_id_relationship=relationship
    )


def work(
    title: str = "A work", *ids: m.common.ExternalId, year: int = 2020, work_type: str = "journal-article"
) -> Any:
    return m.work.Work(
        title=m.work.WorkTitle(title=m.common.Title(value=title)),
        type_value=work_type,
        publication_date=m.common.PublicationDate(year=year),
        external_ids=m.common.ExternalIds(
            external_id=list(ids) or [external_id(f"10.1000/{title}-{next(_numbers)}")]
        ),
    )


def keyword(content: str) -> Any:
    return m.keyword.Keyword(content=content)


def employment(name: str = "Employer", ror: str = "https://ror.org/05dxps055") -> Any:
    return m.employment.Employment(
        role_title="Researcher",
        start_date=m.common.StartDate(year=2019),
        organization=m.common.Organization(
            name=name,
            address=m.common.OrganizationAddress(city="Pasadena", country="US"),
            disambiguated_organization=m.common.DisambiguatedOrganization(
                disambiguated_organization_identifier=ror, disambiguation_source="ROR"
            ),
        ),
    )
