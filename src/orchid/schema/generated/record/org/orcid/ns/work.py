from __future__ import annotations

from dataclasses import dataclass, field

from orchid.schema.generated.record.org.orcid.ns.common import (
    ContributorOrcid,
    Country,
    CreditName,
    ElementSummary,
    ExternalIds,
    LanguageCode,
    PublicationDate,
    Subtitle,
    Title,
    TranslatedTitle,
    Url,
)
from orchid.schema.enums import ContributorSequence

__NAMESPACE__ = "http://www.orcid.org/ns/work"


@dataclass(slots=True, kw_only=True)
class Citation:
    class Meta:
        name = "citation"

    citation_type: str = field(
        default="formatted-unspecified",
        metadata={
            "name": "citation-type",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/work",
        },
    )
    citation_value: str = field(
        metadata={
            "name": "citation-value",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/work",
        }
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
class ContributorAttributes:
    class Meta:
        name = "contributor-attributes"

    contributor_sequence: None | ContributorSequence = field(
        default=None,
        metadata={
            "name": "contributor-sequence",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/work",
        },
    )
    contributor_role: None | str = field(
        default=None,
        metadata={
            "name": "contributor-role",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/work",
        },
    )


@dataclass(slots=True, kw_only=True)
class WorkTitle:
    class Meta:
        name = "work-title"

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
            "namespace": "http://www.orcid.org/ns/work",
        },
    )
    contributor_email: None | ContributorEmail = field(
        default=None,
        metadata={
            "name": "contributor-email",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/work",
        },
    )
    contributor_attributes: None | ContributorAttributes = field(
        default=None,
        metadata={
            "name": "contributor-attributes",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/work",
        },
    )


@dataclass(slots=True, kw_only=True)
class WorkSummary(ElementSummary):
    class Meta:
        name = "work-summary"
        namespace = "http://www.orcid.org/ns/work"

    title: WorkTitle = field(
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
    url: None | Url = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )
    type_value: str = field(
        metadata={
            "name": "type",
            "type": "Element",
        }
    )
    publication_date: None | PublicationDate = field(
        default=None,
        metadata={
            "name": "publication-date",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )
    journal_title: None | str = field(
        default=None,
        metadata={
            "name": "journal-title",
            "type": "Element",
            "max_length": 1000,
            "pattern": r"[\s\S]*[^\s\n\r]+[\s\S]*",
        },
    )


@dataclass(slots=True, kw_only=True)
class WorkContributors:
    class Meta:
        name = "work-contributors"

    contributor: list[Contributor] = field(
        default_factory=list,
        metadata={
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/work",
        },
    )


@dataclass(slots=True, kw_only=True)
class Work(ElementSummary):
    class Meta:
        name = "work"
        namespace = "http://www.orcid.org/ns/work"

    title: WorkTitle = field(
        metadata={
            "type": "Element",
        }
    )
    journal_title: None | str = field(
        default=None,
        metadata={
            "name": "journal-title",
            "type": "Element",
            "max_length": 1000,
            "pattern": r"[\s\S]*[^\s\n\r]+[\s\S]*",
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
    citation: None | Citation = field(
        default=None,
        metadata={
            "type": "Element",
        },
    )
    type_value: str = field(
        metadata={
            "name": "type",
            "type": "Element",
        }
    )
    publication_date: None | PublicationDate = field(
        default=None,
        metadata={
            "name": "publication-date",
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
    url: None | Url = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )
    contributors: None | WorkContributors = field(
        default=None,
        metadata={
            "type": "Element",
        },
    )
    language_code: None | LanguageCode = field(
        default=None,
        metadata={
            "name": "language-code",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )
    country: None | Country = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )
