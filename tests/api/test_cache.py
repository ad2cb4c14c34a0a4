"""Public API renderings are reused until the record changes, and never shown to Member API callers."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from orchid.records import services
from orchid.records.models import Researcher
from orchid.records.sections import BY_NAME
from orchid.records.viewer import Viewer
from tests.records import builders as b

pytestmark = pytest.mark.django_db
JSON = {"HTTP_ACCEPT": "application/vnd.orcid+json"}


def test_a_repeated_public_read_costs_one_query_and_a_change_is_seen_at_once(client: Client) -> None:
    researcher = b.researcher()
    viewer = b.member_viewer(researcher.orcid)
    services.add_item(researcher.orcid, BY_NAME["work"], b.work("First"), viewer)
    url = f"/v3.0/{researcher.orcid}/works"
    first = client.get(url, **JSON)
    with CaptureQueriesContext(connection) as queries:
        again = client.get(url, **JSON)
    assert again.content == first.content and len(queries) == 1
    services.add_item(researcher.orcid, BY_NAME["work"], b.work("Second"), viewer)
    assert b'"Second"' in client.get(url, **JSON).content
    researcher = Researcher.objects.get(pk=researcher.pk)
    researcher.locked = True  # a change to the record itself invalidates too
    researcher.save()
    assert client.get(url, **JSON).status_code == 200  # public reads of a locked record still answer


def test_renderings_are_per_format_and_public_only(client: Client) -> None:
    researcher = b.researcher()
    viewer = b.member_viewer(researcher.orcid)
    put_code = services.add_item(researcher.orcid, BY_NAME["work"], b.work("Hidden"), viewer)
    from orchid.records.models import Item

    Item.objects.filter(pk=put_code).update(visibility="limited")
    services.add_item(researcher.orcid, BY_NAME["work"], b.work("Shown"), viewer)  # bumps the version
    url = f"/v3.0/{researcher.orcid}/works"
    public_json = client.get(url, **JSON).content
    public_xml = client.get(url, HTTP_ACCEPT="application/vnd.orcid+xml").content
    assert b"Shown" in public_json and b"Hidden" not in public_json and public_xml.startswith(b"<?xml")
    from orchid.oauth.services import grant_token

    token = grant_token(viewer.client, orcid=researcher.orcid, scopes=["/read-limited"]).token
    member = client.get(url, HTTP_AUTHORIZATION=f"Bearer {token}", **JSON).content
    assert b"Hidden" in member  # the member's view is never the cached public one
    assert services.read_section(researcher.orcid, BY_NAME["work"], Viewer.anonymous()).group
