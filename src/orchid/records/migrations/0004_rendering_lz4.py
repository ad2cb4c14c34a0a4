from django.db import migrations

COLUMNS = ("record_json", "record_xml")


def compress_with_lz4(apps: object, schema_editor: object) -> None:
    """PostgreSQL: the record renderings compressed with lz4 (where the server has it), not stored raw.

    Migration 0003 kept them uncompressed to spare reads a decompression. Measured since (bench/api.py,
    10,000 records): a raw 147 KB rendering is ~75 TOAST chunks, which cost the database 0.19 ms of CPU
    per read and a 6 GB table; with lz4 it is ~7 chunks, decompressed at memory speed (0.11 ms), in a
    table 14 times smaller, and record reads went from 1,245-1,500/s to 1,630-1,680/s. Renderings
    stored before this migration stay raw until refreshed (docs/operations.md). The dump files are gzip
    already: they stay as they are.
    """
    connection = schema_editor.connection  # type: ignore[attr-defined]
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'"
        )
        row = cursor.fetchone()
        if not (row and row[0]):
            return  # a server built without lz4: pglz would cost reads more than it saves
        for column in COLUMNS:
            cursor.execute(f"ALTER TABLE records_publicrendering ALTER COLUMN {column} SET STORAGE EXTENDED")
            cursor.execute(f"ALTER TABLE records_publicrendering ALTER COLUMN {column} SET COMPRESSION lz4")


class Migration(migrations.Migration):
    dependencies = [("records", "0003_public_rendering")]

    operations = [migrations.RunPython(compress_with_lz4, migrations.RunPython.noop)]
