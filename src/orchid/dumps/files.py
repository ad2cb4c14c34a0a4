"""A record's files of the public data file, as one self-contained gzip member of tar entries.

The public data file is a gzip stream of a tar stream (see layout). A gzip file may hold several
members one after the other (RFC 1952 §2.2), and tar entries are whole 512-byte blocks, so each
record's entries can be compressed on their own and the file made by concatenating the members,
ending with one member holding the tar end-of-archive blocks. That lets a record's files be prepared
once when it changes (orchid.records.renderings stores them) and lets a dump copy them without
compressing anything; gzip, tar and Python's tarfile read the result as one archive.

Each entry's modification time is the record's last-modified date, so the bytes only change when the
record does.

A record's files come with a manifest: for each activity entry, a fingerprint of what it was rendered
from (given by the caller) and where its XML lies in the tar bytes. When the record changes, the next
rendering of its files copies the XML of every activity whose fingerprint is unchanged instead of
rendering it again (`StoredEntries`), so a change costs the changed activities, not all of them.
"""

from __future__ import annotations

import struct
import tarfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields, is_dataclass
from typing import Any

import orjson

from orchid.dumps import layout
from orchid.records.sections import ACTIVITIES, Section

# Bump whenever the rendering of a full activity changes, so that stored files made before are rendered
# anew rather than copied into the next ones (StoredEntries).
ENTRY_FORMAT = 1
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


def _header(name: str, size: int, mtime: int) -> bytes:
    info = tarfile.TarInfo(name)
    info.size = size
    info.mtime = mtime
    info.mode = 0o644
    return info.tobuf(tarfile.PAX_FORMAT, "utf-8", "surrogateescape")


def _padding(size: int) -> bytes:
    return b"\0" * (-size % _BLOCK)


def _entry(name: str, data: bytes, mtime: int) -> bytes:
    return _header(name, len(data), mtime) + data + _padding(len(data))


def gzip_member(data: bytes, level: int = COMPRESS_LEVEL) -> bytes:
    compressor = zlib.compressobj(level, zlib.DEFLATED, _GZIP_WBITS)
    return compressor.compress(data) + compressor.flush()


@dataclass(frozen=True)
class Activity:
    """One public activity's file: its member name, its full XML, a fingerprint of what that is made from."""

    name: str
    xml: bytes
    fingerprint: str


@dataclass(frozen=True)
class RecordFiles:
    member: bytes  # the gzip member of the record's entries
    manifest: str  # JSON: the generation, and per activity entry its fingerprint, offset and size
    activities: int


def record_files(
    orcid: str, mtime: int, summary_xml: bytes, activities: Iterable[Activity], *, generation: str = ""
) -> RecordFiles:
    """One record's entries: its summary file, then each public activity in full. `generation` names
    everything besides the fingerprints that the activities' XML depends on (stored entries of another
    generation are never reused)."""
    parts = [_entry(layout.summary_name(orcid), summary_xml, mtime)]
    offset = len(parts[0])
    entries: dict[str, tuple[str, int, int]] = {}
    for activity in activities:
        size = len(activity.xml)
        header = _header(activity.name, size, mtime)
        entries[activity.name] = (activity.fingerprint, offset + len(header), size)
        padding = _padding(size)
        parts.extend((header, activity.xml, padding))
        offset += len(header) + size + len(padding)
    manifest = orjson.dumps({"generation": generation, "entries": entries}).decode()
    return RecordFiles(gzip_member(b"".join(parts)), manifest, len(entries))


class StoredEntries:
    """The activity XML of a record's stored files, to copy into its next files where unchanged."""

    def __init__(self, member: bytes, manifest: str, generation: str) -> None:
        loaded = orjson.loads(manifest)
        self._entries: dict[str, list[Any]] = (
            loaded.get("entries", {}) if loaded.get("generation") == generation else {}
        )
        self._member = member
        self._tar: bytes | None = None

    def get(self, name: str, fingerprint: str) -> bytes | None:
        """The stored XML of an activity file, if it was made from what `fingerprint` names."""
        found = self._entries.get(name)
        if found is None or found[0] != fingerprint:
            return None
        if self._tar is None:
            self._tar = zlib.decompress(self._member, _GZIP_WBITS)
        offset, size = int(found[1]), int(found[2])
        return self._tar[offset : offset + size]


def uncompressed_size(member: bytes) -> int:
    """The tar bytes a gzip member holds (its ISIZE trailer; members stay far below 4 GiB)."""
    return int(struct.unpack("<I", member[-4:])[0])


def end_of_archive(tar_bytes_written: int) -> bytes:
    """The last member: two zero blocks, padded to tar's 10240-byte record as tarfile writes it."""
    size = tar_bytes_written + 2 * _BLOCK
    return gzip_member(b"\0" * (2 * _BLOCK + (-size % _RECORD)))
