"""The plain rules of orchid.notifications.domain: merging, grouping, archiving, authorization links."""

from __future__ import annotations

import datetime as dt

import pytest

from orchid.errors import OrcidError
from orchid.notifications import domain
from orchid.notifications.domain import AmendedItem, ItemAction, NotificationState, NotificationType

NOW = dt.datetime(2026, 1, 1, 12, tzinfo=dt.UTC)
HOUR = dt.timedelta(hours=1)


def item(put_code: int, action: ItemAction, name: str = "x", section: str = "work") -> AmendedItem:
    return AmendedItem(put_code, section, name, action)


def merge_items(existing: list[AmendedItem], new: list[AmendedItem]) -> list[AmendedItem]:
    """`existing` lines followed by `new`, merged as `domain.plan_merge` says (line ids: list indexes)."""
    last_lines = {(line.section, line.put_code): (index, line.action) for index, line in enumerate(existing)}
    plan = domain.plan_merge(last_lines, new)
    merged = list(existing)
    for index, name in plan.renamed.items():
        line = merged[index]
        merged[index] = AmendedItem(line.put_code, line.section, name, line.action)
    return merged + plan.appended


def test_merge_collapses_repeats_and_keeps_created_for_new_items() -> None:
    merged = merge_items(
        [item(1, ItemAction.CREATED, "old"), item(2, ItemAction.UPDATED)],
        [item(1, ItemAction.UPDATED, "new"), item(2, ItemAction.UPDATED, "y"), item(2, ItemAction.DELETED)],
    )
    assert merged == [
        item(1, ItemAction.CREATED, "new"),
        item(2, ItemAction.UPDATED, "y"),
        item(2, ItemAction.DELETED),
    ]


def test_a_merge_plan_renames_stored_lines_by_id_and_appends_the_rest() -> None:
    stored = {("work", 1): (501, ItemAction.CREATED), ("work", 2): (502, ItemAction.UPDATED)}
    plan = domain.plan_merge(
        stored,
        [
            item(1, ItemAction.UPDATED, "renamed"),  # absorbed by the stored "created" line
            item(2, ItemAction.DELETED),  # another action: a line of its own
            item(3, ItemAction.CREATED, "new"),
            item(3, ItemAction.UPDATED, "newer"),  # absorbed by the line appended just before
        ],
    )
    assert plan.renamed == {501: "renamed"}
    assert plan.appended == [item(2, ItemAction.DELETED), item(3, ItemAction.CREATED, "newer")]


def test_same_put_code_in_another_section_is_another_item() -> None:
    merged = merge_items([item(1, ItemAction.CREATED)], [item(1, ItemAction.CREATED, section="keyword")])
    assert len(merged) == 2


def test_visibility_changes_count_as_updates() -> None:
    assert domain.amended_items("VISIBILITY", "work", [(5, "t")]) == [item(5, ItemAction.UPDATED, "t")]
    assert domain.amended_items("DELETED", "work", [(5, "t")]) == [item(5, ItemAction.DELETED, "t")]


def state(**changes: object) -> NotificationState:
    values: dict[str, object] = {
        "notification_type": NotificationType.AMENDED,
        "client_pk": 7,
        "created_at": NOW - dt.timedelta(minutes=10),
        "item_count": 3,
    }
    values.update(changes)
    return NotificationState(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("newest", "merges"),
    [
        (state(), True),
        (None, False),
        (state(client_pk=8), False),
        (state(read_at=NOW), False),
        (state(archived_at=NOW), False),
        (state(created_at=NOW - HOUR), False),
        (state(notification_type=NotificationType.PERMISSION), False),
        (state(item_count=domain.MAX_ITEMS), False),
    ],
)
def test_may_merge(newest: NotificationState | None, merges: bool) -> None:
    assert domain.may_merge(newest, 7, NOW, HOUR, 1) is merges


def test_archive_rules_in_orcids_order() -> None:
    with pytest.raises(OrcidError) as not_source:
        domain.check_archivable(state(client_pk=8, read_at=NOW), 7)
    assert not_source.value.code == 9010
    with pytest.raises(OrcidError) as already_read:
        domain.check_archivable(state(read_at=NOW), 7)
    assert already_read.value.code == 9009
    domain.check_archivable(state(), 7)


@pytest.mark.parametrize(
    ("uri", "path", "link"),
    [
        (
            "",
            "/oauth/authorize?client_id=A&scope=/read-limited",
            "/oauth/authorize?client_id=A&scope=/read-limited",
        ),
        ("https://orcid.org/oauth/authorize?client_id=A", "", "/oauth/authorize?client_id=A"),
        ("https://cris.example.org/connect", "", "https://cris.example.org/connect"),
        ("javascript:alert(1)", "", None),
        ("", "/somewhere/else", None),
    ],
)
def test_authorization_link(uri: str, path: str, link: str | None) -> None:
    assert domain.authorization_link(uri, path) == link


def test_a_permission_request_needs_a_url_and_an_item() -> None:
    with pytest.raises(OrcidError) as no_url:
        domain.check_permission_request(None, " ", 1)
    assert no_url.value.code == 9020
    with pytest.raises(OrcidError) as no_items:
        domain.check_permission_request(None, "/oauth/authorize", 0)
    assert no_items.value.code == 9020
