"""Tables, 2×2 grids and inline text of the Word writer (``docx_writer``)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from swot.output.html_tree import Node

if TYPE_CHECKING:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

_SPACES = re.compile(r"\s+")
# Inline classes the handouts and reports use for secondary text: a line of their own, smaller.
SMALL_LINES = {"figures": 8.0, "also": 8.0, "earlier": 8.5}
SMALL = {"scope": 9.0, "key": 8.0}
TEXT_WIDTH_MM = 180.0  # A4 less the margins of docx_writer
GRID_ROW_MM = {"swot-grid": 90.0, "tows-grid": 105.0}  # a 2×2 grid's rows at least this high
WIDE = 45  # characters: a column's text longer than this wraps (its width stops growing)
MM_PER_CHARACTER = 2.2  # a 9 pt letter, with room for a wider font than measured
CELL_PADDING_MM = 5.0  # the cell margins, both sides (LibreOffice's are wider than Word's)
TABLE_SIZE = 9.0  # pt: the type of a table's cells, like the HTML's 9.5 pt
# ``writer`` below is a ``docx_writer._Writer`` (not imported: that module imports this one).


def write_table(writer: Any, node: Node) -> None:
    """A data table: its caption as a Caption paragraph kept with it, ``<thead>`` rows marked
    as header rows that repeat on each page, ``<th>`` cells bold, no row split over a page."""
    caption = next((c for c in node.elements() if c.tag == "caption"), None)
    if caption is not None and caption.text():
        paragraph = writer.paragraph("Caption")
        paragraph.paragraph_format.keep_with_next = True
        writer.inline(paragraph, caption)
    rows = table_rows(node)
    if not rows:
        return
    columns = max(len(cells) for _, cells in rows)
    table = writer.container.add_table(rows=len(rows), cols=columns)
    _table_style(writer, table)
    _table_caption(table, caption.text() if caption is not None else "")
    from docx.shared import Mm

    widths = [Mm(width) for width in column_widths_mm(rows, columns)]
    writer.flow.sizes.append(TABLE_SIZE)
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width  # the grid LibreOffice lays out by; Word reads the cells'
    for row, (header, cells) in zip(table.rows, rows, strict=True):
        _keep_row(row, header)
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
        for cell, source in zip(row.cells, cells, strict=False):
            inner = type(writer)(writer.document, cell, writer.flow)
            paragraph = inner.paragraph()
            inner.inline(paragraph, source, bold=source.tag == "th")
            if "number" in source.classes or "num" in source.classes:
                from docx.enum.text import WD_ALIGN_PARAGRAPH

                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    writer.flow.sizes.pop()


def column_widths_mm(
    rows: list[tuple[bool, list[Node]]], columns: int, *, by_total: bool = False
) -> list[float]:
    """Widths in mm that fill the page's text width: each column at least as wide as its
    longest word (ids and figures are not broken), the rest shared by how long its texts are
    (its longest, up to ``WIDE`` characters; ``by_total``: all its texts together, which gives
    the room to the column that makes the rows tall), so the item's text gets the room."""
    words = [1] * columns
    lengths = [1] * columns
    for _, cells in rows:
        for index, cell in enumerate(cells):
            text = cell.text()
            longest = max((len(word) for word in text.split()), default=1)
            words[index] = max(words[index], min(longest, 20))
            if by_total:
                lengths[index] += len(text)
            else:
                lengths[index] = max(lengths[index], min(len(text), WIDE))
    least = [word * MM_PER_CHARACTER + CELL_PADDING_MM for word in words]
    if sum(least) >= TEXT_WIDTH_MM:
        return [TEXT_WIDTH_MM * width / sum(least) for width in least]
    spare = TEXT_WIDTH_MM - sum(least)
    return [
        width + spare * length / sum(lengths) for width, length in zip(least, lengths, strict=True)
    ]


def table_rows(node: Node) -> list[tuple[bool, list[Node]]]:
    """(is a header row, its cells) of each row, ``<thead>`` first."""
    rows: list[tuple[bool, list[Node]]] = []
    for part in node.elements():
        if part.tag in {"thead", "tbody", "tfoot"}:
            for row in part.elements():
                if row.tag == "tr":
                    cells = [c for c in row.elements() if c.tag in {"th", "td"}]
                    rows.append((part.tag == "thead", cells))
        elif part.tag == "tr":
            rows.append((False, [c for c in part.elements() if c.tag in {"th", "td"}]))
    return rows


def _table_style(writer: Any, table: Table) -> None:
    if "Table Grid" in [s.name for s in writer.document.styles]:
        table.style = writer.document.styles["Table Grid"]


def _table_caption(table: Table, caption: str) -> None:
    """The table's title for assistive technology (Word's table alt text)."""
    if not caption:
        return
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = table._tbl.tblPr
    element = OxmlElement("w:tblCaption")
    element.set(qn("w:val"), caption[:255])
    properties.append(element)


def _keep_row(row: Any, header: bool) -> None:
    """A row never split over a page; a header row repeated at the top of each page."""
    properties = row._tr.get_or_add_trPr()
    properties.append(element("w:cantSplit"))
    if header:
        properties.append(element("w:tblHeader"))


def write_grid(writer: Any, node: Node) -> None:
    """A 2×2 grid (quadrants, TOWS boxes) as a layout table of two columns, no header row,
    rows never split; each box's headings and lists are written inside its cell."""
    boxes = node.elements()
    if not boxes:
        return
    from docx.shared import Mm

    table = writer.container.add_table(rows=(len(boxes) + 1) // 2, cols=2)
    _table_style(writer, table)
    row_mm = next((GRID_ROW_MM[c] for c in node.classes if c in GRID_ROW_MM), 0.0)
    for index, box in enumerate(boxes):
        row = table.rows[index // 2]
        table.columns[index % 2].width = row.cells[index % 2].width = Mm(TEXT_WIDTH_MM / 2)
        if index % 2 == 0:
            _keep_row(row, header=False)
            if row_mm:  # room to write in, as the HTML's min-height gives
                from docx.enum.table import WD_ROW_HEIGHT_RULE

                row.height, row.height_rule = Mm(row_mm), WD_ROW_HEIGHT_RULE.AT_LEAST
        inner = type(writer)(writer.document, row.cells[index % 2], writer.flow)
        inner.blocks(box)


def write_inline(writer: Any, paragraph: Paragraph, node: Node, bold: bool) -> None:
    """The texts inside ``node`` as runs: bold (``<strong>``, ``<b>``, ``<th>``), italic
    (``<em>``, ``<i>``), a line break (``<br>``); the handout's secondary spans (figures, other
    wordings) on a smaller line of their own. The runs are made as XML directly: python-docx's
    run API costs ~10× as much, which a national handout's thousands of cells notice."""
    sizes = writer.flow.sizes
    default = sizes[-1] if sizes and sizes[-1] != 10.0 else None
    pieces = _runs(node, bold=bold, italic=False, size=None)
    pieces = [p for p in pieces if p[0].strip() or p[4]]
    while pieces and not pieces[-1][0].strip():  # a line break at the end shows nothing
        pieces.pop()
    at_start = not paragraph.text
    for index, (text, is_bold, is_italic, size, line_before) in enumerate(pieces):
        if line_before and not at_start:
            paragraph._p.append(_run_element("", False, False, None, line_break=True))
            text = text.lstrip()
        if at_start:
            text = text.lstrip()
        if index == len(pieces) - 1:
            text = text.rstrip()
        if text:
            paragraph._p.append(_run_element(text, is_bold, is_italic, size or default))
            at_start = False


def _run_element(
    text: str, bold: bool, italic: bool, size: float | None, line_break: bool = False
) -> Any:
    """``<w:r>`` with its bold, italic and size (half-points), holding the text or a break."""
    from docx.oxml.ns import qn

    run = element("w:r")
    if bold or italic or size:
        properties = element("w:rPr")
        if bold:
            properties.append(element("w:b"))
        if italic:
            properties.append(element("w:i"))
        if size:
            half_points = element("w:sz")
            half_points.set(qn("w:val"), str(round(size * 2)))
            properties.append(half_points)
        run.append(properties)
    if line_break:
        run.append(element("w:br"))
        return run
    text_element = element("w:t")
    text_element.text = text
    text_element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    run.append(text_element)
    return run


def element(tag: str) -> Any:
    """A new WordprocessingML element (python-docx's ``OxmlElement`` parses a string each time;
    this makes it with the same parser, so it gets python-docx's element class all the same)."""
    from docx.oxml.ns import qn
    from docx.oxml.parser import oxml_parser

    return oxml_parser.makeelement(qn(tag))


Piece = tuple[str, bool, bool, float | None, bool]


def _runs(node: Node, *, bold: bool, italic: bool, size: float | None) -> list[Piece]:
    pieces: list[Piece] = []
    for child in node.children:
        if isinstance(child, str):
            text = _SPACES.sub(" ", child)
            if text:
                pieces.append((text, bold, italic, size, False))
            continue
        if child.tag == "br":
            pieces.append(("", bold, italic, size, True))
            continue
        if child.tag in {"svg", "style", "script"}:
            continue
        classes = child.classes
        line = bool(classes & SMALL_LINES.keys())
        inner_size = next(
            (SMALL_LINES.get(c) or SMALL.get(c) for c in classes if c in SMALL_LINES or c in SMALL),
            size,
        )
        inner = _runs(
            child,
            bold=bold or child.tag in {"strong", "b", "th"},
            italic=italic or child.tag in {"em", "i"},
            size=inner_size,
        )
        if line and inner:
            inner[0] = (*inner[0][:4], True)
        pieces.extend(inner)
    return pieces
