"""The item editors of /my-orcid, driven through Django's test Client: what a researcher adds, edits,
deletes and hides there is what the API answers afterwards."""

from __future__ import annotations

import re
from typing import Any

import orjson
import pytest
from django.test import Client

from orchid.records import services
from orchid.records.models import Email, Item, Researcher
from orchid.records.sections import BY_NAME
from tests.records import builders
from tests.web.conftest import mailbox_link

PUB = "pub.orchid.test"
JSON = "application/vnd.orcid+json"

pytestmark = pytest.mark.django_db


def public(client: Client, orcid: str, path: str) -> Any:
    response = client.get(f"/v3.0/{orcid}/{path}", HTTP_HOST=PUB, HTTP_ACCEPT=JSON)
    assert response.status_code == 200, response.content
    return orjson.loads(response.content)


def public_work_titles(client: Client, orcid: str) -> list[str]:
    works = public(client, orcid, "works")
    return [
        summary["title"]["title"]["value"] for group in works["group"] for summary in group["work-summary"]
    ]


def only_item(researcher: Researcher, section: str) -> Item:
    (row,) = Item.objects.filter(researcher=researcher, section=section)
    return row


WORK = {
    "title": "On the brittleness of pots",
    "type": "journal-article",
    "publication_date": "2021-03",
    "journal_title": "Journal of Psychoceramics",
    "url": "https://example.org/pots",
    "external_ids-0-type": "doi",
    "external_ids-0-value": "10.5555/pots.2021",
    "external_ids-0-relationship": "self",
    "visibility": "public",
}

EMPLOYMENT = {
    "name": "California Institute of Technology",
    "city": "Pasadena",
    "country": "US",
    "org_id": "https://ror.org/05dxps055",
    "org_source": "ROR",
    "department": "Psychoceramics",
    "role": "Professor",
    "start_date": "2019-09",
    "visibility": "public",
}


def test_add_edit_delete_a_work(signed_in: Client, researcher: Researcher) -> None:
    form = signed_in.get("/my-orcid/items/work/new")
    assert form.status_code == 200
    assert 'name="external_ids-0-type"' in form.content.decode()

    added = signed_in.post("/my-orcid/items/work/new", WORK)
    assert added.status_code == 302, added.content.decode()
    row = only_item(researcher, "work")
    assert row.source_orcid == researcher.orcid
    assert public_work_titles(signed_in, researcher.orcid) == [WORK["title"]]
    work = public(signed_in, researcher.orcid, f"work/{row.pk}")
    assert work["publication-date"]["month"]["value"] == "03"
    assert work["journal-title"]["value"] == "Journal of Psychoceramics"
    assert work["external-ids"]["external-id"][0]["external-id-value"] == "10.5555/pots.2021"

    page = signed_in.get("/my-orcid").content.decode()
    assert f'href="/my-orcid/items/work/{row.pk}"' in page

    editing = signed_in.get(f"/my-orcid/items/work/{row.pk}").content.decode()
    assert 'value="On the brittleness of pots"' in editing
    assert 'value="2021-03"' in editing
    edited = signed_in.post(f"/my-orcid/items/work/{row.pk}", {**WORK, "title": "On unbreakable pots"})
    assert edited.status_code == 302, edited.content.decode()
    assert public_work_titles(signed_in, researcher.orcid) == ["On unbreakable pots"]

    deleted = signed_in.post(f"/my-orcid/items/work/{row.pk}/delete")
    assert deleted.status_code == 302
    assert public_work_titles(signed_in, researcher.orcid) == []


def test_add_edit_delete_a_keyword(signed_in: Client, researcher: Researcher) -> None:
    assert (
        signed_in.post(
            "/my-orcid/items/keyword/new", {"content": "pottery", "visibility": "public"}
        ).status_code
        == 302
    )
    row = only_item(researcher, "keyword")
    keywords = public(signed_in, researcher.orcid, "keywords")
    assert [keyword["content"] for keyword in keywords["keyword"]] == ["pottery"]

    assert 'value="pottery"' in signed_in.get(f"/my-orcid/items/keyword/{row.pk}").content.decode()
    signed_in.post(f"/my-orcid/items/keyword/{row.pk}", {"content": "ceramics", "visibility": "public"})
    keywords = public(signed_in, researcher.orcid, "keywords")
    assert [keyword["content"] for keyword in keywords["keyword"]] == ["ceramics"]

    signed_in.post(f"/my-orcid/items/keyword/{row.pk}/delete")
    assert public(signed_in, researcher.orcid, "keywords")["keyword"] == []


def test_add_edit_delete_an_employment(signed_in: Client, researcher: Researcher) -> None:
    added = signed_in.post("/my-orcid/items/employment/new", EMPLOYMENT)
    assert added.status_code == 302, added.content.decode()
    row = only_item(researcher, "employment")
    employment = public(signed_in, researcher.orcid, f"employment/{row.pk}")
    assert employment["organization"]["name"] == "California Institute of Technology"
    assert employment["department-name"] == "Psychoceramics"
    assert employment["start-date"]["year"]["value"] == "2019"

    edited = signed_in.post(f"/my-orcid/items/employment/{row.pk}", {**EMPLOYMENT, "role": "Dean"})
    assert edited.status_code == 302, edited.content.decode()
    assert public(signed_in, researcher.orcid, f"employment/{row.pk}")["role-title"] == "Dean"
    assert "Dean" in signed_in.get("/my-orcid").content.decode()

    signed_in.post(f"/my-orcid/items/employment/{row.pk}/delete")
    assert public(signed_in, researcher.orcid, "employments")["affiliation-group"] == []


@pytest.mark.parametrize(
    ("section", "values"),
    [
        ("other-name", {"content": "J. Carberry"}),
        ("researcher-url", {"url_name": "Lab", "url": "https://lab.example.org"}),
        ("address", {"country": "GB"}),
        (
            "funding",
            {
                "title": "Pot grant",
                "type": "grant",
                "name": "National Science Foundation",
                "city": "Alexandria",
                "country": "US",
                "org_id": "http://dx.doi.org/10.13039/100000001",
                "org_source": "FUNDREF",
                "start_date": "2019",
                "amount": "250000",
                "currency": "USD",
                "external_ids-0-type": "grant_number",
                "external_ids-0-value": "NSF-1234567",
                "external_ids-0-relationship": "self",
            },
        ),
        (
            "peer-review",
            {
                "role": "reviewer",
                "type": "review",
                "group_id": "issn:1741-4857",
                "completion_date": "2020-03-14",
                "name": "ORCID",
                "city": "Bethesda",
                "country": "US",
                "org_id": "385488",
                "org_source": "RINGGOLD",
                "external_ids-0-type": "source-work-id",
                "external_ids-0-value": "review-1",
            },
        ),
        (
            "research-resource",
            {
                "title": "Beam time",
                "host_name": "CERN",
                "host_city": "Geneva",
                "host_country": "CH",
                "host_org_id": "https://ror.org/01ggx4157",
                "host_org_source": "ROR",
                "external_ids-0-type": "proposal-id",
                "external_ids-0-value": "CERN-1",
                "resource_name": "Synchrotron",
                "resource_type": "infrastructures",
                "resource_ids-0-type": "uri",
                "resource_ids-0-value": "https://resources.example.org/sps",
            },
        ),
        ("service", {**EMPLOYMENT, "role": "Editor"}),
    ],
)
def test_every_other_editor_adds_an_item(
    signed_in: Client, researcher: Researcher, section: str, values: dict[str, str]
) -> None:
    added = signed_in.post(f"/my-orcid/items/{section}/new", {**values, "visibility": "limited"})
    assert added.status_code == 302, added.content.decode()
    row = only_item(researcher, section)
    assert row.visibility == "limited"
    assert signed_in.get(f"/my-orcid/items/{section}/{row.pk}").status_code == 200


def test_external_identifiers_have_no_editor(signed_in: Client) -> None:
    assert signed_in.get("/my-orcid/items/external-identifier/new").status_code == 404


def test_visibility_change_hides_from_the_public_api_at_once(
    signed_in: Client, researcher: Researcher
) -> None:
    signed_in.post("/my-orcid/items/work/new", WORK)
    row = only_item(researcher, "work")
    version = Researcher.objects.get(pk=researcher.pk).version
    assert public_work_titles(signed_in, researcher.orcid) == [WORK["title"]]  # now cached

    changed = signed_in.post(f"/my-orcid/items/work/{row.pk}/visibility", {"visibility": "private"})
    assert changed.status_code == 302
    assert Researcher.objects.get(pk=researcher.pk).version > version
    assert public_work_titles(signed_in, researcher.orcid) == []
    hidden = signed_in.get(f"/v3.0/{researcher.orcid}/work/{row.pk}", HTTP_HOST=PUB, HTTP_ACCEPT=JSON)
    assert hidden.status_code == 403  # ORCID's 9039 on the Public API


def test_a_clients_item_is_not_editable_but_its_visibility_is(
    signed_in: Client, researcher: Researcher
) -> None:
    member = builders.client()
    viewer = builders.member_viewer(researcher.orcid, member)
    put_code = services.add_item(researcher.orcid, BY_NAME["work"], builders.work("From a client"), viewer)
    assert public_work_titles(signed_in, researcher.orcid) == ["From a client"]

    page = signed_in.get("/my-orcid").content.decode()
    assert member.name in page
    assert f'href="/my-orcid/items/work/{put_code}"' not in page
    assert f"/my-orcid/items/work/{put_code}/delete" not in page
    assert f"/my-orcid/items/work/{put_code}/visibility" in page

    shown = signed_in.get(f"/my-orcid/items/work/{put_code}").content.decode()
    assert "only they can change it" in shown
    refused = signed_in.post(f"/my-orcid/items/work/{put_code}", {**WORK, "title": "Hijacked"})
    assert refused.status_code == 403
    assert "You are not the source of the work" in refused.content.decode()
    assert public_work_titles(signed_in, researcher.orcid) == ["From a client"]

    deleted = signed_in.post(f"/my-orcid/items/work/{put_code}/delete", follow=True)
    assert "was not deleted" in deleted.content.decode()

    changed = signed_in.post(f"/my-orcid/items/work/{put_code}/visibility", {"visibility": "private"})
    assert changed.status_code == 302
    assert public_work_titles(signed_in, researcher.orcid) == []
    assert Item.objects.get(pk=put_code).source_client_id == member.pk


def test_clients_never_change_visibility(researcher: Researcher) -> None:
    from orchid.errors import OrcidError

    viewer = builders.member_viewer(researcher.orcid)
    put_code = services.add_item(researcher.orcid, BY_NAME["work"], builders.work("Mine"), viewer)
    with pytest.raises(OrcidError) as refused:
        services.set_visibility(researcher.orcid, BY_NAME["work"], put_code, "private", viewer)
    assert refused.value.code == 9035
    other = builders.researcher()
    with pytest.raises(OrcidError) as foreign:
        services.set_visibility(
            researcher.orcid,
            BY_NAME["work"],
            put_code,
            "private",
            services.Viewer.researcher_self(other.orcid),
        )
    assert foreign.value.code == 9010


def test_validation_errors_show_orcids_message(signed_in: Client, researcher: Researcher) -> None:
    bad_date = signed_in.post("/my-orcid/items/work/new", {**WORK, "publication_date": "March 2021"})
    assert bad_date.status_code == 400
    assert "YYYY, YYYY-MM or YYYY-MM-DD" in bad_date.content.decode()

    bad_org = signed_in.post("/my-orcid/items/employment/new", {**EMPLOYMENT, "org_id": "not-a-ror-id"})
    assert bad_org.status_code == 400
    body = bad_org.content.decode()
    assert "ORCID error 9045" in body
    assert "is not a valid ROR identifier" in body
    assert 'value="California Institute of Technology"' in body  # the form keeps what was typed

    signed_in.post("/my-orcid/items/employment/new", EMPLOYMENT)
    wrong_order = signed_in.post(
        "/my-orcid/items/employment/new", {**EMPLOYMENT, "start_date": "2020", "end_date": "2019"}
    )
    assert wrong_order.status_code == 400
    assert re.search(r"ORCID error 90\d\d", wrong_order.content.decode())
    assert Item.objects.filter(researcher=researcher, section="employment").count() == 1


def test_second_email_verify_then_make_primary(signed_in: Client, researcher: Researcher) -> None:
    added = signed_in.post("/my-orcid/emails", {"email": "carberry@lab.example.org", "visibility": "public"})
    assert added.status_code == 302
    row = Email.objects.get(email="carberry@lab.example.org")
    assert not row.verified and not row.primary

    early = signed_in.post(f"/my-orcid/emails/{row.pk}/primary", follow=True)
    assert "Verify this e-mail address" in early.content.decode()
    assert not Email.objects.get(pk=row.pk).primary

    link = mailbox_link(signed_in, "carberry@lab.example.org", "/verify-email/")
    assert signed_in.get(link).status_code == 200
    assert Email.objects.get(pk=row.pk).verified

    signed_in.post(f"/my-orcid/emails/{row.pk}/primary")
    primaries = list(
        Email.objects.filter(researcher=researcher, primary=True).values_list("email", flat=True)
    )
    assert primaries == ["carberry@lab.example.org"]
    emails = public(signed_in, researcher.orcid, "email")
    assert [email["email"] for email in emails["email"]] == ["carberry@lab.example.org"]

    old = Email.objects.get(email="josiah@example.org")
    signed_in.post(f"/my-orcid/emails/{old.pk}/remove")
    assert not Email.objects.filter(pk=old.pk).exists()
    refused = signed_in.post(f"/my-orcid/emails/{row.pk}/remove", follow=True)
    assert "cannot be removed" in refused.content.decode()


def test_language_switch_persists(signed_in: Client, researcher: Researcher) -> None:
    saved = signed_in.post("/account", {"locale": "de"})
    assert saved.status_code == 302
    assert Researcher.objects.get(pk=researcher.pk).locale == "de"
    page = signed_in.get("/my-orcid")
    assert page["Content-Language"] == "de"
    assert page.wsgi_request.LANGUAGE_CODE == "de"  # type: ignore[attr-defined]
    assert page.context["LANGUAGE_CODE"] == "de"

    signed_in.post("/account", {"locale": "zh_TW"})
    assert signed_in.get("/account")["Content-Language"] == "zh-hant"
    signed_in.logout()
    assert "Content-Language" not in signed_in.get("/signin")


def test_html_lang_follows_the_language(signed_in: Client) -> None:
    signed_in.post("/account", {"locale": "de"})
    assert '<html lang="de"' in signed_in.get("/my-orcid").content.decode()
