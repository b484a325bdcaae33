"""What a column of a survey export holds, guessed from its heading (Swedish or English, a
question or a LimeSurvey question code) and a look at its values: the unit, one theme ×
quadrant, an importance, or something swot leaves alone (e-mail, names, times, ids, free text).

Only headings and a sample of values are looked at; nothing here keeps or writes a value."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from swot.files.imports.sources import KNOWN_COLUMNS, Tool, recognise_tool
from swot.files.imports.tables import Table
from swot.files.located import ENTRY_KEYS
from swot.files.workshop import LoadedWorkshop
from swot.vocabulary import Quadrant, fold

SAMPLE_ROWS = 500

# Kinds of columns that are never read. "other" is anything not recognised (free text).
EMAIL, NAME, TIME, ID, OTHER = "email", "name", "time", "id", "other"
IGNORED_KINDS = (EMAIL, NAME, TIME, ID, OTHER)

# Word beginnings (folded, no å ä ö) that say what a heading is about. A token is a run of
# letters and digits; camelCase and codes such as "JamStyrkor" or "tillgHot" are split too.
THEME_STEMS: dict[str, tuple[str, ...]] = {
    "equality": ("jamstal", "jamlik", "equality", "gender"),
    "accessibility": ("tillgang", "accessib", "funktionsned", "funktionshind", "disab"),
}
# In a question code (a heading without spaces, e.g. LimeSurvey's 'jamS' or 'TILLGHOT') the
# theme may be an abbreviation at the start, and the quadrant one letter after it.
THEME_CODES: dict[str, tuple[str, ...]] = {"equality": ("jam",), "accessibility": ("tillg",)}
QUADRANT_STEMS: dict[Quadrant, tuple[str, ...]] = {
    Quadrant.STRENGTHS: ("styrk", "strength", "starka"),
    Quadrant.WEAKNESSES: ("svag", "weak", "brist", "forbattr", "utvecklingsomrad"),
    Quadrant.OPPORTUNITIES: ("mojlig", "opportunit", "chans"),
    Quadrant.THREATS: ("hot", "threat", "risk"),
}
QUADRANT_CODES: dict[Quadrant, tuple[str, ...]] = {
    Quadrant.STRENGTHS: ("s",),
    Quadrant.WEAKNESSES: ("w", "sv"),
    Quadrant.OPPORTUNITIES: ("o", "m"),
    Quadrant.THREATS: ("t", "h"),
}
# Whole phrases win over single words: "fungerar mindre bra" is a weakness, "fungerar bra" not.
QUADRANT_PHRASES: tuple[tuple[str, Quadrant], ...] = (
    ("fungerar mindre bra", Quadrant.WEAKNESSES),
    ("fungerar inte", Quadrant.WEAKNESSES),
    ("fungerar daligt", Quadrant.WEAKNESSES),
    ("kan bli battre", Quadrant.WEAKNESSES),
    ("does not work", Quadrant.WEAKNESSES),
    ("doesn't work", Quadrant.WEAKNESSES),
    ("works less well", Quadrant.WEAKNESSES),
    ("could be better", Quadrant.WEAKNESSES),
    ("fungerar bra", Quadrant.STRENGTHS),
    ("works well", Quadrant.STRENGTHS),
    ("goes well", Quadrant.STRENGTHS),
    ("gar bra", Quadrant.STRENGTHS),
)
UNIT_STEMS = ("enhet", "unit", "arbetsplats", "workplace", "verksamhet", "kommun",
              "municipal", "department", "avdelning", "forvaltning")  # fmt: skip
IMPORTANCE_STEMS = ("vikt", "viktig", "importan", "priorit", "betydelse")
EMAIL_STEMS = ("e-post", "epost", "email", "e-mail", "mejl", "mail")
NAME_WORDS = ("namn", "name", "fornamn", "efternamn", "firstname", "lastname", "fullname")
TIME_WORDS = ("tid", "tidpunkt", "tidstampel", "tidsstampel", "datum", "date", "time",
              "timestamp", "submitdate", "startdate", "datestamp", "submitted", "started")  # fmt: skip

_IMPORTANCES = frozenset("12345")
_TOKENS = re.compile(r"[^\W_]+")
_CAMEL = re.compile(r"(?<=[a-zåäö])(?=[A-ZÅÄÖ])")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_TIME_VALUE = re.compile(
    r"^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}([ T]\d{1,2}[:.]\d\d([:.]\d\d)?(\.\d+)?( ?[ap]\.?m\.?| ?[ef]m)?"
    r"( ?[A-Z]{2,5}| ?[+-]\d\d:?\d\d)?)?$|^\d{1,2}:\d\d(:\d\d)?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ColumnGuess:
    """What swot thinks one column is. ``role``: unit, answer, importance, or ignore (with
    ``kind``: email, name, time, id, other). An answer has a theme and a quadrant; a column
    whose quadrant is clear but whose theme is not is an answer with ``theme`` None."""

    index: int
    heading: str
    role: str
    kind: str = ""
    theme: str | None = None
    quadrant: Quadrant | None = None


@dataclass
class Proposal:
    """Every column's guess, the export tool it looks like, and whether rows are entries."""

    table: Table
    columns: list[ColumnGuess]
    tool: Tool | None
    narrow: bool = False

    def of_role(self, role: str) -> list[ColumnGuess]:
        return [c for c in self.columns if c.role == role]

    @property
    def ignored(self) -> list[ColumnGuess]:
        return self.of_role("ignore")


def tokens(heading: str) -> list[str]:
    """The folded words of a heading, camelCase split: 'JamStyrkor' → ['jam', 'styrkor']."""
    return [fold(t) for t in _TOKENS.findall(_CAMEL.sub(" ", heading))]


def propose(table: Table, workshop: LoadedWorkshop, unit_values: dict[str, str]) -> Proposal:
    """Guess every column of ``table``. ``unit_values`` maps folded unit names, ids and
    municipalities to unit ids (to find the unit column by its answers)."""
    tool = recognise_tool(table.header)
    if _is_narrow(table.header):
        guesses = [_narrow_guess(i, h) for i, h in enumerate(table.header)]
        return Proposal(table, guesses, tool, narrow=True)
    sample = table.rows[:SAMPLE_ROWS]
    themes = _theme_words(workshop)
    guesses = [
        _guess(index, heading, [table.cell(row, index) for row in sample], themes)
        for index, heading in enumerate(table.header)
    ]
    guesses = _choose_unit(guesses, table, sample, unit_values)
    return Proposal(table, guesses, tool)


def _is_narrow(header: Sequence[str]) -> bool:
    """swot's own layout (one entry per row): columns named text and quadrant like entry keys."""
    keys = {
        fold(k): canonical for canonical, alts in ENTRY_KEYS.items() for k in (canonical, *alts)
    }
    named = {keys.get(fold(heading)) for heading in header}
    return {"text", "quadrant"} <= named


def _narrow_guess(index: int, heading: str) -> ColumnGuess:
    keys = {fold(k) for canonical, alts in ENTRY_KEYS.items() for k in (canonical, *alts)}
    folded = fold(heading)
    if folded in keys:
        return ColumnGuess(index, heading, "field")
    if folded in {"enhet", "unit"}:
        return ColumnGuess(index, heading, "unit")
    return ColumnGuess(index, heading, "ignore", _ignored_kind(heading, []))


def _theme_words(workshop: LoadedWorkshop) -> dict[str, tuple[str, ...]]:
    """Word beginnings per theme id: the built-in stems and every spelling the workshop gives."""
    words: dict[str, tuple[str, ...]] = {}
    for theme in workshop.workshop.themes:
        spellings = tuple(sorted(theme.spellings()))
        words[theme.id] = THEME_STEMS.get(theme.id, ()) + spellings
    return words


def _guess(
    index: int, heading: str, values: list[str], themes: dict[str, tuple[str, ...]]
) -> ColumnGuess:
    known = KNOWN_COLUMNS.get(fold(heading))
    if known is not None:
        return ColumnGuess(index, heading, "ignore", known)
    words = tokens(heading)
    filled = [v.strip() for v in values if v.strip()]
    quadrant = _quadrant(heading, words)
    if _has_stem(words, IMPORTANCE_STEMS) and (
        quadrant is None or _mostly(filled, lambda v: v in _IMPORTANCES)
    ):  # "Vad är viktigast att förbättra?" is a question, "Vikt (1–5)" an importance
        return ColumnGuess(index, heading, "importance")
    theme = _theme(heading, words, themes)
    if quadrant is not None:
        return ColumnGuess(index, heading, "answer", theme=theme, quadrant=quadrant)
    return ColumnGuess(index, heading, "ignore", _ignored_kind(heading, filled))


def _has_stem(words: Iterable[str], stems: Iterable[str]) -> bool:
    return any(word.startswith(stem) for word in words for stem in stems)


def _mostly(values: list[str], test: object, share: float = 0.8) -> bool:
    """Whether at least ``share`` of the values pass (True when there are none to look at)."""
    assert callable(test)
    if not values:
        return True
    return sum(1 for v in values if test(v)) >= share * len(values)


def is_code(heading: str) -> bool:
    """A question code rather than a question: one short word, e.g. 'jamS' or 'G01Q03'."""
    return " " not in heading.strip() and len(heading) <= 32


def _quadrant(heading: str, words: list[str]) -> Quadrant | None:
    """The one quadrant a heading names (phrases first, then words, then codes), else None."""
    folded = fold(heading)
    for phrase, quadrant in QUADRANT_PHRASES:
        if phrase in " ".join(words) or phrase in folded:
            return quadrant
    if is_code(heading):
        found = {q for q, stems in QUADRANT_STEMS.items() if any(s in folded for s in stems)}
        found |= {q for q, codes in QUADRANT_CODES.items() if any(w in codes for w in words[1:])}
    else:
        found = {q for q, stems in QUADRANT_STEMS.items() if _has_stem(words, stems)}
    return found.pop() if len(found) == 1 else None


def _theme(heading: str, words: list[str], themes: dict[str, tuple[str, ...]]) -> str | None:
    """The one theme a heading names, else None (a question about both, or neither)."""
    folded = fold(heading)
    found = set()
    for theme_id, stems in themes.items():
        if is_code(heading):
            codes = THEME_CODES.get(theme_id, ())
            if any(s in folded for s in stems) or any(folded.startswith(c) for c in codes):
                found.add(theme_id)
        elif _has_stem(words, [s for s in stems if " " not in s]) or any(
            " " in s and s in folded for s in stems
        ):
            found.add(theme_id)
    return found.pop() if len(found) == 1 else None


def _ignored_kind(heading: str, values: list[str]) -> str:
    """Why a column is left alone: it holds e-mail addresses, names, times, ids, or other text."""
    words = tokens(heading)
    folded = fold(heading)
    if any(stem in folded for stem in EMAIL_STEMS) or (values and _mostly(values, _EMAIL.match)):
        return EMAIL
    if any(word in NAME_WORDS for word in words):
        return NAME
    if any(word in TIME_WORDS or word.endswith("tid") for word in words):
        return TIME
    if values and _mostly(values, _TIME_VALUE.match):
        return TIME
    if words in (["id"], ["response", "id"]):
        return ID
    return OTHER


def _choose_unit(
    guesses: list[ColumnGuess],
    table: Table,
    sample: list[list[str]],
    unit_values: dict[str, str],
) -> list[ColumnGuess]:
    """Make the best unit candidate the unit column: the one whose answers name units most
    often, among columns not taken, preferring a heading that says 'enhet' or 'unit'."""
    best: tuple[float, int] | None = None
    for guess in guesses:
        if guess.role != "ignore" or guess.kind in (EMAIL, NAME, TIME, ID):
            continue
        values = [table.cell(row, guess.index).strip() for row in sample]
        filled = [v for v in values if v]
        matched = sum(1 for v in filled if match_unit(v, unit_values) is not None)
        share = matched / len(filled) if filled else 0.0
        named = _has_stem(tokens(guess.heading), UNIT_STEMS)
        score = share + (0.5 if named else 0.0)
        if (share >= 0.5 or named) and (best is None or score > best[0]):
            best = (score, guess.index)
    if best is None:
        return guesses
    chosen = guesses[best[1]]
    guesses[best[1]] = ColumnGuess(chosen.index, chosen.heading, "unit")
    return guesses


def match_unit(value: str, unit_values: dict[str, str]) -> str | None:
    """The unit an answer names: by id, name or municipality (any case, with or without å ä ö),
    or the one unit whose name stands as words in it ('AME Höganäs kommun' → hoganas)."""
    folded = fold(value)
    if folded in unit_values:
        return unit_values[folded]
    spaced = f" {' '.join(tokens(value))} "
    found = {unit for word, unit in unit_values.items() if f" {' '.join(tokens(word))} " in spaced}
    return found.pop() if len(found) == 1 else None
