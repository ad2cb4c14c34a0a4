"""The HTTP edge on endpoints that need no record: versions, negotiation, errors, hosts, CORS, status."""

from __future__ import annotations

from typing import Any

import orjson
import pytest
from django.db import connection
from django.test import Client

from orchid.oauth.services import grant_token
from tests.api.conftest import API, LOCAL, PUB
from tests.api.xsd import assert_valid_orcid_xml
from tests.records import builders

ORCID = "0000-0002-1825-0097"
WORKS = f"/v3.0/{ORCID}/works"


def error_json(response: Any) -> dict[str, Any]:
    data = orjson.loads(response.content)
    assert set(data) == {"response-code", "developer-message", "user-message", "error-code", "more-info"}
    assert data["response-code"] == response.status_code or response.status_code in (301, 308, 409)
    return dict(data)


def error_xml_code(response: Any) -> int:
    body = response.content
    assert_valid_orcid_xml(body)
    text = body.decode()
    return int(text.split("<error:error-code>")[1].split("<")[0])


# --- status ------------------------------------------------------------------------------------


def test_status(client: Client) -> None:
    response = client.get("/v3.0/status")
    assert response.status_code == 200
    assert orjson.loads(response.content) == {"tomcatUp": True}
    assert response["Content-Type"].startswith("application/json")
    assert response["Access-Control-Allow-Origin"] == "*"


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/v3.0/apiStatus", "/v3.0/pubStatus"])
def test_api_status(client: Client, path: str) -> None:
    response = client.get(path, HTTP_ACCEPT="application/xml")  # JSON whatever is asked
    assert response.status_code == 200
    assert orjson.loads(response.content) == {
        "tomcatUp": True,
        "dbConnectionOk": True,
        "readOnlyDbConnectionOk": True,
        "overallOk": True,
    }


# --- identifiers -------------------------------------------------------------------------------


def test_identifiers_json(client: Client) -> None:
    response = client.get("/v3.0/identifiers", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=UTF-8"
    rows = orjson.loads(response.content)
    doi = next(row for row in rows if row["name"] == "doi")
    assert doi == {
        "name": "doi",
        "resolutionPrefix": "https://doi.org/",
        "deprecated": False,
        "description": "Digital object identifier",
        "caseSensitive": False,
        "primaryUse": "work",
    }
    assert b"\n" not in response.content  # application/json is compact


def test_identifiers_pretty_json_and_xml(client: Client) -> None:
    pretty = client.get("/v3.0/identifiers?locale=en", HTTP_ACCEPT="application/vnd.orcid+json")
    assert b"\n" in pretty.content
    xml = client.get("/v3.0/identifiers")
    assert xml["Content-Type"] == "application/vnd.orcid+xml; charset=UTF-8"
    assert b"<identifierTypes><identifierType><name>other-id</name>" in xml.content


# --- versions ----------------------------------------------------------------------------------


def test_missing_version_get_redirects_302(client: Client) -> None:
    response = client.get(f"/{ORCID}/works?x=1", HTTP_HOST=PUB)
    assert response.status_code == 302
    assert response["Location"] == f"http://{PUB}/v3.0/{ORCID}/works?x=1"
    assert client.get("/status")["Location"] == "http://testserver/v3.0/status"
    assert client.get("/group-id-record")["Location"] == "http://testserver/v3.0/group-id-record"


@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_missing_version_write_is_400(client: Client, method: str) -> None:
    response = getattr(client, method)(f"/{ORCID}/work", HTTP_ACCEPT="application/json")
    assert response.status_code == 400
    data = error_json(response)
    assert data["error-code"] == 9012
    assert data["developer-message"].endswith(
        f"Please specify the API Version you want to {method.upper()} to"
    )


def test_release_candidate_redirects_308_with_9056(client: Client) -> None:
    response = client.get(f"/v3.0_rc1/{ORCID}/works", HTTP_HOST=API)
    assert response.status_code == 308
    assert response["Location"] == f"http://{API}/v3.0/{ORCID}/works"
    assert error_xml_code(response) == 9056
    assert b"Release candidates for V3.0 are now disabled" in response.content

    as_json = client.post(f"/v3.0_rc2/{ORCID}/work", HTTP_ACCEPT="application/json")
    assert as_json.status_code == 308
    assert error_json(as_json)["error-code"] == 9056

    older = client.get(f"/v2.0_rc4/{ORCID}/works")
    assert (older.status_code, older["Location"]) == (308, f"http://testserver/v2.0/{ORCID}/works")


@pytest.mark.parametrize("version", ["v1.2", "v1.1", "v2.0", "v2.1"])
def test_other_versions_are_400(client: Client, version: str) -> None:
    response = client.get(f"/{version}/{ORCID}/works", HTTP_ACCEPT="application/vnd.orcid+json")
    assert response.status_code == 400
    data = error_json(response)
    assert data["error-code"] == 9012
    if version.startswith("v2"):
        assert "serves only v3.0" in data["developer-message"]
    else:
        assert "no longer available" in data["developer-message"]


def test_site_pages_are_not_api_paths(client: Client) -> None:
    assert client.get("/healthz").status_code == 200
    assert client.get("/").status_code == 200
    assert client.get("/nothing-here").status_code == 404


# --- negotiation over HTTP ---------------------------------------------------------------------


def test_406_for_an_unsupported_accept(client: Client) -> None:
    response = client.get("/v3.0/identifiers", HTTP_ACCEPT="text/html")
    assert response.status_code == 406
    assert response["Content-Type"] == "application/vnd.orcid+xml; charset=UTF-8"
    assert error_xml_code(response) == 9001


@pytest.mark.django_db
def test_415_for_a_write_without_an_orcid_body(client: Client, tokens: Any, bearer: Any) -> None:
    for content_type in ("text/plain", "application/x-www-form-urlencoded"):
        response = client.post(
            f"/v3.0/{tokens.orcid}/work",
            data=b"x",
            content_type=content_type,
            HTTP_ACCEPT="application/json",
            HTTP_HOST=API,
            **bearer(tokens.update),
        )
        assert response.status_code == 415, response.content
        assert error_json(response)["error-code"] == 9001


# --- error rendering ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/v3.0/0000-0002-1825-009/works",  # malformed iD: no such resource (JAX-RS 404 -> 9001)
        f"/v3.0/{ORCID}/no-such-section",
        f"/v3.0/{ORCID}/work/abc",
        "/v3.0/nothing-here",
    ],
)
@pytest.mark.django_db  # a Public API read looks up the record's version first (orchid.api.cache)
def test_unknown_paths_are_orcid_404s(client: Client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert error_xml_code(response) == 9001


def test_error_bodies_in_each_format(client: Client) -> None:
    compact = client.get("/v3.0/nothing", HTTP_ACCEPT="application/json")
    assert compact["Content-Type"] == "application/json; charset=UTF-8"
    assert b"\n" not in compact.content
    data = error_json(compact)
    assert data["more-info"] == "https://members.orcid.org/api/resources/troubleshooting"
    pretty = client.get("/v3.0/nothing", HTTP_ACCEPT="application/orcid+json")
    assert b'\n  "response-code": 404' in pretty.content
    for accept in ("application/xml", "application/orcid+xml", "application/vnd.orcid+xml"):
        response = client.get("/v3.0/nothing", HTTP_ACCEPT=accept)
        assert response["Content-Type"] == f"{accept}; charset=UTF-8"
        assert error_xml_code(response) == 9001


@pytest.mark.django_db
def test_unexpected_exception_is_a_9008_without_trace(
    client: Client, caplog: pytest.LogCaptureFixture
) -> None:
    def failing_database(*args: Any) -> Any:  # a fault of the infrastructure, injected below our code
        raise RuntimeError("secret internals")

    with connection.execute_wrapper(failing_database):
        response = client.get(f"/v3.0/{ORCID}/record", HTTP_ACCEPT="application/json")
    assert response.status_code == 500
    assert error_json(response)["error-code"] == 9008
    assert b"secret internals" not in response.content
    assert "secret internals" in caplog.text


@pytest.mark.django_db
def test_orcid_errors_keep_their_status(client: Client) -> None:
    response = client.get(f"/v3.0/{ORCID}/person")  # no such record
    assert response.status_code == 404
    assert error_xml_code(response) == 9016


@pytest.mark.django_db
def test_deprecated_record_get_is_301_and_write_409(client: Client) -> None:
    primary, deprecated = builders.researcher(), builders.researcher()
    member = builders.client()
    token = grant_token(member, orcid=deprecated.orcid, scopes=["/activities/update"]).token
    deprecated.deprecated_to = primary.orcid
    deprecated.save()
    response = client.get(f"/v3.0/{deprecated.orcid}/works?x=1", HTTP_HOST=PUB)
    assert response.status_code == 301
    assert response["Location"] == f"http://{PUB}/v3.0/{primary.orcid}/works?x=1"
    assert error_xml_code(response) == 9007
    record = client.get(f"/v3.0/{deprecated.orcid}", HTTP_ACCEPT="application/json")
    assert record["Location"] == f"http://testserver/v3.0/{primary.orcid}"
    assert error_json(record)["response-code"] == 301
    write = client.delete(
        f"/v3.0/{deprecated.orcid}/work/5", HTTP_HOST=API, HTTP_AUTHORIZATION=f"Bearer {token}"
    )
    assert write.status_code == 409
    assert error_xml_code(write) == 9007


# --- hosts, transport, CORS --------------------------------------------------------------------


@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_public_api_has_no_writes(client: Client, method: str) -> None:
    path = f"/v3.0/{ORCID}/work" if method == "post" else f"/v3.0/{ORCID}/work/1"
    response = getattr(client, method)(path, HTTP_HOST=PUB, HTTP_ACCEPT="application/json")
    assert response.status_code == 405
    assert error_json(response)["error-code"] == 9001


@pytest.mark.parametrize(
    "path", [f"/v3.0/{ORCID}/summary", "/v3.0/group-id-record", "/v3.0/group-id-record/1"]
)
def test_member_only_paths_are_404_on_the_public_api(client: Client, path: str) -> None:
    for host in (PUB, LOCAL):  # anonymous on a neutral host: Public API rules
        response = client.get(path, HTTP_HOST=host, HTTP_ACCEPT="application/json")
        assert response.status_code == 404
        assert error_json(response)["error-code"] == 9001


def test_member_api_without_a_token_is_401(client: Client) -> None:
    response = client.get(f"/v3.0/{ORCID}/works", HTTP_HOST=API)
    assert response.status_code == 401
    assert orjson.loads(response.content)["error"] == "unauthorized"
    assert response["WWW-Authenticate"].startswith("Bearer ")


@pytest.mark.django_db
def test_invalid_token_is_oauth_401(client: Client) -> None:
    response = client.get(
        f"/v3.0/{ORCID}/works",
        HTTP_HOST=PUB,
        HTTP_AUTHORIZATION="Bearer 00000000-0000-4000-8000-000000000000",
    )
    assert response.status_code == 401
    assert orjson.loads(response.content) == {
        "error": "invalid_token",
        "error_description": "Invalid access token: 00000000-0000-4000-8000-000000000000",
    }
    assert 'error="invalid_token"' in response["WWW-Authenticate"]
    assert response["Access-Control-Allow-Origin"] == "*"


@pytest.mark.django_db
def test_plain_http_refused_when_configured(client: Client, settings: Any) -> None:
    settings.ORCHID_ALLOW_PLAIN_HTTP = False
    response = client.get("/v3.0/identifiers", HTTP_ACCEPT="application/json")
    assert response.status_code == 400
    data = error_json(response)
    assert data["error-code"] == 9012
    assert data["developer-message"].endswith("This API Version only allows HTTPS calls.")
    assert client.get("/v3.0/identifiers", secure=True).status_code == 200
    # ORCID's ApiVersionCheckFilter lets /apiStatus and /pubStatus through, not /status.
    assert client.get("/v3.0/apiStatus").status_code == 200
    assert client.get("/v3.0/pubStatus").status_code == 200
    assert client.get("/v3.0/status").status_code == 400


def test_cors_preflight(client: Client) -> None:
    response = client.options(
        WORKS, HTTP_ORIGIN="https://app.example.org", HTTP_ACCESS_CONTROL_REQUEST_HEADERS="authorization"
    )
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Access-Control-Allow-Methods"] == "GET, POST, PUT, DELETE"
    assert response["Access-Control-Allow-Headers"] == "authorization"


def test_any_host_header_is_accepted(client: Client) -> None:
    for host in ("pub.sandbox.example", "api.sandbox.example", "localhost:8000", "orchid.internal"):
        assert client.get("/v3.0/status", HTTP_HOST=host).status_code == 200


def test_host_routing_table(settings: Any) -> None:
    from orchid.api.routing import api_for_host
    from orchid.records.viewer import Api

    assert api_for_host("pub.orcid.org") is Api.PUBLIC
    assert api_for_host("API.sandbox.orcid.org:443") is Api.MEMBER
    assert api_for_host("127.0.0.1:8000") is None
    settings.ORCHID_PUBLIC_API_HOST_PREFIX = "public-"
    assert api_for_host("public-orchid.test") is Api.PUBLIC
    assert api_for_host("pub.orcid.org") is None


@pytest.mark.django_db
def test_request_body_size_limit(client: Client, settings: Any) -> None:
    researcher, member = builders.researcher(), builders.client()
    token = grant_token(member, orcid=researcher.orcid, scopes=["/activities/update"]).token
    settings.ORCHID_API_MAX_BODY_BYTES = 10
    response = client.post(
        f"/v3.0/{researcher.orcid}/work",
        data=b"<x>" + b" " * 100 + b"</x>",
        content_type="application/vnd.orcid+xml",
        HTTP_HOST=API,
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert response.status_code == 413
    assert error_xml_code(response) == 9001
