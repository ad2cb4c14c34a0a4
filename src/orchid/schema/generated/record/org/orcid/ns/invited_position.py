from __future__ import annotations

from dataclasses import dataclass

from orchid.schema.generated.record.org.orcid.ns.common import (
    Affiliation,
    AffiliationSummary,
)

__NAMESPACE__ = "http://www.orcid.org/ns/invited-position"


@dataclass(slots=True, kw_only=True)
class InvitedPosition(Affiliation):
    class Meta:
        name = "invited-position"
        namespace = "http://www.orcid.org/ns/invited-position"


@dataclass(slots=True, kw_only=True)
class InvitedPositionSummary(AffiliationSummary):
    class Meta:
        name = "invited-position-summary"
        namespace = "http://www.orcid.org/ns/invited-position"
