"""Template context of every page: the signed-in researcher's unread notifications (the nav's badge)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest


def inbox(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    from orchid.notifications.services import unread_count_of_user

    # A callable: the template calls it only where it shows the badge (pages of a signed-in researcher).
    return {"inbox_unread": lambda: unread_count_of_user(user.pk)}
