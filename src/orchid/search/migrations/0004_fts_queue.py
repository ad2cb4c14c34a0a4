from django.db import migrations

# The triggers this migration replaces: each wrote its entry straight into FTS5 (in every writer's
# transaction). Kept here for the reverse migration.
_SCOPED_NEW = "new.field || '_' || replace(new.body, ' ', ' ' || new.field || '_')"
_SCOPED_OLD = "old.field || '_' || replace(old.body, ' ', ' ' || old.field || '_')"
_DIRECT_INSERT = f"INSERT INTO search_fts(rowid, body, scoped) VALUES (new.id, new.body, {_SCOPED_NEW});"
_DIRECT_DELETE = (
    "INSERT INTO search_fts(search_fts, rowid, body, scoped) "
    f"VALUES ('delete', old.id, old.body, {_SCOPED_OLD});"
)
_DIRECT_TRIGGERS = [
    f"CREATE TRIGGER search_entry_ai AFTER INSERT ON search_entry BEGIN {_DIRECT_INSERT} END",
    f"CREATE TRIGGER search_entry_ad AFTER DELETE ON search_entry BEGIN {_DIRECT_DELETE} END",
    "CREATE TRIGGER search_entry_au AFTER UPDATE ON search_entry "
    f"BEGIN {_DIRECT_DELETE} {_DIRECT_INSERT} END",
]


def _queue(apps: object, schema_editor: object) -> None:
    """SQLite: entry changes go to a queue that `orchid.search.index.catch_up` applies to FTS5 in batches.
    The FTS5 table already holds every entry, so the queue starts empty."""
    connection = schema_editor.connection  # type: ignore[attr-defined]
    if connection.vendor != "sqlite":
        return
    from orchid.search.backends.sqlite_fts5 import queue_sql

    for statement in queue_sql():
        schema_editor.execute(statement)  # type: ignore[attr-defined]


def _direct(apps: object, schema_editor: object) -> None:
    connection = schema_editor.connection  # type: ignore[attr-defined]
    if connection.vendor != "sqlite":
        return
    from orchid.search.backends.sqlite_fts5 import QUEUE, SqliteFts5Backend, drop_triggers_sql

    for statement in [*SqliteFts5Backend().catch_up_sql(), *drop_triggers_sql(), f"DROP TABLE {QUEUE}"]:
        schema_editor.execute(statement)  # type: ignore[attr-defined]
    for statement in _DIRECT_TRIGGERS:
        schema_editor.execute(statement)  # type: ignore[attr-defined]


class Migration(migrations.Migration):
    dependencies = [("search", "0003_fts_automerge")]

    operations = [migrations.RunPython(_queue, _direct)]
