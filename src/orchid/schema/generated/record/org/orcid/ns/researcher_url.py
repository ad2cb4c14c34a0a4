from __future__ import annotations

from dataclasses import dataclass, field

from orchid.schema.generated.record.org.orcid.ns.common import (
    ElementSummary,
    LastModifiedDate,
    Url,
)

__NAMESPACE__ = "http://www.orcid.org/ns/researcher-url"


@dataclass(slots=True, kw_only=True)
class ResearcherUrl(ElementSummary):
    class Meta:
        name = "researcher-url"
        namespace = "http://www.orcid.org/ns/researcher-url"

    url_name: None | str = field(
        default=None,
        metadata={
            "name": "url-name",
            "type": "Element",
            "max_length": 350,
            "pattern": r"[\s\S]*[^\s\n\r]+[\s\S]*",
        },
    )
    url: Url = field(
        metadata={
            "type": "Element",
        }
    )


@dataclass(slots=True, kw_only=True)
class ResearcherUrls:
    class Meta:
        name = "researcher-urls"
        namespace = "http://www.orcid.org/ns/researcher-url"

    last_modified_date: None | LastModifiedDate = field(
        default=None,
        metadata={
            "name": "last-modified-date",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )
    researcher_url: list[ResearcherUrl] = field(
        default_factory=list,
        metadata={
            "name": "researcher-url",
            "type": "Element",
        },
    )
    path: None | str = field(
        default=None,
        metadata={
            "type": "Attribute",
        },
    )
