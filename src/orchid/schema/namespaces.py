"""ORCID's XML namespaces and the prefixes ORCID writes for them (spec §10): one table."""

from __future__ import annotations

ORCID_NS_BASE = "http://www.orcid.org/ns/"

# The order is the one ORCID's marshaller declares them in on a root element.
PREFIXES: tuple[str, ...] = (
    "internal",
    "education",
    "distinction",
    "deprecated",
    "other-name",
    "membership",
    "error",
    "common",
    "record",
    "personal-details",
    "keyword",
    "email",
    "external-identifier",
    "funding",
    "preferences",
    "address",
    "invited-position",
    "work",
    "history",
    "employment",
    "qualification",
    "service",
    "person",
    "activities",
    "researcher-url",
    "peer-review",
    "bulk",
    "research-resource",
    "client",
    "group-id",
    "notification",
    "search",
    "expanded-search",
    "summary",
)

NAMESPACE_BY_PREFIX: dict[str, str] = {prefix: ORCID_NS_BASE + prefix for prefix in PREFIXES}
PREFIX_BY_NAMESPACE: dict[str, str] = {uri: prefix for prefix, uri in NAMESPACE_BY_PREFIX.items()}
XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace"
XSI_NAMESPACE = "http://www.w3.org/2001/XMLSchema-instance"

# Declared once on every root element that ORCID writes (it declares all of them, used or not).
ROOT_DECLARATIONS = "".join(f' xmlns:{prefix}="{uri}"' for prefix, uri in NAMESPACE_BY_PREFIX.items())


def prefix_for(namespace: str) -> str:
    try:
        return PREFIX_BY_NAMESPACE[namespace]
    except KeyError:
        raise ValueError(f"not an ORCID namespace: {namespace}") from None
