"""The worker: claim due messages under a lease, perform them, delete or reschedule them.

Claiming is the only step that needs care with several workers. On PostgreSQL a worker selects due
rows `FOR UPDATE SKIP LOCKED` (two workers never wait for, nor take, the same rows) and stamps them
with its lease. SQLite has one writer at a time (Orchid's transactions take the write lock at BEGIN),
so there the same read and a conditional UPDATE of the lease columns, which re-checks "due and not
leased", make the claim; only the rows stamped with this claim's token are returned.

A claim stamps `lease_token` (which claim may complete the message), `lease_until` and counts the
attempt. Completion is conditional on the token: a worker whose lease ran out and was taken over
cannot delete or reschedule a message another worker now holds. A worker that dies holding messages
leaves them leased until `lease_until`; then they are due again (at-least-once delivery).
"""

from __future__ import annotations

import logging
import os
import queue
import sys
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from django.db import DatabaseError, close_old_connections, connection, connections, transaction
from django.db.models import F, Q
from django.utils import timezone

from orchid.core.sqlite import base as sqlite_base
from orchid.outbox import settings as outbox_settings
from orchid.outbox.models import Message, State
from orchid.outbox.registry import Handler, chores, handler_for

logger = logging.getLogger("orchid.outbox")

#: How long a worker waits after the database failed it (not migrated yet, restarting, ...).
_DATABASE_RETRY_SECONDS = 5.0


@dataclass
class Totals:
    """What a worker did: performed messages, failed attempts (to be retried) and given-up messages."""

    delivered: int = 0
    failed: int = 0
    dead: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def count(self, outcome: str) -> None:
        with self._lock:
            setattr(self, outcome, getattr(self, outcome) + 1)

    def as_dict(self) -> dict[str, int]:
        return {"delivered": self.delivered, "failed": self.failed, "dead": self.dead}


def _due(now: object) -> Q:
    return Q(state=State.PENDING, due_at__lte=now) & (Q(lease_until__isnull=True) | Q(lease_until__lte=now))


def claim(limit: int, lease_seconds: float | None = None) -> list[Message]:
    """Lease up to `limit` due messages, oldest due first; [] when none is due."""
    now = timezone.now()
    if not Message.objects.filter(_due(now)).exists():
        return []  # a read: an idle worker never takes SQLite's write lock
    lease = timedelta(seconds=outbox_settings.lease_seconds() if lease_seconds is None else lease_seconds)
    token = uuid.uuid4().hex
    stamp = {"lease_token": token, "lease_until": now + lease, "attempts": F("attempts") + 1}
    with transaction.atomic():
        candidates = Message.objects.filter(_due(now)).order_by("due_at", "pk")
        if connection.features.has_select_for_update_skip_locked:
            candidates = candidates.select_for_update(skip_locked=True)
        # SQLite: this transaction began with the write lock (BEGIN IMMEDIATE), so nobody can claim
        # between this read and the UPDATE below; the UPDATE re-checks "due" all the same.
        pks = list(candidates.values_list("pk", flat=True)[:limit])
        if not pks:
            return []
        Message.objects.filter(_due(now), pk__in=pks).update(**stamp)
    return list(Message.objects.filter(pk__in=pks, lease_token=token).order_by("due_at", "pk"))


# The worker's writes run in transactions even when alone: on SQLite, that is what queues them behind
# the requests' writes instead of making those wait in SQLite's busy handler (orchid.core.sqlite.base).


def _release(message: Message, **changes: object) -> int:
    with transaction.atomic():
        return Message.objects.filter(pk=message.pk, lease_token=message.lease_token).update(
            lease_token="", lease_until=None, **changes
        )


def perform(message: Message, totals: Totals | None = None) -> str:
    """Run the handler of one claimed message and record the outcome: delivered, failed or dead."""
    totals = totals if totals is not None else Totals()
    registered: Handler | None = handler_for(message.kind)
    try:
        if registered is None:
            raise LookupError(f"no outbox handler for kind {message.kind!r} in this process")
        registered.perform(message.payload)
    except Exception as error:
        outcome = _failed(message, registered, error)
    else:
        with transaction.atomic():
            Message.objects.filter(pk=message.pk, lease_token=message.lease_token).delete()
        outcome = "delivered"
    totals.count(outcome)
    return outcome


def _failed(message: Message, registered: Handler | None, error: Exception) -> str:
    limit = outbox_settings.max_attempts()
    unit = outbox_settings.retry_seconds()
    if registered is not None:
        limit = registered.max_attempts or limit
        unit = registered.retry_seconds if registered.retry_seconds is not None else unit
    reason = f"{type(error).__name__}: {error}"[:2000]
    if message.attempts >= limit:
        _release(message, state=State.DEAD, last_error=reason)
        logger.error("outbox %s:%s given up after %d attempts: %s", message.kind, message.key, limit, reason)
        return "dead"
    # ORCID's webhook back-off: attempt n failed -> next try n x 10 minutes later.
    retry_at = timezone.now() + timedelta(seconds=unit * message.attempts)
    _release(message, due_at=retry_at, last_error=reason)
    logger.warning(
        "outbox %s:%s attempt %d failed (%s); next at %s",
        message.kind,
        message.key,
        message.attempts,
        reason,
        retry_at.isoformat(timespec="seconds"),
    )
    return "failed"


class _Pool:
    """Threads performing messages from a queue; each closes its database connection when it ends."""

    def __init__(self, size: int, work: Callable[[Message], None]) -> None:
        self._queue: queue.Queue[Message | None] = queue.Queue()
        self._work = work
        self._threads = [
            threading.Thread(target=self._loop, name=f"outbox-{index}", daemon=True) for index in range(size)
        ]
        for thread in self._threads:
            thread.start()

    def _loop(self) -> None:
        try:
            while True:
                message = self._queue.get()
                try:
                    if message is None:
                        return
                    close_old_connections()
                    self._work(message)
                finally:
                    self._queue.task_done()
        finally:
            connections.close_all()

    def perform_all(self, messages: list[Message]) -> None:
        for message in messages:
            self._queue.put(message)
        self._queue.join()

    def close(self) -> None:
        for _ in self._threads:
            self._queue.put(None)
        for thread in self._threads:
            thread.join(timeout=30)


class Worker:
    """Performs due messages until stopped (or, with `once`, until none is due), and the chores
    (`orchid.outbox.registry.chore`, SQLite's checkpoint) about once a second.

    With `yield_cpu`, the messages are performed at a lower CPU priority than the requests'
    (`yield_cpu_to_requests`), the chores in a thread of their own at the caller's: a chore may hold
    SQLite's one write lock (the search index's catch-up), and a holder starved of CPU by the requests
    would keep every write waiting behind it.
    """

    def __init__(
        self,
        *,
        batch_size: int | None = None,
        concurrency: int | None = None,
        poll_seconds: float | None = None,
        lease_seconds: float | None = None,
        yield_cpu: bool = False,
    ) -> None:
        self.yield_cpu = yield_cpu
        self.batch_size = batch_size or outbox_settings.batch_size()
        self.concurrency = concurrency or outbox_settings.concurrency()
        self.poll_seconds = outbox_settings.poll_seconds() if poll_seconds is None else poll_seconds
        self.lease_seconds = lease_seconds
        self.totals = Totals()
        self._limits: dict[str, threading.Semaphore] = {}
        self._limits_lock = threading.Lock()

    def _limit(self, kind: str) -> threading.Semaphore | None:
        registered = handler_for(kind)
        if registered is None or registered.concurrency is None:
            return None
        with self._limits_lock:
            return self._limits.setdefault(kind, threading.Semaphore(registered.concurrency))

    def _perform_safely(self, message: Message) -> None:
        limit = self._limit(message.kind)
        try:
            if limit is None:
                perform(message, self.totals)
            else:
                with limit:
                    perform(message, self.totals)
        except Exception:
            # Recording the outcome failed (database gone?): the lease expires and the message is retried.
            logger.exception("outbox %s:%s: could not record the outcome", message.kind, message.key)

    def run(self, stop: threading.Event | None = None, *, once: bool = False) -> Totals:
        stop = stop or threading.Event()
        halt = threading.Event()  # the chores' thread ends with this run, however it ends
        chores = None
        if not once:
            chores = threading.Thread(
                target=_chores_loop, args=(stop, halt), name="orchid-chores", daemon=True
            )
            chores.start()  # before yield_cpu_to_requests: it keeps the caller's priority
        if self.yield_cpu:
            yield_cpu_to_requests()
        pool = _Pool(self.concurrency, self._perform_safely) if self.concurrency > 1 else None
        try:
            if once and not connection.in_atomic_block:
                _do_chores()
            while not stop.is_set():
                if not connection.in_atomic_block:
                    close_old_connections()  # what Django does between requests: drop stale connections
                try:
                    batch = claim(self.batch_size, self.lease_seconds)
                except DatabaseError:
                    if once:
                        raise
                    logger.exception(
                        "outbox: cannot claim messages; retrying in %s s", _DATABASE_RETRY_SECONDS
                    )
                    stop.wait(_DATABASE_RETRY_SECONDS)
                    continue
                if not batch:
                    if once:
                        break
                    stop.wait(self.poll_seconds)
                    continue
                if pool is None:
                    for message in batch:
                        self._perform_safely(message)
                else:
                    pool.perform_all(batch)
        finally:
            halt.set()
            if pool is not None:
                pool.close()
            if chores is not None:
                chores.join(timeout=30)
        return self.totals


def _chores_loop(stop: threading.Event, halt: threading.Event) -> None:
    try:
        while not (stop.is_set() or halt.is_set()):
            close_old_connections()
            _do_chores()
            halt.wait(sqlite_base.CHECKPOINT_SECONDS)
    finally:
        connection.close()  # this thread's own connection


def _do_chores() -> None:
    _run_chores()
    # SQLite: the WAL is copied here rather than in some request's commit.
    _checkpoint()


def yield_cpu_to_requests() -> None:
    """Lower the calling thread's CPU priority by ORCHID_OUTBOX_NICENESS, and so of the threads it
    starts next (Linux gives each thread its own nice value, and a new thread its creator's).

    Called by `Worker.run` with `yield_cpu` (the worker beside the server, in a thread or process of
    `orchid serve`, and `orchid worker`): its work is put off by design (a record's renderings are
    refreshed seconds after the change), so on a busy machine it should take the CPU the requests leave
    idle, not theirs (docs/operations.md has what it changed in bench/api.py).
    """
    amount = outbox_settings.niceness()
    if amount == 0 or not sys.platform.startswith("linux"):
        return
    thread = threading.get_native_id()
    try:
        os.setpriority(os.PRIO_PROCESS, thread, min(19, os.getpriority(os.PRIO_PROCESS, thread) + amount))
    except OSError:  # a sandbox refusing setpriority: run at the server's priority
        logger.warning("outbox: could not lower the worker's CPU priority", exc_info=True)


def _run_chores() -> None:
    for name, run in chores():
        try:
            run()
        except Exception:  # the next round tries again; the worker's deliveries go on meanwhile
            logger.exception("outbox: chore %s failed", name)


def _checkpoint() -> None:
    try:
        sqlite_base.checkpoint_wal(connection)
    except DatabaseError:
        logger.warning("outbox: WAL checkpoint failed", exc_info=True)


def stats() -> dict[str, dict[str, int]]:
    """Messages per kind and state, and how many of the pending ones are due now (for operators)."""
    from django.db.models import Count

    result: dict[str, dict[str, int]] = {}
    for row in Message.objects.values("kind", "state").annotate(count=Count("pk")).order_by("kind", "state"):
        result.setdefault(row["kind"], {})[row["state"]] = row["count"]
    for row in Message.objects.filter(_due(timezone.now())).values("kind").annotate(count=Count("pk")):
        result.setdefault(row["kind"], {})["due"] = row["count"]
    return result
