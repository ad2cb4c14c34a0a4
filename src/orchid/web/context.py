"""Template context every page gets: the registry's iD host, sandbox mode, the signed-in iD."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest


def id_uri(orcid: str) -> str:
    """The iD as ORCID's display guidelines ask: a full https URI on the registry's iD host."""
    return f"https://{settings.ORCID_ID_HOST}/{orcid}"


def registry(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    signed_in_orcid = user.get_username() if user is not None and user.is_authenticated else None
    return {
        "id_host": settings.ORCID_ID_HOST,
        "sandbox": bool(settings.SANDBOX),
        "signed_in_orcid": signed_in_orcid,
        "signed_in_uri": id_uri(signed_in_orcid) if signed_in_orcid else None,
    }
