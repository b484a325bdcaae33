"""One unit's SWOT beside the network's: pure steps from a merged round to what ``swot report``
shows for a unit.

The network's items are the round merged as ``swot merge`` merges it (every unit's entries).
For one unit:

* **its items**: the network's items it raised (at least one of its entries is in the item);
* **shared**: its items other units raised too, those most units raised first (in the example
  network of eleven units no item reaches more than four, so "more than half" would leave the
  list empty: the order says which are the most shared, the count is shown beside each);
* **only raised here**: items whose only unit is this one: its local needs (or strengths);
* **importance**: the mean importance of its own entries against the mean of the other units'
  entries of the same item (items only it raised have nothing to differ from);
* **change**: with an earlier round, the unit's items of each round (the network's items cut to
  its own entries, keeping every wording) matched with ``swot.analysis.changes.match_rounds``,
  the matching ``swot compare`` uses.

Nothing here names a respondent: a unit's view holds items, counts and unit names only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from swot.analysis.grouping import MergedItem
from swot.vocabulary import QUADRANT_ORDER, Quadrant

if TYPE_CHECKING:
    from swot.analysis.changes import BucketChange
    from swot.analysis.status import UnitStatus
    from swot.files.decisions import MergeDecisions
    from swot.models import Round


@dataclass
class UnitItem:
    """A network item the unit raised: how many of its entries say it, and the mean importance
    of its own entries and of the other units' (None where none is rated)."""

    item: MergedItem
    unit: str
    mentions: int
    own_importance: float | None
    others_importance: float | None  # None also when only this unit raised it

    @property
    def difference(self) -> float | None:
        """The unit's mean importance minus the other units'; None if either is missing."""
        own, others = self.own_importance, self.others_importance
        return None if own is None or others is None else own - others


@dataclass
class _Tally:
    """Entries and importance of one unit in one item, counted once for every unit at once."""

    mentions: int = 0
    total: int = 0
    rated: int = 0


ALL_UNITS = ""  # the tally of every unit's entries together (no unit id is empty)


def _tallies(item: MergedItem) -> dict[str, _Tally]:
    """Each unit's tally of the item, and every unit's together under ``ALL_UNITS``."""
    tallies: dict[str, _Tally] = {ALL_UNITS: _Tally()}
    for entry in item.entries:
        for tally in (tallies.setdefault(entry.unit, _Tally()), tallies[ALL_UNITS]):
            tally.mentions += 1
            if entry.importance is not None:
                tally.total += entry.importance
                tally.rated += 1
    return tallies


def _unit_item(item: MergedItem, unit: str, tallies: dict[str, _Tally]) -> UnitItem:
    own, every = tallies[unit], tallies[ALL_UNITS]
    total, rated = every.total - own.total, every.rated - own.rated
    return UnitItem(
        item,
        unit,
        own.mentions,
        own.total / own.rated if own.rated else None,
        total / rated if rated else None,
    )


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
        """The unit's items other units raised too, the widest first."""
        return [i for i in self.items if i.item.breadth > 1]

    @property
    def only_here(self) -> list[UnitItem]:
        """Items no other unit raised: the unit's local needs (or strengths)."""
        return [i for i in self.items if i.item.units == [self.unit]]

    def network_top(self, count: int) -> list[tuple[MergedItem, bool]]:
        """The network's first ``count`` items and whether this unit raised each."""
        return [(item, self.unit in item.units) for item in self.network[:count]]


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

    def shared(self) -> list[UnitItem]:
        """Every item the unit shares with other units, the most widely raised first."""
        from swot.analysis.ranking import breadth_key

        return sorted(
            (i for b in self.buckets for i in b.shared), key=lambda i: breadth_key(i.item)
        )

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
    tallies: dict[int, dict[str, _Tally]] = field(init=False)  # id(item) -> unit -> tally

    def __post_init__(self) -> None:
        from swot.analysis.ranking import breadth_key

        self.items = sorted(self.items, key=breadth_key)
        self.by_unit = items_by_unit(self.items)
        self.tallies = {id(item): _tallies(item) for item in self.items}
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

    buckets = {
        (theme, quadrant): UnitBucket(
            theme, quadrant, unit, network.answered, network.by_bucket.get((theme, quadrant), [])
        )
        for theme in network.themes
        for quadrant in QUADRANT_ORDER
    }
    for item in network.by_unit.get(unit, []):  # in the network's order
        unit_item = _unit_item(item, unit, network.tallies[id(item)])
        buckets[(item.theme, item.quadrant)].items.append(unit_item)
    view = UnitView(unit, name, network.round, status, network.answered, list(buckets.values()))
    if earlier is not None and unit in earlier[0].by_unit:
        before, similarity, decisions = earlier
        view.earlier = before.round
        view.changes = match_rounds(
            before.unit_items(unit), network.unit_items(unit), network.themes, similarity, decisions
        )
    return view
