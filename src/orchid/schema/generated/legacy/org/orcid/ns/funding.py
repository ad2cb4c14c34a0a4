from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from orchid.schema.generated.legacy.org.orcid.ns.common import (
    Amount,
    ContributorEmail,
    ContributorOrcid,
    CreditName,
    ElementSummary,
    EndDate,
    ExternalIds,
    Organization,
    StartDate,
    Title,
    TranslatedTitle,
    Url,
)

__NAMESPACE__ = "http://www.orcid.org/ns/funding"


class ContributorRole(Enum):
    LEAD = "lead"
    CO_LEAD = "co-lead"
    SUPPORTED_BY = "supported-by"
    OTHER_CONTRIBUTION = "other-contribution"


class FundingType(Enum):
    GRANT = "grant"
    CONTRACT = "contract"
    AWARD = "award"
    SALARY_AWARD = "salary-award"


@dataclass(slots=True, kw_only=True)
class ContributorAttributes:
    class Meta:
        name = "contributor-attributes"

    contributor_role: None | ContributorRole = field(
        default=None,
        metadata={
            "name": "contributor-role",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/funding",
        },
    )


@dataclass(slots=True, kw_only=True)
class FundingTitle:
    class Meta:
        name = "funding-title"

    title: Title = field(
        metadata={
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        }
    )
    translated_title: None | TranslatedTitle = field(
        default=None,
        metadata={
            "name": "translated-title",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )


@dataclass(slots=True, kw_only=True)
class Contributor:
    class Meta:
        name = "contributor"

    contributor_orcid: None | ContributorOrcid = field(
        default=None,
        metadata={
            "name": "contributor-orcid",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )
    credit_name: None | CreditName = field(
        default=None,
        metadata={
            "name": "credit-name",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/funding",
        },
    )
    contributor_email: None | ContributorEmail = field(
        default=None,
        metadata={
            "name": "contributor-email",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/funding",
        },
    )
    contributor_attributes: None | ContributorAttributes = field(
        default=None,
        metadata={
            "name": "contributor-attributes",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/funding",
        },
    )


@dataclass(slots=True, kw_only=True)
class FundingSummary(ElementSummary):
    class Meta:
        name = "funding-summary"
        namespace = "http://www.orcid.org/ns/funding"

    title: FundingTitle = field(
        metadata={
            "type": "Element",
        }
    )
    external_ids: None | ExternalIds = field(
        default=None,
        metadata={
            "name": "external-ids",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )
    type_value: FundingType = field(
        metadata={
            "name": "type",
            "type": "Element",
        }
    )
    start_date: None | StartDate = field(
        default=None,
        metadata={
            "name": "start-date",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )
    end_date: None | EndDate = field(
        default=None,
        metadata={
            "name": "end-date",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )
    organization: Organization = field(
        metadata={
            "type": "Element",
        }
    )


@dataclass(slots=True, kw_only=True)
class Contributors:
    class Meta:
        name = "contributors"

    contributor: list[Contributor] = field(
        default_factory=list,
        metadata={
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/funding",
        },
    )


@dataclass(slots=True, kw_only=True)
class Funding(ElementSummary):
    class Meta:
        name = "funding"
        namespace = "http://www.orcid.org/ns/funding"

    type_value: FundingType = field(
        metadata={
            "name": "type",
            "type": "Element",
        }
    )
    organization_defined_type: None | str = field(
        default=None,
        metadata={
            "name": "organization-defined-type",
            "type": "Element",
            "max_length": 255,
        },
    )
    title: None | FundingTitle = field(
        default=None,
        metadata={
            "type": "Element",
        },
    )
    short_description: None | str = field(
        default=None,
        metadata={
            "name": "short-description",
            "type": "Element",
            "max_length": 5000,
        },
    )
    amount: None | Amount = field(
        default=None,
        metadata={
            "type": "Element",
        },
    )
    url: None | Url = field(
        default=None,
        metadata={
            "type": "Element",
        },
    )
    start_date: None | StartDate = field(
        default=None,
        metadata={
            "name": "start-date",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )
    end_date: None | EndDate = field(
        default=None,
        metadata={
            "name": "end-date",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )
    external_ids: None | ExternalIds = field(
        default=None,
        metadata={
            "name": "external-ids",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )
    contributors: None | Contributors = field(
        default=None,
        metadata={
            "type": "Element",
        },
    )
    organization: Organization = field(
        metadata={
            "type": "Element",
        }
    )
