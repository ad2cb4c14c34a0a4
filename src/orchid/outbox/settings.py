"""The outbox's settings, with their defaults (documented in docs/webhooks.md)."""

from __future__ import annotations

from django.conf import settings


def batch_size() -> int:
    """Messages one claim takes (ORCHID_OUTBOX_BATCH_SIZE)."""
    return max(1, int(getattr(settings, "ORCHID_OUTBOX_BATCH_SIZE", 50)))


def concurrency() -> int:
    """Messages performed at once by one worker (ORCHID_OUTBOX_CONCURRENCY; 1: in the worker's thread)."""
    return max(1, int(getattr(settings, "ORCHID_OUTBOX_CONCURRENCY", 8)))


def lease_seconds() -> float:
    """How long a claim lasts (ORCHID_OUTBOX_LEASE_SECONDS): must exceed the time a batch takes."""
    return float(getattr(settings, "ORCHID_OUTBOX_LEASE_SECONDS", 300))


def poll_seconds() -> float:
    """How long an idle worker waits before looking again (ORCHID_OUTBOX_POLL_SECONDS)."""
    return float(getattr(settings, "ORCHID_OUTBOX_POLL_SECONDS", 1.0))


def retry_seconds() -> float:
    """Back-off unit: attempt n failed -> retried n x this later (ORCHID_OUTBOX_RETRY_SECONDS, ORCID: 600)."""
    return float(getattr(settings, "ORCHID_OUTBOX_RETRY_SECONDS", 600))


def max_attempts() -> int:
    """Attempts before a message is given up (ORCHID_OUTBOX_MAX_ATTEMPTS, ORCID: 25)."""
    return max(1, int(getattr(settings, "ORCHID_OUTBOX_MAX_ATTEMPTS", 25)))


def niceness() -> int:
    """How much lower the worker's CPU priority is than the server's (ORCHID_OUTBOX_NICENESS, 0-19)."""
    return min(19, max(0, int(getattr(settings, "ORCHID_OUTBOX_NICENESS", 10))))
