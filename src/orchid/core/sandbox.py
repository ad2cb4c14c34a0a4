"""Sandbox mode: the leniencies a local sandbox needs, as one list (shown at /sandbox, in docs/operations.md).

Each leniency says what it relaxes, the setting behind it and whether it is on now. Later issues add
theirs here (the mailbox, loopback webhooks).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings


@dataclass(frozen=True)
class Leniency:
    name: str
    setting: str
    enabled: bool
    effect: str


def leniencies() -> list[Leniency]:
    from orchid.organizations.models import Organization

    added = Organization.objects.filter(provenance="sandbox").count()
    return [
        Leniency(
            "Plain HTTP",
            "ORCHID_ALLOW_PLAIN_HTTP",
            bool(settings.ORCHID_ALLOW_PLAIN_HTTP),
            "The v3.0 API answers over http:// "
            "(ORCID refuses it with 'This API Version only allows HTTPS calls.').",
        ),
        Leniency(
            "Lenient organizations",
            "ORCHID_SANDBOX",
            bool(settings.SANDBOX),
            "A well-formed but unknown disambiguated organization id in a posted item is added to the "
            f"registry from the item's own name, city and country instead of refusing it with 9045 "
            f"({added} added so far).",
        ),
        Leniency(
            "Any Host header",
            "ORCHID_ALLOWED_HOSTS",
            "*" in settings.ALLOWED_HOSTS,
            "Requests are accepted whatever their Host, so clients may use pub.*, api.* or a bare address.",
        ),
        Leniency(
            "Mailbox",
            "ORCHID_SANDBOX",
            bool(settings.SANDBOX),
            "No e-mail is sent: every message the registry writes (verification links, password resets) is "
            "stored and readable by anyone at /mailbox instead of going out over SMTP (ORCHID_EMAIL_*).",
        ),
        Leniency(
            "Local webhook callbacks",
            "ORCHID_WEBHOOK_ALLOW_PRIVATE",
            bool(getattr(settings, "ORCHID_WEBHOOK_ALLOW_PRIVATE", False)),
            "Webhook callbacks may point at loopback, private and link-local addresses (a receiver on your "
            "own machine); otherwise they are refused at registration (400) and never called.",
        ),
        Leniency(
            "Quick webhooks",
            "ORCHID_WEBHOOK_WINDOW_SECONDS",
            float(getattr(settings, "ORCHID_WEBHOOK_WINDOW_SECONDS", 300)) < 300,
            "A record's changes are announced to its webhooks "
            f"{float(getattr(settings, 'ORCHID_WEBHOOK_WINDOW_SECONDS', 300)):g} s after the first one "
            "(ORCID: at most every five minutes).",
        ),
    ]
