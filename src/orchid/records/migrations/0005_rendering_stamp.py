from django.db import migrations, models

import orchid.records.models

RANDOM_STAMP = {
    "postgresql": "replace(gen_random_uuid()::text, '-', '')",
    "sqlite": "lower(hex(randomblob(16)))",
}


def stamp_each_rendering(apps: object, schema_editor: object) -> None:
    """Adding the field gave every stored rendering the same stamp: give each its own, as a store does,
    so that no two renderings ever name the same files (orchid.records.rendering_files)."""
    connection = schema_editor.connection  # type: ignore[attr-defined]
    expression = RANDOM_STAMP.get(connection.vendor)
    if expression is None:
        return
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE records_publicrendering SET stamp = {expression}")


class Migration(migrations.Migration):
    dependencies = [
        ("records", "0004_rendering_lz4"),
    ]

    operations = [
        migrations.AddField(
            model_name="publicrendering",
            name="stamp",
            field=models.CharField(default=orchid.records.models.new_stamp, max_length=32),
        ),
        migrations.RunPython(stamp_each_rendering, migrations.RunPython.noop),
    ]
