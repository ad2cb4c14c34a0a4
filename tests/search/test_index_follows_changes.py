"""The search index follows every change to a record, whichever way it is made."""

from __future__ import annotations

import pytest
from django.test import Client

from orchid.records import emails
from orchid.records.models import Researcher
from tests.records import builders

pytestmark = pytest.mark.django_db


def hits(client: Client, query: str) -> int:
    response = client.get(f"/v3.0/search?q={query}", HTTP_ACCEPT="application/vnd.orcid+json")
    assert response.status_code == 200, response.content
    return int(response.json()["num-found"])


def test_a_name_edited_on_the_researcher_row_is_found_at_once(client: Client) -> None:
    researcher = builders.researcher(family_name="Oldname")
    assert hits(client, "family-name:Oldname") == 1
    researcher = Researcher.objects.get(pk=researcher.pk)
    researcher.family_name = "Newname"
    researcher.save()  # as the Registry UI's profile editor does
    assert hits(client, "family-name:Newname") == 1 and hits(client, "family-name:Oldname") == 0


def test_an_email_made_private_is_no_longer_found(client: Client) -> None:
    researcher = builders.researcher()
    address = "findme@example.org"
    row = emails.add(researcher, address, visibility="private")
    row.verified = True  # verified as orchid.web.accounts does: the address row, then the record
    row.save()
    Researcher.objects.get(pk=researcher.pk).save()
    assert hits(client, f'email:"{address}"') == 0
    emails.set_visibility(researcher, row.pk, "public")
    assert hits(client, f'email:"{address}"') == 1
    emails.set_visibility(researcher, row.pk, "private")
    assert hits(client, f'email:"{address}"') == 0


def test_works_added_in_bulk_are_indexed(client: Client) -> None:
    from orchid.records import services
    from orchid.schema import models

    researcher = builders.researcher()
    viewer = builders.member_viewer(researcher.orcid)
    bulk = models.bulk.Bulk(work_or_error=[builders.work("Zanzibarian"), builders.work("Quokkalike")])
    services.add_works_bulk(researcher.orcid, bulk, viewer)
    assert hits(client, "work-titles:Zanzibarian") == 1 and hits(client, "work-titles:Quokkalike") == 1
