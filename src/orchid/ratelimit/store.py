"""Rate-limit state shared by the server processes of one host: a small file, mapped and locked.

The file (``settings.ORCHID_RATE_LIMIT_FILE``, by default ``VAR_DIR/ratelimit.bin``, 1.5 MB) holds two
fixed-size open-addressing hash tables of 24-byte slots ``(key hash, a, b)``:

* buckets: ``a`` = excess (milli-requests), ``b`` = last (ms since the epoch), nginx's node;
* daily counters: ``a`` = UTC day number, ``b`` = requests counted that day.

A key hashes (BLAKE2b, 64 bits) to a window of ``PROBE`` consecutive slots; updating it takes an
exclusive ``fcntl`` record lock on those 192 bytes only (other keys proceed in parallel) plus a
process-local mutex, since POSIX record locks do not exclude threads of one process. A key not found
takes an empty or stale slot of its window, else the least recently used one (nginx also forgets the
oldest states when its zone is full). Locks are released by the kernel if a process dies.

Limits: processes must share one local filesystem (record locks over NFS are not dependable); several
hosts need a shared store instead (a database table, or nginx's own ``limit_req`` in front). A lost or
deleted file only forgets the current excess and today's counts.
"""

from __future__ import annotations

import fcntl
import hashlib
import mmap
import os
import struct
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from orchid.ratelimit.bucket import Limits, Outcome, first_request, next_request

__all__ = ["SharedState", "key_hash", "shared_state"]

SLOT = struct.Struct("<Qqq")
SLOTS = 1 << 15  # per table
PROBE = 8
TABLE_BYTES = SLOTS * SLOT.size
FILE_BYTES = 2 * TABLE_BYTES
BUCKETS, DAILY = 0, 1


def key_hash(key: str) -> int:
    """The 64-bit hash a key is stored under (never 0, which marks an empty slot)."""
    value = int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "little")
    return value or 1


class SharedState:
    """The state file of one path, opened and mapped once per process."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.pid = os.getpid()
        self._mutex = threading.Lock()
        path.parent.mkdir(parents=True, exist_ok=True)
        self._fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o600)
        try:
            if os.fstat(self._fd).st_size < FILE_BYTES:
                fcntl.lockf(self._fd, fcntl.LOCK_EX)
                try:
                    if os.fstat(self._fd).st_size < FILE_BYTES:
                        os.ftruncate(self._fd, FILE_BYTES)  # zero-filled: every slot empty
                finally:
                    fcntl.lockf(self._fd, fcntl.LOCK_UN)
            self._map = mmap.mmap(self._fd, FILE_BYTES, mmap.MAP_SHARED, mmap.PROT_READ | mmap.PROT_WRITE)
        except BaseException:
            os.close(self._fd)
            raise

    def close(self) -> None:
        self._map.close()
        os.close(self._fd)

    @contextmanager
    def _window(self, table: int, hashed: int) -> Iterator[int]:
        """Lock the slots ``hashed`` may live in; yields the byte offset of the first one."""
        start = table * TABLE_BYTES + (hashed % (SLOTS - PROBE + 1)) * SLOT.size
        length = PROBE * SLOT.size
        with self._mutex:
            fcntl.lockf(self._fd, fcntl.LOCK_EX, length, start, os.SEEK_SET)
            try:
                yield start
            finally:
                fcntl.lockf(self._fd, fcntl.LOCK_UN, length, start, os.SEEK_SET)

    def take(self, key: str, now_ms: int, limits: Limits) -> Outcome:
        """Account one request of ``key`` at ``now_ms`` in its leaky bucket (see `bucket`)."""
        hashed = key_hash(key)
        mapped = self._map
        with self._window(BUCKETS, hashed) as start:
            free = oldest = -1
            oldest_last = 0
            for offset in range(start, start + PROBE * SLOT.size, SLOT.size):
                slot_key, excess, last = SLOT.unpack_from(mapped, offset)
                if slot_key == hashed:
                    outcome = next_request(excess, last, now_ms, limits)
                    if outcome.accepted:
                        SLOT.pack_into(mapped, offset, hashed, outcome.excess, outcome.last)
                    return outcome
                if free < 0 and (slot_key == 0 or now_ms - last > limits.idle_ms):
                    free = offset
                if oldest < 0 or last < oldest_last:
                    oldest, oldest_last = offset, last
            outcome = first_request(now_ms)
            SLOT.pack_into(mapped, free if free >= 0 else oldest, hashed, outcome.excess, outcome.last)
            return outcome

    def count_today(self, key: str, day: int) -> int:
        """Count one request of ``key`` on UTC day number ``day``; returns the day's count so far."""
        hashed = key_hash(key)
        mapped = self._map
        with self._window(DAILY, hashed) as start:
            free = smallest = -1
            smallest_count = 0
            for offset in range(start, start + PROBE * SLOT.size, SLOT.size):
                slot_key, slot_day, count = SLOT.unpack_from(mapped, offset)
                if slot_key == hashed:
                    count = count + 1 if slot_day == day else 1
                    SLOT.pack_into(mapped, offset, hashed, day, count)
                    return int(count)
                if free < 0 and (slot_key == 0 or slot_day != day):
                    free = offset
                if smallest < 0 or count < smallest_count:
                    smallest, smallest_count = offset, count
            SLOT.pack_into(mapped, free if free >= 0 else smallest, hashed, day, 1)
            return 1


_states: dict[str, SharedState] = {}
_states_lock = threading.Lock()


def shared_state(path: Path | str) -> SharedState:
    """The process's `SharedState` for ``path`` (opened on first use; reopened after a fork)."""
    name = os.fspath(path)
    state = _states.get(name)
    if state is not None and state.pid == os.getpid():
        return state
    with _states_lock:
        state = _states.get(name)
        if state is None or state.pid != os.getpid():
            state = SharedState(Path(name))
            _states[name] = state
        return state
