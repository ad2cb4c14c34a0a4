"""One event for "this record changed", inside the change's transaction.

Every change to a record bumps its version (what cached renderings are keyed on, orchid.api.cache) and
its last-modified date, and announces itself with `record_changed` so that what is derived from the
record follows in the same transaction: the search index (a note its catch-up applies), the webhook
outbox, the researcher's notifications. Item writes go through `mark_changed` with a `Change` saying
what changed and who did it; changes to the researcher row itself through `Researcher.save`, which
sends the event with `change=None` (the whole record may have changed).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from django.db import connection
from django.dispatch import Signal

# Sent with `researcher_pk` and `change` (a Change, or None when the whole record may have changed).
record_changed = Signal()


class Action(StrEnum):
    CREATED = "CREATED"
    UPDATED = "UPDATED"
    DELETED = "DELETED"
    VISIBILITY = "VISIBILITY"


@dataclass(frozen=True)
class ChangedItem:
    put_code: int
    #: The item's title or name as the researcher would recognise it ("" when it has none).
    name: str = ""


@dataclass(frozen=True)
class Change:
    """What one write did: `section` is the Member API path segment (`work`, `email`, ...)."""

    action: Action
    section: str
    items: tuple[ChangedItem, ...] = ()
    #: Primary key of the OAuth client that made the change; None for the researcher or the registry.
    client_pk: int | None = None


def mark_changed(researcher_pk: int, change: Change | None = None) -> None:
    from orchid.records.models import Researcher, now_ms

    last_modified = Researcher._meta.get_field("last_modified").get_db_prep_value(now_ms(), connection)
    with connection.cursor() as cursor:
        # raw SQL: a hot path (orchid.core.raw), inside every record write
        cursor.execute(
            f"UPDATE {Researcher._meta.db_table} SET last_modified = %s, version = version + 1 WHERE id = %s",
            [last_modified, researcher_pk],
        )
    record_changed.send(sender=Researcher, researcher_pk=researcher_pk, change=change)
