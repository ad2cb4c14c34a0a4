"""Writing messages: `enqueue`, inside the caller's transaction.

The models are imported inside the functions: `orchid.outbox` (which re-exports these) is imported while
Django loads its apps, before models may be.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from functools import cache
from typing import Any

from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone


def enqueue(
    kind: str,
    key: str,
    payload: dict[str, Any],
    *,
    not_before: datetime | None = None,
    coalesce: bool = True,
    max_wait: timedelta | None = None,
) -> int:
    """Store a message of `kind` about `key`, due at `not_before` (default: now).

    Call it inside the transaction of the change that causes it: the message then exists exactly
    when the change does. With `coalesce`, a pending message of the same (kind, key) that no worker
    has claimed yet absorbs this one: it takes the new payload and keeps its own due time, so any
    number of changes before that time become one performance. (Concurrent enqueues of one key may
    both insert; changes to one record are serialized by its row, and a duplicate costs one extra
    performance at worst.) Returns the primary key of the message that will carry it.

    With `max_wait` too, the absorbing message is also put off to `not_before` (a debounce: it falls
    due once its key has been quiet that long), but never past `max_wait` after it was first enqueued.
    """
    from orchid.outbox.models import Message

    due = not_before or timezone.now()
    # No savepoint: nothing here is caught and carried on from, so the caller's transaction (every
    # record write sends one through record_changed) is all the atomicity needed; alone, it is one.
    with transaction.atomic(savepoint=False):
        if coalesce:
            absorbed = _absorb(kind, key, payload, due, max_wait)
            if absorbed is not None:
                return absorbed
        return int(Message.objects.create(kind=kind, key=key, payload=payload, due_at=due).pk)


@cache
def _absorb_sql(postpone: bool) -> str:
    from orchid.outbox.models import Message

    table, key = Message._meta.db_table, connection.ops.quote_name("key")
    # Postponed only while the message is younger than the cutoff (`due` - max_wait); an older one
    # keeps its due time, which an earlier postponement already kept within max_wait of its creation.
    due_at = ", due_at = CASE WHEN created_at >= %s THEN %s ELSE due_at END" if postpone else ""
    # Conditional twice over: the oldest unclaimed message of (kind, key), and still unclaimed when
    # updated (a worker may claim it meanwhile on PostgreSQL). Raw SQL: a hot path (orchid.core.raw),
    # inside every record write.
    return (
        f"UPDATE {table} SET payload = %s{due_at} WHERE lease_until IS NULL AND id = ("
        f"SELECT id FROM {table} WHERE kind = %s AND {key} = %s AND state = %s AND lease_until IS NULL "
        "ORDER BY due_at LIMIT 1) RETURNING id"
    )


def _absorb(
    kind: str, key: str, payload: dict[str, Any], due: datetime, max_wait: timedelta | None
) -> int | None:
    """The pk of the unclaimed message of (kind, key) that took `payload`, or None when there is none."""
    from orchid.outbox.models import Message, State

    stored = Message._meta.get_field("payload").get_db_prep_value(payload, connection)
    params: list[Any] = [stored]
    if max_wait is not None:
        adapt = connection.ops.adapt_datetimefield_value
        params += [adapt(due - max_wait), adapt(due)]
    with connection.cursor() as cursor:
        cursor.execute(_absorb_sql(max_wait is not None), [*params, kind, key, State.PENDING.value])
        row = cursor.fetchone()
    return None if row is None else int(row[0])


def discard(kind: str, key: str) -> int:
    """Delete the messages of (kind, key) no worker has claimed (e.g. the subject is gone); returns how many.

    A message being performed right now is left alone: its handler must cope with the subject's absence.
    """
    from orchid.outbox.models import Message, State

    deleted, _ = Message.objects.filter(
        kind=kind, key=key, state=State.PENDING, lease_until__isnull=True
    ).delete()
    return int(deleted)


def enqueue_many(
    kind: str, payloads: Mapping[str, dict[str, Any]], *, not_before: datetime | None = None
) -> None:
    """`enqueue` (coalescing) for many keys of one kind in a few statements, whatever their number.

    Unclaimed messages of these keys are first locked by a conditional UPDATE (so that no worker can
    claim one between our decision and our commit), then those still unclaimed absorb the new payloads
    and the other keys get new messages in one INSERT.
    """
    from orchid.outbox.models import Message, State

    if not payloads:
        return
    due = not_before or timezone.now()
    with transaction.atomic(savepoint=False):  # as in `enqueue`
        waiting = Message.objects.filter(
            kind=kind, key__in=list(payloads), state=State.PENDING, lease_until__isnull=True
        )
        pks = list(waiting.values_list("pk", flat=True))
        absorbed: dict[str, tuple[int, Any]] = {}
        if pks:
            Message.objects.filter(pk__in=pks, lease_until__isnull=True).update(payload=F("payload"))
            for pk, key, payload in Message.objects.filter(pk__in=pks, lease_until__isnull=True).values_list(
                "pk", "key", "payload"
            ):
                absorbed.setdefault(key, (pk, payload))
        for key, (pk, payload) in absorbed.items():
            if payload != payloads[key]:
                Message.objects.filter(pk=pk).update(payload=payloads[key])
        Message.objects.bulk_create(
            Message(kind=kind, key=key, payload=payload, due_at=due)
            for key, payload in payloads.items()
            if key not in absorbed
        )
