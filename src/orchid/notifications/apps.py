from __future__ import annotations

from typing import TYPE_CHECKING

from django.apps import AppConfig

if TYPE_CHECKING:
    from orchid.records.changes import Change


class NotificationsConfig(AppConfig):
    name = "orchid.notifications"
    label = "notifications"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from orchid.records.changes import record_changed

        record_changed.connect(_record_amended, dispatch_uid="orchid.notifications.amended")


def _record_amended(
    sender: object, researcher_pk: int, change: Change | None = None, **kwargs: object
) -> None:
    from orchid.notifications.services import record_amended

    # In the changing transaction: a failed write leaves no notification behind, and a notification
    # is never lost for a write that happened.
    record_amended(researcher_pk, change)
