from __future__ import annotations

from dataclasses import dataclass

from orchid.schema.generated.record.org.orcid.ns.common import (
    Affiliation,
    AffiliationSummary,
)

__NAMESPACE__ = "http://www.orcid.org/ns/service"


@dataclass(slots=True, kw_only=True)
class Service(Affiliation):
    class Meta:
        name = "service"
        namespace = "http://www.orcid.org/ns/service"


@dataclass(slots=True, kw_only=True)
class ServiceSummary(AffiliationSummary):
    class Meta:
        name = "service-summary"
        namespace = "http://www.orcid.org/ns/service"
