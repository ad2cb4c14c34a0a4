from __future__ import annotations

from dataclasses import dataclass, field

from orchid.schema.generated.record.org.orcid.ns.address import Addresses
from orchid.schema.generated.record.org.orcid.ns.common import LastModifiedDate
from orchid.schema.generated.record.org.orcid.ns.email import Emails
from orchid.schema.generated.record.org.orcid.ns.external_identifier import ExternalIdentifiers
from orchid.schema.generated.record.org.orcid.ns.keyword import Keywords
from orchid.schema.generated.record.org.orcid.ns.other_name import OtherNames
from orchid.schema.generated.record.org.orcid.ns.personal_details import (
    Biography,
    Name,
)
from orchid.schema.generated.record.org.orcid.ns.researcher_url import ResearcherUrls

__NAMESPACE__ = "http://www.orcid.org/ns/person"


@dataclass(slots=True, kw_only=True)
class Person:
    class Meta:
        name = "person"
        namespace = "http://www.orcid.org/ns/person"

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
    researcher_urls: None | ResearcherUrls = field(
        default=None,
        metadata={
            "name": "researcher-urls",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/researcher-url",
        },
    )
    emails: Emails = field(
        metadata={
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/email",
        }
    )
    addresses: None | Addresses = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/address",
        },
    )
    keywords: None | Keywords = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/keyword",
        },
    )
    external_identifiers: None | ExternalIdentifiers = field(
        default=None,
        metadata={
            "name": "external-identifiers",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/external-identifier",
        },
    )
    path: None | str = field(
        default=None,
        metadata={
            "type": "Attribute",
        },
    )
