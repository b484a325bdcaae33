"""Ranking merged items within each theme × quadrant.

Methods:
- ``breadth`` (default): how many units raised it, then mean importance (no importance ranks
  last), then mentions.
- ``votes``: dot votes from the workshop's votes.yaml, then the breadth order.
- ``awot``: the A'WOT priorities of ``priorities.yaml`` (``swot.analysis.awot``): the items the
  room compared first, by priority; the others keep the breadth order below them.
- ``borda``: a Borda count of each unit's own importance order. A unit that raised k items of
  a quadrant gives its most important item k points, the next k − 1, …, the last 1 and items it
  did not raise 0; items it rated equally share the points of the places they take (a unit's
  importance for an item is the mean over its entries; entries without one rank below those
  with one). Then the breadth order.

Remaining ties fall back on the normalised text and the item key, so a ranking is total and the
same input always gives the same order."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from swot.analysis.grouping import MergedItem
from swot.texts import normalise
from swot.vocabulary import QUADRANT_ORDER, Quadrant

if TYPE_CHECKING:
    from swot.files.decisions import Vote

METHODS = ("breadth", "votes", "borda", "awot")


@dataclass(frozen=True)
class RankedItem:
    """A merged item with its place in its theme × quadrant and the figures behind it."""

    item: MergedItem
    rank: int
    method: str
    votes: int | None = None
    borda: float | None = None
    awot_local: float | None = None  # the item's A'WOT priority within its quadrant
    awot_global: float | None = None  # … times its quadrant's weight (None without one)


def rank_items(
    items: Sequence[MergedItem],
    method: str = "breadth",
    votes: dict[str, int] | None = None,
    priorities: dict[str, tuple[float, float | None]] | None = None,
) -> list[RankedItem]:
    """Items ranked within each theme × quadrant, grouped by theme and quadrant (S, W, O, T).

    ``votes`` maps an item key to its dot votes (see ``votes_by_key``); only used by ``votes``.
    ``priorities`` maps an item key to its A'WOT (local, global) priority; used by ``awot``.
    """
    if method not in METHODS:
        raise ValueError(f"unknown ranking method {method!r}")
    buckets: dict[tuple[str, int], list[MergedItem]] = {}
    order = {q: i for i, q in enumerate(QUADRANT_ORDER)}
    for item in items:
        buckets.setdefault((item.theme, order[item.quadrant]), []).append(item)
    counts = votes or {}
    weights = priorities if method == "awot" and priorities else {}
    ranked: list[RankedItem] = []
    for bucket_key in sorted(buckets):
        bucket = buckets[bucket_key]
        points = borda_points(bucket) if method == "borda" else {}
        if method == "awot":
            points = {key: local for key, (local, _) in weights.items()}
        ordered = sorted(
            bucket, key=functools.partial(_sort_key, method=method, counts=counts, points=points)
        )
        for place, item in enumerate(ordered, start=1):
            local, overall = weights.get(item.key, (None, None))
            ranked.append(
                RankedItem(
                    item=item,
                    rank=place,
                    method=method,
                    votes=counts.get(item.key, 0) if method == "votes" else None,
                    borda=points[item.key] if method == "borda" else None,
                    awot_local=local,
                    awot_global=overall,
                )
            )
    return ranked


def _sort_key(
    item: MergedItem, method: str, counts: dict[str, int], points: dict[str, float]
) -> tuple:
    if method == "votes":
        return (-counts.get(item.key, 0), *breadth_key(item))
    if method == "borda":
        return (-points[item.key], *breadth_key(item))
    if method == "awot":  # compared items first, by priority; then the others by breadth
        local = points.get(item.key)
        return (local is None, -(local or 0.0), *breadth_key(item))
    return breadth_key(item)


def breadth_key(item: MergedItem) -> tuple:
    """Sort key of the default order: breadth, mean importance, mentions, then text and key."""
    importance = item.mean_importance
    return (
        -item.breadth,
        -(importance if importance is not None else 0.0),
        -item.mentions,
        normalise(item.text),
        item.key,
    )


def borda_points(bucket: Sequence[MergedItem]) -> dict[str, float]:
    """Item key -> Borda points from each unit's importance order (see the module docstring)."""
    points = {item.key: 0.0 for item in bucket}
    units = sorted({unit for item in bucket for unit in item.units})
    for unit in units:
        rated: list[tuple[float, str]] = []
        for item in bucket:
            mine = [e for e in item.entries if e.unit == unit]
            if not mine:
                continue
            values = [e.importance for e in mine if e.importance is not None]
            rated.append((sum(values) / len(values) if values else 0.0, item.key))
        rated.sort(key=lambda pair: -pair[0])
        count = len(rated)
        place = 0
        while place < len(rated):
            end = place
            while end + 1 < len(rated) and rated[end + 1][0] == rated[place][0]:
                end += 1
            # Places place..end share the points count-place … count-end.
            shared = sum(count - p for p in range(place, end + 1)) / (end - place + 1)
            for p in range(place, end + 1):
                points[rated[p][1]] += shared
            place = end + 1
    return points


def votes_by_key(
    items: Sequence[MergedItem], votes: Sequence[Vote]
) -> tuple[dict[str, int], list[Vote]]:
    """Match votes (``swot.files.decisions.Vote``) to items by key or by text; returns the counts
    per item key and the votes that matched no item.
    """
    by_key = {item.key: item for item in items}
    by_text: dict[tuple[str, Quadrant, str], MergedItem] = {}
    for merged in items:
        for text in [merged.text, *merged.wordings]:
            by_text.setdefault((merged.theme, merged.quadrant, normalise(text)), merged)
    counts: dict[str, int] = {}
    unmatched: list[Vote] = []
    for vote in votes:
        item = by_key.get(vote.key) if vote.key else None
        if item is None and vote.text:
            item = by_text.get((vote.theme, vote.quadrant, normalise(vote.text)))
        if item is None:
            unmatched.append(vote)
            continue
        counts[item.key] = counts.get(item.key, 0) + vote.votes
    return counts, unmatched
