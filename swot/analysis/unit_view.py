"""One unit's SWOT beside the network's: pure steps from a merged round to what ``swot report``
shows for a unit.

The network's items are the round merged as ``swot merge`` merges it (every unit's entries).
For one unit:

* **its items**: the network's items it raised (at least one of its entries is in the item);
* **shared with most units**: its items that more than half of the units that answered in the
  round raised too (``breadth * 2 > answered``);
* **only raised here**: items whose only unit is this one: its local needs (or strengths);
* **importance**: the mean importance of its own entries against the mean of the other units'
  entries of the same item (items only it raised have nothing to differ from);
* **change**: with an earlier round, the unit's items of each round (the network's items cut to
  its own entries, keeping every wording) matched with ``swot.analysis.changes.match_rounds``,
  the matching ``swot compare`` uses.

Nothing here names a respondent: a unit's view holds items, counts and unit names only.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from swot.analysis.grouping import MergedItem
from swot.vocabulary import QUADRANT_ORDER, Quadrant

if TYPE_CHECKING:
    from swot.analysis.changes import BucketChange
    from swot.analysis.status import UnitStatus
    from swot.files.decisions import MergeDecisions
    from swot.models import Round


def _mean(values: Iterable[int | None]) -> float | None:
    given = [v for v in values if v is not None]
    return sum(given) / len(given) if given else None


@dataclass
class UnitItem:
    """A network item the unit raised: the item, and the unit's own entries in it."""

    item: MergedItem
    unit: str

    @property
    def mentions(self) -> int:
        """How many of the unit's entries say it."""
        return sum(1 for e in self.item.entries if e.unit == self.unit)

    @property
    def own_importance(self) -> float | None:
        return _mean(e.importance for e in self.item.entries if e.unit == self.unit)

    @property
    def others_importance(self) -> float | None:
        """Mean importance the other units gave it (None if only this unit raised it)."""
        return _mean(e.importance for e in self.item.entries if e.unit != self.unit)

    @property
    def difference(self) -> float | None:
        """The unit's mean importance minus the other units'; None if either is missing."""
        own, others = self.own_importance, self.others_importance
        return None if own is None or others is None else own - others


@dataclass
class UnitBucket:
    """One theme × quadrant for one unit, beside the network's items of it."""

    theme: str
    quadrant: Quadrant
    unit: str
    answered: int  # units with entries in the round
    network: list[MergedItem]  # ranked by breadth, as the handout lists them
    items: list[UnitItem] = field(default_factory=list)  # the unit's, in the network's order

    @property
    def shared(self) -> list[UnitItem]:
        """The unit's items that most units raised (more than half of those that answered)."""
        return [i for i in self.items if i.item.breadth > 1 and shared_by_most(i.item, self)]

    @property
    def only_here(self) -> list[UnitItem]:
        """Items no other unit raised: the unit's local needs (or strengths)."""
        return [i for i in self.items if i.item.units == [self.unit]]

    def network_top(self, count: int) -> list[tuple[MergedItem, bool]]:
        """The network's first ``count`` items and whether this unit raised each."""
        return [(item, self.unit in item.units) for item in self.network[:count]]


def shared_by_most(item: MergedItem, bucket: UnitBucket) -> bool:
    """More than half of the units that answered raised the item."""
    return item.breadth * 2 > bucket.answered


@dataclass
class UnitView:
    """Everything ``swot report`` shows for one unit in one round."""

    unit: str
    name: str
    round: Round
    status: UnitStatus
    answered: int
    buckets: list[UnitBucket]
    earlier: Round | None = None  # the round before, when the unit answered in it
    changes: list[BucketChange] = field(default_factory=list)  # the unit's items, earlier → now

    def bucket(self, theme: str, quadrant: Quadrant) -> UnitBucket:
        return next(b for b in self.buckets if b.theme == theme and b.quadrant == quadrant)

    @property
    def only_here(self) -> list[UnitItem]:
        return [i for b in self.buckets for i in b.only_here]

    def importance_gaps(self, count: int = 5) -> list[UnitItem]:
        """The unit's items whose importance differs most from the other units' (largest
        difference first, ties in the network's order); items with no difference are left out."""
        rated = [i for b in self.buckets for i in b.items if i.difference]
        return sorted(rated, key=lambda i: -abs(i.difference or 0.0))[:count]


def items_by_unit(items: Sequence[MergedItem]) -> dict[str, list[MergedItem]]:
    """Each unit's items (the network's, ranked order kept): one pass for every unit at once."""
    found: dict[str, list[MergedItem]] = {}
    for item in items:
        for unit in item.units:
            found.setdefault(unit, []).append(item)
    return found


@dataclass
class NetworkRound:
    """A merged round seen from its units: built once, asked for every unit."""

    round: Round
    items: list[MergedItem]  # ranked by breadth
    themes: list[str]
    by_unit: dict[str, list[MergedItem]] = field(init=False)
    by_bucket: dict[tuple[str, Quadrant], list[MergedItem]] = field(init=False)

    def __post_init__(self) -> None:
        from swot.analysis.ranking import breadth_key

        self.items = sorted(self.items, key=breadth_key)
        self.by_unit = items_by_unit(self.items)
        self.by_bucket = {}
        for item in self.items:
            self.by_bucket.setdefault((item.theme, item.quadrant), []).append(item)

    @property
    def answered(self) -> int:
        return len(self.by_unit)

    def unit_items(self, unit: str) -> list[MergedItem]:
        """The network's items cut to the unit's own entries (wordings kept for matching)."""
        return [
            MergedItem(
                i.theme,
                i.quadrant,
                i.text,
                [e for e in i.entries if e.unit == unit],
                i.key,
                wordings=i.wordings,
            )
            for i in self.by_unit.get(unit, [])
        ]


def unit_view(
    network: NetworkRound,
    unit: str,
    name: str,
    status: UnitStatus,
    earlier: tuple[NetworkRound, float, MergeDecisions | None] | None = None,
) -> UnitView:
    """One unit's view of a round; ``earlier`` is the round before (with the similarity and the
    decisions to match by), used when the unit answered in it."""
    from swot.analysis.changes import match_rounds

    own = {id(i) for i in network.by_unit.get(unit, [])}
    buckets = []
    for theme in network.themes:
        for quadrant in QUADRANT_ORDER:
            ranked = network.by_bucket.get((theme, quadrant), [])
            bucket = UnitBucket(theme, quadrant, unit, network.answered, ranked)
            bucket.items = [UnitItem(i, unit) for i in ranked if id(i) in own]
            buckets.append(bucket)
    view = UnitView(unit, name, network.round, status, network.answered, buckets)
    if earlier is not None and unit in earlier[0].by_unit:
        before, similarity, decisions = earlier
        view.earlier = before.round
        view.changes = match_rounds(
            before.unit_items(unit), network.unit_items(unit), network.themes, similarity, decisions
        )
    return view
