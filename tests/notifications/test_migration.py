"""notifications 0003: an amended notification's stored list becomes rows, in order, and back."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("notifications", "0002_items_orjson")]
AFTER = [("notifications", "0003_amended_lines")]

LINES = [
    {"put-code": 11, "section": "work", "name": "First paper", "action": "CREATED"},
    {"put-code": 12, "section": "keyword", "name": "glaciology", "action": "UPDATED"},
    {"put-code": 11, "section": "work", "name": "First paper", "action": "DELETED"},
]


def migrate(target: list[tuple[str, str]]) -> Any:
    executor = MigrationExecutor(connection)
    executor.migrate(target)
    executor.loader.build_graph()
    return executor.loader.project_state(target).apps


@pytest.mark.django_db(transaction=True)
def test_the_lists_become_lines_and_back() -> None:
    from orchid.records.researchers import create_researcher

    researcher = create_researcher(given_names="Ada", family_name="Lovelace")
    try:
        apps = migrate(BEFORE)
        old = apps.get_model("notifications", "Notification")
        amended = old.objects.create(researcher_id=researcher.pk, notification_type="AMENDED", items=LINES)
        permission_items = [{"item-type": "work", "item-name": "A paper"}]
        permission = old.objects.create(
            researcher_id=researcher.pk, notification_type="PERMISSION", items=permission_items
        )

        apps = migrate(AFTER)
        new = apps.get_model("notifications", "Notification")
        line = apps.get_model("notifications", "AmendedLine")
        moved = new.objects.get(pk=amended.pk)
        assert (moved.items, moved.item_count) == ([], 3)
        rows = line.objects.filter(notification_id=amended.pk).order_by("pk")
        assert [
            {"put-code": row.put_code, "section": row.section, "name": row.name, "action": row.action}
            for row in rows
        ] == LINES
        assert new.objects.get(pk=permission.pk).items == permission_items  # a permission keeps its items

        apps = migrate(BEFORE)
        assert apps.get_model("notifications", "Notification").objects.get(pk=amended.pk).items == LINES
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
