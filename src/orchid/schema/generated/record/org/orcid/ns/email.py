from __future__ import annotations

from dataclasses import dataclass, field

from orchid.schema.generated.record.org.orcid.ns.common import (
    ElementSummary,
    LastModifiedDate,
)

__NAMESPACE__ = "http://www.orcid.org/ns/email"


@dataclass(slots=True, kw_only=True)
class Email(ElementSummary):
    class Meta:
        name = "email"
        namespace = "http://www.orcid.org/ns/email"

    email: str = field(
        metadata={
            "type": "Element",
            "max_length": 350,
            "pattern": r"[^@]+@[^\.]+\..+",
        }
    )
    verified: None | bool = field(
        default=None,
        metadata={
            "type": "Attribute",
        },
    )
    primary: None | bool = field(
        default=None,
        metadata={
            "type": "Attribute",
        },
    )


@dataclass(slots=True, kw_only=True)
class Emails:
    class Meta:
        name = "emails"
        namespace = "http://www.orcid.org/ns/email"

    last_modified_date: None | LastModifiedDate = field(
        default=None,
        metadata={
            "name": "last-modified-date",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )
    email: list[Email] = field(
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
