"""Stored public renderings of the record: byte-identical to a live rendering, never stale, public only."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import orjson
import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from orchid.fixtures import load
from orchid.fixtures.demo import demo_data
from orchid.records import renderings, services
from orchid.records.models import Item, PublicRendering, Researcher
from orchid.records.sections import BY_NAME
from orchid.records.viewer import Viewer
from orchid.schema import to_json, to_xml
from tests.records import builders as b

pytestmark = pytest.mark.django_db
VND_JSON = "application/vnd.orcid+json"
VND_XML = "application/vnd.orcid+xml"
MEDIA = [VND_JSON, VND_XML, "application/json", "application/xml", "application/orcid+json"]


def _live(orcid: str, accept: str) -> bytes:
    """What the API's handler renders for an anonymous caller, without any stored rendering."""
    record = services.read_record(orcid, Viewer.anonymous())
    if "xml" in accept:
        return to_xml(record)
    return to_json(record, pretty=accept != "application/json")


def _get(client: Client, orcid: str, accept: str, **extra: Any) -> Any:
    return client.get(f"/v3.0/{orcid}/record", HTTP_ACCEPT=accept, **extra)


@pytest.fixture
def rich() -> str:
    """The demo's first researcher: an item in every section, from clients and the researcher."""
    out = load(demo_data())
    return str(out["researchers"]["josiah"]["orcid"])


@pytest.mark.parametrize("accept", MEDIA)
def test_stored_rendering_is_byte_identical_to_a_live_one(
    client: Client, rich: str, accept: str, django_capture_on_commit_callbacks: Any
) -> None:
    assert not PublicRendering.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):  # the stored rendering's files, once committed
        first = _get(client, rich, accept)  # renders and stores
    assert first.status_code == 200 and first["Content-Type"].startswith(accept)
    stored = PublicRendering.objects.get(researcher__orcid=rich)
    assert stored.version == Researcher.objects.get(orcid=rich).version
    with CaptureQueriesContext(connection) as queries:
        second = _get(client, rich, accept)  # served from the stored rendering's file
    assert len(queries) == 1
    assert first.content == second.content == _live(rich, accept)
    assert b"Visibility" not in second.content  # sanity: a real record, not an error
    assert (b"<work:title>" in second.content) if "xml" in accept else (b'"works"' in second.content)


def test_refresh_matches_the_api_and_the_unprefixed_path(client: Client, rich: str) -> None:
    researcher = Researcher.objects.get(orcid=rich)
    assert renderings.refresh_public_renderings(researcher.pk)
    stored = PublicRendering.objects.get(pk=researcher.pk)
    assert bytes(stored.record_json) == _live(rich, VND_JSON)
    assert bytes(stored.record_xml) == _live(rich, VND_XML)
    assert stored.dump_files is not None and stored.dump_activities > 0
    assert client.get(f"/v3.0/{rich}", HTTP_ACCEPT=VND_XML).content == bytes(stored.record_xml)


def test_the_worker_leaves_the_dump_files_of_a_record_still_being_written_for_later(
    rich: str, settings: Any
) -> None:
    from orchid.records.apps import _refresh_renderings

    settings.ORCHID_RENDERING_DELAY_SECONDS = 3600  # the record's last change is within the delay
    researcher = Researcher.objects.get(orcid=rich)
    _refresh_renderings({"researcher_pk": researcher.pk})
    stored = PublicRendering.objects.get(pk=researcher.pk)
    assert stored.version == researcher.version and bytes(stored.record_json) == _live(rich, VND_JSON)
    assert stored.dump_version != researcher.version and stored.dump_files is None
    # Quiet for the delay: the next refresh renders them too.
    Researcher.objects.filter(pk=researcher.pk).update(last_modified=timezone.now() - timedelta(hours=2))
    _refresh_renderings({"researcher_pk": researcher.pk})
    stored = PublicRendering.objects.get(pk=researcher.pk)
    assert stored.dump_version == researcher.version and stored.dump_activities > 0


@pytest.mark.parametrize("accept", [VND_JSON, VND_XML])
def test_a_write_is_seen_at_once_in_both_formats(client: Client, accept: str) -> None:
    researcher = b.researcher()
    viewer = b.member_viewer(researcher.orcid)
    services.add_item(researcher.orcid, BY_NAME["work"], b.work("Before the change"), viewer)
    assert b"Before the change" in _get(client, researcher.orcid, accept).content
    assert PublicRendering.objects.filter(pk=researcher.pk).exists()
    put_code = services.add_item(researcher.orcid, BY_NAME["work"], b.work("Written just now"), viewer)
    after = _get(client, researcher.orcid, accept).content  # the stored one is stale: rendered again
    assert b"Written just now" in after and after == _live(researcher.orcid, accept)
    services.delete_item(researcher.orcid, BY_NAME["work"], put_code, viewer)
    assert b"Written just now" not in _get(client, researcher.orcid, accept).content


@pytest.mark.parametrize("accept", [VND_JSON, VND_XML])
def test_a_visibility_change_hides_the_item(client: Client, accept: str) -> None:
    researcher = b.researcher()
    me = Viewer.researcher_self(researcher.orcid)
    put_code = services.add_item(researcher.orcid, BY_NAME["work"], b.work("Soon private"), me)
    assert b"Soon private" in _get(client, researcher.orcid, accept).content
    services.set_visibility(researcher.orcid, BY_NAME["work"], put_code, "private", me)
    assert b"Soon private" not in _get(client, researcher.orcid, accept).content
    renderings.refresh_public_renderings(researcher.pk)
    stored = PublicRendering.objects.get(pk=researcher.pk)
    assert b"Soon private" not in bytes(stored.record_json) + bytes(stored.record_xml)
    assert b"Soon private" not in bytes(stored.dump_files or b"")  # compressed, but a title never hides


def test_a_rendering_of_an_older_version_is_never_served(client: Client) -> None:
    researcher = b.researcher()
    current = Researcher.objects.get(pk=researcher.pk).version
    PublicRendering.objects.create(
        researcher=researcher, version=current - 1, record_json=b"{}", record_xml=b"<stale/>"
    )
    body = _get(client, researcher.orcid, VND_XML).content
    assert body == _live(researcher.orcid, VND_XML)
    assert bytes(PublicRendering.objects.get(pk=researcher.pk).record_xml) == body  # replaced


def test_an_older_rendering_never_replaces_a_newer_one() -> None:
    researcher = b.researcher()
    renderings.refresh_public_renderings(researcher.pk)
    newest = PublicRendering.objects.get(pk=researcher.pk).version
    renderings.store(renderings.Rendering(researcher.pk, researcher.orcid, newest - 1, b"{}", b"<old/>"))
    assert bytes(PublicRendering.objects.get(pk=researcher.pk).record_xml) != b"<old/>"


@pytest.mark.parametrize("state", ["locked", "deactivated"])
def test_locked_and_deactivated_records(client: Client, state: str) -> None:
    researcher = b.researcher()
    viewer = b.member_viewer(researcher.orcid)
    services.add_item(researcher.orcid, BY_NAME["work"], b.work("Visible before"), viewer)
    before = _get(client, researcher.orcid, VND_JSON).content
    row = Researcher.objects.get(pk=researcher.pk)
    if state == "locked":
        row.locked = True
    else:
        from django.utils import timezone

        row.deactivated_at = timezone.now()
    row.save()
    public = _get(client, researcher.orcid, VND_JSON)
    assert public.status_code == 200 and public.content == _live(researcher.orcid, VND_JSON)
    assert b"Visible before" in before
    # The record's own change made the stored rendering stale; the read stored one at the new version.
    assert PublicRendering.objects.get(pk=researcher.pk).version == row.version
    assert _get(client, researcher.orcid, VND_JSON).content == public.content
    token = b.member_viewer(researcher.orcid)
    from orchid.oauth.services import grant_token

    granted = grant_token(token.client, orcid=researcher.orcid, scopes=["/read-limited"]).token
    member = _get(client, researcher.orcid, VND_JSON, HTTP_AUTHORIZATION=f"Bearer {granted}")
    assert member.status_code == 409
    assert orjson.loads(member.content)["error-code"] == (9018 if state == "locked" else 9044)


def test_deprecated_records_redirect_even_with_a_stored_rendering(client: Client) -> None:
    primary, deprecated = b.researcher(), b.researcher()
    _get(client, deprecated.orcid, VND_XML)
    assert PublicRendering.objects.filter(pk=deprecated.pk).exists()
    row = Researcher.objects.get(pk=deprecated.pk)
    row.deprecated_to = primary.orcid
    row.save()
    response = _get(client, deprecated.orcid, VND_XML)
    assert response.status_code == 301 and primary.orcid in response["Location"]
    assert renderings.refresh_public_renderings(deprecated.pk) is False


def test_callers_the_record_refuses_never_get_the_stored_rendering(client: Client) -> None:
    owner = b.client()
    unclaimed = b.researcher(claimed=False, created_by_client=owner)
    _get(client, unclaimed.orcid, VND_JSON)  # anonymous: stored
    assert PublicRendering.objects.filter(pk=unclaimed.pk).exists()
    from orchid.oauth.services import grant_token

    other = b.client("public")
    token = grant_token(other, scopes=["/read-public"]).token
    refused = _get(client, unclaimed.orcid, VND_JSON, HTTP_AUTHORIZATION=f"Bearer {token}")
    assert refused.status_code == 409 and orjson.loads(refused.content)["error-code"] == 9036


def test_items_changed_behind_the_services_back_show_after_a_version_bump(client: Client) -> None:
    researcher = b.researcher()
    viewer = b.member_viewer(researcher.orcid)
    put_code = services.add_item(researcher.orcid, BY_NAME["work"], b.work("Quietly hidden"), viewer)
    assert b"Quietly hidden" in _get(client, researcher.orcid, VND_XML).content
    Item.objects.filter(pk=put_code).update(visibility="limited")
    from orchid.records.changes import mark_changed

    mark_changed(researcher.pk)
    assert b"Quietly hidden" not in _get(client, researcher.orcid, VND_XML).content


@pytest.mark.django_db(transaction=True)  # the worker performs on its own connection, as in production
def test_a_change_queues_one_coalesced_refresh_that_the_worker_performs(settings: Any) -> None:
    from orchid.outbox.models import Message
    from orchid.outbox.worker import Worker

    settings.ORCHID_RENDERING_DELAY_SECONDS = 0
    settings.ORCHID_OUTBOX_CONCURRENCY = 1
    researcher = b.researcher()
    viewer = b.member_viewer(researcher.orcid)
    Message.objects.all().delete()
    services.add_item(researcher.orcid, BY_NAME["work"], b.work("First of a burst"), viewer)
    services.add_item(researcher.orcid, BY_NAME["work"], b.work("Second of a burst"), viewer)
    queued = Message.objects.filter(kind="public-rendering", key=str(researcher.pk))
    assert queued.count() == 1  # two writes, one refresh
    assert not PublicRendering.objects.filter(pk=researcher.pk).exists()
    Worker(poll_seconds=0).run(once=True)
    stored = PublicRendering.objects.get(pk=researcher.pk)
    assert stored.version == Researcher.objects.get(pk=researcher.pk).version
    assert b"Second of a burst" in bytes(stored.record_xml)
    assert not queued.exists()


def test_writes_that_go_on_put_the_refresh_off_up_to_the_maximum_delay(settings: Any) -> None:
    from orchid.outbox.models import Message

    settings.ORCHID_RENDERING_DELAY_SECONDS = 10
    settings.ORCHID_RENDERING_MAX_DELAY_SECONDS = 60
    researcher = b.researcher()
    viewer = b.member_viewer(researcher.orcid)
    services.add_item(researcher.orcid, BY_NAME["work"], b.work("First"), viewer)
    queued = Message.objects.get(kind="public-rendering", key=str(researcher.pk))
    services.add_item(researcher.orcid, BY_NAME["work"], b.work("Second"), viewer)
    postponed = Message.objects.get(pk=queued.pk)
    assert postponed.due_at > queued.due_at  # ten seconds after the latest write
    Message.objects.filter(pk=queued.pk).update(created_at=queued.created_at - timedelta(seconds=55))
    services.add_item(researcher.orcid, BY_NAME["work"], b.work("Third"), viewer)
    assert Message.objects.get(pk=queued.pk).due_at == postponed.due_at  # 60 s after the first, no later


def test_postgresql_stores_renderings_compressed_with_lz4(client: Client, rich: str) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's TOAST compression (records migration 0004)")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'"
        )
        if not cursor.fetchone()[0]:
            pytest.skip("this PostgreSQL has no lz4")
    assert _get(client, rich, VND_JSON).status_code == 200  # rendered and stored by the read
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_column_compression(record_json), pg_column_compression(record_xml), "
            "pg_column_size(record_json), length(record_json) FROM records_publicrendering"
        )
        json_method, xml_method, stored, length = cursor.fetchone()
    assert (json_method, xml_method) == ("lz4", "lz4")
    assert stored < length / 3
    # and still served byte for byte
    assert _get(client, rich, VND_JSON).content == _live(rich, VND_JSON)
