"""ORCID message schema v3.0: models and their XML and JSON forms, exactly as ORCID writes them.

    from orchid.schema import from_xml, to_xml, from_json, to_json, models
    work = from_xml(xml_bytes)                    # root type detected from the XML root element
    work = from_json(json_bytes, models.work.Work)  # JSON has no root element: name the type
    to_json(work); to_xml(work)

Reading is strict by default (ORCID validates API input against its XSDs): an unknown element or
field, a missing required one, or a value outside its type raises `orchid.errors.OrcidError` with
ORCID's code (9001 for XML, 9047 for JSON); then the value rules the XSDs leave open (vocabularies,
fuzzy dates, date order: 9037, 9058, 9051, 9049, 9050, 9055; see `validation`). `strict=False` reads
like ORCID's unmarshaller does for stored documents: unknown content is skipped, nothing validated.
"""

from __future__ import annotations

from typing import Any, TypeVar

from orchid.schema import json_codec, models, xml_codec
from orchid.schema.json_codec import to_data, to_json
from orchid.schema.models import ROOT_VARIANTS, ROOTS
from orchid.schema.validation import validate
from orchid.schema.xml_codec import to_xml

T = TypeVar("T")

__all__ = ["from_json", "from_xml", "models", "to_data", "to_json", "to_xml", "validate"]


def from_xml(data: bytes | str, cls: type[T] | None = None, *, strict: bool = True) -> Any:
    """Parse an ORCID XML message; with `cls`, the root element must be that type's."""
    root = xml_codec.parse_document(data)
    if cls is None:
        model = xml_codec.from_xml_element(root, ROOTS, ROOT_VARIANTS, strict=strict)
    else:
        plan = xml_codec.root_plan(cls)
        if root.tag != plan.clark:
            raise xml_codec.xml_error(
                f"cvc-elt.1.a: Expected element '{plan.xml_tag}' but found '{root.tag.rsplit('}', 1)[-1]}'."
            )
        model = xml_codec.read_element(root, cls, strict=strict)
    return validate(model) if strict else model


def from_json(data: bytes | str, cls: type[T], *, strict: bool = True) -> T:
    """Parse an ORCID JSON message of type `cls`."""
    model: T = json_codec.from_data(json_codec.load_document(data), cls, strict=strict)
    return validate(model) if strict else model
