from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from orchid.schema.generated.legacy.org.orcid.ns.common import (
    ArchivedDate,
    CreatedDate,
    ReadDate,
    SentDate,
    Source,
)
from orchid.schema.generated.custom.org.w3.xml.pkg_1998.namespace import LangValue

__NAMESPACE__ = "http://www.orcid.org/ns/notification"


class NotificationNotificationType(Enum):
    CUSTOM = "custom"


@dataclass(slots=True, kw_only=True)
class Notification:
    class Meta:
        name = "notification"
        namespace = "http://www.orcid.org/ns/notification"

    notification_type: NotificationNotificationType = field(
        metadata={
            "name": "notification-type",
            "type": "Element",
        }
    )
    subject: str = field(
        metadata={
            "type": "Element",
            "max_length": 200,
        }
    )
    body_text: str = field(
        metadata={
            "name": "body-text",
            "type": "Element",
        }
    )
    body_html: str = field(
        metadata={
            "name": "body-html",
            "type": "Element",
        }
    )
    created_date: None | CreatedDate = field(
        default=None,
        metadata={
            "name": "created-date",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )
    sent_date: SentDate = field(
        metadata={
            "name": "sent-date",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        }
    )
    read_date: None | ReadDate = field(
        default=None,
        metadata={
            "name": "read-date",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )
    archived_date: None | ArchivedDate = field(
        default=None,
        metadata={
            "name": "archived-date",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )
    source: None | Source = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )
    put_code: None | int = field(
        default=None,
        metadata={
            "name": "put-code",
            "type": "Attribute",
        },
    )
    lang: None | str | LangValue = field(
        default=None,
        metadata={
            "type": "Attribute",
            "namespace": "http://www.w3.org/XML/1998/namespace",
        },
    )
