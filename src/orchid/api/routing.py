"""Which API a request is for, and what happens to requests for another API version (spec §1).

One origin serves both APIs. A Host starting with the public prefix (`pub.` unless
`ORCHID_PUBLIC_API_HOST_PREFIX` says otherwise) is the Public API, one starting with the member
prefix (`api.`, `ORCHID_MEMBER_API_HOST_PREFIX`) the Member API, as on orcid.org. On any other
host (`127.0.0.1:8000`) the caller decides: anonymous calls and public clients' tokens get Public
API rules, member and premium clients' tokens Member API rules (see `orchid.api.auth`), so a client
pointed at one local base URL just works.

Versions. Orchid serves v3.0 only. ORCID also serves v2.0 and v2.1; Orchid answers those with a
400 that says so rather than serving a second, older message format. The rest follows ORCID's
`DefaultApiVersionFilter` and `ApiVersionCheckFilter`: no version -> 302 to v3.0 on GET and 400
otherwise; a release candidate (`v3.0_rc1`, `v2.0_rc4`, ...) -> 308 to its release with a 9056
body; v1.x -> 400.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest

from orchid.errors import OrcidError
from orchid.records.viewer import Api

VERSION = "3.0"

#: An ORCID iD in a path (`OrcidStringUtils.ORCID_STRING`).
ORCID_PATTERN = r"\d{4}-\d{4}-\d{4}-\d{3}[\dX]"

_STATUS_SUFFIXES = ("/pubStatus", "/apiStatus", "/pubStatus/", "/apiStatus/")


def public_host_prefix() -> str:
    return str(getattr(settings, "ORCHID_PUBLIC_API_HOST_PREFIX", "pub.")).lower()


def member_host_prefix() -> str:
    return str(getattr(settings, "ORCHID_MEMBER_API_HOST_PREFIX", "api.")).lower()


def api_for_host(host: str) -> Api | None:
    """The API a Host header selects; None when the host leaves it to the caller."""
    name = host.lower()
    public, member = public_host_prefix(), member_host_prefix()
    if public and name.startswith(public):
        return Api.PUBLIC
    if member and name.startswith(member):
        return Api.MEMBER
    return None


def request_host(request: HttpRequest) -> str:
    """The Host header as sent (any host is accepted; see docs/api.md)."""
    return request.get_host()


@dataclass(frozen=True, slots=True)
class Redirect:
    status: int  # 302 or 308
    location: str  # path (302) or absolute URL (308)
    error: OrcidError | None  # the body ORCID sends with a 308


def missing_version(method: str, path: str) -> Redirect:
    """A request for an API path without a version: 302 to v3.0 on GET, else ORCID's 400 (9012)."""
    if method in ("GET", "HEAD"):
        return Redirect(302, f"/v{VERSION}{path}", None)
    raise OrcidError(9012, f"Please specify the API Version you want to {method} to")


def other_version(version: str, rest: str) -> Redirect:
    """`/v{version}{rest}` for a version other than 3.0: a 308 or an error (raised)."""
    if version == VERSION:  # `/v3.0` itself (ORCID's Swagger UI): not served
        raise OrcidError(9001, "HTTP 404 Not Found", http_status=404)
    if version.startswith("1."):
        # ORCID: apiError.badrequest_version_disabled.1_x.exception
        raise OrcidError(9012, f"API Version {version} is no longer available, please use v{VERSION}")
    if version in ("2.0", "2.1"):
        # ORCID serves these; Orchid deliberately serves v3.0 only (see the module docstring).
        raise OrcidError(
            9012,
            f"API Version {version} is not served by Orchid, which serves only v{VERSION}: "
            f"please use /v{VERSION}{rest}",
        )
    # An rc of 2.x goes to its 2.x release like at ORCID (which Orchid then refuses, above).
    release = version[:3] if version.startswith(("2.0", "2.1")) else VERSION
    return Redirect(308, f"/v{release}{rest}", OrcidError(9056, version=release))


def check_transport(request: HttpRequest) -> None:
    """Refuse plain http when `ORCHID_ALLOW_PLAIN_HTTP` is off (status endpoints always answer)."""
    if request.is_secure() or getattr(settings, "ORCHID_ALLOW_PLAIN_HTTP", True):
        return
    if request.path.endswith(_STATUS_SUFFIXES):
        return
    raise OrcidError(9012, "This API Version only allows HTTPS calls.")
