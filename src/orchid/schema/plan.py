"""Compiled descriptions of the generated message classes, shared by the XML and JSON codecs.

The dataclasses in `generated/` are the one definition of every element. xsdata's XmlContext reads
their metadata (XML names, namespaces, attribute/element/text roles, types); this module turns it,
once per class, into a flat `ModelPlan` the codecs can walk quickly, and attaches the JSON shape
ORCID uses for each field (see `json_shape`).
"""

from __future__ import annotations

import dataclasses
import enum
import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from xsdata.formats.dataclass.context import XmlContext
from xsdata.models.datatype import XmlDateTime

from orchid.schema import json_shape
from orchid.schema.namespaces import XML_NAMESPACE, prefix_for

_CONTEXT = XmlContext()


class Role(enum.Enum):
    ATTRIBUTE = "attribute"
    ELEMENT = "element"
    TEXT = "text"
    CHOICE = "choice"  # one ordered list of elements of several kinds (a bulk's works and errors)


class JsonForm(enum.Enum):
    NATURAL = "natural"  # a scalar stays a scalar, a class becomes an object
    WRAPPED = "wrapped"  # a scalar written as {"value": scalar}
    BARE = "bare"  # a simple-content class written as its bare text value
    FLATTENED = "flattened"  # a wrapper of one repeated element, written as that element's array


@dataclass(slots=True)
class Facets:
    """The XSD restrictions on a value that the codecs enforce when reading."""

    min_inclusive: int | None = None
    max_inclusive: int | None = None
    min_length: int | None = None
    max_length: int | None = None
    pattern: re.Pattern[str] | None = None

    @property
    def empty(self) -> bool:
        return (
            self.min_inclusive is None
            and self.max_inclusive is None
            and self.min_length is None
            and self.max_length is None
            and self.pattern is None
        )


@dataclass(slots=True)
class FieldPlan:
    attr: str
    local: str
    namespace: str | None
    role: Role
    many: bool
    required: bool
    model: type | None  # a generated dataclass, or None for a leaf value
    leaf: type | None  # str, int, bool, XmlDateTime or an Enum subclass
    facets: Facets | None
    xml_tag: str  # "prefix:local" for elements, the bare name for attributes
    json_key: str
    json_form: JsonForm
    zero_pad: int  # fuzzy-date parts are written with at least this many digits
    choices: list[FieldPlan] = field(default_factory=list)  # for Role.CHOICE: one plan per kind

    @property
    def clark(self) -> str:
        return f"{{{self.namespace}}}{self.local}" if self.namespace else self.local


@dataclass(slots=True)
class JsonChoiceGroup:
    """Several repeated XML elements that ORCID's JSON folds into one list of one-key objects."""

    json_key: str
    members: list[FieldPlan]


@dataclass(slots=True)
class ModelPlan:
    cls: type
    local: str
    namespace: str | None
    fields: list[FieldPlan]
    attributes: dict[str, FieldPlan]
    elements: dict[str, FieldPlan]  # by Clark name
    text: FieldPlan | None
    required: list[FieldPlan]
    json_fields: dict[str, FieldPlan]
    json_groups: list[JsonChoiceGroup] = field(default_factory=list)
    json_group_members: dict[str, tuple[JsonChoiceGroup, FieldPlan]] = field(default_factory=dict)

    @property
    def clark(self) -> str:
        return f"{{{self.namespace}}}{self.local}" if self.namespace else self.local

    @property
    def xml_tag(self) -> str:
        return f"{prefix_for(self.namespace)}:{self.local}" if self.namespace else self.local


def _facets(metadata: dict[str, Any]) -> Facets | None:
    pattern = metadata.get("pattern")
    facets = Facets(
        min_inclusive=metadata.get("min_inclusive"),
        max_inclusive=metadata.get("max_inclusive"),
        min_length=metadata.get("min_length"),
        max_length=metadata.get("max_length"),
        # XSD pattern classes are narrower than Python's: \s is only space, tab, CR and LF.
        pattern=re.compile(pattern, re.ASCII) if pattern else None,
    )
    return None if facets.empty else facets


def _split_clark(qname: str) -> tuple[str | None, str]:
    if qname.startswith("{"):
        namespace, local = qname[1:].split("}", 1)
        return namespace, local
    return None, qname


@cache
def plan_for(cls: type) -> ModelPlan:
    meta = _CONTEXT.build(cls)
    metadata_by_attr = {f.name: dict(f.metadata) for f in dataclasses.fields(cls)}
    namespace, local = _split_clark(meta.qname)
    fields: list[FieldPlan] = []
    for var in sorted(meta.get_all_vars(), key=lambda v: v.index):
        if var.is_elements:
            fields.append(_choice_plan(var, local))
            continue
        if var.is_text:
            role = Role.TEXT
        elif var.is_attribute:
            role = Role.ATTRIBUTE
        elif var.is_element:
            role = Role.ELEMENT
        else:
            raise TypeError(f"{cls.__name__}.{var.name}: unsupported xsdata field kind")
        field_namespace, field_local = _split_clark(var.qname)
        model = var.clazz
        # A union with str (xml:lang is "language or empty") reads as plain text.
        leaf = None if model is not None else (str if str in var.types else var.types[0])
        if leaf is not None and not (
            leaf in (str, int, bool, XmlDateTime) or (isinstance(leaf, type) and issubclass(leaf, enum.Enum))
        ):
            raise TypeError(f"{cls.__name__}.{var.name}: unsupported leaf type {leaf}")
        element_clark = var.qname
        if role is Role.TEXT:
            xml_tag, json_key = "", "value"
        elif role is Role.ATTRIBUTE:
            xml_tag = f"xml:{field_local}" if field_namespace == XML_NAMESPACE else field_local
            json_key = field_local
        else:
            assert field_namespace is not None, f"{cls.__name__}.{var.name} has no namespace"
            xml_tag, json_key = f"{prefix_for(field_namespace)}:{field_local}", field_local
        fields.append(
            FieldPlan(
                attr=var.name,
                local=field_local,
                namespace=field_namespace,
                role=role,
                many=var.list_element,
                required=var.required and role is not Role.TEXT,
                model=model,
                leaf=leaf,
                facets=_facets(metadata_by_attr.get(var.name, {})),
                xml_tag=xml_tag,
                json_key=json_key,
                json_form=json_shape.form_for(local, element_clark, model),
                zero_pad=json_shape.ZERO_PADDED.get(field_local, 0) if issubclass_of_fuzzy(cls) else 0,
            )
        )
    plan = ModelPlan(
        cls=cls,
        local=local,
        namespace=namespace,
        fields=fields,
        attributes={f.clark: f for f in fields if f.role is Role.ATTRIBUTE},  # by Clark name
        elements={f.clark: f for f in fields if f.role is Role.ELEMENT}
        | {choice.clark: f for f in fields if f.role is Role.CHOICE for choice in f.choices},
        text=next((f for f in fields if f.role is Role.TEXT), None),
        required=[f for f in fields if f.required],
        json_fields={},
    )
    for f in fields:
        if f.json_form is JsonForm.FLATTENED:
            assert f.model is not None
            f.json_key = flattened_item(f.model).json_key
        plan.json_fields[f.json_key] = f
    for json_key, member_locals in json_shape.CHOICE_GROUPS.get(local, {}).items():
        members = [f for f in fields if f.local in member_locals]
        group = JsonChoiceGroup(json_key=json_key, members=members)
        plan.json_groups.append(group)
        for member in members:
            plan.json_group_members[member.local] = (group, member)
            del plan.json_fields[member.json_key]
    return plan


def _choice_plan(var: Any, parent_local: str) -> FieldPlan:
    choices = []
    for choice in var.elements.values():
        namespace, local = _split_clark(choice.qname)
        assert namespace is not None and choice.clazz is not None
        choices.append(
            FieldPlan(
                attr=var.name,
                local=local,
                namespace=namespace,
                role=Role.ELEMENT,
                many=True,
                required=False,
                model=choice.clazz,
                leaf=None,
                facets=None,
                xml_tag=f"{prefix_for(namespace)}:{local}",
                json_key=local,
                json_form=JsonForm.NATURAL,
                zero_pad=0,
            )
        )
    return FieldPlan(
        attr=var.name,
        local=var.name,
        namespace=None,
        role=Role.CHOICE,
        many=True,
        required=False,
        model=None,
        leaf=None,
        facets=None,
        xml_tag="",
        json_key=json_shape.CHOICE_LIST_KEYS.get(parent_local, var.name),
        json_form=JsonForm.NATURAL,
        zero_pad=0,
        choices=choices,
    )


def flattened_item(wrapper: type) -> FieldPlan:
    """The one repeated element inside a wrapper that JSON flattens away."""
    (item,) = [f for f in plan_for(wrapper).fields if f.role is Role.ELEMENT]
    return item


def issubclass_of_fuzzy(cls: type) -> bool:
    return any(base.__name__ == "FuzzyDate" for base in cls.__mro__)
