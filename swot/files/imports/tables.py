"""A survey export read as a table of text cells: ``.xlsx`` (openpyxl in read-only mode) or
``.csv``/``.tsv``/``.txt`` separated by ``,`` ``;`` or tab, in UTF-8 with or without a BOM or
in UTF-16 (what Excel's "Unicode text" writes). What a file *is* is read from its first bytes,
not its name, so a PDF called ``svar.xlsx`` or a zip called ``svar.csv`` gets the right message.

Cells are named as a spreadsheet shows them (sheet, row 14, column F and its heading), since
that is where the person who fixes them will look."""

from __future__ import annotations

import csv
import datetime as dt
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from swot.errors import DataError, Problem, shorten
from swot.files.located import ProblemCollector, display_path, suggestion_text, text_of
from swot.i18n import catalogue, say

SUFFIXES = (".xlsx", ".csv", ".tsv", ".txt")
MAX_IMPORT_BYTES = 32 * 1024 * 1024  # a 50,000-row export is about 10 MB as CSV, 3 MB as xlsx
MAX_UNZIPPED_BYTES = 512 * 1024 * 1024  # what the parts of an .xlsx may unpack to, together
MAX_ROWS = 200_000
DELIMITERS = ("\t", ";", ",")  # on a tie the first wins: tab and ; rarely stand in a question

_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "pdf"),
    (b"\x89PNG", "image"),
    (b"\xff\xd8\xff", "image"),
    (b"GIF8", "image"),
    (b"{\\rtf", "rtf"),
)
_CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an OLE2 file: old .xls/.doc, or encrypted Office
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")

MESSAGES = catalogue("files/imports/tables")


def column_letter(index: int) -> str:
    """The spreadsheet name of a 0-based column index: 0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


@dataclass
class Table:
    """The header and the rows of one sheet (or CSV file), every cell as text ("" if empty).

    ``rows[i]`` is spreadsheet row ``i + 2`` (row 1 is the header)."""

    path: Path
    header: list[str]
    rows: list[list[str]]
    sheet: str | None = None  # None for a CSV file
    sheets: list[str] = field(default_factory=list)
    delimiter: str | None = None  # for a CSV file
    encoding: str | None = None  # a CSV file's, when it is not UTF-8 or UTF-16 (WINDOWS_1252)

    @property
    def file(self) -> str:
        return display_path(self.path)

    def forget_cells(self) -> None:
        """Let go of the cells (their memory), keeping how many rows there are: once an
        import has read its rows, only the header and the count are looked at."""
        self.rows = [[] for _ in self.rows]

    def cell(self, row: list[str], column: int) -> str:
        return row[column] if column < len(row) else ""

    def place(self, lang: str, row: int | None = None, column: int | None = None) -> str:
        """Where a cell is, as a spreadsheet shows it: 'sheet "Form1", row 14, column F ("Hot")'.

        ``row`` is the spreadsheet's row number (the header is row 1)."""
        parts = [say(MESSAGES, "sheet", lang, sheet=self.sheet)] if self.sheet else []
        if row is not None:
            parts.append(say(MESSAGES, "row", lang, row=row))
        if column is not None:
            heading = shorten(self.header[column] if column < len(self.header) else "", 50)
            parts.append(
                say(MESSAGES, "column", lang, letter=column_letter(column), heading=heading)
            )
        return ", ".join(parts)


def read_table(path: Path, lang: str, sheet: str | None = None, map_file: str = "") -> Table:
    """The table in ``path`` (``sheet``: which sheet of a workbook; default the first one with
    rows). Raises ``DataError`` saying what the file is instead, and how to get a table."""
    file = display_path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise _error(file, lang, "suffix", suffix=suffix or "-")
    problems = ProblemCollector(path, lang)
    size = _size(path, problems)
    if size > MAX_IMPORT_BYTES:
        raise _error(
            file, lang, "too_big", size=f"{size / 1e6:.1f}", limit=f"{MAX_IMPORT_BYTES / 1e6:.0f}"
        )
    with path.open("rb") as handle:
        head = handle.read(8)
    if head.startswith(b"PK\x03\x04"):
        return _read_workbook(path, lang, sheet, map_file)
    _refuse_other_kinds(path, head, file, lang)
    data = path.read_bytes()
    text, encoding = text_of(data, problems), None
    if text is None:
        text, encoding = windows_text(data), WINDOWS_1252
        if text is None:
            raise DataError(problems.problems)
    if "\x00" in text:
        raise _error(file, lang, "not_spreadsheet", kind=say(MESSAGES, "kind.binary", lang))
    table = _csv_table(path, text, lang)
    table.encoding = encoding
    return table


def _size(path: Path, problems: ProblemCollector) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:
        problems.add("missing")
    except OSError as error:
        problems.add("unreadable", detail=error.strerror or str(error))
    raise DataError(problems.problems)


def _error(file: str, lang: str, key: str, **params: object) -> DataError:
    hint = say(MESSAGES, f"{key}.hint", lang, **params) if f"{key}.hint" in MESSAGES else ""
    return DataError([Problem(file, say(MESSAGES, key, lang, **params), hint, code=key)])


def _refuse_other_kinds(path: Path, head: bytes, file: str, lang: str) -> None:
    """A PDF, an image, an old .xls or a password-protected workbook is named for what it is."""
    for signature, kind in _SIGNATURES:
        if head.startswith(signature):
            raise _error(file, lang, "not_spreadsheet", kind=say(MESSAGES, f"kind.{kind}", lang))
    if head.startswith(_CFB):
        # Office keeps a password-protected .xlsx in an OLE2 file with an EncryptedPackage
        # stream (its directory names are UTF-16); any other OLE2 file is an old Office file.
        with path.open("rb") as handle:
            data = handle.read(1 << 20)
        if _ENCRYPTED in data:
            raise _error(file, lang, "encrypted")
        raise _error(file, lang, "old_xls")


# ---------------------------------------------------------------- CSV

WINDOWS_1252 = "Windows-1252"
# Besides letters, the characters beyond ASCII that Swedish text in Windows-1252 has.
_WINDOWS_SIGNS = frozenset("\xa0–—‘’‚“”„•…€«»°§±×÷·´¨½¼¾¤£¢¦©®™¹²³")
_SWEDISH_LETTERS = frozenset("åäöÅÄÖ")


def windows_text(data: bytes) -> str | None:
    """The text of a CSV file that Swedish Excel saved as "CSV (semikolonavgränsad)", in
    Windows-1252 ("ANSI"), for bytes that are not UTF-8; None when they do not look like that.

    Bytes that are not UTF-8 are taken as Windows-1252 only if they decode as it, every
    character beyond ASCII is a letter or a sign Swedish text has, and å, ä or ö is among them.
    Text in another code page reads as other signs (DOS 850 makes 'å' '†' and 'ä' '„'; Mac
    Roman makes them 'Œ' and 'Š' and 'Å' no character at all), so it is refused as before."""
    if b"\x00" in data:  # UTF-16 without its byte-order mark
        return None
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:  # five bytes are no character in Windows-1252
        return None
    beyond = {ch for ch in set(text) if not ch.isascii()}
    if not beyond & _SWEDISH_LETTERS:
        return None
    if any(not ch.isalpha() and ch not in _WINDOWS_SIGNS for ch in beyond):
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")  # as text_of gives a text


def csv_rows(text: str, limit: int | None = None, delimiter: str | None = None) -> list[list[str]]:
    """The records of CSV text, separated by whichever of tab, ``;`` or ``,`` splits its first
    record into the most cells; raises ``OverflowError`` past ``limit`` records."""
    rows: list[list[str]] = []
    for row in csv.reader(_lines(text), delimiter=delimiter or _delimiter(text)):
        rows.append(row)
        if limit is not None and len(rows) > limit:
            raise OverflowError(limit)
    return rows


def _lines(text: str) -> Iterator[str]:
    """The lines of ``text`` as ``io.StringIO(text)`` gives them (each up to and with its "\n"),
    one at a time: a StringIO holds a copy of the text at four bytes a character."""
    start = 0
    while (end := text.find("\n", start)) >= 0:
        yield text[start : end + 1]
        start = end + 1
    if start < len(text):
        yield text[start:]


def _csv_table(path: Path, text: str, lang: str) -> Table:
    delimiter = _delimiter(text)
    try:
        rows = csv_rows(text, MAX_ROWS + 1, delimiter)
    except OverflowError:
        raise _error(display_path(path), lang, "too_many_rows", limit=f"{MAX_ROWS:,}") from None
    return _table(path, rows, lang, None, [], delimiter)


def _delimiter(text: str) -> str:
    """The separator that splits the header row (the first record) into the most cells."""
    best, most = ",", 0
    for candidate in DELIMITERS:
        try:
            first = next(csv.reader(_lines(text), delimiter=candidate), [])
        except csv.Error:
            continue
        if len(first) > most:
            best, most = candidate, len(first)
    return best


def _table(
    path: Path,
    rows: list[list[str]],
    lang: str,
    sheet: str | None,
    sheets: list[str],
    delimiter: str | None = None,
) -> Table:
    """A table of the non-empty rows under the first non-empty row; refuses a table without one."""
    while rows and not any(cell.strip() for cell in rows[-1]):
        rows.pop()
    if not rows or not any(cell.strip() for cell in rows[0]):
        place = (
            say(MESSAGES, "sheet", lang, sheet=sheet) if sheet else say(MESSAGES, "the_file", lang)
        )
        raise _error(display_path(path), lang, "empty", place=place)
    header = [cell.strip() for cell in rows[0]]
    return Table(path, header, rows[1:], sheet, sheets, delimiter)


# ---------------------------------------------------------------- xlsx


def _read_workbook(path: Path, lang: str, sheet: str | None, map_file: str) -> Table:
    file = display_path(path)
    _check_zip(path, file, lang)
    from swot.files.imports.sheet_xml import load_book

    try:
        book = load_book(path)  # load_workbook(path, read_only=True), strings read faster
    except Exception as error:  # openpyxl raises many kinds on a damaged workbook
        raise _error(file, lang, "broken_xlsx", detail=shorten(error, 80)) from None
    try:
        names = list(book.sheetnames)
        if sheet is not None and sheet not in names:
            raise _error(
                file,
                lang,
                "no_sheet",
                sheet=sheet,
                suggestion=suggestion_text(sheet, names, lang),
                choices=", ".join(names),
                map=map_file,
            )
        if sheet is not None:
            return _table(path, _sheet_rows(book, book[sheet], file, lang), lang, sheet, names)
        first: tuple[str, list[list[str]]] | None = None
        for name in names:
            rows = _sheet_rows(book, book[name], file, lang)
            if _looks_like_answers(rows):
                return _table(path, rows, lang, name, names)
            first = first or (name, rows)
    finally:
        book.close()
    assert first is not None  # a workbook has at least one sheet
    return _table(path, first[1], lang, first[0], names)


def _looks_like_answers(rows: list[list[str]]) -> bool:
    """A header of two or more cells with a row below it (not a sheet of instructions)."""
    return len(rows) > 1 and sum(1 for cell in rows[0] if cell.strip()) >= 2


def _check_zip(path: Path, file: str, lang: str) -> None:
    """A zip that is no workbook is named as such; one that unpacks to too much is refused."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError) as error:
        raise _error(file, lang, "broken_xlsx", detail=shorten(error, 80)) from None
    names = {info.filename for info in infos}
    if "xl/workbook.xml" not in names:
        if "word/document.xml" in names:
            raise _error(file, lang, "not_spreadsheet", kind=say(MESSAGES, "kind.word", lang))
        if "[Content_Types].xml" in names:
            raise _error(file, lang, "not_spreadsheet", kind=say(MESSAGES, "kind.office", lang))
        raise _error(file, lang, "zip")
    unpacked = sum(info.file_size for info in infos)
    if unpacked > MAX_UNZIPPED_BYTES:
        raise _error(
            file,
            lang,
            "too_big",
            size=f"{unpacked / 1e6:.1f}",
            limit=f"{MAX_UNZIPPED_BYTES / 1e6:.0f}",
        )


def _sheet_rows(book: Any, worksheet: Any, file: str, lang: str) -> list[list[str]]:
    """The rows of a sheet as texts: read from its XML when it is a plain table (see
    ``sheet_xml``), else by openpyxl, cell by cell; the same rows either way."""
    from swot.files.imports.sheet_xml import sheet_texts

    try:
        quick = sheet_texts(book, worksheet, _text, MAX_ROWS + 1)
    except OverflowError:
        raise _error(file, lang, "too_many_rows", limit=f"{MAX_ROWS:,}") from None
    if quick is not None:
        return quick
    rows: list[list[str]] = []
    for values in worksheet.iter_rows(values_only=True):
        rows.append(_texts(values))
        if len(rows) > MAX_ROWS + 1:
            raise _error(file, lang, "too_many_rows", limit=f"{MAX_ROWS:,}")
    return rows


def _texts(values: Iterable[object]) -> list[str]:
    return [_text(value) for value in values]


def _text(value: object) -> str:
    """A cell's value as the text a person sees: 4.0 is '4', a date is written ISO-style."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat(sep=" ") if isinstance(value, dt.datetime) else value.isoformat()
    return str(value)
