from django.db import migrations


def _tune(apps: object, schema_editor: object) -> None:
    """SQLite's full-text index merges its segments 16 at a time (orchid.search.backends.sqlite_fts5)."""
    connection = schema_editor.connection  # type: ignore[attr-defined]
    if connection.vendor != "sqlite":
        return
    from orchid.search.backends.sqlite_fts5 import tuning_sql

    for statement in tuning_sql():
        schema_editor.execute(statement)  # type: ignore[attr-defined]


class Migration(migrations.Migration):
    dependencies = [("search", "0002_entry_put_code")]

    operations = [migrations.RunPython(_tune, migrations.RunPython.noop)]
