"""The Registry UI's inbox: the signed-in researcher's notifications, mark read, archive, opt-outs.

Thin views over `orchid.notifications.services`; the URLs are in `orchid.web.urls` with the rest of
the Registry UI. Every change is a POST form with Django's CSRF token.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from orchid.notifications import domain, services
from orchid.notifications.domain import AmendedItem, ItemAction, NotificationType
from orchid.notifications.models import Notification
from orchid.web.views import signed_in_researcher

#: Items listed per notification; a longer one ends with "and N more".
LINES_SHOWN = 20


def _action_label(action: ItemAction) -> str:
    labels = {
        ItemAction.CREATED: gettext("Added"),
        ItemAction.UPDATED: gettext("Updated"),
        ItemAction.DELETED: gettext("Deleted"),
    }
    return labels[action]


def _section_label(section: str) -> str:
    from orchid.web.editors import editor_for

    editor = editor_for(section)
    return str(editor.heading) if editor is not None else section.replace("-", " ").capitalize()


@dataclass(frozen=True)
class Line:
    """One item as the inbox lists it."""

    action: str
    kind: str
    name: str


@dataclass(frozen=True)
class Entry:
    """One notification as the inbox shows it."""

    row: Notification
    client_name: str
    is_permission: bool
    lines: tuple[Line, ...]
    link: str | None
    hidden: int = 0  # lines left out of a long notification


def _amended_line(item: AmendedItem) -> Line:
    return Line(_action_label(item.action), _section_label(item.section), item.name)


def _permission_line(item: dict[str, Any]) -> Line:
    return Line("", _section_label(str(item.get("item-type", ""))), str(item.get("item-name", "")))


def _entry(row: Notification) -> Entry:
    is_permission = row.notification_type == NotificationType.PERMISSION
    if is_permission:
        lines = tuple(_permission_line(item) for item in row.items if isinstance(item, dict))
        link = domain.authorization_link(row.authorization_uri, row.authorization_path)
    else:
        lines = tuple(_amended_line(item) for item in row.amended_items)
        link = None
    name = str(row.client.name) if row.client is not None else gettext("Orchid")
    return Entry(row, name, is_permission, lines[:LINES_SHOWN], link, max(0, len(lines) - LINES_SHOWN))


def _page(raw: str | None) -> int:
    try:
        return max(1, int(raw or 1))
    except ValueError:
        return 1


@login_required
@never_cache
@require_safe
def inbox(request: HttpRequest) -> HttpResponse:
    researcher = signed_in_researcher(request)
    archived = request.GET.get("archived") == "1"
    page = _page(request.GET.get("page"))
    rows, more = services.inbox(researcher, archived=archived, page=page)
    context = {
        "entries": [_entry(row) for row in rows],
        "archived": archived,
        "page": page,
        "next_page": page + 1 if more else None,
        "previous_page": page - 1 if page > 1 else None,
        "preferences": services.preferences(researcher.pk),
    }
    return render(request, "notifications/inbox.html", context)


def _back(request: HttpRequest) -> HttpResponse:
    return redirect("/inbox?archived=1" if request.POST.get("archived") == "1" else "/inbox")


@login_required
@require_POST
def mark_read(request: HttpRequest, pk: int) -> HttpResponse:
    services.mark_read(signed_in_researcher(request), pk)
    return _back(request)


@login_required
@require_POST
def mark_all_read(request: HttpRequest) -> HttpResponse:
    services.mark_read(signed_in_researcher(request))
    return _back(request)


@login_required
@require_POST
def archive(request: HttpRequest, pk: int) -> HttpResponse:
    if services.archive(signed_in_researcher(request), pk):
        messages.success(request, gettext("Notification archived."))
    return _back(request)


@login_required
@require_POST
def preferences(request: HttpRequest) -> HttpResponse:
    services.set_preferences(
        signed_in_researcher(request),
        amended_opt_out=request.POST.get("amended_opt_out") == "on",
        permission_opt_out=request.POST.get("permission_opt_out") == "on",
    )
    messages.success(request, gettext("Your notification settings were saved."))
    return redirect("/inbox")
