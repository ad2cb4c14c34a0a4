from __future__ import annotations

from dataclasses import dataclass

from orchid.schema.generated.record.org.orcid.ns.common import (
    Affiliation,
    AffiliationSummary,
)

__NAMESPACE__ = "http://www.orcid.org/ns/membership"


@dataclass(slots=True, kw_only=True)
class Membership(Affiliation):
    class Meta:
        name = "membership"
        namespace = "http://www.orcid.org/ns/membership"


@dataclass(slots=True, kw_only=True)
class MembershipSummary(AffiliationSummary):
    class Meta:
        name = "membership-summary"
        namespace = "http://www.orcid.org/ns/membership"
