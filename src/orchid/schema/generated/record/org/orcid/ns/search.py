from __future__ import annotations

from dataclasses import dataclass, field

from orchid.schema.generated.record.org.orcid.ns.common import OrcidIdentifier

__NAMESPACE__ = "http://www.orcid.org/ns/search"


@dataclass(slots=True, kw_only=True)
class Result:
    class Meta:
        name = "result"

    orcid_identifier: OrcidIdentifier = field(
        metadata={
            "name": "orcid-identifier",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        }
    )


@dataclass(slots=True, kw_only=True)
class Search:
    class Meta:
        name = "search"
        namespace = "http://www.orcid.org/ns/search"

    result: list[Result] = field(
        default_factory=list,
        metadata={
            "type": "Element",
        },
    )
    num_found: int = field(
        default=0,
        metadata={
            "name": "num-found",
            "type": "Attribute",
        },
    )
