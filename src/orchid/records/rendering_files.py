"""The stored public record renderings as files on this host: what record reads are served from (by
default on PostgreSQL; settings.ORCHID_RENDERINGS_DIR).

Fetching a 150 KB rendering out of PostgreSQL on every read cost the database more than the rest of
the read (TOAST chunks to gather and decompress, bench/api.py); a file in the page cache costs a
`read`, and the page cache is one cache shared by every server process of the host. The database
stays the truth: each stored rendering carries a random `stamp`, new at every store, and the record
lookup returns the fresh rendering's stamp; a file is only ever read by that stamp, so a stale file is
never served, and a missing or unreadable file only means the body is read from the database (and
written here for the next read).

Layout: `<ORCHID_RENDERINGS_DIR>/<2 digits of the iD>/<iD>/<stamp>.json|.xml`. Writing a stamp's files
removes the researcher's other files, so a host keeps about one rendering per record; each host fills
its own directory as it reads. Failing to write (a full disk, permissions) is logged, never an error
for the request: the body came from the database. A removed record's directory stays (small, never
read again); deleting the whole directory is always safe.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import time
from collections.abc import Mapping
from pathlib import Path

from django.conf import settings

logger = logging.getLogger(__name__)

SYNTAXES = ("json", "xml")
ABANDONED_SECONDS = 60  # a file written aside for longer than this was left by a crashed writer


def root() -> str | None:
    """The renderings directory, or None when files are turned off (ORCHID_RENDERINGS_DIR="")."""
    configured: str | None = getattr(settings, "ORCHID_RENDERINGS_DIR", None)
    return configured or None


def _researcher_dir(base: str, orcid: str) -> str:
    # Two digits of the iD's last block (its check character excluded) spread the researchers' directories.
    # Strings, not pathlib: building the paths with Path cost a record read 10 us.
    return f"{base}/{orcid[-3:-1]}/{orcid}"


def read(orcid: str, stamp: str, syntax: str) -> bytes | None:
    """The rendering's body from its file; None when there is none (or it cannot be read)."""
    base = root()
    if base is None:
        return None
    try:
        # Unbuffered: one read of the whole file, without the buffered reader's isatty and fstat calls.
        with open(f"{_researcher_dir(base, orcid)}/{stamp}.{syntax}", "rb", buffering=0) as file:
            return file.readall()
    except FileNotFoundError:
        return None
    except OSError as exc:
        logger.warning("cannot read the rendering file of %s: %s", orcid, exc)
        return None


def write(orcid: str, stamp: str, bodies: Mapping[str, bytes]) -> None:
    """Keep a rendering's bodies ({"json": ..., "xml": ...}, one or both) as its files, and remove the
    researcher's files of other stamps. Each file appears whole (written aside, then renamed)."""
    base = root()
    if base is None:
        return
    directory = Path(_researcher_dir(base, orcid))
    try:
        directory.mkdir(parents=True, exist_ok=True)
        for syntax, body in bodies.items():
            target = directory / f"{stamp}.{syntax}"
            aside = directory / f".{stamp}.{syntax}.{os.getpid()}.{threading.get_ident()}"
            aside.write_bytes(body)
            os.replace(aside, target)
        for entry in os.scandir(directory):
            if entry.name.startswith(f"{stamp}."):
                continue
            # Others' files being written aside are left alone, unless a crash left them behind.
            if not entry.name.startswith(".") or entry.stat().st_mtime < time.time() - ABANDONED_SECONDS:
                _remove(entry.path)
    except OSError as exc:
        logger.warning("cannot write the rendering files of %s: %s", orcid, exc)


def has(orcid: str, stamp: str) -> bool:
    """Whether this host has both files of the rendering."""
    base = root()
    if base is None:
        return True  # nothing to fill
    directory = _researcher_dir(base, orcid)
    return all(os.path.isfile(f"{directory}/{stamp}.{syntax}") for syntax in SYNTAXES)


def _remove(path: str) -> None:
    with contextlib.suppress(FileNotFoundError):  # another process removed it first
        os.unlink(path)
