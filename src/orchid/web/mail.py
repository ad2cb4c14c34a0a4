"""Sending the registry's e-mail, and the sandbox backend that keeps it readable at /mailbox.

A sandbox registry (``settings.SANDBOX``) sends nothing: `SandboxMailBackend` stores every message in
the database (`SentMail`), so any process of the registry can show it, like ORCID's sandbox rule for
test addresses. A production registry uses Django's SMTP backend with the ``ORCHID_EMAIL_*`` settings.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, send_mail
from django.core.mail.backends.base import BaseEmailBackend

from orchid.web.models import SentMail


class SandboxMailBackend(BaseEmailBackend):
    """Stores each message (its plain-text body) as a `SentMail` row instead of sending it."""

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        stored = 0
        for message in email_messages:
            recipients = message.recipients()
            if not recipients:
                continue
            SentMail.objects.create(
                from_email=str(message.from_email or settings.DEFAULT_FROM_EMAIL),
                to=",".join(str(address) for address in recipients),
                subject=str(message.subject),
                body=str(message.body),
            )
            stored += 1
        return stored


def send(to: str, subject: str, body: str) -> None:
    """Send one plain-text message from the registry through the configured backend."""
    send_mail(subject, body, None, [to], fail_silently=False)


def mailbox(to: str | None = None, limit: int = 200) -> list[SentMail]:
    rows: Any = SentMail.objects.all()
    if to:
        rows = rows.filter(to__icontains=to.strip())
    return list(rows[:limit])


def message(pk: int) -> SentMail | None:
    return SentMail.objects.filter(pk=pk).first()
