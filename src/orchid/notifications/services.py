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
from orchid.notifications.domain import ItemAction, NotificationType
from orchid.notifications.models import AmendedLine, Notification, NotificationPreference
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
    # raw SQL: a hot path (orchid.core.raw), inside a write by a client to a record with no notification
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
    # raw SQL: a hot path (orchid.core.raw), inside every write by a client. The researcher's choice
    # comes along, so that the common case is one statement.
    sql = (
        f"SELECT {raw.columns(Notification)}, "
        f"(SELECT amended_opt_out FROM {NotificationPreference._meta.db_table} WHERE researcher_id = %s) "
        f"FROM {Notification._meta.db_table} WHERE researcher_id = %s "
        "ORDER BY created_at DESC, id DESC LIMIT 1"
    )
    # Locked on PostgreSQL: two writes to one record merge one after the other, not into the same copy.
    return sql + " FOR UPDATE" if connection.features.has_select_for_update else sql


@cache
def _last_lines_sql(count: int) -> str:
    marks = ", ".join(["%s"] * count)
    return (
        f"SELECT id, section, put_code, action FROM {AmendedLine._meta.db_table} "
        f"WHERE notification_id = %s AND section = %s AND put_code IN ({marks}) ORDER BY id"
    )


def _last_lines(
    notification_pk: int, section: str, items: list[domain.AmendedItem]
) -> dict[tuple[str, int], tuple[int, ItemAction]]:
    """The last line of each of `items` (of `section`) that the notification has, by (section, put code)."""
    # A created item is new: no line can name it yet, so a POST needs no lookup.
    asked = sorted({item.put_code for item in items if item.action is not ItemAction.CREATED})
    if not asked:
        return {}
    last: dict[tuple[str, int], tuple[int, ItemAction]] = {}
    with connection.cursor() as cursor:
        cursor.execute(_last_lines_sql(len(asked)), [notification_pk, section, *asked])
        for line_id, section, put_code, action in cursor.fetchall():
            last[(section, int(put_code))] = (int(line_id), ItemAction(action))
    return last


_LINE_COLUMNS = ("notification_id", "put_code", "section", "name", "action")


def _add_lines(notification_pk: int, items: list[domain.AmendedItem]) -> None:
    rows = [(notification_pk, item.put_code, item.section, item.name, str(item.action)) for item in items]
    raw.insert_rows(AmendedLine._meta.db_table, _LINE_COLUMNS, rows)


def _merge(
    notification: Notification, section: str, items: list[domain.AmendedItem], now: dt.datetime
) -> None:
    plan = domain.plan_merge(_last_lines(notification.pk, section, items), items)
    table = Notification._meta.db_table
    updated_at = Notification._meta.get_field("updated_at").get_db_prep_value(now, connection)
    with connection.cursor() as cursor:
        for line_id, name in plan.renamed.items():
            cursor.execute(
                f"UPDATE {AmendedLine._meta.db_table} SET name = %s WHERE id = %s", [name, line_id]
            )
        cursor.execute(
            f"UPDATE {table} SET updated_at = %s, item_count = item_count + %s WHERE id = %s",
            [updated_at, len(plan.appended), notification.pk],
        )
    _add_lines(notification.pk, plan.appended)


def record_amended(researcher_pk: int, change: Change | None) -> None:
    """Note a client's change to the record in the researcher's inbox (runs in the change's transaction).

    Changes by the researcher (or the registry) and whole-record changes (`change` None) are not
    notified; nor is anything when the researcher opted out of amended notifications.
    """
    if change is None or change.client_pk is None or not change.items:
        return
    items = domain.amended_items(
        str(change.action), change.section, ((item.put_code, item.name) for item in change.items)
    )
    found = raw.first_with_extras(Notification, _newest_sql(), [researcher_pk, researcher_pk])
    if found is None:
        newest, opted_out = None, _amended_opt_out(researcher_pk)
    else:
        newest, opted_out = found[0], bool(found[1][0])
    if opted_out:
        return
    now = now_ms()
    if newest is not None and domain.may_merge(
        newest.state, change.client_pk, now, group_window(), len(items)
    ):
        _merge(newest, change.section, items, now)
        return
    lines = domain.plan_merge({}, items).appended
    created = raw.insert(
        Notification(
            researcher_id=researcher_pk,
            notification_type=NotificationType.AMENDED,
            client_id=change.client_pk,
            item_count=len(lines),
            created_at=now,
            updated_at=now,
        )
    )
    _add_lines(created.pk, lines)


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
    rows = (
        Notification.objects.select_related("client")
        .prefetch_related("lines")  # in order: Notification.amended_items sorts them
        .filter(researcher=researcher, archived_at__isnull=not archived)
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
