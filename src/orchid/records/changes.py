"""One event for "this record changed", inside the change's transaction.

Every change to a record bumps its version (what cached renderings are keyed on, orchid.api.cache) and
its last-modified date, and announces itself with `record_changed` so that what is derived from the
public record (the search index) follows in the same transaction. Item writes go through
`mark_changed`; changes to the researcher row itself through `Researcher.save`, which sends it too.
"""

from __future__ import annotations

from django.db.models import F
from django.dispatch import Signal

# Sent with `researcher_pk`.
record_changed = Signal()


def mark_changed(researcher_pk: int) -> None:
    from orchid.records.models import Researcher, now_ms

    Researcher.objects.filter(pk=researcher_pk).update(last_modified=now_ms(), version=F("version") + 1)
    record_changed.send(sender=Researcher, researcher_pk=researcher_pk)
