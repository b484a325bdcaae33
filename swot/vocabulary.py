"""The words of a SWOT: quadrants, built-in themes, sources, and their Swedish/English spellings.

Staff type these by hand in either language, so every value is matched case-insensitively,
with or without Swedish diacritics (``jamstalldhet`` is ``jämställdhet``).
"""

from __future__ import annotations

import difflib
import functools
import unicodedata
from collections.abc import Mapping
from enum import Enum
from typing import Any


class Quadrant(str, Enum):
    """One of the four boxes of a SWOT."""

    STRENGTHS = "strengths"
    WEAKNESSES = "weaknesses"
    OPPORTUNITIES = "opportunities"
    THREATS = "threats"


class Source(str, Enum):
    """Where an entry came from: one respondent's survey answer or a unit's agreed workshop entry."""

    SURVEY = "survey"
    WORKSHOP = "workshop"


class Language(str, Enum):
    """Language of a workshop's user interface and handouts."""

    SV = "sv"
    EN = "en"


QUADRANT_ORDER: tuple[Quadrant, ...] = (
    Quadrant.STRENGTHS,
    Quadrant.WEAKNESSES,
    Quadrant.OPPORTUNITIES,
    Quadrant.THREATS,
)

QUADRANT_NAMES: dict[Quadrant, dict[str, str]] = {
    Quadrant.STRENGTHS: {"sv": "Styrkor", "en": "Strengths"},
    Quadrant.WEAKNESSES: {"sv": "Svagheter", "en": "Weaknesses"},
    Quadrant.OPPORTUNITIES: {"sv": "Möjligheter", "en": "Opportunities"},
    Quadrant.THREATS: {"sv": "Hot", "en": "Threats"},
}

QUADRANT_SPELLINGS: dict[Quadrant, tuple[str, ...]] = {
    Quadrant.STRENGTHS: ("strengths", "strength", "s", "styrkor", "styrka"),
    Quadrant.WEAKNESSES: ("weaknesses", "weakness", "w", "svagheter", "svaghet"),
    Quadrant.OPPORTUNITIES: ("opportunities", "opportunity", "o", "möjligheter", "möjlighet"),
    Quadrant.THREATS: ("threats", "threat", "t", "hot"),
}

SOURCE_NAMES: dict[Source, dict[str, str]] = {
    Source.SURVEY: {"sv": "enkät", "en": "survey"},
    Source.WORKSHOP: {"sv": "workshop", "en": "workshop"},
}

SOURCE_SPELLINGS: dict[Source, tuple[str, ...]] = {
    Source.SURVEY: ("survey", "enkät", "enkat", "enkätsvar"),
    Source.WORKSHOP: ("workshop", "konsensus", "consensus"),
}

LANGUAGE_SPELLINGS: dict[Language, tuple[str, ...]] = {
    Language.SV: ("sv", "svenska", "swedish", "se", "sv-se"),
    Language.EN: ("en", "english", "engelska", "en-gb", "en-us"),
}

# Built-in themes: id -> names and accepted spellings. Workshops may add their own.
BUILTIN_THEMES: dict[str, dict[str, str]] = {
    "equality": {"sv": "Jämställdhet", "en": "Gender equality"},
    "accessibility": {"sv": "Tillgänglighet", "en": "Accessibility"},
}
BUILTIN_THEME_SPELLINGS: dict[str, tuple[str, ...]] = {
    "equality": ("equality", "gender equality", "jämställdhet", "jämlikhet"),
    "accessibility": ("accessibility", "tillgänglighet", "funktionshinder", "disability"),
}


@functools.lru_cache(maxsize=8192)
def fold(word: str) -> str:
    """Lower-case, trim and strip diacritics so 'Möjligheter ' matches 'mojligheter'."""
    decomposed = unicodedata.normalize("NFKD", word.strip().casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def spelling_table(spellings: Mapping[Any, tuple[str, ...]]) -> dict:
    """Map every folded spelling to its canonical value."""
    return {fold(s): value for value, words in spellings.items() for s in words}


QUADRANT_LOOKUP: dict[str, Quadrant] = spelling_table(QUADRANT_SPELLINGS)
SOURCE_LOOKUP: dict[str, Source] = spelling_table(SOURCE_SPELLINGS)
LANGUAGE_LOOKUP: dict[str, Language] = spelling_table(LANGUAGE_SPELLINGS)


def did_you_mean(word: str, candidates: list[str] | tuple[str, ...]) -> str | None:
    """The candidate closest to a mistyped word, if one is close enough to suggest."""
    folded: dict[str, str] = {}
    for candidate in candidates:  # the first spelling wins: 'enkät' before 'enkat'
        folded.setdefault(fold(candidate), candidate)
    target = fold(word)
    best, best_score = None, 0.6
    for folded_candidate, candidate in folded.items():  # ties: the earlier candidate wins
        score = difflib.SequenceMatcher(None, target, folded_candidate).ratio()
        if score > best_score:
            best, best_score = candidate, score
    return best


def quadrant_name(quadrant: Quadrant, lang: str) -> str:
    """Display name of a quadrant in the given language."""
    return QUADRANT_NAMES[quadrant][lang]
