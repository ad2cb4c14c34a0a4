from __future__ import annotations

from dataclasses import dataclass, field

from orchid.schema.generated.record.org.orcid.ns.common import (
    ElementSummary,
    EndDate,
    ExternalIds,
    Organization,
    StartDate,
    Title,
    TranslatedTitle,
    Url,
)

__NAMESPACE__ = "http://www.orcid.org/ns/research-resource"


@dataclass(slots=True, kw_only=True)
class Hosts:
    class Meta:
        name = "hosts"

    organization: list[Organization] = field(
        default_factory=list,
        metadata={
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
            "min_occurs": 1,
            "max_occurs": 10,
        },
    )


@dataclass(slots=True, kw_only=True)
class ResearchResourceTitle:
    class Meta:
        name = "research-resource-title"

    title: Title = field(
        metadata={
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        }
    )
    translated_title: None | TranslatedTitle = field(
        default=None,
        metadata={
            "name": "translated-title",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )


@dataclass(slots=True, kw_only=True)
class Proposal:
    class Meta:
        name = "proposal"

    title: ResearchResourceTitle = field(
        metadata={
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/research-resource",
        }
    )
    hosts: Hosts = field(
        metadata={
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/research-resource",
        }
    )
    external_ids: ExternalIds = field(
        metadata={
            "name": "external-ids",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        }
    )
    start_date: None | StartDate = field(
        default=None,
        metadata={
            "name": "start-date",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )
    end_date: None | EndDate = field(
        default=None,
        metadata={
            "name": "end-date",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )
    url: None | Url = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )


@dataclass(slots=True, kw_only=True)
class ResourceItem:
    class Meta:
        name = "resource-item"

    resource_name: str = field(
        metadata={
            "name": "resource-name",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/research-resource",
            "max_length": 1000,
            "pattern": r"[\s\S]*[^\s\n\r]+[\s\S]*",
        }
    )
    resource_type: str = field(
        metadata={
            "name": "resource-type",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/research-resource",
        }
    )
    hosts: Hosts = field(
        metadata={
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/research-resource",
        }
    )
    external_ids: ExternalIds = field(
        metadata={
            "name": "external-ids",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        }
    )
    url: None | Url = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )


@dataclass(slots=True, kw_only=True)
class ResearchResourceSummary(ElementSummary):
    class Meta:
        name = "research-resource-summary"
        namespace = "http://www.orcid.org/ns/research-resource"

    proposal: Proposal = field(
        metadata={
            "type": "Element",
        }
    )


@dataclass(slots=True, kw_only=True)
class ResourceItems:
    class Meta:
        name = "resource-items"

    resource_item: list[ResourceItem] = field(
        default_factory=list,
        metadata={
            "name": "resource-item",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/research-resource",
            "min_occurs": 1,
        },
    )


@dataclass(slots=True, kw_only=True)
class ResearchResource(ElementSummary):
    class Meta:
        name = "research-resource"
        namespace = "http://www.orcid.org/ns/research-resource"

    proposal: Proposal = field(
        metadata={
            "type": "Element",
        }
    )
    resource_items: ResourceItems = field(
        metadata={
            "name": "resource-items",
            "type": "Element",
        }
    )
