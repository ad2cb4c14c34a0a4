import django.db.models.deletion
from django.db import migrations, models

# Django's own index of the `researcher` foreign key (the same name on SQLite and PostgreSQL). Dropped in
# place: altering the field would rebuild the table on SQLite, and with it drop the full-text triggers.
_INDEX = "search_entry_researcher_id_aff5adb4"


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0004_fts_queue"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchPending",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("researcher_id", models.BigIntegerField()),
                ("section", models.CharField(blank=True, max_length=32)),
                ("put_codes", models.TextField(blank=True)),
            ],
            options={
                "db_table": "search_pending",
            },
        ),
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="searchentry",
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
                    f'DROP INDEX IF EXISTS "{_INDEX}"',
                    f'CREATE INDEX "{_INDEX}" ON "search_entry" ("researcher_id")',
                ),
            ],
        ),
    ]
