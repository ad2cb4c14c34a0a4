"""The shared state file: one key's bucket and count, eviction, and two processes on one file."""

from __future__ import annotations

import itertools
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from orchid.ratelimit.bucket import Limits
from orchid.ratelimit.store import PROBE, SharedState, key_hash, shared_state

ORCID = Limits(rate=24, burst=40)


def test_buckets_are_per_key(tmp_path: Path) -> None:
    state = SharedState(tmp_path / "rl.bin")
    now = 1_700_000_000_000
    assert [state.take("a", now, ORCID).accepted for _ in range(45)].count(True) == 41
    assert state.take("b", now, ORCID).accepted  # another key, untouched
    assert state.take("a", now + 1000, ORCID).accepted  # 24 leaked in a second
    state.close()


def test_daily_counts_restart_each_day(tmp_path: Path) -> None:
    state = SharedState(tmp_path / "rl.bin")
    assert [state.count_today("ip:1", 20_000) for _ in range(3)] == [1, 2, 3]
    assert state.count_today("ip:2", 20_000) == 1
    assert state.count_today("ip:1", 20_001) == 1
    state.close()


def test_a_full_window_forgets_the_least_recently_used(tmp_path: Path) -> None:
    state = SharedState(tmp_path / "rl.bin")
    # Find PROBE + 1 keys hashing to the same window (same start slot).
    from orchid.ratelimit.store import SLOTS

    target = key_hash("k0") % (SLOTS - PROBE + 1)
    same_window = (f"k{i}" for i in range(5_000_000) if key_hash(f"k{i}") % (SLOTS - PROBE + 1) == target)
    keys = list(itertools.islice(same_window, PROBE + 1))
    assert len(keys) == PROBE + 1
    now = 1_700_000_000_000
    for offset, key in enumerate(keys[:PROBE]):
        state.take(key, now + offset, ORCID)
        state.take(key, now + offset, ORCID)  # excess 1000 each
    state.take(keys[PROBE], now + PROBE, ORCID)  # evicts keys[0], the oldest
    assert state.take(keys[1], now + PROBE, ORCID).excess > 0  # still remembered
    assert state.take(keys[0], now + PROBE, ORCID).excess == 0  # forgotten: starts afresh
    state.close()


def test_shared_state_is_reopened_per_path(tmp_path: Path) -> None:
    assert shared_state(tmp_path / "a.bin") is shared_state(str(tmp_path / "a.bin"))
    assert shared_state(tmp_path / "a.bin") is not shared_state(tmp_path / "b.bin")


WORKER = textwrap.dedent(
    """
    import sys, time
    from orchid.ratelimit.bucket import Limits
    from orchid.ratelimit.store import SharedState

    path, start = sys.argv[1], float(sys.argv[2])
    state = SharedState(__import__("pathlib").Path(path))
    limits = Limits(rate=0.001, burst=150)  # leaks nothing within the test
    time.sleep(max(0.0, start - time.time()))
    accepted = counted = 0
    for _ in range(300):
        now = time.time_ns() // 1_000_000
        accepted += state.take("client:APP-1", now, limits).accepted
        counted = state.count_today("ip:203.0.113.9", 19_000)
    print(accepted, counted)
    """
)


def test_two_processes_share_one_state(tmp_path: Path) -> None:
    """Two processes hammering one key together: not one update lost, the burst honoured in total."""
    path = tmp_path / "rl.bin"
    start = time.time() + 1.0
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, str(path), str(start)], stdout=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    results = [tuple(map(int, worker.communicate(timeout=30)[0].split())) for worker in workers]
    assert all(worker.returncode == 0 for worker in workers)
    assert sum(accepted for accepted, _ in results) == 151  # 1 + burst, whoever took them
    assert max(counted for _, counted in results) == 600  # every increment of both kept
    state = SharedState(path)
    assert state.count_today("ip:203.0.113.9", 19_000) == 601
    state.close()
