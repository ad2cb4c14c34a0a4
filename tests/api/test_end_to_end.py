"""Reads and writes through the whole stack: HTTP edge, OAuth tokens, records services, database."""

from __future__ import annotations

from typing import Any

import orjson
import pytest
from django.test import Client

from tests.api.conftest import API, LOCAL, PUB
from tests.api.xsd import assert_valid_orcid_xml

pytestmark = pytest.mark.django_db

JSON = "application/vnd.orcid+json"
XML = "application/vnd.orcid+xml"


def work_json(doi: str, title: str = "A study of things") -> bytes:
    return orjson.dumps(
        {
            "title": {"title": {"value": title}},
            "type": "journal-article",
            "external-ids": {
                "external-id": [
                    {"external-id-type": "doi", "external-id-value": doi, "external-id-relationship": "self"}
                ]
            },
        }
    )


WORK_XML = b"""<?xml version="1.0" encoding="UTF-8"?>
<work:work xmlns:common="http://www.orcid.org/ns/common" xmlns:work="http://www.orcid.org/ns/work">
  <work:title><common:title>An XML work</common:title></work:title>
  <work:type>book</work:type>
  <common:external-ids>
    <common:external-id>
      <common:external-id-type>isbn</common:external-id-type>
      <common:external-id-value>9780306406157</common:external-id-value>
      <common:external-id-relationship>self</common:external-id-relationship>
    </common:external-id>
  </common:external-ids>
</work:work>"""


def post_work(
    client: Client,
    tokens: Any,
    bearer: Any,
    body: bytes,
    host: str = API,
    media: str = JSON,
    accept: str = "",
) -> Any:
    extra = {"HTTP_ACCEPT": accept} if accept else {}
    return client.post(
        f"/v3.0/{tokens.orcid}/work",
        data=body,
        content_type=media,
        HTTP_HOST=host,
        **bearer(tokens.update),
        **extra,
    )


def test_work_lifecycle_json(client: Client, tokens: Any, bearer: Any) -> None:
    created = post_work(client, tokens, bearer, work_json("10.1234/one"))
    assert created.status_code == 201, created.content
    assert created.content == b""
    location = created["Location"]
    prefix = f"http://{API}/v3.0/{tokens.orcid}/work/"
    assert location.startswith(prefix)
    put_code = int(location.removeprefix(prefix))

    read = client.get(location, HTTP_HOST=API, HTTP_ACCEPT=JSON, **bearer(tokens.update))
    assert read.status_code == 200
    assert read["Content-Type"] == f"{JSON}; charset=UTF-8"
    work = orjson.loads(read.content)
    assert work["put-code"] == put_code
    assert work["title"]["title"]["value"] == "A study of things"

    work["title"]["title"]["value"] = "A revised study"
    updated = client.put(
        location, data=orjson.dumps(work), content_type=JSON, HTTP_HOST=API, **bearer(tokens.update)
    )
    assert updated.status_code == 200, updated.content
    assert orjson.loads(updated.content)["title"]["title"]["value"] == "A revised study"

    summary = client.get(f"/v3.0/{tokens.orcid}/work/summary/{put_code}", HTTP_HOST=PUB, HTTP_ACCEPT=JSON)
    assert orjson.loads(summary.content)["put-code"] == put_code


def test_missing_accept_answers_in_the_body_type(client: Client, tokens: Any, bearer: Any) -> None:
    created = post_work(client, tokens, bearer, work_json("10.1234/two"))
    location = created["Location"]
    work = orjson.loads(
        client.get(location, HTTP_ACCEPT=JSON, HTTP_HOST=API, **bearer(tokens.update)).content
    )
    updated = client.put(
        location, data=orjson.dumps(work), content_type=JSON, HTTP_HOST=API, **bearer(tokens.update)
    )
    assert updated.status_code == 200
    assert updated["Content-Type"] == f"{JSON}; charset=UTF-8"


def test_reads_validate_against_the_xsds(client: Client, tokens: Any, bearer: Any) -> None:
    created = post_work(client, tokens, bearer, WORK_XML, media=XML)
    assert created.status_code == 201, created.content
    put_code = created["Location"].rsplit("/", 1)[1]
    orcid = tokens.orcid
    paths = [
        f"/v3.0/{orcid}",
        f"/v3.0/{orcid}/record",
        f"/v3.0/{orcid}/person",
        f"/v3.0/{orcid}/personal-details",
        f"/v3.0/{orcid}/email",
        f"/v3.0/{orcid}/activities",
        f"/v3.0/{orcid}/works",
        f"/v3.0/{orcid}/work/{put_code}",
        f"/v3.0/{orcid}/work/summary/{put_code}",
        f"/v3.0/{orcid}/works/{put_code},999999",
        f"/v3.0/{orcid}/fundings",
        f"/v3.0/{orcid}/educations",
        f"/v3.0/{orcid}/peer-reviews",
        f"/v3.0/{orcid}/research-resources",
        f"/v3.0/{orcid}/keywords",
        f"/v3.0/{orcid}/address",
        f"/v3.0/{orcid}/other-names",
        f"/v3.0/{orcid}/researcher-urls",
        f"/v3.0/{orcid}/external-identifiers",
    ]
    for host, headers in ((PUB, {}), (API, bearer(tokens.update))):
        for path in paths:
            response = client.get(path, HTTP_HOST=host, **headers)
            assert response.status_code == 200, (host, path, response.content[:500])
            assert response["Content-Type"] == f"{XML}; charset=UTF-8"
            assert_valid_orcid_xml(response.content)


def test_duplicate_work_is_409(client: Client, tokens: Any, bearer: Any) -> None:
    assert post_work(client, tokens, bearer, work_json("10.1234/dup")).status_code == 201
    again = post_work(client, tokens, bearer, work_json("10.1234/DUP"))
    assert again.status_code == 409
    assert orjson.loads(again.content)["error-code"] == 9021  # no Accept: the body's type
    as_xml = post_work(client, tokens, bearer, work_json("10.1234/dup"), accept=XML)
    assert as_xml.status_code == 409
    assert_valid_orcid_xml(as_xml.content)


def test_delete(client: Client, tokens: Any, bearer: Any) -> None:
    location = post_work(client, tokens, bearer, work_json("10.1234/del"))["Location"]
    deleted = client.delete(location, HTTP_HOST=API, **bearer(tokens.update))
    assert deleted.status_code == 204
    assert deleted.content == b""
    gone = client.get(location, HTTP_HOST=API, HTTP_ACCEPT="application/json", **bearer(tokens.update))
    assert gone.status_code == 404


def test_bulk_works(client: Client, tokens: Any, bearer: Any) -> None:
    bulk = {"bulk": [{"work": orjson.loads(work_json(f"10.1234/bulk{n}"))} for n in range(3)]}
    response = client.post(
        f"/v3.0/{tokens.orcid}/works",
        data=orjson.dumps(bulk),
        content_type=JSON,
        HTTP_ACCEPT=XML,
        HTTP_HOST=API,
        **bearer(tokens.update),
    )
    assert response.status_code == 200, response.content[:500]
    assert_valid_orcid_xml(response.content)
    assert response.content.count(b"<work:work ") == 3
    codes = ",".join(part.split('"')[0] for part in response.content.decode().split('put-code="')[1:])
    read = client.get(f"/v3.0/{tokens.orcid}/works/{codes},abc", HTTP_HOST=PUB)
    assert read.status_code == 200
    assert_valid_orcid_xml(read.content)
    assert b"<error:error-code>9034</error:error-code>" in read.content

    too_many = ",".join(str(n) for n in range(1, 102))
    refused = client.get(
        f"/v3.0/{tokens.orcid}/works/{too_many}", HTTP_HOST=PUB, HTTP_ACCEPT="application/json"
    )
    assert refused.status_code == 400
    assert orjson.loads(refused.content)["error-code"] == 9042


def test_person_item_post(client: Client, tokens: Any, bearer: Any) -> None:
    response = client.post(
        f"/v3.0/{tokens.orcid}/keywords",
        data=orjson.dumps({"content": "glaciology"}),
        content_type=JSON,
        HTTP_HOST=API,
        **bearer(tokens.update),
    )
    assert response.status_code == 201, response.content
    assert response["Location"].startswith(f"http://{API}/v3.0/{tokens.orcid}/keywords/")


def test_neutral_host_the_token_decides(client: Client, tokens: Any, bearer: Any) -> None:
    # a member client's token: Member API rules, writes allowed
    created = post_work(client, tokens, bearer, work_json("10.1234/local"), host=LOCAL)
    assert created.status_code == 201, created.content
    assert created["Location"].startswith(f"http://{LOCAL}/v3.0/{tokens.orcid}/work/")
    # a public client's token: Public API rules (reads only)
    read = client.get(f"/v3.0/{tokens.orcid}/works", HTTP_HOST=LOCAL, **bearer(tokens.public_read))
    assert read.status_code == 200
    write = client.post(
        f"/v3.0/{tokens.orcid}/work",
        data=work_json("10.1234/public"),
        content_type=JSON,
        HTTP_HOST=LOCAL,
        **bearer(tokens.public_read),
    )
    assert write.status_code == 405
    # and on the Member API host, the public client is refused (9017)
    member = client.get(f"/v3.0/{tokens.orcid}/works", HTTP_HOST=API, **bearer(tokens.public_read))
    assert member.status_code == 401
    assert b"<error:error-code>9017</error:error-code>" in member.content


def test_access_token_query_parameter(client: Client, tokens: Any) -> None:
    response = client.get(f"/v3.0/{tokens.orcid}/works?access_token={tokens.read_public}", HTTP_HOST=API)
    assert response.status_code == 200


def test_unknown_record_is_404(client: Client) -> None:
    response = client.get("/v3.0/0000-0002-1825-0097/works", HTTP_HOST=PUB, HTTP_ACCEPT="application/json")
    assert response.status_code == 404
    assert orjson.loads(response.content)["error-code"] == 9016


def test_group_id_records(client: Client, tokens: Any) -> None:
    from orchid.oauth import services as oauth

    token = oauth.grant_token(
        tokens.member_client, scopes=["/group-id-record/update"], value="44444444-4444-4444-8444-444444444444"
    )
    del token
    headers = {"HTTP_AUTHORIZATION": "Bearer 44444444-4444-4444-8444-444444444444", "HTTP_HOST": API}
    body = orjson.dumps(
        {
            "name": "A peer-review group",
            "group-id": "orcid-generated:orchid-test-group",
            "description": "For the tests",
            "type": "journal",
        }
    )
    created = client.post("/v3.0/group-id-record", data=body, content_type=JSON, **headers)
    assert created.status_code == 201, created.content
    assert created["Location"].startswith(f"http://{API}/v3.0/group-id-record/")
    found = client.get(created["Location"], HTTP_ACCEPT=XML, **headers)
    assert found.status_code == 200, found.content
    assert_valid_orcid_xml(found.content)
    listed = client.get("/v3.0/group-id-record?page-size=10&page=1", HTTP_ACCEPT=XML, **headers)
    assert listed.status_code == 200, listed.content
    assert_valid_orcid_xml(listed.content)
    assert client.delete(created["Location"], **headers).status_code == 204


@pytest.mark.parametrize(
    ("method", "path"), [("get", "/v3.0/{orcid}/work"), ("post", "/v3.0/{orcid}/fundings")]
)
def test_wrong_method_on_a_section_is_405(
    client: Client, tokens: Any, bearer: Any, method: str, path: str
) -> None:
    body = {"data": b"{}", "content_type": JSON} if method == "post" else {}
    response = getattr(client, method)(
        path.format(orcid=tokens.orcid),
        HTTP_HOST=API,
        HTTP_ACCEPT="application/json",
        **bearer(tokens.update),
        **body,
    )
    assert response.status_code == 405
    assert orjson.loads(response.content)["error-code"] == 9001


def test_client_endpoint(client: Client, tokens: Any, bearer: Any) -> None:
    from orchid.oauth import services as oauth

    if not hasattr(oauth, "read_client"):
        pytest.skip("orchid.oauth.services.read_client is not written yet")
    client_id = tokens.member_client.client_id
    response = client.get(f"/v3.0/client/{client_id}", HTTP_HOST=PUB)
    assert response.status_code == 200, response.content
    assert_valid_orcid_xml(response.content)
    missing = client.get("/v3.0/client/APP-0000000000000000", HTTP_HOST=PUB, HTTP_ACCEPT="application/json")
    assert (missing.status_code, orjson.loads(missing.content)["error-code"]) == (404, 9027)


def test_record_summary_member_api_only(client: Client, tokens: Any, bearer: Any) -> None:
    from orchid.records import services

    if not hasattr(services, "read_record_summary"):
        pytest.skip("orchid.records.services.read_record_summary is not written yet")
    response = client.get(f"/v3.0/{tokens.orcid}/summary", HTTP_HOST=API, **bearer(tokens.read_public))
    assert response.status_code == 200, response.content
    assert_valid_orcid_xml(response.content)
    assert client.get(f"/v3.0/{tokens.orcid}/summary", HTTP_HOST=PUB).status_code == 404
