"""Search: every field and syntax feature with expected hit sets, public-only, same-transaction
index, errors and limits. Runs on SQLite (FTS5) and PostgreSQL (tsvector/GIN) alike."""

from __future__ import annotations

import pytest
from django.db import transaction

from orchid.errors import OrcidError
from orchid.records import services
from orchid.records.sections import BY_ITEM_SEGMENT
from orchid.records.viewer import Viewer
from orchid.search.service import search
from tests.records import builders as b
from tests.search.conftest import World, add, hits

pytestmark = pytest.mark.django_db


FIELD_CASES = [
    ("given-names:josiah", "c"),
    ("family-name:carberry", "c"),
    ('given-and-family-names:"josiah carberry"', "c"),
    ('credit-name:"J. S. Carberry"', "c"),
    ("other-names:joe", "c"),
    ('email:"researcher@example.org"', ""),  # addresses differ per run: see test_public_email
    ("keyword:psychoceramics", "c"),
    ('affiliation-org-name:"Brown University"', "c"),
    ("affiliation-org-name:wesleyan", "m"),
    ("current-institution-affiliation-name:brown", "c"),
    ("past-institution-affiliation-name:wesleyan", "m"),
    ("current-institution-affiliation-name:wesleyan", ""),
    ('ror-org-id:"https://ror.org/05gq02987"', "c"),
    ("ror-org-id:05gq02987", "c"),
    ('grid-org-id:"grid.268117.b"', "m"),
    ("fundref-org-id:100000002", "c"),
    ("funding-titles:fracture", "c"),
    ('funding-org-name:"National Pots Agency"', "c"),
    ('grant-numbers:"R01-GM-99999"', "c"),
    ('grant_number-self:"R01-GM-99999"', "c"),
    ("work-titles:teapots", "m"),
    ("work-titles:cracked", "c"),
    ('digital-object-ids:"10.2000/quantum.7"', "m"),
    ('doi-self:"10.1000/psycho.1"', "c"),
    ('doi:"10.1000/psycho.1"', "c"),
    ("pmid-part-of:12345678", "c"),
    ("pmid-self:12345678", ""),
    ("pmid:12345678", "c"),
    ("isbn-version-of:9780306406157", "c"),
    ("isbn:9780306406157", "c"),
    ("text:teapots", "m"),
    ("teapots", "m"),
    ("profile-submission-date:[2000-01-01T00:00:00Z TO NOW]", "cms"),
    ("profile-last-modified-date:[* TO 2000-01-01]", ""),
]


def expected(world: World, letters: str) -> set[str]:
    return {{"c": world.carberry, "m": world.muller, "s": world.secretive}[letter] for letter in letters}


@pytest.mark.parametrize(("q", "letters"), FIELD_CASES)
def test_field(world: World, q: str, letters: str) -> None:
    assert hits(q) == expected(world, letters)


def test_orcid_field(world: World) -> None:
    assert hits(f"orcid:{world.carberry}") == {world.carberry}
    assert hits(f'orcid:"{world.muller}"') == {world.muller}


def test_public_email(world: World) -> None:
    from orchid.records.models import Email

    address = Email.objects.get(researcher__orcid=world.carberry).email
    assert hits(f'email:"{address}"') == {world.carberry}
    private = Email.objects.get(researcher__orcid=world.muller).email
    assert hits(f'email:"{private}"') == set()  # not public: never indexed


SYNTAX_CASES = [
    ("family-name:carberry AND given-names:josiah", "c"),
    ("family-name:carberry AND given-names:zoe", ""),
    ("family-name:carberry OR family-name:muller", "cm"),
    ("family-name:carberry OR NOT family-name:carberry", "cms"),
    ("work-titles:pots NOT family-name:carberry", ""),
    ("work-titles:(teapots OR cracked) NOT family-name:carberry", "m"),
    ("+work-titles:teapots work-titles:cracked", "m"),
    ("work-titles:teapots work-titles:cracked", "cm"),
    ("-family-name:carberry", "ms"),
    ("(given-names:josiah OR given-names:zoe) AND work-titles:quantum", "m"),
    ('work-titles:"cracked pots"', "c"),
    ('work-titles:"pots cracked"', ""),
    ("work-titles:crack*", "c"),
    ("family-name:carb*", "c"),
    ("family-name:c?rberry", "c"),
    ("family-name:*berry", "c"),
    ("work-titles:*pot*", "cm"),
    ("other-names:*", "c"),
    ("*:*", "cms"),
    ("family-name:muller", "m"),  # diacritic-insensitive
    ("family-name:Müller", "m"),
    ("family-name:aero", "m"),
    ("given-names:zoe", "m"),
    ("family-name:carberry^2 OR family-name:muller", "cm"),  # boosts accepted
    ("family-name:carbery~1", ""),  # fuzzy matches exactly
    ('work-titles:"cracked meaning"~5', "c"),
    ("profile-submission-date:{* TO NOW}", "cms"),
    ("profile-last-modified-date:[NOW-1DAY TO NOW+1DAY]", "cms"),
    ("profile-last-modified-date:[NOW/DAY TO *]", "cms"),
    ("profile-submission-date:[2000-01-01 TO 2001-01-01]", ""),
]


@pytest.mark.parametrize(("q", "letters"), SYNTAX_CASES)
def test_syntax(world: World, q: str, letters: str) -> None:
    assert hits(q) == expected(world, letters)


def test_dismax_and_edismax_use_qf(world: World) -> None:
    assert hits("carberry", defType="edismax", qf="family-name^2.0 given-names") == {world.carberry}
    assert hits("josiah teapots", defType="edismax", qf="given-names work-titles") == {
        world.carberry,
        world.muller,
    }
    # dismax: every word must match (Solr's mm=100%)
    assert hits("josiah teapots", defType="dismax", qf="given-names work-titles") == set()
    assert hits("josiah cracked", defType="dismax", qf="given-names work-titles") == {world.carberry}
    assert hits("josiah teapots", **{"q.op": "AND"}) == set()


def test_private_data_is_not_found(world: World) -> None:
    assert hits("blueprint") == set()
    assert hits("keyword:clandestine") == set()
    assert hits('doi-self:"10.3000/secret.1"') == set()
    # the record itself is public (names), only its private items are hidden
    assert hits("family-name:person") == {world.secretive}


def test_visibility_change_reindexes(world: World) -> None:
    from orchid.records.models import Item

    row = Item.objects.get(researcher__orcid=world.secretive, section="work")
    owner = Viewer.researcher_self(world.secretive)
    services.set_visibility(world.secretive, BY_ITEM_SEGMENT["work"], row.pk, "public", owner)
    assert hits("blueprint") == {world.secretive}
    services.set_visibility(world.secretive, BY_ITEM_SEGMENT["work"], row.pk, "private", owner)
    assert hits("blueprint") == set()


def test_index_follows_writes_in_the_same_transaction(world: World) -> None:
    viewer = b.member_viewer(world.muller)
    with pytest.raises(RuntimeError), transaction.atomic():
        add(world.muller, "work", b.work("Ephemeral manuscript"), viewer)
        assert hits("ephemeral") == {world.muller}  # visible inside the writing transaction
        raise RuntimeError("roll back")
    assert hits("ephemeral") == set()
    put_code = add(world.muller, "work", b.work("Durable manuscript"), viewer)
    assert hits("durable") == {world.muller}
    services.delete_item(world.muller, BY_ITEM_SEGMENT["work"], put_code, viewer)
    assert hits("durable") == set()


def test_new_researcher_is_indexed(db: None) -> None:
    created = b.researcher(given_names="Newly", family_name="Registered")
    assert hits("family-name:registered") == {created.orcid}


def test_reindex_command(world: World) -> None:
    from django.core.management import call_command

    from orchid.search.index import catch_up
    from orchid.search.models import SearchDocument, SearchEntry

    catch_up()  # the world's writes first
    SearchEntry.objects.all().delete()
    SearchDocument.objects.all().delete()
    assert hits("*:*") == set()
    call_command("reindex")
    assert hits("*:*") == {world.carberry, world.muller, world.secretive}
    assert hits("blueprint") == set()


@pytest.mark.parametrize(
    ("q", "message"),
    [
        ("family-name:carberry AND", "Syntax error"),
        ("(family-name:carberry", "Syntax error"),
        ("unknown-field:x", "Unknown search field 'unknown-field'"),
        ("family-name:[a TO b]", "Range queries are supported on the date fields only"),
        ("profile-submission-date:[yesterday TO NOW]", "Invalid date 'yesterday'"),
        ("profile-submission-date:2020-01-01", "searched with a range"),
        ("", "The q parameter is required"),
    ],
)
def test_malformed_queries_are_400_with_a_message(world: World, q: str, message: str) -> None:
    with pytest.raises(OrcidError) as caught:
        search({"q": q}, Viewer.anonymous())
    assert caught.value.code == 9001
    assert message in str(caught.value.detail)


def test_bad_def_type_and_qf(world: World) -> None:
    for params in ({"defType": "xml"}, {"defType": "edismax", "qf": "nope"}, {"sort": "family-name up"}):
        with pytest.raises(OrcidError) as caught:
            search({"q": "x", **params}, Viewer.anonymous())
        assert caught.value.code == 9001


def test_paging_and_sorting(world: World) -> None:
    anonymous = Viewer.anonymous()
    everything = search({"q": "*:*", "sort": "orcid asc"}, anonymous)
    assert everything.num_found == 3
    ordered = [orcid for orcid, _ in everything.hits]
    assert ordered == sorted(ordered)
    page = search({"q": "*:*", "sort": "orcid asc", "start": "1", "rows": "1"}, anonymous)
    assert page.num_found == 3 and [o for o, _ in page.hits] == ordered[1:2]
    counted = search({"q": "*:*", "rows": "0"}, anonymous)
    assert counted.hits == [] and counted.num_found == 3
    assert search({"q": "family-name:nobody", "rows": "5"}, anonymous).num_found == 0
    newest = search({"q": "*:*", "sort": "profile-submission-date desc"}, anonymous)
    assert newest.hits[0][0] == world.secretive


@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({"rows": "1001"}, 9012),
        ({"rows": "-1"}, 9012),
        ({"rows": "many"}, 9012),
        ({"start": "10001"}, 9043),
        ({"start": "-1"}, 9043),
        ({"start": "x"}, 9043),
    ],
)
def test_limits_anonymous(world: World, params: dict[str, str], code: int) -> None:
    with pytest.raises(OrcidError) as caught:
        search({"q": "*:*", **params}, Viewer.anonymous())
    assert caught.value.code == code


def test_start_is_unlimited_with_credentials(world: World) -> None:
    viewer = b.member_viewer(None)
    assert search({"q": "*:*", "start": "20000", "rows": "1000"}, viewer).num_found == 3
    with pytest.raises(OrcidError) as caught:
        search({"q": "*:*", "start": "-5"}, viewer)
    assert caught.value.code == 9012


def test_num_found_counts_each_researcher_once_on_every_page(world: World) -> None:
    anonymous = Viewer.anonymous()
    # carberry's name is in several entries (family-name, given-and-family-names, credit-name, other-names)
    assert search({"q": "carberry"}, anonymous).num_found == 1
    counted = search({"q": "text:carberry", "rows": "0"}, anonymous)
    assert counted.num_found == 1 and counted.hits == []
    beyond = search({"q": "family-name:carberry", "start": "5"}, anonymous)
    assert beyond.num_found == 1 and beyond.hits == []
    both = search({"q": "work-titles:teapots OR work-titles:cracked", "rows": "1"}, anonymous)
    assert both.num_found == 2 and len(both.hits) == 1
    first = search({"q": 'digital-object-ids:"10.2000/quantum.7"', "rows": "1"}, anonymous)
    assert [orcid for orcid, _ in first.hits] == [world.muller]
    assert first.hits[0][1]["family-names"] == "Müller-Ærø"  # display values come with the page
