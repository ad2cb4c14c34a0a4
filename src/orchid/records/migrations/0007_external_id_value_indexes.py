from django.db import migrations, models

from orchid.records.models import ValuePrefix


def _lookup_index(column: str) -> models.Index:
    return models.Index(
        models.F("researcher"),
        models.F("section"),
        models.F("id_type"),
        ValuePrefix(column),
        name=f"records_extid_{column}",
    )


class Migration(migrations.Migration):
    """The duplicate check's lookups by raw and by normalized value get an index each, on a prefix of the
    value (PostgreSQL refused a long value in the old index on the whole normalized value, unused)."""

    dependencies = [
        ("records", "0006_rendering_dump_version"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="itemexternalid", name="records_ite_researc_1a3c09_idx"),
        migrations.RemoveIndex(model_name="itemexternalid", name="records_ite_id_type_4ef2b4_idx"),
        migrations.AddIndex(model_name="itemexternalid", index=_lookup_index("value")),
        migrations.AddIndex(model_name="itemexternalid", index=_lookup_index("normalized")),
    ]
