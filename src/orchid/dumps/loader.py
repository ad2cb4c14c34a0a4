"""`orchid load FILE.tar.gz`: import a public data file (see layout) into an empty registry.

What is imported, per record: the researcher (iD, name, credit name, biography, locale, creation method,
claimed flag, submission and last-modified dates), its public verified e-mail addresses, and every item of
every section with its put code, display index and created / last-modified dates. Person items come from
the record file (which has them in full), activities from the full activity files. Everything is public:
the file holds nothing else. Items are stored as the service layer stores them (`documents.stored_forms`
after clearing the registry-set fields and normalizing external ids) and their external ids are indexed.

Sources: an item whose source client exists here (same client id) keeps it; any other item -- an unknown
client, or the researcher -- gets the researcher as its source. So a re-dump of a file made elsewhere
differs only in those `source` elements (`source-orcid` and the researcher's name instead of
`source-client-id` and the client's name). Put codes, display indexes and dates are kept, so a file
loaded into a fresh registry dumps again identically (tests/dumps/test_round_trip.py) but for one thing:
`history:verified-email` and `history:verified-primary-email` are derived from the stored addresses, and a
record whose verified addresses are not public has none in the file, so both read `false` after a load.

Not imported: sign-in accounts (there are none in the file: researchers can reset their password by
e-mail only once an account exists), limited/private data (not in the file), and the search index,
which its own package rebuilds from the stored records. Records are written in batches, one transaction
per batch; a failure leaves the batches before it in place (the registry was empty: delete and reload).
"""

from __future__ import annotations

import datetime as dt
import gzip
import tarfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from django.core.management.color import no_style
from django.db import connection, transaction
from django.utils import timezone

from orchid.dumps import layout
from orchid.dumps.progress import Progress
from orchid.records import documents
from orchid.records.changes import record_changed
from orchid.records.models import Email, Item, ItemExternalId, Researcher, VisibilityChoices
from orchid.records.sections import PERSON_ITEMS, Section
from orchid.schema import from_xml
from orchid.schema import models as m
from orchid.schema.plan import Role, plan_for

BATCH = 200  # records per transaction
PUBLIC = VisibilityChoices.PUBLIC.value


class LoadError(Exception):
    """The file cannot be loaded: the message says why."""


@dataclass
class LoadResult:
    records: int = 0
    items: int = 0
    emails: int = 0
    ignored_members: list[str] = field(default_factory=list)
    seconds: float = 0.0


@dataclass
class _Pending:
    """One record read from the file, not written yet."""

    orcid: str
    record: Any
    activities: list[tuple[Section, int, Any]] = field(default_factory=list)


def registry_is_empty() -> bool:
    return not Researcher.objects.exists() and not Item.objects.exists()


def _moment(date: Any, default: dt.datetime) -> dt.datetime:
    if date is None or date.value is None:
        return default
    moment = date.value.to_datetime()
    return moment if timezone.is_aware(moment) else moment.replace(tzinfo=dt.UTC)


def _items_attr(container_model: type) -> str:
    (attr,) = [f.attr for f in plan_for(container_model).fields if f.role is Role.ELEMENT and f.many]
    return attr


class _Sources:
    """Client ids of the file that exist here, looked up once each."""

    def __init__(self) -> None:
        from orchid.oauth.models import Client

        self._model = Client
        self._known: dict[str, Any] = {}

    def client(self, source: Any) -> Any:
        client_id = getattr(getattr(source, "source_client_id", None), "path", None)
        if not client_id:
            return None
        if client_id not in self._known:
            self._known[client_id] = self._model.objects.filter(client_id=client_id).first()
        return self._known[client_id]


def _researcher_row(pending: _Pending, now: dt.datetime) -> Researcher:
    record = pending.record
    person = record.person
    history = record.history
    name = person.name if person is not None else None
    biography = person.biography if person is not None else None
    created_at = _moment(history.submission_date if history else None, now)
    last_modified = _moment(history.last_modified_date if history else None, now)
    locale = record.preferences.locale if record.preferences and record.preferences.locale else "en"
    return Researcher(
        orcid=pending.orcid,
        given_names=(name.given_names if name and name.given_names else "")[:150],
        family_name=(name.family_name if name and name.family_name else "")[:150],
        credit_name=(name.credit_name.value if name and name.credit_name else "")[:150],
        # A name absent from the file was not public: it stays hidden.
        name_visibility=PUBLIC if name is not None else VisibilityChoices.PRIVATE.value,
        biography=biography.content if biography and biography.content else "",
        biography_visibility=PUBLIC,
        locale=getattr(locale, "value", locale),
        creation_method=getattr(history.creation_method, "value", None) or "Member-referred"
        if history
        else "Member-referred",
        claimed=bool(history.claimed.value) if history and history.claimed else True,
        created_at=created_at,
        last_modified=last_modified,
    )


def _email_rows(pending: _Pending, researcher: Researcher, now: dt.datetime) -> list[Email]:
    person = pending.record.person
    emails = person.emails.email if person is not None and person.emails is not None else []
    return [
        Email(
            researcher=researcher,
            email=email.email,
            verified=True,  # only verified addresses are ever shown
            primary=bool(email.primary),
            visibility=PUBLIC,
            created_at=_moment(email.created_date, now),
            last_modified=_moment(email.last_modified_date, now),
        )
        for email in emails
        if email.email
    ]


def _item_row(
    researcher: Researcher, section: Section, put_code: int, item: Any, sources: _Sources, now: dt.datetime
) -> tuple[Item, list[ItemExternalId]]:
    client = sources.client(item.source)
    created_at = _moment(item.created_date, now)
    last_modified = _moment(item.last_modified_date, now)
    display_index = str(item.display_index) if item.display_index is not None else "1"
    documents.clear_registry_fields(item)
    documents.normalize_external_ids(item)
    document, summary = documents.stored_forms(section, item)
    row = Item(
        pk=put_code,
        researcher=researcher,
        section=section.name,
        source_client=client,
        source_orcid="" if client is not None else researcher.orcid,
        visibility=PUBLIC,
        display_index=display_index,
        created_at=created_at,
        last_modified=last_modified,
        document=document,
        summary=summary,
    )
    external_ids = documents.external_id_rows(put_code, researcher.pk, section, item)
    return row, external_ids


def _person_items(pending: _Pending) -> Iterator[tuple[Section, int, Any]]:
    person = pending.record.person
    if person is None:
        return
    for section in PERSON_ITEMS:
        container = getattr(person, section.container_attr, None)
        if container is None:
            continue
        for item in getattr(container, _items_attr(section.container_model)):
            if item.put_code is None:
                raise LoadError(f"{pending.orcid}: a {section.label} without a put code")
            yield section, int(item.put_code), item


def _write(batch: list[_Pending], sources: _Sources, result: LoadResult) -> None:
    now = timezone.now()
    with transaction.atomic():
        researchers = Researcher.objects.bulk_create([_researcher_row(p, now) for p in batch])
        emails: list[Email] = []
        items: list[Item] = []
        external_ids: list[ItemExternalId] = []
        for pending, researcher in zip(batch, researchers, strict=True):
            emails.extend(_email_rows(pending, researcher, now))
            for section, put_code, item in [*_person_items(pending), *pending.activities]:
                row, ids = _item_row(researcher, section, put_code, item, sources, now)
                items.append(row)
                external_ids.extend(ids)
        Email.objects.bulk_create(emails)
        Item.objects.bulk_create(items, batch_size=1000)
        ItemExternalId.objects.bulk_create(external_ids, batch_size=1000)
        for researcher in researchers:  # rows written in bulk: announce them, so the search index follows
            record_changed.send(sender=Researcher, researcher_pk=researcher.pk, change=None)
    result.records += len(batch)
    result.items += len(items)
    result.emails += len(emails)


def _reset_sequences() -> None:
    """Put codes were inserted explicitly: new items must be numbered after them (PostgreSQL)."""
    statements = connection.ops.sequence_reset_sql(no_style(), [Item, Researcher, Email, ItemExternalId])
    if statements:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)


def _records(tar: tarfile.TarFile, result: LoadResult) -> Iterator[_Pending]:
    """The records of the file, each with its activities (written right after its summary)."""
    current: _Pending | None = None
    seen: set[str] = set()
    for info in tar:
        if not info.isfile():
            continue
        member = layout.parse(info.name)
        if member is None:
            result.ignored_members.append(info.name)
            continue
        extracted = tar.extractfile(info)
        assert extracted is not None
        data = extracted.read()
        tar.members = []  # type: ignore[attr-defined]  # TarFile keeps every TarInfo read, even streaming
        try:
            model = from_xml(data, strict=False)
        except Exception as error:
            raise LoadError(f"{info.name}: not ORCID v3.0 XML ({error})") from None
        if member.section is None:
            if not isinstance(model, m.record.Record):
                raise LoadError(f"{info.name}: expected a record:record")
            if member.orcid in seen:
                raise LoadError(f"{info.name}: record {member.orcid} appears twice")
            seen.add(member.orcid)
            if current is not None:
                yield current
            current = _Pending(member.orcid, model)
            continue
        if current is None or current.orcid != member.orcid:
            raise LoadError(f"{info.name}: an activity not right after its record's summary file")
        if not isinstance(model, member.section.item_model):
            raise LoadError(f"{info.name}: expected a {member.section.label}")
        assert member.put_code is not None
        current.activities.append((member.section, member.put_code, model))
    if current is not None:
        yield current


def load(
    path: str | Path, *, batch_size: int = BATCH, progress_stream: TextIO | None = None, quiet: bool = False
) -> LoadResult:
    """Import the file at `path`; raises LoadError (nothing written) when the registry is not empty."""
    if not registry_is_empty():
        raise LoadError(
            "the registry is not empty: a public data file is loaded only into a registry with no "
            "records (use a fresh database)"
        )
    started = time.perf_counter()
    result = LoadResult()
    sources = _Sources()
    progress = None if quiet else Progress(None, "load", progress_stream)
    batch: list[_Pending] = []
    try:
        # GzipFile, not tarfile's "r|gz": the file is a series of gzip members (orchid.dumps.files),
        # which tarfile's own stream reader stops after the first of.
        with gzip.open(path, "rb") as compressed, tarfile.open(fileobj=compressed, mode="r|") as tar:
            for pending in _records(tar, result):
                batch.append(pending)
                if len(batch) >= batch_size:
                    _write(batch, sources, result)
                    if progress is not None:
                        progress.advance(len(batch))
                    batch = []
    except (tarfile.TarError, EOFError, OSError) as error:
        raise LoadError(f"{path}: not a readable .tar.gz ({error})") from None
    if batch:
        _write(batch, sources, result)
        if progress is not None:
            progress.advance(len(batch))
    _reset_sequences()
    if progress is not None:
        progress.close()
    result.seconds = time.perf_counter() - started
    return result
