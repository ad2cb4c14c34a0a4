from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from orchid.schema.generated.legacy.org.orcid.ns.common import (
    ElementSummary,
    ExternalId,
    ExternalIds,
    FuzzyDate,
    Organization,
    Url,
)
from orchid.schema.generated.legacy.org.orcid.ns.work import (
    WorkTitle,
    WorkType,
)

__NAMESPACE__ = "http://www.orcid.org/ns/peer-review"


class Role(Enum):
    REVIEWER = "reviewer"
    EDITOR = "editor"
    MEMBER = "member"
    CHAIR = "chair"
    ORGANIZER = "organizer"


class Type(Enum):
    REVIEW = "review"
    EVALUATION = "evaluation"


@dataclass(slots=True, kw_only=True)
class PeerReview(ElementSummary):
    class Meta:
        name = "peer-review"
        namespace = "http://www.orcid.org/ns/peer-review"

    reviewer_role: Role = field(
        metadata={
            "name": "reviewer-role",
            "type": "Element",
        }
    )
    review_identifiers: ExternalIds = field(
        metadata={
            "name": "review-identifiers",
            "type": "Element",
        }
    )
    review_url: None | Url = field(
        default=None,
        metadata={
            "name": "review-url",
            "type": "Element",
        },
    )
    review_type: Type = field(
        metadata={
            "name": "review-type",
            "type": "Element",
        }
    )
    review_completion_date: FuzzyDate = field(
        metadata={
            "name": "review-completion-date",
            "type": "Element",
        }
    )
    review_group_id: str = field(
        metadata={
            "name": "review-group-id",
            "type": "Element",
            "max_length": 1000,
            "pattern": r"(ringgold:|issn:|orcid-generated:|fundref:|publons:)([0-9a-zA-Z\^._~:/?#\[\]@!$&'()*+,;=-]){2,}",
        }
    )
    subject_external_identifier: None | ExternalId = field(
        default=None,
        metadata={
            "name": "subject-external-identifier",
            "type": "Element",
        },
    )
    subject_container_name: None | str = field(
        default=None,
        metadata={
            "name": "subject-container-name",
            "type": "Element",
            "max_length": 1000,
        },
    )
    subject_type: None | WorkType = field(
        default=None,
        metadata={
            "name": "subject-type",
            "type": "Element",
        },
    )
    subject_name: None | WorkTitle = field(
        default=None,
        metadata={
            "name": "subject-name",
            "type": "Element",
        },
    )
    subject_url: None | Url = field(
        default=None,
        metadata={
            "name": "subject-url",
            "type": "Element",
        },
    )
    convening_organization: Organization = field(
        metadata={
            "name": "convening-organization",
            "type": "Element",
        }
    )


@dataclass(slots=True, kw_only=True)
class PeerReviewSummary(ElementSummary):
    class Meta:
        name = "peer-review-summary"
        namespace = "http://www.orcid.org/ns/peer-review"

    external_ids: None | ExternalIds = field(
        default=None,
        metadata={
            "name": "external-ids",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )
    completion_date: FuzzyDate = field(
        metadata={
            "name": "completion-date",
            "type": "Element",
        }
    )
    review_group_id: str = field(
        metadata={
            "name": "review-group-id",
            "type": "Element",
            "max_length": 1000,
            "pattern": r"(ringgold:|issn:|orcid-generated:|fundref:|publons:)([0-9a-zA-Z\^._~:/?#\[\]@!$&'()*+,;=-]){2,}",
        }
    )
    convening_organization: Organization = field(
        metadata={
            "name": "convening-organization",
            "type": "Element",
        }
    )
