"""ORCID v3.0 JSON, as ORCID writes and reads it (spec §10; shape exceptions in `json_shape`).

Writing: kebab-case keys, simple content as {"value": ...}, dates as epoch milliseconds, explicit
null for absent fields, [] for empty repeated ones. Reading: lenient where ORCID's Jackson reader is
(numbers given as strings and the reverse, a single value where an array is expected), strict about
unknown fields and wrong types, errors reported as ORCID's 9047 naming the field.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from functools import cache
from typing import Any

import orjson
from xsdata.models.datatype import XmlDateTime

from orchid.errors import OrcidError
from orchid.schema import json_shape
from orchid.schema.plan import FieldPlan, JsonForm, Role, flattened_item, plan_for
from orchid.schema.values import (
    InvalidValue,
    datetime_to_millis,
    millis_to_datetime,
    parse_checked,
    parse_datetime,
    text_parser,
)

JSON_ERROR = 9047
MAX_DOCUMENT_BYTES = 10 * 1024 * 1024

# ---------------------------------------------------------------------------------------------
# Writing


def _leaf_encoder(f: FieldPlan) -> Callable[[Any], Any] | None:
    """None when the Python value is already its JSON value."""
    leaf = f.leaf
    if leaf is XmlDateTime:
        return datetime_to_millis
    if f.zero_pad:
        return f"{{:0{f.zero_pad}d}}".format
    if isinstance(leaf, type) and issubclass(leaf, enum.Enum):
        if leaf.__name__ in json_shape.ENUMS_BY_NAME_IN_JSON:
            return _enum_name
        return _enum_value
    if f.role is Role.ATTRIBUTE and f.local in json_shape.BOOLEAN_ATTRIBUTES:
        return _true_string_to_bool
    if leaf is int and f.json_form is JsonForm.WRAPPED:
        return str  # ORCID's Java model keeps these numbers as strings ("year": {"value": "2022"})
    return None


def _with_numeric_display_index(encode: Callable[[Any], dict[str, Any]]) -> Callable[[Any], dict[str, Any]]:
    def encode_item(obj: Any) -> dict[str, Any]:
        data = encode(obj)
        index = data.get("display-index")
        if isinstance(index, str) and index.lstrip("-").isdigit():
            data["display-index"] = int(index)
        return data

    return encode_item


def _enum_value(value: enum.Enum) -> Any:
    return value.value


def _enum_name(value: enum.Enum) -> str:
    return value.name


def _true_string_to_bool(value: str) -> bool:
    return value == "true"


def _wrap(encode: Callable[[Any], Any] | None) -> Callable[[Any], Any]:
    if encode is None:
        return lambda value: {"value": value}
    return lambda value: {"value": encode(value)}


def _list_of(encode: Callable[[Any], Any] | None) -> Callable[[Any], Any]:
    if encode is None:
        return list
    return lambda values: [encode(value) for value in values]


def _field_encoder(f: FieldPlan) -> Callable[[Any], Any] | None:
    if f.role is Role.CHOICE:
        key_and_encoder = {
            choice.model: (choice.json_key, _LazyEncoder(choice.model))
            for choice in f.choices
            if choice.model
        }

        def encode_choices(items: list[Any]) -> list[dict[str, Any]]:
            encoded = []
            for item in items:
                key, encode = key_and_encoder[type(item)]
                encoded.append({key: encode(item)})
            return encoded

        return encode_choices
    if f.json_form is JsonForm.FLATTENED:
        assert f.model is not None
        item = flattened_item(f.model)
        encode_items = _field_encoder(item)
        assert encode_items is not None
        item_attr = item.attr
        return lambda wrapper: encode_items(getattr(wrapper, item_attr))
    if f.model is not None:
        model_cls = f.model
        if f.json_form is JsonForm.BARE:
            text = plan_for(model_cls).text
            assert text is not None, f"{model_cls.__name__} has no text to write bare"
            text_attr = text.attr
            single: Callable[[Any], Any] | None = lambda obj: getattr(obj, text_attr)  # noqa: E731
        else:
            single = _LazyEncoder(model_cls)
            if f.local in json_shape.NUMERIC_DISPLAY_INDEX:
                single = _with_numeric_display_index(single)
    else:
        single = _leaf_encoder(f)
        if f.json_form is JsonForm.WRAPPED:
            single = _wrap(single)
    return _list_of(single) if f.many else single


class _LazyEncoder:
    """Resolves a class's encoder on first use, so recursive and mutual references compile."""

    __slots__ = ("cls", "encode")

    def __init__(self, cls: type) -> None:
        self.cls = cls
        self.encode: Callable[[Any], dict[str, Any]] | None = None

    def __call__(self, obj: Any) -> dict[str, Any]:
        if self.encode is None:
            self.encode = _model_encoder(self.cls)
        return self.encode(obj)


@cache
def _model_encoder(cls: type) -> Callable[[Any], dict[str, Any]]:
    plan = plan_for(cls)
    plain: list[tuple[str, str, Callable[[Any], Any] | None]] = []
    optional: list[tuple[str, str, Callable[[Any], Any] | None]] = []
    omitted_when_null = json_shape.OMITTED_WHEN_NULL.get(plan.local, frozenset())
    for f in plan.fields:
        if f.local in plan.json_group_members:
            continue
        (optional if f.json_key in omitted_when_null else plain).append(
            (f.json_key, f.attr, _field_encoder(f))
        )
    groups = [
        (
            group.json_key,
            [
                (member.attr, member.local, _LazyEncoder(member.model))
                for member in group.members
                if member.model
            ],
        )
        for group in plan.json_groups
        if all(member.model is not None for member in group.members)
    ]

    def encode(obj: Any) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, attr, encoder in optional:
            value = getattr(obj, attr)
            if value is not None:
                result[key] = value if encoder is None else encoder(value)
        for key, attr, encoder in plain:
            value = getattr(obj, attr)
            if value is None or encoder is None:
                result[key] = value
            else:
                result[key] = encoder(value)
        for key, members in groups:
            result[key] = [
                {local: encoder(item)} for attr, local, encoder in members for item in getattr(obj, attr)
            ]
        return result

    return encode


@cache
def _root_encoder(cls: type) -> Callable[[Any], dict[str, Any]]:
    encode = _model_encoder(cls)
    if plan_for(cls).local in json_shape.NUMERIC_DISPLAY_INDEX:
        return _with_numeric_display_index(encode)
    return encode


def to_data(model: Any) -> dict[str, Any]:
    """The JSON data (dicts, lists, scalars) ORCID writes for a message model."""
    cls: type = type(model)
    return _root_encoder(cls)(model)


def to_json(model: Any, *, pretty: bool = False) -> bytes:
    option = orjson.OPT_INDENT_2 if pretty else 0
    return orjson.dumps(to_data(model), option=option)


# ---------------------------------------------------------------------------------------------
# Reading


def json_error(detail: str) -> OrcidError:
    return OrcidError(JSON_ERROR, detail, error=detail)


def load_document(data: bytes | str, *, max_bytes: int = MAX_DOCUMENT_BYTES) -> Any:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if len(raw) > max_bytes:
        raise json_error(f"The request body is larger than the limit of {max_bytes} bytes")
    try:
        return orjson.loads(raw)  # orjson refuses nesting deeper than 1024 levels
    except orjson.JSONDecodeError as exc:
        raise json_error(f"The JSON is not well-formed: {exc}") from None


def from_data(data: Any, cls: type, *, strict: bool = True) -> Any:
    return _model_decoder(cls, strict)(data, plan_for(cls).local)


def _type_name(value: Any) -> str:
    return {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}.get(
        type(value), "a number" if isinstance(value, int | float) else type(value).__name__
    )


def _scalar_text(value: Any, where: str) -> str:
    # Jackson coerces scalars into the type the model expects, so do we.
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str | int | float):
        return str(value)
    raise json_error(f"Cannot deserialize '{where}': expected a scalar value but found {_type_name(value)}")


def _leaf_decoder(f: FieldPlan, strict: bool) -> Callable[[Any, str], Any]:
    assert f.leaf is not None
    leaf = f.leaf
    if leaf is XmlDateTime:

        def decode_date(value: Any, where: str) -> Any:
            if isinstance(value, int) and not isinstance(value, bool):
                return millis_to_datetime(value)
            return _checked(parse_datetime, _scalar_text(value, where), f, strict, where)

        return decode_date
    parse = text_parser(leaf, enum_names=True)

    def decode(value: Any, where: str) -> Any:
        return _checked(parse, _scalar_text(value, where), f, strict, where)

    return decode


def _checked(parse: Callable[[str], Any], text: str, f: FieldPlan, strict: bool, where: str) -> Any:
    try:
        return parse_checked(parse, text, f.facets if strict else None)
    except InvalidValue as exc:
        raise json_error(f"{exc} (in '{where}')") from None


def _unwrap(decode: Callable[[Any, str], Any]) -> Callable[[Any, str], Any]:
    def decode_wrapped(value: Any, where: str) -> Any:
        if isinstance(value, dict):
            if set(value) - {"value"}:
                unknown = sorted(set(value) - {"value"})[0]
                raise json_error(f"Unrecognized field \"{unknown}\" in '{where}'")
            inner = value.get("value")
            return None if inner is None else decode(inner, where)
        return decode(value, where)  # Jackson also takes the bare value

    return decode_wrapped


def _field_decoder(f: FieldPlan, strict: bool) -> Callable[[Any, str], Any]:
    single: Callable[[Any, str], Any]
    if f.role is Role.CHOICE:
        decoders = {choice.json_key: _field_decoder(choice, strict) for choice in f.choices}

        def decode_choices(value: Any, where: str) -> list[Any]:
            decoded: list[Any] = []
            for entry in value if isinstance(value, list) else [value]:
                if not isinstance(entry, dict):
                    found = _type_name(entry)
                    raise json_error(f"Cannot deserialize '{where}': expected objects but found {found}")
                for key, item in entry.items():
                    if key not in decoders:
                        raise json_error(f"Unrecognized field \"{key}\" in '{where}'")
                    decoded.extend(decoders[key](item, key))
            return decoded

        return decode_choices
    if f.json_form is JsonForm.FLATTENED:
        assert f.model is not None
        wrapper_cls = f.model
        item = flattened_item(wrapper_cls)
        decode_items = _field_decoder(item, strict)
        item_attr = item.attr
        return lambda value, where: wrapper_cls(**{item_attr: decode_items(value, where)})
    if f.model is not None:
        model_cls = f.model
        if f.json_form is JsonForm.BARE:
            text = plan_for(model_cls).text
            assert text is not None and text.leaf is not None
            decode_text = _leaf_decoder(text, strict)
            text_attr = text.attr

            def single(value: Any, where: str) -> Any:
                return model_cls(**{text_attr: decode_text(value, where)})

        else:

            def single(value: Any, where: str) -> Any:
                return _model_decoder(model_cls, strict)(value, where)

    else:
        single = _leaf_decoder(f, strict)
        if f.json_form is JsonForm.WRAPPED:
            single = _unwrap(single)
    if not f.many:
        return single

    def decode_list(value: Any, where: str) -> list[Any]:
        items = value if isinstance(value, list) else [value]  # ACCEPT_SINGLE_VALUE_AS_ARRAY
        return [single(item, where) for item in items if item is not None]

    return decode_list


@cache
def _model_decoder(cls: type, strict: bool) -> Callable[[Any, str], Any]:
    plan = plan_for(cls)
    decoders = {key: (f, _field_decoder(f, strict)) for key, f in plan.json_fields.items()}
    group_members = {
        group.json_key: {member.local: (member, _field_decoder(member, strict)) for member in group.members}
        for group in plan.json_groups
    }
    text = plan.text

    def decode(data: Any, where: str) -> Any:
        if text is not None and not isinstance(data, dict):
            data = {"value": data}  # a bare scalar for a simple-content element
        if not isinstance(data, dict):
            raise json_error(f"Cannot deserialize '{where}': expected an object but found {_type_name(data)}")
        values: dict[str, Any] = {}
        for key, value in data.items():
            entry = decoders.get(key)
            if entry is None:
                members = group_members.get(key)
                if members is not None:
                    _decode_group(members, value, values, key)
                    continue
                # A null carries no data: ORCID's Java model writes a few null keys the schema lacks
                # ("source": null in a name), and reading its own output back must work.
                if strict and value is not None:
                    raise json_error(f"Unrecognized field \"{key}\" in '{where}'")
                continue
            if value is None:
                continue
            f, decode_field = entry
            values[f.attr] = decode_field(value, key)
        for required in plan.required:
            if values.get(required.attr) in (None, []):
                if strict:
                    raise json_error(f"Missing required field '{required.json_key}' in '{where}'")
                values.setdefault(required.attr, [] if required.many else None)
        return cls(**values)

    return decode


def _decode_group(
    members: dict[str, tuple[FieldPlan, Callable[[Any, str], Any]]],
    value: Any,
    values: dict[str, Any],
    key: str,
) -> None:
    if value is None:
        return
    for entry in value if isinstance(value, list) else [value]:
        if not isinstance(entry, dict):
            raise json_error(f"Cannot deserialize '{key}': expected objects but found {_type_name(entry)}")
        for local, item in entry.items():
            member = members.get(local)
            if member is None:
                raise json_error(f"Unrecognized field \"{local}\" in '{key}'")
            f, decode = member
            values.setdefault(f.attr, []).extend(decode(item, local))
