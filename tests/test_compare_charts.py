"""Inline SVG charts: accessible names, a number on every bar, patterns not colour alone, and a
table next to every chart in the report."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest

from swot.files.workshop import load_workshop
from swot.jobs.compare import compare_rounds
from swot.output.charts import Bar, BarGroup, Marker, Segment, bar_chart
from swot.output.report import render_report

SVG = "{http://www.w3.org/2000/svg}"


def chart() -> str:
    return bar_chart(
        "c1",
        "Response rate & target",
        "One bar per round.",
        [
            BarGroup("Höganäs", [Bar("2025", [Segment(80, "light")], "80 %")]),
            BarGroup(
                "Bjuv",
                [Bar("2026", [Segment(30, "hatch", "30"), Segment(20, "dots", "20")], "50 %")],
            ),
        ],
        [("light", "before"), ("hatch", "resolved"), ("dots", "new")],
        100,
        Marker(75, "target 75 %"),
    )


def test_chart_is_an_image_named_by_its_title_and_description() -> None:
    root = ET.fromstring(chart())
    assert root.get("role") == "img"
    title_id, desc_id = root.get("aria-labelledby", "").split()
    assert root.find(f"{SVG}title").get("id") == title_id  # type: ignore[union-attr]
    assert root.find(f"{SVG}title").text == "Response rate & target"  # type: ignore[union-attr]
    assert root.find(f"{SVG}desc").get("id") == desc_id  # type: ignore[union-attr]


def test_every_bar_carries_its_number_and_the_legend_is_in_words() -> None:
    texts = [t.text for t in ET.fromstring(chart()).iter(f"{SVG}text")]
    for expected in ("80 %", "50 %", "30", "20", "before", "resolved", "new", "target 75 %"):
        assert expected in texts


def test_bar_kinds_differ_by_pattern_not_only_by_colour() -> None:
    fills = {
        rect.get("fill")
        for rect in ET.fromstring(chart()).iter(f"{SVG}rect")
        if rect.get("height") == "16"
    }
    assert fills == {"#c8c8c8", "url(#c1-hatch)", "url(#c1-dots)"}


def test_unknown_bar_style_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="unknown bar style 'red'"):
        bar_chart("c", "t", "d", [BarGroup("g", [Bar("b", [Segment(1, "red")], "1")])], [], 1)


class _Figures(HTMLParser):
    """Collects, per <figure>, the tags inside it; and every id on the page."""

    def __init__(self) -> None:
        super().__init__()
        self.figures: list[list[str]] = []
        self.ids: list[str] = []
        self.depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.ids += [value for name, value in attrs if name == "id" and value]
        if tag == "figure":
            self.figures.append([])
            self.depth += 1
        elif self.depth:
            self.figures[-1].append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "figure":
            self.depth -= 1


@pytest.fixture
def report_html(make_workshop: Callable[..., Path]) -> str:
    folder = make_workshop(
        language="sv",
        entries={
            "baseline/hoganas": "- theme: equality\n  quadrant: W\n  text: Ingen plan\n"
            "  respondent: r1\n",
            "followup/bjuv": "- theme: accessibility\n  quadrant: T\n  text: Besparingar\n"
            "  respondent: r1\n",
        },
        rounds={"baseline": {"hoganas": 1, "bjuv": 1}, "followup": {"hoganas": 1, "bjuv": 1}},
    )
    comparison = compare_rounds(load_workshop(folder), "baseline", "followup")
    return render_report(comparison, "compare.html.j2")


def test_every_chart_in_the_report_has_a_table_beside_it(report_html: str) -> None:
    parser = _Figures()
    parser.feed(report_html)
    assert len(parser.figures) == 3  # one per theme, one for response rates
    for tags in parser.figures:
        assert "svg" in tags and "table" in tags and "caption" in tags


def test_ids_in_the_report_are_unique_so_chart_patterns_do_not_clash(report_html: str) -> None:
    parser = _Figures()
    parser.feed(report_html)
    assert len(parser.ids) == len(set(parser.ids))


def test_report_is_self_contained_and_in_the_workshop_language(report_html: str) -> None:
    assert report_html.startswith('<!DOCTYPE html>\n<html lang="sv">')
    assert not re.search(r"<script|<link|https?://(?!www\.w3\.org/2000/svg)", report_html)
