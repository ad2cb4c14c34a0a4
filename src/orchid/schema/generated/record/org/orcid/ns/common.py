from __future__ import annotations

from dataclasses import dataclass, field

from xsdata.models.datatype import XmlDateTime
from orchid.schema.enums import Visibility

__NAMESPACE__ = "http://www.orcid.org/ns/common"


@dataclass(slots=True, kw_only=True)
class Amount:
    class Meta:
        name = "amount"

    value: str = field(default="")
    currency_code: str = field(
        metadata={
            "name": "currency-code",
            "type": "Attribute",
        }
    )


@dataclass(slots=True, kw_only=True)
class ApprovalDate:
    class Meta:
        name = "approval-date"
        namespace = "http://www.orcid.org/ns/common"

    value: XmlDateTime = field()


@dataclass(slots=True, kw_only=True)
class ArchivedDate:
    class Meta:
        name = "archived-date"
        namespace = "http://www.orcid.org/ns/common"

    value: XmlDateTime = field()


@dataclass(slots=True, kw_only=True)
class ClientId:
    class Meta:
        name = "client-id"

    uri: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
            "pattern": r"https://([^/]*orcid\.org|localhost.*/orcid-web)/client/(APP-[\da-zA-Z]{16}|(\d{4}-){3,}\d{3}[\dX])",
        },
    )
    path: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
            "pattern": r"(APP-[\da-zA-Z]{16}|(\d{4}-){3,}\d{3}[\dX])",
        },
    )
    host: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )


@dataclass(slots=True, kw_only=True)
class ContributorAttributes:
    class Meta:
        name = "contributor-attributes"

    contributor_sequence: None | str = field(
        default=None,
        metadata={
            "name": "contributor-sequence",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )
    contributor_role: None | str = field(
        default=None,
        metadata={
            "name": "contributor-role",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )


@dataclass(slots=True, kw_only=True)
class ContributorEmail:
    class Meta:
        name = "contributor-email"

    value: str = field(
        default="",
        metadata={
            "max_length": 350,
            "pattern": r"[^@]+@[^\.]+\..+",
        },
    )


@dataclass(slots=True, kw_only=True)
class CreatedDate:
    class Meta:
        name = "created-date"
        namespace = "http://www.orcid.org/ns/common"

    value: XmlDateTime = field()


@dataclass(slots=True, kw_only=True)
class CreditName:
    class Meta:
        name = "credit-name"

    value: str = field(
        default="",
        metadata={
            "max_length": 150,
            "pattern": r"[\s\S]*[^\s\n\r]+[\s\S]*",
        },
    )


@dataclass(slots=True, kw_only=True)
class DisambiguatedOrganization:
    class Meta:
        name = "disambiguated-organization"

    disambiguated_organization_identifier: str = field(
        metadata={
            "name": "disambiguated-organization-identifier",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
            "max_length": 500,
        }
    )
    disambiguation_source: str = field(
        metadata={
            "name": "disambiguation-source",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
            "max_length": 500,
        }
    )


@dataclass(slots=True, kw_only=True)
class FuzzyDate:
    class Meta:
        name = "fuzzy-date"
        namespace = "http://www.orcid.org/ns/common"

    year: int = field(
        metadata={
            "type": "Element",
            "min_inclusive": 1900,
            "max_inclusive": 2100,
        }
    )
    month: None | int = field(
        default=None,
        metadata={
            "type": "Element",
            "min_inclusive": 1,
            "max_inclusive": 12,
        },
    )
    day: None | int = field(
        default=None,
        metadata={
            "type": "Element",
            "min_inclusive": 1,
            "max_inclusive": 31,
        },
    )


@dataclass(slots=True, kw_only=True)
class LanguageCode:
    class Meta:
        name = "language-code"
        namespace = "http://www.orcid.org/ns/common"

    value: str = field(default="")


@dataclass(slots=True, kw_only=True)
class LastModifiedDate:
    class Meta:
        name = "last-modified-date"
        namespace = "http://www.orcid.org/ns/common"

    value: XmlDateTime = field()


@dataclass(slots=True, kw_only=True)
class OrcidId:
    class Meta:
        name = "orcid-id"
        namespace = "http://www.orcid.org/ns/common"

    uri: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "pattern": r"https://([^/]*orcid\.org|localhost.*/orcid-web)/(\d{4}-){3,}\d{3}[\dX]",
        },
    )
    path: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "pattern": r"(\d{4}-){3,}\d{3}[\dX]",
        },
    )
    host: None | str = field(
        default=None,
        metadata={
            "type": "Element",
        },
    )


@dataclass(slots=True, kw_only=True)
class OrganizationAddress:
    class Meta:
        name = "organization-address"

    city: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
            "max_length": 4000,
            "pattern": r"[\s\S]*[^\s\n\r]+[\s\S]*",
        },
    )
    region: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
            "max_length": 4000,
            "pattern": r"[\s\S]*[^\s\n\r]+[\s\S]*",
        },
    )
    country: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )


@dataclass(slots=True, kw_only=True)
class ReadDate:
    class Meta:
        name = "read-date"
        namespace = "http://www.orcid.org/ns/common"

    value: XmlDateTime = field()


@dataclass(slots=True, kw_only=True)
class SentDate:
    class Meta:
        name = "sent-date"
        namespace = "http://www.orcid.org/ns/common"

    value: XmlDateTime = field()


@dataclass(slots=True, kw_only=True)
class SourceName:
    class Meta:
        name = "source-name"

    value: str = field(default="")


@dataclass(slots=True, kw_only=True)
class StringWithLangCode:
    class Meta:
        name = "string-with-lang-code"

    value: str = field(
        default="",
        metadata={
            "pattern": r"[\s\S]*[^\s\n\r]+[\s\S]*",
        },
    )
    language_code: str = field(
        metadata={
            "name": "language-code",
            "type": "Attribute",
        }
    )


@dataclass(slots=True, kw_only=True)
class Subtitle:
    class Meta:
        name = "subtitle"
        namespace = "http://www.orcid.org/ns/common"

    value: str = field(
        default="",
        metadata={
            "max_length": 1000,
        },
    )


@dataclass(slots=True, kw_only=True)
class Title:
    class Meta:
        name = "title"
        namespace = "http://www.orcid.org/ns/common"

    value: str = field(
        default="",
        metadata={
            "max_length": 1000,
            "pattern": r"[\s\S]*[^\s\n\r]+[\s\S]*",
        },
    )


@dataclass(slots=True, kw_only=True)
class TransientError:
    class Meta:
        name = "transient-error"

    error_code: None | str = field(
        default=None,
        metadata={
            "name": "error-code",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
            "pattern": r"[\s\S]*[^\s\n\r]+[\s\S]*",
        },
    )
    error_message: None | str = field(
        default=None,
        metadata={
            "name": "error-message",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
            "pattern": r"[\s\S]*[^\s\n\r]+[\s\S]*",
        },
    )
    transient: str = field(
        metadata={
            "type": "Attribute",
            "pattern": r"true",
        }
    )


@dataclass(slots=True, kw_only=True)
class TransientNonEmptyString:
    class Meta:
        name = "transient-non-empty-string"

    value: str = field(
        default="",
        metadata={
            "pattern": r"[\s\S]*[^\s\n\r]+[\s\S]*",
        },
    )
    transient: str = field(
        metadata={
            "type": "Attribute",
            "pattern": r"true",
        }
    )


@dataclass(slots=True, kw_only=True)
class Url:
    class Meta:
        name = "url"
        namespace = "http://www.orcid.org/ns/common"

    value: str = field(default="")


@dataclass(slots=True, kw_only=True)
class ApplicationGroupOrcid(OrcidId):
    class Meta:
        name = "application-group-orcid"
        namespace = "http://www.orcid.org/ns/common"


@dataclass(slots=True, kw_only=True)
class ApplicationOrcid(OrcidId):
    class Meta:
        name = "application-orcid"
        namespace = "http://www.orcid.org/ns/common"


@dataclass(slots=True, kw_only=True)
class ContributorOrcid(OrcidId):
    class Meta:
        name = "contributor-orcid"
        namespace = "http://www.orcid.org/ns/common"


@dataclass(slots=True, kw_only=True)
class Country:
    class Meta:
        name = "country"
        namespace = "http://www.orcid.org/ns/common"

    value: str = field(default="")
    visibility: None | Visibility = field(
        default=None,
        metadata={
            "type": "Attribute",
        },
    )


@dataclass(slots=True, kw_only=True)
class EndDate(FuzzyDate):
    class Meta:
        name = "end-date"
        namespace = "http://www.orcid.org/ns/common"


@dataclass(slots=True, kw_only=True)
class GroupOrcidIdentifier(OrcidId):
    class Meta:
        name = "group-orcid-identifier"
        namespace = "http://www.orcid.org/ns/common"


@dataclass(slots=True, kw_only=True)
class OrcidIdentifier(OrcidId):
    class Meta:
        name = "orcid-identifier"
        namespace = "http://www.orcid.org/ns/common"


@dataclass(slots=True, kw_only=True)
class Organization:
    class Meta:
        name = "organization"
        namespace = "http://www.orcid.org/ns/common"

    name: str = field(
        metadata={
            "type": "Element",
            "max_length": 4000,
            "pattern": r"[\s\S]*[^\s\n\r]+[\s\S]*",
        }
    )
    address: OrganizationAddress = field(
        metadata={
            "type": "Element",
        }
    )
    disambiguated_organization: None | DisambiguatedOrganization = field(
        default=None,
        metadata={
            "name": "disambiguated-organization",
            "type": "Element",
        },
    )


@dataclass(slots=True, kw_only=True)
class PublicationDate(FuzzyDate):
    class Meta:
        name = "publication-date"
        namespace = "http://www.orcid.org/ns/common"


@dataclass(slots=True, kw_only=True)
class SourceOrcid(OrcidId):
    class Meta:
        name = "source-orcid"
        namespace = "http://www.orcid.org/ns/common"


@dataclass(slots=True, kw_only=True)
class StartDate(FuzzyDate):
    class Meta:
        name = "start-date"
        namespace = "http://www.orcid.org/ns/common"


@dataclass(slots=True, kw_only=True)
class TranslatedTitle(StringWithLangCode):
    class Meta:
        name = "translated-title"
        namespace = "http://www.orcid.org/ns/common"


@dataclass(slots=True, kw_only=True)
class Address:
    class Meta:
        name = "address"

    country: None | Country = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )


@dataclass(slots=True, kw_only=True)
class SourceType:
    class Meta:
        name = "source-type"

    source_orcid: None | SourceOrcid = field(
        default=None,
        metadata={
            "name": "source-orcid",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )
    source_client_id: None | ClientId = field(
        default=None,
        metadata={
            "name": "source-client-id",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )
    source_name: None | SourceName = field(
        default=None,
        metadata={
            "name": "source-name",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )
    assertion_origin_orcid: None | OrcidId = field(
        default=None,
        metadata={
            "name": "assertion-origin-orcid",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )
    assertion_origin_client_id: None | ClientId = field(
        default=None,
        metadata={
            "name": "assertion-origin-client-id",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )
    assertion_origin_name: None | SourceName = field(
        default=None,
        metadata={
            "name": "assertion-origin-name",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )


@dataclass(slots=True, kw_only=True)
class Source(SourceType):
    class Meta:
        name = "source"
        namespace = "http://www.orcid.org/ns/common"


@dataclass(slots=True, kw_only=True)
class ElementSummary:
    class Meta:
        name = "element-summary"

    created_date: None | CreatedDate = field(
        default=None,
        metadata={
            "name": "created-date",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )
    last_modified_date: None | LastModifiedDate = field(
        default=None,
        metadata={
            "name": "last-modified-date",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )
    source: None | Source = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )
    put_code: None | int = field(
        default=None,
        metadata={
            "name": "put-code",
            "type": "Attribute",
        },
    )
    visibility: None | Visibility = field(
        default=None,
        metadata={
            "type": "Attribute",
        },
    )
    display_index: None | str = field(
        default=None,
        metadata={
            "name": "display-index",
            "type": "Attribute",
        },
    )
    path: None | str = field(
        default=None,
        metadata={
            "type": "Attribute",
        },
    )


@dataclass(slots=True, kw_only=True)
class ExternalId(ElementSummary):
    class Meta:
        name = "external-id"
        namespace = "http://www.orcid.org/ns/common"

    external_id_type: str = field(
        metadata={
            "name": "external-id-type",
            "type": "Element",
            "pattern": r"[\s\S]*[^\s\n\r]+[\s\S]*",
        }
    )
    external_id_value: str = field(
        metadata={
            "name": "external-id-value",
            "type": "Element",
            "pattern": r"[\s\S]*[^\s\n\r]+[\s\S]*",
        }
    )
    external_id_normalized: None | TransientNonEmptyString = field(
        default=None,
        metadata={
            "name": "external-id-normalized",
            "type": "Element",
        },
    )
    external_id_normalized_error: None | TransientError = field(
        default=None,
        metadata={
            "name": "external-id-normalized-error",
            "type": "Element",
        },
    )
    external_id_url: None | str = field(
        default=None,
        metadata={
            "name": "external-id-url",
            "type": "Element",
        },
    )
    external_id_relationship: None | str = field(
        default=None,
        metadata={
            "name": "external-id-relationship",
            "type": "Element",
        },
    )


@dataclass(slots=True, kw_only=True)
class ExternalIds:
    class Meta:
        name = "external-ids"
        namespace = "http://www.orcid.org/ns/common"

    external_id: list[ExternalId] = field(
        default_factory=list,
        metadata={
            "name": "external-id",
            "type": "Element",
        },
    )


@dataclass(slots=True, kw_only=True)
class Affiliation(ElementSummary):
    class Meta:
        name = "affiliation"

    department_name: None | str = field(
        default=None,
        metadata={
            "name": "department-name",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
            "max_length": 4000,
            "pattern": r"[\s\S]*[^\s\n\r]+[\s\S]*",
        },
    )
    role_title: None | str = field(
        default=None,
        metadata={
            "name": "role-title",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
            "max_length": 4000,
            "pattern": r"[\s\S]*[^\s\n\r]+[\s\S]*",
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
    organization: None | Organization = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )
    url: None | Url = field(
        default=None,
        metadata={
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


@dataclass(slots=True, kw_only=True)
class AffiliationSummary(ElementSummary):
    class Meta:
        name = "affiliation-summary"

    department_name: None | str = field(
        default=None,
        metadata={
            "name": "department-name",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
            "max_length": 4000,
            "pattern": r"[\s\S]*[^\s\n\r]+[\s\S]*",
        },
    )
    role_title: None | str = field(
        default=None,
        metadata={
            "name": "role-title",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
            "max_length": 4000,
            "pattern": r"[\s\S]*[^\s\n\r]+[\s\S]*",
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
    organization: None | Organization = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )
    url: None | Url = field(
        default=None,
        metadata={
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
