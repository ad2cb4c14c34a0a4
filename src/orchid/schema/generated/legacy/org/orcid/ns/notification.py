from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from xsdata.models.datatype import XmlDateTime

from orchid.schema.generated.legacy.org.orcid.ns.common import (
    ArchivedDate,
    CreatedDate,
    ExternalId,
    ReadDate,
    SentDate,
    Source,
)
from orchid.schema.enums import NotificationItemType as ActivityType

__NAMESPACE__ = "http://www.orcid.org/ns/notification"


@dataclass(slots=True, kw_only=True)
class ActionedDate:
    class Meta:
        name = "actioned-date"

    value: XmlDateTime = field()


@dataclass(slots=True, kw_only=True)
class AuthorizationUrl:
    class Meta:
        name = "authorization-url"

    uri: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/notification",
        },
    )
    path: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/notification",
        },
    )
    host: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/notification",
        },
    )


@dataclass(slots=True, kw_only=True)
class NotificationIntro:
    class Meta:
        name = "notification-intro"
        namespace = "http://www.orcid.org/ns/notification"

    value: str = field(
        default="",
        metadata={
            "max_length": 1000,
        },
    )


@dataclass(slots=True, kw_only=True)
class NotificationSubject:
    class Meta:
        name = "notification-subject"
        namespace = "http://www.orcid.org/ns/notification"

    value: str = field(default="")


class NotificationType(Enum):
    PERMISSION = "permission"


@dataclass(slots=True, kw_only=True)
class Item:
    class Meta:
        name = "item"

    item_type: ActivityType = field(
        metadata={
            "name": "item-type",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/notification",
        }
    )
    item_name: str = field(
        metadata={
            "name": "item-name",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/notification",
            "max_length": 1000,
        }
    )
    external_id: None | ExternalId = field(
        default=None,
        metadata={
            "name": "external-id",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )


@dataclass(slots=True, kw_only=True)
class Items:
    class Meta:
        name = "items"

    item: list[Item] = field(
        default_factory=list,
        metadata={
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/notification",
            "min_occurs": 1,
        },
    )


@dataclass(slots=True, kw_only=True)
class Notification:
    class Meta:
        name = "notification"
        namespace = "http://www.orcid.org/ns/notification"

    notification_type: NotificationType = field(
        metadata={
            "name": "notification-type",
            "type": "Element",
        }
    )
    authorization_url: AuthorizationUrl = field(
        metadata={
            "name": "authorization-url",
            "type": "Element",
        }
    )
    notification_subject: NotificationSubject = field(
        metadata={
            "name": "notification-subject",
            "type": "Element",
        }
    )
    notification_intro: NotificationIntro = field(
        metadata={
            "name": "notification-intro",
            "type": "Element",
        }
    )
    items: Items = field(
        metadata={
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
    sent_date: None | SentDate = field(
        default=None,
        metadata={
            "name": "sent-date",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )
    read_date: None | ReadDate = field(
        default=None,
        metadata={
            "name": "read-date",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )
    actioned_date: None | ActionedDate = field(
        default=None,
        metadata={
            "name": "actioned-date",
            "type": "Element",
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


@dataclass(slots=True, kw_only=True)
class Notifications:
    class Meta:
        name = "notifications"
        namespace = "http://www.orcid.org/ns/notification"

    notification: list[Notification] = field(
        default_factory=list,
        metadata={
            "type": "Element",
        },
    )
