"""The operations of the records domain, each taking an explicit Viewer and raising ORCID's errors.

Reads return v3.0 message models; writes take them. Every write runs in one transaction: a failed
write leaves nothing behind. Reading a whole record is a constant number of queries.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import connection, transaction

from orchid.core import raw
from orchid.errors import OrcidError
from orchid.records import documents, duplicates, grouping, visibility
from orchid.records.changes import Action, Change, ChangedItem, mark_changed
from orchid.records.models import Email, GroupIdRecord, Item, Researcher, now_ms
from orchid.records.sections import ACTIVITIES, AFFILIATION_NAMES, PERSON_ITEMS, Kind, Section
from orchid.records.viewer import Api, Viewer
from orchid.schema import models as m
from orchid.schema.enums import CreationMethod, Visibility

NOT_FOUND = 9016
BAD_REQUEST = 9006
NOT_AUTHORIZED_FOR_RECORD = 9017
NOT_AUTHENTICATED = 9002
MISSING_SCOPE = 9038
NOT_SOURCE = 9010
PUT_CODE_NOT_EXPECTED = 9024
PUT_CODE_MISMATCH = 9019
PUT_CODE_REQUIRED = 9031
VISIBILITY_CHANGE = 9035
LOCKED = 9018
DEACTIVATED = 9044
NOT_CLAIMED = 9036
DEPRECATED = 9007
TOO_MANY_WORKS = 9048
INVALID_PUT_CODE = 9034
TOO_MANY_PUT_CODES = 9042
NO_BIOGRAPHY = 9041
MAX_WORKS = 10_000
MAX_BULK = 100


class RecordDeprecated(OrcidError):
    """The record was deprecated into another: GET answers 301 to it, writes 409."""

    def __init__(self, orcid: str, primary_orcid: str) -> None:
        super().__init__(DEPRECATED, orcid=primary_orcid, deprecated_orcid=orcid)
        self.primary_orcid = primary_orcid


# ---------------------------------------------------------------------------------------------
# The record and who may touch it


def _load(orcid: str) -> Researcher:
    researcher = raw.by_column(Researcher, "orcid", orcid)  # every API call on a record starts here
    if researcher is None:
        raise OrcidError(NOT_FOUND, f"No record {orcid}")
    return researcher


def _check_record(researcher: Researcher, viewer: Viewer, *, write: bool) -> None:
    if researcher.deprecated_to:
        raise RecordDeprecated(researcher.orcid, researcher.deprecated_to)
    if viewer.orcid is not None and viewer.orcid != researcher.orcid:
        raise OrcidError(NOT_AUTHORIZED_FOR_RECORD, "Access token is for a different record")
    if researcher.locked and (write or viewer.api is Api.MEMBER):
        raise OrcidError(LOCKED, orcid=researcher.orcid)
    if researcher.deactivated_at is not None and (write or viewer.api is Api.MEMBER):
        raise OrcidError(DEACTIVATED)
    unclaimed_for_others = (
        not researcher.claimed
        and viewer.client is not None
        and researcher.created_by_client_id != viewer.client.pk
    )
    if unclaimed_for_others and not write:
        raise OrcidError(NOT_CLAIMED)


def _refuse_revoked(viewer: Viewer) -> None:
    # A token the researcher revoked may only clean up (DELETE) its client's items.
    if viewer.revoked_by_researcher:
        raise OrcidError(NOT_AUTHENTICATED, "The access token was revoked by the researcher", http_status=401)


def _reader(orcid: str, viewer: Viewer) -> Researcher:
    _refuse_revoked(viewer)  # before the lookup: a revoked token learns nothing about records
    researcher = _load(orcid)
    check_readable(researcher, viewer)
    return researcher


def check_readable(researcher: Researcher, viewer: Viewer) -> None:
    """Raises what reading this record raises for this viewer (revoked token, deprecated record, ...)."""
    _refuse_revoked(viewer)
    _check_record(researcher, viewer, write=False)


def _writer(orcid: str, section: Section, viewer: Viewer, *, deleting: bool = False) -> Researcher:
    if not deleting:
        _refuse_revoked(viewer)
    if viewer.client is None and not viewer.is_researcher_self:
        raise OrcidError(NOT_AUTHENTICATED, http_status=401)
    if viewer.api is not Api.MEMBER:
        raise OrcidError(MISSING_SCOPE, "The Public API is read-only")
    if not viewer.is_researcher_self and section.write_scope not in viewer.scopes:
        raise OrcidError(MISSING_SCOPE, f"Writing {section.label}s needs the {section.write_scope} scope")
    researcher = _load(orcid)
    _check_record(researcher, viewer, write=True)
    return researcher


def _sees(viewer: Viewer, researcher: Researcher, scope: str, row: Any) -> bool:
    return visibility.can_see(
        viewer,
        researcher.orcid,
        scope,
        row.visibility,
        row.source_client_id,
        getattr(row, "source_orcid", ""),
    )


# ---------------------------------------------------------------------------------------------
# Reads


def _item_rows(researcher: Researcher, sections: Iterable[Section]) -> list[Item]:
    """The items of some sections, with only the stored form their rendering reads: activities are
    listed as summaries, person items in full."""
    sections = list(sections)
    rows = Item.objects.filter(researcher=researcher).select_related("source_client").order_by("pk")
    rows = rows.filter(section__in=[section.name for section in sections])
    if all(section.kind is Kind.ACTIVITY for section in sections):
        rows = rows.defer("document")
    elif all(section.kind is Kind.PERSON for section in sections):
        rows = rows.defer("summary")
    return list(rows)


def _container_items_attr(section: Section) -> str:
    from orchid.schema.plan import Role, plan_for

    (attr,) = [f.attr for f in plan_for(section.container_model).fields if f.role is Role.ELEMENT and f.many]
    return attr


def _person_section(section: Section, researcher: Researcher, rows: list[Item], viewer: Viewer) -> Any:
    visible = [row for row in rows if _sees(viewer, researcher, section.read_limited_scope, row)]
    visible.sort(key=lambda row: (-int(row.display_index or 0), row.pk))
    items = [documents.render_item(row, section, researcher) for row in visible]
    container: Any = section.container_model
    return container(
        last_modified_date=grouping.latest(item.last_modified_date for item in items),
        path=section.list_path(researcher.orcid),
        **{_container_items_attr(section): items},
    )


def _activity_section(section: Section, researcher: Researcher, rows: list[Item], viewer: Viewer) -> Any:
    summaries = []
    for row in rows:
        if _sees(viewer, researcher, section.read_limited_scope, row):
            model = documents.render_item(row, section, researcher, summary=True)
            summaries.append(
                grouping.Summary(
                    model=model,
                    display_index=int(row.display_index or 0),
                    created=row.created_at.timestamp(),
                    last_modified=model.last_modified_date,
                )
            )
    return grouping.build_section(section, researcher.orcid, summaries)


def _section_model(section: Section, researcher: Researcher, rows: list[Item], viewer: Viewer) -> Any:
    if section.kind is Kind.PERSON:
        return _person_section(section, researcher, rows, viewer)
    return _activity_section(section, researcher, rows, viewer)


def read_section(orcid: str, section: Section, viewer: Viewer) -> Any:
    researcher = _reader(orcid, viewer)
    return _section_model(section, researcher, _item_rows(researcher, [section]), viewer)


def _find_row(researcher: Researcher, section: Section, put_code: int) -> Item:
    row = Item.objects.filter(pk=put_code, researcher=researcher).select_related("source_client").first()
    if row is None:
        raise OrcidError(NOT_FOUND, f"No {section.label} with put-code {put_code} in {researcher.orcid}")
    if row.section != section.name:
        if row.section in AFFILIATION_NAMES and section.name in AFFILIATION_NAMES:
            raise OrcidError(BAD_REQUEST, f"Given affiliation {put_code} doesn't match the desired type")
        raise OrcidError(NOT_FOUND, f"No {section.label} with put-code {put_code} in {researcher.orcid}")
    return row


def read_item(orcid: str, section: Section, put_code: int, viewer: Viewer, *, summary: bool = False) -> Any:
    researcher = _reader(orcid, viewer)
    row = _find_row(researcher, section, put_code)
    visibility.check_item(viewer, researcher.orcid, section, row)
    return documents.render_item(row, section, researcher, summary=summary)


def read_summary(orcid: str, section: Section, put_code: int, viewer: Viewer) -> Any:
    if section.summary_model is None:
        raise OrcidError(NOT_FOUND, f"{section.label} has no summary")
    return read_item(orcid, section, put_code, viewer, summary=True)


def _inline_error(code: int, detail: str | None = None) -> m.error.Error:
    error = OrcidError(code, detail)
    return m.error.Error(
        response_code=error.http_status,
        developer_message=error.developer_message,
        user_message=error.user_message,
        error_code=error.code,
        more_info=error.more_info,
    )


def read_works_bulk(orcid: str, put_codes: list[str], viewer: Viewer) -> m.bulk.Bulk:
    from orchid.records.sections import BY_NAME

    if len(put_codes) > MAX_BULK:
        raise OrcidError(TOO_MANY_PUT_CODES)
    researcher = _reader(orcid, viewer)
    section = BY_NAME["work"]
    numbers = [int(code) for code in put_codes if code.strip().isdigit()]
    rows = {
        row.pk: row
        for row in Item.objects.filter(researcher=researcher, section="work", pk__in=numbers).select_related(
            "source_client"
        )
    }
    results: list[Any] = []
    for code in put_codes:
        row = rows.get(int(code)) if code.strip().isdigit() else None
        if row is None:
            results.append(
                _inline_error(INVALID_PUT_CODE, f"'{code}' is not the put code of a work in {orcid}")
            )
            continue
        refused = visibility.refusal(
            viewer, orcid, section.read_limited_scope, row.visibility, row.source_client_id, row.source_orcid
        )
        if refused is not None:
            results.append(_inline_error(refused))
        else:
            results.append(documents.render_item(row, section, researcher))
    return m.bulk.Bulk(work_or_error=results)


def _name(researcher: Researcher, viewer: Viewer) -> m.personal_details.Name | None:
    if not visibility.can_see(
        viewer, researcher.orcid, "/orcid-bio/read-limited", researcher.name_visibility
    ):
        return None
    return m.personal_details.Name(
        created_date=documents.created(researcher.created_at),
        last_modified_date=documents.last_modified(researcher.last_modified),
        given_names=researcher.given_names,
        family_name=researcher.family_name or None,
        credit_name=m.personal_details.CreditName(value=researcher.credit_name)
        if researcher.credit_name
        else None,
        visibility=Visibility(researcher.name_visibility),
        path=researcher.orcid,
    )


def _biography(researcher: Researcher, viewer: Viewer) -> m.personal_details.Biography | None:
    if not researcher.biography:
        return None
    if not visibility.can_see(
        viewer, researcher.orcid, "/orcid-bio/read-limited", researcher.biography_visibility
    ):
        return None
    return m.personal_details.Biography(
        created_date=documents.created(researcher.created_at),
        last_modified_date=documents.last_modified(researcher.last_modified),
        content=researcher.biography,
        visibility=Visibility(researcher.biography_visibility),
        path=f"/{researcher.orcid}/biography",
    )


def _emails(researcher: Researcher, viewer: Viewer, rows: list[Email] | None = None) -> m.email.Emails:
    rows = list(researcher.emails.all()) if rows is None else rows
    everything = viewer.has("/email/read-private") or (
        viewer.is_researcher_self and viewer.orcid == researcher.orcid
    )
    shown = [
        row
        for row in rows
        if row.verified
        and (
            everything
            or visibility.can_see(viewer, researcher.orcid, "/orcid-bio/read-limited", row.visibility)
        )
    ]
    emails = [
        m.email.Email(
            created_date=documents.created(row.created_at),
            last_modified_date=documents.last_modified(row.last_modified),
            source=documents.researcher_source(researcher),
            email=row.email,
            path=None,
            visibility=Visibility(row.visibility),
            verified=row.verified,
            primary=row.primary,
        )
        for row in shown
    ]
    return m.email.Emails(
        last_modified_date=grouping.latest(email.last_modified_date for email in emails),
        email=emails,
        path=f"/{researcher.orcid}/email",
    )


def _personal_details(researcher: Researcher, viewer: Viewer, other_names: Any) -> Any:
    name = _name(researcher, viewer)
    biography = _biography(researcher, viewer)
    return m.personal_details.PersonalDetails(
        last_modified_date=grouping.latest(
            [
                name.last_modified_date if name else None,
                biography.last_modified_date if biography else None,
                other_names.last_modified_date,
            ]
        ),
        name=name,
        other_names=other_names,
        biography=biography,
        path=f"/{researcher.orcid}/personal-details",
    )


def _person(
    researcher: Researcher, viewer: Viewer, rows: list[Item], email_rows: list[Email] | None = None
) -> m.person.Person:
    by_section = {
        section.name: [row for row in rows if row.section == section.name] for section in PERSON_ITEMS
    }
    parts = {
        section.container_attr: _person_section(section, researcher, by_section[section.name], viewer)
        for section in PERSON_ITEMS
    }
    name = _name(researcher, viewer)
    biography = _biography(researcher, viewer)
    emails = _emails(researcher, viewer, email_rows)
    return m.person.Person(
        last_modified_date=grouping.latest(
            [part.last_modified_date for part in parts.values()]
            + [
                name.last_modified_date if name else None,
                biography.last_modified_date if biography else None,
                emails.last_modified_date,
            ]
        ),
        name=name,
        biography=biography,
        emails=emails,
        path=f"/{researcher.orcid}/person",
        **parts,
    )


def _activities(researcher: Researcher, viewer: Viewer, rows: list[Item]) -> m.activities.ActivitiesSummary:
    sections = {
        section.container_attr: _activity_section(
            section, researcher, [row for row in rows if row.section == section.name], viewer
        )
        for section in ACTIVITIES
    }
    return m.activities.ActivitiesSummary(
        last_modified_date=grouping.latest(part.last_modified_date for part in sections.values()),
        path=f"/{researcher.orcid}/activities",
        **sections,
    )


def read_person(orcid: str, viewer: Viewer) -> m.person.Person:
    researcher = _reader(orcid, viewer)
    return _person(researcher, viewer, _item_rows(researcher, PERSON_ITEMS))


def read_personal_details(orcid: str, viewer: Viewer) -> Any:
    from orchid.records.sections import BY_NAME

    researcher = _reader(orcid, viewer)
    section = BY_NAME["other-name"]
    other_names = _person_section(section, researcher, _item_rows(researcher, [section]), viewer)
    return _personal_details(researcher, viewer, other_names)


def read_biography(orcid: str, viewer: Viewer) -> m.personal_details.Biography:
    researcher = _reader(orcid, viewer)
    if not researcher.biography:
        raise OrcidError(NO_BIOGRAPHY)
    code = visibility.refusal(viewer, orcid, "/orcid-bio/read-limited", researcher.biography_visibility)
    if code is not None:
        raise OrcidError(code)
    biography = _biography(researcher, viewer)
    assert biography is not None
    return biography


def read_emails(orcid: str, viewer: Viewer) -> m.email.Emails:
    return _emails(_reader(orcid, viewer), viewer)


def read_activities(orcid: str, viewer: Viewer) -> m.activities.ActivitiesSummary:
    researcher = _reader(orcid, viewer)
    return _activities(researcher, viewer, _item_rows(researcher, ACTIVITIES))


def _history(researcher: Researcher, viewer: Viewer, emails: list[Email]) -> m.history.History:
    return m.history.History(
        creation_method=CreationMethod(researcher.creation_method),
        submission_date=m.history.SubmissionDate(value=documents.xml_datetime(researcher.created_at)),
        last_modified_date=documents.last_modified(researcher.last_modified),
        claimed=m.history.Claimed(value=researcher.claimed),
        verified_email=any(email.verified for email in emails),
        verified_primary_email=any(email.verified and email.primary for email in emails),
    )


def read_record(orcid: str, viewer: Viewer) -> m.record.Record:
    researcher = _reader(orcid, viewer)
    emails = list(researcher.emails.all())
    person = _person(researcher, viewer, _item_rows(researcher, PERSON_ITEMS), emails)
    activities = _activities(researcher, viewer, _item_rows(researcher, ACTIVITIES))
    return m.record.Record(
        orcid_identifier=documents.orcid_identifier(orcid),
        preferences=m.preferences.Preferences(locale=researcher.locale),
        history=_history(researcher, viewer, emails),
        person=person,
        activities_summary=activities,
        path=f"/{orcid}",
    )


# ---------------------------------------------------------------------------------------------
# Writes


def _source_of(viewer: Viewer) -> dict[str, Any]:
    if viewer.client is not None:
        return {"source_client": viewer.client, "source_orcid": ""}
    return {"source_client": None, "source_orcid": viewer.orcid or ""}


def _check_source(viewer: Viewer, section: Section, row: Item) -> None:
    if not visibility.is_source(viewer, row.source_client_id, row.source_orcid):
        raise OrcidError(NOT_SOURCE, activity=section.label)


class _NeedsTransaction(Exception):
    """A validation rule looked something up in the registry (an organization, a group id): in sandbox
    mode the lookup may add to it, so it belongs inside the write's transaction."""


def _needs_transaction(*args: object) -> Any:
    raise _NeedsTransaction


def _validate(section: Section, item: Any, *, lookups: bool = True) -> None:
    """Every validation rule of the section; without `lookups` (before the write's transaction), a rule
    that looks up the registry raises `_NeedsTransaction` instead."""
    from orchid.organizations.services import resolve
    from orchid.records import validation
    from orchid.records.group_ids import create_issn_group, group_id_exists

    if not lookups:
        validation.validate_item(
            section.name,
            item,
            resolve_organization=_needs_transaction,
            group_id_exists=_needs_transaction,
            create_issn_group=_needs_transaction,
        )
        return
    validation.validate_item(
        section.name,
        item,
        resolve_organization=lambda organization: resolve(organization, sandbox=bool(settings.SANDBOX)),
        group_id_exists=group_id_exists,
        create_issn_group=create_issn_group,
    )


def _index_external_ids(row: Item, section: Section, item: Any) -> None:
    # raw SQL: a hot path (orchid.core.raw), inside every POST
    raw.insert_many(documents.external_id_rows(int(row.pk), row.researcher_id, section, item))


def _prepare(section: Section, item: Any) -> tuple[dict[str, Any], dict[str, Any] | None]:
    documents.clear_registry_fields(item)
    documents.normalize_external_ids(item)
    return documents.stored_forms(section, item)


def _touch(
    researcher: Researcher, viewer: Viewer, action: Action, section: Section, rows: Iterable[Item]
) -> None:
    """Version, last-modified, and what follows the record (search index, webhooks, notifications)."""
    change = Change(
        action=action,
        section=section.name,
        items=tuple(ChangedItem(int(row.pk), documents.item_name(section, row.document)) for row in rows),
        client_pk=None if viewer.client is None else int(viewer.client.pk),
    )
    mark_changed(researcher.pk, change)


def _item_count(researcher_pk: int, section: str) -> int:
    # raw SQL: a hot path (orchid.core.raw), inside every POST of a work
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT COUNT(*) FROM {Item._meta.db_table} WHERE researcher_id = %s AND section = %s",
            [researcher_pk, section],
        )
        return int(cursor.fetchone()[0])


@dataclass(frozen=True)
class _Prepared:
    """A posted item validated and in its stored forms before the write transaction, or the validation
    error to raise in it once the record's own checks have passed (the order ORCID answers in)."""

    forms: tuple[dict[str, Any], dict[str, Any] | None] | None
    error: OrcidError | None = None


def _prepare_before_transaction(section: Section, item: Any) -> _Prepared | None:
    """Validate a posted item and build its stored forms before SQLite's write lock is taken, so that
    a POST holds the lock for its statements only; None when that must wait for the transaction (a put
    code to refuse first, or a rule that looks up the registry)."""
    if getattr(item, "put_code", None) is not None:
        return None
    try:
        _validate(section, item, lookups=False)
    except _NeedsTransaction:
        return None
    except OrcidError as error:
        return _Prepared(None, error)
    return _Prepared(_prepare(section, item))


def _create(
    researcher: Researcher,
    section: Section,
    item: Any,
    viewer: Viewer,
    *,
    batch: Iterable[Any] = (),
    touch: bool = True,
    prepared: _Prepared | None = None,
) -> Item:
    if prepared is None:
        if getattr(item, "put_code", None) is not None:
            raise OrcidError(PUT_CODE_NOT_EXPECTED)
        _validate(section, item)
    elif prepared.error is not None:
        raise prepared.error
    cap = int(getattr(settings, "ORCHID_MAX_WORKS", MAX_WORKS))  # ORCID's 10,000 unless configured
    if section.name == "work" and _item_count(researcher.pk, "work") >= cap:
        raise OrcidError(TOO_MANY_WORKS)
    document, summary = (
        _prepare(section, item) if prepared is None or prepared.forms is None else prepared.forms
    )
    duplicates.check(researcher, section, item, viewer, batch=batch)
    # The posted visibility is ignored: a claimed record's owner decides (their default).
    chosen = researcher.default_visibility if researcher.claimed else Visibility.PRIVATE.value
    row = raw.insert(  # raw SQL: a hot path (orchid.core.raw), inside every POST
        Item(
            researcher=researcher,
            section=section.name,
            visibility=chosen,
            display_index="0" if viewer.is_researcher_self else "1",
            document=document,
            summary=summary,
            **_source_of(viewer),
        )
    )
    _index_external_ids(row, section, item)
    if touch:
        _touch(researcher, viewer, Action.CREATED, section, [row])
    return row


def add_item(orcid: str, section: Section, item: Any, viewer: Viewer) -> int:
    """Add an item (POST); returns its put code."""
    prepared = _prepare_before_transaction(section, item)
    with transaction.atomic():
        researcher = _writer(orcid, section, viewer)
        return int(_create(researcher, section, item, viewer, prepared=prepared).pk)


def add_works_bulk(orcid: str, bulk: m.bulk.Bulk, viewer: Viewer) -> m.bulk.Bulk:
    """Add up to 100 works; each failure becomes an inline error, the others are saved."""
    from orchid.records.sections import BY_NAME

    section = BY_NAME["work"]
    works = [entry for entry in bulk.work_or_error if isinstance(entry, m.work.Work)]
    if len(works) > MAX_BULK:
        raise OrcidError(BAD_REQUEST, "You are allowed to add up to 100 elements per request.")
    researcher = _writer(orcid, section, viewer)
    results: list[Any] = []
    accepted: list[Any] = []
    rows: list[Item] = []
    with transaction.atomic():
        for work in works:
            try:
                with transaction.atomic():  # a savepoint: a refused work leaves nothing behind
                    row = _create(researcher, section, work, viewer, batch=accepted, touch=False)
                accepted.append(work)
                rows.append(row)
                results.append(read_item(orcid, section, int(row.pk), viewer))
            except OrcidError as error:
                results.append(_inline_error(error.code, error.detail))
        if accepted:
            # Once for the request: the version bump and what follows the record cover every work.
            _touch(researcher, viewer, Action.CREATED, section, rows)
    return m.bulk.Bulk(work_or_error=results)


def update_item(orcid: str, section: Section, put_code: int, item: Any, viewer: Viewer) -> Any:
    """Replace an item (PUT) by its source; returns the stored item."""
    with transaction.atomic():
        researcher = _writer(orcid, section, viewer)
        row = _find_row(researcher, section, put_code)
        body_put_code = getattr(item, "put_code", None)
        if body_put_code is None and section.kind is Kind.PERSON:
            raise OrcidError(PUT_CODE_REQUIRED)
        if body_put_code != put_code:
            raise OrcidError(PUT_CODE_MISMATCH, urlPutCode=str(put_code), bodyPutCode=str(body_put_code))
        _check_source(viewer, section, row)
        posted_visibility = getattr(item, "visibility", None)
        if posted_visibility is not None and Visibility(posted_visibility).value != row.visibility:
            raise OrcidError(VISIBILITY_CHANGE)
        _validate(section, item)
        document, summary = _prepare(section, item)
        duplicates.check(researcher, section, item, viewer, exclude=row.pk)
        row.document, row.summary, row.last_modified = document, summary, now_ms()
        row.save(update_fields=["document", "summary", "last_modified"])
        row.external_ids.all().delete()
        _index_external_ids(row, section, item)
        _touch(researcher, viewer, Action.UPDATED, section, [row])
    return read_item(orcid, section, put_code, viewer)


def delete_item(orcid: str, section: Section, put_code: int, viewer: Viewer) -> None:
    """Delete an item (DELETE) by its source; tokens the researcher revoked may still do this."""
    with transaction.atomic():
        researcher = _writer(orcid, section, viewer, deleting=True)
        row = _find_row(researcher, section, put_code)
        _check_source(viewer, section, row)
        gone = Item(pk=row.pk, document=row.document)  # the event still names what was deleted
        row.delete()
        _touch(researcher, viewer, Action.DELETED, section, [gone])


def set_visibility(orcid: str, section: Section, put_code: int, visibility: str, viewer: Viewer) -> None:
    """The researcher sets the visibility of any item on their record, whoever its source (as ORCID's
    Registry lets them); clients never may (9035). Bumps the record's version like every write."""
    try:
        chosen = Visibility(visibility).value
    except ValueError:
        raise OrcidError(BAD_REQUEST, f"'{visibility}' is not a visibility") from None
    with transaction.atomic():
        _refuse_revoked(viewer)
        if not viewer.is_researcher_self:
            raise OrcidError(VISIBILITY_CHANGE)
        if viewer.orcid != orcid:  # another researcher: not theirs to change
            raise OrcidError(NOT_SOURCE, activity=section.label)
        researcher = _load(orcid)
        _check_record(researcher, viewer, write=True)
        row = _find_row(researcher, section, put_code)
        if row.visibility == chosen:
            return
        row.visibility, row.last_modified = chosen, now_ms()
        row.save(update_fields=["visibility", "last_modified"])
        _touch(researcher, viewer, Action.VISIBILITY, section, [row])


def group_id_record_exists(group_id: str) -> bool:
    return GroupIdRecord.objects.filter(group_id=group_id).exists()


# ---------------------------------------------------------------------------------------------
# The record summary (Member API `/{orcid}/summary`): ORCID's trust markers, from public data only

SUMMARY_LISTED = 3  # affiliations listed in full; the counts cover all


def _summary_affiliations(researcher: Researcher, rows: list[Item], names: set[str]) -> list[Any]:
    chosen = [row for row in rows if row.section in names]
    models = [(row, from_stored_summary(row, researcher)) for row in chosen]
    models.sort(key=lambda pair: grouping._fuzzy(pair[1].start_date), reverse=True)
    return models


def from_stored_summary(row: Item, researcher: Researcher) -> Any:
    from orchid.records.sections import BY_NAME

    return documents.render_item(row, BY_NAME[row.section], researcher, summary=True)


def _affiliation_entry(cls: Any, row: Item, summary: Any, kind: Any) -> Any:
    organization = summary.organization
    return cls(
        put_code=row.pk,
        type_value=kind,
        organization_name=organization.name if organization is not None else None,
        role=summary.role_title,
        url=summary.url.value if summary.url is not None else None,
        start_date=summary.start_date,
        end_date=summary.end_date,
        validated=row.source_client_id is not None,
    )


def _professional_type(s: Any, section: str) -> Any:
    # summary-3.0.xsd spells it "invited-postition"; the schema's value is what validates.
    if section == "invited-position":
        return s.ProfessionalActivityType.INVITED_POSTITION
    return s.ProfessionalActivityType(section)


def read_record_summary(orcid: str, viewer: Viewer) -> Any:
    from orchid.schema.generated.record.org.orcid.ns import summary as s

    if viewer.api is not Api.MEMBER:
        raise OrcidError(NOT_FOUND, "The record summary is served by the Member API")
    researcher = _reader(orcid, viewer)
    public_viewer = Viewer.anonymous(Api.PUBLIC)
    rows = [
        row
        for row in _item_rows(researcher, [*ACTIVITIES, *PERSON_ITEMS])
        if visibility.can_see(
            public_viewer, orcid, "", row.visibility, row.source_client_id, row.source_orcid
        )
    ]

    def counts(section: str) -> tuple[int, int]:
        chosen = [row for row in rows if row.section == section]
        validated = sum(1 for row in chosen if row.source_client_id is not None)
        return len(chosen) - validated, validated

    employments = _summary_affiliations(researcher, rows, {"employment"})
    professional = _summary_affiliations(
        researcher, rows, {"distinction", "invited-position", "membership", "service"}
    )
    education = _summary_affiliations(researcher, rows, {"education", "qualification"})
    person_ids = [row for row in rows if row.section == "external-identifier"]
    reviews = [row for row in rows if row.section == "peer-review"]
    emails = [email for email in researcher.emails.all() if email.verified and email.visibility == "public"]
    domains = sorted({email.email.rsplit("@", 1)[-1].lower() for email in emails})
    works_self, works_validated = counts("work")
    fundings_self, fundings_validated = counts("funding")
    resources_self, resources_validated = counts("research-resource")
    return s.RecordSummary(
        created_date=documents.created(researcher.created_at),
        last_modified_date=documents.last_modified(researcher.last_modified),
        credit_name=researcher.credit_name or None,
        orcid_identifier=documents.orcid_identifier(orcid),
        # summary-3.0.xsd wants at least one entry in each list, so an empty list is left out.
        external_identifiers=None
        if not person_ids
        else s.ExternalIdentifiers(
            external_identifier=[
                s.ExternalIdentifier(
                    put_code=row.pk,
                    external_id_type=row.document.get("external-id-type"),
                    external_id_value=row.document.get("external-id-value"),
                    external_id_url=(row.document.get("external-id-url") or {}).get("value"),
                    validated=row.source_client_id is not None,
                )
                for row in person_ids
            ]
        ),
        employments=None
        if not employments
        else s.Employments(
            count=len(employments),
            employment=[
                _affiliation_entry(s.Employment, row, summary, "employment")
                for row, summary in employments[:SUMMARY_LISTED]
            ],
        ),
        professional_activities=None
        if not professional
        else s.ProfessionalActivities(
            count=len(professional),
            professional_activity=[
                _affiliation_entry(s.ProfessionalActivity, row, summary, _professional_type(s, row.section))
                for row, summary in professional[:SUMMARY_LISTED]
            ],
        ),
        fundings=s.Fundings(self_asserted_count=fundings_self, validated_count=fundings_validated),
        works=s.Works(self_asserted_count=works_self, validated_count=works_validated),
        peer_reviews=s.PeerReviews(
            peer_review_publication_grants=len({row.document.get("review-group-id") for row in reviews}),
            self_asserted_count=sum(1 for row in reviews if row.source_client_id is None),
            total=len(reviews),
        ),
        education_qualifications=None
        if not education
        else s.EducationQualifications(
            count=len(education),
            education_qualification=[
                _affiliation_entry(
                    s.EducationQualification, row, summary, s.EducationQualificationType(row.section)
                )
                for row, summary in education[:SUMMARY_LISTED]
            ],
        ),
        research_resources=s.ResearchResources(
            self_asserted_count=resources_self, validated_count=resources_validated
        ),
        email_domains=None
        if not domains
        else s.EmailDomains(
            count=len(domains), email_domain=[s.EmailDomain(value=domain) for domain in domains]
        ),
    )
