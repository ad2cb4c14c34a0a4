import django.db.models.deletion
from django.db import migrations, models

# Django's own indexes of the two `researcher` foreign keys (the same names on SQLite and PostgreSQL).
# Dropped in place: altering the field would rebuild both tables on SQLite.
_INDEXES = [
    ("records_item_researcher_id_60e6208b", "records_item"),
    ("records_itemexternalid_researcher_id_859bd1cd", "records_itemexternalid"),
]


class Migration(migrations.Migration):
    dependencies = [
        ("records", "0007_external_id_value_indexes"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="item",
                    name="researcher",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="items",
                        to="records.researcher",
                    ),
                ),
                migrations.AlterField(
                    model_name="itemexternalid",
                    name="researcher",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="records.researcher",
                    ),
                ),
            ],
            database_operations=[
                migrations.RunSQL(
                    f'DROP INDEX IF EXISTS "{name}"',
                    f'CREATE INDEX "{name}" ON "{table}" ("researcher_id")',
                )
                for name, table in _INDEXES
            ],
        ),
    ]
