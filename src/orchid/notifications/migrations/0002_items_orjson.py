from django.db import migrations

import orchid.records.models


class Migration(migrations.Migration):
    """Notification items are encoded and decoded with orjson (the same JSON in the database)."""

    dependencies = [
        ("notifications", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="notification",
            name="items",
            field=orchid.records.models.DocumentField(default=list),
        ),
    ]
