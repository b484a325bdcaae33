"""Tables, 2×2 grids and inline text of the PDF writer (``pdf_writer``), as Typst expressions.

``writer`` below is a ``pdf_writer._Writer`` (not imported: that module imports this one).
Every text becomes a Typst string literal (``typst_string``), never markup."""

from __future__ import annotations

import re
from typing import Any

from swot.output.html_tree import Node

_SPACES = re.compile(r"\s+")
TABLE_SIZE = 9.5  # pt, like the HTML's tables
GRIDS = {"swot-grid": 94.0, "tows-grid": 106.0}  # a box's content at least this high (mm)
QUADRANT_COLOURS = {
    "q-strengths": ("#1e6b34", "#f0f8f2"),
    "q-weaknesses": ("#8a4b00", "#fdf6ec"),
    "q-opportunities": ("#1a4f94", "#eef4fc"),
    "q-threats": ("#9c1f1f", "#fcf0f0"),
}
BOX_COLOURS = ("#4d4d4d", "#ffffff")
GREY = "#3d3d3d"
SKIPPED = frozenset({"head", "style", "script", "template", "title"})
CAP_HEIGHT = 0.72  # em: Typst's lines are this plus the leading apart (CSS: the line height)
_ESCAPES = {ord("\\"): "\\\\", ord('"'): '\\"', **{n: f"\\u{{{n:x}}}" for n in range(32)}}
_ESCAPES[127] = "\\u{7f}"


def typst_string(text: str) -> str:
    """``text`` as a Typst string literal: inert whatever it holds (only ``"``, ``\\`` and
    control characters are special inside one, and they are escaped)."""
    return '"' + text.translate(_ESCAPES) + '"'


def code_block(blocks: list[str]) -> str:
    """Block expressions as one content value."""
    return "{" + "; ".join(blocks) + "}" if blocks else "[]"


# A row never splits over a page, unless its texts are this long (a third of a page and more:
# a national item with all its wordings), which would leave that much of a page empty.
LONG_ROW = 600
LABEL = "label:"  # a piece's style that marks the quadrant's coloured letter


def _label(colour: str, literal: str) -> str:
    """The quadrant's letter, white on its colour; an artifact (the HTML hides it from screen
    readers too), still in the heading's bookmark."""
    return (
        f'pdf.artifact(highlight(fill: rgb("{colour}"), extent: 1.5pt, '
        f'text(fill: white, weight: "bold", {literal})))'
    )


def inline(writer: Any, node: Node, bold: bool = False) -> list[str]:
    """The texts inside ``node`` as Typst expressions, each text a string literal: bold
    (``<strong>``, ``<b>``, ``<th>``), italic (``<em>``, ``<i>``), a line break (``<br>``); the
    secondary spans (figures, other wordings) on a smaller grey line of their own."""
    pieces: list[tuple[str, str, bool]] = []  # (text or "" for a break, its style, a break before)
    _runs(writer, node, pieces, {"bold": bold, "italic": False, "size": None, "line": False})
    while pieces and not pieces[-1][0].strip():
        pieces.pop()
    out: list[str] = []
    for index, (text, style, line_before) in enumerate(pieces):
        if line_before and out:
            out.append("linebreak()")
            text = text.lstrip()
        if not out:
            text = text.lstrip()
        if index == len(pieces) - 1:
            text = text.rstrip()
        if style.startswith(LABEL):  # the label's colour follows the marker
            out += [_label(style.removeprefix(LABEL), typst_string(text.strip())), "h(2pt)"]
        elif text:
            out.append(f"text({style}{typst_string(text)})" if style else typst_string(text))
    return out


def _runs(writer: Any, node: Node, pieces: list[tuple[str, str, bool]], look: dict) -> None:
    for child in node.children:
        if isinstance(child, str):
            text = _SPACES.sub(" ", child)
            if text:
                pieces.append((text, _style(look), look["line"]))
                look = {**look, "line": False}
            continue
        if child.tag == "br":
            look = {**look, "line": True}
            continue
        if child.tag in SKIPPED or child.tag == "svg":
            continue
        classes = child.classes
        if "letter" in classes:  # the quadrant's letter: a coloured label, not read out
            pieces.append((child.text(), LABEL + writer.colour, False))
            continue
        inner = dict(look)
        inner["bold"] = look["bold"] or child.tag in {"strong", "b", "th"}
        inner["italic"] = look["italic"] or child.tag in {"em", "i"}
        size = next((SMALL_SIZES[c] for c in classes if c in SMALL_SIZES), None)
        if size is not None:
            inner["size"] = size
        if classes & {"figures", "also", "earlier"}:
            inner.update(line=True, size=_line_size(writer, size), fill=GREY)
        if "scope" in classes:
            inner.update(fill=GREY, bold=False)
        if child.tag == "code" or "key" in classes:
            inner["mono"] = True
        _runs(writer, child, pieces, inner)


SMALL_SIZES = {"figures": 8.5, "also": 8.5, "earlier": 8.5, "scope": 9.0, "key": 8.0}


def _line_size(writer: Any, size: float | None) -> float | None:
    """The figures line's size: the grid's density sets it (``_handout.css.j2``)."""
    if writer.density:
        from swot.output.grid_density import GRID_DENSITIES

        for density in GRID_DENSITIES:
            if density.name == writer.density[-1] and writer.in_grid:
                return density.figures_size
    return size


def _style(look: dict) -> str:
    parts = []
    if look["bold"]:
        parts.append('weight: "bold"')
    if look["italic"]:
        parts.append('style: "italic"')
    if look["size"]:
        parts.append(f"size: {look['size']}pt")
    if look.get("fill"):
        parts.append(f'fill: rgb("{look["fill"]}")')
    if look.get("mono"):
        parts.append('font: ("DejaVu Sans Mono", "Consolas", "Liberation Mono")')
    return "".join(f"{p}, " for p in parts)


def table(writer: Any, node: Node) -> list[str]:
    """A data table: its caption bold and kept with it, ``<thead>`` rows as ``table.header``
    (repeated on each page, tagged as header cells), numbers right-aligned, rows whole (but
    the longest), columns as wide as their texts need."""
    from swot.output.docx_tables import column_widths_mm, table_rows

    out = []
    caption = next((c for c in node.elements() if c.tag == "caption"), None)
    if caption is not None:
        pieces = writer.inline(caption, bold=True)
        if pieces:
            out.append(f"block(sticky: true, below: 1.5mm, par({_join(pieces)}))")
    rows = table_rows(node)
    if not rows:
        return out
    columns = max(len(cells) for _, cells in rows)
    widths = column_widths_mm(rows, columns, by_total=True)
    header: list[str] = []
    body: list[str] = []
    for is_header, cells in rows:
        target = header if is_header else body
        long = sum(len(cell.text()) for cell in cells) > LONG_ROW
        for cell in cells:
            target.append(_cell(writer, cell, is_header, long))
        target += ["[]"] * (columns - len(cells))
    spec = ", ".join(f"{w / sum(widths):.4f}fr" for w in widths)
    parts = [f"columns: ({spec},)"]
    if header:
        parts.append(f"table.header({', '.join(header)})")
    parts += body
    out.append(f"text(size: {TABLE_SIZE}pt, table({', '.join(parts)}))")
    return out


def _cell(writer: Any, cell: Node, is_header: bool, long: bool) -> str:
    pieces = writer.inline(cell, bold=cell.tag == "th")
    options = ["breakable: true"] if long else []
    if cell.classes & {"number", "num"}:
        options.append("align: right")
    if is_header:
        options.append('fill: rgb("#ececec")')
    body = _join(pieces)
    return f"table.cell({', '.join(options)}, {body})" if options else body


def _join(pieces: list[str]) -> str:
    return "[" + "".join(f"#{p}" for p in pieces) + "]"


def grid(writer: Any, node: Node) -> str:
    """A 2×2 grid (quadrants, TOWS boxes) as one unbreakable block of two columns, in the type
    size of the page's density class; each box at least as high as the HTML's."""
    from swot.output.grid_density import GRID_DENSITIES

    least = next(GRIDS[c] for c in node.classes if c in GRIDS)
    name = writer.density[-1] if writer.density else ""
    density = next((d for d in GRID_DENSITIES if d.name == name), GRID_DENSITIES[0])
    cells = []
    writer.in_grid = True
    for box in node.elements():
        stroke, fill = next(
            (QUADRANT_COLOURS[c] for c in box.classes if c in QUADRANT_COLOURS), BOX_COLOURS
        )
        writer.colour = stroke
        inner = code_block(writer.blocks(box))
        cells.append(
            f'grid.cell(stroke: 1.5pt + rgb("{stroke}"), fill: rgb("{fill}"), '
            f"grid(columns: (0pt, 1fr), box(height: {least}mm), {inner}))"
        )
    writer.in_grid = False
    heading = 10.5 if density.name else 12.0
    leading = density.line_height - CAP_HEIGHT
    return (
        f"{{ set text(size: {density.size}pt); set par(leading: {leading:.2f}em); "
        f"show heading: set text(size: {heading}pt); "
        f"block(breakable: false, grid(columns: (1fr, 1fr), gutter: 4mm, "
        f"inset: (x: 4mm, y: 3mm), {', '.join(cells)})) }}"
    )
