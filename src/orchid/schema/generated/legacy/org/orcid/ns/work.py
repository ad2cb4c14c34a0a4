from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from orchid.schema.generated.legacy.org.orcid.ns.common import (
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

__NAMESPACE__ = "http://www.orcid.org/ns/work"


class CitationType(Enum):
    FORMATTED_UNSPECIFIED = "formatted-unspecified"
    BIBTEX = "bibtex"
    RIS = "ris"
    FORMATTED_APA = "formatted-apa"
    FORMATTED_HARVARD = "formatted-harvard"
    FORMATTED_IEEE = "formatted-ieee"
    FORMATTED_MLA = "formatted-mla"
    FORMATTED_VANCOUVER = "formatted-vancouver"
    FORMATTED_CHICAGO = "formatted-chicago"


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


class ContributorRole(Enum):
    AUTHOR = "author"
    ASSIGNEE = "assignee"
    EDITOR = "editor"
    CHAIR_OR_TRANSLATOR = "chair-or-translator"
    CO_INVESTIGATOR = "co-investigator"
    CO_INVENTOR = "co-inventor"
    GRADUATE_STUDENT = "graduate-student"
    OTHER_INVENTOR = "other-inventor"
    PRINCIPAL_INVESTIGATOR = "principal-investigator"
    POSTDOCTORAL_RESEARCHER = "postdoctoral-researcher"
    SUPPORT_STAFF = "support-staff"


class ContributorSequence(Enum):
    FIRST = "first"
    ADDITIONAL = "additional"


class WorkType(Enum):
    ARTISTIC_PERFORMANCE = "artistic-performance"
    BOOK_CHAPTER = "book-chapter"
    BOOK_REVIEW = "book-review"
    BOOK = "book"
    CONFERENCE_ABSTRACT = "conference-abstract"
    CONFERENCE_PAPER = "conference-paper"
    CONFERENCE_POSTER = "conference-poster"
    DATA_SET = "data-set"
    DICTIONARY_ENTRY = "dictionary-entry"
    DISCLOSURE = "disclosure"
    DISSERTATION = "dissertation"
    EDITED_BOOK = "edited-book"
    ENCYCLOPEDIA_ENTRY = "encyclopedia-entry"
    INVENTION = "invention"
    JOURNAL_ARTICLE = "journal-article"
    JOURNAL_ISSUE = "journal-issue"
    LECTURE_SPEECH = "lecture-speech"
    LICENSE = "license"
    MAGAZINE_ARTICLE = "magazine-article"
    MANUAL = "manual"
    NEWSLETTER_ARTICLE = "newsletter-article"
    NEWSPAPER_ARTICLE = "newspaper-article"
    ONLINE_RESOURCE = "online-resource"
    OTHER = "other"
    PATENT = "patent"
    REGISTERED_COPYRIGHT = "registered-copyright"
    REPORT = "report"
    RESEARCH_TECHNIQUE = "research-technique"
    RESEARCH_TOOL = "research-tool"
    SPIN_OFF_COMPANY = "spin-off-company"
    STANDARDS_AND_POLICY = "standards-and-policy"
    SUPERVISED_STUDENT_PUBLICATION = "supervised-student-publication"
    TECHNICAL_STANDARD = "technical-standard"
    TEST = "test"
    TRANSLATION = "translation"
    TRADEMARK = "trademark"
    WEBSITE = "website"
    WORKING_PAPER = "working-paper"


@dataclass(slots=True, kw_only=True)
class Citation:
    class Meta:
        name = "citation"

    citation_type: CitationType = field(
        default=CitationType.FORMATTED_UNSPECIFIED,
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
    contributor_role: None | ContributorRole = field(
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
    type_value: WorkType = field(
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
    type_value: WorkType = field(
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
