from __future__ import annotations

from dataclasses import dataclass, field

from xsdata.models.datatype import XmlDateTime

from orchid.schema.generated.record.org.orcid.ns.common import (
    LastModifiedDate,
    Source,
    Visibility,
)
from orchid.schema.enums import CreationMethod

__NAMESPACE__ = "http://www.orcid.org/ns/history"


@dataclass(slots=True, kw_only=True)
class Claimed:
    class Meta:
        name = "claimed"

    value: bool = field()


@dataclass(slots=True, kw_only=True)
class CompletionDate:
    class Meta:
        name = "completion-date"

    value: XmlDateTime = field()


@dataclass(slots=True, kw_only=True)
class DeactivationDate:
    class Meta:
        name = "deactivation-date"

    value: XmlDateTime = field()


@dataclass(slots=True, kw_only=True)
class SourceDate:
    class Meta:
        name = "source-date"

    value: XmlDateTime = field()


@dataclass(slots=True, kw_only=True)
class SourceReference:
    class Meta:
        name = "source-reference"

    value: str = field(default="")


@dataclass(slots=True, kw_only=True)
class SubmissionDate:
    class Meta:
        name = "submission-date"

    value: XmlDateTime = field()


@dataclass(slots=True, kw_only=True)
class History:
    class Meta:
        name = "history"
        namespace = "http://www.orcid.org/ns/history"

    creation_method: None | CreationMethod = field(
        default=None,
        metadata={
            "name": "creation-method",
            "type": "Element",
        },
    )
    completion_date: None | CompletionDate = field(
        default=None,
        metadata={
            "name": "completion-date",
            "type": "Element",
        },
    )
    submission_date: None | SubmissionDate = field(
        default=None,
        metadata={
            "name": "submission-date",
            "type": "Element",
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
    claimed: None | Claimed = field(
        default=None,
        metadata={
            "type": "Element",
        },
    )
    source: None | Source = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )
    deactivation_date: None | DeactivationDate = field(
        default=None,
        metadata={
            "name": "deactivation-date",
            "type": "Element",
        },
    )
    verified_email: bool = field(
        metadata={
            "name": "verified-email",
            "type": "Element",
        }
    )
    verified_primary_email: bool = field(
        metadata={
            "name": "verified-primary-email",
            "type": "Element",
        }
    )
    visibility: None | Visibility = field(
        default=None,
        metadata={
            "type": "Attribute",
        },
    )
