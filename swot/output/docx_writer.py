"""A page swot rendered as HTML, written as an accessible Word document (python-docx).

The words and their order come from the HTML (the same Jinja templates, so a workshop's own
templates change the Word file too); the look comes from a base document: python-docx's own,
or the workshop's ``templates/<name>.docx`` (its styles, page setup, headers and footers; its
body is replaced). What Word's accessibility checker and a screen reader need:

- ``<h1>``–``<h6>`` become the real styles Heading 1–6 (the navigation pane shows them);
- every ``<table>``'s ``<thead>`` rows are marked as header rows (``w:tblHeader``: repeated on
  each page, read as headers), rows never split over a page, the caption kept with the table;
- a chart (inline ``<svg>``) becomes a PNG (``svg_picture``) whose alt text is the chart's own
  title and description; the table of the same figures stays beside it;
- the document language (sv-SE / en-GB) in the default run properties, the Normal style and
  the settings, the title in the document properties;
- A4 portrait, no empty paragraphs for spacing (space comes from the styles), a section that
  starts a printed page (``class="page"``) starts a page; the 2×2 grids (``swot-grid``,
  ``tows-grid``) are 2×2 layout tables that are never split.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from swot.output.html_tree import BLOCK_METHODS, Node, parse_html

if TYPE_CHECKING:
    from docx.document import Document
    from docx.text.paragraph import Paragraph

LANGUAGE_TAGS = {"sv": "sv-SE", "en": "en-GB"}
HEADINGS = {f"h{level}": level for level in range(1, 7)}
GRIDS = frozenset({"swot-grid", "tows-grid"})
SKIPPED = frozenset({"head", "style", "script", "template"})
# Type size of the 2×2 grid's cells by the density class the handout gives its grid page.
GRID_SIZES = {"": 10.0, "dense": 9.0, "denser": 8.0, "densest": 7.5}
PAGE_MARGIN_MM = 15
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class WordInfo:
    """What the HTML does not carry: the footer's workshop name and page words, and a base."""

    title: str
    lang: str
    workshop_name: str
    page_words: tuple[str, str, str]  # ("Sida ", " av ", ""): around the page number and count
    has_base: bool = False  # a workshop's own base: its margins and footer are kept


def docx_bytes(html: str | Node, info: WordInfo, base: Document | None = None) -> bytes:
    """The Word document of ``html`` (a page swot rendered, as text or already parsed) as
    bytes, built on ``base`` (a workshop's own document, already read) or python-docx's
    default."""
    document = _base_document(info, base)
    _set_language(document, info.lang)
    _page_setup(document, info)
    root = html if isinstance(html, Node) else parse_html(html)
    body = root.find("body") or root
    try:
        _Writer(document, document, _Flow()).blocks(body)
    finally:
        _STYLES.pop(id(document), None)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _base_document(info: WordInfo, base: Document | None) -> Document:
    """python-docx's default document, or the workshop's base with its body emptied (the
    section properties, which hold page setup, headers and footers, stay)."""
    import docx

    document = base if base is not None else docx.Document()
    body = document.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):
            body.remove(child)
    document.core_properties.title = info.title
    document.core_properties.language = LANGUAGE_TAGS.get(info.lang, info.lang)
    return document


def _set_language(document: Document, lang: str) -> None:
    """The language on every run by default, on the Normal style and in the settings."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tag = LANGUAGE_TAGS.get(lang, lang)
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    run_defaults = defaults.find(qn("w:rPrDefault"))
    if run_defaults is None:
        run_defaults = OxmlElement("w:rPrDefault")
        defaults.insert(0, run_defaults)
    properties = run_defaults.find(qn("w:rPr"))
    if properties is None:
        properties = OxmlElement("w:rPr")
        run_defaults.append(properties)
    for holder in (properties, document.styles["Normal"].element.get_or_add_rPr()):
        _language_element(holder, tag)
    settings = document.settings.element
    font_lang = settings.find(qn("w:themeFontLang"))
    if font_lang is None:
        font_lang = OxmlElement("w:themeFontLang")
        settings.append(font_lang)
    font_lang.set(qn("w:val"), tag)


def _language_element(properties: Any, tag: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    language = properties.find(qn("w:lang"))
    if language is None:
        language = OxmlElement("w:lang")
        properties.append(language)
    for attribute in ("w:val", "w:eastAsia", "w:bidi"):
        language.set(qn(attribute), tag)


def _page_setup(document: Document, info: WordInfo) -> None:
    """A4 portrait with the workshop's margins; a footer with the workshop's name and the page
    number (unless the base document has a footer of its own)."""
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    for section in document.sections:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(210), Mm(297)
        if not info.has_base:
            for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
                setattr(section, side, Mm(PAGE_MARGIN_MM))
        footer = section.footer
        if not info.has_base or not any(p.text.strip() for p in footer.paragraphs):
            _footer(footer.paragraphs[0], info)


def _footer(paragraph: Paragraph, info: WordInfo) -> None:
    """'Workshop · Sida 3 av 12' with the page number and count as fields."""
    from docx.shared import Pt

    before, between, after = info.page_words
    paragraph.text = ""
    for part in (f"{info.workshop_name} · {before}", "PAGE", between, "NUMPAGES", after):
        if part in {"PAGE", "NUMPAGES"}:
            _field(paragraph, part)
        elif part:
            paragraph.add_run(part).font.size = Pt(8)


def _field(paragraph: Paragraph, code: str) -> None:
    """A simple field (PAGE, NUMPAGES) that Word and LibreOffice fill in."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    simple = OxmlElement("w:fldSimple")
    simple.set(qn("w:instr"), f" {code} ")
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "16")  # half-points: 8 pt like the footer's words
    properties.append(size)
    run.append(properties)
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    simple.append(run)
    paragraph._p.append(simple)


@dataclass
class _Flow:
    """What the next paragraph owes the page: a page break before it."""

    page_break: bool = False
    sizes: list[float] = field(default_factory=list)  # type size inside a grid


class _Writer:
    """Writes block elements into a container: the document body or a table cell."""

    def __init__(self, document: Document, container: Any, flow: _Flow) -> None:
        self.document = document
        self.container = container
        self.flow = flow
        self.unused: Paragraph | None = None
        if container is not document:  # a new cell holds one empty paragraph: use it first
            self.unused = container.paragraphs[0]

    def paragraph(self, style: str | None = None) -> Paragraph:
        if self.unused is not None:
            paragraph, self.unused = self.unused, None
        else:
            paragraph = self.container.add_paragraph()
        if style:  # by its id, as python-docx's style setter would, without its lookups
            from docx.oxml.ns import qn

            from swot.output.docx_tables import element

            style_id = element("w:pStyle")
            style_id.set(qn("w:val"), _style(self.document, style).style_id)
            paragraph._p.get_or_add_pPr().insert(0, style_id)
        if self.flow.page_break:
            paragraph.paragraph_format.page_break_before = True
            self.flow.page_break = False
        return paragraph

    def blocks(self, node: Node) -> None:
        """Each child of ``node``: block elements as paragraphs and tables, stray text as a
        paragraph of its own."""
        loose: list[Node | str] = []
        for child in node.children:
            if isinstance(child, str) or child.tag not in BLOCKS:
                loose.append(child)
                continue
            self._loose(loose)
            loose = []
            BLOCKS[child.tag](self, child)
        self._loose(loose)

    def _loose(self, inline: list[Node | str]) -> None:
        if _SPACES.sub("", "".join(_plain(i) for i in inline)):
            self.inline(self.paragraph(), Node("span", children=inline))

    def section(self, node: Node) -> None:
        if "page" in node.classes:
            self.flow.page_break = True
        density = next((c for c in GRID_SIZES if c and c in node.classes), "")
        self.flow.sizes.append(GRID_SIZES[density])
        self.blocks(node)
        self.flow.sizes.pop()

    def container_block(self, node: Node) -> None:
        if node.attrs.get("aria-hidden") == "true":
            return
        if node.classes & GRIDS:
            self.grid(node)
        else:
            self.blocks(node)

    def heading(self, node: Node) -> None:
        paragraph = self.paragraph(f"Heading {HEADINGS[node.tag]}")
        paragraph.paragraph_format.keep_with_next = True
        self.inline(paragraph, node)

    def text_block(self, node: Node) -> None:
        self.inline(self.paragraph(), node)

    def list_block(self, node: Node) -> None:
        numbered = node.tag == "ol"
        for number, item in enumerate((c for c in node.elements() if c.tag == "li"), 1):
            # numbers written out: Word's list numbering would run on from one list to the next
            paragraph = self.paragraph("List Paragraph" if numbered else "List Bullet")
            if numbered:
                from docx.shared import Pt

                run = paragraph.add_run(f"{number}. ")
                if self.flow.sizes and self.flow.sizes[-1] != GRID_SIZES[""]:
                    run.font.size = Pt(self.flow.sizes[-1])
            self.inline(paragraph, item)

    def definitions(self, node: Node) -> None:
        term: Node | None = None
        for child in node.elements():
            if child.tag == "dt":
                term = child
            elif child.tag == "dd":
                paragraph = self.paragraph()
                if term is not None:
                    self.inline(paragraph, term, bold=True)
                    paragraph.add_run(": ")
                self.inline(paragraph, child)

    def figure(self, node: Node) -> None:
        self.blocks(node)

    def picture(self, node: Node) -> None:
        """An inline SVG chart as a PNG picture, its alt text the chart's title and description."""
        from docx.shared import Mm

        from swot.output.svg_picture import chart_label, svg_png, svg_size

        width, _ = svg_size(node)
        paragraph = self.paragraph()
        paragraph.paragraph_format.keep_with_next = True
        shape = paragraph.add_run().add_picture(
            io.BytesIO(svg_png(node)), width=Mm(min(210.0 - 2 * PAGE_MARGIN_MM, width * 0.2646))
        )
        label = chart_label(node)
        doc_properties = shape._inline.docPr
        doc_properties.set("descr", label)
        doc_properties.set("title", label)

    def table(self, node: Node) -> None:
        from swot.output.docx_tables import write_table

        write_table(self, node)

    def grid(self, node: Node) -> None:
        from swot.output.docx_tables import write_grid

        write_grid(self, node)

    def inline(self, paragraph: Paragraph, node: Node, bold: bool = False) -> None:
        from swot.output.docx_tables import write_inline

        write_inline(self, paragraph, node, bold)


def _plain(item: Node | str) -> str:
    return item if isinstance(item, str) else item.text()


_STYLES: dict[int, dict[str, Any]] = {}  # per document being written: style name → style


def _style(document: Document, name: str | None) -> Any:
    """A paragraph style by name; one the base document lacks is added (a heading with its
    outline level, so it still shows in the navigation pane)."""
    if name is None:
        return None
    from docx.enum.style import WD_STYLE_TYPE

    known = _STYLES.setdefault(id(document), {})
    if name in known:
        return known[name]
    styles = document.styles
    if name in [s.name for s in styles]:
        known[name] = styles[name]
        return known[name]
    style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles["Normal"]
    if name.startswith("Heading "):
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        level = OxmlElement("w:outlineLvl")
        level.set(qn("w:val"), str(int(name.split()[-1]) - 1))
        style.element.get_or_add_pPr().append(level)
    return style


BLOCKS: dict[str, Any] = {tag: getattr(_Writer, name) for tag, name in BLOCK_METHODS.items()}
