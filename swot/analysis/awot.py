"""A'WOT (Kurttila, Pesonen, Kangas & Kajanus 2000): the AHP applied to a SWOT.

The judgments of ``priorities.yaml`` are matched to a round's merged items: by the item's id,
else by its text (any of its wordings), so a merge that changes an id still finds the item and
a judgment whose item is gone is reported, not silently used. Per theme there is one comparison
matrix per quadrant (its factors) and one of the quadrants themselves. Each matrix gives each
rater's priorities and the group's (AIJ: the geometric mean of the raters' judgments of each
pair, ``swot.analysis.ahp``); a factor's **local** priority is its share within its quadrant, its
**global** priority the local one times its quadrant's weight. A matrix that lacks a pair has no
priorities (it is shown as incomplete)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import TYPE_CHECKING

from swot.analysis.ahp import (
    Inconsistency,
    Priorities,
    comparison_matrix,
    geometric_mean,
    indirect,
    most_inconsistent,
    priorities,
)
from swot.analysis.ranking import breadth_key
from swot.files.priorities import QUADRANTS, Judgment, rater_key
from swot.texts import normalise
from swot.vocabulary import QUADRANT_ORDER, Quadrant

if TYPE_CHECKING:
    from swot.analysis.grouping import MergedItem


@dataclass(frozen=True)
class Factor:
    """One thing compared: a merged item (``key`` its id), or a quadrant in the matrix of the
    quadrants (``key`` the quadrant's value)."""

    key: str
    text: str
    quadrant: Quadrant


def quadrant_factor(quadrant: Quadrant) -> Factor:
    """A quadrant as a factor of the matrix of the quadrants."""
    return Factor(quadrant.value, quadrant.value, quadrant)


@dataclass(frozen=True)
class Placed:
    """A judgment whose two sides were found: ``a`` weighs ``judgment.value`` times ``b``."""

    judgment: Judgment
    a: Factor
    b: Factor


class FactorIndex:
    """Finds the merged item a judgment means: by id, else by any of the item's wordings."""

    def __init__(self, items: Iterable[MergedItem]) -> None:
        self.by_key: dict[str, MergedItem] = {}
        self.by_text: dict[tuple[str, str, str], MergedItem] = {}
        for item in items:
            self.by_key[item.key] = item
            for text in [item.text, *item.wordings]:
                self.by_text.setdefault((item.theme, item.quadrant.value, normalise(text)), item)

    def find(self, theme: str, matrix: str, text: str, key: str | None) -> Factor | None:
        """The factor a side of a judgment names, or None when no item matches it now."""
        if matrix == QUADRANTS:
            return quadrant_factor(Quadrant(text))
        item = self.by_key.get(key) if key else None
        if item is None or item.theme != theme or item.quadrant.value != matrix:
            item = self.by_text.get((theme, matrix, normalise(text)))
        return None if item is None else factor_of(item)


def factor_of(item: MergedItem) -> Factor:
    return Factor(item.key, item.text, item.quadrant)


@dataclass
class Matrix:
    """The comparisons of one matrix (a quadrant's factors, or the quadrants) in one theme."""

    name: str  # a quadrant's value, or QUADRANTS
    factors: list[Factor] = field(default_factory=list)
    placed: list[Placed] = field(default_factory=list)

    def add_factor(self, factor: Factor) -> None:
        if all(f.key != factor.key for f in self.factors):
            self.factors.append(factor)

    def add(self, placed: Placed) -> None:
        self.add_factor(placed.a)
        self.add_factor(placed.b)
        self.placed.append(placed)

    @property
    def pairs(self) -> int:
        """How many judgments a complete matrix of these factors needs: n(n − 1)/2."""
        count = len(self.factors)
        return count * (count - 1) // 2

    def _index(self) -> dict[str, int]:
        return {factor.key: number for number, factor in enumerate(self.factors)}

    def judgments_of(self, rater: str) -> dict[tuple[int, int], float]:
        """(i, j) → how many times factor i weighs factor j (i < j), of one rater (a key of
        ``rater_key``)."""
        index = self._index()
        found: dict[tuple[int, int], float] = {}
        for placed in self.placed:
            if placed.judgment.rater_key != rater:
                continue
            i, j = index[placed.a.key], index[placed.b.key]
            value = placed.judgment.value
            found[(i, j) if i < j else (j, i)] = value if i < j else 1 / value
        return found

    def group_judgments(self) -> dict[tuple[int, int], list[float]]:
        """(i, j) → every rater's judgment of the pair (i < j)."""
        index = self._index()
        found: dict[tuple[int, int], list[float]] = {}
        for placed in self.placed:
            i, j = index[placed.a.key], index[placed.b.key]
            value = placed.judgment.value
            found.setdefault((i, j) if i < j else (j, i), []).append(value if i < j else 1 / value)
        return found

    def missing(self, rater: str) -> list[tuple[Factor, Factor]]:
        """The pairs this rater has not judged yet, in the order of the factors."""
        judged = self.judgments_of(rater)
        return [
            (self.factors[i], self.factors[j])
            for i, j in combinations(range(len(self.factors)), 2)
            if (i, j) not in judged
        ]

    def placed_between(self, rater: str, first: Factor, second: Factor) -> Placed | None:
        """The rater's judgment of the pair, if there is one."""
        wanted = {first.key, second.key}
        return next(
            (
                p
                for p in self.placed
                if p.judgment.rater_key == rater and {p.a.key, p.b.key} == wanted
            ),
            None,
        )

    def raters(self) -> list[str]:
        """The names of the raters who judged in this matrix, as first written."""
        names: dict[str, str] = {}
        for placed in self.placed:
            names.setdefault(placed.judgment.rater_key, placed.judgment.rater)
        return list(names.values())

    def result(self) -> MatrixResult:
        """The group's and each complete rater's priorities."""
        group = self.group_judgments()
        own: dict[str, Priorities] = {}
        for name in self.raters():
            mine = self.priorities_of(rater_key(name))
            if mine is not None:
                own[name] = mine
        result = None
        inconsistency = None
        if len(group) == self.pairs and self.factors:
            size = len(self.factors)
            matrix = comparison_matrix(size, {p: geometric_mean(v) for p, v in group.items()})
            result = priorities(matrix)
            inconsistency = most_inconsistent(matrix, result.weights)
        return MatrixResult(
            self.name, tuple(self.factors), self.pairs, len(group), own, result, inconsistency
        )

    def priorities_of(self, rater: str) -> Priorities | None:
        """One rater's priorities (None until the rater has judged every pair)."""
        judged = self.judgments_of(rater)
        if len(judged) != self.pairs or not self.factors:
            return None
        return priorities(comparison_matrix(len(self.factors), judged))

    def inconsistency_of(self, rater: str) -> tuple[Inconsistency, Placed] | None:
        """The rater's judgment that contributes most to the rater's inconsistency (with the
        judgment as written), or None (incomplete or consistent)."""
        judged = self.judgments_of(rater)
        if len(judged) != self.pairs or not self.factors:
            return None
        matrix = comparison_matrix(len(self.factors), judged)
        found = most_inconsistent(matrix, priorities(matrix).weights)
        if found is None:
            return None
        placed = self.placed_between(rater, self.factors[found.row], self.factors[found.column])
        return None if placed is None else (found, placed)

    def indirect_of(self, rater: str, placed: Placed) -> float:
        """What the rater's other judgments say of ``placed`` (how many times ``placed.a``
        weighs ``placed.b``, through every third factor); the rater's matrix is complete."""
        matrix = comparison_matrix(len(self.factors), self.judgments_of(rater))
        index = self._index()
        return indirect(matrix, index[placed.a.key], index[placed.b.key])

    def placed_of(self, rater: str) -> list[Placed]:
        """The rater's judgments in this matrix, in the order of the factors' pairs."""
        pairs = combinations(self.factors, 2)
        found = [self.placed_between(rater, first, second) for first, second in pairs]
        return [p for p in found if p is not None]


@dataclass(frozen=True)
class MatrixResult:
    """What one matrix came to: the group's priorities (None while a pair is missing), how
    many pairs are judged, and the priorities of each rater who judged every pair."""

    name: str
    factors: tuple[Factor, ...]
    pairs: int
    judged: int
    own: dict[str, Priorities]
    group: Priorities | None
    inconsistency: Inconsistency | None

    @property
    def complete(self) -> bool:
        return self.group is not None

    def local(self, key: str) -> float | None:
        """A factor's share of this matrix (the group's), or None."""
        if self.group is None:
            return None
        for factor, weight in zip(self.factors, self.group.weights, strict=True):
            if factor.key == key:
                return weight
        return None

    def spread(self, key: str) -> tuple[float, float] | None:
        """The lowest and highest priority raters gave the factor (two raters or more)."""
        number = next((n for n, f in enumerate(self.factors) if f.key == key), None)
        if number is None or len(self.own) < 2:
            return None
        values = [p.weights[number] for p in self.own.values()]
        return min(values), max(values)


@dataclass(frozen=True)
class ThemeAwot:
    """One theme's A'WOT: the matrix of the quadrants and one matrix per quadrant."""

    theme: str
    quadrants: MatrixResult | None
    factors: dict[Quadrant, MatrixResult]
    raters: tuple[str, ...]

    def weight(self, quadrant: Quadrant) -> float | None:
        """The quadrant's weight from the matrix of the quadrants (None if not complete)."""
        return self.quadrants.local(quadrant.value) if self.quadrants else None

    def priority(self, key: str) -> tuple[float, float | None] | None:
        """A factor's (local, global) priority; global is None without the quadrants' weights."""
        for quadrant, result in self.factors.items():
            local = result.local(key)
            if local is not None:
                weight = self.weight(quadrant)
                return local, None if weight is None else local * weight
        return None


@dataclass(frozen=True)
class Unmatched:
    """A judgment that cannot be placed: the texts of its sides that match no item now (none:
    both sides are now one item, after a merge joined them)."""

    judgment: Judgment
    missing: tuple[str, ...]


@dataclass(frozen=True)
class AwotRound:
    """The A'WOT of one round: per theme, and the judgments that match no item any more."""

    round_id: str
    themes: dict[str, ThemeAwot]
    unmatched: list[Unmatched]

    def priorities(self) -> dict[str, tuple[float, float | None]]:
        """Item key → (local, global) priority of every factor with one."""
        found: dict[str, tuple[float, float | None]] = {}
        for theme in self.themes.values():
            for result in theme.factors.values():
                for factor in result.factors:
                    priority = theme.priority(factor.key)
                    if priority is not None:
                        found[factor.key] = priority
        return found


def theme_matrices(
    theme: str,
    judgments: Sequence[Judgment],
    index: FactorIndex,
    seed: dict[str, list[Factor]] | None = None,
) -> tuple[dict[str, Matrix], list[Unmatched]]:
    """The matrices of one theme (``seed`` gives factors to start each with, e.g. the items a
    session asks about), and the judgments that match no item."""
    matrices = {name: Matrix(name, list(factors)) for name, factors in (seed or {}).items()}
    unmatched = []
    for judgment in judgments:
        if judgment.theme != theme:
            continue
        a = index.find(theme, judgment.matrix, judgment.a, judgment.a_id)
        b = index.find(theme, judgment.matrix, judgment.b, judgment.b_id)
        if a is None or b is None or a.key == b.key:
            missing = [t for t, f in ((judgment.a, a), (judgment.b, b)) if f is None]
            unmatched.append(Unmatched(judgment, tuple(missing)))
            continue
        matrices.setdefault(judgment.matrix, Matrix(judgment.matrix)).add(Placed(judgment, a, b))
    for name, matrix in matrices.items():  # one order, however the judgments were written
        if name == QUADRANTS:
            matrix.factors.sort(key=lambda f: QUADRANT_ORDER.index(f.quadrant))
        else:
            matrix.factors.sort(key=lambda f: breadth_key(index.by_key[f.key]))
    return matrices, unmatched


def awot_round(
    round_id: str, judgments: Sequence[Judgment], items: Sequence[MergedItem]
) -> AwotRound:
    """The A'WOT of a round from its judgments and its merged items."""
    index = FactorIndex(items)
    themes: dict[str, ThemeAwot] = {}
    unmatched: list[Unmatched] = []
    mine = [j for j in judgments if j.round == round_id]
    for theme in sorted({j.theme for j in mine}):
        matrices, lost = theme_matrices(theme, mine, index)
        unmatched += lost
        if not matrices:
            continue
        raters: dict[str, str] = {}
        for matrix in matrices.values():
            for name in matrix.raters():
                raters.setdefault(rater_key(name), name)
        quadrants = matrices.pop(QUADRANTS, None)
        themes[theme] = ThemeAwot(
            theme,
            quadrants.result() if quadrants else None,
            {
                Quadrant(name): matrices[name].result()
                for name in sorted(matrices, key=lambda n: QUADRANT_ORDER.index(Quadrant(n)))
            },
            tuple(raters.values()),
        )
    unmatched.sort(key=lambda u: u.judgment.line)
    return AwotRound(round_id, themes, unmatched)
