from __future__ import annotations

from dataclasses import dataclass, field

from orchid.schema.generated.record.org.orcid.ns.common import (
    ElementSummary,
    ExternalId,
    ExternalIds,
    FuzzyDate,
    Organization,
    Subtitle,
    Title,
    TranslatedTitle,
    Url,
)

__NAMESPACE__ = "http://www.orcid.org/ns/peer-review"


@dataclass(slots=True, kw_only=True)
class PeerReviewSummary(ElementSummary):
    class Meta:
        name = "peer-review-summary"
        namespace = "http://www.orcid.org/ns/peer-review"

    reviewer_role: str = field(
        metadata={
            "name": "reviewer-role",
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
    review_url: None | Url = field(
        default=None,
        metadata={
            "name": "review-url",
            "type": "Element",
        },
    )
    review_type: str = field(
        metadata={
            "name": "review-type",
            "type": "Element",
        }
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


@dataclass(slots=True, kw_only=True)
class SubjectName:
    class Meta:
        name = "subject-name"

    title: Title = field(
        metadata={
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        }
    )
    subtitle: None | Subtitle = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
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
class PeerReview(ElementSummary):
    class Meta:
        name = "peer-review"
        namespace = "http://www.orcid.org/ns/peer-review"

    reviewer_role: str = field(
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
    review_type: str = field(
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
            "pattern": r"[\s\S]*[^\s\n\r]+[\s\S]*",
        },
    )
    subject_type: None | str = field(
        default=None,
        metadata={
            "name": "subject-type",
            "type": "Element",
        },
    )
    subject_name: None | SubjectName = field(
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
