"""Access and refresh tokens stored hashed: only the checksum and a display prefix stay in the database.

The fields change class only (no schema change); the data step rewrites tokens stored in plain text by
earlier versions: the checksum (SHA-256 of the value) is set from the value and ``token`` becomes its
first 8 characters and "…". It cannot be undone: the plain values are gone.
"""

import hashlib
from typing import Any

from django.db import migrations

import orchid.oauth.models

_PREFIX_LENGTH = 8
_MARK = "\u2026"


def _is_prefix(value: str) -> bool:
    return value.endswith(_MARK) and len(value) <= _PREFIX_LENGTH + len(_MARK)


def hash_stored_tokens(apps: Any, schema_editor: Any) -> None:
    for model_name in ("AccessToken", "RefreshToken"):
        model = apps.get_model("oauth", model_name)
        rows = model.objects.using(schema_editor.connection.alias).exclude(token="")
        for pk, value in rows.values_list("pk", "token").iterator():
            if _is_prefix(value):
                continue
            # A queryset update: the fields' save-time logic is not involved.
            model.objects.using(schema_editor.connection.alias).filter(pk=pk).update(
                token=value[:_PREFIX_LENGTH] + _MARK,
                token_checksum=hashlib.sha256(value.encode("utf-8")).hexdigest(),
            )


class Migration(migrations.Migration):
    dependencies = [
        ("oauth", "0003_grant_mfa"),
    ]

    operations = [
        migrations.AlterField(
            model_name="accesstoken",
            name="token",
            field=orchid.oauth.models.RedactedTokenField(verbose_name="token"),
        ),
        migrations.AlterField(
            model_name="accesstoken",
            name="token_checksum",
            field=orchid.oauth.models.HashedTokenChecksumField(
                db_index=True, max_length=64, unique=True, verbose_name="token checksum"
            ),
        ),
        migrations.AlterField(
            model_name="refreshtoken",
            name="token",
            field=orchid.oauth.models.RedactedTokenField(verbose_name="token"),
        ),
        migrations.AlterField(
            model_name="refreshtoken",
            name="token_checksum",
            field=orchid.oauth.models.HashedTokenChecksumField(max_length=64, verbose_name="token checksum"),
        ),
        migrations.RunPython(hash_stored_tokens, migrations.RunPython.noop),
    ]
