from __future__ import annotations

from dataclasses import dataclass, field

from orchid.schema.generated.legacy.org.orcid.ns.common import (
    ExternalIds,
    LastModifiedDate,
)
from orchid.schema.generated.legacy.org.orcid.ns.education import EducationSummary
from orchid.schema.generated.legacy.org.orcid.ns.employment import EmploymentSummary
from orchid.schema.generated.legacy.org.orcid.ns.funding import FundingSummary
from orchid.schema.generated.legacy.org.orcid.ns.peer_review import PeerReviewSummary
from orchid.schema.generated.legacy.org.orcid.ns.work import WorkSummary

__NAMESPACE__ = "http://www.orcid.org/ns/activities"


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
    education_summary: list[EducationSummary] = field(
        default_factory=list,
        metadata={
            "name": "education-summary",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/education",
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
    employment_summary: list[EmploymentSummary] = field(
        default_factory=list,
        metadata={
            "name": "employment-summary",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/employment",
        },
    )
    path: None | str = field(
        default=None,
        metadata={
            "type": "Attribute",
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
    peer_review_summary: list[PeerReviewSummary] = field(
        default_factory=list,
        metadata={
            "name": "peer-review-summary",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/peer-review",
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
    peer_reviews: None | PeerReviews = field(
        default=None,
        metadata={
            "name": "peer-reviews",
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
