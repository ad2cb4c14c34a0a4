"""Django's SQLite backend, with write transactions queued in order instead of polling SQLite.

SQLite lets one writer at a time in; every transaction here takes the write lock at BEGIN
(``transaction_mode = IMMEDIATE``, orchid.config). A writer that finds the lock taken is left to
SQLite's busy handler, which polls with growing sleeps (up to 100 ms): under load, server threads
overslept a lock long since free, and the slowest POSTs of bench/api.py took 1.5 s while the median
took 50 ms. Writers now queue before BEGIN:

- the threads of one process on a `threading.Lock`, woken the moment the previous transaction ends;
- the processes (several `orchid serve` processes, `orchid worker`) on an advisory lock of a file
  beside the database (``<name>-writers``, `fcntl.flock`), which the one thread of each process at
  the head of its queue polls every `_POLL_SECONDS`.

Checkpoints (copying the write-ahead log into the database file, with an fsync) no longer fall on
requests: connections checkpoint by themselves only every 10,000 pages (``wal_autocheckpoint``,
orchid.config; SQLite's default 1,000 put a 10-80 ms checkpoint into one commit in 20), and the outbox
worker calls `checkpoint_wal` every `CHECKPOINT_SECONDS`, a PASSIVE checkpoint that waits for nobody.

Each statement's ``%s`` placeholders become SQLite's ``?`` once per distinct SQL string (`_Cursor`),
not at every execution: Django's regular-expression substitution was 3% of a POST.

Waiting is bounded by the connection's busy timeout (OPTIONS ``timeout``): after that BEGIN goes
ahead and SQLite's own waiting applies, as without this backend, so nothing waits forever on a
transaction someone keeps open (a test's, a stuck process's). In-memory databases skip the file lock.
"""

from __future__ import annotations

import fcntl
import os
import threading
import time
from functools import lru_cache
from typing import IO, Any

from django.db.backends.sqlite3 import base

_POLL_SECONDS = 0.0002
#: How often the outbox worker checkpoints the write-ahead log (`checkpoint_wal`).
CHECKPOINT_SECONDS = 1.0

_guard = threading.Lock()
_thread_locks: dict[str, threading.Lock] = {}
_lock_files: dict[tuple[int, str], IO[bytes]] = {}  # by (pid, database): a forked child opens its own


def _thread_lock(name: str) -> threading.Lock:
    with _guard:
        return _thread_locks.setdefault(name, threading.Lock())


def _lock_file(name: str) -> IO[bytes] | None:
    if not name or name == ":memory:" or name.startswith("file:"):
        return None
    key = (os.getpid(), name)
    with _guard:
        if key not in _lock_files:
            _lock_files[key] = open(f"{name}-writers", "ab")  # noqa: SIM115  kept for the process's life
        return _lock_files[key]


def _flock(handle: IO[bytes], deadline: float) -> bool:
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            if time.monotonic() >= deadline:
                return False
            time.sleep(_POLL_SECONDS)


def checkpoint_wal(connection: Any) -> None:
    """Copy what it can of the write-ahead log into the database file, waiting for no reader or writer
    (SQLite's PASSIVE checkpoint); nothing on other databases."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA wal_checkpoint(PASSIVE)")


@lru_cache(maxsize=4096)
def _qmark_query(query: str) -> str:
    return base.FORMAT_QMARK_REGEX.sub("?", query).replace("%%", "%")


class _Cursor(base.SQLiteCursorWrapper):
    """Django's cursor, converting each SQL string's placeholders once (the strings of the hot paths are
    built once, orchid.core.raw; the ORM's repeat too)."""

    def convert_query(self, query: str, *, param_names: list[str] | None = None) -> str:
        if param_names is None:
            return _qmark_query(query)
        return super().convert_query(query, param_names=param_names)  # type: ignore[misc]  # not in django-stubs


class DatabaseWrapper(base.DatabaseWrapper):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._held_thread_lock: threading.Lock | None = None
        self._held_lock_file: IO[bytes] | None = None

    def create_cursor(self, name: str | None = None) -> Any:
        return self.connection.cursor(factory=_Cursor)

    def _start_transaction_under_autocommit(self) -> None:
        name = str(self.settings_dict["NAME"])
        timeout = float(self.settings_dict.get("OPTIONS", {}).get("timeout", 5))
        deadline = time.monotonic() + timeout
        thread_lock = _thread_lock(name)
        if thread_lock.acquire(timeout=timeout):
            self._held_thread_lock = thread_lock
            handle = _lock_file(name)
            if handle is not None and _flock(handle, deadline):
                self._held_lock_file = handle
        try:
            super()._start_transaction_under_autocommit()  # type: ignore[misc]  # private in django-stubs
        except BaseException:
            self._release_write_locks()
            raise

    def _release_write_locks(self) -> None:
        handle, self._held_lock_file = self._held_lock_file, None
        if handle is not None:
            fcntl.flock(handle, fcntl.LOCK_UN)
        lock, self._held_thread_lock = self._held_thread_lock, None
        if lock is not None:
            lock.release()

    def _commit(self) -> None:
        try:
            super()._commit()  # type: ignore[misc]  # private in django-stubs
        finally:
            self._release_write_locks()

    def _rollback(self) -> None:
        try:
            super()._rollback()  # type: ignore[misc]  # private in django-stubs
        finally:
            self._release_write_locks()

    def _close(self) -> None:
        try:
            super()._close()  # type: ignore[misc]  # private in django-stubs
        finally:
            self._release_write_locks()
