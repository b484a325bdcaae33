"""The quick workbook reader (``swot/files/imports/sheet_xml.py``) gives the table openpyxl gives.

Every workbook the tests write, the benchmark's export, and generated workbooks written as
Excel writes them (shared strings, rich text, dates, booleans, errors, rows and cells left out,
with and without a dimension) are read both ways: the quick reader, and openpyxl's
``load_workbook(read_only=True)`` with ``iter_rows(values_only=True)`` as swot read every
workbook before. The tables must be the same; where a generated workbook has something the
quick reader does not read (a formula, a cell without its reference, a comment, a namespace of
its own, text that is not XML), it must give up and openpyxl's table (or error) is the one read.
"""

from __future__ import annotations

import importlib.util
import sys
import zipfile
from pathlib import Path
from unittest import mock
from xml.sax.saxutils import escape

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.utils.datetime import MAC_EPOCH, WINDOWS_EPOCH, from_excel
from openpyxl.worksheet._reader import _cast_number

from swot.files.imports import sheet_xml, tables

DATA = Path(__file__).resolve().parent / "data" / "imports"
ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("make_fixtures", DATA / "make_fixtures.py")
assert _spec is not None and _spec.loader is not None
fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fixtures)


def openpyxl_table(path: Path) -> dict[str, object]:
    """Each sheet's rows as swot read them with openpyxl alone (or the error it raised)."""
    try:
        book = load_workbook(path, read_only=True, data_only=False)
    except Exception as error:
        return {"": (type(error).__name__, str(error))}
    found: dict[str, object] = {}
    for name in book.sheetnames:
        try:
            found[name] = [tables._texts(v) for v in book[name].iter_rows(values_only=True)]
        except Exception as error:
            found[name] = (type(error).__name__, str(error))
    return found


def swot_table(path: Path) -> tuple[dict[str, object], list[str]]:
    """Each sheet's rows as swot reads them now, and the sheets openpyxl had to read."""
    try:
        book = sheet_xml.load_book(path)
    except Exception as error:
        return {"": (type(error).__name__, str(error))}, []
    found: dict[str, object] = {}
    left: list[str] = []
    for name in book.sheetnames:
        if sheet_xml.sheet_texts(book, book[name], tables._text, 10**6) is None:
            left.append(name)
        try:
            found[name] = tables._sheet_rows(book, book[name], path.name, "en")
        except Exception as error:
            found[name] = (type(error).__name__, str(error))
    return found, left


def benchmark_export(folder: Path) -> Path:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import import_scale  # type: ignore[import-not-found]
    finally:
        sys.path.pop(0)
    return import_scale.write_exports(folder, 300)[1]


@pytest.mark.parametrize(
    "write",
    [
        lambda folder: fixtures.microsoft_forms(folder / "forms_sv.xlsx", "sv"),
        lambda folder: fixtures.microsoft_forms(folder / "forms_en.xlsx", "en"),
        lambda folder: fixtures.handmade_workbook(folder / "handmade.xlsx"),
        benchmark_export,
    ],
    ids=["forms_sv", "forms_en", "handmade", "benchmark"],
)
def test_every_workbook_the_tests_write_is_read_quickly_and_the_same(tmp_path, write) -> None:
    path = write(tmp_path)

    found, left = swot_table(path)

    assert left == []
    assert found == openpyxl_table(path)


def test_the_shared_strings_excel_writes_are_read_as_openpyxl_reads_them() -> None:
    data = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
        f'<sst xmlns="{sheet_xml.MAIN}" count="6" uniqueCount="6">'
        "<si><t>Styrkor – jämställdhet</t></si><si><t/></si>"
        '<si><t xml:space="preserve"> två\r\nrader </t></si>'
        '<si><r><t>Fet</t></r><r><rPr><b/><sz val="11"/><rFont val="Calibri"/></rPr>'
        '<t xml:space="preserve"> och vanlig</t></r></si>'
        "<si><t>A &amp; B &lt;3 &#10;&#x1F600; _x000D_ x005F_x000D_</t></si><si></si></sst>"
    ).encode()
    from io import BytesIO

    from openpyxl.reader.strings import read_string_table

    assert sheet_xml.shared_strings(data) == read_string_table(BytesIO(data))
    assert sheet_xml.shared_strings(data)[3] == "Fet och vanlig"


@pytest.mark.parametrize(
    "strings",
    [
        "<si><t>a</t><phoneticPr fontId='1'/></si>",  # phonetic guides
        "<si><t>a</t></si><!-- a comment --><si><t>b</t></si>",
        "<si><t><![CDATA[a]]></t></si>",
        "<si><t>&nbsp;</t></si>",  # not an XML entity: openpyxl refuses the part
    ],
)
def test_shared_strings_of_another_shape_are_left_to_openpyxl(strings: str) -> None:
    data = f'<sst xmlns="{sheet_xml.MAIN}">{strings}</sst>'.encode()

    with pytest.raises(sheet_xml.NotPlain):
        sheet_xml.shared_strings(data)


# ---------------------------------------------------------------- generated workbooks

CONTENT_TYPES = (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
    'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.styles+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
)
RELS = (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK_RELS = (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/styles" Target="styles.xml"/>'
    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
)
# Styles: 0 general, 1 a date (built-in 14), 2 a date and time of its own, 3 a duration, 4 text.
STYLES = (
    f'<styleSheet xmlns="{sheet_xml.MAIN}"><numFmts count="2">'
    '<numFmt numFmtId="164" formatCode="yyyy-mm-dd h:mm:ss"/>'
    '<numFmt numFmtId="165" formatCode="[h]:mm:ss"/></numFmts>'
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/>'
    "</cellStyles></styleSheet>"
)
TEXTS = st.text(alphabet="ab åÄ–😀&<>\"'\t\r\n_x005F0D.-", max_size=12)
NUMBERS = st.sampled_from(
    ["0", "1", "4", "12", "007", "-3", "4.0", "2.5", "1E3", "1e-2", "46082.33402777778",
     "59.5", "61", "0.25", "123456789012345678901", "-0", "60", "0.99999999999", "-1.5",
     "46082.999999999", "2957000.5", "2900000", "1_0", "4&#46;5", "1e400", "nan"]
)  # fmt: skip
NOT_DATES = ("123456789012345678901", "1e400", "nan")  # openpyxl warns and reads '#VALUE!'


def xml_text(text: str, references: bool) -> str:
    """Text as a writer escapes it; with ``references``, some characters as &#…; (a CR that
    way stays a CR, a CR written as it is becomes LF)."""
    written = {"\r": "&#13;", "😀": "&#x1F600;", "a": "&#97;"} if references else {}
    return "".join(written.get(ch) or escape(ch) for ch in text)


@st.composite
def cell_xml(draw: st.DrawFn, reference: str, strings: list[str], odd: list[str]) -> str:
    kind = draw(
        st.sampled_from(["shared", "inline", "number", "bool", "error", "str", "iso", "empty"])
    )
    style = draw(st.sampled_from(["", "", ' s="0"', ' s="1"', ' s="2"', ' s="3"', ' s="4"']))
    at = f'<c r="{reference}"{style}'
    if kind == "shared":
        strings.append(draw(TEXTS))
        return f'{at} t="s"><v>{len(strings) - 1}</v></c>'
    if kind == "inline":
        space = draw(st.sampled_from(["", ' xml:space="preserve"']))
        text = xml_text(draw(TEXTS), draw(st.booleans()))
        return f'{at} t="inlineStr"><is><t{space}>{text}</t></is></c>'
    if kind == "number":
        typed, value = draw(st.sampled_from(["", ' t="n"'])), draw(NUMBERS)
        if value == "nan" or (style in (' s="1"', ' s="2"', ' s="3"') and value in NOT_DATES):
            odd.append(value)
        return f"{at}{typed}><v>{value}</v></c>"
    if kind == "bool":
        return f'{at} t="b"><v>{draw(st.sampled_from(["0", "1"]))}</v></c>'
    if kind == "error":
        return f'{at} t="e"><v>{draw(st.sampled_from(["#N/A", "#DIV/0!", "#VALUE!"]))}</v></c>'
    if kind == "str":
        return f'{at} t="str"><v>{xml_text(draw(TEXTS), False)}</v></c>'
    if kind == "iso":
        value = draw(st.sampled_from(["2026-03-02", "2026-03-02T09:14:05", "09:14:05"]))
        return f'{at} t="d"><v>{value}</v></c>'
    return draw(st.sampled_from([f"{at}/>", f"{at}></c>", f'{at} t="s"/>', f"{at}><v></v></c>"]))


# Things the quick reader leaves to openpyxl (and a few that openpyxl refuses).
ODDITIES = [
    '<c r="{ref}"><f>SUM(A1:A2)</f><v>3</v></c>',  # a formula
    '<c t="inlineStr"><is><t>no reference</t></is></c>',
    '<c r="{ref}" t="inlineStr"><is><r><t>rich</t></r></is></c>',
    "<!-- a comment -->",
    '<c r="{ref}" t="s"><v>999</v></c>',  # a shared string that is not there
    '<c r="{ref}" s="1"><v>99999999</v></c>',  # a date Python cannot hold
    '<c r="{ref}" t="n"><v>x</v></c>',  # not a number
    '<c r="{ref}" t="inlineStr"><is><t>&#1;</t></is></c>',  # not an XML character
    '<c r="{ref}" t="inlineStr"><is><t>\x07</t></is></c>',
    '<c r="{ref}" xmlns="urn:other"><v>1</v></c>',
    '<c r="{ref}" x14:a="1"><v>1</v></c>',  # a prefix never declared
    '<c r="{ref}" s="1" s="2"><v>1</v></c>',  # an attribute twice
]


@st.composite
def workbooks(draw: st.DrawFn) -> tuple[dict[str, str], list[str]]:
    """The parts of a workbook, and whether it holds something only openpyxl reads."""
    strings: list[str] = []
    rows = []
    odd: list[str] = []
    number = 0
    widest = 0
    # Most often (as openpyxl and Forms write) every row has a cell in each of its first
    # columns, one row after the other; else rows of any cells, with gaps.
    even = draw(st.integers(0, 1)) == 0
    even_width = draw(st.integers(1, 4))
    attributes: str | None = None  # an even sheet's rows all have the same
    for _ in range(draw(st.integers(0, 6))):
        if even:
            number += draw(st.sampled_from([1, 1, 1, 1, 1, 1, 2, 0]))
            columns = list(range(1, even_width + draw(st.sampled_from([1, 1, 1, 1, 0, 2]))))
        else:
            number += draw(st.sampled_from([1, 1, 1, 2, 5, 0]))  # gaps, and a row number twice
            columns = sorted(draw(st.sets(st.integers(1, 30), max_size=5)))
            if draw(st.integers(0, 8)) == 0:
                columns.reverse()
            if columns and draw(st.integers(0, 6)) == 0:  # a column twice: the last cell counts
                columns.append(draw(st.sampled_from(columns)))
        number = max(number, 1)
        widest = max([widest, *columns])
        references = [f"{tables.column_letter(c - 1)}{number}" for c in columns]
        cells = [draw(cell_xml(reference, strings, odd)) for reference in references]
        if draw(st.integers(0, 25)) == 0:
            odd.append(draw(st.sampled_from(ODDITIES)))
            cells.append(odd[-1].format(ref=f"AF{number}"))
        if not even or attributes is None:
            attributes = draw(st.sampled_from(["", ' spans="1:5"', ' ht="15" customHeight="1"']))
        if cells or draw(st.booleans()):
            rows.append(f'<row r="{number}"{attributes}>{"".join(cells)}</row>')
        else:
            rows.append(f'<row r="{number}"{attributes}/>')
    whole = f'<dimension ref="A1:{tables.column_letter(max(widest, 1) - 1)}{max(number, 1)}"/>'
    dimension = draw(
        st.sampled_from(["", whole, '<dimension ref="A1"/>', '<dimension ref="A1:C2"/>'])
    )
    epoch = draw(st.sampled_from(["", '<workbookPr date1904="1"/>']))
    sheet = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<worksheet xmlns="{sheet_xml.MAIN}" xmlns:r="http://schemas.openxmlformats.org/'
        f'officeDocument/2006/relationships">{dimension}<sheetData>{"".join(rows)}</sheetData>'
        '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" '
        'footer="0.3"/></worksheet>'
    )
    shared = "".join(f"<si><t>{xml_text(s, False)}</t></si>" for s in strings)
    parts = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": RELS,
        "xl/workbook.xml": (
            f'<workbook xmlns="{sheet_xml.MAIN}" xmlns:r="http://schemas.openxmlformats.org/'
            f'officeDocument/2006/relationships">{epoch}<sheets><sheet name="Svar" '
            'sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": WORKBOOK_RELS,
        "xl/styles.xml": STYLES,
        "xl/sharedStrings.xml": f'<sst xmlns="{sheet_xml.MAIN}">{shared}</sst>',
        "xl/worksheets/sheet1.xml": sheet,
    }
    return parts, odd


@pytest.mark.filterwarnings("ignore:Cell .* is marked as a date:UserWarning")  # openpyxl's
@settings(
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(workbooks(), st.sampled_from([None, None, 64, 300]), st.sampled_from([None, 0, 3]))
def test_a_generated_workbook_is_read_as_openpyxl_reads_it(
    tmp_path, workbook, block: int | None, remembered: int | None
) -> None:
    """Also read in blocks of a few rows (``block`` bytes at a time), with the cell texts
    remembered forgotten after each block or after three."""
    parts, odd = workbook
    path = tmp_path / "svar.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in parts.items():
            archive.writestr(name, text)

    block = sheet_xml._BLOCK if block is None else block
    remembered = sheet_xml._MAX_REMEMBERED if remembered is None else remembered
    with (
        mock.patch.object(sheet_xml, "_BLOCK", block),
        mock.patch.object(sheet_xml, "_MAX_REMEMBERED", remembered),
    ):
        found, left = swot_table(path)

    assert found == openpyxl_table(path)
    if not odd:
        assert left == []  # the quick reader read it


def test_the_benchmark_export_is_read_a_column_at_a_time(tmp_path) -> None:
    """Its rows all have a cell in each column, one row after the other: no row is read on
    its own (``any_rows``), and the table is openpyxl's."""
    path = benchmark_export(tmp_path)

    with mock.patch.object(sheet_xml._SheetReader, "any_rows", side_effect=AssertionError):
        found, left = swot_table(path)

    assert left == []
    assert found == openpyxl_table(path)


# ---------------------------------------------------------------- dates and references

SERIALS = st.one_of(
    st.floats(min_value=-2, max_value=3_000_000, allow_nan=False),
    st.floats(min_value=0, max_value=62),  # times of day; 1900's leap day that never was
    st.integers(-2, 3_000_000),
    st.builds(  # whole milliseconds, and exactly half of one (how they round)
        lambda day, half_ms: day + half_ms / 172_800_000,
        st.integers(0, 3_000_000),
        st.integers(0, 172_800_000),
    ),
    st.builds(lambda day: day - 2**-30, st.integers(1, 3_000_000)),  # just before midnight
)


@settings(max_examples=1500, deadline=None)
@given(
    SERIALS,
    st.sampled_from([WINDOWS_EPOCH, MAC_EPOCH]),
    st.sampled_from([repr, str, "{:.15E}".format, "{:.3f}".format]),
)
def test_a_serial_date_time_is_written_as_openpyxl_and_tables_write_it(serial, epoch, write):
    value = write(serial)

    text = sheet_xml.ExcelDates(epoch).text(value)

    assert (text is None) == (not 0 <= float(value) < 2_900_000)  # those are openpyxl's
    if text is not None:
        assert text == tables._text(from_excel(_cast_number(value), epoch))


@settings(max_examples=500, deadline=None)
@given(
    st.lists(SERIALS, min_size=1, max_size=6),
    st.sampled_from([WINDOWS_EPOCH, MAC_EPOCH]),
    st.sampled_from([repr, "{:.3f}".format]),
)
def test_serials_written_together_are_written_as_one_at_a_time(serials, epoch, write) -> None:
    values = [write(serial) for serial in serials]
    one_at_a_time = sheet_xml.ExcelDates(epoch)

    assert sheet_xml.ExcelDates(epoch).texts(values) == [one_at_a_time.text(v) for v in values]


def test_a_serial_written_with_a_reference_is_left_to_openpyxl() -> None:
    assert sheet_xml.ExcelDates(WINDOWS_EPOCH).text("46082&#46;5") is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("46082.33402777778", "2026-03-01 08:01:00"),
        ("0.5", "12:00:00"),
        ("0.0000000058", "00:00:00.001000"),  # 0.501 milliseconds
        ("0.999999999", "1900-01-01 00:00:00"),  # rounds up to midnight: a date, shifted as
        # every serial before 60 is
        ("59", "1900-02-28 00:00:00"),
        ("60", "1900-02-28 00:00:00"),  # Excel's 29 February 1900, which openpyxl skips
        ("61", "1900-03-01 00:00:00"),
    ],
)
def test_serials_excel_writes_read_as_these_texts(value: str, expected: str) -> None:
    assert sheet_xml.ExcelDates(WINDOWS_EPOCH).text(value) == expected


REFERENCE_PIECES = ["a", "ö", "&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&#38;", "&#x26;",
                    "&#038;", "&#60;", "&#228;", "&#x1F600;", "&#13;", "&#59;", "lt;", "amp;",
                    "#38;", ";", "&", "&#1;", "&#0;", "&nbsp;", "&#99999999999;", "&#xFFFE;"]  # fmt: skip


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.lists(st.sampled_from(REFERENCE_PIECES), max_size=8).map("".join), max_size=5))
def test_references_are_replaced_all_at_once_as_one_text_at_a_time(texts: list[str]) -> None:
    try:
        expected = [sheet_xml._unescape(text) for text in texts]
    except sheet_xml.NotPlain:
        with pytest.raises(sheet_xml.NotPlain):
            sheet_xml._unescape_all(texts)
        return
    assert sheet_xml._unescape_all(texts) == expected
