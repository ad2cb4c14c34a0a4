from __future__ import annotations

from dataclasses import dataclass, field

from orchid.schema.generated.record.org.orcid.ns.common import (
    ExternalId,
    LastModifiedDate,
)

__NAMESPACE__ = "http://www.orcid.org/ns/external-identifier"


@dataclass(slots=True, kw_only=True)
class ExternalIdentifier(ExternalId):
    class Meta:
        name = "external-identifier"
        namespace = "http://www.orcid.org/ns/external-identifier"


@dataclass(slots=True, kw_only=True)
class ExternalIdentifiers:
    class Meta:
        name = "external-identifiers"
        namespace = "http://www.orcid.org/ns/external-identifier"

    last_modified_date: None | LastModifiedDate = field(
        default=None,
        metadata={
            "name": "last-modified-date",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )
    external_identifier: list[ExternalId] = field(
        default_factory=list,
        metadata={
            "name": "external-identifier",
            "type": "Element",
        },
    )
    path: None | str = field(
        default=None,
        metadata={
            "type": "Attribute",
        },
    )
