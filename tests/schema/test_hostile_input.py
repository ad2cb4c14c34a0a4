"""XML and JSON are treated as hostile: refused quickly, with ORCID's error, never a crash."""

from __future__ import annotations

import time

import pytest

from orchid.errors import OrcidError
from orchid.schema import from_json, from_xml, models

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<work:work xmlns:work="http://www.orcid.org/ns/work" xmlns:common="http://www.orcid.org/ns/common">
<work:title><common:title>&lol9;</common:title></work:title><work:type>book</work:type></work:work>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE work [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<work:work xmlns:work="http://www.orcid.org/ns/work" xmlns:common="http://www.orcid.org/ns/common">
<work:title><common:title>&secret;</common:title></work:title><work:type>book</work:type></work:work>"""

NETWORK_DTD = b"""<?xml version="1.0"?>
<!DOCTYPE work SYSTEM "http://127.0.0.1:9/evil.dtd">
<work:work xmlns:work="http://www.orcid.org/ns/work"/>"""

WORK_OPEN = (
    b'<work:work xmlns:work="http://www.orcid.org/ns/work" xmlns:common="http://www.orcid.org/ns/common">'
)


def refused_quickly(call: object, code: int, seconds: float = 1.0) -> OrcidError:
    start = time.perf_counter()
    with pytest.raises(OrcidError) as error:
        call()  # type: ignore[operator]
    assert time.perf_counter() - start < seconds
    assert error.value.code == code
    assert error.value.http_status == 400
    return error.value


@pytest.mark.parametrize(
    "document", [BILLION_LAUGHS, EXTERNAL_ENTITY, NETWORK_DTD], ids=["laughs", "xxe", "dtd"]
)
def test_doctypes_and_entities_are_refused(document: bytes) -> None:
    error = refused_quickly(lambda: from_xml(document), 9001)
    assert "DOCTYPE" in error.developer_message
    assert "root:" not in error.developer_message  # nothing of /etc/passwd


def test_doctype_hidden_in_another_encoding_is_still_refused() -> None:
    utf16 = EXTERNAL_ENTITY.decode().replace('"1.0"', '"1.0" encoding="UTF-16"', 1).encode("utf-16")
    assert "DOCTYPE" in refused_quickly(lambda: from_xml(utf16), 9001).developer_message


def test_fifty_megabyte_body_is_refused_before_parsing() -> None:
    padding = b"<common:title>" + b"x" * (50 * 1024 * 1024) + b"</common:title>"
    document = WORK_OPEN + b"<work:title>" + padding + b"</work:title></work:work>"
    error = refused_quickly(lambda: from_xml(document), 9001, seconds=0.5)
    assert "larger than" in error.developer_message
    refused_quickly(
        lambda: from_json(b'{"x": "' + b"y" * (50 * 1024 * 1024) + b'"}', models.work.Work), 9047, 0.5
    )


def test_ten_thousand_deep_nesting_is_refused() -> None:
    deep_xml = WORK_OPEN + b"<a>" * 10_000 + b"</a>" * 10_000 + b"</work:work>"
    refused_quickly(lambda: from_xml(deep_xml), 9001)
    deep_json = b'{"title": ' + b"[" * 10_000 + b"]" * 10_000 + b"}"
    refused_quickly(lambda: from_json(deep_json, models.work.Work), 9047)


@pytest.mark.parametrize(
    "document",
    [
        b"",
        b"\x00\x01\x02",
        b"<",
        "<work:work>\udcff</work:work>".encode("utf-8", "surrogatepass"),
        b"\xff\xfe<",
    ],
)
def test_garbage_is_a_clear_error(document: bytes) -> None:
    refused_quickly(lambda: from_xml(document), 9001)


@pytest.mark.parametrize("document", [b"", b"[", b"null", b"42", b'"text"', b"\xff"])
def test_json_garbage_is_a_clear_error(document: bytes) -> None:
    refused_quickly(lambda: from_json(document, models.work.Work), 9047)
