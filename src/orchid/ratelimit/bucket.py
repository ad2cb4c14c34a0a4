"""nginx ``limit_req`` semantics as pure functions (``ngx_http_limit_req_module.c``).

nginx keeps, per key, ``excess`` in milli-requests and ``last`` (ms). A request at ``now``:

    ms = now - last            (clock steps back: < -60 s counts as 1 ms, otherwise as 0)
    excess = max(0, excess - rate * ms / 1000 + 1000)      (rate in milli-requests per second)
    excess > burst * 1000      -> rejected (503), the state is left unchanged
    otherwise                  -> accepted; the state becomes (excess, now) and, without
                                  ``nodelay``, the request waits ``excess * 1000 / rate`` ms

A key seen for the first time starts at ``excess = 0`` (no delay). All arithmetic is on integers, as
in nginx, so a run of requests gives the same answers here as there.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

__all__ = ["Limits", "Outcome", "first_request", "next_request", "quota_exceeded"]


@dataclass(frozen=True, slots=True)
class Limits:
    """A ``limit_req`` zone: ``rate`` requests per second, ``burst`` requests of excess."""

    rate: float
    burst: int

    @property
    def rate_milli(self) -> int:
        """nginx's ``ctx->rate``: milli-requests per second (at least 1)."""
        return max(1, round(self.rate * 1000))

    @property
    def burst_milli(self) -> int:
        """nginx's ``limit->burst``: the largest excess accepted, in milli-requests."""
        return max(0, self.burst) * 1000

    @property
    def idle_ms(self) -> int:
        """After this long without requests a key's excess has surely leaked away (its slot is free)."""
        return max(60_000, self.burst_milli * 1000 // self.rate_milli + 1000)


class Outcome(NamedTuple):
    """What a request gets: accepted (with the new state and a delay) or rejected (state unchanged)."""

    accepted: bool
    excess: int  # milli-requests after this request (the old excess when rejected)
    last: int  # ms
    delay_ms: int


def first_request(now_ms: int) -> Outcome:
    """The first request of a key (or of a key whose state was evicted): accepted at once."""
    return Outcome(True, 0, now_ms, 0)


def next_request(excess: int, last: int, now_ms: int, limits: Limits) -> Outcome:
    """The outcome of a request at ``now_ms`` for a key whose state is ``(excess, last)``."""
    ms = now_ms - last
    if ms < -60_000:
        ms = 1
    elif ms < 0:
        ms = 0
    new_excess = excess - limits.rate_milli * ms // 1000 + 1000
    if new_excess < 0:
        new_excess = 0
    if new_excess > limits.burst_milli:
        return Outcome(False, excess, last, 0)
    return Outcome(True, new_excess, now_ms if ms else last, new_excess * 1000 // limits.rate_milli)


def quota_exceeded(count_today: int, daily_quota: int) -> bool:
    """Whether the ``count_today``-th anonymous request of the day is over ``daily_quota`` (0: none).

    The quota requests themselves are served (ORCID's filter, comparing ``count + 1 >= limit``, already
    refuses the 10,000th; Orchid serves exactly the advertised 10,000).
    """
    return daily_quota > 0 and count_today > daily_quota
