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
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import urlsplit

from orchid.errors import OrcidError

#: How long changes by one client keep merging into one amended notification, unless
#: `ORCHID_NOTIFICATION_GROUP_SECONDS` says otherwise.
DEFAULT_GROUP_WINDOW = dt.timedelta(hours=1)
#: The most items one amended notification lists; a longer burst starts a new notification (a CRIS pushing
#: thousands of works makes several notifications, not one the inbox could not show).
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


_ACTIONS = frozenset(action.value for action in ItemAction)


def amended_items(action: str, section: str, changed: Iterable[tuple[int, str]]) -> list[AmendedItem]:
    """The items of a record change (`orchid.records.changes.Change`) as amended-notification lines.

    A visibility change is an update as far as the researcher's inbox is concerned.
    """
    kind = ItemAction(action) if action in _ACTIONS else ItemAction.UPDATED
    return [AmendedItem(put_code, section, name, kind) for put_code, name in changed]


def _absorbs(previous: ItemAction, new: ItemAction) -> bool:
    return previous is new or (previous is ItemAction.CREATED and new is ItemAction.UPDATED)


@dataclass(frozen=True)
class MergePlan:
    """How changes join an amended notification's lines: existing lines renamed in place (by line id)
    and lines appended, in order."""

    renamed: dict[int, str]
    appended: list[AmendedItem]


def plan_merge(
    last_lines: Mapping[tuple[str, int], tuple[int, ItemAction]], new: Iterable[AmendedItem]
) -> MergePlan:
    """`new` merged into lines whose last line per (section, put code) is `last_lines` (its id and action).

    An item changed again keeps one line with its newest name: created-then-updated stays "created"
    (it is still new to the researcher), the same action twice is one line; a different action
    (updated, then deleted) is a line of its own, in order.
    """
    renamed: dict[int, str] = {}
    appended: list[AmendedItem] = []
    # where each item's last line is now: ("line", id, action) or ("appended", index, action)
    last: dict[tuple[str, int], tuple[str, int, ItemAction]] = {
        key: ("line", line_id, action) for key, (line_id, action) in last_lines.items()
    }
    for item in new:
        key = (item.section, item.put_code)
        found = last.get(key)
        if found is not None and _absorbs(found[2], item.action):
            where, position, kept = found
            if where == "line":
                renamed[position] = item.name
            else:
                appended[position] = AmendedItem(item.put_code, item.section, item.name, kept)
            continue
        last[key] = ("appended", len(appended), item.action)
        appended.append(item)
    return MergePlan(renamed, appended)


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
