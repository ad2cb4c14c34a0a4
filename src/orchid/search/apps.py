from __future__ import annotations

from typing import TYPE_CHECKING

from django.apps import AppConfig

if TYPE_CHECKING:
    from orchid.records.changes import Change


class SearchConfig(AppConfig):
    name = "orchid.search"
    label = "search"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from orchid.outbox.registry import chore
        from orchid.records.changes import record_changed
        from orchid.search.index import catch_up

        record_changed.connect(_reindex, dispatch_uid="orchid.search.reindex")
        chore("search-catch-up", catch_up)  # the index follows the writes' notes every second


def _reindex(sender: object, researcher_pk: int, change: Change | None = None, **kwargs: object) -> None:
    from orchid.search.index import apply_change

    apply_change(researcher_pk, change)  # a note in the changing transaction, applied by catch_up
