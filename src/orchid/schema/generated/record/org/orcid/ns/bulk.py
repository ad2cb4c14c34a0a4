from __future__ import annotations

from dataclasses import dataclass, field

from orchid.schema.generated.record.org.orcid.ns.error import Error
from orchid.schema.generated.record.org.orcid.ns.work import Work

__NAMESPACE__ = "http://www.orcid.org/ns/bulk"


@dataclass(slots=True, kw_only=True)
class Bulk:
    class Meta:
        name = "bulk"
        namespace = "http://www.orcid.org/ns/bulk"

    work: list[Work] = field(
        default_factory=list,
        metadata={
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/work",
            "sequence": 1,
        },
    )
    error: list[Error] = field(
        default_factory=list,
        metadata={
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/error",
            "sequence": 1,
        },
    )
