from __future__ import annotations

from dataclasses import dataclass, field

__NAMESPACE__ = "http://www.orcid.org/ns/preferences"


@dataclass(slots=True, kw_only=True)
class Preferences:
    class Meta:
        name = "preferences"
        namespace = "http://www.orcid.org/ns/preferences"

    locale: str = field(
        metadata={
            "type": "Element",
            "pattern": r"[a-zA-Z]{1,8}((-|_)[a-zA-Z0-9]{1,8})*",
        }
    )
