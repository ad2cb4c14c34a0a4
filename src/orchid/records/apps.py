from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.apps import AppConfig
from django.conf import settings
from django.utils import timezone

#: Outbox kind of "render this record's public renderings again" (orchid.records.renderings).
RENDERING_KIND = "public-rendering"


class RecordsConfig(AppConfig):
    name = "orchid.records"
    label = "records"
    verbose_name = "Researcher records"

    def ready(self) -> None:
        from orchid import outbox
        from orchid.records.changes import record_changed

        # One at a time: rendering is CPU-bound, so more threads would only crowd out webhook calls
        # and, in `orchid serve`, the requests being served.
        outbox.handler(RENDERING_KIND, retry_seconds=60, concurrency=1)(_refresh_renderings)
        record_changed.connect(_enqueue_refresh, dispatch_uid="orchid.records.public-rendering")


def _refresh_renderings(payload: dict[str, Any]) -> None:
    from orchid.records.renderings import refresh_public_renderings

    # Changed again within the delay: the refresh fell due at the maximum delay, writes go on.
    refresh_public_renderings(
        int(payload["researcher_pk"]), still_changing_seconds=float(settings.ORCHID_RENDERING_DELAY_SECONDS)
    )


def _enqueue_refresh(sender: object, researcher_pk: int, **kwargs: object) -> None:
    from orchid import outbox

    if not settings.ORCHID_RENDERING_REFRESH:
        return
    # Coalesced per record and put off until the record has been quiet for the delay (at most the
    # maximum delay after its first change): a refresh is dearer than a write, and one made while
    # writes go on is soon stale. Until it runs, a Public API read renders and stores the record itself.
    delay = float(settings.ORCHID_RENDERING_DELAY_SECONDS)
    outbox.enqueue(
        RENDERING_KIND,
        str(researcher_pk),
        {"researcher_pk": researcher_pk},
        not_before=timezone.now() + timedelta(seconds=delay),
        max_wait=timedelta(seconds=max(delay, float(settings.ORCHID_RENDERING_MAX_DELAY_SECONDS))),
    )
