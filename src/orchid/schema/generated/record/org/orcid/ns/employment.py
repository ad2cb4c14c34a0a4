from __future__ import annotations

from dataclasses import dataclass

from orchid.schema.generated.record.org.orcid.ns.common import (
    Affiliation,
    AffiliationSummary,
)

__NAMESPACE__ = "http://www.orcid.org/ns/employment"


@dataclass(slots=True, kw_only=True)
class Employment(Affiliation):
    class Meta:
        name = "employment"
        namespace = "http://www.orcid.org/ns/employment"


@dataclass(slots=True, kw_only=True)
class EmploymentSummary(AffiliationSummary):
    class Meta:
        name = "employment-summary"
        namespace = "http://www.orcid.org/ns/employment"
