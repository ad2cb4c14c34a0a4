"""Validate an XML body the API returned against ORCID's official v3.0 XSD for its root element.

    from tests.api.xsd import assert_valid_orcid_xml
    assert_valid_orcid_xml(response.content)

The XSD is picked by the root element's namespace (`http://www.orcid.org/ns/work` ->
record_3.0/work-3.0.xsd, ...). Where the official schemas are not checked out beside the repository
(../shared/orcid-model, or ORCHID_ORCID_MODEL), the calling test is skipped with the reason printed.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
import xmlschema
from lxml import etree

from orchid.schema.namespaces import PREFIX_BY_NAMESPACE
from tests.schema.orcid_model import AVAILABLE, MISSING_REASON, xsd_for


def xsd_path(namespace: str, local_name: str) -> Path:
    """The official XSD declaring the root element `{namespace}local_name`."""
    prefix = PREFIX_BY_NAMESPACE.get(namespace)
    if prefix is None:
        raise AssertionError(f"root element is not in an ORCID namespace: {{{namespace}}}{local_name}")
    return xsd_for(prefix, local_name)


@cache
def _schema(path: Path) -> xmlschema.XMLSchema10 | xmlschema.XMLSchema11:
    # The notification XSDs declare vc:minVersion="1.1"; an XSD 1.0 validator would skip their content.
    version_11 = 'vc:minVersion="1.1"' in path.read_text(encoding="utf-8")
    return (xmlschema.XMLSchema11 if version_11 else xmlschema.XMLSchema10)(str(path))


def assert_valid_orcid_xml(body: bytes) -> None:
    """Fail unless `body` is XML valid against the XSD of its root element's namespace."""
    if not AVAILABLE:
        print(MISSING_REASON)
        pytest.skip(MISSING_REASON)
    root = etree.fromstring(body)
    qname = etree.QName(root)
    schema = _schema(xsd_path(qname.namespace or "", qname.localname))
    errors = list(schema.iter_errors(body.decode("utf-8")))
    assert not errors, f"{qname.localname} is not valid against {schema.url}:\n" + "\n".join(
        str(error.reason) for error in errors[:5]
    )
