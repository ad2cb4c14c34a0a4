"""A record's files of the public data file, as one self-contained gzip member of tar entries.

The public data file is a gzip stream of a tar stream (see layout). A gzip file may hold several
members one after the other (RFC 1952 §2.2), and tar entries are whole 512-byte blocks, so each
record's entries can be compressed on their own and the file made by concatenating the members,
ending with one member holding the tar end-of-archive blocks. That lets a record's files be prepared
once when it changes (orchid.records.renderings stores them) and lets a dump copy them without
compressing anything; gzip, tar and Python's tarfile read the result as one archive.

Each entry's modification time is the record's last-modified date, so the bytes only change when the
record does.
"""

from __future__ import annotations

import struct
import tarfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import fields, is_dataclass
from typing import Any

from orchid.dumps import layout
from orchid.records.sections import ACTIVITIES, Section

COMPRESS_LEVEL = 6  # level 9 is three times slower for a few per cent of size
_GZIP_WBITS = 16 + zlib.MAX_WBITS  # a gzip header and trailer around the deflate stream
_BLOCK = tarfile.BLOCKSIZE
_RECORD = tarfile.RECORDSIZE
_BY_SUMMARY_MODEL: dict[type, Section] = {
    section.summary_model: section for section in ACTIVITIES if section.summary_model is not None
}


def public_summaries(model: Any) -> Iterator[tuple[Section, int]]:
    """(section, put code) of every activity summary inside a message model, in document order."""
    section = _BY_SUMMARY_MODEL.get(type(model))
    if section is not None:
        if model.put_code is not None:
            yield section, int(model.put_code)
        return
    if not is_dataclass(model):
        return
    for f in fields(model):
        value = getattr(model, f.name)
        if isinstance(value, list):
            for element in value:
                if is_dataclass(element):
                    yield from public_summaries(element)
        elif is_dataclass(value):
            yield from public_summaries(value)


def _entry(name: str, data: bytes, mtime: int) -> bytes:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = mtime
    info.mode = 0o644
    header = info.tobuf(tarfile.PAX_FORMAT, "utf-8", "surrogateescape")
    padding = -len(data) % _BLOCK
    return header + data + b"\0" * padding


def gzip_member(data: bytes, level: int = COMPRESS_LEVEL) -> bytes:
    compressor = zlib.compressobj(level, zlib.DEFLATED, _GZIP_WBITS)
    return compressor.compress(data) + compressor.flush()


def record_files(
    orcid: str, mtime: int, summary_xml: bytes, activities: Iterable[tuple[Section, int, bytes]]
) -> bytes:
    """The gzip member of one record's entries: its summary file, then each public activity in full."""
    parts = [_entry(layout.summary_name(orcid), summary_xml, mtime)]
    parts.extend(
        _entry(layout.activity_name(orcid, section, put_code), xml, mtime)
        for section, put_code, xml in activities
    )
    return gzip_member(b"".join(parts))


def uncompressed_size(member: bytes) -> int:
    """The tar bytes a gzip member holds (its ISIZE trailer; members stay far below 4 GiB)."""
    return int(struct.unpack("<I", member[-4:])[0])


def end_of_archive(tar_bytes_written: int) -> bytes:
    """The last member: two zero blocks, padded to tar's 10240-byte record as tarfile writes it."""
    size = tar_bytes_written + 2 * _BLOCK
    return gzip_member(b"\0" * (2 * _BLOCK + (-size % _RECORD)))
