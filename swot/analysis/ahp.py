"""The Analytic Hierarchy Process (Saaty) on pairwise comparison matrices: priorities from the
principal eigenvector, the consistency ratio, group judgments by the geometric mean, and the
judgment that contributes most to an inconsistency. Pure numpy; no files, no terminal.

A comparison matrix ``A`` of ``n`` factors holds ``A[i, j]``: how many times more factor ``i``
weighs than factor ``j``, on Saaty's 1–9 scale (1/9–1/2 when ``j`` weighs more), with
``A[j, i] = 1 / A[i, j]`` and ones on the diagonal.

- **Priorities** are the principal right eigenvector of ``A``, scaled to sum to 1 (Saaty 1980).
- **Consistency**: ``CI = (λmax − n) / (n − 1)`` and ``CR = CI / RI(n)``, with Saaty's random
  indices ``RI`` (the mean CI of random reciprocal matrices) for n ≤ 15. A matrix of one or two
  factors cannot be inconsistent (CR = 0). CR ≤ 0.10 is Saaty's usual bound.
- **Group judgments** (AIJ, aggregation of individual judgments): each pair's group judgment is
  the geometric mean of the raters' judgments, which keeps the group matrix reciprocal
  (Aczél & Saaty 1983; Forman & Peniwati 1998).
- **The most inconsistent judgment** is the one farthest from what the priorities imply:
  the largest ``A[i, j] · w[j] / w[i]`` or its inverse (Saaty 2003). What the other judgments
  say of it is the geometric mean of the indirect judgments ``A[i, k] · A[k, j]`` over every
  third factor k (with three factors every judgment is equally off: any one may be the slip).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

# Saaty's random consistency indices RI(n) for n = 1..15 (Saaty 1980, The Analytic Hierarchy
# Process), the table most AHP software uses; the drinks example of Saaty 2008 is reproduced
# with it in tests/test_ahp.py. RI(1) = RI(2) = 0: one or two factors are always consistent.
RANDOM_INDEX: tuple[float, ...] = (
    0.0,
    0.0,
    0.58,
    0.90,
    1.12,
    1.24,
    1.32,
    1.41,
    1.45,
    1.49,
    1.51,
    1.48,
    1.56,
    1.57,
    1.59,
)
MAX_FACTORS = len(RANDOM_INDEX)
CR_BOUND = 0.10  # Saaty's usual bound for judgments that hold together
SCALE = (1, 2, 3, 4, 5, 6, 7, 8, 9)
_CONSISTENT_EPSILON = 1e-9


@dataclass(frozen=True)
class Priorities:
    """What one comparison matrix says: the priorities and how consistent the judgments are."""

    weights: tuple[float, ...]
    lambda_max: float
    ci: float
    cr: float

    @property
    def consistent(self) -> bool:
        """CR within Saaty's bound of 0.10."""
        return self.cr <= CR_BOUND


@dataclass(frozen=True)
class Inconsistency:
    """The judgment ``A[row, column]`` that contributes most to an inconsistency, and the value
    the other judgments point to (``indirect``)."""

    row: int
    column: int
    given: float
    implied: float
    factor: float  # how many times the given judgment is off (≥ 1)


def comparison_matrix(size: int, judgments: dict[tuple[int, int], float]) -> np.ndarray:
    """The reciprocal matrix of ``size`` factors from judgments ``(i, j) → A[i, j]``; a pair
    may be given either way round. Raises ValueError for a missing pair or a bad value."""
    matrix = np.ones((size, size))
    for (i, j), value in judgments.items():
        if i == j or not 0 < value < np.inf:
            raise ValueError(f"bad judgment {value!r} for ({i}, {j})")
        matrix[i, j] = value
        matrix[j, i] = 1.0 / value
    for i in range(size):
        for j in range(i + 1, size):
            if (i, j) not in judgments and (j, i) not in judgments:
                raise ValueError(f"no judgment for the pair ({i}, {j})")
    return matrix


def priorities(matrix: np.ndarray) -> Priorities:
    """The principal eigenvector of a reciprocal comparison matrix (summing to 1), λmax, CI and
    CR (Saaty's RI). Raises ValueError for a matrix that is not square or has more than 15
    factors (no random index)."""
    size = _checked_size(matrix)
    if size == 1:
        return Priorities((1.0,), 1.0, 0.0, 0.0)
    values, vectors = np.linalg.eig(matrix)
    principal = int(np.argmax(values.real))
    vector = np.abs(vectors[:, principal].real)  # Perron: one sign; abs() removes a global −1
    weights = vector / vector.sum()
    lambda_max = float(values[principal].real)
    ci = max(0.0, (lambda_max - size) / (size - 1))
    if ci < _CONSISTENT_EPSILON:
        ci = 0.0
    random_index = RANDOM_INDEX[size - 1]
    cr = ci / random_index if random_index else 0.0
    return Priorities(tuple(float(w) for w in weights), lambda_max, ci, cr)


def _checked_size(matrix: np.ndarray) -> int:
    if matrix.ndim != 2 or matrix.shape[0] != matrix.shape[1] or matrix.shape[0] == 0:
        raise ValueError(f"a comparison matrix is square, not {matrix.shape}")
    size = int(matrix.shape[0])
    if size > MAX_FACTORS:
        raise ValueError(f"{size} factors: Saaty's random index is known for at most 15")
    return size


def aggregate(matrices: Sequence[np.ndarray]) -> np.ndarray:
    """The group matrix of several raters' complete matrices: the element-wise geometric mean
    (AIJ). The result is reciprocal again; identical raters give their own matrix."""
    if not matrices:
        raise ValueError("no matrices to aggregate")
    stacked = np.stack([np.asarray(m, dtype=float) for m in matrices])
    return np.exp(np.log(stacked).mean(axis=0))


def geometric_mean(values: Sequence[float]) -> float:
    """The geometric mean of positive judgments (one pair, several raters)."""
    return float(np.exp(np.log(np.asarray(values, dtype=float)).mean()))


def most_inconsistent(matrix: np.ndarray, weights: Sequence[float]) -> Inconsistency | None:
    """The judgment farthest from what the priorities imply (None for a consistent matrix).

    The error of ``A[i, j]`` is ``e = A[i, j] · w[j] / w[i]`` (1 when the judgment agrees with
    the priorities); the judgment with the largest ``max(e, 1/e)`` is reported, oriented so
    that its given value is at least 1 (the factor said to weigh more comes first)."""
    size = _checked_size(matrix)
    w = np.asarray(weights, dtype=float)
    errors = matrix * np.outer(1.0 / w, w)  # A[i, j] · w[j] / w[i]
    off = np.maximum(errors, 1.0 / errors)
    np.fill_diagonal(off, 1.0)
    worst = float(off.max())
    if worst - 1.0 < 1e-6:
        return None
    # Ties (with three factors every judgment is equally off) go to the first pair i < j.
    row, column = next(
        (i, j) for i in range(size) for j in range(i + 1, size) if off[i, j] >= worst * (1 - 1e-9)
    )
    if matrix[row, column] < 1.0:
        row, column = column, row
    return Inconsistency(
        row=row,
        column=column,
        given=float(matrix[row, column]),
        implied=indirect(matrix, row, column),
        factor=float(off[row, column]),
    )


def indirect(matrix: np.ndarray, row: int, column: int) -> float:
    """What the other judgments say of ``A[row, column]``: the geometric mean, over every third
    factor k, of ``A[row, k] · A[k, column]`` (the judgment itself left out)."""
    size = matrix.shape[0]
    paths = [matrix[row, k] * matrix[k, column] for k in range(size) if k not in (row, column)]
    return geometric_mean(paths) if paths else float(matrix[row, column])


def nearest_on_scale(value: float) -> float:
    """The judgment on Saaty's scale (1/9 … 1 … 9) closest to ``value`` on a log scale."""
    candidates = [1.0 / s for s in reversed(SCALE[1:])] + [float(s) for s in SCALE]
    return min(candidates, key=lambda c: abs(np.log(c) - np.log(value)))
