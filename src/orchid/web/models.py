"""The sandbox mailbox: every e-mail a sandbox registry sends, kept in the database (orchid.web.mail)."""

from __future__ import annotations

from django.conf import settings
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


class TwoFactor(models.Model):
    """An account's TOTP two-factor authentication (orchid.web.two_factor).

    ``secret`` holds the base32 TOTP secret encrypted (Fernet, a key derived from SECRET_KEY), never in
    plain text. A row without ``enabled_at`` is a set-up not yet confirmed with a code.
    """

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="two_factor")
    secret = models.TextField()
    enabled_at = models.DateTimeField(null=True, blank=True)
    #: The newest 30-second time step a code was accepted for: a code works once (no replay).
    last_step = models.BigIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"two-factor of user {self.user_id}"


class RecoveryCode(models.Model):
    """A single-use recovery code, kept as a keyed hash (HMAC-SHA256 with a key derived from SECRET_KEY)."""

    two_factor = models.ForeignKey(TwoFactor, on_delete=models.CASCADE, related_name="recovery_codes")
    code_hash = models.CharField(max_length=64)
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"recovery code {self.pk}"
