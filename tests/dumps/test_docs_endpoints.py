"""`/v3.0/openapi.json`, the browsable `/v3.0/` page, and the status endpoints of spec §2.1."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from orchid.api.openapi import templates

pytestmark = pytest.mark.django_db


def test_openapi_document_lists_the_record_and_work_paths(client: Client) -> None:
    response = client.get("/v3.0/openapi.json", secure=True)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    doc = json.loads(response.content)
    assert doc["openapi"].startswith("3.")
    assert doc["components"]["securitySchemes"]["bearer"] == {"type": "http", "scheme": "bearer"}
    paths = doc["paths"]
    assert set(paths["/{orcid}/record"]) == {"get"}
    assert set(paths["/{orcid}/work"]) == {"post"}
    assert set(paths["/{orcid}/work/{put_code}"]) == {"get", "put", "delete"}
    assert "/{orcid}/work/summary/{put_code}" in paths
    assert "/{orcid}/research-resources" in paths and "/{orcid}/keywords" in paths
    read = paths["/{orcid}/work/{put_code}"]["get"]
    assert {p["name"] for p in read["parameters"]} == {"orcid", "put_code"}
    assert "application/vnd.orcid+xml" in read["responses"]["200"]["content"]
    assert paths["/{orcid}/work/{put_code}"]["delete"]["responses"]["204"]
    assert paths["/pubStatus"]["get"]["security"] == []
    assert "/openapi.json" not in paths and "/" not in paths  # the docs describe the API only


def test_browsable_page_lists_the_endpoints(client: Client) -> None:
    response = client.get("/v3.0/", secure=True)
    assert response.status_code == 200
    html = response.content.decode()
    assert "web/orchid.css" in html and "/v3.0/openapi.json" in html
    assert "/v3.0/{orcid}/work/{put_code}" in html and "DELETE" in html
    assert "http://" not in html.replace("http://www.w3", "")  # no external CDN


def test_status_endpoints_follow_the_spec(client: Client) -> None:
    for path in ("/v3.0/apiStatus", "/v3.0/pubStatus"):
        response = client.get(path, secure=True)
        assert response.status_code == 200
        assert json.loads(response.content) == {
            "tomcatUp": True,
            "dbConnectionOk": True,
            "readOnlyDbConnectionOk": True,
            "overallOk": True,
        }


def test_path_templates_from_url_regexes() -> None:
    assert templates(r"/(?:apiStatus|pubStatus)/?$") == ["/apiStatus", "/pubStatus"]
    assert templates(r"/(?P<orcid>\d{4}-\d{4}-\d{4}-\d{3}[\dX])/work/(?P<put_code>\d+)/?$") == [
        "/{orcid}/work/{put_code}"
    ]
