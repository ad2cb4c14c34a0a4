from __future__ import annotations

from dataclasses import dataclass, field

from orchid.schema.generated.record.org.orcid.ns.common import (
    ElementSummary,
    LastModifiedDate,
)

__NAMESPACE__ = "http://www.orcid.org/ns/other-name"


@dataclass(slots=True, kw_only=True)
class OtherName(ElementSummary):
    class Meta:
        name = "other-name"
        namespace = "http://www.orcid.org/ns/other-name"

    content: str = field(
        metadata={
            "type": "Element",
            "max_length": 255,
        }
    )


@dataclass(slots=True, kw_only=True)
class OtherNames:
    class Meta:
        name = "other-names"
        namespace = "http://www.orcid.org/ns/other-name"

    last_modified_date: None | LastModifiedDate = field(
        default=None,
        metadata={
            "name": "last-modified-date",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )
    other_name: list[OtherName] = field(
        default_factory=list,
        metadata={
            "name": "other-name",
            "type": "Element",
        },
    )
    path: None | str = field(
        default=None,
        metadata={
            "type": "Attribute",
        },
    )
