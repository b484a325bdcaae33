"""The PDF writer's Typst source (``swot.output.pdf_writer``): any text a participant typed is
printed verbatim and can neither break the document nor inject Typst into it; the pages swot
makes pass Typst's own PDF/UA-1 check; charts keep their alt text."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
import typst
from pypdf import PdfReader
from typer.testing import CliRunner

from swot.cli import app
from swot.output.html_tree import parse_html
from swot.output.pdf_writer import pdf_bytes, typst_source, typst_string
from swot.output.svg_picture import svg_markup

EXAMPLE = Path(__file__).resolve().parent.parent / "workshops" / "hoganasmodellen"
WORDS = ("Sida ", " av ", "")
HOSTILE = [
    "*inte fet* _inte kursiv_ `inte kod`",
    "#set page(width: 2cm) #pagebreak() $x^2$",
    'slut"); #pagebreak(); #("',
    "<etikett> @referens ] [ } { \\ \\\\n",
    "= inte en rubrik",
    "Åsa, Örjan och Älvdalen: å ä ö",
    "glad 😀 och ☺",  # emoji that DejaVu Sans (the last font asked for) has
]
NO_FONT = "tumme 👍🏽 upp"  # an emoji no font on the machine may have: shown as a box
RTL_WORDS = ["שלום", "עולם", "مرحبا"]


def _page(body: str, title: str = "Titel") -> str:
    return f'<html lang="sv"><head><title>{title}</title></head><body>{body}</body></html>'


def _escape(text: str) -> str:
    from html import escape

    return escape(text)


def _text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.fixture(scope="module")
def hostile_pdf() -> bytes:
    """Each hostile text as a heading, a paragraph, a list item, a table cell and a figure."""
    parts = ["<h1>Rubrik</h1>"]
    for text in [*HOSTILE, " ".join(RTL_WORDS) + " \u202eomvänd\u202c"]:
        t = _escape(text)
        parts.append(
            f"<h2>{t}</h2><p>{t}</p><ol><li>{t}<span class='figures'>{t}</span></li></ol>"
            f"<table><thead><tr><th>{t}</th></tr></thead><tbody><tr><td>{t}</td></tr></tbody>"
            "</table>"
        )
    return pdf_bytes(_page("".join(parts), title="Titel *#$"), "Titel *#$", "sv", "Namn #]", WORDS)


@pytest.mark.parametrize("text", HOSTILE)
def test_a_hostile_text_is_printed_verbatim(hostile_pdf: bytes, text: str) -> None:
    found = " ".join(_text(hostile_pdf).split())

    assert found.count(" ".join(text.split())) >= 5  # heading, paragraph, item, figures, cell


def test_right_to_left_words_are_printed(hostile_pdf: bytes) -> None:
    found = _text(hostile_pdf)

    for word in RTL_WORDS:
        assert found.count(word) >= 5
    assert "dnävmo" in found  # U+202E reverses what follows, as a browser shows it


def test_an_emoji_without_a_font_leaves_the_text_around_it() -> None:
    html = _page(f"<h1>Rubrik</h1><p>{NO_FONT}</p>")

    found = _text(pdf_bytes(html, "T", "sv", "N", WORDS))

    assert "tumme" in found
    assert "upp" in found


def test_a_hostile_text_changes_neither_pages_nor_headings(hostile_pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(hostile_pdf))

    assert reader.metadata.title == "Titel *#$"
    assert all("Namn #]" in page.extract_text() for page in reader.pages)
    assert all(reader.pages[0].mediabox.width == page.mediabox.width for page in reader.pages)
    titles = [item.title for item in reader.outline[1]]
    assert [" ".join(t.split()) for t in titles] == [" ".join(t.split()) for t in HOSTILE] + [
        "שלום עולם مرحبا \u202eomvänd\u202c"
    ]


def test_a_typst_string_escapes_only_quotes_backslashes_and_control_characters() -> None:
    assert typst_string('a"b\\c\nd\te') == '"a\\"b\\\\c\\u{a}d\\u{9}e"'
    assert typst_string("#*_$<@`]") == '"#*_$<@`]"'


def test_a_heading_level_that_skips_one_is_pulled_up() -> None:
    html = _page("<h2>Två</h2><h4>Fyra</h4><h2>Två igen</h2>")

    reader = PdfReader(io.BytesIO(pdf_bytes(html, "T", "sv", "N", WORDS)))

    assert reader.outline[0].title == "Två"
    assert reader.outline[1][0].title == "Fyra"  # nested under the first, not two levels down
    assert reader.outline[2].title == "Två igen"


def test_svg_markup_gives_back_svgs_mixed_case_names() -> None:
    svg = parse_html('<svg viewBox="0 0 10 5"><pattern patternUnits="userSpaceOnUse"/></svg>')

    markup = svg_markup(svg.elements()[0])

    assert markup == (
        '<svg viewBox="0 0 10 5"><pattern patternUnits="userSpaceOnUse"></pattern></svg>'
    )


def _alt_texts(node: object) -> list[str]:
    from pypdf.generic import ArrayObject, DictionaryObject

    node = node.get_object() if hasattr(node, "get_object") else node
    found = []
    if isinstance(node, DictionaryObject):
        if "/Alt" in node:
            found.append(str(node["/Alt"]))
        found += _alt_texts(node.get("/K"))
    elif isinstance(node, ArrayObject):
        for child in node:
            found += _alt_texts(child)
    return found


@pytest.fixture(scope="module")
def example_pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The example's handout, compare report and one unit report as HTML."""
    folder = tmp_path_factory.mktemp("typst") / "hoganasmodellen"
    shutil.copytree(EXAMPLE, folder, ignore=shutil.ignore_patterns("handouts", ".swot-cache"))
    runner = CliRunner()
    for args in (
        ["merge", str(folder), "-r", "uppfoljning", "-f", "html"],
        ["compare", "forprojektering", "uppfoljning", "-w", str(folder), "-f", "html"],
        ["report", "hoganas", str(folder), "--round", "uppfoljning", "-f", "html"],
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
    pages = sorted((folder / "handouts").rglob("*.html"))
    return {str(p.relative_to(folder / "handouts")): p.read_text(encoding="utf-8") for p in pages}


def test_every_page_swot_makes_passes_typsts_pdf_ua_check(example_pages: dict[str, str]) -> None:
    assert len(example_pages) == 3
    for name, html in example_pages.items():
        source = typst_source(html, name, "sv", "Höganäs", WORDS)

        pdf = typst.compile(source, pdf_standards="ua-1")  # raises if the check fails

        assert pdf.startswith(b"%PDF-")


def test_every_chart_has_its_title_and_description_as_alt_text(
    example_pages: dict[str, str],
) -> None:
    from swot.output.svg_picture import chart_label

    html = next(page for name, page in example_pages.items() if name.startswith("compare"))
    labels = [chart_label(svg) for svg in _svgs(parse_html(html))]
    pdf = PdfReader(io.BytesIO(pdf_bytes(html, "T", "sv", "N", WORDS)))

    alts = _alt_texts(pdf.trailer["/Root"]["/StructTreeRoot"])

    assert labels
    assert [" ".join(a.split()) for a in alts] == labels


def _svgs(node: object) -> list:
    found = []
    for child in node.elements():  # type: ignore[attr-defined]
        found += [child] if child.tag == "svg" else _svgs(child)
    return found


def _table_page(rows: list[str]) -> str:
    body = "".join(f"<tr><td>{n}</td><td>{text}</td></tr>" for n, text in enumerate(rows))
    return _page(
        "<h1>Tabell</h1><table><thead><tr><th>Nr</th><th>Punkt</th></tr></thead>"
        f"<tbody>{body}</tbody></table>"
    )


def test_a_table_row_is_never_split_over_two_pages() -> None:
    rows = [f"start{n:02d} " + "ord " * 100 + f"slut{n:02d}" for n in range(40)]  # 3 pages

    reader = PdfReader(io.BytesIO(pdf_bytes(_table_page(rows), "T", "sv", "N", WORDS)))

    pages = [page.extract_text() for page in reader.pages]
    assert len(pages) > 1
    for n in range(40):
        assert [f"start{n:02d}" in p for p in pages] == [f"slut{n:02d}" in p for p in pages]
    assert all("Punkt" in page for page in pages)  # the header row on every page


def test_a_row_longer_than_a_third_of_a_page_may_split_rather_than_leave_it_empty() -> None:
    rows = ["kort", "lång " * 1500 + "slutet"]  # far more than a page

    reader = PdfReader(io.BytesIO(pdf_bytes(_table_page(rows), "T", "sv", "N", WORDS)))

    first = reader.pages[0].extract_text()
    assert "kort" in first
    assert "lång" in first  # begun on the first page, not pushed to the next
    assert "slutet" in reader.pages[-1].extract_text()


def test_a_page_typsts_pdf_ua_check_refuses_is_still_written_tagged(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = typst.compile
    asked: list[object] = []

    def refusing(source: bytes, **options: object) -> bytes:
        asked.append(options.get("pdf_standards"))
        if options.get("pdf_standards"):
            raise typst.TypstError("PDF/UA-1 error: (as a workshop's template could cause)")
        return real(source, **options)

    monkeypatch.setattr(typst, "compile", refusing)
    pdf = PdfReader(io.BytesIO(pdf_bytes(_page("<h1>Rubrik</h1>"), "T", "sv", "N", WORDS)))

    assert asked == ["ua-1", None]
    assert "/StructTreeRoot" in pdf.trailer["/Root"]
    assert pdf.outline[0].title == "Rubrik"


def test_a_chart_whose_texts_hold_markup_characters_is_drawn_with_them() -> None:
    label = 'Styrkor: "A & B" <i>*#$_@`]\\'
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 40" role="img">'
        f"<title>{_escape(label)}</title><desc>beskrivning</desc>"
        f'<text x="5" y="20" font-size="12">{_escape(label)}</text></svg>'
    )
    pdf = PdfReader(io.BytesIO(pdf_bytes(_page(f"<h1>R</h1>{svg}"), "T", "sv", "N", WORDS)))

    assert _alt_texts(pdf.trailer["/Root"]["/StructTreeRoot"]) == [f"{label} beskrivning"]
