"""The v3.0 message models: the generated dataclasses, one module per ORCID namespace prefix.

Use them as `models.work.Work`, `models.record.Record`, `models.common.ExternalId`, ... The
client, group-id and notification-permission messages come from the schemas that still import
common-2.1 (see scripts/generate_schema_models.py), hence their own modules.
"""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil
from types import ModuleType

from orchid.schema.generated.custom.org.orcid.ns import notification as notification_custom
from orchid.schema.generated.legacy.org.orcid.ns import client, group_id, notification
from orchid.schema.generated.record.org.orcid.ns import (
    activities,
    address,
    bulk,
    common,
    distinction,
    education,
    email,
    employment,
    error,
    expanded_search,
    external_identifier,
    funding,
    history,
    invited_position,
    keyword,
    membership,
    other_name,
    peer_review,
    person,
    personal_details,
    preferences,
    qualification,
    record,
    research_resource,
    researcher_url,
    search,
    service,
    summary,
    work,
)
from orchid.schema.plan import plan_for

__all__ = [
    "activities", "address", "bulk", "client", "common", "distinction", "education", "email", "employment",
    "error", "expanded_search", "external_identifier", "funding", "group_id", "history", "invited_position",
    "keyword", "membership", "notification", "other_name", "peer_review", "person", "personal_details",
    "preferences", "qualification", "record", "research_resource", "researcher_url", "search", "service",
    "summary", "work", "notification_custom", "ROOTS", "ROOT_VARIANTS",
]  # fmt: skip

_RECORD_PACKAGE = "orchid.schema.generated.record.org.orcid.ns"
_LEGACY_ROOTS: tuple[type, ...] = (
    client.Client,
    group_id.GroupIdRecord,
    group_id.GroupIdRecords,
    notification.Notification,
)


def _generated_classes(package: str) -> list[type]:
    found: list[type] = []
    for info in pkgutil.iter_modules(importlib.import_module(package).__path__):
        module: ModuleType = importlib.import_module(f"{package}.{info.name}")
        found.extend(
            value
            for value in vars(module).values()
            if dataclasses.is_dataclass(value)
            and isinstance(value, type)
            and value.__module__ == module.__name__
        )
    return found


def _roots() -> dict[str, type]:
    """Document root element (Clark name) -> model class."""
    roots: dict[str, type] = {}
    for cls in [*_generated_classes(_RECORD_PACKAGE), *_LEGACY_ROOTS]:
        plan = plan_for(cls)
        if plan.namespace is not None:
            roots.setdefault(plan.clark, cls)
    return roots


ROOTS: dict[str, type] = _roots()

# Root elements shared by several messages, told apart by the value of one child element:
# root Clark name -> (child Clark name, {child text: model class}).
_NOTIFICATION_NS = "{http://www.orcid.org/ns/notification}"
ROOT_VARIANTS: dict[str, tuple[str, dict[str, type]]] = {
    f"{_NOTIFICATION_NS}notification": (
        f"{_NOTIFICATION_NS}notification-type",
        {"permission": notification.Notification, "custom": notification_custom.Notification},
    ),
}
