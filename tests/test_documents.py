"""Word and PDF handouts and reports (``swot merge/compare --format``), read back with python-docx
and pypdf: the structure a screen reader and Word's navigation pane need, made from the HTML."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from pypdf import PdfReader
from pypdf.generic import BooleanObject
from typer.testing import CliRunner

from swot.cli import app
from swot.output.html_tree import Node, parse_html
from swot.output.svg_picture import chart_label

EXAMPLE = Path(__file__).resolve().parent.parent / "workshops" / "hoganasmodellen"
ROUNDS = ("forprojektering", "uppfoljning")


def _run(args: list[str]) -> object:
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example's follow-up handout and its compare report, in all four formats."""
    folder = tmp_path_factory.mktemp("documents") / "hoganasmodellen"
    shutil.copytree(EXAMPLE, folder, ignore=shutil.ignore_patterns("handouts", ".swot-cache"))
    _run(["merge", str(folder), "-r", ROUNDS[1], "--format", "html,md,docx,pdf"])
    _run(["compare", *ROUNDS, "-w", str(folder), "-f", "html,docx,pdf"])
    return folder / "handouts"


HANDOUT = f"{ROUNDS[1]}/handout"
REPORT = f"compare-{ROUNDS[0]}-{ROUNDS[1]}/compare"


def _html(written: Path, stem: str) -> Node:
    return parse_html((written / f"{stem}.html").read_text(encoding="utf-8"))


def _all(node: Node, tags: set[str]) -> list[Node]:
    found = []
    for child in node.elements():
        if child.tag in tags:
            found.append(child)
        found += _all(child, tags)
    return found


def _word_headings(document: docx.document.Document) -> list[tuple[int, str]]:
    """(level, text) of every heading paragraph, in the body and in table cells, in order."""
    names = {style.style_id: style.name for style in document.styles}
    headings = []
    for paragraph in document.element.body.iter(qn("w:p")):
        style = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        name = names.get(style.get(qn("w:val")), "") if style is not None else ""
        if name.startswith("Heading "):
            text = "".join(t.text or "" for t in paragraph.iter(qn("w:t")))
            headings.append((int(name.split()[-1]), text))
    return headings


@pytest.mark.parametrize("stem", [HANDOUT, REPORT])
def test_word_has_every_html_heading_as_a_heading_style_of_its_level(
    written: Path, stem: str
) -> None:
    html = _all(_html(written, stem), {f"h{n}" for n in range(1, 7)})
    document = docx.Document(str(written / f"{stem}.docx"))

    assert _word_headings(document) == [(int(h.tag[1]), h.text()) for h in html]
    assert {level for level, _ in _word_headings(document)} >= {1, 2, 3}


@pytest.mark.parametrize("stem", [HANDOUT, REPORT])
def test_every_word_table_with_a_header_row_marks_it_to_repeat(written: Path, stem: str) -> None:
    html_tables = _all(_html(written, stem), {"table"})
    document = docx.Document(str(written / f"{stem}.docx"))
    data_tables = [
        t
        for t in document.tables
        if t._tbl.find(f"{qn('w:tblPr')}/{qn('w:tblCaption')}") is not None
        or (
            t.rows[0]._tr.trPr is not None
            and t.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
        )
    ]

    assert len(data_tables) == len(html_tables)
    for table, source in zip(data_tables, html_tables, strict=True):
        head = _all(source, {"thead"})[0]
        header_rows = len([r for r in head.elements() if r.tag == "tr"])
        flags = [r._tr.trPr.find(qn("w:tblHeader")) is not None for r in table.rows]
        assert flags == [True] * header_rows + [False] * (len(table.rows) - header_rows)


def test_the_2x2_grids_are_layout_tables_without_a_header_row(written: Path) -> None:
    document = docx.Document(str(written / f"{HANDOUT}.docx"))
    grids = [t for t in document.tables if len(t.columns) == 2 and len(t.rows) == 2]

    assert len(grids) == 4  # two themes: the SWOT grid and the TOWS boxes of each
    for grid in grids:
        assert not any(r._tr.trPr.find(qn("w:tblHeader")) is not None for r in grid.rows)
        assert all(r._tr.trPr.find(qn("w:cantSplit")) is not None for r in grid.rows)


def test_the_word_documents_language_is_the_workshops(written: Path) -> None:
    document = docx.Document(str(written / f"{HANDOUT}.docx"))
    defaults = document.styles.element.find(qn("w:docDefaults"))
    language = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    settings = document.settings.element.find(qn("w:themeFontLang"))

    assert language.get(qn("w:val")) == "sv-SE"
    assert settings.get(qn("w:val")) == "sv-SE"
    assert document.core_properties.language == "sv-SE"
    assert document.core_properties.title.startswith("SWOT-underlag – Höganäsmodellen")


def test_an_english_word_handout_is_en_gb(tmp_path: Path) -> None:
    folder = tmp_path / "hoganasmodellen"
    shutil.copytree(EXAMPLE, folder, ignore=shutil.ignore_patterns("handouts", ".swot-cache"))
    _run(["merge", str(folder), "--lang", "en", "-f", "docx"])
    document = docx.Document(str(folder / "handouts" / ROUNDS[1] / "handout.docx"))
    normal = document.styles["Normal"].element.rPr.find(qn("w:lang"))

    assert normal.get(qn("w:val")) == "en-GB"
    assert [p.name for p in (folder / "handouts" / ROUNDS[1]).iterdir()] == ["handout.docx"]


def test_every_word_picture_has_its_charts_title_and_description_as_alt_text(
    written: Path,
) -> None:
    charts = [chart_label(svg) for svg in _all(_html(written, REPORT), {"svg"})]
    document = docx.Document(str(written / f"{REPORT}.docx"))
    pictures = list(document.element.body.iter(qn("wp:docPr")))

    assert len(charts) == 3  # a chart per theme and the response rates
    assert [p.get("descr") for p in pictures] == charts
    assert all(label.strip() for label in charts)


@pytest.mark.parametrize("stem", [HANDOUT, REPORT])
def test_word_has_no_empty_paragraphs(written: Path, stem: str) -> None:
    document = docx.Document(str(written / f"{stem}.docx"))
    empty = [
        p
        for p in document.element.body.iter(qn("w:p"))
        if not "".join(t.text or "" for t in p.iter(qn("w:t"))).strip()
        and next(p.iter(qn("w:drawing")), None) is None
    ]
    assert empty == []


def test_word_pages_are_a4_portrait_with_the_workshop_and_page_number_in_the_footer(
    written: Path,
) -> None:
    section = docx.Document(str(written / f"{HANDOUT}.docx")).sections[0]
    footer = section.footer.paragraphs[0]

    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert footer.text.startswith("Höganäsmodellen – jämställdhet och tillgänglighet · Sida ")
    instructions = [f.get(qn("w:instr")) for f in footer._p.iter(qn("w:fldSimple"))]
    assert instructions == [" PAGE ", " NUMPAGES "]


def _outline_titles(outline: list) -> list[str]:
    titles = []
    for item in outline:
        titles += _outline_titles(item) if isinstance(item, list) else [item.title]
    return titles


@pytest.mark.parametrize("stem", [HANDOUT, REPORT])
def test_the_pdf_is_tagged_with_language_title_and_a_bookmark_per_heading(
    written: Path, stem: str
) -> None:
    reader = PdfReader(written / f"{stem}.pdf")
    catalog = reader.trailer["/Root"]
    html = _html(written, stem)
    headings = [h.text() for h in _all(html, {f"h{n}" for n in range(1, 7)})]

    assert catalog["/MarkInfo"]["/Marked"] == BooleanObject(True)
    assert "/StructTreeRoot" in catalog
    assert catalog["/Lang"] == "sv"
    assert reader.metadata.title == html.find("title").text()
    assert [" ".join(t.split()) for t in _outline_titles(reader.outline)] == headings


def test_every_pdf_page_carries_the_workshops_name_and_its_number(written: Path) -> None:
    reader = PdfReader(written / f"{HANDOUT}.pdf")
    pages = len(reader.pages)

    for number, page in enumerate(reader.pages, 1):
        text = " ".join(page.extract_text().split())
        assert "Höganäsmodellen – jämställdhet och tillgänglighet" in text
        assert f"Sida {number} av {pages}" in text


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            "--format does not know 'pfd'; did you mean 'pdf'?\n  → give a comma-separated list of html, md, docx, pdf, e.g. --format html,pdf",
        ),
        (
            "sv",
            "--format känner inte till 'pfd'; menade du 'pdf'?\n  → ange en kommaseparerad lista av html, md, docx, pdf, t.ex. --format html,pdf",
        ),
    ],
)
def test_an_unknown_format_is_a_usage_error_with_the_nearest_one(
    tmp_path: Path, lang: str, expected: str
) -> None:
    folder = tmp_path / "hoganasmodellen"
    shutil.copytree(EXAMPLE, folder, ignore=shutil.ignore_patterns("handouts", ".swot-cache"))
    for command in (["merge", str(folder)], ["compare", *ROUNDS, "-w", str(folder)]):
        result = CliRunner().invoke(app, [*command, "--lang", lang, "-f", "html,pfd"])

        assert result.exit_code == 2
        assert expected in result.output
    assert not (folder / "handouts").exists()


def test_word_as_a_format_suggests_docx(tmp_path: Path) -> None:
    folder = tmp_path / "hoganasmodellen"
    shutil.copytree(EXAMPLE, folder, ignore=shutil.ignore_patterns("handouts", ".swot-cache"))
    result = CliRunner().invoke(app, ["merge", str(folder), "--lang", "en", "-f", "word"])

    assert result.exit_code == 2
    assert result.output.startswith("--format does not know 'word'; did you mean 'docx'?")


def test_a_format_list_without_formats_is_a_usage_error(tmp_path: Path) -> None:
    folder = tmp_path / "hoganasmodellen"
    shutil.copytree(EXAMPLE, folder, ignore=shutil.ignore_patterns("handouts", ".swot-cache"))
    result = CliRunner().invoke(app, ["merge", str(folder), "--lang", "en", "-f", " , "])

    assert result.exit_code == 2
    assert "--format needs at least one format" in result.output


def test_merge_help_imports_no_word_or_pdf_library() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from swot.cli import app\n"
        "try:\n    app(['merge', '--help'], prog_name='swot')\n"
        "except SystemExit:\n    pass\n"
        "print([m for m in ('typst', 'docx', 'PIL', 'pypdf') if m in sys.modules])"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)

    assert done.stdout.strip().endswith("[]")
