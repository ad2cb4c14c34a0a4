from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from xsdata.models.datatype import XmlDateTime

from orchid.schema.generated.record.org.orcid.ns.common import (
    CreatedDate,
    EndDate,
    LastModifiedDate,
    OrcidIdentifier,
    StartDate,
)

__NAMESPACE__ = "http://www.orcid.org/ns/summary"


class EducationQualificationType(Enum):
    EDUCATION = "education"
    QUALIFICATION = "qualification"


@dataclass(slots=True, kw_only=True)
class ExternalIdentifier:
    class Meta:
        name = "external-identifier"
        namespace = "http://www.orcid.org/ns/summary"

    put_code: int = field(
        metadata={
            "name": "put-code",
            "type": "Element",
        }
    )
    external_id_type: str = field(
        metadata={
            "name": "external-id-type",
            "type": "Element",
            "pattern": r"[\s\S]*[^\s\n\r]+[\s\S]*",
        }
    )
    external_id_value: None | str = field(
        default=None,
        metadata={
            "name": "external-id-value",
            "type": "Element",
            "pattern": r"[\s\S]*[^\s\n\r]+[\s\S]*",
        },
    )
    external_id_url: None | str = field(
        default=None,
        metadata={
            "name": "external-id-url",
            "type": "Element",
        },
    )
    validated: bool = field(
        metadata={
            "type": "Element",
        }
    )


@dataclass(slots=True, kw_only=True)
class Fundings:
    class Meta:
        name = "fundings"
        namespace = "http://www.orcid.org/ns/summary"

    self_asserted_count: int = field(
        metadata={
            "name": "self-asserted-count",
            "type": "Element",
        }
    )
    validated_count: int = field(
        metadata={
            "name": "validated-count",
            "type": "Element",
        }
    )


@dataclass(slots=True, kw_only=True)
class PeerReviews:
    class Meta:
        name = "peer-reviews"
        namespace = "http://www.orcid.org/ns/summary"

    peer_review_publication_grants: int = field(
        metadata={
            "name": "peer-review-publication-grants",
            "type": "Element",
        }
    )
    self_asserted_count: None | int = field(
        default=None,
        metadata={
            "name": "self-asserted-count",
            "type": "Element",
        },
    )
    total: int = field(
        metadata={
            "type": "Element",
        }
    )


class ProfessionalActivityType(Enum):
    DISTINCTION = "distinction"
    INVITED_POSTITION = "invited-postition"
    MEMBERSHIP = "membership"
    SERVICE = "service"


@dataclass(slots=True, kw_only=True)
class ResearchResources:
    class Meta:
        name = "research-resources"
        namespace = "http://www.orcid.org/ns/summary"

    self_asserted_count: int = field(
        metadata={
            "name": "self-asserted-count",
            "type": "Element",
        }
    )
    validated_count: int = field(
        metadata={
            "name": "validated-count",
            "type": "Element",
        }
    )


@dataclass(slots=True, kw_only=True)
class VerificationDate:
    class Meta:
        name = "verification-date"

    value: XmlDateTime = field()


@dataclass(slots=True, kw_only=True)
class Works:
    class Meta:
        name = "works"
        namespace = "http://www.orcid.org/ns/summary"

    self_asserted_count: int = field(
        metadata={
            "name": "self-asserted-count",
            "type": "Element",
        }
    )
    validated_count: int = field(
        metadata={
            "name": "validated-count",
            "type": "Element",
        }
    )


@dataclass(slots=True, kw_only=True)
class EducationQualification:
    class Meta:
        name = "education-qualification"
        namespace = "http://www.orcid.org/ns/summary"

    put_code: int = field(
        metadata={
            "name": "put-code",
            "type": "Element",
        }
    )
    type_value: EducationQualificationType = field(
        metadata={
            "name": "type",
            "type": "Element",
        }
    )
    organization_name: str = field(
        metadata={
            "name": "organization-name",
            "type": "Element",
            "pattern": r"[\s\S]*[^\s\n\r]+[\s\S]*",
        }
    )
    role: str = field(
        metadata={
            "type": "Element",
            "pattern": r"[\s\S]*[^\s\n\r]+[\s\S]*",
        }
    )
    url: None | str = field(
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
    validated: bool = field(
        metadata={
            "type": "Element",
        }
    )


@dataclass(slots=True, kw_only=True)
class EmailDomain:
    class Meta:
        name = "email-domain"
        namespace = "http://www.orcid.org/ns/summary"

    value: str = field(
        metadata={
            "type": "Element",
            "pattern": r"[\s\S]*[^\s\n\r]+[\s\S]*",
        }
    )
    verification_date: None | VerificationDate = field(
        default=None,
        metadata={
            "name": "verification-date",
            "type": "Element",
        },
    )
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


@dataclass(slots=True, kw_only=True)
class Employment:
    class Meta:
        name = "employment"
        namespace = "http://www.orcid.org/ns/summary"

    put_code: int = field(
        metadata={
            "name": "put-code",
            "type": "Element",
        }
    )
    type_value: str = field(
        default="employment",
        metadata={
            "name": "type",
            "type": "Element",
        },
    )
    organization_name: str = field(
        metadata={
            "name": "organization-name",
            "type": "Element",
            "pattern": r"[\s\S]*[^\s\n\r]+[\s\S]*",
        }
    )
    role: str = field(
        metadata={
            "type": "Element",
            "pattern": r"[\s\S]*[^\s\n\r]+[\s\S]*",
        }
    )
    url: None | str = field(
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
    validated: bool = field(
        metadata={
            "type": "Element",
        }
    )


@dataclass(slots=True, kw_only=True)
class ExternalIdentifiers:
    class Meta:
        name = "external-identifiers"
        namespace = "http://www.orcid.org/ns/summary"

    external_identifier: list[ExternalIdentifier] = field(
        default_factory=list,
        metadata={
            "name": "external-identifier",
            "type": "Element",
            "min_occurs": 1,
        },
    )


@dataclass(slots=True, kw_only=True)
class ProfessionalActivity:
    class Meta:
        name = "professional-activity"
        namespace = "http://www.orcid.org/ns/summary"

    put_code: int = field(
        metadata={
            "name": "put-code",
            "type": "Element",
        }
    )
    type_value: ProfessionalActivityType = field(
        metadata={
            "name": "type",
            "type": "Element",
        }
    )
    organization_name: str = field(
        metadata={
            "name": "organization-name",
            "type": "Element",
            "pattern": r"[\s\S]*[^\s\n\r]+[\s\S]*",
        }
    )
    role: str = field(
        metadata={
            "type": "Element",
            "pattern": r"[\s\S]*[^\s\n\r]+[\s\S]*",
        }
    )
    url: None | str = field(
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
    validated: bool = field(
        metadata={
            "type": "Element",
        }
    )


@dataclass(slots=True, kw_only=True)
class EducationQualifications:
    class Meta:
        name = "education-qualifications"
        namespace = "http://www.orcid.org/ns/summary"

    count: int = field(
        metadata={
            "type": "Element",
        }
    )
    education_qualification: list[EducationQualification] = field(
        default_factory=list,
        metadata={
            "name": "education-qualification",
            "type": "Element",
            "min_occurs": 1,
        },
    )


@dataclass(slots=True, kw_only=True)
class EmailDomains:
    class Meta:
        name = "email-domains"
        namespace = "http://www.orcid.org/ns/summary"

    count: int = field(
        metadata={
            "type": "Element",
        }
    )
    email_domain: list[EmailDomain] = field(
        default_factory=list,
        metadata={
            "name": "email-domain",
            "type": "Element",
            "min_occurs": 1,
        },
    )


@dataclass(slots=True, kw_only=True)
class Employments:
    class Meta:
        name = "employments"
        namespace = "http://www.orcid.org/ns/summary"

    count: int = field(
        metadata={
            "type": "Element",
        }
    )
    employment: list[Employment] = field(
        default_factory=list,
        metadata={
            "type": "Element",
            "min_occurs": 1,
        },
    )


@dataclass(slots=True, kw_only=True)
class ProfessionalActivities:
    class Meta:
        name = "professional-activities"
        namespace = "http://www.orcid.org/ns/summary"

    count: int = field(
        metadata={
            "type": "Element",
        }
    )
    professional_activity: list[ProfessionalActivity] = field(
        default_factory=list,
        metadata={
            "name": "professional-activity",
            "type": "Element",
            "min_occurs": 1,
        },
    )


@dataclass(slots=True, kw_only=True)
class RecordSummary:
    class Meta:
        name = "record-summary"
        namespace = "http://www.orcid.org/ns/summary"

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
    credit_name: None | str = field(
        default=None,
        metadata={
            "name": "credit-name",
            "type": "Element",
            "pattern": r"[\s\S]*[^\s\n\r]+[\s\S]*",
        },
    )
    orcid_identifier: OrcidIdentifier = field(
        metadata={
            "name": "orcid-identifier",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        }
    )
    external_identifiers: None | ExternalIdentifiers = field(
        default=None,
        metadata={
            "name": "external-identifiers",
            "type": "Element",
        },
    )
    employments: None | Employments = field(
        default=None,
        metadata={
            "type": "Element",
        },
    )
    professional_activities: None | ProfessionalActivities = field(
        default=None,
        metadata={
            "name": "professional-activities",
            "type": "Element",
        },
    )
    fundings: None | Fundings = field(
        default=None,
        metadata={
            "type": "Element",
        },
    )
    works: None | Works = field(
        default=None,
        metadata={
            "type": "Element",
        },
    )
    peer_reviews: None | PeerReviews = field(
        default=None,
        metadata={
            "name": "peer-reviews",
            "type": "Element",
        },
    )
    education_qualifications: None | EducationQualifications = field(
        default=None,
        metadata={
            "name": "education-qualifications",
            "type": "Element",
        },
    )
    research_resources: None | ResearchResources = field(
        default=None,
        metadata={
            "name": "research-resources",
            "type": "Element",
        },
    )
    email_domains: None | EmailDomains = field(
        default=None,
        metadata={
            "name": "email-domains",
            "type": "Element",
        },
    )
