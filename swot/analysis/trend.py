"""The trend over more than two rounds: each pair of consecutive rounds compared exactly as
``swot compare`` compares two (``swot.analysis.changes``), and items followed from pair to pair.

A step is one ``Comparison`` of round *k* and round *k + 1*, so every figure of a step is the
figure of ``swot compare k k+1``. An item is followed across rounds by chaining the persisting
matches of consecutive steps: the follow-up item of step *k* and the baseline item of step
*k + 1* are both merged items of round *k + 1* (merged over the units each step compares), and
they are the same item when they share a wording. Its breadth in a round is the breadth the
step that reached that round gives it (the first round's from the first step's baseline).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from swot.analysis.changes import Comparison, ItemChange
from swot.vocabulary import Quadrant

if TYPE_CHECKING:
    from swot.analysis.grouping import MergedItem
    from swot.analysis.status import RoundStatus, UnitStatus
    from swot.models import Round


@dataclass
class FollowedItem:
    """An item raised in at least three consecutive rounds: its breadth in each round (None
    in the rounds it was not raised in)."""

    theme: str
    quadrant: Quadrant
    text: str  # the latest wording
    breadths: list[int | None]

    @property
    def rounds_raised(self) -> int:
        return sum(1 for b in self.breadths if b is not None)


@dataclass
class Trend:
    """Consecutive comparisons of three or more rounds."""

    steps: list[Comparison]
    followed: list[FollowedItem] = field(default_factory=list)

    @property
    def lang(self) -> str:
        return self.steps[0].lang

    @property
    def statuses(self) -> list[RoundStatus]:
        return [self.steps[0].baseline, *(s.followup for s in self.steps)]

    @property
    def rounds(self) -> list[Round]:
        return [s.round for s in self.statuses]

    def rates(self) -> list[tuple[str, str, list[UnitStatus | None]]]:
        """Every unit of any round, in workshop order: (id, name, its status in each round)."""
        per_round = [{u.unit: u for u in s.units} for s in self.statuses]
        return [
            (u.id, u.name, [r.get(u.id) for r in per_round])
            for u in self.steps[0].workshop.workshop.units
            if any(u.id in r for r in per_round)
        ]

    def followed_in(self, theme: str, quadrant: Quadrant) -> list[FollowedItem]:
        return [f for f in self.followed if f.theme == theme and f.quadrant == quadrant]

    def as_dict(self) -> dict[str, Any]:
        """The trend for ``--json``: each step as ``swot compare --json`` prints it."""
        return {
            "rounds": [r.id for r in self.rounds],
            "steps": [s.as_dict() for s in self.steps],
            "followed": [
                {
                    "theme": f.theme,
                    "quadrant": f.quadrant.value,
                    "text": f.text,
                    "breadth": dict(zip([r.id for r in self.rounds], f.breadths, strict=True)),
                }
                for f in self.followed
            ],
        }


def _same_item(left: MergedItem, right: MergedItem) -> bool:
    """Two merged items of one round (over different units) that share a wording."""
    from swot.texts import normalise

    if (left.theme, left.quadrant) != (right.theme, right.quadrant):
        return False
    words = {normalise(t) for t in (left.text, *left.wordings)}
    return any(normalise(t) in words for t in (right.text, *right.wordings))


def _links(earlier: ItemChange, later: ItemChange) -> bool:
    """The follow-up item of one step is the baseline item of the next."""
    return bool(earlier.after and later.before and _same_item(earlier.after, later.before))


def follow_items(steps: list[Comparison]) -> list[FollowedItem]:
    """Chains of persisting matches through at least two consecutive steps (three rounds),
    widest in the last round first."""
    chains: list[tuple[int, list[ItemChange]]] = []  # (first step, its persisting changes)
    open_chains: list[tuple[int, list[ItemChange]]] = []
    for index, step in enumerate(steps):
        carried: list[tuple[int, list[ItemChange]]] = []
        for bucket in step.buckets:
            for change in bucket.persisting:
                assert change.before is not None
                link = next((c for c in open_chains if _links(c[1][-1], change)), None)
                if link is not None:
                    open_chains.remove(link)
                    carried.append((link[0], [*link[1], change]))
                else:
                    carried.append((index, [change]))
        chains.extend(c for c in open_chains if len(c[1]) >= 2)
        open_chains = carried
    chains.extend(c for c in open_chains if len(c[1]) >= 2)
    followed = [_followed(start, changes, len(steps) + 1) for start, changes in chains]
    return sorted(followed, key=lambda f: (-(f.breadths[-1] or 0), -f.rounds_raised, f.text))


def _followed(start: int, changes: list[ItemChange], rounds: int) -> FollowedItem:
    first = changes[0].before
    assert first is not None
    breadths: list[int | None] = [None] * rounds
    breadths[start] = first.breadth
    for offset, change in enumerate(changes, start=1):
        assert change.after is not None
        breadths[start + offset] = change.after.breadth
    return FollowedItem(first.theme, first.quadrant, changes[-1].text, breadths)


def make_trend(steps: list[Comparison]) -> Trend:
    """The trend of consecutive comparisons, with the items followed through them."""
    return Trend(steps, follow_items(steps))
