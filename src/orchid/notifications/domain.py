"""The rules of a researcher's notifications, as plain Python (no database, no views).

Two kinds are made by Orchid (ORCID has more, listed in `NotificationType` for the record):

* **amended**: a member client changed the record (added, updated or deleted items). One
  notification per client and burst of changes: a change is merged into the researcher's newest
  amended notification when it comes from the same client, that notification is still unread and
  unarchived, it was started less than the grouping window ago, and the merged list stays within
  `MAX_ITEMS` (see `may_merge`).
* **permission**: a member client asks the researcher, through the Member API, to grant it access
  (`POST /v3.0/{orcid}/notification-permission`); it carries a subject, an intro, example items and
  the authorization URL the researcher follows.

Archiving through the API follows ORCID's `NotificationManagerImpl.flagAsArchived`: only the
client that posted the notification (else 9010), only while unread (else 9009).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any
from urllib.parse import urlsplit

from orchid.errors import OrcidError

#: How long changes by one client keep merging into one amended notification, unless
#: `ORCHID_NOTIFICATION_GROUP_SECONDS` says otherwise.
DEFAULT_GROUP_WINDOW = dt.timedelta(hours=1)
#: The most items one amended notification lists; a longer burst starts a new notification. Every merge
#: rewrites the whole list, so this bounds what one write costs (a CRIS pushing thousands of works to a
#: record would otherwise rewrite an ever longer list on each of them); the inbox shows 20 lines anyway.
MAX_ITEMS = 100
#: ORCID's `MAX_NOTIFICATIONS_AVAILABLE`: at most this many notifications are listed to a client.
MAX_LISTED = 1000
#: Where ORCID's authorization links go; a permission notification's button opens this page.
AUTHORIZE_PATH = "/oauth/authorize"

NOT_SOURCE = 9010
ALREADY_READ = 9009
NOT_FOUND = 9029
OPTED_OUT = 9032
INVALID_MESSAGE = 9020
WRONG_CLIENT = 9004


class NotificationType(StrEnum):
    """ORCID's notification types (`org.orcid.jaxb.model.v3.release.notification.NotificationType`).

    Orchid creates AMENDED and PERMISSION; the others are ORCID's own messages to researchers.
    """

    AMENDED = "AMENDED"
    PERMISSION = "PERMISSION"
    CUSTOM = "CUSTOM"
    INSTITUTIONAL_CONNECTION = "INSTITUTIONAL_CONNECTION"
    ADMINISTRATIVE = "ADMINISTRATIVE"
    SERVICE_ANNOUNCEMENT = "SERVICE_ANNOUNCEMENT"
    TIP = "TIP"


class ItemAction(StrEnum):
    """What happened to an item of an amended notification (ORCID's `ActionType` in past tense)."""

    CREATED = "CREATED"
    UPDATED = "UPDATED"
    DELETED = "DELETED"


@dataclass(frozen=True)
class AmendedItem:
    """One line of an amended notification: which item, what it is called, what happened to it."""

    put_code: int
    section: str  # orchid.records.sections name: work, funding, keyword, ...
    name: str
    action: ItemAction

    def to_json(self) -> dict[str, Any]:
        return {"put-code": self.put_code, "section": self.section, "name": self.name, "action": self.action}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> AmendedItem:
        return cls(
            int(data["put-code"]), str(data["section"]), str(data.get("name", "")), ItemAction(data["action"])
        )


_ACTIONS = frozenset(action.value for action in ItemAction)


def amended_items(action: str, section: str, changed: Iterable[tuple[int, str]]) -> list[AmendedItem]:
    """The items of a record change (`orchid.records.changes.Change`) as amended-notification lines.

    A visibility change is an update as far as the researcher's inbox is concerned.
    """
    kind = ItemAction(action) if action in _ACTIONS else ItemAction.UPDATED
    return [AmendedItem(put_code, section, name, kind) for put_code, name in changed]


def _absorbs(previous: ItemAction, new: ItemAction) -> bool:
    return previous is new or (previous is ItemAction.CREATED and new is ItemAction.UPDATED)


def merge_items(existing: Sequence[AmendedItem], new: Iterable[AmendedItem]) -> list[AmendedItem]:
    """`existing` followed by `new`, with repeated changes to one item collapsed.

    An item changed again keeps one line with its newest name: created-then-updated stays "created"
    (it is still new to the researcher), the same action twice is one line; a different action
    (updated, then deleted) is a line of its own, in order.
    """
    lines = merge_stored([item.to_json() for item in existing], new)
    return [AmendedItem.from_json(line) for line in lines]


def merge_stored(existing: Sequence[dict[str, Any]], new: Iterable[AmendedItem]) -> list[dict[str, Any]]:
    """`merge_items` on a notification's stored lines (`AmendedItem.to_json`), which a write merges
    into without decoding every line."""
    merged = list(existing)
    last_line = {(line["section"], int(line["put-code"])): index for index, line in enumerate(merged)}
    for item in new:
        key = (item.section, item.put_code)
        index = last_line.get(key)
        if index is not None:
            kept = ItemAction(merged[index]["action"])
            if _absorbs(kept, item.action):
                merged[index] = AmendedItem(item.put_code, item.section, item.name, kept).to_json()
                continue
        last_line[key] = len(merged)
        merged.append(item.to_json())
    return merged


@dataclass(frozen=True)
class NotificationState:
    """What the rules need to know of a stored notification."""

    notification_type: NotificationType
    client_pk: int | None
    created_at: dt.datetime
    read_at: dt.datetime | None = None
    archived_at: dt.datetime | None = None
    item_count: int = 0


def may_merge(
    newest: NotificationState | None,
    client_pk: int,
    now: dt.datetime,
    window: dt.timedelta,
    added_items: int,
) -> bool:
    """Whether a change by `client_pk` joins the researcher's newest notification (module docstring)."""
    return (
        newest is not None
        and newest.notification_type is NotificationType.AMENDED
        and newest.client_pk == client_pk
        and newest.read_at is None
        and newest.archived_at is None
        and now - newest.created_at < window
        and newest.item_count + added_items <= MAX_ITEMS
    )


def check_archivable(state: NotificationState, client_pk: int) -> None:
    """ORCID's archive rules for a client (DELETE notification-permission/{id}): 9010, then 9009."""
    if state.client_pk != client_pk:
        raise OrcidError(NOT_SOURCE, activity="notification")
    if state.read_at is not None:
        raise OrcidError(ALREADY_READ)


def check_readable(state: NotificationState, client_pk: int, client_id: str) -> None:
    """Only the client that posted a notification reads it (ORCID: an AccessControlException, 9004)."""
    if state.client_pk != client_pk:
        raise OrcidError(WRONG_CLIENT, f"This notification does not belong to {client_id}")


def check_permission_request(
    authorization_uri: str | None, authorization_path: str | None, item_count: int
) -> None:
    """What notification-permission-3.0.xsd requires and a JSON body may leave out (9020)."""
    if not (authorization_uri or "").strip() and not (authorization_path or "").strip():
        raise OrcidError(INVALID_MESSAGE, "authorization-url needs a uri or a path")
    if item_count < 1:
        raise OrcidError(INVALID_MESSAGE, "items must list at least one item")


def authorization_link(uri: str, path: str) -> str | None:
    """The link a permission notification's button opens in the Registry UI, or None for no button.

    A link to an authorization page (`/oauth/authorize?...`, as ORCID documents) becomes a link to
    this registry's own authorization page, whatever host the client wrote, so a notification made
    against production works in a sandbox and the other way round. Another http(s) URI is kept as
    the client wrote it; anything else (`javascript:`, ...) gets no button.
    """
    for candidate in (path, uri):
        parts = urlsplit(candidate.strip())
        if parts.path.startswith(AUTHORIZE_PATH) and (parts.scheme in ("", "http", "https")):
            return parts.path + (f"?{parts.query}" if parts.query else "")
    parts = urlsplit(uri.strip())
    if parts.scheme in ("http", "https") and parts.netloc:
        return uri.strip()
    return None
