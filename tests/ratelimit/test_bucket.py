"""nginx ``limit_req`` arithmetic (no database, no server)."""

from __future__ import annotations

from orchid.ratelimit.bucket import Limits, first_request, next_request, quota_exceeded
from orchid.ratelimit.middleware import applies_to

ORCID = Limits(rate=24, burst=40)


def run_at_once(count: int, limits: Limits, now: int = 1_000_000) -> list[bool]:
    outcome = first_request(now)
    accepted = [outcome.accepted]
    excess, last = outcome.excess, outcome.last
    for _ in range(count - 1):
        outcome = next_request(excess, last, now, limits)
        accepted.append(outcome.accepted)
        excess, last = outcome.excess, outcome.last
    return accepted


def test_a_simultaneous_burst_serves_one_plus_burst() -> None:
    accepted = run_at_once(60, ORCID)
    assert accepted == [True] * 41 + [False] * 19


def test_delays_grow_by_one_slot_per_request() -> None:
    outcome = next_request(0, 0, 0, ORCID)  # excess 1000 -> one slot at 24/s
    assert (outcome.excess, outcome.delay_ms) == (1000, 41)
    outcome = next_request(39_000, 0, 0, ORCID)
    assert (outcome.accepted, outcome.excess, outcome.delay_ms) == (True, 40_000, 1666)


def test_rejection_leaves_the_state_alone() -> None:
    outcome = next_request(40_000, 500, 500, ORCID)
    assert outcome == (False, 40_000, 500, 0)


def test_the_bucket_leaks_at_the_rate() -> None:
    # 1 s later 24 requests have leaked: excess 40 -> 16 + this request.
    outcome = next_request(40_000, 0, 1000, ORCID)
    assert (outcome.accepted, outcome.excess, outcome.last) == (True, 17_000, 1000)
    # Drained (the leak is taken before the request's own 1000 is added, floored at 0): no delay.
    outcome = next_request(5_000, 0, 60_000, ORCID)
    assert (outcome.excess, outcome.delay_ms) == (0, 0)


def test_a_steady_rate_below_the_limit_never_builds_up() -> None:
    excess, last = 0, 0
    for step in range(1, 200):  # 20 r/s: one every 50 ms
        outcome = next_request(excess, last, step * 50, ORCID)
        assert outcome.accepted and outcome.excess <= 1000
        excess, last = outcome.excess, outcome.last


def test_clock_steps_back() -> None:
    assert next_request(2000, 10_000, 9_000, ORCID).excess == 3000  # ms < 0 counts as 0
    assert next_request(2000, 100_000, 0, ORCID).excess == 3000 - 24  # < -60 s counts as 1 ms
    assert next_request(2000, 10_000, 9_000, ORCID).last == 10_000  # last kept when ms == 0


def test_same_millisecond_keeps_last() -> None:
    outcome = next_request(1000, 7, 7, ORCID)
    assert outcome.last == 7


def test_daily_quota_serves_exactly_the_quota() -> None:
    assert not quota_exceeded(10_000, 10_000)
    assert quota_exceeded(10_001, 10_000)
    assert not quota_exceeded(10**9, 0)  # 0: no quota


def test_paths() -> None:
    assert applies_to("/v3.0/status") == (True, True)
    assert applies_to("/v3.0") == (True, True)
    assert applies_to("/v3.0/0000-0002-1825-0097/works") == (True, True)
    assert applies_to("/oauth/token") == (True, False)
    assert applies_to("/v3.01/status") == (False, False)
    for path in ("/", "/signin", "/static/web/site.css", "/oauth/authorize", "/v2.0/status", "/healthz"):
        assert applies_to(path) == (False, False)
