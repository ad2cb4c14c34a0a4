from __future__ import annotations

from dataclasses import dataclass, field

from orchid.schema.generated.record.org.orcid.ns.common import (
    ElementSummary,
    LastModifiedDate,
)

__NAMESPACE__ = "http://www.orcid.org/ns/keyword"


@dataclass(slots=True, kw_only=True)
class Keyword(ElementSummary):
    class Meta:
        name = "keyword"
        namespace = "http://www.orcid.org/ns/keyword"

    content: str = field(
        metadata={
            "type": "Element",
            "max_length": 255,
        }
    )


@dataclass(slots=True, kw_only=True)
class Keywords:
    class Meta:
        name = "keywords"
        namespace = "http://www.orcid.org/ns/keyword"

    last_modified_date: None | LastModifiedDate = field(
        default=None,
        metadata={
            "name": "last-modified-date",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )
    keyword: list[Keyword] = field(
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
