"""Horizontal bar charts as inline SVG, readable on a black-and-white printout.

Meaning never rests on colour: every kind of bar has its own fill pattern (solid, light, hatched,
dotted), a legend names the patterns in words, and every bar carries its number as text. The
SVG is an image with a title and a description for screen readers; the report puts a table with
the same figures next to each chart. No JavaScript, no fonts or files from elsewhere."""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

# Pattern name -> how it is drawn. Ids are prefixed per chart so several charts can share a page.
STYLES = ("solid", "light", "hatch", "dots")
INK = "#1a1a1a"
WIDTH = 680
FONT = 12
CHAR_WIDTH = 6.8  # average advance of a 12 px sans-serif letter, for laying out labels
BAR_HEIGHT = 16
BAR_GAP = 4
GROUP_GAP = 12
GROUP_TITLE = 18
LEGEND_HEIGHT = 28
VALUE_ROOM = 64  # room right of the longest bar for its number


@dataclass
class Segment:
    """One part of a bar: its size and its pattern (one of ``STYLES``)."""

    value: float
    style: str
    text: str = ""  # shown inside the segment when it is wide enough


@dataclass
class Bar:
    """A bar with a label on its left and its figure written at its end."""

    label: str
    segments: list[Segment]
    value_text: str

    @property
    def total(self) -> float:
        return sum(s.value for s in self.segments)


@dataclass
class BarGroup:
    """Bars that belong together under one heading (a unit, a quadrant)."""

    title: str
    bars: list[Bar] = field(default_factory=list)


@dataclass
class Marker:
    """A vertical reference line, e.g. the response-rate target."""

    value: float
    label: str


def _patterns(prefix: str) -> str:
    """The fill patterns of one chart."""
    return (
        "<defs>"
        f'<pattern id="{prefix}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)">'
        '<rect width="6" height="6" fill="#fff"/>'
        f'<line x1="0" y1="0" x2="0" y2="6" stroke="{INK}" stroke-width="2.2"/></pattern>'
        f'<pattern id="{prefix}-dots" width="5" height="5" patternUnits="userSpaceOnUse">'
        '<rect width="5" height="5" fill="#fff"/>'
        f'<circle cx="2.5" cy="2.5" r="1.3" fill="{INK}"/></pattern>'
        "</defs>"
    )


def _fill(style: str, prefix: str) -> str:
    if style == "solid":
        return INK
    if style == "light":
        return "#c8c8c8"
    if style in {"hatch", "dots"}:
        return f"url(#{prefix}-{style})"
    raise ValueError(f"unknown bar style {style!r}")


def _swatch(x: float, y: float, style: str, prefix: str) -> str:
    return (
        f'<rect x="{x:.1f}" y="{y:.1f}" width="18" height="12" fill="{_fill(style, prefix)}" '
        f'stroke="{INK}" stroke-width="1"/>'
    )


def _text(x: float, y: float, text: str, anchor: str = "start", weight: str = "normal") -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-weight="{weight}">'
        f"{escape(text)}</text>"
    )


def _halo_text(x: float, y: float, text: str, anchor: str = "middle", weight: str = "bold") -> str:
    """A number legible over any pattern or reference line, thanks to a white outline."""
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-weight="{weight}" '
        f'stroke="#fff" stroke-width="3" paint-order="stroke">{escape(text)}</text>'
    )


def bar_chart(
    chart_id: str,
    title: str,
    description: str,
    groups: list[BarGroup],
    legend: list[tuple[str, str]],
    scale_max: float,
    marker: Marker | None = None,
) -> str:
    """An SVG of grouped horizontal bars; ``legend`` pairs a style with what it means."""
    layout = _layout(chart_id, groups, scale_max)
    top = LEGEND_HEIGHT + (14 if marker else 0)
    bars, numbers, bottom = _groups(groups, top, layout)
    # Numbers go on top of the reference line, which goes on top of the bars.
    body = [
        _patterns(chart_id),
        *_legend(legend, chart_id),
        *bars,
        *_axis(layout, top, bottom, marker),
        *numbers,
    ]
    return _svg(chart_id, title, description, bottom + 6, "".join(body))


@dataclass(frozen=True)
class _Layout:
    """Where one chart's bars start and how wide one unit of value is drawn."""

    chart_id: str
    left: float
    scale: float


def _layout(chart_id: str, groups: list[BarGroup], scale_max: float) -> _Layout:
    """Room on the left for the longest bar label (within limits); the rest is the plot."""
    labels = [bar.label for group in groups for bar in group.bars]
    left = min(260.0, max([60.0, *(len(label) * CHAR_WIDTH + 12 for label in labels)]))
    plot = WIDTH - left - VALUE_ROOM
    return _Layout(chart_id, left, plot / scale_max if scale_max > 0 else 0.0)


def _legend(legend: list[tuple[str, str]], prefix: str) -> list[str]:
    """The legend on top, in words: a swatch of each pattern and what it means."""
    parts = []
    x = 0.0
    y = 4.0
    for style, meaning in legend:
        parts.append(_swatch(x, y, style, prefix))
        parts.append(_text(x + 24, y + 10.5, meaning))
        x += 24 + len(meaning) * CHAR_WIDTH + 22
    return parts


def _groups(
    groups: list[BarGroup], top: float, layout: _Layout
) -> tuple[list[str], list[str], float]:
    """The group titles and bars from ``top`` down; returns them, the numbers to draw over
    them, and where the last bar ends."""
    parts: list[str] = []
    numbers: list[str] = []
    y = top
    for group in groups:
        parts.append(_text(0, y + 13, group.title, weight="bold"))
        y += GROUP_TITLE
        for bar in group.bars:
            parts.append(_text(layout.left - 8, y + 12, bar.label, anchor="end"))
            shapes, figures = _bar(bar, y, layout)
            parts.extend(shapes)
            numbers.extend(figures)
            y += BAR_HEIGHT + BAR_GAP
        y += GROUP_GAP
    return parts, numbers, y - GROUP_GAP


def _bar(bar: Bar, y: float, layout: _Layout) -> tuple[list[str], list[str]]:
    """One bar's segments, and its numbers: inside a segment wide enough, its total at its end."""
    shapes: list[str] = []
    numbers: list[str] = []
    offset = layout.left
    for segment in bar.segments:
        width = segment.value * layout.scale
        if width <= 0:
            continue
        shapes.append(
            f'<rect x="{offset:.1f}" y="{y:.1f}" width="{width:.1f}" '
            f'height="{BAR_HEIGHT}" fill="{_fill(segment.style, layout.chart_id)}" '
            f'stroke="{INK}" stroke-width="1"/>'
        )
        if segment.text and width >= len(segment.text) * CHAR_WIDTH + 8:
            numbers.append(_halo_text(offset + width / 2, y + 12, segment.text))
        offset += width
    # A white card behind the number keeps it readable where the reference line crosses.
    numbers.append(
        f'<rect x="{offset + 3:.1f}" y="{y + 1:.1f}" '
        f'width="{len(bar.value_text) * CHAR_WIDTH + 6:.1f}" height="{BAR_HEIGHT - 2}" '
        'fill="#fff"/>'
    )
    numbers.append(_text(offset + 6, y + 12, bar.value_text))
    return shapes, numbers


def _axis(layout: _Layout, top: float, bottom: float, marker: Marker | None) -> list[str]:
    """The baseline the bars grow from, and the dashed reference line with its label."""
    left = layout.left
    parts = [
        f'<line x1="{left:.1f}" y1="{top:.1f}" x2="{left:.1f}" y2="{bottom:.1f}" '
        f'stroke="{INK}" stroke-width="1"/>'
    ]
    if marker is not None:
        mx = left + marker.value * layout.scale
        parts.append(
            f'<line x1="{mx:.1f}" y1="{top - 4:.1f}" x2="{mx:.1f}" y2="{bottom:.1f}" '
            f'stroke="{INK}" stroke-width="1.5" stroke-dasharray="5 3"/>'
        )
        parts.append(_text(mx, top - 7, marker.label, anchor="middle", weight="bold"))
    return parts


def _svg(chart_id: str, title: str, description: str, height: float, body: str) -> str:
    """The chart as an image named by its title and described for screen readers."""
    title_id, desc_id = f"{chart_id}-title", f"{chart_id}-desc"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'viewBox="0 0 {WIDTH} {height:.0f}" width="{WIDTH}" height="{height:.0f}" '
        f'aria-labelledby="{title_id} {desc_id}" font-family="sans-serif" '
        f'font-size="{FONT}" fill="{INK}">'
        f'<title id="{title_id}">{escape(title)}</title>'
        f'<desc id="{desc_id}">{escape(description)}</desc>' + body + "</svg>"
    )
