"""The forms a text is shown and compared in: without control characters, and normalised.

Every layer needs these (the file readers, grouping, decisions, handouts), so they sit at the
bottom beside the vocabulary; ``swot.analysis.similarity`` scores normalised texts.
"""

from __future__ import annotations

import re
import string
import unicodedata
from functools import lru_cache

_PUNCTUATION = re.compile(r"[^\w\s]|_")
# A character class, not ``str.translate``: translate walks a text with å, ä or ö character by
# character through a dict (measured 4× slower on a national round's texts).
_ASCII_PUNCTUATION = re.compile(f"[{re.escape(string.punctuation)}]")
# C0/C1 control characters, zero-width and bidi-override characters (they can disguise text).
# Handouts show a text on one line, so newlines and tabs become spaces before this is applied.
_LINE_BREAKS = re.compile(r"[\t\n\r\v\f\u2028\u2029]+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


# A round repeats the same texts many times (and merge, decisions and handouts each ask): the
# caches make each distinct text cost one normalisation. Bounded, so memory stays bounded.
TEXT_CACHE_SIZE = 1 << 17


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def strip_control(text: str) -> str:
    """Text without control or bidi-override characters; newlines and tabs become spaces."""
    text = unicodedata.normalize("NFC", text)
    if text.isprintable():  # the usual case: no control, format or line-break characters
        return text.strip()
    text = _LINE_BREAKS.sub(" ", text)
    return _CONTROL.sub("", text).strip()


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def normalise(text: str) -> str:
    """The form texts are compared in: NFC, case folded, no punctuation, single spaces."""
    text = unicodedata.normalize("NFC", strip_control(text).casefold())
    # ASCII punctuation first; the wider regex only for texts with other punctuation or symbols
    # (what is left is letters, digits and spaces in nearly every text: 3 µs saved per text).
    words = _ASCII_PUNCTUATION.sub(" ", text).split()
    if not "".join(words).isalnum():
        words = _PUNCTUATION.sub(" ", text).split()
    return " ".join(words)
