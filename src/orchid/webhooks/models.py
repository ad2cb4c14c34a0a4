"""Webhook registrations: one callback URL of one client for one record (ORCID's `webhook` table)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone

#: Callback URLs longer than this are refused (400 9012); ORCID's column is unbounded text.
MAX_URI_LENGTH = 2000


class Webhook(models.Model):
    # ORCID's primary key is (orcid, uri): a second client PUTting the same URL finds it registered.
    researcher: models.ForeignKey[Any, Any] = models.ForeignKey(
        "records.Researcher", on_delete=models.CASCADE, related_name="webhooks"
    )
    uri: models.CharField[str, str] = models.CharField(max_length=MAX_URI_LENGTH)
    client: models.ForeignKey[Any, Any] = models.ForeignKey(
        settings.OAUTH2_PROVIDER_APPLICATION_MODEL, on_delete=models.CASCADE, related_name="webhooks"
    )
    created_at: models.DateTimeField[datetime, datetime] = models.DateTimeField(default=timezone.now)
    #: When a call last succeeded, and the failures since (ORCID's last_sent, failed_attempt_count).
    last_sent_at: models.DateTimeField[datetime | None, datetime | None] = models.DateTimeField(
        null=True, blank=True
    )
    failed_attempts: models.PositiveIntegerField[int, int] = models.PositiveIntegerField(default=0)
    last_failed_at: models.DateTimeField[datetime | None, datetime | None] = models.DateTimeField(
        null=True, blank=True
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["researcher", "uri"], name="webhook_unique_uri")]

    def __str__(self) -> str:
        return f"{self.uri} ({self.client_id})"
