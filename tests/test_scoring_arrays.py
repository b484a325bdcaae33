"""Blocking and scoring a big bucket with numpy arrays gives what plain Python gives, to the bit."""

from __future__ import annotations

import csv
import random
from pathlib import Path

import numpy as np
import pytest

from swot.analysis import similarity
from swot.analysis.similarity import Model, _candidates, _cosines, _round_tenths, _score
from swot.texts import normalise

PAIRS_FILE = Path(__file__).parent / "data" / "similarity_pairs_sv.csv"


def judged_texts() -> list[str]:
    """The Swedish judged pairs' texts (paraphrases, negations, opposites), a text of function
    words only (no features) and a long one (many features)."""
    with PAIRS_FILE.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    texts = {normalise(row[side]) for row in rows for side in ("text_a", "text_b")}
    texts.add(normalise("Det är vi som har det"))
    texts.add(normalise(" ".join(row["text_a"] for row in rows[:12])))
    return sorted(texts)


@pytest.fixture(scope="module")
def bucket() -> tuple[Model, list[int], list[int]]:
    texts = judged_texts()
    rng = random.Random(15)
    pairs = sorted(
        {tuple(sorted(rng.sample(range(len(texts)), 2))) for _ in range(6000)}
        | {(i, i + 1) for i in range(len(texts) - 1)}
    )
    return Model(texts), [i for i, _ in pairs], [j for _, j in pairs]


@pytest.mark.parametrize("floor", [0.0, 50.0, 85.0])
def test_array_scores_are_the_plain_scores_to_the_bit(
    bucket: tuple[Model, list[int], list[int]], floor: float
) -> None:
    model, left, right = bucket
    plain = _score(model, left, right, floor)
    assert plain  # something to compare
    assert _score(model, np.array(left), np.array(right), floor) == plain


def test_array_cosines_are_the_plain_cosines_to_the_bit(
    bucket: tuple[Model, list[int], list[int]],
) -> None:
    model, left, right = bucket
    plain = [100.0 * model.cosine(i, j) for i, j in zip(left, right, strict=True)]
    assert _cosines(model, np.array(left), np.array(right)).tolist() == plain


def test_array_scores_in_many_small_slices_and_table_blocks_are_the_same(
    bucket: tuple[Model, list[int], list[int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    model, left, right = bucket
    plain = _score(model, left, right, 0.0)
    monkeypatch.setattr(similarity, "SLICE_FEATURES", 50)
    monkeypatch.setattr(similarity, "TABLE_CELLS", 3 * (len(model.ids) + 1))
    assert _score(model, np.array(left), np.array(right), 0.0) == plain


def test_tenths_are_rounded_as_round_rounds_them() -> None:
    rng = random.Random(1)
    values = [0.0, 0.05, 0.25, 0.35, 2.675, 84.95, 84.94999999999999, 99.95, 100.0]
    values += [rng.uniform(0, 100) for _ in range(2000)]
    values += [k / 100 for k in range(10_000)]  # every hundredth: half of them ties on paper
    assert _round_tenths(np.array(values)).tolist() == [round(v, 1) for v in values]


@pytest.mark.parametrize("rare", [1, 3])
def test_array_blocking_finds_the_plain_pairs(
    bucket: tuple[Model, list[int], list[int]], monkeypatch: pytest.MonkeyPatch, rare: int
) -> None:
    model = bucket[0]
    keys = model.keys()
    monkeypatch.setattr(similarity, "SMALL_PAIRS", 10**9)  # plain Python throughout
    plain = _candidates(keys, rare)
    assert len(plain[0]) > 500
    monkeypatch.setattr(similarity, "SMALL_TEXTS", 0)  # numpy throughout
    left, right = _candidates(keys, rare)
    assert (left.tolist(), right.tolist()) == plain
