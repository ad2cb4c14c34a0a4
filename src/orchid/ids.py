"""ORCID iDs: check digit, validation, parsing, URIs and minting of new iDs.

An ORCID iD is 15 decimal digits plus an ISO 7064 MOD 11-2 check character
(``0``-``9`` or ``X``), written in four hyphenated groups of four:
``0000-0002-1825-0097``.  New iDs are drawn at random from a numeric block and
checked against the registry for collisions, as ORCID's
``OrcidGenerationManagerImpl`` does.
"""

from __future__ import annotations

import random
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

__all__ = [
    "BASE_DIGITS",
    "DEFAULT_BLOCK",
    "DEFAULT_HOST",
    "DEFAULT_MAX_ATTEMPTS",
    "LEGACY_BLOCK",
    "IdBlock",
    "InvalidOrcidId",
    "OrcidMintingError",
    "check_digit",
    "format_base",
    "is_valid",
    "mint",
    "parse",
    "to_uri",
]

BASE_DIGITS: Final = 15
DEFAULT_HOST: Final = "orcid.org"
# ORCID retries until it finds a free iD; an upper bound turns a full block or a
# broken ``is_taken`` callback into an error instead of an endless loop.
DEFAULT_MAX_ATTEMPTS: Final = 100

_MAX_BASE_NUMBER: Final = 10**BASE_DIGITS - 1

# re.ASCII: ``\d`` must not accept non-ASCII digits such as Arabic-Indic ones.
# Only an upper-case X is a valid check character (ORCID's OrcidStringUtils.ORCID_STRING).
_HYPHENATED_ID: Final = re.compile(r"\d{4}-\d{4}-\d{4}-\d{3}[\dX]", re.ASCII)
_URI_FORM: Final = re.compile(r"(?P<scheme>https?)://(?P<host>[^/]+)/(?P<path>.*)", re.ASCII | re.IGNORECASE)


class InvalidOrcidId(ValueError):
    """Raised when a string is not a well-formed, checksum-valid ORCID iD."""


class OrcidMintingError(RuntimeError):
    """Raised when no unused iD could be drawn within the allowed number of attempts."""


def check_digit(base15: str) -> str:
    """Return the ISO 7064 MOD 11-2 check character for 15 base digits."""
    if len(base15) != BASE_DIGITS or not (base15.isascii() and base15.isdigit()):
        raise ValueError(f"expected {BASE_DIGITS} ASCII digits, got {base15!r}")
    total = 0
    for digit in base15:
        total = (total + int(digit)) * 2
    result = (12 - total % 11) % 11
    return "X" if result == 10 else str(result)


def format_base(base_number: int) -> str:
    """Turn a base number (0 .. 10**15-1) into a hyphenated iD with its check character."""
    if not 0 <= base_number <= _MAX_BASE_NUMBER:
        raise ValueError(f"base number {base_number} does not fit in {BASE_DIGITS} digits")
    base15 = str(base_number).zfill(BASE_DIGITS)
    digits16 = base15 + check_digit(base15)
    return "-".join(digits16[start : start + 4] for start in range(0, 16, 4))


def _problem_with(candidate: str) -> str | None:
    """Describe why ``candidate`` is not a bare iD, or return None when it is one."""
    if not _HYPHENATED_ID.fullmatch(candidate):
        if candidate[-1:] == "x" and _HYPHENATED_ID.fullmatch(candidate[:-1] + "X"):
            return "the check character must be an upper-case 'X'"
        return "expected the form 0000-0000-0000-000X (16 digits in 4 hyphenated groups; last may be X)"
    digits = candidate.replace("-", "")
    expected = check_digit(digits[:BASE_DIGITS])
    if digits[-1] != expected:
        return f"check character is {digits[-1]!r} but should be {expected!r}"
    return None


def is_valid(value: object) -> bool:
    """True when ``value`` is a bare hyphenated iD with a correct check character."""
    return isinstance(value, str) and _problem_with(value) is None


def parse(value: str, host: str = DEFAULT_HOST) -> str:
    """Return the bare iD from a bare iD or an ``http(s)://{host}/{iD}`` URI.

    Surrounding whitespace is ignored; the host comparison is case-insensitive.
    Raises :class:`InvalidOrcidId` with the reason when ``value`` is not acceptable.
    """
    if not isinstance(value, str):
        raise InvalidOrcidId(f"ORCID iD must be a string, got {type(value).__name__}")
    text = value.strip()
    candidate = text
    uri = _URI_FORM.fullmatch(text)
    if uri is not None:
        if uri.group("host").lower() != host.lower():
            raise InvalidOrcidId(
                f"invalid ORCID iD URI {value!r}: host is {uri.group('host')!r}, expected {host!r}"
            )
        candidate = uri.group("path")
    problem = _problem_with(candidate)
    if problem is not None:
        raise InvalidOrcidId(f"invalid ORCID iD {value!r}: {problem}")
    return candidate


def to_uri(orcid: str, host: str = DEFAULT_HOST) -> str:
    """Return the canonical ``https://{host}/{iD}`` URI of a bare iD."""
    problem = _problem_with(orcid)
    if problem is not None:
        raise InvalidOrcidId(f"invalid ORCID iD {orcid!r}: {problem}")
    return f"https://{host}/{orcid}"


@dataclass(frozen=True, slots=True)
class IdBlock:
    """An inclusive range of base numbers (the 15 digits before the check character)."""

    low: int
    high: int

    def __post_init__(self) -> None:
        if not 0 <= self.low <= self.high <= _MAX_BASE_NUMBER:
            raise ValueError(
                f"invalid iD block [{self.low}, {self.high}]: need 0 <= low <= high <= {_MAX_BASE_NUMBER}"
            )

    @property
    def size(self) -> int:
        return self.high - self.low + 1

    @property
    def first_id(self) -> str:
        return format_base(self.low)

    @property
    def last_id(self) -> str:
        return format_base(self.high)

    def contains(self, orcid: str) -> bool:
        """True when ``orcid`` is a valid iD whose base number lies in this block."""
        if not is_valid(orcid):
            return False
        base_number = int(orcid.replace("-", "")[:BASE_DIGITS])
        return self.low <= base_number <= self.high


# ORCID's current block, OrcidGenerationManager.ORCID_BASE_V2_MIN/MAX:
# 0009-0000-0000-000X .. 0009-0010-0000-000X (both ends can be drawn).
DEFAULT_BLOCK: Final = IdBlock(low=900_000_000_000, high=900_100_000_000)
# The block ORCID issued from before 2022 (ORCID_BASE_MIN/MAX):
# 0000-0001-5000-0007 .. 0000-0003-5000-0001.
LEGACY_BLOCK: Final = IdBlock(low=15_000_000, high=35_000_000)

# SystemRandom is a random.Random backed by os.urandom, the same source ``secrets`` uses;
# iDs must not be predictable from earlier ones.
_SYSTEM_RANDOM: Final = secrets.SystemRandom()


def mint(
    is_taken: Callable[[str], bool],
    block: IdBlock = DEFAULT_BLOCK,
    rng: random.Random = _SYSTEM_RANDOM,
    max_attempts: int = DEFAULT_MAX_ATTEMPTS,
) -> str:
    """Draw a random, checksum-valid iD from ``block`` for which ``is_taken`` is False.

    ``is_taken`` should consult the registry (and any iDs reserved but not yet stored).
    Pass a seeded ``random.Random`` for reproducible tests; the default is
    cryptographically secure.  Raises :class:`OrcidMintingError` after ``max_attempts``
    collisions.
    """
    if max_attempts < 1:
        raise ValueError(f"max_attempts must be at least 1, got {max_attempts}")
    for _ in range(max_attempts):
        candidate = format_base(rng.randint(block.low, block.high))
        if not is_taken(candidate):
            return candidate
    raise OrcidMintingError(
        f"no unused ORCID iD found in block {block.first_id}..{block.last_id} "
        f"after {max_attempts} attempts; the block may be exhausted"
    )
