"""The data model: a workshop (units, themes, rounds) and the entries people write.

Models validate values only. Key spellings (``tema``/``theme``) are canonicalised by the loader
before data reaches a model, so these models see English keys and say where a value is wrong.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Collection, Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Annotated, Literal, overload

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic.json_schema import SkipJsonSchema
from pydantic_core import PydanticCustomError

from swot.vocabulary import (
    BUILTIN_THEME_SPELLINGS,
    BUILTIN_THEMES,
    LANGUAGE_LOOKUP,
    QUADRANT_LOOKUP,
    QUADRANT_SPELLINGS,
    SOURCE_LOOKUP,
    SOURCE_SPELLINGS,
    Language,
    Quadrant,
    Source,
    did_you_mean,
    fold,
)

MAX_TEXT_LENGTH = 2000
SAFE_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,47}$")
# Names Windows refuses as file names, whatever the extension.
WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul"} | {f"com{i}" for i in range(10)} | {f"lpt{i}" for i in range(10)}
)


def check_safe_id(value: str) -> str:
    """An id that is also a file or folder name: lower-case ASCII, digits, '-' and '_'."""
    if not isinstance(value, str) or not SAFE_ID.match(value) or value in WINDOWS_RESERVED:
        raise PydanticCustomError(
            "unsafe_id",
            "'{value}' cannot be used as an id: it is also a file name",
            {"value": str(value)},
        )
    return value


SafeId = Annotated[str, Field(json_schema_extra={"pattern": SAFE_ID.pattern})]

# Characters that change what a terminal shows instead of being shown: C0/C1 controls (ESC
# starts escape and hyperlink sequences) and bidi overrides (U+202E turns text around).
UNSAFE_CHARACTER = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def check_shown_text(value: str) -> str:
    """A name that is printed as it is written: no control or bidi-override characters."""
    found = UNSAFE_CHARACTER.search(value)
    if found:
        raise PydanticCustomError(
            "unsafe_character",
            "contains U+{char}",
            {"char": f"{ord(found.group()):04X}"},
        )
    return value


ShownText = Annotated[str, AfterValidator(check_shown_text)]


def suggest_id(name: str) -> str:
    """A safe id made from a display name: 'Ängelholm' -> 'angelholm'."""
    folded = re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")
    folded = folded[:48] or "enhet"
    return folded if folded not in WINDOWS_RESERVED else folded + "-1"


class ThemeSpec(BaseModel):
    """A theme of the workshop: a built-in one by id, or a custom one with its names."""

    model_config = ConfigDict(extra="forbid")

    id: SafeId
    sv: ShownText | None = Field(default=None, description="Swedish name")
    en: ShownText | None = Field(default=None, description="English name")
    aliases: list[ShownText] = Field(default_factory=list, description="other spellings accepted")

    _check_id = field_validator("id")(classmethod(lambda cls, v: check_safe_id(v)))

    @model_validator(mode="before")
    @classmethod
    def from_plain_id(cls, value: object) -> object:
        """Allow ``themes: [equality, accessibility]`` as well as mappings."""
        if isinstance(value, str):
            folded = fold(value)
            for theme_id, spellings in BUILTIN_THEME_SPELLINGS.items():
                if folded in {fold(s) for s in spellings}:
                    return {"id": theme_id}
            return {"id": value}
        return value

    def name(self, lang: str) -> str:
        """Display name in a language, falling back to the other language, then the id."""
        builtin = BUILTIN_THEMES.get(self.id, {})
        other = "en" if lang == "sv" else "sv"
        return (
            getattr(self, lang)
            or builtin.get(lang)
            or getattr(self, other)
            or builtin.get(other)
            or self.id
        )

    def spellings(self) -> set[str]:
        """Every folded spelling that names this theme."""
        words = {self.id, *(self.aliases), *BUILTIN_THEME_SPELLINGS.get(self.id, ())}
        words |= {n for n in (self.sv, self.en) if n}
        return {fold(w) for w in words}


class Unit(BaseModel):
    """A unit of the network, e.g. one municipality's labour-market unit."""

    model_config = ConfigDict(extra="forbid")

    id: SafeId = Field(description="file name of the unit's entries: a-z, 0-9, '-'")
    name: ShownText = Field(min_length=1, max_length=120)
    municipality: ShownText | None = Field(default=None, max_length=120)

    _check_id = field_validator("id")(classmethod(lambda cls, v: check_safe_id(v)))


class Round(BaseModel):
    """A survey round, e.g. the baseline or a follow-up, with expected respondents per unit."""

    model_config = ConfigDict(extra="forbid")

    id: SafeId = Field(description="folder name under entries/: a-z, 0-9, '-'")
    name: ShownText | None = Field(default=None, max_length=120)
    date: dt.date | None = None
    expected: dict[str, Annotated[int, Field(ge=0, le=100_000)]] = Field(
        default_factory=dict, description="expected respondents per unit id"
    )

    _check_id = field_validator("id")(classmethod(lambda cls, v: check_safe_id(v)))

    def title(self) -> str:
        """Display name of the round."""
        return self.name or self.id


def default_themes() -> list[ThemeSpec]:
    return [ThemeSpec(id=theme_id) for theme_id in BUILTIN_THEMES]


class Workshop(BaseModel):
    """``workshop.yaml``: what a workshop is about, who takes part, and its rounds."""

    model_config = ConfigDict(extra="forbid")

    name: ShownText = Field(min_length=1, max_length=200)
    language: Language = Language.SV
    response_target: int = Field(default=75, ge=0, le=100, description="percent")
    importance: Literal["optional", "required", "off"] = "optional"
    themes: list[ThemeSpec] = Field(default_factory=default_themes, min_length=1)
    units: list[Unit] = Field(min_length=1)
    rounds: list[Round] = Field(min_length=1)

    @field_validator("language", mode="before")
    @classmethod
    def _language(cls, value: object) -> object:
        if isinstance(value, str):
            found = LANGUAGE_LOOKUP.get(fold(value))
            if found is None:
                raise PydanticCustomError(
                    "unknown_language", "'{value}' is not a language", {"value": value}
                )
            return found
        return value

    @model_validator(mode="after")
    def _ids_unique_and_known(self) -> Workshop:
        for kind, ids in (
            ("unit", [u.id for u in self.units]),
            ("round", [r.id for r in self.rounds]),
            ("theme", [t.id for t in self.themes]),
        ):
            seen: set[str] = set()
            for item_id in ids:
                if item_id in seen:
                    raise PydanticCustomError(
                        "duplicate_id",
                        "{kind} id '{value}' is used twice",
                        {"kind": kind, "value": item_id},
                    )
                seen.add(item_id)
        unit_ids = [u.id for u in self.units]
        for round_ in self.rounds:
            for unit_id in round_.expected:
                if unit_id not in unit_ids:
                    raise PydanticCustomError(
                        "unknown_unit_in_expected",
                        "round '{round}' expects respondents from '{value}', which is not a unit",
                        {
                            "round": round_.id,
                            "value": unit_id,
                            "suggestion": did_you_mean(unit_id, unit_ids) or "",
                        },
                    )
        return self

    def theme_lookup(self) -> dict[str, str]:
        """Folded spelling -> theme id, for reading entries."""
        return {spelling: t.id for t in self.themes for spelling in t.spellings()}

    def entry_context(self, lang: str) -> dict[str, object]:
        """Validation context for entries: accepted theme spellings and how to list them."""
        words = [w for t in self.themes for w in (t.id, t.sv, t.en, *t.aliases) if w]
        words += [w for t in self.themes for w in BUILTIN_THEME_SPELLINGS.get(t.id, ())]
        choices = ", ".join(
            f"{t.name(lang).lower()} ({t.id})" if t.name(lang).lower() != t.id else t.id
            for t in self.themes
        )
        return {"themes": self.theme_lookup(), "theme_words": words, "theme_choices": choices}

    def theme(self, theme_id: str) -> ThemeSpec:
        return next(t for t in self.themes if t.id == theme_id)

    def unit(self, unit_id: str) -> Unit | None:
        return next((u for u in self.units if u.id == unit_id), None)

    def round(self, round_id: str) -> Round | None:
        return next((r for r in self.rounds if r.id == round_id), None)

    def units_of(self, round_: Round, with_files: Iterable[str] = ()) -> list[Unit]:
        """The units a round is about, in workshop order: those its ``expected`` names (every
        unit when it names none, as in a round not yet planned), and any unit that has a file
        in the round anyway. A unit that joined the network later is thus not "missing" in the
        rounds before it joined."""
        named = set(round_.expected) or {u.id for u in self.units}
        named |= set(with_files)
        return [u for u in self.units if u.id in named]

    @property
    def latest_round(self) -> Round:
        """The last round listed in workshop.yaml."""
        return self.rounds[-1]


def enum_value(lookup: dict, kind: str, spellings: dict, value: object) -> object:
    """Read an enum from any accepted spelling, or fail with a suggestion."""
    if not isinstance(value, str):
        return value
    found = lookup.get(fold(value))
    if found is not None:
        return found
    words = [w for group in spellings.values() for w in group if len(w) > 1]
    raise PydanticCustomError(
        f"unknown_{kind}",
        "'{value}' is not a " + kind,
        {"value": value, "suggestion": did_you_mean(value, words) or ""},
    )


def workshop_theme(value: object, info: ValidationInfo) -> object:
    """A theme id from any spelling the workshop accepts (``entry_context``), or an error."""
    if not isinstance(value, str):
        return value
    context = info.context or {}
    lookup: dict[str, str] = context.get("themes") or {
        fold(s): theme_id
        for theme_id, spellings in BUILTIN_THEME_SPELLINGS.items()
        for s in spellings
    }
    found = lookup.get(fold(value))
    if found is None:
        words: list[str] = context.get("theme_words") or [
            w for spellings in BUILTIN_THEME_SPELLINGS.values() for w in spellings
        ]
        raise PydanticCustomError(
            "unknown_theme",
            "'{value}' is not a theme of this workshop",
            {
                "value": value,
                "suggestion": did_you_mean(value, words) or "",
                "choices": context.get("theme_choices") or "equality, accessibility",
            },
        )
    return found


class Entry(BaseModel):
    """One SWOT entry as written in ``entries/<round>/<unit>.yaml``.

    ``unit``, ``round`` and ``line`` are not written in the file: the loader fills them from
    the file's path and position.
    """

    model_config = ConfigDict(extra="forbid")

    theme: str = Field(description="equality | accessibility (jämställdhet | tillgänglighet)")
    quadrant: Quadrant
    text: str = Field(max_length=MAX_TEXT_LENGTH)
    importance: int | None = Field(default=None, ge=1, le=5, description="1–5")
    source: Source = Source.SURVEY
    respondent: str | None = Field(default=None, max_length=40)
    note: str | None = Field(default=None, max_length=MAX_TEXT_LENGTH)
    unit: SkipJsonSchema[str] = Field(default="", exclude=True)
    round: SkipJsonSchema[str] = Field(default="", exclude=True)
    line: SkipJsonSchema[int] = Field(default=0, exclude=True)

    @field_validator("theme", mode="before")
    @classmethod
    def _theme(cls, value: object, info: ValidationInfo) -> object:
        return workshop_theme(value, info)

    @field_validator("quadrant", mode="before")
    @classmethod
    def _quadrant(cls, value: object) -> object:
        return enum_value(QUADRANT_LOOKUP, "quadrant", QUADRANT_SPELLINGS, value)

    @field_validator("source", mode="before")
    @classmethod
    def _source(cls, value: object) -> object:
        return enum_value(SOURCE_LOOKUP, "source", SOURCE_SPELLINGS, value)

    @field_validator("text")
    @classmethod
    def _text_not_blank(cls, value: str) -> str:
        if not value.strip():
            raise PydanticCustomError("blank_text", "the text is empty")
        return value

    @field_validator("importance", mode="before")
    @classmethod
    def _importance(cls, value: object) -> object:
        # Accept "4" as typed in a file; anything else is checked by the int type.
        return value.strip() if isinstance(value, str) else value


# ------------------------------------------------------------- many entries in little memory

# The order of an entry's values in a row (worker processes and the entries cache send rows;
# unit and round are the file's, so they are not repeated in every row).
ROW_FIELDS = ("theme", "quadrant", "text", "importance", "source", "respondent", "note", "line")
# One set of field names shared by every loaded entry. Pydantic keeps a set of the fields each
# instance was given (728 bytes each: 40 MB for a national round of 58,000 entries); nothing in
# swot asks which fields were given, and since the shared set already names every field, setting
# or copying a field never changes it.
_SHARED_FIELDS_SET = {*ROW_FIELDS, "unit", "round"}
_FIELD_ORDER = tuple(Entry.model_fields)
_LINES: dict[int, int] = {}  # one int object per line number, shared by all files
_QUADRANTS = {quadrant.value: quadrant for quadrant in Quadrant}
_SOURCES = {source.value: source for source in Source}
# enum.value is a Python-level property (slow in 3.11): 116,000 reads per national round.
_QUADRANT_TEXT = {quadrant: text for text, quadrant in _QUADRANTS.items()}
_SOURCE_TEXT = {source: text for text, source in _SOURCES.items()}


def compact_entry(entry: Entry) -> Entry:
    """The same entry in less memory: its repeated strings and its field set shared with other
    entries, its values in a dict that shares its keys with theirs (see ``_instance``)."""
    values = entry.__dict__
    values["text"] = sys.intern(values["text"])
    if values["respondent"] is not None:
        values["respondent"] = sys.intern(values["respondent"])
    return _instance(values)


_IMPORTANCES = {str(value): value for value in range(1, 6)}
_BUILTIN_THEMES = {
    fold(s): theme for theme, spellings in BUILTIN_THEME_SPELLINGS.items() for s in spellings
}


def entry_from_strings(
    data: dict[str, str | None], context: dict | None, unit: str, round_id: str, line: int
) -> Entry | None:
    """The entry ``Entry.model_validate`` makes of values as read from a file (strings, or None
    for an empty value) in the usual case; None when any value is not plainly valid — then
    validate the usual way, which says what is wrong. Five times faster than pydantic here;
    ``tests/test_entry_fast_validation.py`` checks that both always agree.
    """
    values = plain_entry_values(data, context)
    if values is None:
        return None
    theme, quadrant, text, importance, source, respondent, note = values
    if respondent is not None:
        respondent = sys.intern(respondent)
    return new_entry(
        theme, quadrant, sys.intern(text), importance, source, respondent, note, unit, round_id,
        line,
    )  # fmt: skip


# A file's entries spell their theme, quadrant and source a few ways: each folded once (fold()
# takes 1-2 µs, three times an entry; a save checks 20,000 entries).
_folded = lru_cache(maxsize=1024)(fold)

PlainValues = tuple[str, Quadrant, str, int | None, Source, str | None, str | None]


def plain_entry_values(data: dict[str, str | None], context: dict | None) -> PlainValues | None:
    """The values (theme id, quadrant, text, importance, source, respondent, note) of the entry
    ``entry_from_strings`` makes of ``data``, or None when it makes none."""
    theme, quadrant, text = data.get("theme"), data.get("quadrant"), data.get("text")
    if theme is None or quadrant is None or text is None:
        return None
    theme_id = _themes_of(context).get(_folded(theme))
    quadrant_value = QUADRANT_LOOKUP.get(_folded(quadrant))
    if theme_id is None or quadrant_value is None:
        return None
    if not text.strip() or len(text) > MAX_TEXT_LENGTH:
        return None
    importance: int | None = None
    if "importance" in data and data["importance"] is not None:
        importance = _IMPORTANCES.get(data["importance"].strip())
        if importance is None:
            return None
    source = Source.SURVEY
    if "source" in data:
        written = data["source"]
        found = SOURCE_LOOKUP.get(_folded(written)) if written is not None else None
        if found is None:
            return None
        source = found
    respondent, note = data.get("respondent"), data.get("note")
    if (respondent is not None and len(respondent) > MAX_RESPONDENT_LENGTH) or (
        note is not None and len(note) > MAX_TEXT_LENGTH
    ):
        return None
    return theme_id, quadrant_value, text, importance, source, respondent, note


def _themes_of(context: dict | None) -> dict[str, str]:
    """Folded theme spelling → theme id: the workshop's (``entry_context``), else the built-in."""
    return (context or {}).get("themes") or _BUILTIN_THEMES


MAX_RESPONDENT_LENGTH = 40
# The fields without which ``plain_entry_values`` makes no entry (a None value is none).
PLAIN_REQUIRED_FIELDS = frozenset({"theme", "quadrant", "text"})


def plain_values_accepted(field: str, values: Collection[str | None], context: dict | None) -> bool:
    """Whether ``plain_entry_values`` accepts each of ``values`` for ``field`` (a field it
    reads), whatever the other fields hold: it checks each field on its own. For checking a
    whole file's values at once, each distinct value once and the long texts in C
    (``tests/test_bulk_entries_check.py`` checks this agrees with ``plain_entry_values``)."""
    lookups: dict[str, Mapping[str, object]] = {
        "theme": _themes_of(context),
        "quadrant": QUADRANT_LOOKUP,
        "source": SOURCE_LOOKUP,
    }
    lookup = lookups.get(field)
    if lookup is not None:
        return all(value is not None and _folded(value) in lookup for value in values)
    if field == "importance":
        return all(value is None or value.strip() in _IMPORTANCES for value in values)
    written = [value for value in values if value is not None]
    longest = max(map(len, written), default=0)
    if field == "text":
        blank = len(written) < len(values) or not all(map(str.strip, written))
        return not blank and longest <= MAX_TEXT_LENGTH
    if field == "respondent":
        return longest <= MAX_RESPONDENT_LENGTH
    if field == "note":
        return longest <= MAX_TEXT_LENGTH
    raise ValueError(f"not a field of an entry: {field}")


def with_respondent(entry: Entry, respondent: str | None) -> Entry:
    """The same entry said by ``respondent`` (a valid id), as compact as a loaded entry; a
    quarter of the time and memory of ``model_copy`` when an import gives thousands of ids."""
    values = entry.__dict__
    return new_entry(
        values["theme"], values["quadrant"], values["text"], values["importance"],
        values["source"], respondent, values["note"], values["unit"], values["round"],
        values["line"],
    )  # fmt: skip


# An entry not made yet: theme id, quadrant, text, importance, source (all valid).
EntryValues = tuple[str, Quadrant, str, int | None, Source]


class PendingEntries(Sequence[Entry]):
    """Valid entries of one unit, round and line, each made only when it is looked at, or
    with a respondent id by ``said_by``: an import of 50,000 rows holds 160,000 entries, of
    which a dry run looks at five, a re-import at none, and an import makes each once."""

    __slots__ = ("_items", "_line", "_respondent", "_round", "_unit")

    def __init__(
        self,
        items: list[Entry | EntryValues],
        unit: str,
        round_id: str,
        line: int,
        respondent: str | None = None,  # each entry said by this (a valid id), as ``said_by``
    ) -> None:
        self._items, self._unit, self._round, self._line = items, unit, round_id, line
        self._respondent = respondent

    @property
    def items(self) -> list[Entry | EntryValues]:
        """The entries as held: made ones, and the values of those not made yet (without the
        respondent they are said by)."""
        return self._items

    @property
    def respondent(self) -> str | None:
        return self._respondent

    def __len__(self) -> int:
        return len(self._items)

    @overload
    def __getitem__(self, index: int) -> Entry: ...

    @overload
    def __getitem__(self, index: slice) -> list[Entry]: ...

    def __getitem__(self, index: int | slice) -> Entry | list[Entry]:
        if isinstance(index, slice):
            return [self._made(item, self._respondent) for item in self._items[index]]
        return self._made(self._items[index], self._respondent)

    def said_by(self, respondent: str) -> list[Entry]:
        """Every entry, said by ``respondent`` (a valid id)."""
        return [self._made(item, respondent) for item in self._items]

    def said_later_by(self, respondent: str) -> PendingEntries:
        """``said_by``, each entry made only when it is looked at."""
        return PendingEntries(self._items, self._unit, self._round, self._line, respondent)

    def _made(self, item: Entry | EntryValues, respondent: str | None = None) -> Entry:
        if isinstance(item, Entry):
            return item if respondent is None else with_respondent(item, respondent)
        theme, quadrant, text, importance, source = item
        return new_entry(
            theme, quadrant, text, importance, source, respondent, None, self._unit, self._round,
            self._line,
        )  # fmt: skip


def said_by(entries: Sequence[Entry], respondent: str) -> list[Entry]:
    """``entries``, each said by ``respondent`` (a valid id)."""
    if isinstance(entries, PendingEntries):
        return entries.said_by(respondent)
    return [with_respondent(entry, respondent) for entry in entries]


def entry_from_row(row: tuple | list, unit: str, round_id: str) -> Entry:
    """An entry from values that were validated before (by a worker process or when cached).

    Not validated again: only for rows that ``entry_row`` made from a validated entry. Raises
    ``ValueError`` when a row is malformed, so a damaged cache is noticed.
    """
    theme, quadrant, text, importance, source, respondent, note, line = row
    try:
        quadrant, source = _QUADRANTS[quadrant], _SOURCES[source]
        theme, text = sys.intern(theme), sys.intern(text)
        respondent = respondent if respondent is None else sys.intern(respondent)
    except (KeyError, TypeError):
        raise ValueError(f"not an entry row: {row!r:.80}") from None
    return new_entry(
        theme, quadrant, text, importance, source, respondent, note, unit, round_id, line
    )


def _instance(values: dict[str, object]) -> Entry:
    """An Entry holding ``values`` (already valid), built the way Python keeps objects small
    (see ``new_entry``)."""
    return new_entry(
        values["theme"], values["quadrant"], values["text"], values["importance"],
        values["source"], values["respondent"], values["note"], values["unit"],
        values["round"], values["line"],
    )  # fmt: skip


_new = Entry.__new__
_set = object.__setattr__
# new_entry sets the fields in this order (the order pydantic keeps them in).
assert (*ROW_FIELDS[:-1], "unit", "round", "line") == _FIELD_ORDER, _FIELD_ORDER


def new_entry(
    theme: object,
    quadrant: object,
    text: object,
    importance: object,
    source: object,
    respondent: object,
    note: object,
    unit: object,
    round_id: object,
    line: object,
) -> Entry:
    """An Entry of these values (already valid: nothing is checked), in little memory.

    Pydantic gives each model its own dict (≈ 360 bytes for an entry); setting the fields one by
    one, always in the same order, lets CPython share one table of keys between all entries
    (≈ 190 bytes): 10 MB less for a national round of 58,000 entries. Written out rather than
    looped over the field names: half the time, which counts when an import makes 160,000.
    """
    if isinstance(line, int):  # 1..n in every file: one int object per number
        line = _LINES.setdefault(line, line)
    entry = _new(Entry)
    _set(entry, "theme", theme)
    _set(entry, "quadrant", quadrant)
    _set(entry, "text", text)
    _set(entry, "importance", importance)
    _set(entry, "source", source)
    _set(entry, "respondent", respondent)
    _set(entry, "note", note)
    _set(entry, "unit", unit)
    _set(entry, "round", round_id)
    _set(entry, "line", line)
    _set(entry, "__pydantic_fields_set__", _SHARED_FIELDS_SET)
    _set(entry, "__pydantic_extra__", None)
    _set(entry, "__pydantic_private__", None)
    return entry


def entry_row(entry: Entry) -> tuple:
    """The values of an entry in ``ROW_FIELDS`` order, enums as their text (JSON-friendly)."""
    values = entry.__dict__
    return (
        values["theme"], _QUADRANT_TEXT[values["quadrant"]], values["text"], values["importance"],
        _SOURCE_TEXT[values["source"]], values["respondent"], values["note"], values["line"],
    )  # fmt: skip
