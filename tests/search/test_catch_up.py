"""Record writes only note their changes for the index (`search_pending`); `catch_up` (every search, and
the worker's chore every second) applies them, and on SQLite brings FTS5 up to the entries through its
queue. After any mix of writes, a catch-up leaves the index as a rebuild from the records would."""

from __future__ import annotations

import pytest
from django.db import connection, transaction

from orchid.outbox.worker import Worker
from orchid.records import services
from orchid.records.sections import BY_NAME
from orchid.search.backends import for_vendor
from orchid.search.index import catch_up, reindex
from orchid.search.models import SearchEntry, SearchPending
from tests.records import builders as b
from tests.search.conftest import hits

pytestmark = pytest.mark.django_db
sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS5 queue")


def fts_queued() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM search_fts_queue")
        return int(cursor.fetchone()[0])


def fts_researchers(expression: str) -> set[int]:
    """Researchers FTS5 itself finds, without the catch-up a search does first."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT rowid >> 20 FROM search_fts WHERE search_fts MATCH %s", [expression])
        return {int(row[0]) for row in cursor.fetchall()}


def fts_instances() -> list[tuple[object, ...]]:
    """Every (term, rowid, column, offset) FTS5 holds."""
    with connection.cursor() as cursor:
        vocabulary = "fts5vocab(main, search_fts, instance)"
        cursor.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_instances USING {vocabulary}")
        cursor.execute("SELECT term, doc, col, offset FROM temp.fts_instances ORDER BY 1, 2, 3, 4")
        return [tuple(row) for row in cursor.fetchall()]


def entries(researcher_pk: int) -> list[tuple[object, ...]]:
    rows = SearchEntry.objects.filter(researcher_id=researcher_pk).values_list("field", "body", "put_code")
    return sorted(rows, key=repr)


def test_a_write_leaves_a_note_and_a_search_catches_up_first(db: None) -> None:
    researcher = b.researcher(family_name="Noted")
    catch_up()
    put_code = services.add_item(
        researcher.orcid, BY_NAME["work"], b.work("Quokka"), b.member_viewer(researcher.orcid)
    )
    assert list(SearchPending.objects.values_list("researcher_id", "section", "put_codes")) == [
        (researcher.pk, "work", str(put_code))
    ]
    assert not SearchEntry.objects.filter(put_code=put_code).exists()  # the write did no indexing
    assert hits("work-titles:quokka") == {researcher.orcid}  # the search caught up first
    assert not SearchPending.objects.exists()
    assert SearchEntry.objects.filter(put_code=put_code).exists()
    assert catch_up() is False  # nothing left


def test_a_rolled_back_write_leaves_no_note(db: None) -> None:
    researcher = b.researcher()
    catch_up()
    with pytest.raises(RuntimeError), transaction.atomic():
        services.add_item(
            researcher.orcid, BY_NAME["work"], b.work("Undone"), b.member_viewer(researcher.orcid)
        )
        raise RuntimeError("the write fails after the item was saved")
    assert not SearchPending.objects.exists()
    assert hits("work-titles:undone") == set()


def test_catching_up_after_mixed_writes_leaves_what_a_rebuild_would(db: None) -> None:
    section = BY_NAME["work"]
    first, second = b.researcher(family_name="Alpha"), b.researcher(family_name="Beta")
    viewer, other = b.member_viewer(first.orcid), b.member_viewer(second.orcid)
    services.add_item(first.orcid, section, b.work("Kept", b.external_id("10.9/k")), viewer)
    changed = services.add_item(first.orcid, section, b.work("Before", b.external_id("10.9/c")), viewer)
    gone = services.add_item(second.orcid, section, b.work("Fleeting"), other)
    assert catch_up() is True
    assert hits("work-titles:fleeting") == {second.orcid}

    # Without a catch-up in between: an update, a delete of an indexed item, an item added and deleted
    # again (the index never sees it), a whole-record change, and one more update.
    update = b.work("After", b.external_id("10.9/c"))
    update.put_code = changed
    services.update_item(first.orcid, section, changed, update, viewer)
    services.delete_item(second.orcid, section, gone, other)
    brief = services.add_item(second.orcid, section, b.work("Ephemeral"), other)
    services.delete_item(second.orcid, section, brief, other)
    second.family_name = "Gamma"
    second.save()
    update = b.work("Finally", b.external_id("10.9/c"))
    update.put_code = changed
    services.update_item(first.orcid, section, changed, update, viewer)
    assert SearchPending.objects.count() == 6
    assert catch_up() is True

    assert hits("work-titles:kept") == {first.orcid}
    assert hits("work-titles:finally") == {first.orcid}
    assert hits("work-titles:before OR work-titles:after") == set()
    assert hits("work-titles:fleeting OR work-titles:ephemeral") == set()
    assert hits("family-name:gamma") == {second.orcid}
    assert hits("family-name:beta") == set()
    if connection.vendor == "sqlite":  # FTS5 holds what a rebuild from the entries would
        assert fts_queued() == 0
        fts = fts_instances()
        with connection.cursor() as cursor:
            for statement in for_vendor("sqlite").populate_sql():
                cursor.execute(statement)
        assert fts_instances() == fts
    incremental = {pk: entries(pk) for pk in (first.pk, second.pk)}
    for pk in (first.pk, second.pk):
        reindex(pk)  # and the entries what a rebuild from the records would
    assert {pk: entries(pk) for pk in (first.pk, second.pk)} == incremental


@sqlite_only
def test_fts5_follows_the_entries_only_when_caught_up(db: None) -> None:
    researcher = b.researcher()
    catch_up()
    SearchEntry.objects.create(
        id=(researcher.pk << 20) + 500, researcher_id=researcher.pk, field="keyword", body="platypus"
    )
    assert fts_queued() == 1
    assert fts_researchers('body : "platypus"') == set()
    assert catch_up() is True
    assert fts_queued() == 0
    assert fts_researchers('body : "platypus"') == {researcher.pk}
    SearchEntry.objects.filter(body="platypus").delete()
    assert fts_researchers('body : "platypus"') == {researcher.pk}
    catch_up()
    assert fts_researchers('body : "platypus"') == set()


@pytest.mark.django_db(transaction=True)  # the worker does its chores outside any transaction
def test_the_worker_catches_up_as_a_chore(transactional_db: None) -> None:
    researcher = b.researcher()
    put_code = services.add_item(
        researcher.orcid, BY_NAME["work"], b.work("Wombat"), b.member_viewer(researcher.orcid)
    )
    assert SearchPending.objects.exists()
    Worker(poll_seconds=0).run(once=True)
    assert not SearchPending.objects.exists()
    assert SearchEntry.objects.filter(put_code=put_code).exists()
    if connection.vendor == "sqlite":
        assert fts_queued() == 0
        assert fts_researchers('body : "wombat"') == {researcher.pk}


def test_a_backlog_is_applied_in_several_short_transactions(
    db: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from orchid.search import index

    monkeypatch.setattr(index, "BATCH_NOTES", 2)  # so that five researchers' notes take three rounds
    researchers = [b.researcher(family_name=f"Backlog{n}") for n in "abcde"]
    for researcher in researchers:
        services.add_item(
            researcher.orcid, BY_NAME["work"], b.work("Heron"), b.member_viewer(researcher.orcid)
        )
    rounds = []
    real = index._catch_up_some
    monkeypatch.setattr(index, "_catch_up_some", lambda backend: rounds.append(1) or real(backend))
    assert catch_up() is True
    assert len(rounds) >= 5  # two notes (creation, work) per researcher, two notes a round
    assert not SearchPending.objects.exists()
    assert hits("work-titles:heron") == {researcher.orcid for researcher in researchers}
