"""The records domain's rules, through its services (the API is a thin layer over these)."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from orchid.errors import OrcidError
from orchid.oauth.scopes import expand
from orchid.records import services
from orchid.records.models import Item
from orchid.records.sections import BY_NAME
from orchid.records.viewer import Api, Viewer
from orchid.schema import models as m
from orchid.schema import to_xml

from . import builders as b

pytestmark = pytest.mark.django_db

WORK = BY_NAME["work"]
KEYWORD = BY_NAME["keyword"]
EMPLOYMENT = BY_NAME["employment"]
EDUCATION = BY_NAME["education"]


def code(call: Any) -> int:
    with pytest.raises(OrcidError) as error:
        call()
    return error.value.code


def test_add_then_read_a_work_sets_the_registry_fields() -> None:
    researcher = b.researcher()
    viewer = b.member_viewer(researcher.orcid)
    put_code = services.add_item(researcher.orcid, WORK, b.work("Fish"), viewer)
    work = services.read_item(researcher.orcid, WORK, put_code, viewer)
    assert work.put_code == put_code
    assert work.path == f"/{researcher.orcid}/work/{put_code}"
    assert work.source.source_client_id.path == viewer.client.client_id
    assert work.source.source_name.value == viewer.client.name
    assert work.title.title.value == "Fish"
    assert work.visibility.value == "public" and work.display_index == "1"
    assert work.external_ids.external_id[0].external_id_normalized.value.startswith("10.1000/fish")
    assert work.created_date is not None and work.last_modified_date is not None


def test_posted_put_code_is_refused_and_posted_visibility_ignored() -> None:
    researcher = b.researcher(default_visibility="limited")
    viewer = b.member_viewer(researcher.orcid)
    posted = b.work()
    posted.put_code = 12
    assert code(lambda: services.add_item(researcher.orcid, WORK, posted, viewer)) == 9024
    posted = b.work()
    posted.visibility = m.common.Visibility.PRIVATE
    put_code = services.add_item(researcher.orcid, WORK, posted, viewer)
    assert Item.objects.get(pk=put_code).visibility == "limited"  # the researcher's default


def test_only_the_source_may_update_or_delete() -> None:
    researcher = b.researcher()
    owner, other = b.member_viewer(researcher.orcid), b.member_viewer(researcher.orcid)
    put_code = services.add_item(researcher.orcid, WORK, b.work(), owner)
    stored = services.read_item(researcher.orcid, WORK, put_code, owner)
    assert code(lambda: services.update_item(researcher.orcid, WORK, put_code, stored, other)) == 9010
    assert code(lambda: services.delete_item(researcher.orcid, WORK, put_code, other)) == 9010
    stored.title.title.value = "Renamed"
    assert (
        services.update_item(researcher.orcid, WORK, put_code, stored, owner).title.title.value == "Renamed"
    )
    services.delete_item(researcher.orcid, WORK, put_code, owner)
    assert code(lambda: services.read_item(researcher.orcid, WORK, put_code, owner)) == 9016


def test_put_code_rules_on_update() -> None:
    researcher = b.researcher()
    viewer = b.member_viewer(researcher.orcid)
    put_code = services.add_item(researcher.orcid, WORK, b.work(), viewer)
    body = services.read_item(researcher.orcid, WORK, put_code, viewer)
    body.put_code = put_code + 1
    assert code(lambda: services.update_item(researcher.orcid, WORK, put_code, body, viewer)) == 9019
    keyword_code = services.add_item(researcher.orcid, KEYWORD, b.keyword("fish"), viewer)
    assert (
        code(lambda: services.update_item(researcher.orcid, KEYWORD, keyword_code, b.keyword("x"), viewer))
        == 9031
    )


def test_visibility_cannot_change_through_the_api() -> None:
    researcher = b.researcher()
    viewer = b.member_viewer(researcher.orcid)
    put_code = services.add_item(researcher.orcid, WORK, b.work(), viewer)
    body = services.read_item(researcher.orcid, WORK, put_code, viewer)
    body.visibility = m.common.Visibility.PRIVATE
    assert code(lambda: services.update_item(researcher.orcid, WORK, put_code, body, viewer)) == 9035


def test_duplicates_from_the_same_source_are_409_but_other_sources_may_add_them() -> None:
    researcher = b.researcher()
    first, second = b.member_viewer(researcher.orcid), b.member_viewer(researcher.orcid)
    doi = b.external_id("10.5555/SAME")
    put_code = services.add_item(researcher.orcid, WORK, b.work("One", doi), first)
    with pytest.raises(OrcidError) as duplicate:
        services.add_item(
            researcher.orcid, WORK, b.work("Two", b.external_id("https://doi.org/10.5555/same")), first
        )
    assert duplicate.value.code == 9021 and str(put_code) in duplicate.value.developer_message
    services.add_item(researcher.orcid, WORK, b.work("Three", doi), second)  # another source: allowed
    part_of = b.external_id("10.5555/SAME", relationship="part-of")
    services.add_item(researcher.orcid, WORK, b.work("Four", part_of, b.external_id("10.9/x")), first)
    services.add_item(researcher.orcid, KEYWORD, b.keyword("fish"), first)
    assert code(lambda: services.add_item(researcher.orcid, KEYWORD, b.keyword("fish"), first)) == 9030


def test_long_identifiers_are_stored_and_compared_whole() -> None:
    # Longer than PostgreSQL lets a B-tree entry be (~2,700 bytes), and not compressible: the lookup
    # indexes hold a prefix of each value, and values sharing that prefix are still told apart.
    researcher = b.researcher()
    viewer = b.member_viewer(researcher.orcid)
    head = "10.5555/" + "".join(f"{n:x}" for n in range(1200))
    assert len(head) > 3_000

    def add(title: str, value: str) -> int:
        return services.add_item(researcher.orcid, WORK, b.work(title, b.external_id(value)), viewer)

    first = add("Long", head + "a")
    add("Longer", head + "b")
    add("Longest", head + "c")
    with pytest.raises(OrcidError) as duplicate:
        add("Again", head.upper() + "A")  # matched on its normalized (lower-case) value
    assert duplicate.value.code == 9021 and str(first) in duplicate.value.developer_message
    assert code(lambda: add("Same", head + "b")) == 9021
    assert Item.objects.filter(researcher=researcher, section="work").count() == 3


def test_works_sharing_an_identifier_are_grouped() -> None:
    researcher = b.researcher()
    first, second = b.member_viewer(researcher.orcid), b.member_viewer(researcher.orcid)
    services.add_item(researcher.orcid, WORK, b.work("Old", year=2001), first)
    services.add_item(
        researcher.orcid, WORK, b.work("Shared", b.external_id("10.1/shared"), year=2010), first
    )
    services.add_item(
        researcher.orcid, WORK, b.work("Shared again", b.external_id("10.1/SHARED"), year=2010), second
    )
    works = services.read_section(researcher.orcid, WORK, first)
    assert [len(group.work_summary) for group in works.group] == [2, 1]  # newest group first
    assert [e.external_id_value for e in works.group[0].external_ids.external_id] == ["10.1/shared"]
    assert works.path == f"/{researcher.orcid}/works"
    assert works.last_modified_date is not None


def _private_and_limited(researcher: Any, source: Viewer) -> tuple[int, int]:
    private = services.add_item(researcher.orcid, WORK, b.work("Private"), source)
    limited = services.add_item(researcher.orcid, WORK, b.work("Limited"), source)
    Item.objects.filter(pk=private).update(visibility="private")
    Item.objects.filter(pk=limited).update(visibility="limited")
    return private, limited


def test_read_filtering_per_viewer() -> None:
    researcher = b.researcher()
    source = b.member_viewer(researcher.orcid)
    private, limited = _private_and_limited(researcher, source)
    public = services.add_item(researcher.orcid, WORK, b.work("Public"), source)
    orcid = researcher.orcid
    reader = b.member_viewer(orcid, scopes={"/read-limited"})
    public_only = b.member_viewer(None, scopes={"/read-public"})
    anonymous = Viewer.anonymous(Api.PUBLIC)

    def titles(viewer: Viewer) -> set[str]:
        works = services.read_section(orcid, WORK, viewer)
        return {summary.title.title.value for group in works.group for summary in group.work_summary}

    assert titles(source) == {"Private", "Limited", "Public"}  # a client sees its own items
    assert titles(reader) == {"Limited", "Public"}
    assert titles(public_only) == {"Public"}
    assert titles(anonymous) == {"Public"}
    assert code(lambda: services.read_item(orcid, WORK, private, reader)) == 9013
    assert code(lambda: services.read_item(orcid, WORK, limited, public_only)) == 9038
    assert code(lambda: services.read_item(orcid, WORK, limited, anonymous)) == 9039
    assert services.read_item(orcid, WORK, public, anonymous).put_code == public


def test_bulk_read_reports_inline_errors_in_order() -> None:
    researcher = b.researcher()
    source = b.member_viewer(researcher.orcid)
    private, _limited = _private_and_limited(researcher, source)
    public = services.add_item(researcher.orcid, WORK, b.work("Public"), source)
    other_reader = b.member_viewer(researcher.orcid)
    bulk = services.read_works_bulk(researcher.orcid, [str(public), "999999", str(private)], other_reader)
    kinds = [type(entry).__name__ for entry in bulk.work_or_error]
    assert kinds == ["Work", "Error", "Error"]
    assert [bulk.work_or_error[1].error_code, bulk.work_or_error[2].error_code] == [9034, 9013]
    too_many = [str(n) for n in range(101)]
    assert code(lambda: services.read_works_bulk(researcher.orcid, too_many, source)) == 9042


def test_bulk_write_saves_what_it_can_and_reports_the_rest() -> None:
    researcher = b.researcher()
    viewer = b.member_viewer(researcher.orcid)
    same = b.external_id("10.7/dup")
    untitled = b.work("Untitled")
    untitled.title = None
    bulk = m.bulk.Bulk(work_or_error=[b.work("A", same), b.work("B", same), untitled, b.work("C")])
    result = services.add_works_bulk(researcher.orcid, bulk, viewer)
    kinds = [type(entry).__name__ for entry in result.work_or_error]
    assert kinds == ["Work", "Error", "Error", "Work"]
    assert result.work_or_error[1].error_code == 9021
    assert result.work_or_error[0].put_code is not None
    assert Item.objects.filter(researcher=researcher, section="work").count() == 2


def test_scopes_and_tokens_for_other_records() -> None:
    researcher, other = b.researcher(), b.researcher()
    read_only = b.member_viewer(researcher.orcid, scopes={"/read-limited"})
    assert code(lambda: services.add_item(researcher.orcid, WORK, b.work(), read_only)) == 9038
    someone_elses = b.member_viewer(other.orcid)
    assert code(lambda: services.add_item(researcher.orcid, WORK, b.work(), someone_elses)) == 9017
    assert code(lambda: services.read_record(researcher.orcid, someone_elses)) == 9017
    anonymous_member = Viewer(api=Api.MEMBER, scopes=expand({"/read-public"}))
    assert code(lambda: services.add_item(researcher.orcid, WORK, b.work(), anonymous_member)) == 9002


def test_token_revoked_by_the_researcher_may_only_delete() -> None:
    researcher = b.researcher()
    viewer = b.member_viewer(researcher.orcid)
    put_code = services.add_item(researcher.orcid, WORK, b.work(), viewer)
    revoked = Viewer(api=Api.MEMBER, client=viewer.client, orcid=researcher.orcid, scopes=viewer.scopes,
                     revoked_by_researcher=True)  # fmt: skip
    assert code(lambda: services.read_record(researcher.orcid, revoked)) == 9002
    assert code(lambda: services.add_item(researcher.orcid, WORK, b.work(), revoked)) == 9002
    services.delete_item(researcher.orcid, WORK, put_code, revoked)


def test_record_states() -> None:
    primary, deprecated, locked, deactivated = b.researcher(), b.researcher(), b.researcher(), b.researcher()
    deprecated.deprecated_to = primary.orcid
    deprecated.save()
    locked.locked = True
    locked.save()
    from django.utils import timezone

    deactivated.deactivated_at = timezone.now()
    deactivated.save()
    anonymous = Viewer.anonymous()
    with pytest.raises(services.RecordDeprecated) as moved:
        services.read_record(deprecated.orcid, anonymous)
    assert moved.value.primary_orcid == primary.orcid and moved.value.code == 9007
    assert (
        code(lambda: services.add_item(locked.orcid, WORK, b.work(), b.member_viewer(locked.orcid))) == 9018
    )
    writer = b.member_viewer(deactivated.orcid)
    assert code(lambda: services.add_item(deactivated.orcid, WORK, b.work(), writer)) == 9044
    assert code(lambda: services.read_record("0000-0002-1825-0097", anonymous)) == 9016


def test_affiliation_read_through_the_wrong_type_is_9006() -> None:
    researcher = b.researcher()
    viewer = b.member_viewer(researcher.orcid)
    put_code = services.add_item(researcher.orcid, EMPLOYMENT, b.employment(), viewer)
    assert code(lambda: services.read_item(researcher.orcid, EDUCATION, put_code, viewer)) == 9006
    assert code(lambda: services.read_item(researcher.orcid, WORK, put_code, viewer)) == 9016


def _fill(researcher: Any, viewer: Viewer, works: int) -> None:
    for n in range(works):
        services.add_item(researcher.orcid, WORK, b.work(f"W{n}"), viewer)
        services.add_item(researcher.orcid, KEYWORD, b.keyword(f"k{n}"), viewer)
        services.add_item(researcher.orcid, EMPLOYMENT, b.employment(f"E{n}"), viewer)


def test_full_record_read_takes_a_constant_number_of_queries() -> None:
    small, large = b.researcher(), b.researcher()
    _fill(small, b.member_viewer(small.orcid), 1)
    _fill(large, b.member_viewer(large.orcid), 15)
    counts = []
    for researcher in (small, large):
        with CaptureQueriesContext(connection) as queries:
            record = services.read_record(researcher.orcid, Viewer.anonymous())
            to_xml(record)
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
    assert counts[0] <= 5
    assert len(record.activities_summary.works.group) == 15


def test_group_id_records_and_peer_review_groups() -> None:
    from orchid.records import group_ids

    member = b.client()
    viewer = Viewer(api=Api.MEMBER, client=member, scopes=expand({"/group-id-record/update"}))
    record = m.group_id.GroupIdRecord(
        name="Journal of Tests", group_id="orcid-generated:jot", description="A journal", type_value="journal"
    )
    put_code = group_ids.create(record, viewer)
    assert group_ids.read(put_code, viewer).group_id == "orcid-generated:jot"
    assert code(lambda: group_ids.create(record, viewer)) == 9025
    found = group_ids.search(viewer, group_id="issn:1741-4857")  # ISSN groups are created on first use
    assert found.group_id == "issn:1741-4857"
    assert group_ids.search(viewer).total == 2
    reader = Viewer(api=Api.MEMBER, client=member, scopes=expand({"/read-public"}))
    assert code(lambda: group_ids.read(put_code, reader)) == 9038
    group_ids.delete(put_code, viewer)
    assert code(lambda: group_ids.read(put_code, viewer)) == 9016


def test_record_summary_counts_public_items_and_marks_validated_ones() -> None:
    from tests.api.xsd import assert_valid_orcid_xml

    researcher = b.researcher()
    viewer = b.member_viewer(researcher.orcid)
    services.add_item(researcher.orcid, WORK, b.work("Client work"), viewer)
    services.add_item(researcher.orcid, WORK, b.work("Own work"), Viewer.researcher_self(researcher.orcid))
    services.add_item(researcher.orcid, EMPLOYMENT, b.employment(), viewer)
    summary = services.read_record_summary(researcher.orcid, viewer)
    assert (summary.works.self_asserted_count, summary.works.validated_count) == (1, 1)
    assert summary.employments.count == 1 and summary.employments.employment[0].validated is True
    assert summary.email_domains is None  # e-mails are private by default; empty lists are left out
    assert_valid_orcid_xml(to_xml(summary))
    assert code(lambda: services.read_record_summary(researcher.orcid, Viewer.anonymous())) == 9016


def test_a_post_answers_the_record_checks_before_the_body_checks() -> None:
    """Validation runs before the write transaction when it can, but its error still comes after the
    record's own: scope, state, then body (the order ORCID answers in)."""
    locked = b.researcher()
    locked.locked = True
    locked.save()
    untitled = b.work()
    untitled.title = None  # a work needs a title: 9xxx on a writable record
    open_record = b.researcher()
    body_error = code(
        lambda: services.add_item(open_record.orcid, WORK, untitled, b.member_viewer(open_record.orcid))
    )
    assert body_error not in (None, 9018, 9038)
    assert (
        code(lambda: services.add_item(locked.orcid, WORK, untitled, b.member_viewer(locked.orcid))) == 9018
    )
    reader = Viewer(api=Api.MEMBER, client=b.member_viewer(open_record.orcid).client, orcid=open_record.orcid,
                    scopes=frozenset({"/read-limited"}))  # fmt: skip
    assert code(lambda: services.add_item(open_record.orcid, WORK, untitled, reader)) == 9038
    too_many = b.work("Over the cap")
    with override_settings(ORCHID_MAX_WORKS=0):  # the cap (9048) is checked after the body
        assert (
            code(
                lambda: services.add_item(
                    open_record.orcid, WORK, untitled, b.member_viewer(open_record.orcid)
                )
            )
            == body_error
        )
        assert (
            code(
                lambda: services.add_item(
                    open_record.orcid, WORK, too_many, b.member_viewer(open_record.orcid)
                )
            )
            == 9048
        )
