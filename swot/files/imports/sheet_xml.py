"""The cells of a worksheet read straight from its XML, for workbooks that are plain tables.

openpyxl reads every part of a workbook (which sheets there are, their names and files, the
styles that make a number a date, the date system) and reads anything unusual. Its cell reader
builds XML elements for every cell of every row: 10 s for the 800,000 cells of a 50,000-row
export, where the cells themselves need 1-2 s. Here the shared strings and a sheet's rows are
read with a pattern for the XML that Excel, Microsoft Forms, Google Sheets, LimeSurvey and
openpyxl write: rows of cells with a reference (``<c r="F12" s="1" t="s"><v>7</v></c>``), a value
or an inline string. Anything else in them (a formula, rich text in a cell, a cell without
its reference, a comment, a namespace of its own, text that is not valid XML) makes the reader
give up (``NotPlain``) and openpyxl reads that part as before, so the table is the same either
way: ``tests/test_import_fast_paths.py`` compares both on every workbook the tests write and on
generated ones. The values are converted by openpyxl's own functions (numbers, dates, ISO
times) and turned into text as ``tables._text`` turns openpyxl's values.

Outside the rows a sheet is read by openpyxl's own sheet parser (with the rows left out), so a
sheet it would refuse is refused the same way; so are the shared strings it would refuse.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from typing import Any

from openpyxl.reader.excel import ExcelReader
from openpyxl.reader.strings import read_string_table
from openpyxl.utils.datetime import from_excel, from_ISO8601
from openpyxl.worksheet._reader import WorkSheetParser, _cast_number
from openpyxl.xml.constants import SHARED_STRINGS

_BLOCK = 1 << 20  # bytes read at a time: a sheet is never held whole
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

# A row and its cells as the writers write them. Attributes are matched loosely here (no "<",
# ">" or "/" in them) and checked once per distinct text (``_SheetReader.attributes``).
_ROW_START = re.compile(r'\s*((?:<row r="[0-9]+"[^<>/]*/>\s*)*)<row r="([0-9]+)"([^<>/]*)>')
_EMPTY_ROWS = re.compile(r'\s*((?:<row r="[0-9]+"[^<>/]*/>\s*)*)')
_EMPTY_ROW = re.compile(r'<row r="([0-9]+)"([^<>/]*)/>')
_CELLS = re.compile(
    r'<c r="([A-Z]{1,3})[0-9]+"([^<>/]*)'
    r"(?:/>|>(?:<v>([^<]*)</v>|<v/>|<is>(?:<t(?: xml:space=\"preserve\")?>([^<]*)</t>|<t/>)?</is>"
    r"|<is/>)?</c>)"
    r"|\s+"
    r"|([\s\S])"  # anything else: not the shape read here
)
# An attribute: no entity, no white space in the value, never a namespace declaration (that
# would change what the elements inside it are).
_ATTRIBUTE = r'\s+(?!xmlns)[A-Za-z_][\w.:-]*="[^"<>&/\t\n\r]*"'
_ATTRIBUTES_TEXT = re.compile(r"(?:" + _ATTRIBUTE + r")*\s*")
_ATTRIBUTES = re.compile(r'\s+([A-Za-z_][\w.:-]*)="([^"]*)"')
# Not XML 1.0 characters (as UTF-8), and the one sequence text may not hold.
# (every byte but the control characters XML does not have)
_XML_BYTES = bytes(b for b in range(256) if b >= 0x20 or b in b"\t\n\r")
_NOT_XML_BYTES = (b"\xef\xbf\xbe", b"\xef\xbf\xbf", b"]]>")  # U+FFFE, U+FFFF
_REFERENCE = re.compile(r"&(?:#([0-9]+)|#x([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));|&")
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
        text = "".join(_RUN_TEXT.findall(runs)) if runs else plain
        strings.append(_unescape(text).replace("x005F_", ""))
    return strings


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
    try:
        return _SheetReader(book, worksheet, texts).rows(limit)
    except NotPlain:
        return None


class _SheetReader:
    """One sheet's rows, read a block of rows at a time."""

    def __init__(self, book: Any, worksheet: Any, texts: Callable[[object], str]) -> None:
        self.worksheet = worksheet
        self.strings: list[str] = worksheet._shared_strings
        self.epoch = book.epoch
        self.dates: set[int] = book._date_formats
        self.durations: set[int] = book._timedelta_formats
        self.texts = texts
        self.columns: dict[str, int] = {}  # column letters → 1-based index
        # a cell's attributes → its type, style, and whether it is a number that is no date
        self.kinds: dict[str, tuple[str, int | str, bool]] = {}
        self.width: int | None = worksheet.max_column
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
            pieces = chunk.split("</row>")
            for piece in pieces[:-1]:  # what comes before a row's end: that row, perhaps
                start = _ROW_START.match(piece)  # after rows without cells
                if start is None:
                    raise NotPlain(piece[:40])
                yield from self.empty_rows(start.group(1))
                self.check_attributes(start.group(3))
                yield int(start.group(2)), self.cells(piece, start.end())
            rest = _EMPTY_ROWS.fullmatch(pieces[-1])
            if rest is None:
                raise NotPlain(pieces[-1][:40])
            yield from self.empty_rows(rest.group(1))

    def empty_rows(self, text: str) -> Iterator[tuple[int, list[str]]]:
        for number, attributes in _EMPTY_ROW.findall(text):
            self.check_attributes(attributes)
            yield int(number), [] if self.width is None else [self.texts(None)] * self.width

    def cells(self, piece: str, start: int) -> list[str]:
        """A row's texts, each cell's as openpyxl's ``parse_cell`` and ``tables._text`` make
        it, in its column (``_get_row``): as many as the sheet says it has (else up to the
        row's last cell)."""
        width, empty = self.width, self.texts(None)
        row = [empty] * (width or 0)
        columns, kinds = self.columns, self.kinds
        last = 0  # the column of the row's last cell (how wide a row of no stated width is)
        for letters, attributes, value, inline, other in _CELLS.findall(piece, start):
            if not letters:
                if other:
                    raise NotPlain(other)
                continue  # white space between cells
            column = last = columns.get(letters) or self.column(letters)
            kind = kinds.get(attributes) or self.kind(attributes)
            if kind[0] == "inlineStr":  # <is/> and <is><t/></is> are "", as openpyxl reads them
                text = _unescape(inline) if "&" in inline else inline
            elif not value:
                text = empty
            elif kind[2] and value.isdigit() and value.isascii() and value[0] != "0":
                text = value  # an integer, written as str(int(value)) writes it
            else:  # converted even outside the row's width: openpyxl refuses what it cannot
                text = self.text(kind, value)
            if width is None and len(row) < column:  # a sheet that does not say how wide
                row += [empty] * (column - len(row))
            if width is None or column <= width:
                row[column - 1] = text
        if width is None:
            del row[last:]
        return row

    def column(self, letters: str) -> int:
        """'A' → 1, 'Z' → 26, 'AA' → 27 (as openpyxl's ``column_index_from_string``)."""
        index = 0
        for letter in letters:
            index = index * 26 + ord(letter) - ord("A") + 1
        self.columns[letters] = index
        return index

    def text(self, kind: tuple[str, int | str, bool], value: str) -> str:
        try:
            return self.texts(self.value(kind[0], kind[1], _unescape(value)))
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

    def kind(self, attributes: str) -> tuple[str, int | str, bool]:
        """A cell's type and style from its attributes (besides its reference)."""
        found = self.attributes(attributes)
        style: int | str = found.get("s", 0)
        if style:
            try:
                style = int(style)
            except ValueError:
                raise NotPlain(style) from None
        data_type = found.get("t", "n")
        plain_number = data_type == "n" and style not in self.dates
        kind = self.kinds[attributes] = (data_type, style, plain_number)
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
    if data.translate(None, _XML_BYTES) or any(bad in data for bad in _NOT_XML_BYTES):
        raise NotPlain("not XML text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise NotPlain(error) from None
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


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
