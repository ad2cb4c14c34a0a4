import django.db.models.deletion
from django.db import migrations, models


def lines_to_rows(apps, schema_editor):
    """Each amended notification's stored list becomes its lines, in order."""
    Notification = apps.get_model("notifications", "Notification")
    AmendedLine = apps.get_model("notifications", "AmendedLine")
    for notification in Notification.objects.filter(notification_type="AMENDED").iterator():
        lines = [
            AmendedLine(
                notification=notification,
                put_code=int(item["put-code"]),
                section=str(item["section"]),
                name=str(item.get("name", "")),
                action=str(item["action"]),
            )
            for item in notification.items or []
        ]
        AmendedLine.objects.bulk_create(lines)
        notification.item_count = len(lines)
        notification.items = []
        notification.save(update_fields=["item_count", "items"])


def rows_to_lines(apps, schema_editor):
    Notification = apps.get_model("notifications", "Notification")
    AmendedLine = apps.get_model("notifications", "AmendedLine")
    for notification in Notification.objects.filter(notification_type="AMENDED").iterator():
        lines = AmendedLine.objects.filter(notification=notification).order_by("pk")
        notification.items = [
            {"put-code": line.put_code, "section": line.section, "name": line.name, "action": line.action}
            for line in lines
        ]
        notification.save(update_fields=["items"])


class Migration(migrations.Migration):
    """An amended notification's lines move from its `items` list to rows of their own."""

    dependencies = [
        ("notifications", "0002_items_orjson"),
    ]

    operations = [
        migrations.AddField(
            model_name="notification",
            name="item_count",
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.CreateModel(
            name="AmendedLine",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("put_code", models.BigIntegerField()),
                ("section", models.CharField(max_length=32)),
                ("name", models.TextField(blank=True)),
                (
                    "action",
                    models.CharField(
                        choices=[("CREATED", "CREATED"), ("UPDATED", "UPDATED"), ("DELETED", "DELETED")],
                        max_length=16,
                    ),
                ),
                (
                    "notification",
                    models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="lines",
                        to="notifications.notification",
                    ),
                ),
            ],
            options={
                "indexes": [
                    models.Index(fields=["notification", "section", "put_code"], name="amended_line_item")
                ],
            },
        ),
        migrations.RunPython(lines_to_rows, rows_to_lines),
    ]
