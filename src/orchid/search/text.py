"""How indexed values and query terms become tokens: the same rule on both sides, both backends.

NFKD, combining marks dropped, case-folded, then split into runs of letters and digits (what
SQLite's unicode61 tokenizer calls tokens): "Ñúñez-García" -> ["nunez", "garcia"].
"""

from __future__ import annotations

import re
import unicodedata

_TOKEN = re.compile(r"[^\W_]+")
#: Letters NFKD does not decompose, folded as Lucene's ASCIIFoldingFilter does.
_LETTERS = str.maketrans({"æ": "ae", "ø": "o", "œ": "oe", "đ": "d", "ð": "d", "ł": "l", "þ": "th", "ı": "i"})


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().translate(_LETTERS)


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(fold(text))


def body(text: str) -> str:
    """An indexed value as stored: its tokens separated by single spaces."""
    return " ".join(tokens(text))
