"""Which callback URLs a webhook may have, and which addresses Orchid may call.

ORCID accepts any syntactically valid URI and prepends `http://` when it has no scheme. Orchid also
refuses, unless `ORCHID_WEBHOOK_ALLOW_PRIVATE` is on (sandbox mode), callbacks that point into
loopback, private, link-local or otherwise non-public networks: a registry must not become a way to
make requests to its own host or network. The check is made twice: at registration on the name's
addresses, and at delivery on the address actually connected to (`delivery`), since a name may
resolve differently later.
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

from django.conf import settings

from orchid.errors import OrcidError
from orchid.webhooks.models import MAX_URI_LENGTH

BAD_REQUEST = 9012
SCHEMES = ("http", "https")

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def allow_private() -> bool:
    return bool(getattr(settings, "ORCHID_WEBHOOK_ALLOW_PRIVATE", False))


def delivery_url(uri: str) -> str:
    """The URL called for a registered `uri`: ORCID prepends `http://` when there is no scheme."""
    return uri if "://" in uri else f"http://{uri}"


def check_syntax(uri: str) -> str:
    """The host of `uri`'s delivery URL; raises 400 (9012) when the callback is not a usable URL."""
    problem = _syntax_problem(uri)
    if problem:
        raise OrcidError(BAD_REQUEST, f"Incorrect webhook URI {uri}: {problem}")
    return urlsplit(delivery_url(uri)).hostname or ""


def _syntax_problem(uri: str) -> str:
    if not uri or len(uri) > MAX_URI_LENGTH:
        return f"a callback URL has 1 to {MAX_URI_LENGTH} characters"
    if any(character.isspace() or ord(character) < 32 or ord(character) == 127 for character in uri):
        return "a URI has no spaces or control characters"
    parts = urlsplit(delivery_url(uri))
    if parts.scheme.lower() not in SCHEMES:
        return "the callback must be an http or https URL"
    if not parts.hostname:
        return "the callback URL has no host"
    try:
        parts.port  # noqa: B018  raises ValueError for a port out of range or not a number
    except ValueError:
        return "the callback URL's port is not valid"
    return ""


def refused(address: IPAddress) -> bool:
    """True for an address outside the public internet (loopback, private, link-local, reserved...)."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return not address.is_global or address.is_multicast


def check_host(host: str) -> None:
    """Refuse (400 9012) a callback host that is, or resolves to, a non-public address.

    A name that does not resolve now is accepted, as ORCID accepts any URI: its calls fail and are
    retried, and the address is checked again when a call connects.
    """
    if allow_private():
        return
    for address in _addresses(host):
        if refused(address):
            raise OrcidError(
                BAD_REQUEST,
                f"Incorrect webhook URI: {host} is a loopback, private or reserved address ({address}); "
                "webhooks are called on public addresses only",
            )


def _addresses(host: str) -> list[IPAddress]:
    try:
        return [ipaddress.ip_address(host.strip("[]"))]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError):
        return []
    found: list[IPAddress] = []
    for info in infos:
        try:
            found.append(ipaddress.ip_address(str(info[4][0]).split("%", 1)[0]))
        except ValueError:
            continue
    return found


def check_connected(address: str) -> None:
    """At delivery: refuse to talk to a non-public peer (raises OSError, so the call fails)."""
    if allow_private():
        return
    try:
        peer = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return
    if refused(peer):
        raise OSError(f"callback address {peer} is not public (ORCHID_WEBHOOK_ALLOW_PRIVATE is off)")
