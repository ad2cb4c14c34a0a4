from __future__ import annotations

from dataclasses import dataclass, field

from orchid.schema.generated.record.org.orcid.ns.common import (
    ElementSummary,
    LastModifiedDate,
)

__NAMESPACE__ = "http://www.orcid.org/ns/address"


@dataclass(slots=True, kw_only=True)
class Address(ElementSummary):
    class Meta:
        name = "address"
        namespace = "http://www.orcid.org/ns/address"

    country: str = field(
        metadata={
            "type": "Element",
        }
    )


@dataclass(slots=True, kw_only=True)
class Addresses:
    class Meta:
        name = "addresses"
        namespace = "http://www.orcid.org/ns/address"

    last_modified_date: None | LastModifiedDate = field(
        default=None,
        metadata={
            "name": "last-modified-date",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )
    address: list[Address] = field(
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
