"""The v3.0 endpoints of spec §2.1 and §2.2: each parses its path, makes one service call, returns.

ORCID's rules (visibility, scopes, sources, validation, limits) live in the services; what is here
is path parsing and the choice of status code. Services are imported inside handlers so the URLconf
loads even where a domain package is not installed yet.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt

from orchid.api import edge, negotiation, rendering, routing
from orchid.api.edge import Call, Endpoint
from orchid.errors import OrcidError
from orchid.identifiers import IDENTIFIER_TYPES
from orchid.records.sections import BY_ITEM_SEGMENT, BY_LIST_SEGMENT, Kind, Section
from orchid.schema import models

# --- path parameters ---------------------------------------------------------------------------


def _put_code(text: str) -> int:
    return int(text)  # the URL pattern only lets digits through


def _list_section(segment: str) -> Section:
    section = BY_LIST_SEGMENT.get(segment)
    if section is None:
        raise edge.method_not_allowed() if segment in BY_ITEM_SEGMENT else edge.not_found()
    return section


def _item_section(segment: str) -> Section:
    section = BY_ITEM_SEGMENT.get(segment)
    if section is None:
        raise edge.method_not_allowed() if segment in BY_LIST_SEGMENT else edge.not_found()
    return section


def _activity_section(segment: str) -> Section:
    section = BY_ITEM_SEGMENT.get(segment)
    if section is None or section.kind is not Kind.ACTIVITY:
        raise edge.not_found()
    return section


def parse_put_codes(text: str) -> list[str]:
    """`{pc1,pc2,...}` of a bulk read, as written: the service answers bad ones inline (9034)."""
    return [part.strip() for part in text.split(",") if part.strip()]


def _page_param(call: Call, name: str, default: int) -> int:
    raw = call.request.GET.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise OrcidError(9012, f"Invalid value for {name}: {raw}") from None


def _location(call: Call, path: str) -> HttpResponse:
    return edge.created(call.absolute_url(f"/v{routing.VERSION}{path}"))


# --- record and its read-only parts ------------------------------------------------------------


def _services() -> Any:
    from orchid.records import services

    return services


def get_record(call: Call, orcid: str) -> Any:
    return _services().read_record(orcid, call.viewer)


def get_person(call: Call, orcid: str) -> Any:
    return _services().read_person(orcid, call.viewer)


def get_personal_details(call: Call, orcid: str) -> Any:
    return _services().read_personal_details(orcid, call.viewer)


def get_biography(call: Call, orcid: str) -> Any:
    return _services().read_biography(orcid, call.viewer)


def get_emails(call: Call, orcid: str) -> Any:
    return _services().read_emails(orcid, call.viewer)


def get_activities(call: Call, orcid: str) -> Any:
    return _services().read_activities(orcid, call.viewer)


def get_record_summary(call: Call, orcid: str) -> Any:
    return _services().read_record_summary(orcid, call.viewer)


# --- sections and items ------------------------------------------------------------------------


def get_section(call: Call, orcid: str, segment: str) -> Any:
    return _services().read_section(orcid, _list_section(segment), call.viewer)


def post_item(call: Call, orcid: str, segment: str) -> HttpResponse:
    section = _item_section(segment)
    put_code = _services().add_item(orcid, section, call.body(section.item_model), call.viewer)
    return _location(call, section.item_path(orcid, put_code))


def get_item(call: Call, orcid: str, segment: str, put_code: str) -> Any:
    return _services().read_item(orcid, _item_section(segment), _put_code(put_code), call.viewer)


def put_item(call: Call, orcid: str, segment: str, put_code: str) -> Any:
    section = _item_section(segment)
    item = call.body(section.item_model)
    return _services().update_item(orcid, section, _put_code(put_code), item, call.viewer)


def delete_item(call: Call, orcid: str, segment: str, put_code: str) -> HttpResponse:
    _services().delete_item(orcid, _item_section(segment), _put_code(put_code), call.viewer)
    return edge.no_content()


def get_summary(call: Call, orcid: str, segment: str, put_code: str) -> Any:
    return _services().read_summary(orcid, _activity_section(segment), _put_code(put_code), call.viewer)


def get_works(call: Call, orcid: str) -> Any:
    return _services().read_section(orcid, BY_LIST_SEGMENT["works"], call.viewer)


def post_works(call: Call, orcid: str) -> Any:
    # At most 100 works (9006) and inline errors per work: the service's rules.
    return _services().add_works_bulk(orcid, call.body(models.bulk.Bulk), call.viewer)


def get_works_bulk(call: Call, orcid: str, put_codes: str) -> Any:
    # At most 100 put codes (9042): the service's rule.
    return _services().read_works_bulk(orcid, parse_put_codes(put_codes), call.viewer)


# --- group-id records, clients, identifier types, status ---------------------------------------


def _group_ids() -> Any:
    from orchid.records import group_ids

    return group_ids


def search_group_ids(call: Call) -> Any:
    query = call.request.GET
    return _group_ids().search(
        call.viewer,
        page_size=_page_param(call, "page-size", 100),
        page=_page_param(call, "page", 1),
        group_id=query.get("group-id") or None,
        name=query.get("name") or None,
    )


def post_group_id(call: Call) -> HttpResponse:
    put_code = _group_ids().create(call.body(models.group_id.GroupIdRecord), call.viewer)
    return _location(call, f"/group-id-record/{put_code}")


def get_group_id(call: Call, put_code: str) -> Any:
    return _group_ids().read(_put_code(put_code), call.viewer)


def put_group_id(call: Call, put_code: str) -> Any:
    return _group_ids().update(_put_code(put_code), call.body(models.group_id.GroupIdRecord), call.viewer)


def delete_group_id(call: Call, put_code: str) -> HttpResponse:
    _group_ids().delete(_put_code(put_code), call.viewer)
    return edge.no_content()


def get_client(call: Call, client_id: str) -> Any:
    from orchid.oauth import services as oauth_services

    return oauth_services.read_client(client_id)


def get_identifiers(call: Call) -> HttpResponse:
    # The list does not depend on the locale parameter: Orchid keeps English descriptions only.
    return rendering.identifier_types(IDENTIFIER_TYPES, call.media)


def get_status(call: Call) -> HttpResponse:
    return rendering.plain_json({"tomcatUp": True})


def get_api_status(call: Call) -> HttpResponse:
    """ORCID's `/apiStatus` and `/pubStatus`: 500 when the database does not answer."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            database_ok = cursor.fetchone() is not None
    except Exception:
        edge.logger.exception("status check: database unreachable")
        database_ok = False
    body = {
        "tomcatUp": True,
        "dbConnectionOk": database_ok,
        "readOnlyDbConnectionOk": database_ok,  # one database serves both at Orchid
        "overallOk": database_ok,
    }
    return rendering.plain_json(body, status=200 if database_ok else 500)


# --- search (spec §7) ---------------------------------------------------------------------------


def _search_params(call: Call) -> dict[str, str]:
    return {key: call.request.GET.get(key, "") for key in call.request.GET}


def get_search(call: Call) -> Any:
    from orchid.search import api as search_api

    return search_api.search_results(_search_params(call), call.viewer)


def get_expanded_search(call: Call) -> Any:
    from orchid.search import api as search_api

    return search_api.expanded_results(_search_params(call), call.viewer)


def get_csv_search(call: Call) -> HttpResponse:
    from orchid.search import api as search_api

    return search_api.csv_results(_search_params(call), call.viewer)


# --- notification-permission (spec §2.2, §8) -----------------------------------------------------


def _notifications() -> Any:
    from orchid.notifications import services

    return services


def get_notification_permissions(call: Call, orcid: str) -> Any:
    return _notifications().list_permissions(orcid, call.viewer)


def post_notification_permission(call: Call, orcid: str) -> HttpResponse:
    message = call.body(models.notification.Notification)
    put_code = _notifications().add_permission(orcid, message, call.viewer)
    # ORCID: `{request URL}/{putCode}` (uriInfo.getAbsolutePath()).
    return edge.created(call.absolute_url(f"{call.request.path.rstrip('/')}/{put_code}"))


def get_notification_permission(call: Call, orcid: str, put_code: str) -> Any:
    return _notifications().read_permission(orcid, _put_code(put_code), call.viewer)


def archive_notification_permission(call: Call, orcid: str, put_code: str) -> Any:
    return _notifications().archive_permission(orcid, _put_code(put_code), call.viewer)


# --- webhooks (spec §2.2, §8) -------------------------------------------------------------------


def _webhooks() -> Any:
    from orchid.webhooks import services

    return services


def put_webhook(call: Call, orcid: str, callback: str) -> HttpResponse:
    if not _webhooks().register(orcid, callback, call.viewer):
        return edge.no_content()  # already registered
    # ORCID: Location = the request URL, the callback URL-encoded as it was sent.
    version = f"/v{routing.VERSION}" if call.request.path.startswith(f"/v{routing.VERSION}/") else ""
    return edge.created(call.absolute_url(f"{version}/{orcid}/webhook/{quote(callback, safe='')}"))


def delete_webhook(call: Call, orcid: str, callback: str) -> HttpResponse:
    _webhooks().unregister(orcid, callback, call.viewer)
    return edge.no_content()


# --- the endpoints -----------------------------------------------------------------------------

record = Endpoint(get=get_record, whole_record=True)
person = Endpoint(get=get_person)
personal_details = Endpoint(get=get_personal_details)
biography = Endpoint(get=get_biography)
emails = Endpoint(get=get_emails)
activities = Endpoint(get=get_activities)
record_summary = Endpoint(get=get_record_summary, member_only=True)
works = Endpoint(get=get_works, post=post_works)
works_bulk = Endpoint(get=get_works_bulk)
section = Endpoint(get=get_section, post=post_item)
item = Endpoint(get=get_item, put=put_item, delete=delete_item)
summary = Endpoint(get=get_summary)
group_id_records = Endpoint(get=search_group_ids, post=post_group_id, member_only=True)
group_id_record = Endpoint(get=get_group_id, put=put_group_id, delete=delete_group_id, member_only=True)
client = Endpoint(get=get_client)
identifiers = Endpoint(get=get_identifiers)
status = Endpoint(get=get_status, authenticate=False, negotiate=False)
api_status = Endpoint(get=get_api_status, authenticate=False, negotiate=False)
search = Endpoint(get=get_search)
expanded_search = Endpoint(get=get_expanded_search)
csv_search = Endpoint(get=get_csv_search, negotiate=False)  # always text/csv
notification_permissions = Endpoint(
    get=get_notification_permissions, post=post_notification_permission, member_only=True
)
notification_permission = Endpoint(
    get=get_notification_permission, delete=archive_notification_permission, member_only=True
)
webhook = Endpoint(put=put_webhook, delete=delete_webhook, member_only=True, takes_body=False)
unknown = Endpoint()  # any other /v3.0 path: ORCID's 404


# --- other versions and no version -------------------------------------------------------------


def _redirect(request: HttpRequest, redirect: routing.Redirect) -> HttpResponse:
    location = request.build_absolute_uri(redirect.location)
    query = request.META.get("QUERY_STRING")
    if query:
        location = f"{location}?{query}"
    if redirect.error is None:
        response = HttpResponse(status=redirect.status)
        del response["Content-Type"]
    else:
        # ORCID's DefaultApiVersionFilter: JSON when Accept mentions json, else XML.
        wants_json = "json" in (request.headers.get("Accept") or "").lower()
        media = negotiation.APPLICATION_JSON if wants_json else negotiation.VND_ORCID_XML
        response = rendering.error(redirect.error, media, http_status=redirect.status)
    response["Location"] = location
    return response


@csrf_exempt
def unversioned(request: HttpRequest, path: str) -> HttpResponse:
    """An API path without a version (`/0000-0002-1825-0097/works`)."""
    full = "/" + path
    try:
        response = _redirect(request, routing.missing_version(request.method or "GET", full))
    except Exception as exc:
        response = edge.render_failure(request, exc)
    return edge.with_cors(response)


@csrf_exempt
def other_version(request: HttpRequest, version: str, rest: str) -> HttpResponse:
    """`/v{version}/...` for any version but 3.0."""
    try:
        response = _redirect(request, routing.other_version(version, "/" + rest if rest else ""))
    except Exception as exc:
        response = edge.render_failure(request, exc)
    return edge.with_cors(response)
