from __future__ import annotations

from dataclasses import dataclass, field

from orchid.schema.generated.legacy.org.orcid.ns.common import (
    LastModifiedDate,
    SourceType,
)
from orchid.schema.enums import GroupIdType as GroupIdRecordType

__NAMESPACE__ = "http://www.orcid.org/ns/group-id"


@dataclass(slots=True, kw_only=True)
class GroupIdRecord(SourceType):
    class Meta:
        name = "group-id-record"
        namespace = "http://www.orcid.org/ns/group-id"

    name: str = field(
        metadata={
            "type": "Element",
            "max_length": 1000,
            "pattern": r"[\s\S]*[^\s\n\r]+[\s\S]*",
        }
    )
    group_id: str = field(
        metadata={
            "name": "group-id",
            "type": "Element",
            "max_length": 1000,
            "pattern": r"(ringgold:|issn:|orcid-generated:|fundref:|publons:)([0-9a-zA-Z\^._~:/?#\[\]@!$&'()*+,;=-]){2,}",
        }
    )
    description: str = field(
        metadata={
            "type": "Element",
            "max_length": 1000,
            "pattern": r"[\s\S]*[^\s\n\r]+[\s\S]*",
        }
    )
    type_value: GroupIdRecordType = field(
        metadata={
            "name": "type",
            "type": "Element",
        }
    )
    put_code: None | int = field(
        default=None,
        metadata={
            "name": "put-code",
            "type": "Attribute",
        },
    )


@dataclass(slots=True, kw_only=True)
class GroupIdRecords:
    class Meta:
        name = "group-id-records"
        namespace = "http://www.orcid.org/ns/group-id"

    last_modified_date: None | LastModifiedDate = field(
        default=None,
        metadata={
            "name": "last-modified-date",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )
    total: int = field(
        metadata={
            "type": "Element",
        }
    )
    page: int = field(
        metadata={
            "type": "Element",
        }
    )
    page_size: int = field(
        metadata={
            "name": "page-size",
            "type": "Element",
        }
    )
    group_id_record: list[GroupIdRecord] = field(
        default_factory=list,
        metadata={
            "name": "group-id-record",
            "type": "Element",
        },
    )
