"""The Solr fields a search may name (spec §7): one allow-list, the single source of truth.

Each field says what it holds and how it is matched: ``TEXT`` fields are folded to lower-case,
diacritic-free tokens (``orchid.search.text.tokens``) and matched as terms, phrases and wildcards;
``DATE`` fields are matched by ranges; ``ALL`` is Solr's catch-all ``text`` (every indexed value).
The identifier-type family (``doi``, ``doi-self``, ``doi-part-of``, ``doi-version-of``, ...) is made
from ORCID's identifier types. Anything not in this table is refused with 400 (never passed on).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Final

from orchid.identifiers import IDENTIFIER_TYPES


class Kind(enum.Enum):
    TEXT = "text"
    DATE = "date"
    ALL = "all"


@dataclass(frozen=True)
class Field:
    name: str
    kind: Kind
    holds: str


def _text(name: str, holds: str) -> Field:
    return Field(name, Kind.TEXT, holds)


_FIXED: Final[tuple[Field, ...]] = (
    Field("text", Kind.ALL, "every indexed value of the record"),
    _text("orcid", "the ORCID iD"),
    _text("given-names", "given names"),
    _text("family-name", "family name"),
    _text("given-and-family-names", "given names and family name together"),
    _text("credit-name", "published (credit) name"),
    _text("other-names", "each other name"),
    _text("email", "public e-mail addresses only"),
    _text("keyword", "each keyword"),
    _text("biography", "biography"),
    _text("external-id-reference", "value of each person external identifier"),
    _text("external-id-type-and-value", "`type=value` of each person external identifier"),
    _text("external-id-source", "source name of each person external identifier"),
    _text("affiliation-org-name", "organization name of every affiliation"),
    _text("current-institution-affiliation-name", "organization of affiliations without an end date"),
    _text("past-institution-affiliation-name", "organization of affiliations with an end date"),
    _text("ringgold-org-id", "Ringgold id of affiliation and funding organizations"),
    _text("grid-org-id", "GRID id of affiliation and funding organizations"),
    _text("ror-org-id", "ROR id of affiliation and funding organizations"),
    _text("fundref-org-id", "FundRef (Crossref Funder) id of affiliation and funding organizations"),
    _text("funding-titles", "title of each funding"),
    _text("funding-org-name", "organization name of each funding"),
    _text("grant-numbers", "grant numbers (grant_number external ids) of fundings"),
    _text("work-titles", "title, subtitle and translated title of each work"),
    _text("digital-object-ids", "every DOI of the record's works"),
    _text("peer-review-type", "review type of each peer review"),
    _text("peer-review-role", "reviewer role of each peer review"),
    _text("peer-review-group-id", "group id of each peer review"),
    _text("peer-review-org-name", "convening organization of each peer review"),
    _text("research-resource-proposal-title", "proposal title of each research resource"),
    # Not in the v3.0 summary that the index is built from; accepted, never matches (orchid.search.extract).
    _text("research-resource-item-name", "item names of research resources (not indexed)"),
    Field("profile-submission-date", Kind.DATE, "when the record was created"),
    Field("profile-last-modified-date", Kind.DATE, "when the record last changed"),
)

RELATIONSHIPS: Final[dict[str, str]] = {"self": "-self", "part-of": "-part-of", "version-of": "-version-of"}


def _identifier_family() -> tuple[Field, ...]:
    family: list[Field] = []
    for id_type in IDENTIFIER_TYPES:
        family.append(_text(id_type.name, f"{id_type.name} identifiers of activities (any relationship)"))
        for relationship, suffix in RELATIONSHIPS.items():
            family.append(
                _text(id_type.name + suffix, f"{id_type.name} identifiers with relationship {relationship}")
            )
    return tuple(family)


#: Every searchable field by name.
FIELDS: Final[dict[str, Field]] = {f.name: f for f in (*_FIXED, *_identifier_family())}

DEFAULT_FIELD: Final = "text"  # Solr's `df` at ORCID

#: `/csv-search` columns allowed in `fl`, and the default (all, in this order).
CSV_FIELDS: Final[tuple[str, ...]] = (
    "orcid",
    "email",
    "given-names",
    "family-name",
    "given-and-family-names",
    "current-institution-affiliation-name",
    "past-institution-affiliation-name",
    "credit-name",
    "other-names",
)

#: Date fields and the search_document column each is stored in.
DATE_COLUMNS: Final[dict[str, str]] = {
    "profile-submission-date": "submitted",
    "profile-last-modified-date": "modified",
}

#: `sort` keys and their columns.
SORT_COLUMNS: Final[dict[str, str]] = {
    **DATE_COLUMNS,
    "orcid": "orcid",
    "score": "researcher_id",  # no relevance ranking: creation order (orchid.search.service)
}


def lookup(name: str) -> Field | None:
    return FIELDS.get(name)
