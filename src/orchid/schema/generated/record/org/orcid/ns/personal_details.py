from __future__ import annotations

from dataclasses import dataclass, field

from orchid.schema.generated.record.org.orcid.ns.common import (
    CreatedDate,
    LastModifiedDate,
    Visibility,
)
from orchid.schema.generated.record.org.orcid.ns.common import (
    CreditName as CommonCreditName,
)
from orchid.schema.generated.record.org.orcid.ns.other_name import OtherNames

__NAMESPACE__ = "http://www.orcid.org/ns/personal-details"


@dataclass(slots=True, kw_only=True)
class Biography:
    class Meta:
        name = "biography"
        namespace = "http://www.orcid.org/ns/personal-details"

    created_date: None | CreatedDate = field(
        default=None,
        metadata={
            "name": "created-date",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )
    last_modified_date: None | LastModifiedDate = field(
        default=None,
        metadata={
            "name": "last-modified-date",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )
    content: str = field(
        metadata={
            "type": "Element",
            "pattern": r"[\s\S]*[^\s\n\r]+[\s\S]*",
        }
    )
    visibility: None | Visibility = field(
        default=None,
        metadata={
            "type": "Attribute",
        },
    )
    path: None | str = field(
        default=None,
        metadata={
            "type": "Attribute",
        },
    )


@dataclass(slots=True, kw_only=True)
class CreditName(CommonCreditName):
    class Meta:
        name = "credit-name"
        namespace = "http://www.orcid.org/ns/personal-details"


@dataclass(slots=True, kw_only=True)
class Name:
    class Meta:
        name = "name"
        namespace = "http://www.orcid.org/ns/personal-details"

    created_date: None | CreatedDate = field(
        default=None,
        metadata={
            "name": "created-date",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )
    last_modified_date: None | LastModifiedDate = field(
        default=None,
        metadata={
            "name": "last-modified-date",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )
    given_names: None | str = field(
        default=None,
        metadata={
            "name": "given-names",
            "type": "Element",
            "max_length": 150,
            "pattern": r"[\s\S]*[^\s\n\r]+[\s\S]*",
        },
    )
    family_name: None | str = field(
        default=None,
        metadata={
            "name": "family-name",
            "type": "Element",
            "max_length": 150,
            "pattern": r"[\s\S]*[^\s\n\r]+[\s\S]*",
        },
    )
    credit_name: None | CreditName = field(
        default=None,
        metadata={
            "name": "credit-name",
            "type": "Element",
        },
    )
    visibility: None | Visibility = field(
        default=None,
        metadata={
            "type": "Attribute",
        },
    )
    path: None | str = field(
        default=None,
        metadata={
            "type": "Attribute",
        },
    )


@dataclass(slots=True, kw_only=True)
class PersonalDetails:
    class Meta:
        name = "personal-details"
        namespace = "http://www.orcid.org/ns/personal-details"

    last_modified_date: None | LastModifiedDate = field(
        default=None,
        metadata={
            "name": "last-modified-date",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )
    name: None | Name = field(
        default=None,
        metadata={
            "type": "Element",
        },
    )
    other_names: None | OtherNames = field(
        default=None,
        metadata={
            "name": "other-names",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/other-name",
        },
    )
    biography: None | Biography = field(
        default=None,
        metadata={
            "type": "Element",
        },
    )
    path: None | str = field(
        default=None,
        metadata={
            "type": "Attribute",
        },
    )
