"""The view models of swot/output, each piece on its own: the compare report (cover, change per
bucket, response rates, charts, notes) and the handout (cover, grid, full lists, TOWS, method)."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

import swot
from swot.analysis.changes import Comparison
from swot.analysis.grouping import MergedItem
from swot.analysis.ranking import RankedItem
from swot.analysis.round_merge import RoundMerge
from swot.files.workshop import load_workshop
from swot.jobs.compare import compare_rounds
from swot.jobs.merge import merge_round
from swot.models import Entry
from swot.output import charts, handout, report
from swot.output.charts import Bar, BarGroup, Marker, Segment
from swot.output.handout import HandoutOptions
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
        "(compared for the 2 of 3 units that answered in both rounds; response rate 50% → 66%; "
        "below the 75% target in the follow-up: Bjuv)."
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


# ---------------------------------------------------------------- the handout

HANDOUT_ENTRIES = """\
- theme: equality
  quadrant: strengths
  text: Öppet klimat där man kan ta upp saker
  importance: 5
  respondent: r01
- theme: equality
  quadrant: strengths
  text: öppet klimat där man kan ta upp saker.
  importance: 4
  respondent: r02
- theme: equality
  quadrant: strengths
  text: Chefer som lyssnar
  importance: 3
  respondent: r02
- theme: accessibility
  quadrant: weaknesses
  text: Hörslinga saknas
  importance: 4
  respondent: r01
"""


@pytest.fixture
def merge(make_workshop: Callable[..., Path]) -> RoundMerge:
    """Equality strengths: 'Öppet klimat…' from both units, then one item from each unit."""
    folder = make_workshop(
        {
            "baseline/hoganas": HANDOUT_ENTRIES,
            "baseline/bjuv": HANDOUT_ENTRIES.replace("r0", "b0").replace(
                "Chefer som lyssnar", "Bra rutiner"
            ),
        }
    )
    return merge_round(load_workshop(folder), "baseline", lang="en")


def options(**changes: object) -> HandoutOptions:
    return replace(HandoutOptions(lang="en", top=1, date=dt.date(2025, 11, 13)), **changes)  # type: ignore[arg-type]


def strengths(merge: RoundMerge) -> list[RankedItem]:
    return handout.ranked_by_bucket(merge)[("equality", "strengths")]


def test_handout_cover_sums_up_the_round(merge: RoundMerge) -> None:
    units = handout.UnitNames.of(merge)
    assert handout.handout_cover(merge, options(), units, "by breadth") == {
        "workshop_name": "Test",
        "round_id": "baseline",
        "round_title": "baseline",
        "date": "13 November 2025",
        "unit_names": "Höganäs, Bjuv",
        "entry_summary": "8 entries from 2 units, merged into 4 items",
        "method_label": "by breadth",
        "warnings": [],
    }


def test_handout_labels_word_the_target_and_footer_for_the_round(merge: RoundMerge) -> None:
    labels = handout.handout_labels(merge, "sv")
    assert labels["col_target"] == "Mål 75 %"
    assert (
        labels["footer"]
        == f"Framtaget med swot {swot.__version__} ur posterna i omgången baseline."
    )
    assert labels["title"] == "SWOT-underlag"
    assert "grid_heading" not in labels  # worded per theme


def test_unit_names_are_in_workshop_order_and_count_the_rounds_units(merge: RoundMerge) -> None:
    units = handout.UnitNames.of(merge)
    assert units == handout.UnitNames(
        names={"hoganas": "Höganäs", "bjuv": "Bjuv"}, order={"hoganas": 0, "bjuv": 1}, total=2
    )


def test_response_rates_have_a_row_per_unit(merge: RoundMerge) -> None:
    assert handout.response_rates(merge, "en")[0] == {
        "name": "Höganäs",
        "respondents": 2,
        "expected": 4,
        "rate": "50%",
        "target": "not yet: 1 more",
    }


def test_ranked_by_bucket_keeps_the_ranking(merge: RoundMerge) -> None:
    by_bucket = handout.ranked_by_bucket(merge)
    assert sorted(by_bucket) == [("accessibility", "weaknesses"), ("equality", "strengths")]
    assert [(r.rank, r.item.text) for r in by_bucket[("equality", "strengths")]] == [
        (1, "Öppet klimat där man kan ta upp saker"),
        (2, "Bra rutiner"),
        (3, "Chefer som lyssnar"),
    ]


@pytest.mark.parametrize(
    ("count", "list_limit", "top", "listed"),
    [(10, 0, 5, 10), (60, 50, 5, 50), (10, 3, 5, 5), (2, 3, 5, 2)],
)
def test_list_length_is_the_limit_but_never_less_than_the_grid(
    count: int, list_limit: int, top: int, listed: int
) -> None:
    assert handout.list_length(count, options(list_limit=list_limit, top=top)) == listed


def test_grid_cell_shows_the_top_items_of_a_quadrant() -> None:
    shown = [{"rank": 1}, {"rank": 2}]
    assert handout.grid_cell(Quadrant.OPPORTUNITIES, shown, options(top=1)) == {
        "id": "opportunities",
        "letter": "O",
        "name": "Opportunities",
        "scope": "external, helpful",
        "top": [{"rank": 1}],
    }


def test_full_list_says_how_many_are_left_out(merge: RoundMerge) -> None:
    ranked = strengths(merge)
    shown = [{"rank": 1}, {"rank": 2}]
    view = handout.full_list("Gender equality", Quadrant.STRENGTHS, ranked, shown, "en")
    assert view == {
        "all": shown,
        "more": "The first 2 of 3 items are listed here; swot export gives them all.",
        "caption": "Strengths on Gender equality: 3 items from 6 entries",
    }
    assert handout.full_list("G", Quadrant.STRENGTHS, ranked, [{}] * 3, "en")["more"] == ""


def test_quadrant_view_cuts_the_list_and_the_grid(merge: RoundMerge) -> None:
    units = handout.UnitNames.of(merge)
    view = handout.quadrant_view(
        "Gender equality", Quadrant.STRENGTHS, strengths(merge), options(list_limit=2), units
    )
    assert [item["rank"] for item in view["top"]] == [1]
    assert [item["text"] for item in view["all"]] == [
        "Öppet klimat där man kan ta upp saker",
        "Bra rutiner",
    ]
    assert view["all"][0]["figures"] == "2 of 2 units · importance 4.5 · 4 mentions"
    assert view["all"][0]["unit_names"] == "Höganäs, Bjuv"
    assert view["more"].startswith("The first 2 of 3 items")


def test_theme_view_heads_the_grid_the_lists_and_tows(merge: RoundMerge) -> None:
    [equality, _] = merge.workshop.workshop.themes
    view = handout.theme_view(
        equality,
        handout.ranked_by_bucket(merge),
        options(top=3),
        handout.UnitNames.of(merge),
        "breadth",
    )
    assert (view["id"], view["name"]) == ("equality", "Gender equality")
    assert view["grid_heading"] == "Gender equality: SWOT at a glance"
    assert view["grid_lead"] == "The 3 highest-ranked items in each quadrant. Ranking: breadth."
    assert view["list_heading"] == "Gender equality: all items, ranked"
    assert view["tows_heading"] == "Gender equality: TOWS – from analysis to action"
    assert [q["letter"] for q in view["quadrants"]] == ["S", "W", "O", "T"]
    assert [len(q["all"]) for q in view["quadrants"]] == [3, 0, 0, 0]


def test_tows_boxes_pair_the_quadrants_with_a_question() -> None:
    boxes = handout.tows_boxes("en")
    assert [box["code"] for box in boxes] == ["SO", "ST", "WO", "WT"]
    assert boxes[1] == {
        "code": "ST",
        "title": "strengths × threats",
        "question": "How can our strengths protect us against the threats?",
    }


def test_method_paragraphs_give_the_figures_used(merge: RoundMerge) -> None:
    p1, p2, p3, p4 = handout.method_paragraphs(merge, "en", "breadth", 2)
    assert "at least 85 % alike" in p1
    assert "0 such decisions were applied" in p2
    assert p3.startswith("Ranking within each quadrant: breadth. ")
    assert "how many of the network's 2 units raised it" in p3
    assert p4.endswith("the network's target is 75 %.")


def test_handout_context_is_composed_of_the_pieces(merge: RoundMerge) -> None:
    context = handout.handout_context(merge, options())
    method = context["method_label"]
    units = handout.UnitNames.of(merge)
    assert context.items() >= handout.handout_cover(merge, options(), units, method).items()
    assert context["t"] == handout.handout_labels(merge, "en")
    assert context["units"] == handout.response_rates(merge, "en")
    assert [theme["id"] for theme in context["themes"]] == ["equality", "accessibility"]
    assert context["tows"] == handout.tows_boxes("en")
    assert context["method_paragraphs"] == handout.method_paragraphs(merge, "en", method, 2)


def test_grid_text_is_cut_with_an_ellipsis() -> None:
    assert handout.grid_text("Kort text") == "Kort text"
    cut = handout.grid_text("ord " * 60)
    assert len(cut) <= handout.GRID_TEXT_LIMIT
    assert cut.endswith("ord…")


def merged_item(units: list[str], wordings: list[str]) -> MergedItem:
    entries = [
        Entry(theme="equality", quadrant=Quadrant.STRENGTHS, text=wordings[0], unit=unit)
        for unit in units
    ]
    return MergedItem(
        "equality", Quadrant.STRENGTHS, wordings[0], entries, "s-1", wordings=wordings
    )


def test_other_wordings_leave_out_the_shown_text_whatever_its_case_and_full_stop() -> None:
    item = merged_item(["bjuv"], ["Bra rutiner", "bra rutiner.", "Goda rutiner", "goda rutiner"])
    assert handout.other_wordings(item, "Bra rutiner", "en") == ["Goda rutiner"]


def test_other_wordings_beyond_the_limit_are_counted() -> None:
    wordings = [f"Variant {n}" for n in range(handout.ALSO_LIMIT + 4)]
    also = handout.other_wordings(merged_item(["bjuv"], ["Text", *wordings]), "Text", "en")
    assert also == [*wordings[: handout.ALSO_LIMIT], "and 4 more"]


def test_unit_list_is_in_workshop_order_with_unknown_ids_last() -> None:
    units = handout.UnitNames({"hoganas": "Höganäs", "bjuv": "Bjuv"}, {"hoganas": 0, "bjuv": 1}, 2)
    item = merged_item(["bjuv", "aaa", "hoganas"], ["Text"])
    assert handout.unit_list(item, units, "en") == ["Höganäs", "Bjuv", "aaa"]


def test_unit_list_beyond_the_limit_is_counted() -> None:
    ids = [f"u{n:02d}" for n in range(handout.UNITS_LIMIT + 2)]
    units = handout.UnitNames({u: u.upper() for u in ids}, {u: i for i, u in enumerate(ids)}, 14)
    names = handout.unit_list(merged_item(ids, ["Text"]), units, "en")
    assert names == [*(u.upper() for u in ids[: handout.UNITS_LIMIT]), "and 2 more"]


# ---------------------------------------------------------------- the bar chart


def test_chart_layout_leaves_room_for_the_longest_label_within_limits() -> None:
    short = [BarGroup("g", [Bar("2025", [], "")])]
    layout = charts._layout("c", short, 100)
    assert (layout.left, layout.scale) == (60.0, pytest.approx((680 - 60 - 64) / 100))
    long = [BarGroup("g", [Bar("x" * 40, [], "")])]
    assert charts._layout("c", long, 100).left == 260.0
    assert charts._layout("c", short, 0).scale == 0.0


def test_legend_places_each_swatch_after_the_previous_meaning() -> None:
    parts = charts._legend([("light", "before"), ("dots", "new")], "c")
    swatches = [ET.fromstring(p) for p in parts[0::2]]
    assert [(s.get("x"), s.get("fill")) for s in swatches] == [
        ("0.0", "#c8c8c8"),
        (f"{24 + 6 * charts.CHAR_WIDTH + 22:.1f}", "url(#c-dots)"),
    ]
    assert [ET.fromstring(p).text for p in parts[1::2]] == ["before", "new"]


def test_bar_writes_a_number_inside_only_a_wide_enough_segment() -> None:
    layout = charts._Layout("c", left=100.0, scale=2.0)
    bar = Bar(
        "2026",
        [Segment(30, "hatch", "30"), Segment(0, "dots", "0"), Segment(2, "light", "2")],
        "32",
    )
    shapes, numbers = charts._bar(bar, 50.0, layout)
    rects = [ET.fromstring(s) for s in shapes]
    assert [(r.get("x"), r.get("width")) for r in rects] == [("100.0", "60.0"), ("160.0", "4.0")]
    texts = [ET.fromstring(n) for n in numbers if n.startswith("<text")]
    assert [(t.text, t.get("x")) for t in texts] == [("30", "130.0"), ("32", "170.0")]


def test_groups_stack_titles_and_bars_downwards() -> None:
    layout = charts._Layout("c", left=60.0, scale=1.0)
    groups = [
        BarGroup("A", [Bar("1", [Segment(1, "light")], "1"), Bar("2", [], "0")]),
        BarGroup("B", [Bar("1", [Segment(1, "solid")], "1")]),
    ]
    parts, numbers, bottom = charts._groups(groups, 28, layout)
    bar_row = charts.BAR_HEIGHT + charts.BAR_GAP
    assert bottom == 28 + 2 * (charts.GROUP_TITLE + charts.GROUP_GAP) + 3 * bar_row - 12
    titles = [ET.fromstring(p) for p in parts if 'font-weight="bold"' in p]
    assert [(t.text, t.get("y")) for t in titles] == [
        ("A", "41.0"),
        ("B", f"{28 + 18 + 2 * bar_row + 12 + 13:.1f}"),
    ]
    assert len(numbers) == 6  # a card and a number per bar


def test_axis_draws_the_marker_where_its_value_is() -> None:
    layout = charts._Layout("c", left=60.0, scale=5.0)
    [axis] = charts._axis(layout, 42, 200, None)
    assert ET.fromstring(axis).attrib.items() >= {"x1": "60.0", "y1": "42.0", "y2": "200.0"}.items()
    _, line, label = charts._axis(layout, 42, 200, Marker(75, "target 75%"))
    assert (ET.fromstring(line).get("x1"), ET.fromstring(line).get("y1")) == ("435.0", "38.0")
    assert (ET.fromstring(label).text, ET.fromstring(label).get("y")) == ("target 75%", "35.0")


def test_svg_is_an_image_named_by_its_title_and_description() -> None:
    root = ET.fromstring(charts._svg("c", "A & B", "Described", 101.6, "<g/>"))
    assert (root.get("height"), root.get("viewBox")) == ("102", "0 0 680 102")
    assert root.get("aria-labelledby") == "c-title c-desc"
    assert root.find(f"{SVG}title").text == "A & B"  # type: ignore[union-attr]
    assert root.find(f"{SVG}g") is not None
