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
    labels = [bar.label for group in groups for bar in group.bars]
    label_width = min(260.0, max([60.0, *(len(label) * CHAR_WIDTH + 12 for label in labels)]))
    left = label_width
    plot = WIDTH - left - VALUE_ROOM
    scale = plot / scale_max if scale_max > 0 else 0.0
    parts: list[str] = [_patterns(chart_id)]
    # Legend on top, in words.
    x = 0.0
    y = 4.0
    for style, meaning in legend:
        parts.append(_swatch(x, y, style, chart_id))
        parts.append(_text(x + 24, y + 10.5, meaning))
        x += 24 + len(meaning) * CHAR_WIDTH + 22
    y = LEGEND_HEIGHT + (14 if marker else 0)
    top = y
    # Numbers go on top of the reference line, which goes on top of the bars.
    numbers: list[str] = []
    for group in groups:
        parts.append(_text(0, y + 13, group.title, weight="bold"))
        y += GROUP_TITLE
        for bar in group.bars:
            parts.append(_text(left - 8, y + 12, bar.label, anchor="end"))
            offset = left
            for segment in bar.segments:
                width = segment.value * scale
                if width <= 0:
                    continue
                parts.append(
                    f'<rect x="{offset:.1f}" y="{y:.1f}" width="{width:.1f}" '
                    f'height="{BAR_HEIGHT}" fill="{_fill(segment.style, chart_id)}" '
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
            y += BAR_HEIGHT + BAR_GAP
        y += GROUP_GAP
    bottom = y - GROUP_GAP
    parts.append(
        f'<line x1="{left:.1f}" y1="{top:.1f}" x2="{left:.1f}" y2="{bottom:.1f}" '
        f'stroke="{INK}" stroke-width="1"/>'
    )
    if marker is not None:
        mx = left + marker.value * scale
        parts.append(
            f'<line x1="{mx:.1f}" y1="{top - 4:.1f}" x2="{mx:.1f}" y2="{bottom:.1f}" '
            f'stroke="{INK}" stroke-width="1.5" stroke-dasharray="5 3"/>'
        )
        parts.append(_text(mx, top - 7, marker.label, anchor="middle", weight="bold"))
    parts.extend(numbers)
    height = bottom + 6
    title_id, desc_id = f"{chart_id}-title", f"{chart_id}-desc"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'viewBox="0 0 {WIDTH} {height:.0f}" width="{WIDTH}" height="{height:.0f}" '
        f'aria-labelledby="{title_id} {desc_id}" font-family="sans-serif" '
        f'font-size="{FONT}" fill="{INK}">'
        f'<title id="{title_id}">{escape(title)}</title>'
        f'<desc id="{desc_id}">{escape(description)}</desc>' + "".join(parts) + "</svg>"
    )
