"""ORCID v3.0 XML: a hardened reader and a writer that produces XML exactly as ORCID writes it.

Writing: every ORCID prefix declared on the root element, no default namespace, elements in schema
order, empty elements self-closed, four-space indentation (ORCID formats its API output).
Reading: lxml with entities, DTDs and network access disabled, a size limit and libxml2's depth
limit; then a walk driven by the compiled plans. Errors are ORCID's (9001 for XML).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import cache
from typing import Any

from lxml import etree

from orchid.errors import OrcidError
from orchid.schema.namespaces import ROOT_DECLARATIONS, XSI_NAMESPACE
from orchid.schema.plan import FieldPlan, ModelPlan, Role, plan_for
from orchid.schema.values import InvalidValue, check_facets, parse_checked, text_parser, text_writer

XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
XML_ERROR = 9001
INDENT = "    "

# ---------------------------------------------------------------------------------------------
# Writing


def _escape_text(text: str) -> str:
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if "\r" in text:
        text = text.replace("\r", "&#13;")
    return text


def _escape_attribute(text: str) -> str:
    text = _escape_text(text)
    if '"' in text:
        text = text.replace('"', "&quot;")
    if "\n" in text or "\t" in text:
        text = text.replace("\n", "&#10;").replace("\t", "&#9;")
    return text


Writer = Callable[[Any, list[str], str, str, str], None]


@cache
def _model_writer(cls: type) -> Writer:
    """Compile, once per class, a function appending one element of this class to `out`."""
    plan = plan_for(cls)
    attributes = [
        (f.attr, f' {f.xml_tag}="', text_writer(f.leaf))
        for f in plan.fields
        if f.role is Role.ATTRIBUTE and f.leaf is not None
    ]
    text = plan.text
    text_attr = text.attr if text else ""
    write_text = text_writer(text.leaf) if text and text.leaf else str
    children = [_field_writer(f) for f in plan.fields if f.role in (Role.ELEMENT, Role.CHOICE)]
    omit_when_empty = text is not None and not _accepts_empty(text)

    def write(obj: Any, out: list[str], tag: str, newline: str, declarations: str) -> None:
        if text is not None:
            value = getattr(obj, text_attr)
            content = "" if value is None else _escape_text(write_text(value))
            opening = [f'{prefix}{_escape_attribute(convert(v))}"' for attr, prefix, convert in attributes
                       if (v := getattr(obj, attr)) is not None]  # fmt: skip
            if not content and not opening and not declarations and omit_when_empty:
                return
            out.append(f"{newline}<{tag}{''.join(opening)}{declarations}")
            out.append(f">{content}</{tag}>" if content else "/>")
            return
        out.append(f"{newline}<{tag}")
        for attr, opening_text, convert in attributes:
            value = getattr(obj, attr)
            if value is not None:
                out.append(f'{opening_text}{_escape_attribute(convert(value))}"')
        if declarations:  # ORCID writes the root's attributes first, then its namespace declarations
            out.append(declarations)
        out.append(">")
        mark = len(out)
        inner = newline + INDENT if newline else ""
        for child in children:
            child(obj, out, inner)
        if len(out) == mark:
            out[-1] = "/>"
        else:
            out.append(f"{newline}</{tag}>")

    return write


def _accepts_empty(f: FieldPlan) -> bool:
    """Whether the XSD allows this text to be empty. Where it does not (most ORCID strings carry a
    non-empty pattern), an empty value is left out when writing rather than written invalid."""
    if f.facets is None or f.leaf is not str:
        return True
    try:
        check_facets("", f.facets)
    except InvalidValue:
        return False
    return True


def _field_writer(f: FieldPlan) -> Callable[[Any, list[str], str], None]:
    attr, tag = f.attr, f.xml_tag
    if f.role is Role.CHOICE:
        tag_by_class = {choice.model: choice.xml_tag for choice in f.choices}

        def write_choices(obj: Any, out: list[str], newline: str) -> None:
            for item in getattr(obj, attr):
                cls: type = type(item)
                _model_writer(cls)(item, out, tag_by_class[cls], newline, "")

        return write_choices
    if f.model is not None:
        model_cls = f.model

        def write_models(obj: Any, out: list[str], newline: str) -> None:
            value = getattr(obj, attr)
            if value is None:
                return
            write = _model_writer(model_cls)
            if f.many:
                for item in value:
                    write(item, out, tag, newline, "")
            else:
                write(value, out, tag, newline, "")

        return write_models

    assert f.leaf is not None
    convert = text_writer(f.leaf, f.zero_pad)
    many = f.many
    omit_when_empty = not _accepts_empty(f)

    def write_leaves(obj: Any, out: list[str], newline: str) -> None:
        value = getattr(obj, attr)
        if value is None:
            return
        for item in value if many else (value,):
            text = _escape_text(convert(item))
            if text:
                out.append(f"{newline}<{tag}>{text}</{tag}>")
            elif not omit_when_empty:
                out.append(f"{newline}<{tag}/>")

    return write_leaves


def to_xml(model: Any, *, pretty: bool = True) -> bytes:
    """Serialize a message model as ORCID does (UTF-8 bytes with the XML declaration)."""
    cls: type = type(model)
    plan = plan_for(cls)
    if plan.namespace is None:
        raise TypeError(f"{cls.__name__} is not a root element of the ORCID schema")
    out: list[str] = [XML_DECLARATION]
    _model_writer(cls)(model, out, plan.xml_tag, "\n" if pretty else "", ROOT_DECLARATIONS)
    if pretty:
        out.append("\n")
    return "".join(out).encode("utf-8")


# ---------------------------------------------------------------------------------------------
# Reading

_parsers = threading.local()


def _hardened_parser() -> etree.XMLParser:
    parser: etree.XMLParser | None = getattr(_parsers, "parser", None)
    if parser is None:
        parser = etree.XMLParser(
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            dtd_validation=False,
            huge_tree=False,  # keeps libxml2's limits: depth 256, text nodes 10 MB
            remove_comments=True,
            remove_pis=True,
            collect_ids=False,
        )
        _parsers.parser = parser
    return parser


def xml_error(detail: str) -> OrcidError:
    return OrcidError(XML_ERROR, detail)


def parse_document(data: bytes | str, *, max_bytes: int = MAX_DOCUMENT_BYTES) -> etree._Element:
    """Parse untrusted XML into an element tree, refusing DTDs, entities and oversized input."""
    raw = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    if len(raw) > max_bytes:
        raise xml_error(f"The request body is larger than the limit of {max_bytes} bytes")
    # Refused before parsing: a document type declaration is never valid in an ORCID message and is
    # the carrier of entity expansion (billion laughs) and external entity (XXE) attacks.
    if b"<!DOCTYPE" in raw or b"<!ENTITY" in raw:
        raise xml_error("DOCTYPE is disallowed: document type declarations and entities are not accepted")
    try:
        root = etree.fromstring(raw, parser=_hardened_parser())
    except etree.XMLSyntaxError as exc:
        raise xml_error(f"The XML is not well-formed: {exc}") from None
    if root.getroottree().docinfo.doctype:  # type: ignore[union-attr]
        raise xml_error("DOCTYPE is disallowed: document type declarations and entities are not accepted")
    return root


def _display(clark: str) -> str:
    return clark.rsplit("}", 1)[-1]


def read_element(element: etree._Element, cls: type, *, strict: bool) -> Any:
    return _model_reader(cls, strict)(element)


@cache
def _model_reader(cls: type, strict: bool) -> Callable[[etree._Element], Any]:
    plan = plan_for(cls)
    attributes = {
        f.clark: (f, text_parser(f.leaf)) for f in plan.fields if f.role is Role.ATTRIBUTE and f.leaf
    }
    children: dict[str, tuple[FieldPlan, Callable[[etree._Element], Any]]] = {
        f.clark: (f, _child_reader(f, strict)) for f in plan.fields if f.role is Role.ELEMENT
    } | {
        choice.clark: (choice, _child_reader(choice, strict))
        for f in plan.fields
        if f.role is Role.CHOICE
        for choice in f.choices
    }
    text = plan.text
    read_text = text_parser(text.leaf) if text and text.leaf else None
    expected = ", ".join(f"'{_display(name)}'" for name in children)

    def read(element: etree._Element) -> Any:
        values: dict[str, Any] = {}
        element_name = _display(element.tag)
        for raw_name, raw_value in element.attrib.items():
            name, raw = str(raw_name), str(raw_value)  # lxml-stubs allow bytes; parsed XML gives str
            attribute = attributes.get(name)
            if attribute is None:
                if name.startswith(f"{{{XSI_NAMESPACE}}}") or not strict:
                    continue
                raise xml_error(
                    f"cvc-complex-type.3.2.2: Attribute '{_display(name)}' is not allowed to appear in "
                    f"element '{element_name}'."
                )
            attribute_plan, convert = attribute
            values[attribute_plan.attr] = _convert(convert, raw, attribute_plan, strict, element_name)
        if text is not None and read_text is not None:
            values[text.attr] = _convert(read_text, element.text or "", text, strict, element_name)
        for child in element:
            entry = children.get(child.tag)
            if entry is None:
                if not strict:
                    continue
                raise xml_error(
                    f"cvc-complex-type.2.4.a: Invalid content was found starting with element "
                    f"'{_display(child.tag)}' in element '{element_name}'. "
                    f"One of '{{{expected}}}' is expected."
                )
            field_plan, read_child = entry
            value = read_child(child)
            if field_plan.many:
                values.setdefault(field_plan.attr, []).append(value)
            elif field_plan.attr in values and strict:
                raise xml_error(
                    f"cvc-complex-type.2.4.d: Invalid content was found starting with element "
                    f"'{_display(child.tag)}'. No child element is expected at this point in "
                    f"'{element_name}'."
                )
            else:
                values[field_plan.attr] = value
        for required in plan.required:
            if required.attr not in values or values[required.attr] in (None, []):
                if strict:
                    kind = "Attribute" if required.role is Role.ATTRIBUTE else "Element"
                    raise xml_error(
                        f"cvc-complex-type.2.4.b: The content of element '{element_name}' is not complete. "
                        f"{kind} '{required.local}' is required."
                    )
                values.setdefault(required.attr, [] if required.many else None)
        return cls(**values)

    return read


def _child_reader(f: FieldPlan, strict: bool) -> Callable[[etree._Element], Any]:
    if f.model is not None:
        model_cls = f.model
        return lambda element: _model_reader(model_cls, strict)(element)
    assert f.leaf is not None
    convert = text_parser(f.leaf)
    return lambda element: _convert(convert, element.text or "", f, strict, f.local)


def _convert(convert: Callable[[str], Any], raw: str, f: FieldPlan, strict: bool, where: str) -> Any:
    try:
        return parse_checked(convert, raw, f.facets if strict else None)
    except InvalidValue as exc:
        name = f.local if f.role is not Role.TEXT else where
        raise xml_error(f"cvc-type: {exc} (in '{name}').") from None


def from_xml_element(
    root: etree._Element,
    roots: dict[str, type],
    variants: dict[str, tuple[str, dict[str, type]]],
    *,
    strict: bool,
) -> Any:
    cls = roots.get(root.tag)
    if root.tag in variants:
        discriminator, classes = variants[root.tag]
        chosen = root.find(discriminator)
        cls = classes.get((chosen.text or "").strip(), cls) if chosen is not None else cls
    if cls is None:
        raise xml_error(f"cvc-elt.1.a: Cannot find the declaration of element '{_display(root.tag)}'.")
    return read_element(root, cls, strict=strict)


def root_plan(cls: type) -> ModelPlan:
    return plan_for(cls)
