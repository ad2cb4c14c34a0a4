"""Between stored rows and v3.0 message models: the stored JSON forms, and the fields the registry sets."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings

from orchid import ids
from orchid.identifiers import normalize
from orchid.records.models import Item, ItemExternalId, Researcher
from orchid.records.sections import Section
from orchid.schema import models as m
from orchid.schema.enums import Visibility
from orchid.schema.json_codec import from_data, to_data
from orchid.schema.plan import plan_for
from orchid.schema.values import utc_millis

# Fields the registry sets on every item, whatever a client sent.
REGISTRY_FIELDS = (
    "put_code",
    "path",
    "source",
    "created_date",
    "last_modified_date",
    "visibility",
    "display_index",
)

# Summary fields named differently in the full item.
SUMMARY_FROM_FULL: dict[str, dict[str, str]] = {
    "peer-review": {"external_ids": "review_identifiers", "completion_date": "review_completion_date"},
}


xml_datetime = utc_millis


def created(moment: dt.datetime) -> m.common.CreatedDate:
    return m.common.CreatedDate(value=xml_datetime(moment))


def last_modified(moment: dt.datetime | None) -> m.common.LastModifiedDate | None:
    return None if moment is None else m.common.LastModifiedDate(value=xml_datetime(moment))


def id_host() -> str:
    return str(settings.ORCID_ID_HOST)


def orcid_identifier(orcid: str, cls: type = m.common.OrcidIdentifier) -> Any:
    return cls(uri=ids.to_uri(orcid, id_host()), path=orcid, host=id_host())


def client_source(client: Any) -> m.common.Source:
    return m.common.Source(
        source_client_id=m.common.ClientId(
            uri=f"https://{id_host()}/client/{client.client_id}", path=client.client_id, host=id_host()
        ),
        source_name=m.common.SourceName(value=client.name),
    )


def researcher_source(researcher: Researcher) -> m.common.Source:
    return m.common.Source(
        source_orcid=orcid_identifier(researcher.orcid, m.common.SourceOrcid),
        source_name=m.common.SourceName(value=researcher.display_name),
    )


def compact(data: Any) -> Any:
    """JSON data without nulls and empty arrays: the stored form (the codec reads both)."""
    if isinstance(data, dict):
        kept = {key: compact(value) for key, value in data.items()}
        return {key: value for key, value in kept.items() if value is not None and value != []}
    if isinstance(data, list):
        return [compact(item) for item in data]
    return data


def clear_registry_fields(item: Any) -> None:
    for name in REGISTRY_FIELDS:
        if hasattr(item, name):
            setattr(item, name, None)


def normalize_external_ids(item: Any) -> None:
    """Set external-id-normalized (or its 8001 error) on every external id of an item, as ORCID does."""
    for external_id in iter_external_ids(item):
        result = normalize(external_id.external_id_type, external_id.external_id_value or "")
        external_id.external_id_normalized = (
            m.common.TransientNonEmptyString(value=result.value, transient="true") if result.value else None
        )
        external_id.external_id_normalized_error = (
            m.common.TransientError(
                error_code=result.error.error_code, error_message=result.error.error_message, transient="true"
            )
            if result.error
            else None
        )


def iter_external_ids(item: Any) -> list[Any]:
    """Every external id an item carries (its own, a peer review's subject id, research resource items')."""
    found: list[Any] = []
    for name in ("external_ids", "review_identifiers"):
        container = getattr(item, name, None)
        if container is not None:
            found.extend(container.external_id)
    subject = getattr(item, "subject_external_identifier", None)
    if subject is not None:
        found.append(subject)
    if hasattr(item, "external_id_type"):  # a person external identifier is itself an external id
        found.append(item)
    proposal = getattr(item, "proposal", None)
    if proposal is not None and proposal.external_ids is not None:
        found.extend(proposal.external_ids.external_id)
    resource_items = getattr(item, "resource_items", None)
    if resource_items is not None:
        for resource_item in resource_items.resource_item:
            if resource_item.external_ids is not None:
                found.extend(resource_item.external_ids.external_id)
    return found


def own_external_ids(section: Section, item: Any) -> list[Any]:
    """The external ids that identify the item itself (for duplicates and grouping)."""
    if section.name == "external-identifier":
        return [item]
    if section.name == "peer-review":
        return list(item.review_identifiers.external_id) if item.review_identifiers else []
    if section.name == "research-resource":
        proposal = item.proposal
        return list(proposal.external_ids.external_id) if proposal and proposal.external_ids else []
    container = getattr(item, "external_ids", None)
    return list(container.external_id) if container is not None else []


def external_id_rows(item_pk: int, researcher_pk: int, section: Section, item: Any) -> list[ItemExternalId]:
    """The rows of the indexed external-id table for a stored item (its `own_external_ids`, normalized)."""
    return [
        ItemExternalId(
            item_id=item_pk,
            researcher_id=researcher_pk,
            section=section.name,
            id_type=external_id.external_id_type or "",
            value=external_id.external_id_value or "",
            normalized=external_id.external_id_normalized.value
            if external_id.external_id_normalized
            else None,
            relationship=external_id.external_id_relationship,
        )
        for external_id in own_external_ids(section, item)
    ]


def summarize(section: Section, item: Any) -> Any:
    """The *-summary message of a full activity item (fields copied by name)."""
    assert section.summary_model is not None
    renamed = SUMMARY_FROM_FULL.get(section.name, {})
    item_cls: type = type(item)
    full_attrs = {f.attr for f in plan_for(item_cls).fields}
    values = {}
    for f in plan_for(section.summary_model).fields:
        source_attr = renamed.get(f.attr, f.attr)
        if source_attr in full_attrs and f.attr not in REGISTRY_FIELDS:
            values[f.attr] = getattr(item, source_attr)
    summary_cls: Any = section.summary_model
    return summary_cls(**{**{f.attr: None for f in plan_for(summary_cls).required}, **values})


def stored_forms(section: Section, item: Any) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """(document, summary) JSON data to store for an item whose registry fields are cleared."""
    document = compact(to_data(item))
    summary = compact(to_data(summarize(section, item))) if section.summary_model is not None else None
    return document, summary


def render_item(row: Item, section: Section, researcher: Researcher, *, summary: bool = False) -> Any:
    """The message for a stored item, with the registry's fields set."""
    cls: Any = section.summary_model if summary else section.item_model
    data = row.summary if summary else row.document
    item = from_data(data, cls, strict=False)
    item.put_code = row.pk
    item.path = section.item_path(researcher.orcid, row.pk)
    item.visibility = Visibility(row.visibility)
    item.display_index = row.display_index
    item.created_date = created(row.created_at)
    item.last_modified_date = last_modified(row.last_modified)
    if row.source_client_id is not None:
        item.source = client_source(row.source_client)
    elif row.source_orcid:
        item.source = researcher_source(researcher)
    return item


def item_name(section: Section, document: dict[str, Any] | None) -> str:
    """What the researcher would call a stored item (its title, organization, keyword, ...), or ""."""
    data: Any = document or {}

    def first(*paths: tuple[str, ...]) -> str:
        for path in paths:
            value: Any = data
            for key in path:
                value = value.get(key) if isinstance(value, dict) else None
            if isinstance(value, dict):
                value = value.get("value")
            if isinstance(value, str) and value.strip():
                return value.strip()
        return ""

    return first(
        ("title", "title"),
        ("proposal", "title", "title"),
        ("review-group-id",),
        ("organization", "name"),
        ("content",),
        ("url-name",),
        ("external-id-type",),
        ("country",),
    )
