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

    work_or_error: list[Work | Error] = field(
        default_factory=list,
        metadata={
            "type": "Elements",
            "choices": (
                {"name": "work", "type": Work, "namespace": "http://www.orcid.org/ns/work"},
                {"name": "error", "type": Error, "namespace": "http://www.orcid.org/ns/error"},
            ),
        },
    )
