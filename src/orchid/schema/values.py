"""Leaf values: text <-> Python conversions shared by the XML and JSON codecs."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable
from typing import Any

from xsdata.models.datatype import XmlDateTime

from orchid.schema.plan import Facets


class InvalidValue(ValueError):
    """A leaf value that does not fit its type or facets; the codec turns it into an ORCID error."""


def datetime_to_millis(value: XmlDateTime) -> int:
    moment = value.to_datetime()
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return int(moment.timestamp() * 1000 + (0.5 if moment.timestamp() >= 0 else -0.5))


def utc_millis(moment: dt.datetime) -> XmlDateTime:
    """An aware datetime as ORCID writes dates: UTC, to the millisecond."""
    moment = moment.astimezone(dt.UTC)
    return XmlDateTime(
        moment.year,
        moment.month,
        moment.day,
        moment.hour,
        moment.minute,
        moment.second,
        fractional_second=moment.microsecond // 1000 * 1_000_000,
        offset=0,
    )


def millis_to_datetime(millis: int) -> XmlDateTime:
    # Whole seconds and milliseconds apart: a float division can land a microsecond short.
    seconds = dt.datetime.fromtimestamp(millis // 1000, tz=dt.UTC)
    return utc_millis(seconds.replace(microsecond=(millis % 1000) * 1000))


def parse_datetime(text: str) -> XmlDateTime:
    try:
        return XmlDateTime.from_string(text.strip())
    except ValueError as exc:
        raise InvalidValue(f"'{text.strip()}' is not a valid value for 'dateTime'") from exc


def text_parser(leaf: type, *, enum_names: bool = False) -> Callable[[str], Any]:
    """A function reading a text value of this leaf type (enum_names: also accept Java constant names)."""
    if leaf is str:
        return _identity
    if leaf is int:
        return _parse_int
    if leaf is bool:
        return _parse_bool
    if leaf is XmlDateTime:
        return parse_datetime
    if issubclass(leaf, enum.Enum):
        return _enum_parser(leaf, enum_names)
    raise TypeError(leaf)


def text_writer(leaf: type, zero_pad: int = 0) -> Callable[[Any], str]:
    """A function writing a leaf value as XML text."""
    if leaf is str:
        return _identity
    if leaf is int:
        if zero_pad:
            template = f"{{:0{zero_pad}d}}"
            return template.format
        return str
    if leaf is bool:
        return _write_bool
    if leaf is XmlDateTime:
        return str
    if issubclass(leaf, enum.Enum):
        return _enum_value
    raise TypeError(leaf)


def parse_checked(parse: Callable[[str], Any], text: str, facets: Facets | None) -> Any:
    """Parse a leaf value and hold it to its XSD facets (when given); raises InvalidValue."""
    value = parse(text)
    if facets is not None:
        check_facets(value, facets)
    return value


def check_facets(value: Any, facets: Facets) -> None:
    if facets.min_inclusive is not None and value < facets.min_inclusive:
        raise InvalidValue(
            f"Value '{value}' is not facet-valid with respect to minInclusive '{facets.min_inclusive}'"
        )
    if facets.max_inclusive is not None and value > facets.max_inclusive:
        raise InvalidValue(
            f"Value '{value}' is not facet-valid with respect to maxInclusive '{facets.max_inclusive}'"
        )
    if isinstance(value, str):
        if facets.min_length is not None and len(value) < facets.min_length:
            raise InvalidValue(
                f"Value with length = '{len(value)}' is not facet-valid with respect to minLength"
            )
        if facets.max_length is not None and len(value) > facets.max_length:
            raise InvalidValue(
                f"Value with length = '{len(value)}' is not facet-valid with respect to maxLength "
                f"'{facets.max_length}'"
            )
        if facets.pattern is not None and facets.pattern.fullmatch(value) is None:
            raise InvalidValue(
                f"Value '{value}' is not facet-valid with respect to pattern '{facets.pattern.pattern}'"
            )


def _identity(value: Any) -> Any:
    return value


def _parse_int(text: str) -> int:
    try:
        return int(text.strip())
    except ValueError as exc:
        raise InvalidValue(f"'{text.strip()}' is not a valid value for 'integer'") from exc


def _parse_bool(text: str) -> bool:
    stripped = text.strip()
    if stripped in ("true", "1"):
        return True
    if stripped in ("false", "0"):
        return False
    raise InvalidValue(f"'{stripped}' is not a valid value for 'boolean'")


def _write_bool(value: bool) -> str:
    return "true" if value else "false"


def _enum_value(value: enum.Enum) -> str:
    return str(value.value)


def _enum_parser(leaf: type[enum.Enum], enum_names: bool) -> Callable[[str], enum.Enum]:
    by_value = {str(member.value): member for member in leaf}
    by_name = {member.name: member for member in leaf} if enum_names else {}
    allowed = ", ".join(by_value)

    def parse(text: str) -> enum.Enum:
        stripped = text.strip()
        member = by_value.get(stripped) or by_name.get(stripped)
        if member is None:
            raise InvalidValue(
                f"Value '{stripped}' is not facet-valid with respect to enumeration '[{allowed}]'"
            )
        return member

    return parse
