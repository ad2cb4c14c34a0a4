"""Storage of researcher records.

Items are kept as documents plus indexed facts: each item row holds its ORCID v3.0 JSON (full form and,
for activities, the summary form) without the fields the registry sets itself (put code, path, source,
dates, visibility, display index), which are columns. External identifiers live in their own indexed
table for duplicate checks, grouping and search. Reading a whole record is a constant number of queries.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import orjson
from django.conf import settings
from django.db import models
from django.utils import timezone

from orchid.schema.enums import Visibility


class VisibilityChoices(models.TextChoices):
    PUBLIC = Visibility.PUBLIC.value, "public"
    LIMITED = Visibility.LIMITED.value, "limited"
    REGISTERED_ONLY = Visibility.REGISTERED_ONLY.value, "registered-only"
    PRIVATE = Visibility.PRIVATE.value, "private"


def now_ms() -> dt.datetime:
    """Now, to the millisecond: ORCID's dates carry milliseconds, so stored dates round-trip exactly."""
    moment = timezone.now()
    return moment.replace(microsecond=moment.microsecond // 1000 * 1000)


class DocumentField(models.JSONField):  # type: ignore[type-arg]
    """JSON stored by Django's JSONField, encoded and decoded with orjson: a record read decodes dozens
    of documents, and the standard library's decoder was 14% of its time (bench/api.py); its encoder
    was 4% of a POST's."""

    def get_db_prep_value(self, value: Any, connection: Any, prepared: bool = False) -> Any:
        if isinstance(value, dict | list):
            try:
                encoded = orjson.dumps(value)
            except orjson.JSONEncodeError:  # what only the standard library's encoder takes (int keys)
                return super().get_db_prep_value(value, connection, prepared)
            if connection.vendor == "postgresql":
                from psycopg.types.json import Jsonb

                return Jsonb(value, dumps=lambda _: encoded)
            return encoded.decode()
        return super().get_db_prep_value(value, connection, prepared)

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> Any:
        if isinstance(value, str | bytes):
            return orjson.loads(value)
        return super().from_db_value(value, expression, connection)


class Researcher(models.Model):
    orcid = models.CharField(max_length=19, unique=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="researcher"
    )
    given_names = models.CharField(max_length=150)
    family_name = models.CharField(max_length=150, blank=True)
    credit_name = models.CharField(max_length=150, blank=True)
    name_visibility = models.CharField(
        max_length=16, choices=VisibilityChoices, default=VisibilityChoices.PUBLIC
    )
    biography = models.TextField(blank=True)
    biography_visibility = models.CharField(
        max_length=16, choices=VisibilityChoices, default=VisibilityChoices.PUBLIC
    )
    default_visibility = models.CharField(
        max_length=16, choices=VisibilityChoices, default=VisibilityChoices.PUBLIC
    )
    locale = models.CharField(max_length=8, default="en")
    creation_method = models.CharField(max_length=32, default="Member-referred")
    claimed = models.BooleanField(default=True)
    locked = models.BooleanField(default=False)
    deactivated_at = models.DateTimeField(null=True, blank=True)
    deprecated_to = models.CharField(max_length=19, blank=True)  # the primary record's iD
    created_by_client = models.ForeignKey(
        settings.OAUTH2_PROVIDER_APPLICATION_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(default=now_ms)
    last_modified = models.DateTimeField(default=now_ms)
    # Bumped by every change to the record (its own fields on save, its items through the services):
    # what a rendering of the record is valid for (orchid.api.cache).
    version = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return self.orcid

    def save(self, *args: Any, **kwargs: Any) -> None:
        from orchid.records.changes import record_changed

        self.version += 1
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "version"}
        super().save(*args, **kwargs)
        record_changed.send(sender=Researcher, researcher_pk=self.pk, change=None)

    @property
    def display_name(self) -> str:
        return self.credit_name or " ".join(part for part in (self.given_names, self.family_name) if part)


class Email(models.Model):
    researcher = models.ForeignKey(Researcher, on_delete=models.CASCADE, related_name="emails")
    email = models.EmailField(max_length=350, unique=True)
    verified = models.BooleanField(default=False)
    primary = models.BooleanField(default=False)
    visibility = models.CharField(max_length=16, choices=VisibilityChoices, default=VisibilityChoices.PRIVATE)
    created_at = models.DateTimeField(default=now_ms)
    last_modified = models.DateTimeField(default=now_ms)


class Item(models.Model):
    """One item of a person section or an activity section; its primary key is its put code."""

    # No index of its own: the (researcher, section) index serves every lookup by researcher, and each
    # index is one more B-tree every POST writes inside SQLite's one write lock.
    researcher = models.ForeignKey(Researcher, on_delete=models.CASCADE, related_name="items", db_index=False)
    section = models.CharField(max_length=32)  # orchid.records.sections name: work, funding, keyword, ...
    source_client = models.ForeignKey(
        settings.OAUTH2_PROVIDER_APPLICATION_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    source_orcid = models.CharField(max_length=19, blank=True)  # set when the researcher added it
    visibility = models.CharField(max_length=16, choices=VisibilityChoices)
    display_index = models.CharField(max_length=20, default="1")
    created_at = models.DateTimeField(default=now_ms)
    last_modified = models.DateTimeField(default=now_ms)
    document = DocumentField()  # the full item as ORCID v3.0 JSON, without registry-set fields
    summary = DocumentField(null=True, blank=True)  # the *-summary form, for activities

    class Meta:
        indexes = [models.Index(fields=["researcher", "section"])]

    def __str__(self) -> str:
        return f"{self.section} {self.pk}"


#: How many characters of an external identifier's value its lookup indexes hold. ORCID sets no limit on
#: the value, and PostgreSQL refuses a B-tree entry over ~2,700 bytes; a lookup compares whole values after.
INDEXED_VALUE_CHARS = 200


class ValuePrefix(models.Func):
    """The first INDEXED_VALUE_CHARS characters of a text column, as `SUBSTR` on both databases, so that
    an index on it and a query through it name the same function (Django's `Substr` is `SUBSTRING` on
    PostgreSQL, which that index would not serve)."""

    function = "SUBSTR"
    output_field = models.TextField()

    def __init__(self, expression: Any, **extra: Any) -> None:
        super().__init__(expression, models.Value(1), models.Value(INDEXED_VALUE_CHARS), **extra)


def _value_lookup_index(column: str) -> models.Index:
    return models.Index(
        models.F("researcher"),
        models.F("section"),
        models.F("id_type"),
        ValuePrefix(column),
        name=f"records_extid_{column}",
    )


class ItemExternalId(models.Model):
    """An external identifier of an item, indexed for duplicate checks, grouping and search."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="external_ids")
    # No index of its own: both lookup indexes below start with the researcher.
    researcher = models.ForeignKey(Researcher, on_delete=models.CASCADE, related_name="+", db_index=False)
    section = models.CharField(max_length=32)
    id_type = models.CharField(max_length=255)
    value = models.TextField()
    normalized = models.TextField(null=True, blank=True)
    relationship = models.CharField(max_length=16, null=True, blank=True)

    class Meta:
        # The duplicate check (orchid.records.duplicates) looks up a record's identifiers of one type by
        # raw or by normalized value: one index each, so the check does not read all the record's others.
        indexes = [_value_lookup_index("value"), _value_lookup_index("normalized")]


class GroupIdRecord(models.Model):
    """A peer-review group (journal, conference, ...); its primary key is its put code."""

    group_id = models.CharField(max_length=1000, unique=True)
    name = models.CharField(max_length=1000)
    description = models.TextField(blank=True)
    group_type = models.CharField(max_length=64)
    source_client = models.ForeignKey(
        settings.OAUTH2_PROVIDER_APPLICATION_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(default=now_ms)
    last_modified = models.DateTimeField(default=now_ms)


def new_stamp() -> str:
    return uuid.uuid4().hex


class PublicRendering(models.Model):
    """What the public sees of a record, stored rendered (orchid.records.renderings): the Public API's
    `GET /v3.0/{iD}/record` in JSON and XML, and the record's files of the public data file.

    Valid while `version` equals the researcher's: every change bumps the researcher's version, so a
    stale rendering is never served, only re-rendered (by the worker after a change, or by the first
    read or dump that finds it stale).
    """

    researcher = models.OneToOneField(
        Researcher, primary_key=True, on_delete=models.CASCADE, related_name="public_rendering"
    )
    version = models.PositiveBigIntegerField()  # the researcher's version these bytes show
    record_json = models.BinaryField()  # as application/vnd.orcid+json (indented)
    record_xml = models.BinaryField()
    # The summary file and public activity files of the public data file, as one gzip member of tar
    # entries (orchid.dumps.files), made for the researcher's version `dump_version`: current only when
    # that is the researcher's version. A store without them keeps the older ones, whose unchanged
    # activity entries the next rendering of the files reuses (`dump_manifest` says which they are).
    dump_files = models.BinaryField(null=True)
    dump_activities = models.PositiveIntegerField(default=0)  # how many activity files dump_files holds
    dump_version = models.PositiveBigIntegerField(null=True)
    dump_manifest = models.TextField(null=True)
    rendered_at = models.DateTimeField(default=now_ms)
    # Random, new at every store: names this rendering's files on each host (orchid.records.rendering_files).
    stamp = models.CharField(max_length=32, default=new_stamp)
