"""A researcher's notifications and their choices about them (rules in `orchid.notifications.domain`)."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from orchid.notifications.domain import AmendedItem, ItemAction, NotificationState, NotificationType
from orchid.records.models import DocumentField, Researcher, now_ms


class Notification(models.Model):
    """One notification in a researcher's inbox; its primary key is its put code in the API.

    An amended notification's lines are `AmendedLine` rows, `item_count` of them; a permission
    notification's `items` are the items the client listed, as `{"item-type", "item-name",
    "external-id"?}` in ORCID's JSON form.
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
    items = DocumentField(default=list)  # a permission notification's items (orjson)
    #: How many lines an amended notification has (what `domain.may_merge` caps).
    item_count = models.PositiveIntegerField(default=0)
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
            item_count=self.item_count,
        )

    @property
    def amended_items(self) -> list[AmendedItem]:
        """The lines of an amended notification, in order ([] for any other kind)."""
        if self.notification_type != NotificationType.AMENDED:
            return []
        # sorted here rather than ordered in SQL, so that lines the inbox prefetched are used
        return [line.to_item() for line in sorted(self.lines.all(), key=lambda line: line.pk)]


class AmendedLine(models.Model):
    """One line of an amended notification (`domain.AmendedItem`); lines are in primary-key order.

    Rows of their own rather than a list in the notification: a client's write adds a line and bumps
    the count, where a list would be read and written back whole, inside the write's transaction.
    """

    # No index of its own: the (notification, section, put_code) index serves every lookup.
    notification = models.ForeignKey(
        Notification, on_delete=models.CASCADE, related_name="lines", db_index=False
    )
    put_code = models.BigIntegerField()
    section = models.CharField(max_length=32)  # orchid.records.sections name: work, funding, keyword, ...
    name = models.TextField(blank=True)
    action = models.CharField(max_length=16, choices=[(action.value, action.value) for action in ItemAction])

    class Meta:
        indexes = [models.Index(fields=["notification", "section", "put_code"], name="amended_line_item")]

    def __str__(self) -> str:
        return f"{self.action} {self.section} {self.put_code} in {self.notification_id}"

    def to_item(self) -> AmendedItem:
        return AmendedItem(self.put_code, self.section, self.name, ItemAction(self.action))


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
