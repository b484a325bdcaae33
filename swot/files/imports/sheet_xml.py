"""The cells of a worksheet read straight from its XML, for workbooks that are plain tables.

openpyxl reads every part of a workbook (which sheets there are, their names and files, the
styles that make a number a date, the date system) and reads anything unusual. Its cell reader
builds XML elements for every cell of every row: 10 s for the 800,000 cells of a 50,000-row
export. Here the shared strings and a sheet's rows are read with patterns for the XML that
Excel, Microsoft Forms, Google Sheets, LimeSurvey and openpyxl write: rows of cells with a
reference (``<c r="F12" s="1" t="s"><v>7</v></c>``), a value or an inline string. Anything else
in them (a formula, rich text in a cell, a cell without its reference, a comment, a namespace
of its own, text that is not valid XML) makes the reader give up (``NotPlain``) and openpyxl
reads that part as before, so the table is the same either way:
``tests/test_import_xlsx_reader.py`` compares both on every workbook the tests write and on
generated ones. Values are converted as openpyxl's ``parse_cell`` converts them (its own
functions, or the same arithmetic for serial date-times: ``ExcelDates``) and turned into text
as ``tables._text`` turns openpyxl's values.

Python touches each of 800,000 cells as little as it can (≈ 1.2 s here, from 3.3-3.9 s; the
figures are in benchmarks/README.md): a block of rows is cut with one ``re.split`` at every
cell reference and row end; when each row has a cell in each of its first columns (openpyxl and
Forms write so), a column is a slice of that list. The text after a reference (attributes and
value) is all a cell's text depends on, so each distinct one is read once and remembered;
a column whose texts are all new (an id, a time, an e-mail address) is read straight, not
remembered. Texts that start alike are read together with ``str`` methods and C maps
(``uniform_texts``), others with one ``findall``. The collector is paused meanwhile.

Outside the rows a sheet is read by openpyxl's own sheet parser (with the rows left out), so a
sheet it would refuse is refused the same way; so are the shared strings it would refuse.
"""

from __future__ import annotations

import datetime as dt
import gc
import io
import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from itertools import repeat
from operator import add, getitem, le, lt, mul, sub
from typing import Any, NamedTuple, cast

from openpyxl.reader.excel import ExcelReader
from openpyxl.reader.strings import read_string_table
from openpyxl.utils.cell import get_column_letter
from openpyxl.utils.datetime import WINDOWS_EPOCH, from_excel, from_ISO8601
from openpyxl.worksheet._reader import WorkSheetParser, _cast_number
from openpyxl.xml.constants import SHARED_STRINGS

_BLOCK = 1 << 20  # bytes read at a time: a sheet is never held whole
_MAX_REMEMBERED = 200_000  # cell texts remembered (≈ 30 MB) before they are forgotten (and a
# tenth as many patterns of columns of rows with cells left out)
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

# A row and its cells as the writers write them. Attributes are matched loosely here (no "<",
# ">" or "/" in them) and checked once per distinct text (``_SheetReader.attributes``).
_ROW_START = re.compile(r'\s*((?:<row r="[0-9]+"[^<>/]*/>\s*)*)<row r="([0-9]+)"([^<>/]*)>\s*')
_EMPTY_ROWS = re.compile(r'\s*((?:<row r="[0-9]+"[^<>/]*/>\s*)*)')
_EMPTY_ROW = re.compile(r'<row r="([0-9]+)"([^<>/]*)/>')
# Rows are cut at each cell's reference and at each row's end. A reference's column letters are
# kept, not its row's number (openpyxl puts a cell in its column of the row it is reading).
_CUT = re.compile(r'<c r="([A-Z]{1,3})[0-9]+"|</row>')
# What follows a reference, up to the next one: the cell's other attributes and its content
# (a value or an inline string), then white space. Each distinct such text is read once, many at
# a time, each between two NULs (no XML text holds one): as each match starts at a NUL and ends
# before one, as many matches as texts is each text matched whole.
_CELL_REST = re.compile(
    r"\x00([^<>/]*)"
    r"(?:/>|>(?:<v>([^<]*)</v>|<v/>|<is>(?:<t(?: xml:space=\"preserve\")?>([^<]*)</t>"
    r"|<t/>)?</is>|<is/>)?</c>)\s*(?=\x00)"
)
# An attribute: no entity, no white space in the value, never a namespace declaration (that
# would change what the elements inside it are).
_ATTRIBUTE = r'\s+(?!xmlns)[A-Za-z_][\w.:-]*="[^"<>&/\t\n\r]*"'
_ATTRIBUTES_TEXT = re.compile(r"(?:" + _ATTRIBUTE + r")*\s*")
_ATTRIBUTES = re.compile(r'\s+([A-Za-z_][\w.:-]*)="([^"]*)"')
# The bytes of XML 1.0 text: every byte but the control characters XML does not have (the
# characters U+FFFE and U+FFFF, and "]]>", are looked for once the text is decoded).
_XML_BYTES = bytes(b for b in range(256) if b >= 0x20 or b in b"\t\n\r")
_REFERENCE = re.compile(r"&(?:#([0-9]+)|#x([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));|&")
_REFERENCES = re.compile(r"&(?:#[0-9]+|#x[0-9a-fA-F]+|amp|lt|gt|quot|apos);")
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
_DECLARATION = re.compile(rb"<\?xml[^>]*?encoding=[\"']([^\"']*)[\"']")


class NotPlain(Exception):
    """The XML is not in the shape read here: openpyxl reads it."""


class WorkbookReader(ExcelReader):
    """``load_workbook(path, read_only=True)``, with the shared strings read here when they
    are plain (openpyxl makes an object of each one)."""

    def read_strings(self) -> None:
        part = self.package.find(SHARED_STRINGS)
        if part is None:
            return
        name = part.PartName[1:]
        try:
            self.shared_strings = shared_strings(self.archive.read(name))
        except NotPlain:
            with self.archive.open(name) as source:
                self.shared_strings = read_string_table(source)


def load_book(path: Any) -> Any:
    """The workbook as ``openpyxl.load_workbook(path, read_only=True, data_only=False)``."""
    reader = WorkbookReader(path, read_only=True, data_only=False)
    reader.read()
    return reader.wb


# ---------------------------------------------------------------- shared strings

_RUN_ATTRIBUTE = r'\s+[A-Za-z_][\w.-]*="[^"<&\t\n\r]*"'  # of a run's format: no prefix
_STRING = re.compile(
    r"<si>(?:<t(?: xml:space=\"preserve\")?>([^<]*)</t>|<t/>|((?:<r>(?:<rPr>(?:<[A-Za-z]+"
    r"(?:" + _RUN_ATTRIBUTE + r")*/>)*</rPr>)?<t(?: xml:space=\"preserve\")?>[^<]*</t></r>)+))?"
    r"</si>|\s+|([\s\S])"
)
_RUN_TEXT = re.compile(r"<t(?: xml:space=\"preserve\")?>([^<]*)</t>")


def shared_strings(data: bytes) -> list[str]:
    """The shared strings of a workbook as openpyxl's ``read_string_table`` reads them (its
    ``x005F_`` quirk included): plain strings and runs of formatted text; raises ``NotPlain``
    for any other shape."""
    start, end = data.find(b"<si>"), data.rfind(b"</si>")
    if start < 0 or end < start:
        raise NotPlain("no <si>")
    _check_declaration(data[:start])
    inside = _text(data[start : end + len(b"</si>")])
    _check_strings_outside(data[:start] + data[end + len(b"</si>") :])
    strings = []
    for plain, runs, other in _STRING.findall(inside):
        if other:
            raise NotPlain(other)
        strings.append("".join(_RUN_TEXT.findall(runs)) if runs else plain)
    return [text.replace("x005F_", "") for text in _unescape_all(strings)]


def _check_strings_outside(outside: bytes) -> None:
    """The part without its strings must be an ``sst`` of nothing else that openpyxl reads."""
    from xml.etree.ElementTree import fromstring

    _text(outside)
    try:
        root = fromstring(outside)
    except Exception as error:  # openpyxl says what is wrong
        raise NotPlain(error) from None
    if root.tag != f"{{{MAIN}}}sst" or next(root.iter(f"{{{MAIN}}}si"), None) is not None:
        raise NotPlain(root.tag)


# ---------------------------------------------------------------- a sheet's rows


def sheet_texts(book: Any, worksheet: Any, texts: Callable[[object], str], limit: int) -> Any:
    """The rows of ``worksheet`` as ``[texts(v) for v in row]`` over its
    ``iter_rows(values_only=True)``; None when openpyxl must read them (``NotPlain``).
    Raises ``OverflowError`` past ``limit`` rows."""
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    if type(worksheet) is not ReadOnlyWorksheet:  # a chart sheet: openpyxl says what it is
        return None
    collecting = gc.isenabled()
    gc.disable()  # a million new lists and tuples, no cycle among them: the collector would
    try:  # walk them over and over (0.05-0.15 s of a 50,000-row sheet's 1.2 s)
        return _SheetReader(book, worksheet, texts).rows(limit)
    except NotPlain:
        return None
    finally:
        if collecting:
            gc.enable()


class _Kind(NamedTuple):
    """What a cell's attributes (besides its reference) say of its value."""

    data_type: str  # "n", "s", "inlineStr", "b", "d", "str", "e"
    style: int | str
    plain_number: bool  # a number that is no date
    date_time: bool  # a number that is a date and time (not a duration)


class _Row(NamedTuple):
    """A row as cut: its number, its cells' column letters (None: A, B, C… in order) and the
    text after each cell's reference."""

    number: int
    letters: list[str] | None
    cells: list[str]


class _Columns(dict[str, int]):
    """Column letters → 0-based index: 'A' → 0, 'Z' → 25, 'AA' → 26 (as openpyxl's
    ``column_index_from_string``, less one), each worked out when first asked for."""

    def __missing__(self, letters: str) -> int:
        index = 0
        for letter in letters:
            index = index * 26 + ord(letter) - ord("A") + 1
        self[letters] = index - 1
        return index - 1


class _SheetReader:
    """One sheet's rows, read a block of rows at a time."""

    def __init__(self, book: Any, worksheet: Any, texts: Callable[[object], str]) -> None:
        self.worksheet = worksheet
        self.strings: list[str] = worksheet._shared_strings
        self.epoch = book.epoch
        self.dates: set[int] = book._date_formats
        self.durations: set[int] = book._timedelta_formats
        self.texts = texts
        self.columns = _Columns()  # column letters → 0-based index
        self.placements: dict[tuple[str, ...], list[int]] = {}  # see ``placement``
        self.orders: dict[int, list[str]] = {}  # n → the letters of the first n columns
        self.kinds: dict[str, _Kind] = {}  # a cell's attributes → its kind
        self.cell_texts: dict[str, str] = {}  # the text after a cell's reference → its text
        self.serials = ExcelDates(self.epoch)
        self.width: int | None = worksheet.max_column
        self.empty = texts(None)
        self.checked: set[str] = set()  # row attributes already checked
        self.prefixes: bytes = b""  # the start of the sheet, where its namespaces are declared

    def rows(self, limit: int) -> list[list[str]]:
        """The rows ``iter_rows(values_only=True)`` yields, as texts (see ``_cells_by_row``)."""
        max_col, max_row = self.width, self.worksheet.max_row
        empty = [] if max_col is None else [self.texts(None)] * max_col
        rows: list[list[str]] = []
        counter, number = 1, 1
        for number, row in self.sheet_rows():
            if max_row is not None and number > max_row:
                break
            while counter < number:  # rows the sheet leaves out
                rows.append(list(empty))
                counter += 1
                if len(rows) > limit:
                    raise OverflowError(limit)
            if counter <= number:
                rows.append(row)
                counter += 1
            if len(rows) > limit:
                raise OverflowError(limit)
        if max_row is not None and max_row < number:
            rows += [list(empty) for _ in range(counter, max_row + 1)]
        if len(rows) > limit:
            raise OverflowError(limit)
        return rows

    def sheet_rows(self) -> Iterator[tuple[int, list[str]]]:
        """(row number, texts) of each row element, in the file's order."""
        for chunk in self.chunks():  # each ends where a row ends
            yield from self.chunk_rows(chunk)

    def chunk_rows(self, chunk: str) -> list[tuple[int, list[str]]]:
        """The rows of a block of rows, cut at each cell's reference and each row's end."""
        parts = _CUT.split(chunk)
        head, letters, cells = parts[0], parts[1::2], parts[2::2]  # a row's end: letters None
        count = _index(letters.index, 0)  # the first row's cells
        rows = self.even_rows(head, letters, cells, count) if count > 0 else None
        if rows is None:
            rows = self.any_rows(head, letters, cells)
        if len(self.cell_texts) > _MAX_REMEMBERED:
            self.cell_texts.clear()
        if len(self.placements) > _MAX_REMEMBERED // 10:
            self.placements.clear()
        return rows

    def even_rows(
        self, head: str, letters: list[str | None], cells: list[str], count: int
    ) -> list[tuple[int, list[str]]] | None:
        """The rows when each has a cell in each of its first ``count`` columns, in order, and
        nothing else (so one list slice is one column's cells); else None. Each distinct text
        after a reference is read once (``read_cells``), then looked up."""
        stride, order = count + 1, self.in_order(count)
        number_of_rows = len(letters) // stride
        if len(letters) % stride or letters.count(None) != number_of_rows:
            return None
        if any(letters[i::stride].count(order[i]) != number_of_rows for i in range(count)):
            return None
        heads = [head, *cells[count::stride]]  # the last: what comes after the last row
        numbers = self.row_numbers(heads[:-1])
        if -1 in numbers:  # rows without cells in between, or row attributes not seen yet
            return None
        columns = [cells[i::stride] for i in range(count)]
        pending: set[str] = set()
        once: dict[int, list[str]] = {}  # columns of texts met once here: an id, a time
        for i, column in enumerate(columns):
            distinct = set(column)
            if len(distinct) == len(column):
                once[i] = self.texts_of(column)  # (not remembered: never looked up again)
            else:
                pending |= distinct
        self.read_cells(pending.difference(self.cell_texts))
        text_of = self.cell_texts.__getitem__
        texts = [once.get(i) or list(map(text_of, column)) for i, column in enumerate(columns)]
        rows = list(map(list, zip(*texts, strict=True)))
        if self.width is not None and self.width != count:
            rows = [self.row(None, row) for row in rows]
        return [*zip(numbers, rows, strict=True), *self.tail(heads[-1])]

    def any_rows(
        self, head: str, letters: list[str | None], cells: list[str]
    ) -> list[tuple[int, list[str]]]:
        """The rows, row by row: cells left out, out of order, rows without cells."""
        bounds: list[tuple[int, int]] = []  # where each row's cells are
        heads = [head]  # what comes before each row's cells (the last: after the last row)
        start, end_of = 0, letters.index
        while (end := _index(end_of, start)) >= 0:
            bounds.append((start, end))
            heads.append(cells[end])
            start = end + 1
        if start < len(letters):  # cells after the last row's end
            raise NotPlain(heads[-1][:40])
        numbers = self.row_numbers(heads[:-1]) if bounds else []
        found: list[_Row] = []
        pending: set[str] = set()
        for (start, end), head, number in zip(bounds, heads, numbers, strict=False):
            if number < 0:  # rows without cells before it, or attributes not seen yet
                number = self.row_start(head, found)
            row_letters = cast(list[str], letters[start:end])  # no row's end among them
            row_cells = cells[start:end]
            in_order = row_letters == self.in_order(end - start)
            found.append(_Row(number, None if in_order else row_letters, row_cells))
            pending.update(row_cells)
        self.read_cells(pending.difference(self.cell_texts))
        text_of = self.cell_texts.__getitem__
        rows = [
            (number, self.row(row_letters, list(map(text_of, row_cells))))
            for number, row_letters, row_cells in found
        ]
        return rows + self.tail(heads[-1])

    def tail(self, text: str) -> list[tuple[int, list[str]]]:
        """The rows without cells in what comes after the last row's end."""
        rest = _EMPTY_ROWS.fullmatch(text)
        if rest is None:
            raise NotPlain(text[:40])
        return [(number, self.row(None, [])) for number, _, _ in self.empty_rows(rest.group(1))]

    def row_numbers(self, heads: list[str]) -> list[int]:
        """``row_number`` of each head; most often the rows are numbered one after the other,
        and all heads are compared at once with what they would then be."""
        first, (written, _, rest) = self.row_number(heads[0]), heads[0][8:].partition('"')
        if first >= 0 and written == str(first):
            numbers = range(first, first + len(heads))
            form = '<row r="%d"' + rest.replace("%", "%%")
            if "\x00".join(heads) == "\x00".join(map(form.__mod__, numbers)):
                return list(numbers)
        return list(map(self.row_number, heads))

    def row_number(self, head: str) -> int:
        """The number of the row ``head`` starts, or -1 unless it is just the start of a row
        (``<row r="12">``, or with attributes seen before)."""
        number, _, rest = head[8:].partition('"')
        if (
            head.startswith('<row r="')
            and number.isdigit()
            and number.isascii()
            and (rest == ">" or (rest[-1:] == ">" and rest[:-1] in self.checked))
        ):
            return int(number)
        return -1

    def row_start(self, head: str, found: list[_Row]) -> int:
        """The number of the row that ``head`` starts; rows without cells before it (``<row
        r="3"/>``) are added to ``found``."""
        number = self.row_number(head)
        if number >= 0:
            return number
        start = _ROW_START.fullmatch(head)
        if start is None:
            raise NotPlain(head[:40])
        found += self.empty_rows(start.group(1))
        self.check_attributes(start.group(3))
        return int(start.group(2))

    def empty_rows(self, text: str) -> list[_Row]:
        found: list[_Row] = []
        for number, attributes in _EMPTY_ROW.findall(text):
            self.check_attributes(attributes)
            found.append(_Row(int(number), [], []))
        return found

    def row(self, letters: list[str] | None, texts: list[str]) -> list[str]:
        """A row's texts in their columns (``_get_row``): as many as the sheet says it has (else
        up to the row's last cell)."""
        width, count = self.width, len(texts)
        if letters is None:  # in order from column A
            if width is None or count == width:
                return texts
            if count < width:
                return texts + [self.empty] * (width - count)
            del texts[width:]
            return texts
        key = tuple(letters)
        take = self.placements.get(key) or self.placement(key)
        texts.append(self.empty)  # (what a column without a cell takes)
        return list(map(texts.__getitem__, take))

    def placement(self, letters: tuple[str, ...]) -> list[int]:
        """For each column of a row whose cells have these letters, which cell it takes (the
        last in that column), or the one after the last (none)."""
        columns = [self.columns[column_letters] for column_letters in letters]  # 0-based
        width = self.width
        if width is None:  # a sheet that does not say how wide: up to the row's last cell
            width = columns[-1] + 1 if columns else 0
        cell_of = {column: cell for cell, column in enumerate(columns)}
        take = self.placements[letters] = [cell_of.get(i, len(letters)) for i in range(width)]
        return take

    def in_order(self, count: int) -> list[str]:
        """The letters of the first ``count`` columns: ['A', 'B', …]."""
        letters = self.orders.get(count)
        if letters is None:
            letters = self.orders[count] = [get_column_letter(i) for i in range(1, count + 1)]
        return letters

    def read_cells(self, cells: set[str]) -> None:
        """Remembers the text of each cell in ``cell_texts``. Sorted, the cells that start
        alike (the same attributes, a value or an inline string) stand together: each such
        run is read at once (most often by ``uniform_texts``)."""
        ordered = sorted(cells)
        texts: list[str] = []
        while len(texts) < len(ordered):
            first = ordered[len(texts)]
            start = _start(first)
            end = bisect_left(ordered, start + "\U0010ffff", len(texts))  # all that start so
            texts += self.texts_of(ordered[len(texts) : max(end, len(texts) + 1)])
        self.cell_texts.update(zip(ordered, texts, strict=True))

    def texts_of(self, cells: list[str]) -> list[str]:
        """The text of each cell (the text after its reference) as openpyxl's ``parse_cell``
        and ``tables._text`` make it."""
        if not cells:
            return []
        try:
            texts = self.uniform_texts(cells)
            if texts is not None:
                return texts
            found = _CELL_REST.findall("\x00" + "\x00".join(cells) + "\x00")
            if len(found) != len(cells):  # one is not the shape read here
                raise NotPlain("cell")
            return self.converted(found)
        except (ValueError, OverflowError, IndexError) as error:  # no number, no such string
            raise NotPlain(error) from None

    def uniform_texts(self, cells: list[str]) -> list[str] | None:
        """The texts of cells that all have the first one's attributes and a value or an
        inline string (``<v>…</v></c>``, ``<is><t>…</t></is></c>``), as ``converted`` makes
        them: each cell's value cut out, and those of one kind made texts together; else None.
        (A column of e-mail addresses, names, ids or times is most often such.)"""
        start = _start(cells[0])
        attributes, _, rest = start.partition(">")
        inline = rest == "<is><t>"
        end = "</t></is></c>" if inline else "</v></c>"
        if not rest or not (
            all(map(str.startswith, cells, repeat(start)))
            and all(map(str.endswith, cells, repeat(end)))
        ):
            return None
        values: list[str] = list(map(getitem, cells, repeat(slice(len(start), -len(end)))))
        joined = "".join(values)
        kind = self.kinds.get(attributes) or self.kind(attributes)
        if "<" in joined or (kind.data_type == "inlineStr") != inline:
            return None
        if inline:
            return _unescape_all(values) if "&" in joined else values
        if not all(values):  # <v></v> is no value
            return None
        if kind.data_type == "s":
            return list(map(self.strings.__getitem__, map(int, values)))
        if (
            kind.plain_number
            and joined.isdigit()
            and joined.isascii()
            and not any(map(str.startswith, values, repeat("0")))
        ):
            return values  # integers, written as str(int(value)) writes them
        if kind.date_time and "&" not in joined:
            texts = self.serials.texts(values)
            if None not in texts:
                return cast(list[str], texts)
        return None

    def converted(self, found: list[tuple[str, str, str]]) -> list[str]:
        """The texts of cells read as (attributes, value, inline string)."""
        empty, kinds, date_time, strings = self.empty, self.kinds, self.serials.text, self.strings
        texts: list[str] = []
        escaped: list[int] = []  # where the inline strings with references are
        for attributes, value, inline in found:
            kind = kinds.get(attributes) or self.kind(attributes)
            if kind.data_type == "inlineStr":  # <is/> and <is><t/></is> are ""
                if "&" in inline:
                    escaped.append(len(texts))
                texts.append(inline)
            elif not value:
                texts.append(empty)
            elif kind.data_type == "s" and "&" not in value:
                texts.append(strings[int(value)])
            elif kind.plain_number and value.isdigit() and value.isascii() and value[0] != "0":
                texts.append(value)  # an integer, written as str(int(value)) writes it
            elif kind.date_time and (text := date_time(value)) is not None:
                texts.append(text)
            else:  # converted even outside the row's width: openpyxl refuses what it cannot
                texts.append(self.text(kind, value))
        if escaped:
            unescaped = _unescape_all([texts[i] for i in escaped])
            for i, text in zip(escaped, unescaped, strict=True):
                texts[i] = text
        return texts

    def text(self, kind: _Kind, value: str) -> str:
        try:
            return self.texts(self.value(kind.data_type, kind.style, _unescape(value)))
        except (ValueError, IndexError, OverflowError, TypeError) as error:
            raise NotPlain(error) from None  # openpyxl says what is wrong (or warns)

    def value(self, data_type: str, style: int | str, value: str) -> object:
        if data_type == "n":
            number = _cast_number(value)
            if style in self.dates:
                return from_excel(number, self.epoch, timedelta=style in self.durations)
            return number
        if data_type == "s":
            return self.strings[int(value)]
        if data_type == "b":
            return bool(int(value))
        if data_type == "d":
            return from_ISO8601(value)
        return value  # "str", "e" and types openpyxl does not know keep their text

    def kind(self, attributes: str) -> _Kind:
        """A cell's type and style from its attributes (besides its reference)."""
        found = self.attributes(attributes)
        style: int | str = found.get("s", 0)
        if style:
            try:
                style = int(style)
            except ValueError:
                raise NotPlain(style) from None
        data_type = found.get("t", "n")
        date = data_type == "n" and style in self.dates
        kind = _Kind(
            data_type, style, data_type == "n" and not date, date and style not in self.durations
        )
        self.kinds[attributes] = kind
        return kind

    def check_attributes(self, attributes: str) -> None:
        if attributes and attributes not in self.checked:
            self.attributes(attributes)
            self.checked.add(attributes)

    def attributes(self, attributes: str) -> dict[str, str]:
        """The attributes, refusing what this reader does not read and what no XML parser
        takes: one given twice, a prefix the sheet does not declare."""
        if _ATTRIBUTES_TEXT.fullmatch(attributes) is None:
            raise NotPlain(attributes)
        pairs = _ATTRIBUTES.findall(attributes)
        found = dict(pairs)
        if len(found) != len(pairs) or "r" in found:
            raise NotPlain(attributes)
        for name in found:
            prefix, colon, _ = name.partition(":")
            if colon and f"xmlns:{prefix}=".encode() not in self.prefixes:
                raise NotPlain(name)
        return found

    def chunks(self) -> Iterator[str]:
        """The text of the sheet's rows, in pieces that end where a row ends; checks the rest of
        the sheet with openpyxl's own parser."""
        with self.worksheet._get_source() as source:
            buffer = source.read(_BLOCK)
            while (start := buffer.find(b"<sheetData>")) < 0:
                more = source.read(_BLOCK)
                if not more or len(buffer) > 16 * _BLOCK:
                    raise NotPlain("no <sheetData>")
                buffer += more
            self.prefixes = buffer[:start]
            _check_declaration(self.prefixes)
            buffer = buffer[start + len(b"<sheetData>") :]
            while (end := buffer.find(b"</sheetData>")) < 0:
                cut = buffer.rfind(b"</row>")
                if cut >= 0:
                    cut += len(b"</row>")
                    yield _text(buffer[:cut])
                    buffer = buffer[cut:]
                more = source.read(_BLOCK)
                if not more:
                    raise NotPlain("no </sheetData>")
                buffer += more
            yield _text(buffer[:end])
            rest = buffer[end + len(b"</sheetData>") :] + source.read()
        self.check_outside(self.prefixes + b"<sheetData/>" + rest)

    def check_outside(self, outside: bytes) -> None:
        """The sheet without its rows, through openpyxl's sheet parser: what it would refuse
        (or read as rows) there is left to it."""
        _text(outside)
        parser = WorkSheetParser(io.BytesIO(outside), self.strings)
        try:
            if next(parser.parse(), None) is not None:
                raise NotPlain("rows outside <sheetData>")
        except NotPlain:
            raise
        except Exception as error:  # whatever openpyxl raises, it raises again reading the sheet
            raise NotPlain(error) from None
        from xml.etree.ElementTree import fromstring

        root = fromstring(outside)
        if root.tag != f"{{{MAIN}}}worksheet" or root.find(f"{{{MAIN}}}sheetData") is None:
            raise NotPlain(root.tag)


def _check_declaration(start: bytes) -> None:
    """Only UTF-8 is read here (what every writer uses)."""
    declared = _DECLARATION.search(start[:200])
    if declared is not None and declared.group(1).lower() not in (b"utf-8", b"utf8"):
        raise NotPlain(declared.group(1))


def _text(data: bytes) -> str:
    """XML bytes as the text an XML parser sees: UTF-8, line ends as LF; refused if they hold
    what is not XML text."""
    if data.translate(None, _XML_BYTES):
        raise NotPlain("not XML text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise NotPlain(error) from None
    if "\ufffe" in text or "\uffff" in text or "]]>" in text:  # (instant in text of Latin-1)
        raise NotPlain("not XML text")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _unescape_all(texts: list[str]) -> list[str]:
    """``[_unescape(text) for text in texts]``, all at once: each distinct reference is read
    once and replaced with ``str.replace`` (those that stand for "&" last, in one pass, so that
    what they make is never read again)."""
    if not texts:
        return []
    joined = "\x00".join(texts)  # no XML text holds a NUL, nor does a reference make one
    if "&" not in joined:
        return list(texts)
    references = _REFERENCES.findall(joined)
    if len(references) != joined.count("&"):  # an "&" that starts no reference
        return [_unescape(text) for text in texts]  # (it raises NotPlain)
    ampersands = []
    for reference in set(references):
        character = _reference(_REFERENCE.fullmatch(reference))  # type: ignore[arg-type]
        if character == "&":
            ampersands.append(re.escape(reference))
        else:
            joined = joined.replace(reference, character)
    if ampersands:
        joined = re.sub("|".join(ampersands), "&", joined)
    return joined.split("\x00")


def _unescape(text: str) -> str:
    """Text with its character and entity references replaced, as an XML parser does."""
    if "&" not in text:
        return text
    return _REFERENCE.sub(_reference, text)


def _reference(match: re.Match[str]) -> str:
    decimal, hexadecimal, name = match.groups()
    if name:
        return _NAMED[name]
    if not decimal and not hexadecimal:
        raise NotPlain("&")
    code = int(decimal) if decimal else int(hexadecimal, 16)
    if not (
        code in (0x9, 0xA, 0xD)
        or 0x20 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or 0x10000 <= code <= 0x10FFFF
    ):
        raise NotPlain(f"&#{code};")
    return chr(code)


def _start(cell: str) -> str:
    """How the text after a cell's reference starts: its attributes, then ``><v>`` or
    ``><is><t>`` (those read by ``uniform_texts``), else just ``>``."""
    attributes, close, rest = cell.partition(">")
    for content in ("<v>", "<is><t>"):
        if rest.startswith(content):
            return attributes + close + content
    return attributes + close


def _index(index: Callable[[None, int], int], start: int) -> int:
    """Where the next row ends (``list.index``), or -1."""
    try:
        return index(None, start)
    except ValueError:
        return -1


# ---------------------------------------------------------------- dates


class ExcelDates:
    """The text ``tables._text`` gives of what openpyxl's ``from_excel`` makes of a serial
    date-time (not a duration), worked out with the same arithmetic: each day's date and each
    time of day written once. ``tests/test_import_xlsx_reader.py`` compares both."""

    _LAST = 2_900_000  # serials read here end in the year 9839; later ones are openpyxl's

    def __init__(self, epoch: dt.datetime) -> None:
        self.epoch = epoch
        self.leap_bug = epoch == WINDOWS_EPOCH  # 1900 was no leap year: Excel says it was
        self.dates: dict[int, str] = {}
        self.times: dict[int, str] = {}

    def text(self, value: str) -> str | None:
        """The text of the serial written as ``value``; None for one before 0 or after the years
        read here, or written with a character reference. Raises ``ValueError`` for no number."""
        if "&" in value:
            return None
        serial = float(value) if "." in value or "E" in value or "e" in value else int(value)
        if 60 <= serial < self._LAST:  # (int() is floor() here, and serial - day exact)
            day = int(serial)
            milliseconds = round((serial - day) * 86400 * 1000)  # as openpyxl: in this order
        elif 0 <= serial < 60:
            whole, fraction = divmod(serial, 1)
            day, milliseconds = int(whole), round(fraction * 86400 * 1000)
            if milliseconds < 86_400_000 and serial < 1:
                return self.times.get(milliseconds) or self.time(milliseconds)  # a time of day
            if serial > 0 and self.leap_bug:
                day += 1
        else:
            return None
        if milliseconds == 86_400_000:  # rounded up to the next day
            day, milliseconds = day + 1, 0
        date = self.dates.get(day) or self.date(day)
        return f"{date} {self.times.get(milliseconds) or self.time(milliseconds)}"

    def texts(self, values: list[str]) -> list[str | None]:
        """``[text(value) for value in values]``, worked out a step at a time for all of them
        (the steps of ``text`` for serials from 60 on) when they are all such serials."""
        try:
            serials = list(map(float, values))  # (what int() reads, float() reads alike)
        except ValueError:
            return list(map(self.text, values))  # (it raises ValueError as openpyxl would)
        if not (all(map(le, repeat(60.0), serials)) and all(map(lt, serials, repeat(self._LAST)))):
            return list(map(self.text, values))
        days = list(map(int, serials))
        fractions = map(sub, serials, days)
        milliseconds = list(map(round, map(mul, map(mul, fractions, repeat(86400)), repeat(1000))))
        if 86_400_000 in milliseconds:  # one rounded up to the next day
            return list(map(self.text, values))
        for day in set(days).difference(self.dates):
            self.date(day)
        for time in set(milliseconds).difference(self.times):
            self.time(time)
        dates = map(add, map(self.dates.__getitem__, days), repeat(" "))
        return list(map(add, dates, map(self.times.__getitem__, milliseconds)))

    def date(self, days: int) -> str:
        text = self.dates[days] = (self.epoch + dt.timedelta(days=days)).date().isoformat()
        return text

    def time(self, milliseconds: int) -> str:
        """As ``time.isoformat()`` writes it: microseconds (here whole thousands) if any."""
        seconds, thousandths = divmod(milliseconds, 1000)
        minutes, seconds = divmod(seconds, 60)
        hours, minutes = divmod(minutes, 60)
        text = f"{hours:02}:{minutes:02}:{seconds:02}" + (
            f".{thousandths:03}000" * bool(thousandths)
        )
        self.times[milliseconds] = text
        return text
