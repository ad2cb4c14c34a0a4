"""The sandbox mailbox: every e-mail a sandbox registry sends, kept in the database (orchid.web.mail)."""

from __future__ import annotations

from django.db import models
from django.utils import timezone


class SentMail(models.Model):
    sent_at = models.DateTimeField(default=timezone.now, db_index=True)
    from_email = models.CharField(max_length=350)
    to = models.TextField()  # the recipients, comma-separated
    subject = models.CharField(max_length=998)
    body = models.TextField()

    class Meta:
        ordering = ["-sent_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.subject} -> {self.to}"

    @property
    def recipients(self) -> list[str]:
        return [address for address in self.to.split(",") if address]
