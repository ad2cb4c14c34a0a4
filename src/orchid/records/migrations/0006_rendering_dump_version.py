from django.db import migrations, models


def date_the_stored_dump_files(apps: object, schema_editor: object) -> None:
    """Dump files stored so far were always made with the rendering's own version."""
    PublicRendering = apps.get_model("records", "PublicRendering")  # type: ignore[attr-defined]
    PublicRendering.objects.filter(dump_files__isnull=False).update(dump_version=models.F("version"))


class Migration(migrations.Migration):
    dependencies = [
        ("records", "0005_rendering_stamp"),
    ]

    operations = [
        migrations.AddField(
            model_name="publicrendering",
            name="dump_version",
            field=models.PositiveBigIntegerField(null=True),
        ),
        migrations.AddField(
            model_name="publicrendering",
            name="dump_manifest",
            field=models.TextField(null=True),
        ),
        migrations.RunPython(date_the_stored_dump_files, migrations.RunPython.noop),
    ]
