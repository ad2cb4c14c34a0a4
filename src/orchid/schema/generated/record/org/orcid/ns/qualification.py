from __future__ import annotations

from dataclasses import dataclass

from orchid.schema.generated.record.org.orcid.ns.common import (
    Affiliation,
    AffiliationSummary,
)

__NAMESPACE__ = "http://www.orcid.org/ns/qualification"


@dataclass(slots=True, kw_only=True)
class Qualification(Affiliation):
    class Meta:
        name = "qualification"
        namespace = "http://www.orcid.org/ns/qualification"


@dataclass(slots=True, kw_only=True)
class QualificationSummary(AffiliationSummary):
    class Meta:
        name = "qualification-summary"
        namespace = "http://www.orcid.org/ns/qualification"
