"""The AHP arithmetic (``swot.analysis.ahp``) against published figures and its own definitions."""

from __future__ import annotations

import numpy as np
import pytest

from swot.analysis.ahp import (
    RANDOM_INDEX,
    aggregate,
    comparison_matrix,
    geometric_mean,
    indirect,
    most_inconsistent,
    nearest_on_scale,
    priorities,
)

# Saaty, T. L. (2008). Decision making with the analytic hierarchy process. International
# Journal of Services Sciences 1(1), 83–98, table 2: "Which drink is consumed more in the U.S.?"
# Rows and columns: coffee, wine, tea, beer, sodas, milk, water. Saaty prints the derived
# priorities .177 .019 .042 .116 .190 .129 .327 and C.R. = 0.022.
DRINKS = np.array(
    [
        [1, 9, 5, 2, 1, 1, 1 / 2],
        [1 / 9, 1, 1 / 3, 1 / 9, 1 / 9, 1 / 9, 1 / 9],
        [1 / 5, 3, 1, 1 / 3, 1 / 4, 1 / 3, 1 / 9],
        [1 / 2, 9, 3, 1, 1 / 2, 1, 1 / 3],
        [1, 9, 4, 2, 1, 2, 1 / 2],
        [1, 9, 3, 1, 1 / 2, 1, 1 / 3],
        [2, 9, 9, 3, 2, 3, 1],
    ]
)
DRINKS_PRIORITIES = (0.177, 0.019, 0.042, 0.116, 0.190, 0.129, 0.327)

# Saaty, T. L. (2005). Theory and Applications of the Analytic Network Process: the "best city
# to live in" hierarchy, five criteria (culture, family, housing, jobs, transportation) over
# four cities (Bethesda, Boston, Pittsburgh, Santa Fe); overall priorities .229 .275 .385 .111
# (the figures AHPy's test suite also reproduces). A two-level hierarchy like A'WOT's
# quadrants over factors: 4×4 and 5×5 eigenvectors composed.
CITY_CRITERIA = np.array(
    [
        [1, 1 / 5, 3, 1 / 2, 5],
        [5, 1, 7, 1, 7],
        [1 / 3, 1 / 7, 1, 1 / 4, 3],
        [2, 1, 4, 1, 7],
        [1 / 5, 1 / 7, 1 / 3, 1 / 7, 1],
    ]
)
CITIES_UNDER = [
    np.array([[1, 1 / 2, 1, 1 / 2], [2, 1, 2.5, 1], [1, 1 / 2.5, 1, 1 / 2.5], [2, 1, 2.5, 1]]),
    np.array([[1, 2, 1 / 3, 4], [1 / 2, 1, 1 / 8, 2], [3, 8, 1, 9], [1 / 4, 1 / 2, 1 / 9, 1]]),
    np.array([[1, 5, 1 / 2, 2.5], [1 / 5, 1, 1 / 9, 1 / 4], [2, 9, 1, 7], [1 / 2.5, 4, 1 / 7, 1]]),
    np.array([[1, 1 / 2, 3, 4], [2, 1, 6, 8], [1 / 3, 1 / 6, 1, 1], [1 / 4, 1 / 8, 1, 1]]),
    np.array(
        [[1, 1.5, 1 / 2, 4], [1 / 1.5, 1, 1 / 3.5, 2.5], [2, 3.5, 1, 9], [1 / 4, 1 / 2.5, 1 / 9, 1]]
    ),
]


def test_saatys_drinks_example_gives_his_printed_priorities_and_cr() -> None:
    result = priorities(DRINKS)
    assert tuple(round(w, 3) for w in result.weights) == DRINKS_PRIORITIES
    assert round(result.cr, 3) == 0.022
    assert result.consistent


def test_saatys_city_hierarchy_gives_his_overall_priorities() -> None:
    criteria = priorities(CITY_CRITERIA).weights
    overall = sum(
        weight * np.array(priorities(matrix).weights)
        for weight, matrix in zip(criteria, CITIES_UNDER, strict=True)
    )
    assert tuple(round(float(p), 3) for p in overall) == (0.229, 0.275, 0.385, 0.111)


def test_a_perfectly_consistent_matrix_has_cr_zero_and_gives_back_the_weights() -> None:
    weights = np.array([0.4, 0.3, 0.2, 0.1])
    matrix = np.outer(weights, 1 / weights)  # A[i, j] = w[i] / w[j]
    result = priorities(matrix)
    assert result.cr == 0.0
    assert result.ci == 0.0
    assert result.lambda_max == pytest.approx(4.0)
    assert result.weights == pytest.approx(tuple(weights))
    assert most_inconsistent(matrix, result.weights) is None


def test_one_or_two_factors_are_always_consistent() -> None:
    assert priorities(np.array([[1.0]])).weights == (1.0,)
    two = priorities(comparison_matrix(2, {(0, 1): 3}))
    assert two.weights == pytest.approx((0.75, 0.25))
    assert two.cr == 0.0


def test_aij_of_identical_raters_equals_each_rater() -> None:
    group = aggregate([DRINKS, DRINKS, DRINKS])
    assert np.allclose(group, DRINKS)
    assert priorities(group).weights == pytest.approx(priorities(DRINKS).weights)


def test_aij_is_the_geometric_mean_of_each_judgment_and_stays_reciprocal() -> None:
    first = comparison_matrix(3, {(0, 1): 2, (0, 2): 4, (1, 2): 2})
    second = comparison_matrix(3, {(0, 1): 8, (0, 2): 1 / 4, (1, 2): 1 / 2})
    group = aggregate([first, second])
    assert group[0, 1] == pytest.approx(4.0)  # √(2 · 8)
    assert group[0, 2] == pytest.approx(1.0)  # √(4 · 1/4)
    assert np.allclose(group * group.T, 1.0)
    assert geometric_mean([2, 8]) == pytest.approx(4.0)


def test_the_most_inconsistent_judgment_is_the_one_that_was_changed() -> None:
    weights = np.array([0.4, 0.3, 0.2, 0.1])
    matrix = np.outer(weights, 1 / weights)
    matrix[1, 2], matrix[2, 1] = 1 / 5, 5  # factor 2 said to weigh 5 times factor 1, not 2/3
    found = most_inconsistent(matrix, priorities(matrix).weights)
    assert found is not None
    assert (found.row, found.column, found.given) == (2, 1, 5)
    # The other judgments still say 0.2 / 0.3: through factor 0 and through factor 3.
    assert found.implied == pytest.approx(2 / 3)
    assert priorities(matrix).cr > 0.10


def test_with_three_factors_the_others_say_what_the_third_one_implies() -> None:
    # 0 is 3 times 1, 2 is 5 times 0, but 1 said to be 5 times 2: the others say 2 is 15 times 1.
    matrix = comparison_matrix(3, {(0, 1): 3, (2, 0): 5, (1, 2): 5})
    found = most_inconsistent(matrix, priorities(matrix).weights)
    assert found is not None
    assert indirect(matrix, 1, 2) == pytest.approx(1 / 15)
    assert nearest_on_scale(indirect(matrix, 1, 2)) == pytest.approx(1 / 9)


def test_comparison_matrix_takes_a_pair_either_way_round_and_refuses_a_gap() -> None:
    matrix = comparison_matrix(3, {(0, 1): 3, (2, 0): 1 / 5, (1, 2): 2})
    assert matrix[0, 2] == pytest.approx(5.0)
    assert matrix[1, 0] == pytest.approx(1 / 3)
    with pytest.raises(ValueError, match="no judgment for the pair"):
        comparison_matrix(3, {(0, 1): 3, (0, 2): 5})


def test_saatys_random_indices_go_to_fifteen_factors() -> None:
    assert len(RANDOM_INDEX) == 15
    assert RANDOM_INDEX[2:5] == (0.58, 0.90, 1.12)
    with pytest.raises(ValueError, match="at most 15"):
        priorities(np.ones((16, 16)))


@pytest.mark.parametrize(
    ("value", "expected"), [(2.9, 3.0), (0.3, 1 / 3), (1.1, 1.0), (40.0, 9.0), (0.01, 1 / 9)]
)
def test_nearest_on_scale(value: float, expected: float) -> None:
    assert nearest_on_scale(value) == pytest.approx(expected)
