"""The view models of swot/output, each piece on its own: the compare report (cover, change per
bucket, response rates, charts, notes) and the handout (cover, grid, full lists, TOWS, method)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest

from swot.analysis.changes import Comparison
from swot.files.workshop import load_workshop
from swot.jobs.compare import compare_rounds
from swot.output import report
from swot.vocabulary import Quadrant

SVG = "{http://www.w3.org/2000/svg}"
UNITS = {"hoganas": "Höganäs", "bjuv": "Bjuv", "klippan": "Klippan"}


def entry(text: str, importance: int, theme: str = "equality", quadrant: str = "W") -> str:
    return (
        f"- theme: {theme}\n  quadrant: {quadrant}\n  text: {text}\n  respondent: r1\n"
        f"  importance: {importance}\n"
    )


# ---------------------------------------------------------------- the compare report


@pytest.fixture
def comparison(make_workshop: Callable[..., Path]) -> Comparison:
    """Weaknesses in equality: baseline A (both units), B, C; follow-up A (Höganäs) and a new D.
    Höganäs expects 2 then 1 respondent, Bjuv 2 and 2; Klippan never answers."""
    folder = make_workshop(
        entries={
            "baseline/hoganas": entry("Ingen plan för jämställdhet", 4)
            + entry("Vi saknar utbildning i jämställdhet", 3),
            "baseline/bjuv": entry("Ingen plan för jämställdhet", 5)
            + entry("Könsstereotypa praktikplatser", 2),
            "followup/hoganas": entry("ingen plan för jämställdhet.", 3),
            "followup/bjuv": entry("Chefen prioriterar inte frågan", 4),
        },
        units=UNITS,
        rounds={
            "baseline": {"hoganas": 2, "bjuv": 2, "klippan": 3},
            "followup": {"hoganas": 1, "bjuv": 2, "klippan": 3},
        },
    )
    return compare_rounds(load_workshop(folder), "baseline", "followup")


def svg_texts(svg: str) -> list[str | None]:
    return [t.text for t in ET.fromstring(svg).iter(f"{SVG}text")]


def test_report_cover_names_both_rounds_and_says_when_a_date_is_missing(
    comparison: Comparison,
) -> None:
    assert report.report_cover(comparison) == {
        "lang": "en",
        "title": "Comparison: baseline → followup",
        "workshop": "Test",
        "intro": "Change between the rounds baseline (no date) and followup (no date) of Test.",
        "before_name": "baseline",
        "after_name": "followup",
    }


def test_column_words_name_the_target_and_the_rounds(comparison: Comparison) -> None:
    assert report.column_words(comparison) == {
        "target_label": "Target 75%",
        "rounds_legend": "Before: baseline · After: followup · Change in percentage points",
        "col_target": "Target 75% in followup",
        "generated": "Made with swot compare baseline followup.",
    }


def test_report_words_are_the_fixed_words_only() -> None:
    words = report.report_words("sv")
    assert words["summary"] == "Sammanfattning"
    assert words["col.gone"] == "Lösta / nämns inte längre"
    assert "title" not in words  # it has placeholders, so it is worded with the round names


def test_bucket_row_counts_the_change_of_one_quadrant(comparison: Comparison) -> None:
    bucket = comparison.bucket("equality", Quadrant.WEAKNESSES)
    row = report.bucket_row(comparison, "equality", "Gender equality", bucket, None)
    counts = {key: row[key] for key in ("before", "after", "change", "gone", "new", "persisting")}
    assert counts == {"before": 3, "after": 2, "change": "−1", "gone": 2, "new": 1, "persisting": 1}
    assert row["importance"] == "4.5 → 3.0 (−1.5)"
    assert (row["quadrant"], row["id"]) == ("Weaknesses", "equality-weaknesses")
    assert row["summary"] == "Weaknesses in gender equality: 3 → 2 (−1); 2 resolved, 1 new"


def test_change_lists_are_resolved_new_and_persisting_items(comparison: Comparison) -> None:
    bucket = comparison.bucket("equality", Quadrant.WEAKNESSES)
    lists = report.change_lists(comparison, bucket)
    assert [(part["heading"], part["kind"]) for part in lists] == [
        ("Resolved", "resolved"),
        ("New", "new"),
        ("Persisting", "persisting"),
    ]
    assert [[item["text"] for item in part["items"]] for part in lists] == [
        ["Vi saknar utbildning i jämställdhet", "Könsstereotypa praktikplatser"],
        ["Chefen prioriterar inte frågan"],
        ["ingen plan för jämställdhet."],
    ]
    [persisting] = lists[2]["items"]
    assert persisting["earlier"] == "earlier: Ingen plan för jämställdhet"
    assert persisting["breadth_change"] == "2 → 1 (−1)"
    assert persisting["units"] == "Bjuv, Höganäs"


def test_strengths_no_longer_raised_are_not_called_resolved(comparison: Comparison) -> None:
    bucket = comparison.bucket("equality", Quadrant.STRENGTHS)
    assert report.change_lists(comparison, bucket)[0]["heading"] == "No longer raised"


def test_theme_view_has_a_row_per_quadrant_and_their_summaries(comparison: Comparison) -> None:
    view = report.theme_view(comparison, "equality", "Gender equality", comparison.basis())
    assert [row["quadrant"] for row in view["rows"]] == [
        "Strengths",
        "Weaknesses",
        "Opportunities",
        "Threats",
    ]
    assert view["summaries"] == [row["summary"] for row in view["rows"]]
    assert view["summaries"][1].endswith(
        "(compared for the 2 of 3 units that answered in both rounds; response rate 50% → 66%)."
    )
    assert view["caption"] == "Table: items per quadrant in gender equality"
    assert view["chart"].startswith("<svg")


def test_bucket_bars_split_before_into_persisting_and_resolved_after_into_new(
    comparison: Comparison,
) -> None:
    bucket = comparison.bucket("equality", Quadrant.WEAKNESSES)
    group = report.bucket_bars(bucket, "en", "2025", "2026")
    assert group.title == "Weaknesses"
    assert [
        (bar.label, [(s.value, s.style) for s in bar.segments], bar.value_text)
        for bar in group.bars
    ] == [
        ("2025", [(1, "light"), (2, "hatch")], "3"),
        ("2026", [(1, "light"), (1, "dots")], "2"),
    ]


def test_items_chart_is_titled_for_its_theme_with_a_legend_in_words(
    comparison: Comparison,
) -> None:
    svg = report.items_chart(
        comparison, "equality", "Gender equality", comparison.buckets_of("equality")
    )
    root = ET.fromstring(svg)
    assert root.find(f"{SVG}title").text == "Items in gender equality, baseline and followup"  # type: ignore[union-attr]
    texts = svg_texts(svg)
    assert {"persisting", "resolved / no longer raised", "new"} <= set(texts)
    assert "chart-equality-hatch" in svg


def test_rate_row_says_whether_the_target_was_met(comparison: Comparison) -> None:
    hoganas, bjuv, klippan = (report.rate_row(rate, "en") for rate in comparison.rates())
    assert hoganas == {
        "unit": "Höganäs",
        "before": "1 of 2 (50%)",
        "after": "1 of 1 (100%)",
        "points": "+50",
        "target": "met",
        "below": False,
    }
    assert (bjuv["points"], bjuv["target"], bjuv["below"]) == ("±0", "not met", True)
    assert (klippan["before"], klippan["after"]) == ("no file", "no file")


def test_rate_bars_are_one_bar_per_round_in_percent(comparison: Comparison) -> None:
    group = report.rate_bars(comparison.rates()[0], "en", "2025", "2026")
    assert group.title == "Höganäs"
    assert [
        (bar.label, [(s.value, s.style) for s in bar.segments], bar.value_text)
        for bar in group.bars
    ] == [("2025", [(50.0, "light")], "50%"), ("2026", [(100.0, "solid")], "100%")]


def test_rates_chart_marks_the_target(comparison: Comparison) -> None:
    svg = report.rates_chart(comparison, comparison.rates())
    texts = svg_texts(svg)
    assert "target 75%" in texts
    assert {"Höganäs", "Bjuv", "Klippan", "100%", "no file"} <= set(texts)
    assert 'stroke-dasharray="5 3"' in svg


def test_not_compared_note_names_the_units_left_out(comparison: Comparison) -> None:
    assert report.not_compared_note(comparison, comparison.basis()) == (
        "Not compared (did not answer in both rounds): Klippan (no answers in either round). "
        "Their items are counted neither as resolved nor as new."
    )


def test_not_compared_note_says_when_nothing_could_be_compared(
    make_workshop: Callable[..., Path],
) -> None:
    folder = make_workshop(
        entries={
            "baseline/hoganas": entry("Ingen plan", 4),
            "followup/bjuv": entry("Ingen plan", 4),
        },
        rounds={"baseline": {"hoganas": 1, "bjuv": 1}, "followup": {"hoganas": 1, "bjuv": 1}},
    )
    comparison = compare_rounds(load_workshop(folder), "baseline", "followup")
    assert report.not_compared_note(comparison, comparison.basis()) == (
        "Not compared (did not answer in both rounds): Höganäs (no answers in followup), "
        "Bjuv (no answers in baseline). Their items are counted neither as resolved nor as "
        "new. No unit answered in both rounds, so nothing can be said about change."
    )


def test_method_note_gives_the_similarity_used(comparison: Comparison) -> None:
    assert "at least 85 % similar" in report.method_note(comparison)


def test_report_view_is_composed_of_the_pieces(comparison: Comparison) -> None:
    view = report.report_view(comparison)
    assert view.items() >= report.report_cover(comparison).items()
    assert view.items() >= report.column_words(comparison).items()
    assert [theme["id"] for theme in view["themes"]] == ["equality", "accessibility"]
    assert [row["unit"] for row in view["rates"]] == ["Höganäs", "Bjuv", "Klippan"]
    assert view["not_compared"].startswith("Not compared")
    assert view["problems"] == []
