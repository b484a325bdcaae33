"""A page swot rendered as HTML, written as a tagged PDF (Typst, PDF/UA-1).

The HTML is read back into a tree (``html_tree``, as the Word writer reads it) and written as
Typst source, which the Typst compiler of the ``typst`` package (bundled, offline) lays out:

- every text of the page is a Typst **string literal** in code mode (``#"…"``), never markup,
  so an entry holding ``*``, ``#``, ``$``, ``_``, ``<``, ``@``, ``\\``, backticks or ``]`` can
  neither break the document nor inject anything (``typst_string`` escapes ``"``, ``\\`` and
  control characters, nothing else is special inside a string);
- ``<h1>``–``<h6>`` become Typst headings (the PDF's bookmarks and H tags; a level that skips
  one is pulled up, PDF/UA-1 forbids the gap), sticky so a heading never ends a page;
- tables get their ``<thead>`` rows as ``table.header`` (repeated on each page, tagged as
  header cells), rows that never split, numeric columns (``number``/``num``) right-aligned;
- a chart (inline ``<svg>``) is given to Typst as SVG, its alt text the chart's title and
  description;
- the 2×2 grids (``swot-grid``, ``tows-grid``) are one unbreakable block, set in the type size
  of the density class the handout chose (``grid_density.GRID_DENSITIES``, as ``_handout.css.j2``);
- A4 portrait, the workshop's name and "Sida 3 av 12" in the footer, the title and the language
  in the document's metadata.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Final

from swot.output.html_tree import BLOCK_METHODS, Node, parse_html
from swot.output.pdf_parts import (
    BOX_COLOURS,
    CAP_HEIGHT,
    GREY,
    GRIDS,
    SKIPPED,
    code_block,
    grid,
    inline,
    table,
    typst_string,
)

PDF_STANDARD: Final = "ua-1"
FONTS = ("Liberation Sans", "Arial", "Helvetica", "DejaVu Sans")
HEADINGS = {f"h{level}": level for level in range(1, 7)}
HEADING_SIZES = {1: 22.0, 2: 15.0, 3: 12.0, 4: 11.0, 5: 10.5, 6: 10.5}
TEXT_WIDTH_MM = 182.0  # A4 less the margins
MM_PER_PIXEL = 0.2646  # an SVG unit is a CSS pixel
CHART_HEIGHT_MM = 220.0  # a chart at most this high: its heading and caption fit on its page


def pdf_bytes(
    html: str | Node,
    title: str,
    lang: str,
    workshop_name: str,
    page_words: tuple[str, str, str],
) -> bytes:
    """The tagged PDF of ``html`` (a page swot rendered): PDF/UA-1, or, should Typst's own
    PDF/UA check refuse the page (a workshop's template can skip what it needs), tagged all the
    same without the claim."""
    import typst

    source = typst_source(html, title, lang, workshop_name, page_words)
    try:
        return bytes(typst.compile(source, pdf_standards=PDF_STANDARD))
    except typst.TypstError:
        return bytes(typst.compile(source))


def typst_source(
    html: str | Node, title: str, lang: str, workshop_name: str, page_words: tuple[str, str, str]
) -> bytes:
    """The Typst document of ``html`` (as text or already parsed), as UTF-8 bytes."""
    root = html if isinstance(html, Node) else parse_html(html)
    body = root.find("body") or root
    writer = _Writer()
    content = writer.blocks(body)
    text = "\n".join(
        [_preamble(title, lang, workshop_name, page_words), *(f"#{c}" for c in content)]
    )
    return text.encode("utf-8", errors="replace")


def _preamble(title: str, lang: str, workshop_name: str, words: tuple[str, str, str]) -> str:
    """Page setup, footer, language, title and the look of headings, tables and lists."""
    before, between, after = (typst_string(w) for w in words)
    footer = (
        f'context {{ set text(size: 8pt, fill: rgb("{GREY}")); {typst_string(workshop_name)}; '
        f"h(1fr); {before}; str(counter(page).get().first()); {between}; "
        f"str(counter(page).final().first()); {after} }}"
    )
    fonts = ", ".join(typst_string(f) for f in FONTS)
    headings = "\n".join(
        f"#show heading.where(level: {level}): set text(size: {size}pt)"
        for level, size in HEADING_SIZES.items()
    )
    return (
        f"#set document(title: {typst_string(title or ' ')}, date: none)\n"
        f"#set text(lang: {typst_string(lang)}, font: ({fonts},), size: 10.5pt)\n"
        f'#set page(paper: "a4", margin: (x: 14mm, top: 14mm, bottom: 16mm), footer: {footer})\n'
        f"#set par(leading: {1.4 - CAP_HEIGHT:.2f}em, spacing: 2.5mm)\n"
        "#show heading: set block(sticky: true, above: 4mm, below: 2.5mm)\n"
        '#show heading: set text(fill: rgb("#111111"))\n'
        f"{headings}\n"
        '#set table(stroke: 0.75pt + rgb("#8c8c8c"), inset: (x: 2mm, y: 1.2mm))\n'
        "#set table.cell(breakable: false)\n"
        "#set list(spacing: 1.5mm)\n"
        "#set enum(spacing: 1.5mm)\n"
    )


def _content(pieces: list[str]) -> str:
    """Typst content made of expressions (each a string literal or a call)."""
    return "[" + "".join(f"#{piece}" for piece in pieces) + "]"


@dataclass
class _Writer:
    """Turns the tree into Typst expressions; remembers the open headings, the page's grid
    density and the colour of the box being written."""

    levels: list[int] = field(default_factory=list)  # the HTML levels of the open headings
    density: list[str] = field(default_factory=list)
    colour: str = BOX_COLOURS[0]
    in_grid: bool = False

    def blocks(self, node: Node) -> list[str]:
        """Each child of ``node`` as a block expression; loose text as a paragraph."""
        out: list[str] = []
        loose: list[Node | str] = []
        for child in node.children:
            if isinstance(child, Node) and child.tag in SKIPPED:
                continue
            if isinstance(child, str) or child.tag not in BLOCKS:
                loose.append(child)
                continue
            out += self._paragraph(Node("span", children=loose))
            loose = []
            out += BLOCKS[child.tag](self, child)
        return out + self._paragraph(Node("span", children=loose))

    def _paragraph(self, node: Node, style: str = "") -> list[str]:
        pieces = self.inline(node)
        if not pieces:
            return []
        body = _content(pieces)
        return [f"par(text({style}{body}))" if style else f"par({body})"]

    def text_block(self, node: Node) -> list[str]:
        classes = node.classes
        style = ""
        if classes & {"kicker", "note", "more", "empty"}:
            style = f'size: 9pt, fill: rgb("{GREY}"), '
        if classes & {"empty", "more", "question"}:
            style += 'style: "italic", '
        if "subtitle" in classes:
            style = "size: 13pt, "
        return self._paragraph(node, style)

    def heading(self, node: Node) -> list[str]:
        pieces = self.inline(node)
        if not pieces:
            return []
        level = HEADINGS[node.tag]
        while self.levels and self.levels[-1] >= level:  # PDF/UA-1: no level skipped, h1 first
            self.levels.pop()
        self.levels.append(level)
        return [f"heading(level: {len(self.levels)}, {_content(pieces)})"]

    def section(self, node: Node) -> list[str]:
        out = ["pagebreak(weak: true)"] if "page" in node.classes else []
        from swot.output.grid_density import GRID_DENSITIES

        names = [d.name for d in GRID_DENSITIES if d.name and d.name in node.classes]
        self.density.append(names[0] if names else "")
        out += self.container_block(node)
        self.density.pop()
        return out

    def container_block(self, node: Node) -> list[str]:
        if node.attrs.get("aria-hidden") == "true":
            return []
        classes = node.classes
        if classes & GRIDS.keys():
            return [grid(self, node)]
        inner = self.blocks(node)
        if "notes" in classes and inner:
            return [
                'block(width: 100%, stroke: 1.5pt + rgb("#8a5a00"), fill: rgb("#fff8eb"), '
                f"inset: (x: 4mm, y: 3mm), {code_block(inner)})"
            ]
        return inner

    def list_block(self, node: Node) -> list[str]:
        items = [self.item(child) for child in node.elements() if child.tag == "li"]
        if not items:
            return []
        kind = "enum" if node.tag == "ol" else "list"
        spacing = ""
        if self.density and node.tag == "ol":
            from swot.output.grid_density import GRID_DENSITIES

            gap = next(d.gap_mm for d in GRID_DENSITIES if d.name == self.density[-1])
            spacing = f"spacing: {gap}mm, "
        return [f"{kind}({spacing}{', '.join(items)})"]

    def item(self, node: Node) -> str:
        if any(child.tag in BLOCKS for child in node.elements()):
            return code_block(self.blocks(node))
        return _content(self.inline(node))

    def definitions(self, node: Node) -> list[str]:
        out, term = [], None
        for child in node.elements():
            if child.tag == "dt":
                term = child
            elif child.tag == "dd":
                pieces = [*self.inline(term, bold=True), '": "'] if term is not None else []
                out.append(f"par({_content(pieces + self.inline(child))})")
        return out

    def figure(self, node: Node) -> list[str]:
        return self.blocks(node)

    def picture(self, node: Node) -> list[str]:
        """An inline SVG chart as a Typst image, its alt text the chart's title and description."""
        from swot.output.svg_picture import chart_label, svg_markup, svg_size

        width, height = (side * MM_PER_PIXEL for side in svg_size(node))
        scale = min(1.0, TEXT_WIDTH_MM / width, CHART_HEIGHT_MM / height)  # fits, with a heading
        svg = typst_string(svg_markup(node))
        alt = typst_string(chart_label(node) or " ")
        return [
            f'block(breakable: false, image(bytes({svg}), format: "svg", alt: {alt}, '
            f"width: {width * scale:.1f}mm))"
        ]

    def table(self, node: Node) -> list[str]:
        return table(self, node)

    def inline(self, node: Node, bold: bool = False) -> list[str]:
        return inline(self, node, bold)


BLOCKS: dict[str, Any] = {tag: getattr(_Writer, name) for tag, name in BLOCK_METHODS.items()}
