"""Registering and unregistering webhooks (spec §8, ORCID's `WebhooksServiceDelegatorImpl`), and the outbox
messages a record change leaves for them.

PUT: the `/webhook` scope (403 9038), a valid callback URI (400 9012), an existing record (404 9016);
new -> created (201), already registered for that record (by any client) -> 204.
DELETE: the same checks, then 404 9028 when not registered, 403 9014 when another client registered it.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from orchid import outbox
from orchid.errors import OrcidError
from orchid.records.models import Researcher
from orchid.records.viewer import Api, Viewer
from orchid.webhooks import targets
from orchid.webhooks.models import Webhook

SCOPE = "/webhook"
KIND = "webhook"  # the outbox kind of a delivery; its key is the registration's primary key

MISSING_SCOPE = 9038
NOT_FOUND = 9016
NO_WEBHOOK = 9028
FORBIDDEN = 9014


def window_seconds() -> float:
    """How long after a change its callback is made; changes meanwhile join it (ORCID: 5 minutes)."""
    return float(getattr(settings, "ORCHID_WEBHOOK_WINDOW_SECONDS", 300))


def _require_scope(viewer: Viewer) -> None:
    if viewer.api is not Api.MEMBER or viewer.client is None or SCOPE not in viewer.scopes:
        raise OrcidError(MISSING_SCOPE, f"Webhooks need a client-credentials token with the {SCOPE} scope")


def _researcher(orcid: str) -> Researcher:
    researcher = Researcher.objects.filter(orcid=orcid).first()
    if researcher is None:
        raise OrcidError(NOT_FOUND, f"No record {orcid}")
    return researcher


def register(orcid: str, uri: str, viewer: Viewer) -> bool:
    """Register `uri` for the record; True when it is new (201), False when it already was (204)."""
    _require_scope(viewer)
    host = targets.check_syntax(uri)
    researcher = _researcher(orcid)
    if Webhook.objects.filter(researcher=researcher, uri=uri).exists():
        return False
    targets.check_host(host)
    try:
        with transaction.atomic():
            Webhook.objects.create(researcher=researcher, uri=uri, client=viewer.client)
    except IntegrityError:
        return False  # registered meanwhile by a concurrent request
    return True


def unregister(orcid: str, uri: str, viewer: Viewer) -> None:
    _require_scope(viewer)
    researcher = _researcher(orcid)
    webhook = Webhook.objects.filter(researcher=researcher, uri=uri).first()
    if webhook is None:
        raise OrcidError(NO_WEBHOOK, orcid=orcid, uri=uri)
    if webhook.client_id != viewer.client.pk:
        raise OrcidError(FORBIDDEN, "Only the client that register the webhook can unregister it")
    with transaction.atomic():
        # Calls not started yet are dropped; one being made finds the registration gone and stops.
        outbox.discard(KIND, str(webhook.pk))
        webhook.delete()


def announce_change(researcher_pk: int) -> None:
    """One coalesced call per registration of the record, due a window from now (in the caller's
    transaction, see `orchid.outbox.enqueue`)."""
    # raw SQL: a hot path (orchid.core.raw), inside every record write
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id FROM {Webhook._meta.db_table} WHERE researcher_id = %s", [researcher_pk])
        registrations = [int(pk) for (pk,) in cursor.fetchall()]
    if not registrations:
        return
    due = timezone.now() + timedelta(seconds=window_seconds())
    outbox.enqueue_many(KIND, {str(pk): {"webhook": pk} for pk in registrations}, not_before=due)
