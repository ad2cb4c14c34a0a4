"""ORCID's redirect-URI matching (spec §3.2, ``OrcidOauthRedirectResolver``).

A requested redirect URI matches a registered one when scheme, user info, host and port are equal
and the requested path, cleaned, starts with the registered path, cleaned. Query and fragment are
ignored. Used at ``/oauth/authorize`` (a mismatch shows an error page, never a redirect) through
`orchid.oauth.models.Client.redirect_uri_allowed`.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from urllib.parse import SplitResult, urlsplit

__all__ = ["clean_path", "matches", "matches_any"]

_DEFAULT_PORTS = {"http": 80, "https": 443}


def clean_path(path: str) -> str:
    """Spring's ``StringUtils.cleanPath``: ``.`` and ``..`` segments resolved, duplicate slashes kept out."""
    if not path:
        return ""
    cleaned = posixpath.normpath(path)
    if cleaned == ".":
        return ""
    # normpath keeps a leading "//"; a trailing slash of the original is significant for prefixes.
    cleaned = "/" + cleaned.lstrip("/") if path.startswith("/") else cleaned
    if path.endswith("/") and not cleaned.endswith("/"):
        cleaned += "/"
    return cleaned


def _port(parts: SplitResult) -> int | None:
    try:
        port = parts.port
    except ValueError:
        return -1  # unparsable: never equal to a registered URI's port
    return port if port is not None else _DEFAULT_PORTS.get(parts.scheme.lower())


def matches(requested: str, registered: str) -> bool:
    """Whether ``requested`` may be used for a client that registered ``registered``."""
    try:
        asked, known = urlsplit(requested), urlsplit(registered)
    except ValueError:
        return False
    if not asked.scheme or not asked.hostname:
        return False
    return (
        asked.scheme.lower() == known.scheme.lower()
        and (asked.username, asked.password) == (known.username, known.password)
        and (asked.hostname or "").lower() == (known.hostname or "").lower()
        and _port(asked) == _port(known)
        and clean_path(asked.path).startswith(clean_path(known.path))
    )


def matches_any(requested: str, registered: Iterable[str]) -> bool:
    return any(matches(requested, uri) for uri in registered)
