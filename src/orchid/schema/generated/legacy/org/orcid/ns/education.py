from __future__ import annotations

from dataclasses import dataclass, field

from orchid.schema.generated.legacy.org.orcid.ns.common import (
    ElementSummary,
    EndDate,
    Organization,
    StartDate,
)

__NAMESPACE__ = "http://www.orcid.org/ns/education"


@dataclass(slots=True, kw_only=True)
class Education(ElementSummary):
    class Meta:
        name = "education"
        namespace = "http://www.orcid.org/ns/education"

    department_name: None | str = field(
        default=None,
        metadata={
            "name": "department-name",
            "type": "Element",
            "max_length": 4000,
            "pattern": r"[\s\S]*[^\s\n\r]+[\s\S]*",
        },
    )
    role_title: None | str = field(
        default=None,
        metadata={
            "name": "role-title",
            "type": "Element",
            "max_length": 4000,
            "pattern": r"[\s\S]*[^\s\n\r]+[\s\S]*",
        },
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
    organization: Organization = field(
        metadata={
            "type": "Element",
        }
    )


@dataclass(slots=True, kw_only=True)
class EducationSummary(ElementSummary):
    class Meta:
        name = "education-summary"
        namespace = "http://www.orcid.org/ns/education"

    department_name: None | str = field(
        default=None,
        metadata={
            "name": "department-name",
            "type": "Element",
            "max_length": 4000,
            "pattern": r"[\s\S]*[^\s\n\r]+[\s\S]*",
        },
    )
    role_title: None | str = field(
        default=None,
        metadata={
            "name": "role-title",
            "type": "Element",
            "max_length": 4000,
            "pattern": r"[\s\S]*[^\s\n\r]+[\s\S]*",
        },
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
    organization: Organization = field(
        metadata={
            "type": "Element",
        }
    )
