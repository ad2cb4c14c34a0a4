"""ORCID's write-time rules per item type (spec section 6.5), checked without a database: the registry is
reached through plain callables."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from orchid.errors import OrcidError
from orchid.records import sections
from orchid.records.validation import validate_group_id_record, validate_item
from orchid.schema import enums, from_json, from_xml
from orchid.schema import models as m

WRITE_SAMPLES = (
    Path(__file__).resolve().parents[2].parent
    / "shared/orcid-model/src/main/resources/record_3.0/samples/write_samples"
)


@dataclass
class Registry:
    """The three callables validate_item needs, recording what they were asked."""

    groups: set[str] = field(default_factory=lambda: {"orcid-generated:journal-1"})
    resolved: list[m.common.Organization] = field(default_factory=list)
    created_groups: list[str] = field(default_factory=list)
    refuse_organizations: bool = False

    def resolve_organization(self, organization: m.common.Organization) -> None:
        if self.refuse_organizations:
            raise OrcidError(9045, "not in the registry")
        self.resolved.append(organization)

    def group_id_exists(self, group_id: str) -> bool:
        return group_id in self.groups

    def create_issn_group(self, group_id: str) -> None:
        self.created_groups.append(group_id)
        self.groups.add(group_id)


@pytest.fixture
def registry() -> Registry:
    return Registry()


def check(section: str, item: Any, registry: Registry) -> None:
    validate_item(
        section,
        item,
        resolve_organization=registry.resolve_organization,
        group_id_exists=registry.group_id_exists,
        create_issn_group=registry.create_issn_group,
    )


def refused(section: str, item: Any, registry: Registry, code: int, *fields: str) -> OrcidError:
    """Assert the item is refused with `code` and that the message names each of `fields`."""
    with pytest.raises(OrcidError) as raised:
        check(section, item, registry)
    assert raised.value.code == code, raised.value
    for name in fields:
        assert name in str(raised.value), (name, str(raised.value))
    return raised.value


# --- minimal valid items (ORCID v3.0 JSON), read through the schema layer as the API reads them ---------

ORG: dict[str, Any] = {
    "name": "ORCID",
    "address": {"city": "Bethesda", "region": "Maryland", "country": "US"},
    "disambiguated-organization": {
        "disambiguated-organization-identifier": "https://ror.org/04fa4r544",
        "disambiguation-source": "ROR",
    },
}


def ext(
    id_type: str = "doi", value: str = "10.1000/xyz", relationship: str | None = "self"
) -> dict[str, Any]:
    external_id = {"external-id-type": id_type, "external-id-value": value}
    if relationship is not None:
        external_id["external-id-relationship"] = relationship
    return external_id


ITEMS: dict[str, tuple[type, dict[str, Any]]] = {
    "work": (
        m.work.Work,
        {
            "title": {"title": {"value": "A work"}},
            "type": "journal-article",
            "external-ids": {"external-id": [ext()]},
            "citation": {"citation-type": "bibtex", "citation-value": "@article{x}"},
            "contributors": {
                "contributor": [
                    {
                        "contributor-orcid": {
                            "uri": "https://orcid.org/0000-0002-1825-0097",
                            "path": "0000-0002-1825-0097",
                            "host": "orcid.org",
                        },
                        "credit-name": {"value": "Josiah Carberry"},
                        "contributor-email": {"value": "josiah@example.org"},
                    }
                ]
            },
        },
    ),
    "funding": (
        m.funding.Funding,
        {
            "type": "grant",
            "title": {"title": {"value": "A grant"}},
            "amount": {"value": "1000.50", "currency-code": "USD"},
            "external-ids": {"external-id": [ext("grant_number", "123")]},
            "organization": ORG,
        },
    ),
    "education": (m.education.Education, {"organization": ORG}),
    "employment": (m.employment.Employment, {"organization": ORG}),
    "distinction": (m.distinction.Distinction, {"organization": ORG}),
    "invited-position": (m.invited_position.InvitedPosition, {"organization": ORG}),
    "membership": (m.membership.Membership, {"organization": ORG}),
    "qualification": (m.qualification.Qualification, {"organization": ORG}),
    "service": (m.service.Service, {"organization": ORG}),
    "peer-review": (
        m.peer_review.PeerReview,
        {
            "reviewer-role": "reviewer",
            "review-identifiers": {"external-id": [ext("source-work-id", "1234")]},
            "review-type": "review",
            "review-completion-date": {"year": {"value": "2020"}},
            "review-group-id": "orcid-generated:journal-1",
            "subject-external-identifier": ext("doi", "10.1000/reviewed", "self"),
            "convening-organization": ORG,
        },
    ),
    "research-resource": (
        m.research_resource.ResearchResource,
        {
            "proposal": {
                "title": {"title": {"value": "Beam time"}},
                "hosts": {"organization": [ORG]},
                "external-ids": {"external-id": [ext("proposal-id", "p-1")]},
            },
            "resource-item": [
                {
                    "resource-name": "Telescope",
                    "resource-type": "equipment",
                    "hosts": {"organization": [ORG]},
                    "external-ids": {"external-id": [ext("uri", "https://example.org/telescope")]},
                }
            ],
        },
    ),
    "researcher-url": (
        m.researcher_url.ResearcherUrl,
        {"url-name": "home", "url": {"value": "https://example.org"}},
    ),
    "external-identifier": (
        m.external_identifier.ExternalIdentifier,
        {
            "external-id-type": "Scopus Author ID",
            "external-id-value": "7004212771",
            "external-id-url": {"value": "https://www.scopus.com/authid/detail.uri?authorId=7004212771"},
            "external-id-relationship": "self",
        },
    ),
    "keyword": (m.keyword.Keyword, {"content": "physics"}),
    "other-name": (m.other_name.OtherName, {"content": "J. Carberry"}),
    "address": (m.address.Address, {"country": {"value": "US"}}),
}


def item(section: str, edit: Callable[[dict[str, Any]], None] | None = None) -> Any:
    """A fresh valid item of `section`, optionally edited (as JSON) before it is read."""
    model, data = ITEMS[section]
    data = copy.deepcopy(data)
    if edit is not None:
        edit(data)
    return from_json(json.dumps(data), model)


def test_every_section_has_rules() -> None:
    assert set(ITEMS) == set(sections.BY_NAME)


@pytest.mark.parametrize("section", sorted(ITEMS))
def test_minimal_valid_items_pass(section: str, registry: Registry) -> None:
    check(section, item(section), registry)


def test_an_unknown_section_is_a_programming_error(registry: Registry) -> None:
    with pytest.raises(ValueError, match="no validation rules"):
        check("works", item("work"), registry)


# --- work -----------------------------------------------------------------------------------------------


class TestWork:
    def test_title_is_required(self, registry: Registry) -> None:
        work = item("work")
        work.title.title.value = "  "
        refused("work", work, registry, 9022, "title/title")

    def test_type_is_required(self, registry: Registry) -> None:
        work = item("work")
        work.type_value = ""
        refused("work", work, registry, 9037, "work type", "work/type", "journal-article")

    def test_an_external_id_is_required(self, registry: Registry) -> None:
        refused("work", item("work", lambda d: d.pop("external-ids")), registry, 9023, "work/external-ids")

    def test_a_self_external_id_is_required(self, registry: Registry) -> None:
        work = item(
            "work", lambda d: d.update({"external-ids": {"external-id": [ext(relationship="part-of")]}})
        )
        refused("work", work, registry, 9023, "At least one identifier with 'self' relationship is required")

    def test_external_id_type_must_be_known(self, registry: Registry) -> None:
        work = item("work", lambda d: d["external-ids"]["external-id"].append(ext("not-a-type", "1")))
        refused("work", work, registry, 9023, "external-id-type 'not-a-type'", "work/external-ids[1]")

    def test_external_id_value_must_not_be_empty(self, registry: Registry) -> None:
        work = item("work")
        work.external_ids.external_id[0].external_id_value = " "
        refused("work", work, registry, 9023, "external-id-value")

    def test_external_id_relationship_is_required(self, registry: Registry) -> None:
        work = item(
            "work", lambda d: d["external-ids"]["external-id"].append(ext("isbn", "0-19-853453-1", None))
        )
        refused("work", work, registry, 9023, "external-id-relationship", "work/external-ids[1]")

    @pytest.mark.parametrize("allowed", ["grant_number", "proposal-id", "uri", "doi"])
    def test_funded_by_is_allowed_for_grant_like_types(self, allowed: str, registry: Registry) -> None:
        work = item(
            "work", lambda d: d["external-ids"]["external-id"].append(ext(allowed, "g-1", "funded-by"))
        )
        check("work", work, registry)

    def test_funded_by_is_refused_for_other_types(self, registry: Registry) -> None:
        work = item(
            "work",
            lambda d: d["external-ids"]["external-id"].append(ext("isbn", "0-19-853453-1", "funded-by")),
        )
        refused("work", work, registry, 9020, "funded-by", "isbn", "external-id-relationship")

    def test_translated_title_needs_a_language_code(self, registry: Registry) -> None:
        work = item(
            "work",
            lambda d: d["title"].update({"translated-title": {"value": "Ein Werk", "language-code": "de"}}),
        )
        work.title.translated_title.language_code = ""
        refused("work", work, registry, 9037, "translated-title/language-code")

    def test_language_code_needs_a_translated_title(self, registry: Registry) -> None:
        work = item(
            "work",
            lambda d: d["title"].update({"translated-title": {"value": "Ein Werk", "language-code": "de"}}),
        )
        work.title.translated_title.value = ""
        refused("work", work, registry, 9020, "translated-title", "remove the language code")

    def test_citation_needs_a_type(self, registry: Registry) -> None:
        work = item("work")
        work.citation.citation_type = ""
        refused("work", work, registry, 9037, "citation-type")

    def test_citation_needs_a_value(self, registry: Registry) -> None:
        work = item("work")
        work.citation.citation_value = " "
        refused("work", work, registry, 9020, "citation-value")

    def test_contributor_orcid_uri_must_be_valid(self, registry: Registry) -> None:
        work = item("work")
        work.contributors.contributor[0].contributor_orcid.uri = "https://orcid.org/0000-0002-1825-0098"
        refused("work", work, registry, 9020, "contributor-orcid/uri", "contributor[0]")

    def test_contributor_orcid_path_must_be_valid(self, registry: Registry) -> None:
        work = item("work")
        work.contributors.contributor[0].contributor_orcid.path = "0000-0002-1825-009X"
        refused("work", work, registry, 9020, "contributor-orcid/path")

    def test_empty_credit_name_is_refused(self, registry: Registry) -> None:
        work = item("work")
        work.contributors.contributor[0].credit_name.value = ""
        refused("work", work, registry, 9020, "credit-name")

    def test_empty_contributor_email_is_refused(self, registry: Registry) -> None:
        work = item("work")
        work.contributors.contributor[0].contributor_email.value = ""
        refused("work", work, registry, 9020, "contributor-email")

    def test_empty_country_is_refused(self, registry: Registry) -> None:
        work = item("work", lambda d: d.update({"country": {"value": "GB"}}))
        work.country.value = ""
        refused("work", work, registry, 9037, "work/country")


# --- funding --------------------------------------------------------------------------------------------


class TestFunding:
    def test_title_is_required(self, registry: Registry) -> None:
        funding = item("funding")
        funding.title = None
        refused("funding", funding, registry, 9022, "funding: title/title")

    def test_an_external_id_is_required(self, registry: Registry) -> None:
        refused(
            "funding",
            item("funding", lambda d: d.pop("external-ids")),
            registry,
            9023,
            "funding/external-ids",
        )

    def test_a_self_id_is_not_required(self, registry: Registry) -> None:
        funding = item(
            "funding",
            lambda d: d.update({"external-ids": {"external-id": [ext("grant_number", "1", "part-of")]}}),
        )
        check("funding", funding, registry)

    def test_external_id_type_must_be_known(self, registry: Registry) -> None:
        funding = item(
            "funding", lambda d: d.update({"external-ids": {"external-id": [ext("grant-nr", "1")]}})
        )
        refused("funding", funding, registry, 9023, "external-id-type 'grant-nr'")

    def test_amount_needs_a_currency_code(self, registry: Registry) -> None:
        funding = item("funding")
        funding.amount.currency_code = ""
        refused("funding", funding, registry, 9020, "currency-code")

    def test_currency_code_needs_an_amount(self, registry: Registry) -> None:
        funding = item("funding")
        funding.amount.value = ""
        refused("funding", funding, registry, 9020, "funding/amount")

    @pytest.mark.parametrize("amount", ["1,000", "lots", "NaN", "1e999"])
    def test_amount_must_be_a_number(self, amount: str, registry: Registry) -> None:
        funding = item("funding")
        funding.amount.value = amount
        refused("funding", funding, registry, 9054, "funding/amount", amount)

    def test_organization_is_required(self, registry: Registry) -> None:
        funding = item("funding")
        funding.organization = None
        refused("funding", funding, registry, 9046, "funding/organization")

    def test_disambiguated_organization_is_required(self, registry: Registry) -> None:
        funding = item("funding", lambda d: d["organization"].pop("disambiguated-organization"))
        refused("funding", funding, registry, 9045, "funding/organization/disambiguated-organization")
        assert registry.resolved == []

    def test_organization_is_checked_against_the_registry(self, registry: Registry) -> None:
        funding = item("funding")
        check("funding", funding, registry)
        assert registry.resolved == [funding.organization]
        refused("funding", item("funding"), Registry(refuse_organizations=True), 9045)


# --- affiliations ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("section", ["education", "employment"])
class TestEducationAndEmployment:
    def test_organization_is_required(self, section: str, registry: Registry) -> None:
        affiliation = item(section)
        affiliation.organization = None
        refused(section, affiliation, registry, 9046, f"{section}/organization")

    def test_disambiguated_organization_is_required(self, section: str, registry: Registry) -> None:
        affiliation = item(section, lambda d: d["organization"].pop("disambiguated-organization"))
        refused(section, affiliation, registry, 9045, "disambiguated-organization")

    @pytest.mark.parametrize("missing", ["city", "country"])
    def test_city_and_country_are_required(self, section: str, missing: str, registry: Registry) -> None:
        affiliation = item(section, lambda d: d["organization"]["address"].pop(missing))
        refused(section, affiliation, registry, 9060, f"{section}/organization/address", "city and country")
        assert registry.resolved == []

    def test_organization_is_checked_against_the_registry(self, section: str, registry: Registry) -> None:
        affiliation = item(section)
        check(section, affiliation, registry)
        assert registry.resolved == [affiliation.organization]
        refused(section, item(section), Registry(refuse_organizations=True), 9045)


PROFESSIONAL_ACTIVITIES = ["distinction", "invited-position", "membership", "qualification", "service"]


def _without_disambiguated_org(data: dict[str, Any]) -> None:
    data["organization"] = copy.deepcopy(data["organization"])
    data["organization"].pop("disambiguated-organization")


@pytest.mark.parametrize("section", PROFESSIONAL_ACTIVITIES)
class TestProfessionalActivities:
    def test_organization_is_required(self, section: str, registry: Registry) -> None:
        activity = item(section)
        activity.organization = None
        refused(section, activity, registry, 9046, f"{section}/organization")

    def test_organization_needs_a_name_or_a_disambiguated_organization(
        self, section: str, registry: Registry
    ) -> None:
        activity = item(section, _without_disambiguated_org)
        activity.organization.name = " "
        refused(section, activity, registry, 9046, "name", "disambiguated-organization")

    def test_an_org_id_or_an_external_id_is_required(self, section: str, registry: Registry) -> None:
        refused(
            section,
            item(section, _without_disambiguated_org),
            registry,
            9062,
            "disambiguated-organization",
            f"{section}/external-ids",
        )

    def test_external_ids_stand_in_for_an_org_id(self, section: str, registry: Registry) -> None:
        def edit(data: dict[str, Any]) -> None:
            _without_disambiguated_org(data)
            data["external-ids"] = {"external-id": [ext("doi", "10.1000/award", "self")]}

        check(section, item(section, edit), registry)
        assert registry.resolved == []  # nothing to look up

    def test_external_ids_are_validated(self, section: str, registry: Registry) -> None:
        activity = item(
            section, lambda d: d.update({"external-ids": {"external-id": [ext("award-id", "1")]}})
        )
        refused(section, activity, registry, 9023, "external-id-type 'award-id'")

    @pytest.mark.parametrize("given", ["city", "region"])
    def test_city_or_region_needs_a_country(self, section: str, given: str, registry: Registry) -> None:
        def edit(data: dict[str, Any]) -> None:
            data["organization"] = copy.deepcopy(data["organization"])
            data["organization"]["address"] = {given: "Somewhere"}

        refused(section, item(section, edit), registry, 9061, f"{section}/organization/address/country")

    def test_disambiguated_organization_is_checked_against_the_registry(
        self, section: str, registry: Registry
    ) -> None:
        activity = item(section)
        check(section, activity, registry)
        assert registry.resolved == [activity.organization]
        refused(section, item(section), Registry(refuse_organizations=True), 9045)


# --- peer review ----------------------------------------------------------------------------------------


class TestPeerReview:
    def test_a_review_identifier_is_required(self, registry: Registry) -> None:
        review = item("peer-review")
        review.review_identifiers.external_id = []
        refused("peer-review", review, registry, 9023, "peer-review/review-identifiers")

    def test_review_type_is_required(self, registry: Registry) -> None:
        review = item("peer-review")
        review.review_type = ""
        refused("peer-review", review, registry, 9037, "peer-review/review-type")

    def test_version_of_needs_a_self_identifier(self, registry: Registry) -> None:
        review = item(
            "peer-review",
            lambda d: d.update({"review-identifiers": {"external-id": [ext("doi", "10.1/r", "version-of")]}}),
        )
        refused("peer-review", review, registry, 9023, "version-of requires at least one self identifier")

    def test_review_identifiers_are_validated(self, registry: Registry) -> None:
        review = item(
            "peer-review",
            lambda d: d["review-identifiers"]["external-id"].append(ext("doi", "10.1/r", None)),
        )
        refused("peer-review", review, registry, 9023, "review-identifiers[1]", "external-id-relationship")

    def test_subject_external_identifier_must_be_valid(self, registry: Registry) -> None:
        review = item("peer-review")
        review.subject_external_identifier.external_id_type = "nonsense"
        refused("peer-review", review, registry, 9023, "subject-external-identifier", "nonsense")

    def test_review_group_must_exist(self, registry: Registry) -> None:
        review = item("peer-review")
        review.review_group_id = "orcid-generated:unknown"
        refused("peer-review", review, registry, 9020, "review-group-id", "orcid-generated:unknown")

    def test_issn_groups_are_normalized_and_created_on_first_use(self, registry: Registry) -> None:
        review = item("peer-review")
        review.review_group_id = "issn:09531513"
        check("peer-review", review, registry)
        assert review.review_group_id == "issn:0953-1513"
        assert registry.created_groups == ["issn:0953-1513"]

        again = item("peer-review")
        again.review_group_id = "issn:0953-1513"
        check("peer-review", again, registry)
        assert registry.created_groups == ["issn:0953-1513"]  # not created twice

    def test_invalid_issn_is_9053(self, registry: Registry) -> None:
        review = item("peer-review")
        review.review_group_id = "issn:not-an-issn"
        refused("peer-review", review, registry, 9053, "review-group-id", "issn:not-an-issn")
        assert registry.created_groups == []

    def test_convening_organization_is_optional(self, registry: Registry) -> None:
        review = item("peer-review")
        review.convening_organization = None
        check("peer-review", review, registry)
        assert registry.resolved == []

    def test_convening_organization_needs_a_disambiguated_organization(self, registry: Registry) -> None:
        review = item(
            "peer-review", lambda d: d.update({"convening-organization": {"name": "X", "address": {}}})
        )
        refused("peer-review", review, registry, 9045, "peer-review/convening-organization")

    def test_convening_organization_is_checked_against_the_registry(self, registry: Registry) -> None:
        review = item("peer-review")
        check("peer-review", review, registry)
        assert registry.resolved == [review.convening_organization]


# --- research resource ----------------------------------------------------------------------------------


class TestResearchResource:
    def test_proposal_external_ids_are_required(self, registry: Registry) -> None:
        resource = item("research-resource")
        resource.proposal.external_ids.external_id = []
        refused("research-resource", resource, registry, 9023, "research-resource/proposal/external-ids")

    def test_proposal_external_ids_are_validated(self, registry: Registry) -> None:
        resource = item("research-resource")
        resource.proposal.external_ids.external_id[0].external_id_type = "proposal"
        refused("research-resource", resource, registry, 9023, "proposal/external-ids[0]", "'proposal'")

    def test_proposal_hosts_need_a_disambiguated_organization(self, registry: Registry) -> None:
        resource = item("research-resource")
        resource.proposal.hosts.organization[0].disambiguated_organization = None
        refused("research-resource", resource, registry, 9045, "proposal/hosts/organization[0]")

    def test_proposal_needs_a_host(self, registry: Registry) -> None:
        resource = item("research-resource")
        resource.proposal.hosts.organization = []
        refused("research-resource", resource, registry, 9046, "proposal/hosts")

    def test_resource_items_need_external_ids(self, registry: Registry) -> None:
        resource = item("research-resource")
        resource.resource_items.resource_item[0].external_ids.external_id = []
        refused("research-resource", resource, registry, 9023, "resource-item[0]/external-ids")

    def test_resource_item_hosts_need_a_disambiguated_organization(self, registry: Registry) -> None:
        resource = item("research-resource")
        disambiguated = (
            resource.resource_items.resource_item[0].hosts.organization[0].disambiguated_organization
        )
        disambiguated.disambiguated_organization_identifier = ""
        refused("research-resource", resource, registry, 9045, "resource-item[0]/hosts/organization[0]")
        assert registry.resolved == []  # nothing resolved before every shape check passed

    def test_every_host_is_checked_against_the_registry(self, registry: Registry) -> None:
        resource = item("research-resource")
        check("research-resource", resource, registry)
        assert registry.resolved == [
            resource.proposal.hosts.organization[0],
            resource.resource_items.resource_item[0].hosts.organization[0],
        ]


# --- person items ---------------------------------------------------------------------------------------


class TestResearcherUrl:
    def test_url_is_required(self, registry: Registry) -> None:
        url = item("researcher-url")
        url.url.value = " "
        refused("researcher-url", url, registry, 9020, "researcher-url/url", "must not be empty")

    def test_url_is_at_most_2000_characters(self, registry: Registry) -> None:
        url = item("researcher-url")
        url.url.value = "https://example.org/" + "a" * 1981
        refused("researcher-url", url, registry, 9020, "researcher-url/url", "2000")

    def test_url_name_is_at_most_2000_characters(self, registry: Registry) -> None:
        url = item("researcher-url")
        url.url_name = "n" * 2001
        refused("researcher-url", url, registry, 9020, "researcher-url/url-name", "2000")

    def test_url_name_is_optional(self, registry: Registry) -> None:
        url = item("researcher-url")
        url.url_name = None
        check("researcher-url", url, registry)


class TestPersonExternalIdentifier:
    @pytest.mark.parametrize(
        ("attribute", "value", "field_name"),
        [
            ("external_id_type", " ", "external-identifier/external-id-type"),
            ("external_id_type", "t" * 256, "external-identifier/external-id-type"),
            ("external_id_value", "", "external-identifier/external-id-value"),
            ("external_id_value", "v" * 256, "external-identifier/external-id-value"),
            ("external_id_relationship", "part-of", "external-identifier/external-id-relationship"),
            ("external_id_relationship", None, "external-identifier/external-id-relationship"),
            ("external_id_url", None, "external-identifier/external-id-url"),
            ("external_id_url", "https://example.org/" + "u" * 1981, "external-identifier/external-id-url"),
        ],
    )
    def test_rules(self, attribute: str, value: str | None, field_name: str, registry: Registry) -> None:
        identifier = item("external-identifier")
        setattr(identifier, attribute, value)
        refused("external-identifier", identifier, registry, 9020, field_name)

    def test_limits_are_inclusive(self, registry: Registry) -> None:
        identifier = item("external-identifier")
        identifier.external_id_type = "t" * 255
        identifier.external_id_value = "v" * 255
        check("external-identifier", identifier, registry)


@pytest.mark.parametrize(
    ("section", "field_name"), [("keyword", "keyword/content"), ("other-name", "other-name/content")]
)
def test_keyword_and_other_name_content_must_not_be_empty(
    section: str, field_name: str, registry: Registry
) -> None:
    person_item = item(section)
    person_item.content = "  "
    refused(section, person_item, registry, 9020, field_name)


def test_address_country_is_required(registry: Registry) -> None:
    address = item("address")
    address.country = ""
    refused("address", address, registry, 9020, "address/country")


# --- group-id-record ------------------------------------------------------------------------------------


def group_id_record(
    group_id: str, name: str = "A journal", description: str = "Reviews for a journal"
) -> Any:
    return m.group_id.GroupIdRecord(
        name=name, group_id=group_id, description=description, type_value=enums.GroupIdType.JOURNAL
    )


class TestGroupIdRecord:
    @pytest.mark.parametrize(
        "group_id",
        ["issn:0953-1513", "ringgold:385488", "orcid-generated:abc", "fundref:100000001", "publons:12"],
    )
    def test_valid_group_ids(self, group_id: str) -> None:
        validate_group_id_record(group_id_record(group_id))

    @pytest.mark.parametrize("group_id", ["doi:10.1000/x", "issn:1", "orcid-generated:with space", ""])
    def test_invalid_group_ids(self, group_id: str) -> None:
        with pytest.raises(OrcidError) as raised:
            validate_group_id_record(group_id_record(group_id))
        assert raised.value.code == 9020
        assert f"Invalid group-id: '{group_id}'" in str(raised.value)

    @pytest.mark.parametrize("field_name", ["name", "description", "group-id"])
    def test_lengths_are_at_most_1000(self, field_name: str) -> None:
        values = {"group_id": "orcid-generated:abc", "name": "n", "description": "d"}
        key = field_name.replace("-", "_")
        values[key] = (values[key] + "x" * 1000)[:1001]
        with pytest.raises(OrcidError) as raised:
            validate_group_id_record(group_id_record(**values))
        assert raised.value.code == 9020
        assert field_name in str(raised.value)


# --- ORCID's own write samples --------------------------------------------------------------------------

SAMPLE_FILES: list[tuple[str, str]] = [
    ("work", "work-full-3.0.json"),
    ("work", "work-full-3.0.xml"),
    ("work", "work-simple-3.0.xml"),
    ("work", "work-51-contributors-3.0.json"),
    ("work", "work-with-NISO-roles-51-contributors-3.0.json"),
    ("funding", "funding-3.0-simple.json"),
    ("funding", "funding-3.0-with-NISO-roles.json"),
    ("funding", "funding-3.0.xml"),
    *[
        (section, f"{section}-3.0.{ext}")
        for section in ("education", "employment", *PROFESSIONAL_ACTIVITIES)
        for ext in ("json", "xml")
    ],
    ("peer-review", "peer-review-full-3.0.json"),
    ("peer-review", "peer-review-full-3.0.xml"),
    ("peer-review", "peer-review-simple-3.0.json"),
    ("peer-review", "peer-review-simple-3.0.xml"),
    ("peer-review", "peer-review-full-3.0-award-subject-type.json"),
    ("peer-review", "peer-review-full-award-subject-type-3.0.xml"),
    ("peer-review", "peer-review-full-3.0-research-resource.json"),
    ("research-resource", "research-resource-3.0.json"),
    ("research-resource", "research-resource-3.0.xml"),
    ("address", "address-3.0.json"),
    ("address", "address-3.0.xml"),
    ("external-identifier", "external-identifier-3.0.json"),
    ("external-identifier", "external-identifier-3.0.xml"),
    ("researcher-url", "researcher-url-3.0.json"),
    ("researcher-url", "researcher-url-3.0.xml"),
    ("researcher-url", "researcher-url-no-name-3.0.json"),
    ("researcher-url", "researcher-url-3.0-no-name.xml"),
    ("keyword", "keyword-3.0.xml"),
    ("other-name", "other-name-3.0.xml"),
]


@pytest.mark.skipif(not WRITE_SAMPLES.is_dir(), reason=f"ORCID's write samples are not at {WRITE_SAMPLES}")
@pytest.mark.parametrize(("section", "file_name"), SAMPLE_FILES)
def test_orcid_write_samples_pass(section: str, file_name: str) -> None:
    path = WRITE_SAMPLES / file_name
    model = sections.BY_NAME[section].item_model
    sample = (
        from_xml(path.read_bytes(), model) if path.suffix == ".xml" else from_json(path.read_bytes(), model)
    )
    registry = Registry(groups=set())  # every group a sample cites is taken as existing below
    validate_item(
        section,
        sample,
        resolve_organization=registry.resolve_organization,
        group_id_exists=lambda group_id: True,
        create_issn_group=registry.create_issn_group,
    )
