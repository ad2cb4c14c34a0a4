from __future__ import annotations

from dataclasses import dataclass, field

from orchid.schema.generated.record.org.orcid.ns.activities import ActivitiesSummary
from orchid.schema.generated.record.org.orcid.ns.common import OrcidIdentifier
from orchid.schema.generated.record.org.orcid.ns.history import History
from orchid.schema.generated.record.org.orcid.ns.person import Person
from orchid.schema.generated.record.org.orcid.ns.preferences import Preferences

__NAMESPACE__ = "http://www.orcid.org/ns/record"


@dataclass(slots=True, kw_only=True)
class Record:
    class Meta:
        name = "record"
        namespace = "http://www.orcid.org/ns/record"

    orcid_identifier: None | OrcidIdentifier = field(
        default=None,
        metadata={
            "name": "orcid-identifier",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )
    preferences: None | Preferences = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/preferences",
        },
    )
    history: None | History = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/history",
        },
    )
    person: None | Person = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/person",
        },
    )
    activities_summary: None | ActivitiesSummary = field(
        default=None,
        metadata={
            "name": "activities-summary",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/activities",
        },
    )
    path: None | str = field(
        default=None,
        metadata={
            "type": "Attribute",
        },
    )
