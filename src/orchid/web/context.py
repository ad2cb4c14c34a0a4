"""Template context every page gets: the registry's iD host, sandbox mode, the signed-in iD."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from orchid import ids


def id_uri(orcid: str) -> str:
    """The iD as ORCID's display guidelines ask: a full https URI on the registry's iD host."""
    return f"https://{settings.ORCID_ID_HOST}/{orcid}"


def registry(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    signed_in = bool(user is not None and user.is_authenticated)
    username = user.get_username() if user is not None and signed_in else None
    # An operator account without a record signs in with a plain user name, not an iD.
    signed_in_orcid = username if username and ids.is_valid(username) else None
    return {
        "id_host": settings.ORCID_ID_HOST,
        "sandbox": bool(settings.SANDBOX),
        "signed_in_orcid": signed_in_orcid,
        "signed_in_uri": id_uri(signed_in_orcid) if signed_in_orcid else None,
        "signed_in_operator": username if signed_in and not signed_in_orcid else None,
        "is_staff": bool(signed_in and getattr(user, "is_staff", False)),
    }
