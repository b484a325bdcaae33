"""The rows of an export as respondents: each row one new anonymous respondent, each line or
"- bullet" of a cell one entry, answers such as "-", "vet ej" or "inget" skipped. Every cell that
cannot be an entry is a problem naming sheet, row, column and heading, what is wrong and how to
fix it. Only the columns the map names are looked at; the others are never read.

Each respondent carries a *mark*: a digest of the cells its row has in the mapped columns (the
unit, the answers, the importances), written before its entries so that a second import of the
same export adds nothing (see ``EntriesAppender.save_marked``)."""

from __future__ import annotations

import hashlib
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from hashlib import blake2b
from itertools import chain
from operator import add, itemgetter
from typing import Any

from swot.errors import Problem, shorten
from swot.files.appending import entry_error
from swot.files.imports.mapfile import Answer, ImportMap, skip_test, suggest_unit, unit_of
from swot.files.imports.tables import Table
from swot.files.located import display_path
from swot.files.messages import MESSAGES as FILE_MESSAGES
from swot.files.workshop import LoadedWorkshop
from swot.i18n import catalogue, say
from swot.models import MAX_TEXT_LENGTH, Entry, EntryValues, PendingEntries, entry_from_strings
from swot.texts import strip_control
from swot.vocabulary import Quadrant, Source

_BULLET_MARKS = "-–—•*·▪◦"
_BULLET = re.compile(rf"^(?:[{_BULLET_MARKS}]|\d{{1,2}}[.)])\s+")  # \d: what str.isdecimal takes
_IMPORTANCE = re.compile(r"^(\d+)(?:[.,]0+)?(?:\s*[^\d.,\s].*)?$")

MESSAGES = catalogue("files/imports/rows")
_IMPORTANCES = {str(value): value for value in range(1, 6)}
_UNSEEN = object()
Plain = tuple[str, Quadrant, Source]  # an answer column's theme id, quadrant and source
_intern = sys.intern


class Respondent:
    """The entries of one row, its unit, its spreadsheet row number and its mark. The mark
    may be given as a function that works it out when it is first asked for (a dry run of an
    export no file holds yet compares none)."""

    __slots__ = ("_mark", "entries", "new_respondent", "row", "unit")

    def __init__(
        self,
        row: int,
        unit: str,
        entries: Sequence[Entry],  # of a survey's row: PendingEntries, made when looked at
        mark: str | Callable[[], str],
        new_respondent: bool = True,  # False: entries of no respondent (workshop entries)
    ) -> None:
        self.row, self.unit, self.entries = row, unit, entries
        self._mark, self.new_respondent = mark, new_respondent

    @property
    def mark(self) -> str:
        if not isinstance(self._mark, str):
            self._mark = self._mark()
        return self._mark


@dataclass
class ReadRows:
    """What the rows gave: respondents, problems (with their row), and rows without answers."""

    respondents: list[Respondent] = field(default_factory=list)
    problems: list[tuple[int, Problem]] = field(default_factory=list)
    without_answers: int = 0
    already: dict[str, list[int]] = field(default_factory=dict)  # unit → rows its file holds

    @property
    def bad_rows(self) -> list[int]:
        return sorted({row for row, _ in self.problems})


def split_answers(cell: str) -> list[str]:
    """The answers typed into one cell: one per line, or one per "- bullet" (a line that
    continues a bullet belongs to it)."""
    if "\n" not in cell and "\r" not in cell:  # one line: most cells
        line = cell.strip()
        bullet = _BULLET.match(line)
        if bullet:
            line = line[bullet.end() :].strip()
        return [line] if line else []
    lines: list[str] = []
    items: list[str] = []  # the answers if any line is a bullet
    bulleted = False
    for line in cell.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = line.strip()
        if not line:
            continue
        lines.append(line)
        bullet = _BULLET.match(line)
        if bullet:
            bulleted = True
            items.append(line[bullet.end() :].strip())
        elif items:
            items[-1] = f"{items[-1]} {line}"
        else:
            items.append(line)
    return [item for item in items if item] if bulleted else lines


class RowReader:
    """Turns rows into respondents with one map; built once per import.

    An export may have 50,000 rows, so the work that is the same for many cells is done once:
    each answer column's theme, quadrant and source are checked when the reader is built, and
    each distinct unit or importance cell is read once (a unit column holds a few values). An
    export without problems is read a column at a time, each distinct cell of a column once
    ("vet ej", an answer many gave); one with problems row by row, which says where each is."""

    def __init__(
        self,
        table: Table,
        imap: ImportMap,
        workshop: LoadedWorkshop,
        round_id: str,
        lang: str,
        unit_values: dict[str, str],
    ) -> None:
        self.table = table
        self.imap = imap
        self.workshop = workshop
        self.round_id = round_id
        self.lang = lang
        self.unit_values = unit_values
        self.context = workshop.workshop.entry_context(lang)
        self.use_importance = workshop.workshop.importance != "off"
        self.mapped = imap.mapped_columns()
        self.map_file = display_path(imap.spec.path)
        self.columns: dict[str, int] = {}
        self.plan = [(answer, self.plain_column(answer)) for answer in imap.answers]
        self.units: dict[str, str | None] = {}  # a unit cell as written → its unit id
        self.importances: dict[str, str | None] = {}  # an importance cell → its digit
        self.mark_heads = [f"{table.header[c]}\x1e" for c in self.mapped]
        self.mark_cells = _cells_getter(self.mapped)
        self.mark_unit = "" if imap.spec.unit is None else f"\x1e{imap.spec.unit}"
        if self.mark_unit and self.mapped:
            self.mark_unit = f"\x1f{self.mark_unit}"
        self.skipped = skip_test(imap.spec.skip)
        # An answer as typed → its text, "" if it is none (skipped): many cells share a line
        self.answer_texts: dict[str, str] = {}

    def plain_column(self, answer: Answer) -> Plain | None:
        """The theme id, quadrant and source of every entry of this column, when the quick
        path of validation (``entry_from_strings``) takes its theme and quadrant: it then takes
        every answer ``answers`` lets through with every importance 1–5, so its entries are
        made directly. None: each entry goes through ``entry`` (which says what is wrong)."""
        data = {"theme": answer.theme, "quadrant": answer.quadrant.value, "text": "x"}
        probe = entry_from_strings(dict(data, source="survey"), self.context, "", "", 0)
        return None if probe is None else (probe.theme, probe.quadrant, probe.source)

    def read(self, recorded: Callable[[str], Counter[str]] | None = None) -> ReadRows:
        """Every row of the table, in order; with ``recorded`` (the marks a unit's file holds),
        the rows whose marks are there already are only counted (``ReadRows.already``): they
        were read and checked when they were imported, whatever the map says of them now."""
        width = max(self.mapped, default=-1) + 1
        padding = [""] * width
        # A CSV row may end early: its missing cells are empty.
        rows = [row if len(row) >= width else row + padding[len(row) :] for row in self.table.rows]
        numbers = [n for n, row in enumerate(rows, start=2) if any(map(str.strip, row))]
        already = self.already_there(numbers, rows, recorded) if recorded else {}
        if already:
            there = set(chain.from_iterable(already.values()))
            numbers = [n for n in numbers if n not in there]
        quick = self.read_by_column(numbers, [rows[n - 2] for n in numbers])
        found = quick if quick is not None else self.read_by_row(numbers, rows)
        found.already = already
        return found

    def already_there(
        self, numbers: list[int], rows: list[list[str]], recorded: Callable[[str], Counter[str]]
    ) -> dict[str, list[int]]:
        """The rows of ``numbers`` whose marks their unit's file holds, by unit. Only a mark the
        file holds as often as the unit's rows have it (or more) takes its rows out: with fewer,
        they are all read, and ``save_marked`` sees each (a mark held n times stands for the
        first n rows with it), so two who answered alike, one of them added later, are both
        imported."""
        marks = {unit.id: recorded(unit.id) for unit in self.workshop.workshop.units}
        if not any(marks.values()):  # no file with marks (the first run): nothing to look up
            return {}
        by_unit: dict[str, list[int]] = {}
        units = self.column_units([rows[n - 2] for n in numbers])
        for number, unit in zip(numbers, units, strict=True):
            if unit is not None:
                by_unit.setdefault(unit, []).append(number)
        already: dict[str, list[int]] = {}
        for unit, members in by_unit.items():
            held = marks.get(unit)
            if not held:  # a file without marks (or none): no mark worked out
                continue
            marks_of = [self.mark(rows[n - 2]) for n in members]
            count = Counter(marks_of)
            there = [
                n for n, mark in zip(members, marks_of, strict=True) if count[mark] <= held[mark]
            ]
            if there:
                already[unit] = there
        return already

    def read_by_row(self, numbers: list[int], rows: list[list[str]]) -> ReadRows:
        """``read``, row by row: each problem said where it is (rows: padded, all of them)."""
        result = ReadRows()
        # Each answer column's index, importance column, answer and quick values, taken once.
        plan = [(a.column, a.importance, a, plain) for a, plain in self.plan]
        answer_cells = _cells_getter([a.column for a in self.imap.answers])
        for number in numbers:  # the rows with a cell of more than spaces
            row = rows[number - 2]
            problems: list[Problem] = []
            respondent = self.respondent(number, row, problems, plan, answer_cells(row))
            if problems:
                problems.sort(key=lambda p: self.columns.get(p.where, 0))
                result.problems += [(number, p) for p in problems]
            elif respondent is None:
                result.without_answers += 1
            else:
                result.respondents.append(respondent)
        return result

    def read_by_column(self, numbers: list[int], rows: list[list[str]]) -> ReadRows | None:
        """``read`` of rows that have no problem (the usual export), a column at a time, each
        distinct cell of a column worked out once; None as soon as a cell would be a problem
        (``read_by_row`` then says which and where). ``rows``: those of ``numbers``."""
        units = self.column_units(rows)
        row_importances = self.column_importances(rows, self.imap.importance)
        if row_importances is None or any(plain is None for _, plain in self.plan):
            return None
        columns: list[list[Sequence[EntryValues]]] = []
        for answer, plain in self.plan:
            importances: list[int | None] | None = row_importances
            if answer.importance is not None:
                importances = self.column_importances(rows, answer.importance)
            found = None
            if importances is not None and plain is not None:
                found = self.column_entries_by_row(rows, answer.column, plain, importances)
            if found is None:
                return None
            columns.append(found)
        result = ReadRows()
        answer_columns = [a.column for a in self.imap.answers]
        # each row's entries: its cells' entries one after the other (made in C, row by row)
        each: Iterable[list[Entry | EntryValues]] = map(
            list, map(chain.from_iterable, zip(*columns, strict=True))
        )
        if not columns:
            each = ([] for _ in rows)
        for number, row, unit, entries in zip(numbers, rows, units, each, strict=True):
            if unit is None:
                if any(row[c].strip() for c in answer_columns):
                    return None  # a row with answers needs its unit
                result.without_answers += 1
            elif not entries:
                result.without_answers += 1
            else:
                pending = PendingEntries(entries, unit, self.round_id, number)
                mark = partial(self.mark, row)  # worked out if asked for
                result.respondents.append(Respondent(number, unit, pending, mark))
        return result

    def column_units(self, rows: list[list[str]]) -> list[str | None]:
        """Each row's unit (None: none, or one nobody can match)."""
        if self.imap.spec.unit is not None:
            return [self.imap.spec.unit] * len(rows)
        column = self.imap.unit_column
        assert column is not None
        return [self.unit_of_cell(row[column]) for row in rows]

    def column_importances(
        self, rows: list[list[str]], column: int | None
    ) -> list[int | None] | None:
        """Each row's importance 1–5 in ``column`` (None: empty or none); None if a cell is no
        importance or not written as a digit 1–5."""
        if column is None or not self.use_importance:
            return [None] * len(rows)
        cells = [row[column] for row in rows]
        values: dict[str, int | None] = {}
        for cell, row in {cell: row for cell, row in zip(cells, rows, strict=True)}.items():
            problems: list[Problem] = []
            digit = self.importance(0, row, column, problems)
            if problems or (digit is not None and digit not in _IMPORTANCES):
                return None  # ("05" is an importance, made as read_by_row makes it)
            values[cell] = None if digit is None else _IMPORTANCES[digit]
        return [values[cell] for cell in cells]

    def column_entries_by_row(
        self, rows: list[list[str]], column: int, plain: Plain, importances: list[int | None]
    ) -> list[Sequence[EntryValues]] | None:
        """The values of the entries of each row's cell in an answer column; None if a cell
        has a problem."""
        cells = [row[column] for row in rows]
        texts: dict[str, list[str]] = {}
        for cell in set(cells):
            if cell:
                problems: list[Problem] = []
                texts[cell] = [_intern(t) for t in self.answers(0, column, cell, problems)]
                if problems:
                    return None
        theme, quadrant, source = plain
        # The same cell with the same importance: the same (immutable) values, made once.
        made = {
            (cell, value): tuple([(theme, quadrant, text, value, source) for text in texts[cell]])
            if cell
            else ()
            for cell, value in set(zip(cells, importances, strict=True))
        }
        return list(map(made.__getitem__, zip(cells, importances, strict=True)))

    def respondent(
        self,
        number: int,
        row: list[str],
        problems: list[Problem],
        plan: list[tuple[int, int | None, Answer, Plain | None]],
        cells: Iterable[str],
    ) -> Respondent | None:
        """One row's respondent; None if it has no answers or has problems (added to
        ``problems``). ``row`` has a cell in every mapped column (``read`` pads it), ``cells``
        are its answer cells, in the order of ``plan``."""
        entries: list[Entry | EntryValues] = []
        unit = self.unit(number, row, problems)
        row_importance = self.importance(number, row, self.imap.importance, problems)
        importance = row_importance
        for (column, importance_column, answer, plain), cell in zip(plan, cells, strict=True):
            if importance_column is not None:
                importance = self.importance(number, row, importance_column, problems)
            if cell:
                texts = self.answers(number, column, cell, problems)
                if not texts:
                    pass
                elif plain is None or (importance is not None and importance not in _IMPORTANCES):
                    entries += self.column_entries(
                        answer, plain, texts, importance, unit, number, problems
                    )
                else:  # what column_entries makes: the values of the quick path's entries
                    theme, quadrant, source = plain
                    value = None if importance is None else _IMPORTANCES[importance]
                    entries += [(theme, quadrant, _intern(text), value, source) for text in texts]
            importance = row_importance
        if not entries or unit is None or problems:
            return None
        pending = PendingEntries(entries, unit, self.round_id, number)
        return Respondent(number, unit, pending, self.mark(row))

    def column_entries(
        self,
        answer: Answer,
        plain: Plain | None,
        texts: list[str],
        importance: str | None,
        unit: str | None,
        number: int,
        problems: list[Problem],
    ) -> list[Entry | EntryValues]:
        """The entries of one cell's answers (the values of those the quick path would make)."""
        if plain is None or (importance is not None and importance not in _IMPORTANCES):
            found = (self.entry(answer, t, importance, unit, number, problems) for t in texts)
            return [entry for entry in found if entry is not None]
        theme, quadrant, source = plain  # what entry_from_strings makes (see plain_column)
        value = None if importance is None else _IMPORTANCES[importance]
        return [(theme, quadrant, sys.intern(text), value, source) for text in texts]

    def unit(self, number: int, row: list[str], problems: list[Problem]) -> str | None:
        """The row's unit; a problem only in a row with answers (an empty row needs none)."""
        if self.imap.spec.unit is not None:
            return self.imap.spec.unit
        column = self.imap.unit_column
        assert column is not None
        cell = self.table.cell(row, column)
        found = self.unit_of_cell(cell)
        if found is None and any(self.table.cell(row, a.column).strip() for a in self.imap.answers):
            value = cell.strip()
            if value:
                problems.append(self.unknown_unit(value, number, column))
            else:
                problems.append(self.problem("no_unit", number, column))
        return found

    def unit_of_cell(self, cell: str) -> str | None:
        """The unit id a unit cell names (None: empty, or no unit matches), each cell read once."""
        found = self.units.get(cell, _UNSEEN)
        if found is _UNSEEN:
            value = cell.strip()
            found = unit_of(value, self.imap.spec, self.unit_values) if value else None
            self.units[cell] = found
        return found  # type: ignore[return-value]

    def unknown_unit(self, value: str, number: int, column: int) -> Problem:
        units = self.workshop.workshop.units
        guess = suggest_unit(value, self.workshop, self.unit_values)
        suggestion = say(FILE_MESSAGES, "did_you_mean", self.lang, word=guess) if guess else ""
        unit_id = next(
            (u.id for u in units if guess and guess in (u.name, u.id, u.municipality)),
            say(MESSAGES, "unit_id", self.lang),
        )
        example = f'"{shorten(value)}": {unit_id}'
        return self.problem(
            "unknown_unit",
            number,
            column,
            value=shorten(value),
            suggestion=suggestion,
            map=self.map_file,
            example=example,
            choices=", ".join(u.id for u in units),
        )

    def importance(
        self, number: int, row: list[str], column: int | None, problems: list[Problem]
    ) -> str | None:
        """An importance cell as the digit 1–5 ('4', '4.0', '4 – viktigt'), or None if empty."""
        if column is None or not self.use_importance:
            return None
        cell = self.table.cell(row, column)
        known = self.importances.get(cell, _UNSEEN)
        if known is not _UNSEEN:
            return known  # type: ignore[return-value]
        value = cell.strip()
        if not value:
            self.importances[cell] = None
            return None
        match = _IMPORTANCE.match(value)
        if match is None:
            problems.append(self.problem("int", number, column, value=shorten(value)))
            return None
        if not 1 <= int(match.group(1)) <= 5:
            problems.append(
                self.problem("range", number, column, value=match.group(1), low=1, high=5)
            )
            return None
        self.importances[cell] = match.group(1)
        return match.group(1)

    def answers(self, number: int, column: int, cell: str, problems: list[Problem]) -> list[str]:
        """The answers of a cell that are entries (not '-', 'vet ej', …), each checked."""
        cell = cell.strip()  # the same answers (line by line, each line is stripped)
        if not cell:
            return []
        first = cell[0]
        if first == "=" and len(cell) > 1:
            problems.append(self.problem("formula", number, column, value=shorten(cell)))
            return []
        if "\n" in cell or "\r" in cell or first in _BULLET_MARKS or first.isdecimal():
            lines = split_answers(cell)
        else:  # one line, no bullet: split_answers gives the cell itself (most cells)
            lines = [cell]
        found = []
        known = self.answer_texts
        for answer in lines:
            text = known.get(answer)
            if text is not None:
                if text:
                    found.append(text)
                continue
            text = strip_control(answer)
            if not text or self.skipped(text):
                known[answer] = ""
                continue
            if len(text) > MAX_TEXT_LENGTH:
                problems.append(
                    self.problem(
                        "too_long", number, column, length=len(text), limit=MAX_TEXT_LENGTH
                    )
                )
                continue
            known[answer] = text
            found.append(text)
        return found

    def entry(
        self,
        answer: Answer,
        text: str,
        importance: str | None,
        unit: str | None,
        number: int,
        problems: list[Problem],
    ) -> Entry | None:
        data: dict[str, Any] = {
            "theme": answer.theme,
            "quadrant": answer.quadrant.value,
            "text": text,
            "importance": importance,
            "source": "survey",
        }
        entry = entry_from_strings(data, self.context, unit or "", self.round_id, number)
        if entry is not None:
            return entry
        unit = unit or ""
        message = entry_error(dict(data, unit=unit, round=self.round_id), self.workshop, self.lang)
        if message is None:
            return Entry.model_validate(
                dict(data, unit=unit, round=self.round_id, line=number), context=self.context
            )
        problems.append(self.problem("entry", number, answer.column, message=message))
        return None

    def problem(self, key: str, number: int, column: int, **params: object) -> Problem:
        hint = f"{key}.hint"
        where = self.table.place(self.lang, number, column)
        self.columns[where] = column  # to list a row's problems from left to right
        return Problem(
            self.table.file,
            say(MESSAGES, key, self.lang, **params),
            say(MESSAGES, hint, self.lang, **params) if hint in MESSAGES else "",
            where=where,
            code=key,
        )

    def mark(self, row: list[str]) -> str:
        """``row_mark`` of the mapped columns, with their headings taken once (``row`` has a
        cell in every mapped column)."""
        cells = map(str.strip, self.mark_cells(row))
        text = "\x1f".join(map(add, self.mark_heads, cells)) + self.mark_unit
        return blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


def _cells_getter(columns: list[int]) -> Callable[[list[str]], Iterable[str]]:
    """The cells of a row in ``columns``, as a sequence (``itemgetter`` gives a lone cell alone)."""
    if len(columns) == 1:
        return lambda row: (row[columns[0]],)
    return itemgetter(*columns) if columns else lambda row: ()


def row_mark(table: Table, row: list[str], columns: Iterable[int], unit: str | None = None) -> str:
    """A digest of a row's cells in ``columns`` (with their headings): the same answers in the
    same columns give the same mark, whatever else the row holds (times, names, e-mail)."""
    parts = [f"{table.header[c]}\x1e{table.cell(row, c).strip()}" for c in columns]
    if unit is not None:
        parts.append(f"\x1e{unit}")
    return hashlib.blake2b("\x1f".join(parts).encode("utf-8"), digest_size=8).hexdigest()


def narrow_rows(
    table: Table, imap: ImportMap, workshop: LoadedWorkshop, round_id: str, lang: str
) -> ReadRows:
    """An export in swot's own layout (one entry per row), read as ``swot collect --from`` reads
    it; the rows of one respondent id are one respondent, a row without one is one entry."""
    from swot.files.csv_entries import entries_from_table

    groups, _ = entries_from_table(
        table.path,
        table.header,
        table.rows,
        workshop,
        round_id,
        lang,
        unit=imap.spec.unit,
        defaults={"theme": imap.spec.theme},
    )
    result = ReadRows()
    for group in groups.values():
        result.problems += [(p.line or 0, p) for p in group.problems if p.severity == "error"]
    columns = imap.fields
    batches: dict[tuple[str, str], list[Entry]] = {}
    for unit, group in groups.items():
        for entry in group.entries:
            batches.setdefault((unit, entry.respondent or f"row {entry.line}"), []).append(entry)
    for (unit, respondent), entries in batches.items():
        marks = [row_mark(table, table.rows[e.line - 2], columns, imap.spec.unit) for e in entries]
        mark = hashlib.blake2b("".join(marks).encode(), digest_size=8).hexdigest()
        named = not respondent.startswith("row ")
        result.respondents.append(Respondent(entries[0].line, unit, entries, mark, named))
    result.respondents.sort(key=lambda r: r.row)
    return result
