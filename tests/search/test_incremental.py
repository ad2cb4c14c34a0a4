"""A write to one activity updates only that activity's index entries, and leaves the index exactly as a
whole-record rebuild would (same entries, same display values): created, updated, deleted, hidden and
shown again, on both databases. Private items are never indexed, whichever way they arrive."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from orchid.records import services
from orchid.records.models import Researcher
from orchid.records.sections import BY_NAME
from orchid.records.viewer import Viewer
from orchid.search.api import expanded_results
from orchid.search.index import catch_up, reindex
from orchid.search.models import SearchDocument, SearchEntry
from tests.records import builders as b
from tests.search.conftest import funding, hits, past_education

pytestmark = pytest.mark.django_db


def snapshot(researcher_pk: int) -> tuple[list[tuple[Any, ...]], dict[str, Any]]:
    catch_up()
    entries = sorted(
        SearchEntry.objects.filter(researcher_id=researcher_pk).values_list("field", "body", "put_code")
    )
    document = SearchDocument.objects.get(researcher_id=researcher_pk)
    return entries, {**document.display, "modified": document.modified}


def assert_same_as_rebuild(researcher_pk: int) -> None:
    incremental = snapshot(researcher_pk)
    reindex(researcher_pk)
    assert snapshot(researcher_pk) == incremental


def institutions(orcid: str) -> list[str]:
    page = expanded_results({"q": f"orcid:{orcid}"}, Viewer.anonymous())
    (result,) = page.expanded_result
    return list(result.institution_name)


def test_work_created_updated_deleted(db: None) -> None:
    researcher = b.researcher(family_name="Incremental")
    viewer = b.member_viewer(researcher.orcid)
    section = BY_NAME["work"]
    put_code = services.add_item(
        researcher.orcid, section, b.work("Zebrafish", b.external_id("10.9/a")), viewer
    )
    assert hits("work-titles:zebrafish") == {researcher.orcid}
    assert hits('doi-self:"10.9/a"') == {researcher.orcid}
    assert_same_as_rebuild(researcher.pk)

    changed = b.work("Axolotl", b.external_id("10.9/e"), b.external_id("10.9/b", relationship="part-of"))
    changed.put_code = put_code
    services.update_item(researcher.orcid, section, put_code, changed, viewer)
    assert hits("work-titles:zebrafish") == set()
    assert hits('doi-self:"10.9/a"') == set()
    assert hits("work-titles:axolotl") == {researcher.orcid}
    assert hits('doi-part-of:"10.9/b"') == {researcher.orcid}
    assert hits("family-name:incremental") == {researcher.orcid}  # the person's entries stay
    assert_same_as_rebuild(researcher.pk)

    services.delete_item(researcher.orcid, section, put_code, viewer)
    assert hits("work-titles:axolotl") == set()
    assert hits('doi:"10.9/b"') == set()
    assert SearchEntry.objects.filter(researcher_id=researcher.pk, put_code=put_code).count() == 0
    assert_same_as_rebuild(researcher.pk)


def test_an_item_change_touches_only_that_item(db: None) -> None:
    researcher = b.researcher()
    viewer = b.member_viewer(researcher.orcid)
    section = BY_NAME["work"]
    kept = services.add_item(researcher.orcid, section, b.work("Kept"), viewer)
    changing = services.add_item(researcher.orcid, section, b.work("Changing"), viewer)
    catch_up()
    before = set(SearchEntry.objects.filter(put_code=kept).values_list("pk", flat=True))
    assert before and SearchEntry.objects.filter(put_code=changing).exists()
    services.delete_item(researcher.orcid, section, changing, viewer)
    catch_up()
    assert set(SearchEntry.objects.filter(put_code=kept).values_list("pk", flat=True)) == before
    assert not SearchEntry.objects.filter(put_code=changing).exists()
    assert hits("work-titles:kept") == {researcher.orcid}


def test_visibility_changes_hide_and_show_an_item(db: None) -> None:
    researcher = b.researcher()
    viewer = b.member_viewer(researcher.orcid)
    section = BY_NAME["funding"]
    grant = funding("Quasicrystal growth", "QC-1", "Kelp Foundation", "http://dx.doi.org/10.13039/100000001")
    put_code = services.add_item(researcher.orcid, section, grant, viewer)
    owner = Viewer.researcher_self(researcher.orcid)
    assert hits("funding-titles:quasicrystal") == {researcher.orcid}
    services.set_visibility(researcher.orcid, section, put_code, "limited", owner)
    assert hits("funding-titles:quasicrystal") == set()
    assert hits('funding-org-name:"Kelp Foundation"') == set()
    assert_same_as_rebuild(researcher.pk)
    services.set_visibility(researcher.orcid, section, put_code, "public", owner)
    assert hits("funding-titles:quasicrystal") == {researcher.orcid}
    assert_same_as_rebuild(researcher.pk)


def test_a_private_item_is_never_indexed(db: None) -> None:
    researcher = b.researcher(default_visibility="private")
    viewer = b.member_viewer(researcher.orcid)
    section = BY_NAME["work"]
    put_code = services.add_item(
        researcher.orcid, section, b.work("Cryptozoology", b.external_id("10.9/c")), viewer
    )
    assert hits("work-titles:cryptozoology") == set()
    assert SearchEntry.objects.filter(put_code=put_code).count() == 0
    changed = b.work("Cryptobotany", b.external_id("10.9/d"))
    changed.put_code = put_code
    services.update_item(researcher.orcid, section, put_code, changed, viewer)
    assert hits("work-titles:cryptobotany") == set()
    assert hits('doi:"10.9/d"') == set()
    assert SearchEntry.objects.filter(put_code=put_code).count() == 0
    assert_same_as_rebuild(researcher.pk)


def test_affiliation_changes_keep_the_display_values_right(db: None) -> None:
    researcher = b.researcher()
    viewer = b.member_viewer(researcher.orcid)
    owner = Viewer.researcher_self(researcher.orcid)
    employment = services.add_item(
        researcher.orcid, BY_NAME["employment"], b.employment("Lighthouse Institute"), viewer
    )
    education = services.add_item(
        researcher.orcid, BY_NAME["education"], past_education("Harbour College", "grid.1.a"), viewer
    )
    assert institutions(researcher.orcid) == ["Harbour College", "Lighthouse Institute"]
    assert hits("current-institution-affiliation-name:lighthouse") == {researcher.orcid}
    assert hits("past-institution-affiliation-name:harbour") == {researcher.orcid}
    assert_same_as_rebuild(researcher.pk)

    services.set_visibility(researcher.orcid, BY_NAME["education"], education, "private", owner)
    assert institutions(researcher.orcid) == ["Lighthouse Institute"]
    assert hits("affiliation-org-name:harbour") == set()
    assert_same_as_rebuild(researcher.pk)

    services.delete_item(researcher.orcid, BY_NAME["employment"], employment, viewer)
    assert institutions(researcher.orcid) == []
    assert hits("affiliation-org-name:lighthouse") == set()
    assert_same_as_rebuild(researcher.pk)


def test_an_item_write_does_not_render_the_record(db: None) -> None:
    researcher = b.researcher()
    viewer = b.member_viewer(researcher.orcid)
    for n in range(5):
        services.add_item(researcher.orcid, BY_NAME["work"], b.work(f"Existing{n}"), viewer)
    catch_up()
    with CaptureQueriesContext(connection) as writing:
        services.add_item(researcher.orcid, BY_NAME["work"], b.work("Onemore"), viewer)
    index_queries = [q["sql"] for q in writing.captured_queries if "search_" in q["sql"]]
    assert len(index_queries) == 1 and "search_pending" in index_queries[0], index_queries  # a note only
    with CaptureQueriesContext(connection) as catching_up:
        catch_up()
    index_queries = [q["sql"] for q in catching_up.captured_queries if "search_" in q["sql"]]
    # the notes in and out, the document's date, the item's entries out and in (FTS5's queue on SQLite):
    # never a read of every entry or item
    assert len(index_queries) <= 11, index_queries
    captured = [*writing.captured_queries, *catching_up.captured_queries]
    assert not any('FROM "records_email"' in q["sql"] for q in captured)
    assert hits("work-titles:onemore") == {researcher.orcid}


def test_record_state_changes_still_rebuild(db: None) -> None:
    researcher = b.researcher(family_name="Lockable")
    viewer = b.member_viewer(researcher.orcid)
    services.add_item(researcher.orcid, BY_NAME["work"], b.work("Lighthouses"), viewer)
    row = Researcher.objects.get(pk=researcher.pk)
    row.deprecated_to = "0000-0002-1825-0097"
    row.save()  # change=None: the whole record, which the public can no longer read
    assert hits("work-titles:lighthouses") == set()
    assert hits("family-name:lockable") == set()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's statistics-guided phrase match")
def test_phrases_found_by_their_rarest_token_are_still_exact_phrases(db: None) -> None:
    from orchid.search.backends import Phrase, postgres

    found = {}
    for n, ror in enumerate(["05gq02987", "05dxps055", "01an7q238", "00f54p054"]):
        researcher = b.researcher()
        viewer = b.member_viewer(researcher.orcid)
        employer = b.employment(f"Rarity Institute {n}", f"https://ror.org/{ror}")
        services.add_item(researcher.orcid, BY_NAME["employment"], employer, viewer)
        found[ror] = researcher.orcid
    catch_up()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE search_entry")
    postgres._statistics = (-postgres.STATISTICS_TTL, {})  # read the fresh statistics
    assert postgres._rarest_token(Phrase(("https", "ror", "org", "05gq02987"))) == "05gq02987"
    assert hits('ror-org-id:"https://ror.org/05gq02987"') == {found["05gq02987"]}
    assert hits('ror-org-id:"org ror 05gq02987"') == set()  # every token there, not in this order
    assert hits('affiliation-org-name:"rarity institute 2"') == {found["01an7q238"]}
    assert hits('affiliation-org-name:"institute rarity"') == set()


def test_a_used_up_id_range_is_renumbered_by_a_rebuild(db: None) -> None:
    from orchid.search.models import entry_ids

    researcher = b.researcher(family_name="Renumbered")
    viewer = b.member_viewer(researcher.orcid)
    ids = entry_ids(researcher.pk)
    # as if a long history of item writes had climbed to the last id of the range
    SearchEntry.objects.create(id=ids.stop - 1, researcher_id=researcher.pk, field="keyword", body="climbed")
    services.add_item(researcher.orcid, BY_NAME["work"], b.work("Overflowing"), viewer)
    catch_up()
    stored = sorted(SearchEntry.objects.filter(researcher_id=researcher.pk).values_list("id", flat=True))
    assert stored[0] == ids.start and stored[-1] < ids.start + 100
    assert hits("work-titles:overflowing") == {researcher.orcid}
    assert hits("keyword:climbed") == set()  # the rebuild wrote only what the record holds
    assert hits("family-name:renumbered") == {researcher.orcid}
