"""The outbox table: one row per message still to perform (delivered messages are deleted)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import models
from django.utils import timezone


class State(models.TextChoices):
    PENDING = "pending", "Pending"  # waiting for its due time, or leased by a worker
    DEAD = "dead", "Dead"  # gave up after the last allowed attempt; kept for operators


class Message(models.Model):
    """Work of one `kind` about one `key` (a webhook registration, a record, ...).

    A message is *claimed* while `lease_until` is set and in the future; `lease_token` says which
    claim may complete it. A message whose lease has expired (its worker died) is due again.
    Only never-claimed messages absorb newer ones of the same (kind, key) (`enqueue`'s coalescing):
    a claimed one may already be being performed with the older state.
    """

    kind: models.CharField[str, str] = models.CharField(max_length=64)
    key: models.CharField[str, str] = models.CharField(max_length=255)
    payload: models.JSONField[Any, Any] = models.JSONField(default=dict)
    state: models.CharField[str, str] = models.CharField(
        max_length=16, choices=State.choices, default=State.PENDING
    )
    due_at: models.DateTimeField[datetime, datetime] = models.DateTimeField(default=timezone.now)
    attempts: models.PositiveIntegerField[int, int] = models.PositiveIntegerField(default=0)
    lease_until: models.DateTimeField[datetime | None, datetime | None] = models.DateTimeField(
        null=True, blank=True
    )
    lease_token: models.CharField[str, str] = models.CharField(max_length=32, blank=True, default="")
    last_error: models.TextField[str, str] = models.TextField(blank=True, default="")
    created_at: models.DateTimeField[datetime, datetime] = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [
            # The worker's question: what is pending and due?
            models.Index(fields=["state", "due_at"], name="outbox_due"),
            # enqueue's question: is there an unclaimed message for this (kind, key)?
            models.Index(fields=["kind", "key", "state"], name="outbox_kind_key"),
        ]

    def __str__(self) -> str:
        return f"{self.kind}:{self.key} ({self.state}, {self.attempts} attempts)"
