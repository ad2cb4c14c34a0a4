"""The sections of a record: one table saying, per kind of item, its API paths, message types and scopes."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from orchid.schema import models as m


class Kind(enum.Enum):
    PERSON = "person"
    ACTIVITY = "activity"


class Grouping(enum.Enum):
    NONE = "none"  # person items: a flat list
    WORKS = "works"  # activities:group of summaries, grouped by external ids
    AFFILIATIONS = "affiliations"  # activities:affiliation-group of summaries
    PEER_REVIEWS = "peer-reviews"  # group per review-group-id, then duplicates groups


@dataclass(frozen=True)
class Section:
    name: str  # the item's name in paths (`/{orcid}/{item_segment}/{put-code}`) and in this table
    kind: Kind
    item_segment: str  # path segment for one item and for POST (`work`, `keywords`, `address`)
    list_segment: str  # path segment for the whole section (`works`, `keywords`, `address`)
    item_model: type  # full item message
    summary_model: type | None  # the *-summary message (activities)
    container_model: type  # the section message (`activities:works`, `keyword:keywords`)
    container_attr: str  # the attribute of the container / activities-summary holding this section
    write_scope: str  # fine-grained scope needed to create or update (implied by /activities/update ...)
    read_limited_scope: str  # fine-grained scope needed to read limited items
    grouping: Grouping
    label: str  # as ORCID names the item in messages ("work", "education", "other name")

    def item_path(self, orcid: str, put_code: int) -> str:
        return f"/{orcid}/{self.item_segment}/{put_code}"

    def list_path(self, orcid: str) -> str:
        return f"/{orcid}/{self.list_segment}"


WORKS_UPDATE = "/orcid-works/update"
FUNDING_UPDATE = "/funding/update"
AFFILIATIONS_UPDATE = "/affiliations/update"
PEER_REVIEW_UPDATE = "/peer-review/update"
BIO_UPDATE = "/orcid-bio/update"
BIO_READ_LIMITED = "/orcid-bio/read-limited"


def _affiliation(name: str, module: object, container: type, container_attr: str, plural: str) -> Section:
    title = name.replace("-", " ")
    return Section(
        name=name,
        kind=Kind.ACTIVITY,
        item_segment=name,
        list_segment=plural,
        item_model=getattr(module, "".join(part.title() for part in name.split("-"))),
        summary_model=getattr(module, "".join(part.title() for part in name.split("-")) + "Summary"),
        container_model=container,
        container_attr=container_attr,
        write_scope=AFFILIATIONS_UPDATE,
        read_limited_scope="/affiliations/read-limited",
        grouping=Grouping.AFFILIATIONS,
        label=title,
    )


SECTIONS: tuple[Section, ...] = (
    Section(
        name="work",
        kind=Kind.ACTIVITY,
        item_segment="work",
        list_segment="works",
        item_model=m.work.Work,
        summary_model=m.work.WorkSummary,
        container_model=m.activities.Works,
        container_attr="works",
        write_scope=WORKS_UPDATE,
        read_limited_scope="/orcid-works/read-limited",
        grouping=Grouping.WORKS,
        label="work",
    ),
    Section(
        name="funding",
        kind=Kind.ACTIVITY,
        item_segment="funding",
        list_segment="fundings",
        item_model=m.funding.Funding,
        summary_model=m.funding.FundingSummary,
        container_model=m.activities.Fundings,
        container_attr="fundings",
        write_scope=FUNDING_UPDATE,
        read_limited_scope="/funding/read-limited",
        grouping=Grouping.WORKS,
        label="funding",
    ),
    _affiliation("distinction", m.distinction, m.activities.Distinctions, "distinctions", "distinctions"),
    _affiliation("education", m.education, m.activities.Educations, "educations", "educations"),
    _affiliation("employment", m.employment, m.activities.Employments, "employments", "employments"),
    _affiliation(
        "invited-position",
        m.invited_position,
        m.activities.InvitedPositions,
        "invited_positions",
        "invited-positions",
    ),
    _affiliation("membership", m.membership, m.activities.Memberships, "memberships", "memberships"),
    _affiliation(
        "qualification", m.qualification, m.activities.Qualifications, "qualifications", "qualifications"
    ),
    _affiliation("service", m.service, m.activities.Services, "services", "services"),
    Section(
        name="peer-review",
        kind=Kind.ACTIVITY,
        item_segment="peer-review",
        list_segment="peer-reviews",
        item_model=m.peer_review.PeerReview,
        summary_model=m.peer_review.PeerReviewSummary,
        container_model=m.activities.PeerReviews,
        container_attr="peer_reviews",
        write_scope=PEER_REVIEW_UPDATE,
        read_limited_scope="/peer-review/read-limited",
        grouping=Grouping.PEER_REVIEWS,
        label="peer review",
    ),
    Section(
        name="research-resource",
        kind=Kind.ACTIVITY,
        item_segment="research-resource",
        list_segment="research-resources",
        item_model=m.research_resource.ResearchResource,
        summary_model=m.research_resource.ResearchResourceSummary,
        container_model=m.activities.ResearchResources,
        container_attr="research_resources",
        write_scope=AFFILIATIONS_UPDATE,
        read_limited_scope="/affiliations/read-limited",  # sic: ORCID checks the affiliations scope
        grouping=Grouping.WORKS,
        label="research resource",
    ),
    Section(
        name="address",
        kind=Kind.PERSON,
        item_segment="address",
        list_segment="address",
        item_model=m.address.Address,
        summary_model=None,
        container_model=m.address.Addresses,
        container_attr="addresses",
        write_scope=BIO_UPDATE,
        read_limited_scope=BIO_READ_LIMITED,
        grouping=Grouping.NONE,
        label="address",
    ),
    Section(
        name="keyword",
        kind=Kind.PERSON,
        item_segment="keywords",
        list_segment="keywords",
        item_model=m.keyword.Keyword,
        summary_model=None,
        container_model=m.keyword.Keywords,
        container_attr="keywords",
        write_scope=BIO_UPDATE,
        read_limited_scope=BIO_READ_LIMITED,
        grouping=Grouping.NONE,
        label="keyword",
    ),
    Section(
        name="other-name",
        kind=Kind.PERSON,
        item_segment="other-names",
        list_segment="other-names",
        item_model=m.other_name.OtherName,
        summary_model=None,
        container_model=m.other_name.OtherNames,
        container_attr="other_names",
        write_scope=BIO_UPDATE,
        read_limited_scope=BIO_READ_LIMITED,
        grouping=Grouping.NONE,
        label="other name",
    ),
    Section(
        name="researcher-url",
        kind=Kind.PERSON,
        item_segment="researcher-urls",
        list_segment="researcher-urls",
        item_model=m.researcher_url.ResearcherUrl,
        summary_model=None,
        container_model=m.researcher_url.ResearcherUrls,
        container_attr="researcher_urls",
        write_scope=BIO_UPDATE,
        read_limited_scope=BIO_READ_LIMITED,
        grouping=Grouping.NONE,
        label="researcher url",
    ),
    Section(
        name="external-identifier",
        kind=Kind.PERSON,
        item_segment="external-identifiers",
        list_segment="external-identifiers",
        item_model=m.external_identifier.ExternalIdentifier,
        summary_model=None,
        container_model=m.external_identifier.ExternalIdentifiers,
        container_attr="external_identifiers",
        write_scope="/orcid-bio/external-identifiers/create",
        read_limited_scope=BIO_READ_LIMITED,
        grouping=Grouping.NONE,
        label="external identifier",
    ),
)

BY_NAME: dict[str, Section] = {section.name: section for section in SECTIONS}
BY_ITEM_SEGMENT: dict[str, Section] = {section.item_segment: section for section in SECTIONS}
BY_LIST_SEGMENT: dict[str, Section] = {section.list_segment: section for section in SECTIONS}
ACTIVITIES: tuple[Section, ...] = tuple(s for s in SECTIONS if s.kind is Kind.ACTIVITY)
PERSON_ITEMS: tuple[Section, ...] = tuple(s for s in SECTIONS if s.kind is Kind.PERSON)
AFFILIATION_NAMES: frozenset[str] = frozenset(s.name for s in SECTIONS if s.grouping is Grouping.AFFILIATIONS)
