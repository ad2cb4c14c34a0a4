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
        from orchid.records.changes import record_changed

        record_changed.connect(_reindex, dispatch_uid="orchid.search.reindex")


def _reindex(sender: object, researcher_pk: int, change: Change | None = None, **kwargs: object) -> None:
    from orchid.search.index import apply_change

    apply_change(
        researcher_pk, change
    )  # in the changing transaction: the index never disagrees with the record
