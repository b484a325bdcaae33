"""A chart's inline SVG drawn as a PNG with Pillow, for Word (which needs a picture).

Only what ``swot.output.charts`` draws is understood: ``rect``, ``line`` (dashed too),
``circle``, ``text`` (anchor, bold, a white halo) and the hatched and dotted fill patterns.
Anything else is left out. The picture keeps the chart's meaning in black and white, like the
SVG: the same patterns, the same numbers as text."""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from swot.output.html_tree import Node

if TYPE_CHECKING:
    from PIL import ImageDraw, ImageFont

SCALE = 2  # pixels per SVG unit: sharp when printed at the chart's width
FONT_FILES = {
    False: ("DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "arial.ttf"),
    True: (
        "DejaVuSans-Bold.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
        "arialbd.ttf",
    ),
}


def chart_label(svg: Node) -> str:
    """What a screen reader hears for the chart: its title and its description."""
    parts = [svg.find(tag) for tag in ("title", "desc")]
    return " ".join(part.text() for part in parts if part is not None and part.text())


# SVG's mixed-case attribute names, which the HTML parser lower-cased.
SVG_ATTRIBUTES = {
    name.lower(): name
    for name in (
        "viewBox",
        "preserveAspectRatio",
        "patternUnits",
        "patternContentUnits",
        "patternTransform",
        "gradientUnits",
        "gradientTransform",
        "clipPathUnits",
        "textLength",
        "lengthAdjust",
    )
}
SVG_ELEMENTS = {name.lower(): name for name in ("clipPath", "linearGradient", "radialGradient")}


def svg_markup(node: Node) -> str:
    """The element written back as SVG markup (names in SVG's own case, texts and attribute
    values escaped), for a renderer that reads SVG itself."""
    from html import escape

    tag = SVG_ELEMENTS.get(node.tag, node.tag)
    attributes = "".join(
        f' {SVG_ATTRIBUTES.get(name, name)}="{escape(value)}"' for name, value in node.attrs.items()
    )
    inner = "".join(
        escape(child, quote=False) if isinstance(child, str) else svg_markup(child)
        for child in node.children
    )
    return f"<{tag}{attributes}>{inner}</{tag}>"


def svg_size(svg: Node) -> tuple[float, float]:
    """The chart's width and height in SVG units (from ``viewBox``, else width/height)."""
    box = svg.attrs.get("viewbox", "").split()
    if len(box) == 4:
        return float(box[2]), float(box[3])
    return _number(svg.attrs.get("width"), 600), _number(svg.attrs.get("height"), 300)


def svg_png(svg: Node) -> bytes:
    """The chart as PNG bytes, white background, ``SCALE`` pixels per unit."""
    from PIL import Image, ImageDraw

    width, height = svg_size(svg)
    image = Image.new("RGB", (round(width * SCALE), round(height * SCALE)), "white")
    painter = _Painter(
        ImageDraw.Draw(image), _patterns(svg), _number(svg.attrs.get("font-size"), 12)
    )
    for element in svg.elements():
        painter.draw(element)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


@dataclass(frozen=True)
class _Pattern:
    kind: str  # "hatch", "dots" or "plain"
    ink: str


def _patterns(svg: Node) -> dict[str, _Pattern]:
    """Pattern id → how to fill with it (from the shapes inside the pattern)."""
    defs = svg.find("defs")
    found: dict[str, _Pattern] = {}
    for pattern in defs.elements() if defs else []:
        tags = {child.tag: child for child in pattern.elements()}
        if "line" in tags:
            found[pattern.attrs.get("id", "")] = _Pattern("hatch", tags["line"].attrs["stroke"])
        elif "circle" in tags:
            found[pattern.attrs.get("id", "")] = _Pattern("dots", tags["circle"].attrs["fill"])
        else:
            fill = tags["rect"].attrs.get("fill", "#fff") if "rect" in tags else "#fff"
            found[pattern.attrs.get("id", "")] = _Pattern("plain", fill)
    return found


def _number(value: str | None, default: float = 0.0) -> float:
    try:
        return float(value) if value else default
    except ValueError:
        return default


@cache
def _font(size: float, bold: bool) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    from PIL import ImageFont

    for name in FONT_FILES[bold]:
        try:
            return ImageFont.truetype(name, round(size))
        except OSError:
            continue
    return ImageFont.load_default(size=round(size))


@dataclass
class _Painter:
    pen: ImageDraw.ImageDraw
    patterns: dict[str, _Pattern]
    font_size: float

    def draw(self, element: Node) -> None:
        drawer = getattr(self, f"_{element.tag}", None)
        if drawer is not None:
            attrs = dict(element.attrs)
            if element.tag == "text":
                attrs["#text"] = element.text()
            drawer(attrs)

    def _box(self, attrs: dict[str, str]) -> tuple[float, float, float, float]:
        x, y = _number(attrs.get("x")) * SCALE, _number(attrs.get("y")) * SCALE
        return (
            x,
            y,
            x + _number(attrs.get("width")) * SCALE,
            y + _number(attrs.get("height")) * SCALE,
        )

    def _rect(self, attrs: dict[str, str]) -> None:
        box = self._box(attrs)
        fill = attrs.get("fill", "#000")
        if fill.startswith("url(#"):
            self._patterned(box, self.patterns.get(fill[5:-1], _Pattern("plain", "#fff")))
        else:
            self.pen.rectangle(box, fill=fill)
        if attrs.get("stroke"):
            width = max(1, round(_number(attrs.get("stroke-width"), 1) * SCALE))
            self.pen.rectangle(box, outline=attrs["stroke"], width=width)

    def _patterned(self, box: tuple[float, float, float, float], pattern: _Pattern) -> None:
        """A hatched (45°) or dotted fill on white, clipped to the box by drawing inside it."""
        left, top, right, bottom = box
        self.pen.rectangle(box, fill="#fff" if pattern.kind != "plain" else pattern.ink)
        step = 6 * SCALE if pattern.kind == "hatch" else 5 * SCALE
        if pattern.kind == "hatch":
            start = left - (bottom - top)
            x = start - (start % step)
            while x < right:
                self._clipped_diagonal(x, box, pattern.ink)
                x += step
        elif pattern.kind == "dots":
            radius = 1.3 * SCALE
            y = top - (top % step) + step / 2
            while y < bottom:
                x = left - (left % step) + step / 2
                while x < right:
                    if (
                        left <= x - radius
                        and x + radius <= right
                        and top <= y - radius
                        and y + radius <= bottom
                    ):
                        self.pen.ellipse(
                            (x - radius, y - radius, x + radius, y + radius), fill=pattern.ink
                        )
                    x += step
                y += step

    def _clipped_diagonal(self, x: float, box: tuple[float, float, float, float], ink: str) -> None:
        """A line going up-right at 45° from (x, bottom), cut to the box."""
        left, top, right, bottom = box
        x0, y0 = x, bottom
        if x0 < left:
            y0, x0 = bottom - (left - x0), left
        x1, y1 = x + (bottom - top), top
        if x1 > right:
            y1, x1 = top + (x1 - right), right
        if y0 > y1 and x1 > x0:
            self.pen.line((x0, y0, x1, y1), fill=ink, width=round(1.6 * SCALE))

    def _line(self, attrs: dict[str, str]) -> None:
        x0, y0 = _number(attrs.get("x1")) * SCALE, _number(attrs.get("y1")) * SCALE
        x1, y1 = _number(attrs.get("x2")) * SCALE, _number(attrs.get("y2")) * SCALE
        ink, width = (
            attrs.get("stroke", "#000"),
            max(1, round(_number(attrs.get("stroke-width"), 1) * SCALE)),
        )
        dashes = [_number(d) * SCALE for d in attrs.get("stroke-dasharray", "").split()]
        if len(dashes) != 2 or x0 != x1:  # only vertical dashed lines are drawn dashed
            self.pen.line((x0, y0, x1, y1), fill=ink, width=width)
            return
        y, on, off = min(y0, y1), dashes[0], dashes[1]
        while y < max(y0, y1):
            self.pen.line((x0, y, x0, min(y + on, max(y0, y1))), fill=ink, width=width)
            y += on + off

    def _circle(self, attrs: dict[str, str]) -> None:
        cx, cy = _number(attrs.get("cx")) * SCALE, _number(attrs.get("cy")) * SCALE
        r = _number(attrs.get("r")) * SCALE
        self.pen.ellipse((cx - r, cy - r, cx + r, cy + r), fill=attrs.get("fill", "#000"))

    def _text(self, attrs: dict[str, Any]) -> None:
        """Text at its baseline; 'start', 'middle' or 'end' anchored, bold when asked."""
        node_text = attrs.get("#text", "")
        font = _font(self.font_size * SCALE, attrs.get("font-weight") == "bold")
        anchor = {"start": "ls", "middle": "ms", "end": "rs"}.get(
            attrs.get("text-anchor", "start"), "ls"
        )
        position = (_number(attrs.get("x")) * SCALE, _number(attrs.get("y")) * SCALE)
        halo = round(_number(attrs.get("stroke-width"))) * SCALE // 2 if attrs.get("stroke") else 0
        self.pen.text(
            position,
            node_text,
            fill="#1a1a1a",
            font=font,
            anchor=anchor,
            stroke_width=halo,
            stroke_fill=attrs.get("stroke") or None,
        )
