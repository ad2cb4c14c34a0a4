"""A researcher's notifications and their choices about them (rules in `orchid.notifications.domain`)."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from orchid.notifications.domain import AmendedItem, NotificationState, NotificationType
from orchid.records.models import DocumentField, Researcher, now_ms


class Notification(models.Model):
    """One notification in a researcher's inbox; its primary key is its put code in the API.

    `items` holds, for an amended notification, `AmendedItem.to_json()` lines; for a permission
    notification, the items the client listed as `{"item-type", "item-name", "external-id"?}` in
    ORCID's JSON form.
    """

    researcher = models.ForeignKey(Researcher, on_delete=models.CASCADE, related_name="notifications")
    notification_type = models.CharField(
        max_length=32, choices=[(kind.value, kind.value) for kind in NotificationType]
    )
    client = models.ForeignKey(
        settings.OAUTH2_PROVIDER_APPLICATION_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    items = DocumentField(default=list)  # read and written back by every write of a client (orjson)
    subject = models.CharField(max_length=1000, blank=True)
    intro = models.TextField(blank=True)
    authorization_uri = models.TextField(blank=True)
    authorization_path = models.TextField(blank=True)
    authorization_host = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(default=now_ms)
    #: When the newest change was merged into an amended notification (the inbox shows it).
    updated_at = models.DateTimeField(default=now_ms)
    sent_at = models.DateTimeField(null=True, blank=True)
    read_at = models.DateTimeField(null=True, blank=True)
    actioned_at = models.DateTimeField(null=True, blank=True)
    archived_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["researcher", "-created_at"], name="notification_inbox"),
            models.Index(fields=["researcher", "client", "notification_type"], name="notification_client"),
        ]

    def __str__(self) -> str:
        return f"{self.notification_type} {self.pk} for {self.researcher_id}"

    @property
    def state(self) -> NotificationState:
        return NotificationState(
            notification_type=NotificationType(self.notification_type),
            client_pk=self.client_id,
            created_at=self.created_at,
            read_at=self.read_at,
            archived_at=self.archived_at,
            item_count=len(self.items),
        )

    @property
    def amended_items(self) -> list[AmendedItem]:
        if self.notification_type != NotificationType.AMENDED:
            return []
        return [AmendedItem.from_json(item) for item in self.items]


class NotificationPreference(models.Model):
    """A researcher's opt-outs from notifications by member clients (no row: both kinds wanted).

    Opted out, no notification of that kind is stored at all (see docs/notifications.md): a change
    by a client is not recorded in the inbox, and a client's permission request is refused with
    ORCID's 409 / 9032.
    """

    researcher = models.OneToOneField(
        Researcher, on_delete=models.CASCADE, related_name="notification_preference"
    )
    amended_opt_out = models.BooleanField(default=False)
    permission_opt_out = models.BooleanField(default=False)

    def __str__(self) -> str:
        return f"notification preferences of {self.researcher_id}"
