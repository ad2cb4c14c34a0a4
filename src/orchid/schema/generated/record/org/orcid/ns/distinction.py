from __future__ import annotations

from dataclasses import dataclass

from orchid.schema.generated.record.org.orcid.ns.common import (
    Affiliation,
    AffiliationSummary,
)

__NAMESPACE__ = "http://www.orcid.org/ns/distinction"


@dataclass(slots=True, kw_only=True)
class Distinction(Affiliation):
    class Meta:
        name = "distinction"
        namespace = "http://www.orcid.org/ns/distinction"


@dataclass(slots=True, kw_only=True)
class DistinctionSummary(AffiliationSummary):
    class Meta:
        name = "distinction-summary"
        namespace = "http://www.orcid.org/ns/distinction"
