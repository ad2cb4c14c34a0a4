from __future__ import annotations

from dataclasses import dataclass, field

from orchid.schema.generated.record.org.orcid.ns.common import (
    ExternalIds,
    LastModifiedDate,
)
from orchid.schema.generated.record.org.orcid.ns.distinction import DistinctionSummary
from orchid.schema.generated.record.org.orcid.ns.education import EducationSummary
from orchid.schema.generated.record.org.orcid.ns.employment import EmploymentSummary
from orchid.schema.generated.record.org.orcid.ns.funding import FundingSummary
from orchid.schema.generated.record.org.orcid.ns.invited_position import InvitedPositionSummary
from orchid.schema.generated.record.org.orcid.ns.membership import MembershipSummary
from orchid.schema.generated.record.org.orcid.ns.peer_review import PeerReviewSummary
from orchid.schema.generated.record.org.orcid.ns.qualification import QualificationSummary
from orchid.schema.generated.record.org.orcid.ns.research_resource import ResearchResourceSummary
from orchid.schema.generated.record.org.orcid.ns.service import ServiceSummary
from orchid.schema.generated.record.org.orcid.ns.work import WorkSummary

__NAMESPACE__ = "http://www.orcid.org/ns/activities"


@dataclass(slots=True, kw_only=True)
class AffiliationGroup:
    class Meta:
        name = "affiliation-group"
        namespace = "http://www.orcid.org/ns/activities"

    last_modified_date: None | LastModifiedDate = field(
        default=None,
        metadata={
            "name": "last-modified-date",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )
    external_ids: ExternalIds = field(
        metadata={
            "name": "external-ids",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        }
    )
    distinction_summary: list[DistinctionSummary] = field(
        default_factory=list,
        metadata={
            "name": "distinction-summary",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/distinction",
        },
    )
    invited_position_summary: list[InvitedPositionSummary] = field(
        default_factory=list,
        metadata={
            "name": "invited-position-summary",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/invited-position",
        },
    )
    education_summary: list[EducationSummary] = field(
        default_factory=list,
        metadata={
            "name": "education-summary",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/education",
        },
    )
    employment_summary: list[EmploymentSummary] = field(
        default_factory=list,
        metadata={
            "name": "employment-summary",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/employment",
        },
    )
    membership_summary: list[MembershipSummary] = field(
        default_factory=list,
        metadata={
            "name": "membership-summary",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/membership",
        },
    )
    qualification_summary: list[QualificationSummary] = field(
        default_factory=list,
        metadata={
            "name": "qualification-summary",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/qualification",
        },
    )
    service_summary: list[ServiceSummary] = field(
        default_factory=list,
        metadata={
            "name": "service-summary",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/service",
        },
    )


@dataclass(slots=True, kw_only=True)
class FundingGroup:
    class Meta:
        name = "funding-group"

    last_modified_date: None | LastModifiedDate = field(
        default=None,
        metadata={
            "name": "last-modified-date",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )
    external_ids: ExternalIds = field(
        metadata={
            "name": "external-ids",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        }
    )
    funding_summary: list[FundingSummary] = field(
        default_factory=list,
        metadata={
            "name": "funding-summary",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/funding",
        },
    )


@dataclass(slots=True, kw_only=True)
class PeerReviewDuplicates:
    class Meta:
        name = "peer-review-duplicates"

    last_modified_date: None | LastModifiedDate = field(
        default=None,
        metadata={
            "name": "last-modified-date",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )
    external_ids: ExternalIds = field(
        metadata={
            "name": "external-ids",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        }
    )
    peer_review_summary: list[PeerReviewSummary] = field(
        default_factory=list,
        metadata={
            "name": "peer-review-summary",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/peer-review",
        },
    )


@dataclass(slots=True, kw_only=True)
class ResearchResourceGroup:
    class Meta:
        name = "research-resource-group"

    last_modified_date: None | LastModifiedDate = field(
        default=None,
        metadata={
            "name": "last-modified-date",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )
    external_ids: ExternalIds = field(
        metadata={
            "name": "external-ids",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        }
    )
    research_resource_summary: list[ResearchResourceSummary] = field(
        default_factory=list,
        metadata={
            "name": "research-resource-summary",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/research-resource",
        },
    )


@dataclass(slots=True, kw_only=True)
class WorkGroup:
    class Meta:
        name = "work-group"

    last_modified_date: None | LastModifiedDate = field(
        default=None,
        metadata={
            "name": "last-modified-date",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )
    external_ids: ExternalIds = field(
        metadata={
            "name": "external-ids",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        }
    )
    work_summary: list[WorkSummary] = field(
        default_factory=list,
        metadata={
            "name": "work-summary",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/work",
        },
    )


@dataclass(slots=True, kw_only=True)
class Distinctions:
    class Meta:
        name = "distinctions"
        namespace = "http://www.orcid.org/ns/activities"

    last_modified_date: None | LastModifiedDate = field(
        default=None,
        metadata={
            "name": "last-modified-date",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )
    affiliation_group: list[AffiliationGroup] = field(
        default_factory=list,
        metadata={
            "name": "affiliation-group",
            "type": "Element",
        },
    )
    path: None | str = field(
        default=None,
        metadata={
            "type": "Attribute",
        },
    )


@dataclass(slots=True, kw_only=True)
class Educations:
    class Meta:
        name = "educations"
        namespace = "http://www.orcid.org/ns/activities"

    last_modified_date: None | LastModifiedDate = field(
        default=None,
        metadata={
            "name": "last-modified-date",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )
    affiliation_group: list[AffiliationGroup] = field(
        default_factory=list,
        metadata={
            "name": "affiliation-group",
            "type": "Element",
        },
    )
    path: None | str = field(
        default=None,
        metadata={
            "type": "Attribute",
        },
    )


@dataclass(slots=True, kw_only=True)
class Employments:
    class Meta:
        name = "employments"
        namespace = "http://www.orcid.org/ns/activities"

    last_modified_date: None | LastModifiedDate = field(
        default=None,
        metadata={
            "name": "last-modified-date",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )
    affiliation_group: list[AffiliationGroup] = field(
        default_factory=list,
        metadata={
            "name": "affiliation-group",
            "type": "Element",
        },
    )
    path: None | str = field(
        default=None,
        metadata={
            "type": "Attribute",
        },
    )


@dataclass(slots=True, kw_only=True)
class Fundings:
    class Meta:
        name = "fundings"
        namespace = "http://www.orcid.org/ns/activities"

    last_modified_date: None | LastModifiedDate = field(
        default=None,
        metadata={
            "name": "last-modified-date",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )
    group: list[FundingGroup] = field(
        default_factory=list,
        metadata={
            "type": "Element",
        },
    )
    path: None | str = field(
        default=None,
        metadata={
            "type": "Attribute",
        },
    )


@dataclass(slots=True, kw_only=True)
class InvitedPositions:
    class Meta:
        name = "invited-positions"
        namespace = "http://www.orcid.org/ns/activities"

    last_modified_date: None | LastModifiedDate = field(
        default=None,
        metadata={
            "name": "last-modified-date",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )
    affiliation_group: list[AffiliationGroup] = field(
        default_factory=list,
        metadata={
            "name": "affiliation-group",
            "type": "Element",
        },
    )
    path: None | str = field(
        default=None,
        metadata={
            "type": "Attribute",
        },
    )


@dataclass(slots=True, kw_only=True)
class Memberships:
    class Meta:
        name = "memberships"
        namespace = "http://www.orcid.org/ns/activities"

    last_modified_date: None | LastModifiedDate = field(
        default=None,
        metadata={
            "name": "last-modified-date",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )
    affiliation_group: list[AffiliationGroup] = field(
        default_factory=list,
        metadata={
            "name": "affiliation-group",
            "type": "Element",
        },
    )
    path: None | str = field(
        default=None,
        metadata={
            "type": "Attribute",
        },
    )


@dataclass(slots=True, kw_only=True)
class PeerReviewGroup:
    class Meta:
        name = "peer-review-group"

    last_modified_date: None | LastModifiedDate = field(
        default=None,
        metadata={
            "name": "last-modified-date",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )
    external_ids: ExternalIds = field(
        metadata={
            "name": "external-ids",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        }
    )
    peer_review_group: list[PeerReviewDuplicates] = field(
        default_factory=list,
        metadata={
            "name": "peer-review-group",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/activities",
        },
    )


@dataclass(slots=True, kw_only=True)
class Qualifications:
    class Meta:
        name = "qualifications"
        namespace = "http://www.orcid.org/ns/activities"

    last_modified_date: None | LastModifiedDate = field(
        default=None,
        metadata={
            "name": "last-modified-date",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )
    affiliation_group: list[AffiliationGroup] = field(
        default_factory=list,
        metadata={
            "name": "affiliation-group",
            "type": "Element",
        },
    )
    path: None | str = field(
        default=None,
        metadata={
            "type": "Attribute",
        },
    )


@dataclass(slots=True, kw_only=True)
class ResearchResources:
    class Meta:
        name = "research-resources"
        namespace = "http://www.orcid.org/ns/activities"

    last_modified_date: None | LastModifiedDate = field(
        default=None,
        metadata={
            "name": "last-modified-date",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )
    group: list[ResearchResourceGroup] = field(
        default_factory=list,
        metadata={
            "type": "Element",
        },
    )
    path: None | str = field(
        default=None,
        metadata={
            "type": "Attribute",
        },
    )


@dataclass(slots=True, kw_only=True)
class Services:
    class Meta:
        name = "services"
        namespace = "http://www.orcid.org/ns/activities"

    last_modified_date: None | LastModifiedDate = field(
        default=None,
        metadata={
            "name": "last-modified-date",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )
    affiliation_group: list[AffiliationGroup] = field(
        default_factory=list,
        metadata={
            "name": "affiliation-group",
            "type": "Element",
        },
    )
    path: None | str = field(
        default=None,
        metadata={
            "type": "Attribute",
        },
    )


@dataclass(slots=True, kw_only=True)
class Works:
    class Meta:
        name = "works"
        namespace = "http://www.orcid.org/ns/activities"

    last_modified_date: None | LastModifiedDate = field(
        default=None,
        metadata={
            "name": "last-modified-date",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )
    group: list[WorkGroup] = field(
        default_factory=list,
        metadata={
            "type": "Element",
        },
    )
    path: None | str = field(
        default=None,
        metadata={
            "type": "Attribute",
        },
    )


@dataclass(slots=True, kw_only=True)
class PeerReviews:
    class Meta:
        name = "peer-reviews"
        namespace = "http://www.orcid.org/ns/activities"

    last_modified_date: None | LastModifiedDate = field(
        default=None,
        metadata={
            "name": "last-modified-date",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )
    group: list[PeerReviewGroup] = field(
        default_factory=list,
        metadata={
            "type": "Element",
        },
    )
    path: None | str = field(
        default=None,
        metadata={
            "type": "Attribute",
        },
    )


@dataclass(slots=True, kw_only=True)
class ActivitiesSummary:
    class Meta:
        name = "activities-summary"
        namespace = "http://www.orcid.org/ns/activities"

    last_modified_date: None | LastModifiedDate = field(
        default=None,
        metadata={
            "name": "last-modified-date",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )
    distinctions: None | Distinctions = field(
        default=None,
        metadata={
            "type": "Element",
        },
    )
    educations: None | Educations = field(
        default=None,
        metadata={
            "type": "Element",
        },
    )
    employments: None | Employments = field(
        default=None,
        metadata={
            "type": "Element",
        },
    )
    fundings: None | Fundings = field(
        default=None,
        metadata={
            "type": "Element",
        },
    )
    invited_positions: None | InvitedPositions = field(
        default=None,
        metadata={
            "name": "invited-positions",
            "type": "Element",
        },
    )
    memberships: None | Memberships = field(
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
    qualifications: None | Qualifications = field(
        default=None,
        metadata={
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
    services: None | Services = field(
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
    path: None | str = field(
        default=None,
        metadata={
            "type": "Attribute",
        },
    )
