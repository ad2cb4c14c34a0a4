from __future__ import annotations

from dataclasses import dataclass, field

__NAMESPACE__ = "http://www.orcid.org/ns/client"


@dataclass(slots=True, kw_only=True)
class Client:
    class Meta:
        name = "client"
        namespace = "http://www.orcid.org/ns/client"

    name: str = field(
        metadata={
            "type": "Element",
            "max_length": 255,
        }
    )
    description: str = field(
        metadata={
            "type": "Element",
        }
    )
