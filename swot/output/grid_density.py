"""How a handout's 2×2 grid page is set so that it holds on one A4 page at any --top and any
text length: the density classes (type size, line height, room between items, longest text
shown), the same in the HTML (``_handout.css.j2``) and the PDF (``pdf_writer``).

Apart from the handout so that the PDF writer can read it without importing the handout."""

from __future__ import annotations

from dataclasses import dataclass

GRID_TEXT_LIMIT = 160  # the 2×2 grid shows at most this much of a text; the lists show it all
# The 2×2 grid holds on one A4 page at any --top and any text length: the grid page takes the
# first density (class, type size in pt, longest text shown) whose estimated height fits, for
# the fullest quadrant of that theme. More than GRID_MAX items a quadrant do not fit legibly:
# the grid shows GRID_MAX and the merge says so (the full lists show them all).
# tests/test_print.py prints the worst case (200-character texts) to PDF at --top 3, 5, 8, 10.
GRID_MAX = 10


@dataclass(frozen=True)
class GridDensity:
    """How a grid page is set (its CSS in _handout.css.j2): class, type size and line height of
    the items, the size of their figures line, the room between items, the longest text."""

    name: str
    size: float
    line_height: float
    figures_size: float
    gap_mm: float
    text_limit: int

    def item_mm(self, text: str) -> float:
        """Estimated height of one item: its text's lines, the figures line and the gap."""
        import math

        per_line = QUADRANT_TEXT_MM * CHARACTERS_PER_MM_PT / self.size
        lines = math.ceil(min(len(text), self.text_limit) / per_line)
        point = 0.3528  # mm
        return (lines * self.size + self.figures_size) * self.line_height * point + self.gap_mm


GRID_DENSITIES = (
    GridDensity("", 10.5, 1.4, 8.5, 2.0, GRID_TEXT_LIMIT),
    GridDensity("dense", 9.0, 1.35, 8.0, 1.0, GRID_TEXT_LIMIT),
    GridDensity("denser", 8.0, 1.3, 7.0, 1.0, 120),
    GridDensity("densest", 7.5, 1.2, 7.0, 0.5, 80),
)
GRID_LIST_MM = 100.0  # height for a quadrant's list on an A4 page (two rows, headings, lead)
QUADRANT_TEXT_MM = 76.0  # width of a quadrant's list
CHARACTERS_PER_MM_PT = 5.4  # a line holds this × its width in mm / type size in pt characters


def grid_density(quadrants: list[list[str]]) -> GridDensity:
    """How the grid page is set, for the texts of each quadrant's top items: the largest type
    whose estimated height fits ``GRID_LIST_MM`` (the smallest, with texts cut shorter, holds
    ``GRID_MAX`` items of any length)."""
    for density in GRID_DENSITIES:
        tallest = max((sum(density.item_mm(t) for t in texts) for texts in quadrants), default=0)
        if tallest <= GRID_LIST_MM:
            return density
    return GRID_DENSITIES[-1]
