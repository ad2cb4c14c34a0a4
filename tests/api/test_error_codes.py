"""Each ORCID error code issue 3 implements (spec §5), provoked by a real HTTP request.

Every test makes the request a client would make and checks the HTTP status and the `error-code` of
the body (JSON unless the test is about XML; XML bodies are also validated against ORCID's XSDs by the
suite-wide hook in tests/conftest.py). The record comes from `tests.api.conftest.World`: a public, a
limited and a private item in every section, all from the main member client.
"""

from __future__ import annotations

import copy
from typing import Any

import orjson
import pytest
from django.test import Client

from tests.api.conftest import JSON, XML, World, error_code, item_body

pytestmark = pytest.mark.django_db

HOST = "127.0.0.1"
UNKNOWN_ORCID = "0000-0002-1825-0097"  # a valid iD no record has


def request(
    client: Client,
    method: str,
    path: str,
    *,
    token: str | None = None,
    body: Any = None,
    raw: bytes | None = None,
    content_type: str = JSON,
    accept: str = JSON,
    host: str = HOST,
) -> Any:
    headers: dict[str, Any] = {"HTTP_HOST": host, "HTTP_ACCEPT": accept}
    if token is not None:
        headers["HTTP_AUTHORIZATION"] = f"Bearer {token}"
    data = raw if raw is not None else (None if body is None else orjson.dumps(body))
    if data is None:
        return client.generic(method, path, **headers)
    return client.generic(method, path, data=data, content_type=content_type, **headers)


def assert_error(response: Any, status: int, code: int) -> None:
    seen = response.content[:600]
    assert response.status_code == status, seen
    assert error_code(response) == code, seen
    if response["Content-Type"].startswith("application/json") or "+json" in response["Content-Type"]:
        assert orjson.loads(response.content)["response-code"] == status, seen


def post(client: Client, world: World, segment: str, body: Any, token_name: str = "update") -> Any:
    return request(
        client, "POST", f"/v3.0/{world.orcid}/{segment}", token=world.tokens[token_name], body=body
    )


def put(
    client: Client, world: World, segment: str, put_code: int, body: Any, token_name: str = "update"
) -> Any:
    path = f"/v3.0/{world.orcid}/{segment}/{put_code}"
    return request(client, "PUT", path, token=world.tokens[token_name], body=body)


def researcher(orcid: str) -> Any:
    from orchid.records.models import Researcher

    return Researcher.objects.get(orcid=orcid)


# --- 9001: the edge (XSD-invalid XML, unknown paths) ---------------------------------------------


def test_9001_xsd_invalid_xml_body(client: Client, world: World) -> None:
    body = (
        b'<work:work xmlns:work="http://www.orcid.org/ns/work" xmlns:common="http://www.orcid.org/ns/common">'
        b"<work:no-such-element/></work:work>"
    )
    response = request(
        client,
        "POST",
        f"/v3.0/{world.orcid}/work",
        token=world.tokens["update"],
        raw=body,
        content_type=XML,
        accept=XML,
    )
    assert_error(response, 400, 9001)


def test_9001_unknown_path_is_404(client: Client, world: World) -> None:
    assert_error(request(client, "GET", f"/v3.0/{world.orcid}/no-such-section"), 404, 9001)


# --- 9006, 9042, 9034: bad requests and bulk -----------------------------------------------------


def test_9006_bulk_post_of_more_than_100_works(client: Client, world: World) -> None:
    bulk = {"bulk": [{"work": item_body("work", f"many-{n}")} for n in range(101)]}
    assert_error(post(client, world, "works", bulk), 400, 9006)


def test_9006_affiliation_read_through_another_type(client: Client, world: World) -> None:
    put_code = world.items[("education", "public")]
    assert_error(request(client, "GET", f"/v3.0/{world.orcid}/employment/{put_code}"), 400, 9006)


def test_9042_bulk_read_of_more_than_100_put_codes(client: Client, world: World) -> None:
    codes = ",".join(str(n) for n in range(1, 102))
    assert_error(request(client, "GET", f"/v3.0/{world.orcid}/works/{codes}"), 400, 9042)


def test_9034_bulk_read_answers_a_bad_put_code_inline(client: Client, world: World) -> None:
    good = world.items[("work", "public")]
    response = request(client, "GET", f"/v3.0/{world.orcid}/works/{good},999999999,abc")
    assert response.status_code == 200, response.content
    entries = orjson.loads(response.content)["bulk"]
    assert "work" in entries[0]
    assert [entry["error"]["error-code"] for entry in entries[1:]] == [9034, 9034]
    assert all(entry["error"]["response-code"] == 400 for entry in entries[1:])


# --- record states (locked, deactivated, deprecated: flags set on the model, no service yet) ------


def test_9007_deprecated_record_get_is_301_to_the_primary(client: Client, world: World) -> None:
    # No service deprecates a record yet: the flag is set on the model.
    deprecated = researcher(world.orcid)
    deprecated.deprecated_to = world.other_orcid
    deprecated.save(update_fields=["deprecated_to"])
    response = request(client, "GET", f"/v3.0/{world.orcid}/works", accept=XML)
    assert_error(response, 301, 9007)
    assert response["Location"] == f"http://{HOST}/v3.0/{world.other_orcid}/works"


def test_9007_deprecated_record_write_is_409(client: Client, world: World) -> None:
    deprecated = researcher(world.orcid)
    deprecated.deprecated_to = world.other_orcid  # no service yet: set on the model
    deprecated.save(update_fields=["deprecated_to"])
    assert_error(post(client, world, "work", item_body("work", "deprecated")), 409, 9007)


def test_9018_locked_record(client: Client, world: World) -> None:
    locked = researcher(world.orcid)
    locked.locked = True  # no service locks a record yet: set on the model
    locked.save(update_fields=["locked"])
    response = request(client, "GET", f"/v3.0/{world.orcid}/works", token=world.tokens["read_limited"])
    assert_error(response, 409, 9018)
    assert_error(post(client, world, "work", item_body("work", "locked")), 409, 9018)


def test_9044_deactivated_record(client: Client, world: World) -> None:
    from django.utils import timezone

    deactivated = researcher(world.orcid)
    deactivated.deactivated_at = timezone.now()  # no service deactivates a record yet: set on the model
    deactivated.save(update_fields=["deactivated_at"])
    response = request(client, "GET", f"/v3.0/{world.orcid}/record", token=world.tokens["read_limited"])
    assert_error(response, 409, 9044)


# --- tokens and scopes -----------------------------------------------------------------------------


def test_9017_token_for_another_record(client: Client, world: World) -> None:
    response = request(client, "GET", f"/v3.0/{world.orcid}/works", token=world.tokens["other_record"])
    assert_error(response, 401, 9017)


def test_9017_public_client_on_the_member_api(client: Client, world: World) -> None:
    response = request(
        client,
        "GET",
        f"/v3.0/{world.orcid}/works",
        token=world.tokens["public_client"],
        host="api.orcid.test",
    )
    assert_error(response, 401, 9017)


def test_9038_limited_item_without_the_read_limited_scope(client: Client, world: World) -> None:
    path = f"/v3.0/{world.orcid}/work/{world.items[('work', 'limited')]}"
    assert_error(request(client, "GET", path, token=world.tokens["read_public"]), 403, 9038)


def test_9038_write_without_the_update_scope(client: Client, world: World) -> None:
    assert_error(post(client, world, "work", item_body("work", "x"), token_name="read_limited"), 403, 9038)


def test_9013_private_item_of_another_source(client: Client, world: World) -> None:
    path = f"/v3.0/{world.orcid}/work/{world.items[('work', 'private')]}"
    assert_error(request(client, "GET", path, token=world.tokens["read_limited"]), 403, 9013)


def test_9039_non_public_item_on_the_public_api(client: Client, world: World) -> None:
    path = f"/v3.0/{world.orcid}/work/{world.items[('work', 'limited')]}"
    assert_error(request(client, "GET", path, accept=XML), 403, 9039)


# --- not found -------------------------------------------------------------------------------------


def test_9016_unknown_put_code_and_unknown_record(client: Client, world: World) -> None:
    assert_error(request(client, "GET", f"/v3.0/{world.orcid}/work/999999999"), 404, 9016)
    assert_error(request(client, "GET", f"/v3.0/{UNKNOWN_ORCID}/record"), 404, 9016)


def test_9027_unknown_client(client: Client, world: World) -> None:
    assert_error(request(client, "GET", "/v3.0/client/APP-0000000000000000"), 404, 9027)


def test_9041_record_without_biography(client: Client, world: World) -> None:
    assert_error(request(client, "GET", f"/v3.0/{world.other_orcid}/biography"), 404, 9041)


# --- writes: sources, put codes, visibility, duplicates ---------------------------------------------


def test_9010_update_by_another_source(client: Client, world: World) -> None:
    put_code = world.items[("work", "public")]
    body = {**item_body("work", "public"), "put-code": put_code}
    assert_error(put(client, world, "work", put_code, body, token_name="other_source"), 403, 9010)
    path = f"/v3.0/{world.orcid}/work/{put_code}"
    assert_error(request(client, "DELETE", path, token=world.tokens["other_source"]), 403, 9010)


def test_9019_put_code_in_the_body_differs_from_the_url(client: Client, world: World) -> None:
    put_code = world.items[("work", "public")]
    body = {**item_body("work", "public"), "put-code": put_code + 1}
    assert_error(put(client, world, "work", put_code, body), 400, 9019)


def test_9024_put_code_in_a_posted_body(client: Client, world: World) -> None:
    assert_error(post(client, world, "work", {**item_body("work", "new"), "put-code": 12345}), 400, 9024)


def test_9031_person_item_put_without_put_code(client: Client, world: World) -> None:
    put_code = world.items[("keywords", "public")]
    assert_error(put(client, world, "keywords", put_code, item_body("keywords", "public")), 409, 9031)


def test_9035_visibility_change_on_put(client: Client, world: World) -> None:
    put_code = world.items[("work", "public")]
    body = {**item_body("work", "public"), "put-code": put_code, "visibility": "private"}
    assert_error(put(client, world, "work", put_code, body), 403, 9035)


def test_9021_duplicate_activity_from_the_same_source(client: Client, world: World) -> None:
    response = post(client, world, "work", item_body("work", "public"))
    assert_error(response, 409, 9021)
    assert str(world.items[("work", "public")]) in orjson.loads(response.content)["developer-message"]


def test_9030_duplicate_person_item_from_the_same_source(client: Client, world: World) -> None:
    assert_error(post(client, world, "keywords", item_body("keywords", "public")), 409, 9030)


def test_9048_works_cap(client: Client, world: World, settings: Any) -> None:
    # Creating 10,000 works would take minutes; the cap is a setting (ORCID's default 10,000),
    # lowered to the 3 works the record already has so that the next one is over it.
    settings.ORCHID_MAX_WORKS = 3
    assert_error(post(client, world, "work", item_body("work", "one-too-many")), 409, 9048)


# --- group-id records --------------------------------------------------------------------------------


def _group_body(group_id: str) -> dict[str, Any]:
    return {"name": "A group", "group-id": group_id, "description": "For the tests", "type": "journal"}


def test_9025_group_id_record_exists(client: Client, world: World) -> None:
    response = request(
        client,
        "POST",
        "/v3.0/group-id-record",
        token=world.tokens["group"],
        body=_group_body("orcid-generated:matrix"),
    )
    assert_error(response, 409, 9025)


def test_9040_group_id_record_in_use_cannot_be_deleted(client: Client, world: World) -> None:
    review = {**item_body("peer-review", "grouped"), "review-group-id": "orcid-generated:matrix"}
    assert post(client, world, "peer-review", review).status_code == 201
    path = f"/v3.0/group-id-record/{world.group_put_code}"
    assert_error(request(client, "DELETE", path, token=world.tokens["group"]), 409, 9040)


def test_9053_invalid_issn_group(client: Client, world: World) -> None:
    review = {**item_body("peer-review", "bad-issn"), "review-group-id": "issn:1234"}
    assert_error(post(client, world, "peer-review", review), 400, 9053)


# --- validation of bodies ------------------------------------------------------------------------------


def test_9047_malformed_json(client: Client, world: World) -> None:
    response = request(
        client, "POST", f"/v3.0/{world.orcid}/work", token=world.tokens["update"], raw=b'{"title": '
    )
    assert_error(response, 400, 9047)


def test_9022_work_without_title(client: Client, world: World) -> None:
    # The XSD already refuses a missing or empty title (9047): a title of white space only that the
    # XSD's `non-empty-string` lets through (U+2003 is not one of XSD's `\\s`) is the blank title.
    body = {**item_body("work", "untitled"), "title": {"title": {"value": "\u2003"}}}
    assert_error(post(client, world, "work", body), 400, 9022)


def test_9023_work_without_external_ids(client: Client, world: World) -> None:
    body = item_body("work", "no-ids")
    del body["external-ids"]
    assert_error(post(client, world, "work", body), 400, 9023)


def test_9037_work_with_an_invalid_type(client: Client, world: World) -> None:
    assert_error(
        post(client, world, "work", {**item_body("work", "typed"), "type": "no-such-type"}), 400, 9037
    )


def test_9049_invalid_date(client: Client, world: World) -> None:
    date = {"year": {"value": "2021"}, "month": {"value": "02"}, "day": {"value": "30"}}
    assert_error(
        post(client, world, "work", {**item_body("work", "dated"), "publication-date": date}), 400, 9049
    )


def test_9050_end_date_without_start_date(client: Client, world: World) -> None:
    body = {**item_body("funding", "ends"), "end-date": {"year": {"value": "2020"}}}
    assert_error(post(client, world, "funding", body), 400, 9050)


def test_9055_end_date_before_start_date(client: Client, world: World) -> None:
    body = {
        **item_body("employment", "backwards"),
        "start-date": {"year": {"value": "2020"}},
        "end-date": {"year": {"value": "2019"}},
    }
    assert_error(post(client, world, "employment", body), 400, 9055)


def test_9058_invalid_contributor_role(client: Client, world: World) -> None:
    contributor = {
        "credit-name": {"value": "A. Person"},
        "contributor-attributes": {"contributor-role": "chef"},
    }
    body = {**item_body("work", "cooked"), "contributors": {"contributor": [contributor]}}
    assert_error(post(client, world, "work", body), 400, 9058)


# --- organizations ---------------------------------------------------------------------------------------


def test_9045_unknown_organization_in_strict_mode(client: Client, world: World, settings: Any) -> None:
    settings.SANDBOX = False  # strict (production) mode: an unknown organization id is refused
    body = copy.deepcopy(item_body("employment", "strict"))
    body["organization"]["disambiguated-organization"]["disambiguated-organization-identifier"] = (
        "https://ror.org/00zzzzz00"
    )
    assert_error(post(client, world, "employment", body), 400, 9045)


def test_9046_professional_activity_without_organization(client: Client, world: World) -> None:
    body = item_body("distinction", "no-org")
    del body["organization"]
    assert_error(post(client, world, "distinction", body), 400, 9046)


def test_9060_employment_without_city(client: Client, world: World) -> None:
    body = copy.deepcopy(item_body("employment", "no-city"))
    del body["organization"]["address"]["city"]  # optional in the XSD, required for employments
    assert_error(post(client, world, "employment", body), 400, 9060)


def test_9061_region_without_country(client: Client, world: World) -> None:
    body = copy.deepcopy(item_body("distinction", "no-country"))
    body["organization"]["address"] = {"city": "Oxford", "region": "Oxfordshire"}
    assert_error(post(client, world, "distinction", body), 400, 9061)


def test_9062_professional_activity_without_org_id_or_external_ids(client: Client, world: World) -> None:
    body = copy.deepcopy(item_body("distinction", "no-org-id"))
    del body["organization"]["disambiguated-organization"]
    assert_error(post(client, world, "distinction", body), 400, 9062)


# --- versions --------------------------------------------------------------------------------------------


def test_9056_release_candidate_version_is_308(client: Client, world: World) -> None:
    response = request(client, "GET", f"/v3.0_rc1/{world.orcid}/works", accept=JSON)
    assert_error(response, 308, 9056)
    assert response["Location"] == f"http://{HOST}/v3.0/{world.orcid}/works"
