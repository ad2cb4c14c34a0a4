"""Every read and write of notifications: the amended ones `record_changed` makes, the Member API's
notification-permission (spec §2.2, §8), and the researcher's inbox in the Registry UI."""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Value
from django.db.models.functions import Coalesce

from orchid.core import raw
from orchid.errors import OrcidError
from orchid.notifications import domain
from orchid.notifications.domain import NotificationType
from orchid.notifications.models import Notification, NotificationPreference
from orchid.records.changes import Change
from orchid.records.models import Researcher, now_ms
from orchid.records.viewer import Api, Viewer
from orchid.schema import models as m
from orchid.schema.json_codec import from_data, to_data

SCOPE = "/premium-notification"
MISSING_SCOPE = 9038
RECORD_NOT_FOUND = 9016


def group_window() -> dt.timedelta:
    seconds = getattr(settings, "ORCHID_NOTIFICATION_GROUP_SECONDS", None)
    return domain.DEFAULT_GROUP_WINDOW if seconds is None else dt.timedelta(seconds=float(seconds))


# ---------------------------------------------------------------------------------------------
# Preferences


def preferences(researcher_pk: int) -> NotificationPreference:
    """The researcher's opt-outs (an unsaved row with both off when they never chose)."""
    found = NotificationPreference.objects.filter(researcher_id=researcher_pk).first()
    return found or NotificationPreference(researcher_id=researcher_pk)


@cache
def _amended_opt_out_sql() -> str:
    return f"SELECT amended_opt_out FROM {NotificationPreference._meta.db_table} WHERE researcher_id = %s"


def _amended_opt_out(researcher_pk: int) -> bool:
    # raw SQL: a hot path (orchid.core.raw), inside every write by a client
    with connection.cursor() as cursor:
        cursor.execute(_amended_opt_out_sql(), [researcher_pk])
        row = cursor.fetchone()
    return bool(row and row[0])


def set_preferences(researcher: Researcher, *, amended_opt_out: bool, permission_opt_out: bool) -> None:
    NotificationPreference.objects.update_or_create(
        researcher=researcher,
        defaults={"amended_opt_out": amended_opt_out, "permission_opt_out": permission_opt_out},
    )


# ---------------------------------------------------------------------------------------------
# Amended: a member client changed the record


@cache
def _newest_sql() -> str:
    # raw SQL: a hot path (orchid.core.raw), inside every write by a client
    sql = (
        f"SELECT {raw.columns(Notification)} FROM {Notification._meta.db_table} WHERE researcher_id = %s "
        "ORDER BY created_at DESC, id DESC LIMIT 1"
    )
    # Locked on PostgreSQL: two writes to one record merge one after the other, not into the same copy.
    return sql + " FOR UPDATE" if connection.features.has_select_for_update else sql


def _save_items(notification: Notification) -> None:
    fields = Notification._meta
    items = fields.get_field("items").get_db_prep_value(notification.items, connection)
    updated_at = fields.get_field("updated_at").get_db_prep_value(notification.updated_at, connection)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {fields.db_table} SET items = %s, updated_at = %s WHERE id = %s",
            [items, updated_at, notification.pk],
        )


def record_amended(researcher_pk: int, change: Change | None) -> Notification | None:
    """Note a client's change to the record in the researcher's inbox (runs in the change's transaction).

    Changes by the researcher (or the registry) and whole-record changes (`change` None) are not
    notified; nor is anything when the researcher opted out of amended notifications.
    """
    if change is None or change.client_pk is None or not change.items:
        return None
    if _amended_opt_out(researcher_pk):
        return None
    items = domain.amended_items(
        str(change.action), change.section, ((item.put_code, item.name) for item in change.items)
    )
    now = now_ms()
    newest = raw.first(Notification, _newest_sql(), [researcher_pk])
    if newest is not None and domain.may_merge(
        newest.state, change.client_pk, now, group_window(), len(items)
    ):
        newest.items = domain.merge_stored(newest.items, items)
        newest.updated_at = now
        _save_items(newest)
        return newest
    return Notification.objects.create(
        researcher_id=researcher_pk,
        notification_type=NotificationType.AMENDED,
        client_id=change.client_pk,
        items=[item.to_json() for item in items],
        created_at=now,
        updated_at=now,
    )


# ---------------------------------------------------------------------------------------------
# The Member API: notification-permission


def _require_scope(viewer: Viewer) -> Any:
    if viewer.api is not Api.MEMBER or viewer.client is None or SCOPE not in viewer.scopes:
        raise OrcidError(MISSING_SCOPE, f"Notifications need the {SCOPE} scope")
    return viewer.client


def _record(orcid: str, *, check_deprecated: bool = True) -> Researcher:
    from orchid.records.services import RecordDeprecated

    researcher = Researcher.objects.filter(orcid=orcid).first()
    if researcher is None:
        raise OrcidError(RECORD_NOT_FOUND, f"No record {orcid}")
    if check_deprecated and researcher.deprecated_to:
        raise RecordDeprecated(researcher.orcid, researcher.deprecated_to)
    return researcher


def _permission(researcher: Researcher, put_code: int) -> Notification:
    row = (
        Notification.objects.select_related("client")
        .filter(researcher=researcher, pk=put_code, notification_type=NotificationType.PERMISSION)
        .first()
    )
    if row is None:
        raise OrcidError(domain.NOT_FOUND, id=str(put_code), orcid=researcher.orcid)
    return row


def _date(cls: type, moment: dt.datetime | None) -> Any:
    from orchid.records.documents import xml_datetime

    return None if moment is None else cls(value=xml_datetime(moment))


def to_message(row: Notification) -> Any:
    """A permission notification as ORCID's `notification:notification` (notification-permission-3.0.xsd)."""
    from orchid.records.documents import id_host
    from orchid.schema.generated.legacy.org.orcid.ns import common as common_21

    notification = m.notification
    source = None
    if row.client is not None:
        source = common_21.Source(
            source_client_id=common_21.ClientId(
                uri=f"https://{id_host()}/client/{row.client.client_id}",
                path=row.client.client_id,
                host=id_host(),
            ),
            source_name=common_21.SourceName(value=row.client.name),
        )
    items = from_data({"item": row.items}, notification.Items, strict=False)
    return notification.Notification(
        notification_type=notification.NotificationType.PERMISSION,
        authorization_url=notification.AuthorizationUrl(
            uri=row.authorization_uri or None,
            path=row.authorization_path or None,
            host=row.authorization_host or None,
        ),
        notification_subject=notification.NotificationSubject(value=row.subject),
        notification_intro=notification.NotificationIntro(value=row.intro),
        items=items,
        created_date=_date(common_21.CreatedDate, row.created_at),
        sent_date=_date(common_21.SentDate, row.sent_at),
        read_date=_date(common_21.ReadDate, row.read_at),
        actioned_date=_date(notification.ActionedDate, row.actioned_at),
        archived_date=_date(common_21.ArchivedDate, row.archived_at),
        source=source,
        put_code=row.pk,
    )


def add_permission(orcid: str, message: Any, viewer: Viewer) -> int:
    """POST notification-permission: the new notification's put code (201 at the edge)."""
    client = _require_scope(viewer)
    authorization = message.authorization_url
    domain.check_permission_request(authorization.uri, authorization.path, len(message.items.item))
    with transaction.atomic():
        researcher = _record(orcid)
        if preferences(researcher.pk).permission_opt_out:
            raise OrcidError(domain.OPTED_OUT, orcid=orcid)
        # The registry sets put code, source and dates; what the client sent for them is ignored.
        items = to_data(message.items)["item"]
        row = Notification.objects.create(
            researcher=researcher,
            notification_type=NotificationType.PERMISSION,
            client=client,
            items=items,
            subject=message.notification_subject.value if message.notification_subject else "",
            intro=message.notification_intro.value if message.notification_intro else "",
            authorization_uri=(authorization.uri or "").strip(),
            authorization_path=(authorization.path or "").strip(),
            authorization_host=(authorization.host or "").strip(),
        )
    return int(row.pk)


def read_permission(orcid: str, put_code: int, viewer: Viewer) -> Any:
    client = _require_scope(viewer)
    row = _permission(_record(orcid), put_code)
    domain.check_readable(row.state, int(client.pk), str(client.client_id))
    return to_message(row)


def list_permissions(orcid: str, viewer: Viewer) -> Any:
    """This client's permission notifications for the record, newest first (at most 1000, as ORCID)."""
    client = _require_scope(viewer)
    researcher = _record(orcid, check_deprecated=False)
    rows = (
        Notification.objects.select_related("client")
        .filter(researcher=researcher, client=client, notification_type=NotificationType.PERMISSION)
        .order_by("-created_at", "-pk")[: domain.MAX_LISTED]
    )
    return m.notification.Notifications(notification=[to_message(row) for row in rows])


def archive_permission(orcid: str, put_code: int, viewer: Viewer) -> Any:
    """DELETE notification-permission/{id}: archived (if not already) and returned, as ORCID does."""
    client = _require_scope(viewer)
    with transaction.atomic():
        researcher = _record(orcid)
        row = _permission(researcher, put_code)
        domain.check_archivable(row.state, int(client.pk))
        if row.archived_at is None:
            row.archived_at = now_ms()
            row.save(update_fields=["archived_at"])
    return to_message(row)


# ---------------------------------------------------------------------------------------------
# The inbox (Registry UI)


#: Notifications per inbox page.
PAGE_SIZE = 25


def inbox(
    researcher: Researcher, *, archived: bool = False, page: int = 1
) -> tuple[list[Notification], bool]:
    """One page of the researcher's notifications, newest first (the unarchived ones, or the archived
    ones), and whether there are more."""
    rows = Notification.objects.select_related("client").filter(
        researcher=researcher, archived_at__isnull=not archived
    )
    start = (max(1, page) - 1) * PAGE_SIZE
    found = list(rows.order_by("-updated_at", "-pk")[start : start + PAGE_SIZE + 1])
    return found[:PAGE_SIZE], len(found) > PAGE_SIZE


def unread_count(researcher_pk: int) -> int:
    return Notification.objects.filter(
        researcher_id=researcher_pk, read_at__isnull=True, archived_at__isnull=True
    ).count()


def unread_count_of_user(user_pk: int) -> int:
    """`unread_count` of the researcher a sign-in account belongs to (0 for an operator account)."""
    return Notification.objects.filter(
        researcher__user__pk=user_pk, read_at__isnull=True, archived_at__isnull=True
    ).count()


def _own(researcher: Researcher, pk: int | None) -> Any:
    rows = Notification.objects.filter(researcher=researcher)
    return rows if pk is None else rows.filter(pk=pk)


def mark_read(researcher: Researcher, pk: int | None = None) -> int:
    """Mark one notification (or all, `pk` None) read; returns how many changed."""
    return int(_own(researcher, pk).filter(read_at__isnull=True).update(read_at=now_ms()))


def archive(researcher: Researcher, pk: int) -> int:
    """The researcher archives a notification (read or not: the 9009 rule is for clients)."""
    now = now_ms()
    rows = _own(researcher, pk).filter(archived_at__isnull=True)
    return int(rows.update(archived_at=now, read_at=Coalesce("read_at", Value(now))))
