"""The item editors of /my-orcid: one generic form, driven by a small table per section.

Each editable section names its fields and where each one goes in the item's v3.0 JSON (`EDITORS`).
A form's values become a v3.0 document, which is read like an API body (`orchid.schema.from_json`,
strict), so a bad value gets ORCID's own error (9037 work type, 9058 date, ...); the records services
then apply ORCID's write rules (source, duplicates, organizations). Editing starts from the stored
item, so what the form does not show (citations, contributors, ...) is kept.

External identifiers of the person (`external-identifier`) have no editor: only clients add them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal

import orjson
from django import forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from orchid.identifiers import IDENTIFIER_TYPES
from orchid.organizations.models import OrganizationSource
from orchid.records import services
from orchid.records.models import VisibilityChoices
from orchid.records.sections import BY_NAME, Section
from orchid.records.viewer import Viewer
from orchid.schema import from_json, to_data
from orchid.schema.enums import (
    Country,
    CurrencyCode,
    FundingType,
    PeerReviewRole,
    PeerReviewType,
    Relationship,
    ResearchResourceType,
    WorkType,
)

PathPart = str | int
Kind = Literal["text", "textarea", "url", "choice", "date", "ids"]

#: Empty rows of external identifiers a form offers beyond the item's own.
SPARE_ID_ROWS = 2
#: Fields the registry sets itself; never taken from a stored item into a new body.
REGISTRY_KEYS = frozenset(
    {"created-date", "last-modified-date", "source", "put-code", "visibility", "display-index", "path"}
)
_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def _choices(values: Any, blank: bool = True) -> tuple[tuple[str, str], ...]:
    listed = tuple((str(value.value), str(value.value).replace("-", " ")) for value in values)
    return ((("", "—"),) if blank else ()) + listed


COUNTRIES = _choices(Country)
ID_TYPES = (("", "—"), *((kind.name, f"{kind.name}: {kind.description}") for kind in IDENTIFIER_TYPES))
RELATIONSHIPS = _choices(Relationship, blank=False)
ORG_SOURCES = (("", "—"), *OrganizationSource.choices)


@dataclass(frozen=True)
class Field:
    """One form field and where its value goes in the item's v3.0 JSON."""

    name: str
    label: Any  # a lazy translation
    path: tuple[PathPart, ...]
    kind: Kind = "text"
    required: bool = False
    choices: tuple[tuple[str, str], ...] = ()
    help: Any = ""


@dataclass(frozen=True)
class Editor:
    section: Section
    fields: tuple[Field, ...]
    heading: Any
    hint: Any = ""
    extra: dict[str, Any] = field(default_factory=dict)


def _organization(prefix: str, path: tuple[PathPart, ...], label: Any) -> tuple[Field, ...]:
    return (
        Field(f"{prefix}name", label, (*path, "name"), required=True),
        Field(f"{prefix}city", _("City"), (*path, "address", "city"), required=True),
        Field(f"{prefix}region", _("Region or state"), (*path, "address", "region")),
        Field(f"{prefix}country", _("Country"), (*path, "address", "country"), "choice", True, COUNTRIES),
        Field(
            f"{prefix}org_id",
            _("Organization identifier"),
            (*path, "disambiguated-organization", "disambiguated-organization-identifier"),
            required=True,
            help=_(
                "Its ROR, Ringgold, GRID, Crossref Funder or LEI identifier, e.g. https://ror.org/05dxps055"
            ),
        ),
        Field(
            f"{prefix}org_source",
            _("Identifier source"),
            (*path, "disambiguated-organization", "disambiguation-source"),
            "choice",
            True,
            ORG_SOURCES,
        ),
    )


def _affiliation(name: str, heading: Any) -> Editor:
    return Editor(
        BY_NAME[name],
        (
            *_organization("", ("organization",), _("Organization")),
            Field("department", _("Department"), ("department-name",)),
            Field("role", _("Role or title"), ("role-title",)),
            Field("start_date", _("Start date"), ("start-date",), "date"),
            Field("end_date", _("End date"), ("end-date",), "date"),
            Field("url", _("Link"), ("url", "value"), "url"),
        ),
        heading,
    )


_DATE_HELP = _("YYYY, YYYY-MM or YYYY-MM-DD")

EDITORS: dict[str, Editor] = {
    editor.section.name: editor
    for editor in (
        Editor(
            BY_NAME["other-name"],
            (Field("content", _("Name"), ("content",), required=True),),
            _("Other name"),
        ),
        Editor(
            BY_NAME["keyword"], (Field("content", _("Keyword"), ("content",), required=True),), _("Keyword")
        ),
        Editor(
            BY_NAME["researcher-url"],
            (
                Field("url_name", _("Link name"), ("url-name",)),
                Field("url", _("URL"), ("url", "value"), "url", required=True),
            ),
            _("Website or social link"),
        ),
        Editor(
            BY_NAME["address"],
            (Field("country", _("Country"), ("country", "value"), "choice", True, COUNTRIES),),
            _("Country"),
        ),
        Editor(
            BY_NAME["work"],
            (
                Field("title", _("Title"), ("title", "title", "value"), required=True),
                Field("type", _("Work type"), ("type",), "choice", True, _choices(WorkType)),
                Field(
                    "publication_date", _("Publication date"), ("publication-date",), "date", help=_DATE_HELP
                ),
                Field("journal_title", _("Journal or container title"), ("journal-title", "value")),
                Field("url", _("Link"), ("url", "value"), "url"),
                Field("external_ids", _("Identifiers"), ("external-ids",), "ids"),
            ),
            _("Work"),
        ),
        Editor(
            BY_NAME["funding"],
            (
                Field("title", _("Title"), ("title", "title", "value"), required=True),
                Field("type", _("Funding type"), ("type",), "choice", True, _choices(FundingType)),
                *_organization("", ("organization",), _("Funder")),
                Field("start_date", _("Start date"), ("start-date",), "date", help=_DATE_HELP),
                Field("end_date", _("End date"), ("end-date",), "date", help=_DATE_HELP),
                Field("amount", _("Amount"), ("amount", "value")),
                Field(
                    "currency",
                    _("Currency"),
                    ("amount", "currency-code"),
                    "choice",
                    False,
                    _choices(CurrencyCode),
                ),
                Field("url", _("Link"), ("url", "value"), "url"),
                Field("external_ids", _("Identifiers"), ("external-ids",), "ids"),
            ),
            _("Funding"),
        ),
        _affiliation("employment", _("Employment")),
        _affiliation("education", _("Education")),
        _affiliation("qualification", _("Qualification")),
        _affiliation("invited-position", _("Invited position")),
        _affiliation("distinction", _("Distinction")),
        _affiliation("membership", _("Membership")),
        _affiliation("service", _("Service")),
        Editor(
            BY_NAME["peer-review"],
            (
                Field("role", _("Your role"), ("reviewer-role",), "choice", True, _choices(PeerReviewRole)),
                Field("type", _("Review type"), ("review-type",), "choice", True, _choices(PeerReviewType)),
                Field(
                    "group_id",
                    _("Group identifier"),
                    ("review-group-id",),
                    required=True,
                    help=_("The journal or body reviewed for, e.g. issn:1741-4857"),
                ),
                Field("completion_date", _("Completion date"), ("review-completion-date",), "date", True),
                *_organization("", ("convening-organization",), _("Convening organization")),
                Field("url", _("Link"), ("review-url", "value"), "url"),
                Field("external_ids", _("Review identifiers"), ("review-identifiers",), "ids"),
            ),
            _("Peer review"),
        ),
        Editor(
            BY_NAME["research-resource"],
            (
                Field("title", _("Proposal title"), ("proposal", "title", "title", "value"), required=True),
                *_organization("host_", ("proposal", "hosts", "organization", 0), _("Host organization")),
                Field("start_date", _("Start date"), ("proposal", "start-date"), "date", help=_DATE_HELP),
                Field("end_date", _("End date"), ("proposal", "end-date"), "date", help=_DATE_HELP),
                Field("url", _("Link"), ("proposal", "url", "value"), "url"),
                Field("external_ids", _("Proposal identifiers"), ("proposal", "external-ids"), "ids"),
                Field(
                    "resource_name", _("Resource name"), ("resource-item", 0, "resource-name"), required=True
                ),
                Field(
                    "resource_type",
                    _("Resource type"),
                    ("resource-item", 0, "resource-type"),
                    "choice",
                    True,
                    _choices(ResearchResourceType),
                ),
                Field("resource_ids", _("Resource identifiers"), ("resource-item", 0, "external-ids"), "ids"),
            ),
            _("Research resource"),
            extra={"copy_host_to_resource": True},
        ),
    )
}


def editor_for(section_name: str) -> Editor | None:
    return EDITORS.get(section_name)


# ---------------------------------------------------------------------------------------------
# JSON paths


def _get(data: Any, path: tuple[PathPart, ...]) -> Any:
    for part in path:
        if isinstance(part, int):
            if not isinstance(data, list) or len(data) <= part:
                return None
        elif not isinstance(data, dict):
            return None
        data = data[part] if isinstance(part, int) else data.get(part)
    return data


def _put(data: dict[str, Any], path: tuple[PathPart, ...], value: Any) -> None:
    node: Any = data
    for part, following in zip(path, path[1:], strict=False):
        empty: Any = [] if isinstance(following, int) else {}
        if isinstance(part, int):
            while len(node) <= part:
                node.append({} if not isinstance(following, int) else [])
            if not isinstance(node[part], type(empty)):
                node[part] = empty
            node = node[part]
        else:
            if not isinstance(node.get(part), type(empty)):
                node[part] = empty
            node = node[part]
    last = path[-1]
    if isinstance(last, int):
        while len(node) <= last:
            node.append(None)
    node[last] = value


def _prune(value: Any) -> Any:
    """The document without nulls, empty strings and the containers they leave empty."""
    if isinstance(value, dict):
        pruned = {key: _prune(item) for key, item in value.items()}
        return {key: item for key, item in pruned.items() if item not in (None, "", {}, [])} or None
    if isinstance(value, list):
        items = [_prune(item) for item in value]
        return [item for item in items if item not in (None, "", {}, [])] or None
    return value


def _without_registry_fields(document: dict[str, Any]) -> dict[str, Any]:
    def strip(value: Any) -> Any:
        if isinstance(value, dict):
            return {
                key: strip(item)
                for key, item in value.items()
                if key not in ("external-id-normalized", "external-id-normalized-error")
            }
        if isinstance(value, list):
            return [strip(item) for item in value]
        return value

    return {key: strip(value) for key, value in document.items() if key not in REGISTRY_KEYS}


# ---------------------------------------------------------------------------------------------
# Dates and identifiers in forms


def date_text(node: Any) -> str:
    year = _get(node, ("year", "value"))
    if not year:
        return ""
    parts = [str(year)] + [
        str(_get(node, (p, "value"))) for p in ("month", "day") if _get(node, (p, "value"))
    ]
    return "-".join(parts)


def date_document(text: str) -> dict[str, Any] | None:
    text = text.strip()
    if not text:
        return None
    match = _DATE.match(text)
    if match is None:
        raise forms.ValidationError(_("Write the date as YYYY, YYYY-MM or YYYY-MM-DD."))
    year, month, day = match.groups()
    document: dict[str, Any] = {"year": {"value": year}}
    if month:
        document["month"] = {"value": f"{int(month):02d}"}
    if day:
        document["day"] = {"value": f"{int(day):02d}"}
    return document


def _id_rows(container: Any) -> list[dict[str, str]]:
    rows = _get(container, ("external-id",)) or []
    return [
        {
            "type": str(row.get("external-id-type") or ""),
            "value": str(row.get("external-id-value") or ""),
            "relationship": str(row.get("external-id-relationship") or "self"),
            "url": str(_get(row, ("external-id-url", "value")) or ""),
        }
        for row in rows
        if isinstance(row, dict)
    ]


# ---------------------------------------------------------------------------------------------
# The form


class ItemForm(forms.Form):
    """The fields of one section's editor, plus a visibility choice. Identifier rows are numbered
    fields (`external_ids-0-type`, `-value`, `-relationship`, `-url`), as many as the item has plus
    `SPARE_ID_ROWS`."""

    visibility = forms.ChoiceField(label=_("Visibility"), choices=VisibilityChoices.choices)

    def __init__(self, editor: Editor, *args: Any, id_rows: int = 0, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.editor = editor
        self.id_field_names: dict[str, list[list[str]]] = {}
        visibility = self.fields.pop("visibility")
        for spec in editor.fields:
            if spec.kind == "ids":
                self._add_id_rows(spec, id_rows)
                continue
            self.fields[spec.name] = self._field(spec)
        self.fields["visibility"] = visibility

    @staticmethod
    def _field(spec: Field) -> forms.Field:
        common: dict[str, Any] = {"label": spec.label, "required": spec.required, "help_text": spec.help}
        if spec.kind == "choice":
            return forms.ChoiceField(choices=spec.choices, **common)
        if spec.kind == "url":
            return forms.URLField(max_length=2000, assume_scheme="https", **common)
        if spec.kind == "textarea":
            return forms.CharField(max_length=5000, widget=forms.Textarea, **common)
        if spec.kind == "date":
            return forms.CharField(max_length=10, **common)
        return forms.CharField(max_length=1000, **common)

    def _add_id_rows(self, spec: Field, count: int) -> None:
        rows: list[list[str]] = []
        for index in range(count):
            prefix = f"{spec.name}-{index}"
            names = [f"{prefix}-type", f"{prefix}-value", f"{prefix}-relationship", f"{prefix}-url"]
            self.fields[names[0]] = forms.ChoiceField(label=_("Type"), choices=ID_TYPES, required=False)
            self.fields[names[1]] = forms.CharField(label=_("Value"), max_length=2000, required=False)
            self.fields[names[2]] = forms.ChoiceField(
                label=_("Relationship"), choices=RELATIONSHIPS, required=False, initial="self"
            )
            self.fields[names[3]] = forms.URLField(
                label=_("Link"), max_length=2000, required=False, assume_scheme="https"
            )
            rows.append(names)
        self.id_field_names[spec.name] = rows

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for spec in self.editor.fields:
            if spec.kind == "date" and spec.name in data:
                try:
                    data[spec.name] = date_document(str(data[spec.name] or ""))
                except forms.ValidationError as error:
                    self.add_error(spec.name, error)
        for rows in self.id_field_names.values():
            for type_name, value_name, _relationship, _url in rows:
                if bool(data.get(type_name)) != bool(str(data.get(value_name) or "").strip()):
                    self.add_error(value_name, _("Give both the type and the value of an identifier."))
        return data

    # What the template shows: plain fields, then identifier rows as groups.
    def plain_fields(self) -> list[forms.BoundField]:
        grouped = {name for rows in self.id_field_names.values() for row in rows for name in row}
        return [self[name] for name in self.fields if name not in grouped and name != "visibility"]

    def id_groups(self) -> list[tuple[Any, list[list[forms.BoundField]]]]:
        labels = {spec.name: spec.label for spec in self.editor.fields}
        return [
            (labels[name], [[self[field] for field in row] for row in rows])
            for name, rows in self.id_field_names.items()
        ]


def id_row_count(editor: Editor, document: dict[str, Any] | None, posted: Any = None) -> int:
    """Identifier rows a form needs: those of the item (or the posted form) plus the spare ones."""
    have = 0
    for spec in editor.fields:
        if spec.kind != "ids":
            continue
        if posted is not None:
            indexes = [
                int(key.split("-")[1])
                for key in posted
                if key.startswith(f"{spec.name}-") and key.split("-")[1].isdigit()
            ]
            have = max(have, max(indexes, default=-1) + 1 - SPARE_ID_ROWS)
        elif document is not None:
            have = max(have, len(_id_rows(_get(document, spec.path))))
    return max(have, 0) + SPARE_ID_ROWS


def initial_values(editor: Editor, document: dict[str, Any], visibility: str) -> dict[str, Any]:
    """The form's initial values for a stored item (its v3.0 JSON)."""
    values: dict[str, Any] = {"visibility": visibility}
    for spec in editor.fields:
        node = _get(document, spec.path)
        if spec.kind == "ids":
            for index, row in enumerate(_id_rows(node)):
                for key, value in row.items():
                    values[f"{spec.name}-{index}-{key}"] = value
        elif spec.kind == "date":
            values[spec.name] = date_text(node)
        elif node is not None:
            values[spec.name] = str(node)
    return values


def build_document(form: ItemForm, base: dict[str, Any] | None = None) -> dict[str, Any]:
    """The v3.0 JSON of the item: the stored item's (when editing) with the form's values put in."""
    data = form.cleaned_data
    document = _without_registry_fields(base or {})
    for spec in form.editor.fields:
        if spec.kind == "ids":
            rows = [
                {
                    "external-id-type": data.get(type_name),
                    "external-id-value": str(data.get(value_name) or "").strip(),
                    "external-id-relationship": data.get(relationship) or "self",
                    "external-id-url": {"value": data.get(url)} if data.get(url) else None,
                }
                for type_name, value_name, relationship, url in form.id_field_names[spec.name]
                if data.get(type_name) and str(data.get(value_name) or "").strip()
            ]
            _put(document, spec.path, {"external-id": rows})
            continue
        value = data.get(spec.name)
        _put(document, spec.path, value.strip() if isinstance(value, str) else value)
    if form.editor.extra.get("copy_host_to_resource"):
        host = _get(document, ("proposal", "hosts"))
        if host and not _get(document, ("resource-item", 0, "hosts")):
            _put(document, ("resource-item", 0, "hosts"), host)
    return _prune(document) or {}


def to_item(editor: Editor, document: dict[str, Any], put_code: int | None = None) -> Any:
    """The message model, read like an API body: `OrcidError` with ORCID's code for a bad value."""
    if put_code is not None:
        document = {**document, "put-code": put_code}
    return from_json(orjson.dumps(document), editor.section.item_model)


# ---------------------------------------------------------------------------------------------
# Reading and writing through the records services, as the researcher


def stored_item(orcid: str, section: Section, put_code: int) -> tuple[dict[str, Any], Any]:
    """(the item's v3.0 JSON, the message model) as the researcher reads it."""
    item = services.read_item(orcid, section, put_code, Viewer.researcher_self(orcid))
    return to_data(item), item


def is_own(document: dict[str, Any], orcid: str) -> bool:
    return _get(document, ("source", "source-orcid", "path")) == orcid


def source_name(document: dict[str, Any]) -> str:
    return str(_get(document, ("source", "source-name", "value")) or "")


def save(orcid: str, form: ItemForm, put_code: int | None, base: dict[str, Any] | None) -> int:
    """Add or replace the item, then set its visibility when the form chose another; the put code.
    Raises `OrcidError` (ORCID's code and message) for whatever the services or the schema refuse."""
    editor = form.editor
    viewer = Viewer.researcher_self(orcid)
    item = to_item(editor, build_document(form, base), put_code)
    with transaction.atomic():
        if put_code is None:
            put_code = services.add_item(orcid, editor.section, item, viewer)
        else:
            services.update_item(orcid, editor.section, put_code, item, viewer)
        services.set_visibility(orcid, editor.section, put_code, form.cleaned_data["visibility"], viewer)
    return put_code
