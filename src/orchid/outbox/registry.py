"""Which function performs a message of each kind (`@handler("webhook")`), and the chores the worker runs
between batches (`chore("search-catch-up", ...)`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

Perform = Callable[[dict[str, Any]], None]


@dataclass(frozen=True)
class Handler:
    kind: str
    perform: Perform
    #: Overrides of ORCHID_OUTBOX_MAX_ATTEMPTS / ORCHID_OUTBOX_RETRY_SECONDS for this kind.
    max_attempts: int | None = None
    retry_seconds: float | None = None
    #: At most this many messages of this kind performed at once by one worker (None: its whole pool).
    #: CPU-bound kinds gain nothing from threads and would only crowd out the others.
    concurrency: int | None = None


_HANDLERS: dict[str, Handler] = {}


def handler(
    kind: str,
    *,
    max_attempts: int | None = None,
    retry_seconds: float | None = None,
    concurrency: int | None = None,
) -> Callable[[Perform], Perform]:
    """Register the decorated function as the performer of `kind` messages.

    It receives the message's payload and performs it once; returning means done (the message is
    deleted), raising means failed (retried with back-off, then given up). It may run more than once
    for one message (at-least-once), so it must be safe to repeat. Register from an app's `ready()`
    so that every process, the worker included, knows it.
    """

    def register(perform: Perform) -> Perform:
        _HANDLERS[kind] = Handler(kind, perform, max_attempts, retry_seconds, concurrency)
        return perform

    return register


def handler_for(kind: str) -> Handler | None:
    return _HANDLERS.get(kind)


def kinds() -> list[str]:
    return sorted(_HANDLERS)


Chore = Callable[[], object]

_CHORES: dict[str, Chore] = {}


def chore(name: str, run: Chore) -> None:
    """Have the worker call `run` between batches, about once a second (`CHECKPOINT_SECONDS` of
    orchid.core.sqlite.base): upkeep that should not fall on requests. A chore that raises is logged and
    tried again the next time. Register from an app's `ready()`."""
    _CHORES[name] = run


def chores() -> list[tuple[str, Chore]]:
    return sorted(_CHORES.items())
