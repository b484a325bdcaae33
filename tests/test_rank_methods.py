"""Ranking methods on small hand-computed examples."""

from __future__ import annotations

from swot.analysis.grouping import MergedItem
from swot.analysis.ranking import borda_points, rank_items
from swot.models import Entry
from swot.vocabulary import Quadrant


def item(key: str, *entries: tuple[str, int | None]) -> MergedItem:
    """An item from (unit, importance) pairs."""
    return MergedItem(
        theme="equality",
        quadrant=Quadrant.STRENGTHS,
        text=f"Item {key}",
        key=key,
        entries=[
            Entry(theme="equality", quadrant=Quadrant.STRENGTHS, text=f"Item {key}",
                  importance=importance, unit=unit)
            for unit, importance in entries
        ],
    )  # fmt: skip


def order(ranked: list) -> list[str]:
    return [r.item.key for r in ranked]


def test_breadth_ranks_by_units_then_mean_importance_then_mentions() -> None:
    a = item("a", ("lund", 2), ("bjuv", 2))  # 2 units, importance 2.0
    b = item("b", ("lund", 5))  # 1 unit, importance 5.0
    c = item("c", ("lund", 4), ("bjuv", 4), ("bjuv", 4))  # 2 units, 4.0, 3 mentions
    d = item("d", ("lund", 4), ("bjuv", 4))  # 2 units, 4.0, 2 mentions
    assert order(rank_items([a, b, c, d])) == ["c", "d", "a", "b"]


def test_items_without_importance_rank_below_equally_broad_ones_with_it() -> None:
    assert order(rank_items([item("x", ("lund", None)), item("y", ("lund", 1))])) == ["y", "x"]


def test_ranks_are_numbered_from_one_within_each_quadrant() -> None:
    threat = item("t", ("lund", 3))
    threat.quadrant = Quadrant.THREATS
    ranked = rank_items([item("a", ("lund", 3)), item("b", ("bjuv", 1)), threat])
    assert [(r.item.key, r.rank) for r in ranked] == [("a", 1), ("b", 2), ("t", 1)]


def test_votes_rank_by_dot_votes_then_breadth() -> None:
    a = item("a", ("lund", 5), ("bjuv", 5))
    b = item("b", ("lund", 1))
    c = item("c", ("bjuv", 3))
    ranked = rank_items([a, b, c], "votes", {"b": 7, "c": 7})
    assert order(ranked) == ["c", "b", "a"]
    assert [r.votes for r in ranked] == [7, 7, 0]


def test_awot_ranks_the_compared_items_by_priority_and_the_others_by_breadth_below() -> None:
    broad = item("broad", ("lund", 5), ("bjuv", 5))
    narrow = item("narrow", ("lund", 1))
    compared = item("compared", ("bjuv", 2))
    first = item("first", ("lund", 1))
    priorities = {"compared": (0.3, 0.09), "first": (0.7, None)}
    ranked = rank_items([broad, narrow, compared, first], "awot", priorities=priorities)
    assert order(ranked) == ["first", "compared", "broad", "narrow"]
    assert [(r.awot_local, r.awot_global) for r in ranked] == [
        (0.7, None),
        (0.3, 0.09),
        (None, None),
        (None, None),
    ]


def test_borda_counts_each_units_own_importance_order() -> None:
    # lund raised a (5), b (3), c (1): a 3, b 2, c 1 points.
    # bjuv raised b (4) and c (4), a tie over places 1–2: (2 + 1) / 2 = 1.5 each.
    a = item("a", ("lund", 5))
    b = item("b", ("lund", 3), ("bjuv", 4))
    c = item("c", ("lund", 1), ("bjuv", 4))
    assert borda_points([a, b, c]) == {"a": 3.0, "b": 3.5, "c": 2.5}
    ranked = rank_items([a, b, c], "borda")
    assert order(ranked) == ["b", "a", "c"]
    assert [r.borda for r in ranked] == [3.5, 3.0, 2.5]


def test_borda_uses_a_units_mean_importance_over_its_entries_of_an_item() -> None:
    a = item("a", ("lund", 5), ("lund", 1))  # lund's mean 3.0
    b = item("b", ("lund", 4))
    assert borda_points([a, b]) == {"a": 1.0, "b": 2.0}


def test_ranking_is_the_same_whatever_the_input_order() -> None:
    items = [item(k, ("lund", 3)) for k in "edcba"]
    assert order(rank_items(items)) == order(rank_items(list(reversed(items)))) == list("abcde")
