"""``imports/<export>.map.yaml``: which column of a survey export is the unit, which columns are
which theme × quadrant, which is an importance, and which are never read. swot writes it once as
a proposal (``proposal.py``); a person may edit it in any text editor, and swot only reads it
after that, so every comment and the order stay as that person left them.

It is read like every file a person edits (``swot.files.located``): Swedish or English keys,
each problem with its line and column, what is wrong and how to fix it, all problems at once::

    rader: svarande                      # rows: respondents (or poster/entries: swot's layout)
    blad: Form1                          # sheet
    enhetskolumn: Vilken enhet arbetar du på?   # unit column (or enhet/unit: one unit id)
    vikt: Hur viktigt är arbetet för dig? (1–5) # importance of every entry of the row
    kolumner:                            # columns
      - rubrik: Styrkor – jämställdhet   # heading (or kolumn/column: G)
        tema: jämställdhet
        kvadrant: styrkor
    enheter:                             # units: answers that are not a unit's id or name
      AME Höganäs: hoganas
    hoppa över: ["-", "vet ej", "inget"] # skip: answers that are no entry
    läses inte: [E-post, Namn]           # ignore: listed so that swot does not ask again
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from swot.errors import DataError, Problem, shorten
from swot.files.appending import UNIT_COLUMNS
from swot.files.imports.columns import match_unit
from swot.files.imports.tables import Table, column_letter
from swot.files.located import (
    ENTRY_KEYS,
    ProblemCollector,
    canonical_keys,
    parse_yaml,
    read_text,
)
from swot.files.workshop import LoadedWorkshop, _unit_lookup
from swot.files.yamltree import MappingNode, Node, ScalarNode, SequenceNode
from swot.i18n import catalogue, say
from swot.vocabulary import QUADRANT_LOOKUP, Quadrant, did_you_mean, fold

IMPORTS_DIR = "imports"
# Every byte but the ASCII letters and digits (the bytes of other characters are all ≥ 0x80).
_NOT_ASCII_ALNUM = bytes(b for b in range(256) if not chr(b).isascii() or not chr(b).isalnum())
RESPONDENTS, ENTRIES = "respondents", "entries"

MAP_KEYS: dict[str, tuple[str, ...]] = {
    "rows": ("rader",),
    "sheet": ("blad",),
    "unit column": ("enhetskolumn",),
    "unit": ("enhet",),
    "importance": ("vikt",),
    "theme": ("tema",),
    "columns": ("kolumner",),
    "units": ("enheter",),
    "skip": ("hoppa över",),
    "ignore": ("läses inte", "ignorera"),
}
COLUMN_KEYS: dict[str, tuple[str, ...]] = {
    "heading": ("rubrik",),
    "column": ("kolumn",),
    "theme": ("tema",),
    "quadrant": ("kvadrant",),
    "importance": ("vikt",),
}
ROWS_SPELLINGS = {
    fold(w): kind
    for kind, words in {
        RESPONDENTS: ("respondents", "svarande"),
        ENTRIES: ("entries", "poster"),
    }.items()
    for w in words
}


def key_name(key: str, lang: str) -> str:
    """A map key as the reader writes it: 'enhetskolumn' in Swedish, 'unit column' in English."""
    table = {**MAP_KEYS, **COLUMN_KEYS}
    return table[key][0] if lang == "sv" else key


MESSAGES = catalogue("files/imports/mapfile")


@dataclass(frozen=True)
class ColumnRef:
    """A column as the map names it: by heading or by letter, and where in the map it stands."""

    heading: str | None
    letter: str | None
    node: Node
    where: str = ""


@dataclass(frozen=True)
class AnswerSpec:
    """A column of answers: its theme and quadrant, and the column of their importance."""

    ref: ColumnRef
    theme: str | None
    quadrant: Quadrant | None
    importance: ColumnRef | None = None


@dataclass
class MapSpec:
    """A map file as written, before it is matched against an export's columns."""

    path: Path
    rows: str = RESPONDENTS
    sheet: str | None = None
    unit_column: ColumnRef | None = None
    unit: str | None = None
    importance: ColumnRef | None = None
    theme: str | None = None
    answers: list[AnswerSpec] = field(default_factory=list)
    units: dict[str, str] = field(default_factory=dict)  # folded answer → unit id
    skip: frozenset[str] = frozenset()  # folded
    ignore: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # raised by ``resolve`` with its own
    parsed: bool = False  # the file is a mapping of keys (else its problems are all there is)


@dataclass(frozen=True)
class Answer:
    """A column of answers, matched: its index, theme, quadrant and importance column."""

    column: int
    theme: str
    quadrant: Quadrant
    importance: int | None = None


@dataclass
class ImportMap:
    """A map matched against one export: column indices instead of headings."""

    spec: MapSpec
    unit_column: int | None
    answers: list[Answer]
    importance: int | None
    listed: set[int]  # every column the map names, mapped or ignored
    fields: list[int] = field(default_factory=list)  # rows: entries — the columns read

    def mapped_columns(self) -> list[int]:
        """The columns whose cells make entries (the digest of a row is taken over these)."""
        columns = [self.unit_column, self.importance, *self.fields]
        columns += [c for a in self.answers for c in (a.column, a.importance)]
        return sorted({c for c in columns if c is not None})


def map_path(workshop: LoadedWorkshop, export: Path) -> Path:
    """``imports/<stem>.map.yaml``; a trailing response range such as '(1-45)', which Microsoft
    Forms adds to each download's name, is left out, so next week's export finds the same map."""
    import re

    stem = re.sub(r"\s*\(\d+-\d+\)$", "", export.stem) or export.stem
    return workshop.folder / IMPORTS_DIR / f"{stem}.map.yaml"


def read_map(path: Path, workshop: LoadedWorkshop, lang: str, text: str | None = None) -> MapSpec:
    """The map file at ``path`` (or ``text``, e.g. a proposal not written yet), every problem
    located in ``spec.problems``; ``resolve`` raises them together with its own."""
    reader = _MapReader(path, workshop, lang)
    if text is None:
        text = read_text(path, reader.collector)
    root = parse_yaml(text, reader.collector, "entries") if text is not None else None
    reader.collector.problems = [p for p in reader.collector.problems if p.severity == "error"]
    spec = MapSpec(path)
    if root is None or not isinstance(root, MappingNode):
        if not reader.collector.problems:  # not YAML at all: that problem says enough
            reader.add("not_mapping", root or Node(0, 0))
    else:
        spec.parsed = True
        reader.fill(spec, root)
    spec.problems = reader.collector.problems
    return spec


class _Located:
    """The problems of one map file, each at the line and column of its node."""

    def __init__(self, path: Path, lang: str) -> None:
        self.lang = lang
        self.collector = ProblemCollector(path, lang)

    def add(self, code: str, node: Node, where: str = "", **params: object) -> None:
        hint = f"{code}.hint"
        self.collector.problems.append(
            Problem(
                self.collector.file,
                say(MESSAGES, code, self.lang, **params),
                say(MESSAGES, hint, self.lang, **params) if hint in MESSAGES else "",
                node.line + 1,
                node.column + 1,
                where,
                code=code,
            )
        )

    def raise_errors(self) -> None:
        if self.collector.problems:
            raise DataError(self.collector.capped())

    def suggest(self, value: str, choices: list[str]) -> str:
        word = did_you_mean(value, choices) if value else None
        return say(MESSAGES, "did_you_mean", self.lang, word=shorten(word, 60)) if word else ""


class _MapReader(_Located):
    """Reads the values of a map file, each problem at the line of its value."""

    def __init__(self, path: Path, workshop: LoadedWorkshop, lang: str) -> None:
        super().__init__(path, lang)
        self.workshop = workshop
        self.themes = workshop.workshop.theme_lookup()
        self.units = _unit_lookup(workshop)

    def fill(self, spec: MapSpec, root: MappingNode) -> None:
        pairs = canonical_keys(root, MAP_KEYS, self.collector, "")
        values = {key: value for key, (_, value) in pairs.items()}
        if "rows" in values:
            spec.rows = self.rows(values["rows"])
        spec.sheet = self.text(values["sheet"]) if "sheet" in values else None
        if "unit column" in values:
            where = key_name("unit column", self.lang)
            spec.unit_column = self.column_ref(values["unit column"], where)
        if "unit" in values:
            spec.unit = self.unit(values["unit"])
        if "unit column" in pairs and "unit" in pairs:
            self.add("both_units", pairs["unit"][0])
        if "importance" in values:
            where = key_name("importance", self.lang)
            spec.importance = self.column_ref(values["importance"], where)
        if "theme" in values:
            spec.theme = self.theme(values["theme"])
        if "columns" in values:
            spec.answers = self.answers(values["columns"])
        if "units" in values:
            spec.units = self.unit_translations(values["units"])
        if "skip" in values:
            spec.skip = frozenset(skip_form(w) for w in self.texts(values["skip"]))
        if "ignore" in values:
            spec.ignore = self.texts(values["ignore"])
        no_unit = "unit column" not in pairs and "unit" not in pairs
        if spec.rows == RESPONDENTS and no_unit:
            self.add("no_unit", root)

    def rows(self, node: Node) -> str:
        rows = self.text(node)
        found = ROWS_SPELLINGS.get(fold(rows or ""))
        if rows is not None and found is None:
            suggestion = self.suggest(rows, list(ROWS_SPELLINGS))
            self.add("bad_rows", node, value=shorten(rows), suggestion=suggestion)
        return found or RESPONDENTS

    def text(self, node: Node, where: str = "") -> str | None:
        if isinstance(node, ScalarNode) and node.python() is not None:
            return node.value.strip()
        self.add("not_text", node, where)
        return None

    def texts(self, node: Node) -> list[str]:
        """A list of texts, or one text (an empty value is no text)."""
        if isinstance(node, ScalarNode):
            return [] if node.python() is None else [node.value.strip()]
        if not isinstance(node, SequenceNode):
            self.add("not_list", node)
            return []
        found = [self.text(item) for item in node.items]
        return [t for t in found if t]

    def column_ref(self, node: Node, where: str) -> ColumnRef | None:
        heading = self.text(node, where)
        return ColumnRef(heading, None, node, where) if heading else None

    def unit(self, node: Node, where: str = "") -> str | None:
        value = self.text(node, where)
        if value is None:
            return None
        found = self.units.get(fold(value))
        if found is None:
            ids = [u.id for u in self.workshop.workshop.units]
            names = ids + [u.name for u in self.workshop.workshop.units]
            self.add(
                "unknown_unit",
                node,
                where,
                value=shorten(value),
                suggestion=self.suggest(value, names),
                choices=", ".join(ids),
            )
        return found

    def theme(self, node: Node, where: str = "") -> str | None:
        value = self.text(node, where)
        if value is None:
            return None
        found = self.themes.get(fold(value))
        if found is None:
            context = self.workshop.workshop.entry_context(self.lang)
            suggestion = self.suggest(value, cast("list[str]", context["theme_words"]))
            self.add(
                "unknown_theme",
                node,
                where,
                value=shorten(value),
                suggestion=suggestion,
                choices=context["theme_choices"],
            )
        return found

    def quadrant(self, node: Node, where: str) -> Quadrant | None:
        value = self.text(node, where)
        if value is None:
            return None
        found = QUADRANT_LOOKUP.get(fold(value))
        if found is None:
            self.add(
                "unknown_quadrant",
                node,
                where,
                value=shorten(value),
                suggestion=self.suggest(value, list(QUADRANT_LOOKUP)),
            )
        return found

    def answers(self, node: Node) -> list[AnswerSpec]:
        if not isinstance(node, SequenceNode):
            self.add("not_list", node)
            return []
        found = []
        for number, item in enumerate(node.items, start=1):
            where = say(MESSAGES, "column", self.lang, number=number)
            if not isinstance(item, MappingNode):
                self.add("not_pairs", item, where)
                continue
            answer = self.answer(item, where)
            if answer is not None:
                found.append(answer)
        return found

    def answer(self, item: MappingNode, where: str) -> AnswerSpec | None:
        pairs = canonical_keys(item, COLUMN_KEYS, self.collector, where)
        values = {key: value for key, (_, value) in pairs.items()}
        for key in ("theme", "quadrant"):
            if key not in values:
                self.add("missing", item, where, key=key_name(key, self.lang))
        heading = self.text(values["heading"], where) if "heading" in values else None
        letter = self.text(values["column"], where) if "column" in values else None
        if heading is None and letter is None:
            if "heading" not in values and "column" not in values:
                self.add("needs_column", item, where)
            return None
        ref_node = values.get("column") if letter else values.get("heading")
        assert ref_node is not None
        ref = ColumnRef(heading, letter, ref_node, where)
        theme = self.theme(values["theme"], where) if "theme" in values else None
        quadrant = self.quadrant(values["quadrant"], where) if "quadrant" in values else None
        importance = None
        if "importance" in values:
            importance = self.column_ref(values["importance"], where)
        return AnswerSpec(ref, theme, quadrant, importance)

    def unit_translations(self, node: Node) -> dict[str, str]:
        if not isinstance(node, MappingNode):
            self.add("not_pairs", node)
            return {}
        found = {}
        for key, value in node.pairs:
            answer = self.text(key)
            unit = self.unit(value, shorten(answer or "")) if answer else None
            if answer and unit:
                found[fold(answer)] = unit
        return found


# ---------------------------------------------------------------- matching an export


def resolve(spec: MapSpec, table: Table, lang: str) -> ImportMap:
    """The map's columns found in ``table``; raises ``DataError`` with each column the export
    does not have (at its line in the map, with a did-you-mean among the headings)."""
    if not spec.parsed:
        raise DataError(spec.problems)
    matcher = _ColumnMatcher(spec, table, lang)
    unit_column = matcher.index(spec.unit_column)
    importance = matcher.index(spec.importance)
    answers = []
    for answer in spec.answers:
        column = matcher.index(answer.ref)
        own = matcher.index(answer.importance)
        if column is not None and answer.theme and answer.quadrant:
            answers.append(Answer(column, answer.theme, answer.quadrant, own))
    if spec.rows == RESPONDENTS and not spec.answers:
        matcher.problems.add("no_answers", Node(0, 0))
    fields = _fields(spec, table, matcher.problems) if spec.rows == ENTRIES else []
    listed = set(matcher.used) | set(fields)
    listed |= {i for i, h in enumerate(table.header) if h in spec.ignore}
    matcher.problems.collector.problems[:0] = spec.problems
    matcher.problems.raise_errors()
    return ImportMap(spec, unit_column, answers, importance, listed, fields)


def _fields(spec: MapSpec, table: Table, problems: _Located) -> list[int]:
    """The columns of an export in swot's own layout, named like an entries file's keys (and
    the unit); it needs text and quadrant, a theme (column or 'theme:'), a unit (likewise)."""
    keys = {fold(k): key for key, alts in ENTRY_KEYS.items() for k in (key, *alts)}
    keys |= {fold(word): "unit" for word in UNIT_COLUMNS}
    named = {i: keys[fold(h)] for i, h in enumerate(table.header) if fold(h) in keys}
    present = set(named.values())
    at = Node(0, 0)
    if not {"text", "quadrant"} <= present:
        problems.add("not_narrow", at)
    elif "theme" not in present and spec.theme is None:
        problems.add("no_theme", at)
    elif "unit" not in present and spec.unit is None:
        problems.add("no_unit", at)
    return sorted(named)


class _ColumnMatcher:
    """Finds the columns a map names; each column may be used once."""

    def __init__(self, spec: MapSpec, table: Table, lang: str) -> None:
        self.table = table
        self.problems = _Located(spec.path, lang)
        self.used: dict[int, Node] = {}
        self.folded: dict[str, list[int]] = {}
        for index, heading in enumerate(table.header):
            self.folded.setdefault(fold(heading), []).append(index)

    def index(self, ref: ColumnRef | None) -> int | None:
        if ref is None:
            return None
        found = self._letter(ref) if ref.letter else self._heading(ref)
        if found is None:
            return None
        if found in self.used:
            self.problems.add(
                "used_twice",
                ref.node,
                ref.where,
                letter=column_letter(found),
                heading=shorten(self.table.header[found]),
                first=self.used[found].line + 1,
            )
            return None
        self.used[found] = ref.node
        return found

    def _heading(self, ref: ColumnRef) -> int | None:
        assert ref.heading is not None
        exact = [i for i, h in enumerate(self.table.header) if h == ref.heading]
        matches = exact or self.folded.get(fold(ref.heading), [])
        if len(matches) == 1:
            return matches[0]
        if matches:
            letters = [column_letter(i) for i in matches]
            self.problems.add(
                "heading_twice",
                ref.node,
                ref.where,
                count=len(matches),
                heading=shorten(ref.heading),
                letters=", ".join(letters),
                letter=letters[0],
            )
            return None
        suggestion = self.problems.suggest(ref.heading, [h for h in self.table.header if h])
        heading = shorten(ref.heading, 60)
        self.problems.add("no_heading", ref.node, ref.where, heading=heading, suggestion=suggestion)
        return None

    def _letter(self, ref: ColumnRef) -> int | None:
        assert ref.letter is not None
        letters = {column_letter(i): i for i in range(len(self.table.header))}
        found = letters.get(ref.letter.strip().upper())
        if found is None:
            last = column_letter(len(self.table.header) - 1)
            self.problems.add(
                "bad_letter", ref.node, ref.where, value=shorten(ref.letter), last=last
            )
        return found


def unit_of(value: str, spec: MapSpec, unit_values: dict[str, str]) -> str | None:
    """The unit id an answer in the unit column stands for: the map's translation, or a unit's
    id, name or municipality as written (any case, with or without å ä ö)."""
    folded = fold(value)
    return spec.units.get(folded) or unit_values.get(folded)


def suggest_unit(value: str, workshop: LoadedWorkshop, unit_values: dict[str, str]) -> str | None:
    """The unit an unknown answer most likely means: one whose name stands in it, or the
    closest id, name or municipality."""
    found = match_unit(value, unit_values)
    if found is not None:
        unit = workshop.workshop.unit(found)
        return unit.name if unit else found
    units = workshop.workshop.units
    words = [u.name for u in units] + [u.id for u in units]
    words += [u.municipality for u in units if u.municipality]
    return did_you_mean(value, words)


def skip_form(answer: str) -> str:
    """How an answer is compared with the words to skip: folded, without end punctuation."""
    return fold(answer).strip(" .!?")


def skip_test(skip: frozenset[str]) -> Callable[[str], bool]:
    """Whether an answer is one of the words to skip (``skip_form(answer) in skip``), without
    folding the long answers most are: each ASCII letter or digit of an answer stays a letter
    or digit in its skip form, so an answer with more of them than the longest word to skip
    has is none of those words."""
    longest = max(map(len, skip), default=-1)

    def skipped(answer: str) -> bool:
        if answer.isascii():  # folding is lower-casing then
            return answer.strip().lower().strip(" .!?") in skip
        if len(answer) > longest and _ascii_alnum_count(answer) > longest:
            return False
        return skip_form(answer) in skip

    return skipped


def _ascii_alnum_count(text: str) -> int:
    """How many of the characters of ``text`` are ASCII letters or digits."""
    return len(text.encode("utf-8", "surrogatepass").translate(None, _NOT_ASCII_ALNUM))
