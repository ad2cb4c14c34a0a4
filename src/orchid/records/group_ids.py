"""Group-id records: the peer-review groups (journals, conferences, ...) reviews belong to (spec §2.2)."""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction

from orchid.errors import OrcidError
from orchid.identifiers import normalize
from orchid.records.models import GroupIdRecord, Item, now_ms
from orchid.records.viewer import Api, Viewer
from orchid.schema import models as m
from orchid.schema.enums import GroupIdType
from orchid.schema.generated.legacy.org.orcid.ns import common as common_21

READ = "/group-id-record/read"
UPDATE = "/group-id-record/update"
NOT_FOUND = 9016
MISSING_SCOPE = 9038
ALREADY_EXISTS = 9025
CANNOT_DELETE = 9040
NOT_SOURCE = 9010
PUT_CODE_MISMATCH = 9019
ISSN_PREFIX = "issn:"


def _require(viewer: Viewer, scope: str) -> None:
    if viewer.api is not Api.MEMBER or scope not in viewer.scopes:
        raise OrcidError(MISSING_SCOPE, f"Group id records need the {scope} scope")


def _message(row: GroupIdRecord) -> Any:
    from orchid.records.documents import id_host

    source: dict[str, Any] = {}
    if row.source_client is not None:
        client = row.source_client
        source = {
            "source_client_id": common_21.ClientId(
                uri=f"https://{id_host()}/client/{client.client_id}", path=client.client_id, host=id_host()
            ),
            "source_name": common_21.SourceName(value=client.name),
        }
    return m.group_id.GroupIdRecord(
        name=row.name,
        group_id=row.group_id,
        description=row.description,
        type_value=GroupIdType(row.group_type),
        put_code=row.pk,
        **source,
    )


def group_id_exists(group_id: str) -> bool:
    return GroupIdRecord.objects.filter(group_id=group_id).exists()


def create_issn_group(group_id: str) -> None:
    """ORCID creates `issn:` groups on first use, from the normalized ISSN."""
    issn = normalize("issn", group_id.removeprefix(ISSN_PREFIX)).value
    if issn is None:
        raise OrcidError(9053, f"Invalid ISSN {group_id}")
    GroupIdRecord.objects.get_or_create(
        group_id=f"{ISSN_PREFIX}{issn}",
        defaults={
            "name": f"ISSN {issn}",
            "description": f"The journal with ISSN {issn}",
            "group_type": "journal",
        },
    )


def search(
    viewer: Viewer,
    *,
    page_size: int = 100,
    page: int = 1,
    group_id: str | None = None,
    name: str | None = None,
) -> Any:
    """The records page by page, or the one with this group id or name (an empty record if none)."""
    _require(viewer, READ)
    if group_id is not None or name is not None:
        if group_id is not None and group_id.startswith(ISSN_PREFIX):
            create_issn_group(group_id)
            group_id = f"{ISSN_PREFIX}{normalize('issn', group_id.removeprefix(ISSN_PREFIX)).value}"
        rows = GroupIdRecord.objects.select_related("source_client")
        row = (rows.filter(group_id=group_id) if group_id is not None else rows.filter(name=name)).first()
        if row is None:  # ORCID answers an empty record rather than 404
            empty: Any = m.group_id.GroupIdRecord
            return empty(name=None, group_id=None, description=None, type_value=None)
        return _message(row)
    page_size, page = max(1, min(page_size, 1000)), max(1, page)
    rows = GroupIdRecord.objects.select_related("source_client").order_by("pk")
    total = rows.count()
    chosen = list(rows[(page - 1) * page_size : page * page_size])
    return m.group_id.GroupIdRecords(
        total=total, page=page, page_size=page_size, group_id_record=[_message(row) for row in chosen]
    )


def _row(put_code: int) -> GroupIdRecord:
    row = GroupIdRecord.objects.select_related("source_client").filter(pk=put_code).first()
    if row is None:
        raise OrcidError(NOT_FOUND, f"No group id record {put_code}")
    return row


def read(put_code: int, viewer: Viewer) -> Any:
    _require(viewer, READ)
    return _message(_row(put_code))


def _validated(model: Any) -> None:
    from orchid.records.validation import validate_group_id_record

    validate_group_id_record(model)


def create(model: Any, viewer: Viewer) -> int:
    _require(viewer, UPDATE)
    if model.put_code is not None:
        raise OrcidError(9024)
    _validated(model)
    try:
        with transaction.atomic():
            row = GroupIdRecord.objects.create(
                group_id=model.group_id,
                name=model.name,
                description=model.description or "",
                group_type=GroupIdType(model.type_value).value,
                source_client=viewer.client,
            )
    except IntegrityError:
        raise OrcidError(ALREADY_EXISTS) from None
    return int(row.pk)


def update(put_code: int, model: Any, viewer: Viewer) -> Any:
    _require(viewer, UPDATE)
    row = _row(put_code)
    if model.put_code != put_code:
        raise OrcidError(PUT_CODE_MISMATCH, urlPutCode=str(put_code), bodyPutCode=str(model.put_code))
    if row.source_client_id != getattr(viewer.client, "pk", None):
        raise OrcidError(NOT_SOURCE, activity="group id record")
    _validated(model)
    row.group_id, row.name, row.description = model.group_id, model.name, model.description or ""
    row.group_type, row.last_modified = GroupIdType(model.type_value).value, now_ms()
    try:
        with transaction.atomic():
            row.save()
    except IntegrityError:
        raise OrcidError(ALREADY_EXISTS) from None
    return _message(row)


def delete(put_code: int, viewer: Viewer) -> None:
    _require(viewer, UPDATE)
    row = _row(put_code)
    if row.source_client_id != getattr(viewer.client, "pk", None):
        raise OrcidError(NOT_SOURCE, activity="group id record")
    # A group that peer reviews point at cannot go (409 9040).
    in_use = Item.objects.filter(section="peer-review", **{"document__review-group-id": row.group_id})
    if in_use.exists():
        raise OrcidError(CANNOT_DELETE)
    row.delete()
