"""Every v3.0 endpoint x every kind of caller: the HTTP status and ORCID error code of each cell (issue 3).

The expected answer of a cell is not written out: `expect()` derives it from the spec's rules
(../shared/spec/orcid-api-v3.md §2.3, §3.5, §6.4):

* which API a request is for: the Host (`pub.*` Public, `api.*` Member), else the caller (anonymous
  and public clients' tokens: Public API; member clients' tokens: Member API);
* Public API: GET only (a write is 405 9001), Member-only paths 404 9001, only public items (a single
  non-public one is 403 9039);
* Member API: no token 401 (Spring's `unauthorized`), a public client's token 401 9017, a token for
  another record 401 9017;
* reads (§6.4): public items for every caller; the source client sees all its items; otherwise the
  section's read-limited scope is needed (403 9038) and private items stay hidden (403 9013); lists
  silently drop what the caller may not see, bulk reads answer inline errors;
* writes: the update scope is needed (403 9038); only the source may PUT/DELETE (403 9010).

The record: one researcher with a public, a limited and a private item in every section, all from the
main member client (`tests.api.conftest.World`), built once for the module. The callers:

| caller | token |
|---|---|
| anonymous | none |
| read_public | another member client's client-credentials `/read-public` token |
| read_limited | that member client's `/read-limited` token for the record |
| update | the main client's `/activities/update /person/update` token for the record (the items' source) |
| other_record | the main client's token for another record (update + read-limited scopes) |
| other_source | a third member client's `/activities/update /person/update` token for the record |
| public_client | a public client's client-credentials `/read-public` token |

The whole matrix runs on a neutral host (127.0.0.1) in XML; a subset runs again on the Public and
Member API hosts in XML and JSON. Every XML body is also validated against ORCID's XSDs by the
suite-wide hook in tests/conftest.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import orjson
import pytest
from django.test import Client
from lxml import etree

from tests.api.conftest import ITEM_SEGMENTS, JSON, VISIBILITIES, XML, World, error_code, item_body

pytestmark = pytest.mark.django_db

NEUTRAL = "127.0.0.1"
PUBLIC_HOST = "pub.orcid.test"
MEMBER_HOST = "api.orcid.test"

PUBLIC, MEMBER = "public", "member"
ACTIVITY_SEGMENTS = ITEM_SEGMENTS[:11]
PERSON_SEGMENTS = ITEM_SEGMENTS[11:]
LIST_SEGMENT = {
    "work": "works",
    "funding": "fundings",
    "education": "educations",
    "employment": "employments",
    "distinction": "distinctions",
    "invited-position": "invited-positions",
    "membership": "memberships",
    "qualification": "qualifications",
    "service": "services",
    "peer-review": "peer-reviews",
    "research-resource": "research-resources",
    "address": "address",
    "keywords": "keywords",
    "other-names": "other-names",
    "researcher-urls": "researcher-urls",
    "external-identifiers": "external-identifiers",
}
UNKNOWN_PUT_CODE = 999_999_999


# --- the callers ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Caller:
    name: str
    client_type: str | None  # None: anonymous; "member" | "public"
    for_this_record: bool | None = None  # None: no researcher behind the token (client credentials)
    source: bool = False  # the main client, source of every item of the record
    read_limited: bool = False  # holds every section's read-limited scope
    update: bool = False  # holds /activities/update and /person/update


CALLERS: tuple[Caller, ...] = (
    Caller("anonymous", None),
    Caller("read_public", MEMBER),
    Caller("read_limited", MEMBER, for_this_record=True, read_limited=True),
    Caller("update", MEMBER, for_this_record=True, source=True, update=True),
    Caller("other_record", MEMBER, for_this_record=False, source=True, read_limited=True, update=True),
    Caller("other_source", MEMBER, for_this_record=True, update=True),
    Caller("public_client", PUBLIC),
)
BY_NAME = {caller.name: caller for caller in CALLERS}


def api_of(caller: Caller, host: str) -> str:
    if host.startswith("pub."):
        return PUBLIC
    if host.startswith("api."):
        return MEMBER
    return MEMBER if caller.client_type == MEMBER else PUBLIC


# --- the endpoints -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Endpoint:
    name: str
    method: str
    path: str  # with {orcid}, {pc}, {put_codes}, {group}, {client}
    kind: str  # container | item | bulk_read | post | bulk_post | put | delete | group | client | member_only
    segment: str | None = None
    visibility: str | None = None
    shows: tuple[str, ...] = ()  # sections whose visible items a container lists (checked by put code)
    on_record: bool = True  # the path names the record (a token for another record is refused)

    @property
    def write(self) -> bool:
        return self.method != "GET"


def _endpoints() -> list[Endpoint]:
    found = [
        Endpoint("record", "GET", "/{orcid}", "container", shows=ITEM_SEGMENTS),
        Endpoint("record-alias", "GET", "/{orcid}/record", "container", shows=ITEM_SEGMENTS),
        Endpoint("person", "GET", "/{orcid}/person", "container", shows=PERSON_SEGMENTS),
        Endpoint("personal-details", "GET", "/{orcid}/personal-details", "container", shows=("other-names",)),
        Endpoint("biography", "GET", "/{orcid}/biography", "container"),
        Endpoint("email", "GET", "/{orcid}/email", "container"),
        Endpoint("activities", "GET", "/{orcid}/activities", "container", shows=ACTIVITY_SEGMENTS),
        Endpoint("record-summary", "GET", "/{orcid}/summary", "member_only"),
        Endpoint("works-bulk-read", "GET", "/{orcid}/works/{put_codes}", "bulk_read", segment="work"),
        Endpoint("works-bulk-post", "POST", "/{orcid}/works", "bulk_post", segment="work"),
        Endpoint("group-id-records", "GET", "/group-id-record?page-size=10&page=1", "group", on_record=False),
        Endpoint("group-id-record", "GET", "/group-id-record/{group}", "group", on_record=False),
        Endpoint("client", "GET", "/client/{client}", "client", on_record=False),
    ]
    for segment in ITEM_SEGMENTS:
        listed = LIST_SEGMENT[segment]
        found.append(Endpoint(f"{listed}-list", "GET", f"/{{orcid}}/{listed}", "container", shows=(segment,)))
        for visibility in VISIBILITIES:
            found.append(
                Endpoint(
                    f"{segment}-{visibility}",
                    "GET",
                    f"/{{orcid}}/{segment}/{{pc}}",
                    "item",
                    segment,
                    visibility,
                )
            )
            if segment in ACTIVITY_SEGMENTS:
                found.append(
                    Endpoint(
                        f"{segment}-summary-{visibility}",
                        "GET",
                        f"/{{orcid}}/{segment}/summary/{{pc}}",
                        "item",
                        segment,
                        visibility,
                    )
                )
        found.append(Endpoint(f"{segment}-post", "POST", f"/{{orcid}}/{segment}", "post", segment))
        found.append(
            Endpoint(f"{segment}-put", "PUT", f"/{{orcid}}/{segment}/{{pc}}", "put", segment, "public")
        )
        found.append(
            Endpoint(
                f"{segment}-delete", "DELETE", f"/{{orcid}}/{segment}/{{pc}}", "delete", segment, "public"
            )
        )
    return found


ENDPOINTS = _endpoints()
BY_ENDPOINT = {endpoint.name: endpoint for endpoint in ENDPOINTS}

#: The endpoints run again on the Public and Member API hosts, in XML and JSON.
HOST_SUBSET = (
    "record",
    "person",
    "email",
    "activities",
    "record-summary",
    "works-list",
    "work-public",
    "work-limited",
    "work-private",
    "work-summary-limited",
    "keywords-private",
    "works-bulk-read",
    "work-post",
    "work-put",
    "work-delete",
    "keywords-put",
    "works-bulk-post",
    "group-id-record",
    "client",
)


# --- what the spec says each cell answers --------------------------------------------------------


@dataclass(frozen=True)
class Expect:
    status: int
    code: int | None = None  # the ORCID error-code of the body
    oauth_error: str | None = None  # the `error` of an OAuth-layer JSON body
    visible: frozenset[tuple[str, str]] = field(default_factory=frozenset)  # containers
    inline: tuple[int | None, ...] = ()  # bulk reads: the error code of each entry (None: the work)


def read_refusal(api: str, caller: Caller, visibility: str) -> int | None:
    """§6.4: why this caller may not read an item of this visibility from the main client (None: it may)."""
    if api == PUBLIC:
        return None if visibility == "public" else 9039
    if visibility == "public" or caller.source:
        return None
    if not caller.read_limited:
        return 9038
    return 9013 if visibility == "private" else None


def gate(endpoint: Endpoint, caller: Caller, api: str) -> Expect | None:
    """The refusals that come before any rule about items (None: the request gets through)."""
    if api == PUBLIC:
        if endpoint.kind in ("member_only", "group"):
            return Expect(404, 9001)  # no such resource on the Public API
        if endpoint.write:
            return Expect(405, 9001)  # the Public API has GET resources only
    else:
        if caller.client_type is None:
            return Expect(401, oauth_error="unauthorized")
        if caller.client_type == PUBLIC:
            return Expect(401, 9017)
    if endpoint.on_record and caller.for_this_record is False:
        return Expect(401, 9017)
    return None


def expect(endpoint: Endpoint, caller: Caller, host: str) -> Expect:
    api = api_of(caller, host)
    refused = gate(endpoint, caller, api)
    if refused is not None:
        return refused
    if endpoint.kind in ("container", "member_only", "client"):
        visible = frozenset(
            (segment, visibility)
            for segment in endpoint.shows
            for visibility in VISIBILITIES
            if read_refusal(api, caller, visibility) is None
        )
        return Expect(200, visible=visible)
    if endpoint.kind == "item":
        assert endpoint.visibility is not None
        code = read_refusal(api, caller, endpoint.visibility)
        return Expect(200) if code is None else Expect(403, code)
    if endpoint.kind == "bulk_read":
        inline = tuple(read_refusal(api, caller, visibility) for visibility in VISIBILITIES)
        return Expect(200, inline=(*inline, 9034))
    if endpoint.kind == "group":
        return Expect(403, 9038)  # no caller holds /group-id-record/read
    # writes, on the Member API
    if not caller.update:
        return Expect(403, 9038)
    if endpoint.kind == "post":
        return Expect(201)
    if endpoint.kind == "bulk_post":
        return Expect(200, inline=(None,))
    if not caller.source:
        return Expect(403, 9010)
    return Expect(200) if endpoint.kind == "put" else Expect(204)


# --- cells whose behaviour disagrees with the spec (strict xfail: a fix makes them fail loudly) -----

#: (endpoint name, caller name, host or None for every host) -> why it is expected to fail.
DISAGREEMENTS: dict[tuple[str, str, str | None], str] = {}


def _xfail_reason(endpoint: str, caller: str, host: str) -> str | None:
    return DISAGREEMENTS.get((endpoint, caller, host)) or DISAGREEMENTS.get((endpoint, caller, None))


def _cells() -> Iterator[Any]:
    combos = [(endpoint.name, NEUTRAL, "xml") for endpoint in ENDPOINTS]
    combos += [
        (name, host, fmt)
        for name in HOST_SUBSET
        for host in (PUBLIC_HOST, MEMBER_HOST)
        for fmt in ("xml", "json")
    ]
    for name, host, fmt in combos:
        for caller in CALLERS:
            reason = _xfail_reason(name, caller.name, host)
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            yield pytest.param(
                name, caller.name, host, fmt, id=f"{name}-{caller.name}-{host}-{fmt}", marks=marks
            )


# --- running a cell ------------------------------------------------------------------------------


def _path(endpoint: Endpoint, world: World) -> str:
    pc = world.items.get((endpoint.segment or "", endpoint.visibility or ""), 0)
    put_codes = ",".join(str(world.items[("work", visibility)]) for visibility in VISIBILITIES)
    return "/v3.0" + endpoint.path.format(
        orcid=world.orcid,
        pc=pc,
        put_codes=f"{put_codes},{UNKNOWN_PUT_CODE}",
        group=world.group_put_code,
        client=world.main_client.client_id,
    )


def _body(endpoint: Endpoint, world: World) -> bytes | None:
    assert endpoint.segment is not None
    if endpoint.kind == "post":
        return orjson.dumps(item_body(endpoint.segment, "new"))
    if endpoint.kind == "bulk_post":
        return orjson.dumps({"bulk": [{"work": item_body("work", "bulk")}]})
    if endpoint.kind == "put":
        put_code = world.items[(endpoint.segment, "public")]
        return orjson.dumps({**item_body(endpoint.segment, "public"), "put-code": put_code})
    return None


def call(client: Client, world: World, endpoint: Endpoint, caller: Caller, host: str, fmt: str) -> Any:
    headers: dict[str, Any] = {"HTTP_HOST": host, "HTTP_ACCEPT": XML if fmt == "xml" else JSON}
    token = world.tokens[caller.name]
    if token is not None:
        headers["HTTP_AUTHORIZATION"] = f"Bearer {token}"
    path = _path(endpoint, world)
    if endpoint.method in ("POST", "PUT"):
        data = _body(endpoint, world)
        return client.generic(endpoint.method, path, data=data, content_type=JSON, **headers)
    return client.generic(endpoint.method, path, **headers)


def _put_codes(response: Any) -> set[int]:
    body = response.content
    if body.lstrip()[:1] == b"<":
        return {
            int(element.get("put-code") or 0)
            for element in etree.fromstring(body).iter()
            if element.get("put-code")
        }
    found: set[int] = set()

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for key, child in value.items():
                if key == "put-code" and isinstance(child, int):
                    found.add(child)
                else:
                    walk(child)
        elif isinstance(value, list):
            for child in value:
                walk(child)

    walk(orjson.loads(body))
    return found


def _inline_codes(response: Any) -> list[int | None]:
    """The entries of a `bulk`: None for a work, the error code for an inline error."""
    body = response.content
    if body.lstrip()[:1] == b"<":
        codes: list[int | None] = []
        for child in etree.fromstring(body):
            code = child.find("{http://www.orcid.org/ns/error}error-code")
            codes.append(None if code is None else int(code.text or 0))
        return codes
    entries = orjson.loads(body)["bulk"]
    return [entry["error"]["error-code"] if "error" in entry else None for entry in entries]


@pytest.mark.parametrize(("endpoint_name", "caller_name", "host", "fmt"), list(_cells()))
def test_cell(
    client: Client, world: World, endpoint_name: str, caller_name: str, host: str, fmt: str
) -> None:
    endpoint, caller = BY_ENDPOINT[endpoint_name], BY_NAME[caller_name]
    wanted = expect(endpoint, caller, host)
    response = call(client, world, endpoint, caller, host, fmt)
    seen = (
        f"{endpoint.method} {_path(endpoint, world)} as {caller.name} on {host}: {response.content[:400]!r}"
    )
    assert (response.status_code, error_code(response)) == (wanted.status, wanted.code), seen
    if wanted.oauth_error is not None:
        assert orjson.loads(response.content)["error"] == wanted.oauth_error, seen
    if wanted.status == 200 and endpoint.kind == "container" and endpoint.shows:
        shown = {world.items[key] for key in wanted.visible}
        assert _put_codes(response) == shown, seen
    if wanted.status == 200 and endpoint.kind == "item":
        assert _put_codes(response) == {world.items[(endpoint.segment or "", endpoint.visibility or "")]}, (
            seen
        )
    if wanted.inline:
        assert _inline_codes(response) == list(wanted.inline), seen
    if wanted.status == 201:
        assert response["Location"].startswith(f"http://{host}/v3.0/{world.orcid}/{endpoint.segment}/"), seen
        assert response.content == b"", seen
    if wanted.status == 204:
        assert response.content == b"", seen


def test_matrix_covers_every_endpoint_and_caller() -> None:
    """Complete: 16 sections x (list, 3 items, post, put, delete), 11 x 3 summaries, 13 others."""
    cells = list(_cells())
    assert {caller.name for caller in CALLERS} == {
        "anonymous",
        "read_public",
        "read_limited",
        "update",
        "other_record",
        "other_source",
        "public_client",
    }
    assert len(ENDPOINTS) == 13 + 16 * 7 + 11 * 3
    assert len(cells) == len(CALLERS) * (len(ENDPOINTS) + 4 * len(HOST_SUBSET))
