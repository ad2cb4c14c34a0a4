from __future__ import annotations

from dataclasses import dataclass

from orchid.schema.generated.record.org.orcid.ns.common import (
    Affiliation,
    AffiliationSummary,
)

__NAMESPACE__ = "http://www.orcid.org/ns/education"


@dataclass(slots=True, kw_only=True)
class Education(Affiliation):
    class Meta:
        name = "education"
        namespace = "http://www.orcid.org/ns/education"


@dataclass(slots=True, kw_only=True)
class EducationSummary(AffiliationSummary):
    class Meta:
        name = "education-summary"
        namespace = "http://www.orcid.org/ns/education"
