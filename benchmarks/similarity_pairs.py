"""Precision, recall and F1 of grouping's scorer and of the candidates it was chosen from, on the
labelled pairs in tests/data (similarity_pairs_sv.csv, similarity_pairs_en.csv).

Each candidate's threshold is chosen on the "tune" half (the highest recall at precision ≥ 0.97
there); the table gives both halves at that threshold, and the shipped scorer also at
DEFAULT_SIMILARITY. Word statistics (IDF, vocabulary for typos and compounds) come from all texts
of the file, as grouping takes them from a whole bucket. "today" is the scorer before issue 15
(rapidfuzz token_sort_ratio, −20 for a negation on one side only).

Run: python benchmarks/similarity_pairs.py [sv|en]
"""

from __future__ import annotations

import csv
import math
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from rapidfuzz import fuzz

from swot.analysis.similarity import (
    DEFAULT_SIMILARITY,
    STOP_WORDS,
    Model,
    _stemmer,
    guarded,
    negation_differs,
    score_pairs,
)
from swot.texts import normalise

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
Scorer = Callable[[int, int], float]


def load(language: str) -> list[dict[str, str]]:
    with open(DATA / f"similarity_pairs_{language}.csv", encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


class Candidate:
    """A bag-of-features cosine (features: words, stems or character n-grams), IDF-weighted."""

    def __init__(self, texts: list[str], language: str, features: str, idf: bool = True) -> None:
        stop = STOP_WORDS[language]
        stem = _stemmer(language)

        def of(text: str) -> list[str]:
            words = [w for w in text.split() if w not in stop]
            if features == "words":
                return words
            if features == "stems":
                return [stem(w) for w in words]
            grams = []
            for word in words:
                padded = f"<{word}>"
                grams += [padded[k : k + 3] for k in range(len(padded) - 2)]
            return grams

        bags = [Counter(of(t)) for t in texts]
        df = Counter(f for bag in bags for f in bag)
        n = len(texts)
        weight = {f: (math.log((n + 1) / (c + 1)) + 1.0) if idf else 1.0 for f, c in df.items()}
        self.vectors = []
        for bag in bags:
            vector = {f: k * weight[f] for f, k in bag.items()}
            norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
            self.vectors.append({f: v / norm for f, v in vector.items()})
        self.texts = texts

    def __call__(self, i: int, j: int) -> float:
        a, b = self.vectors[i], self.vectors[j]
        score = 100.0 * sum(v * b.get(f, 0.0) for f, v in a.items())
        return max(0.0, score - 30.0) if guarded(self.texts[i], self.texts[j]) else score


def candidates(texts: list[str], language: str) -> dict[str, Scorer]:
    def today(i: int, j: int) -> float:
        score = fuzz.token_sort_ratio(texts[i], texts[j])
        return max(0.0, score - 20.0) if negation_differs(texts[i], texts[j]) else score

    model = Model(texts)

    def chosen(i: int, j: int) -> float:
        return score_pairs(texts, [(i, j)], model=model)[0][2]

    words, stems = Candidate(texts, language, "words"), Candidate(texts, language, "stems")
    grams = Candidate(texts, language, "grams")

    def mixed(i: int, j: int) -> float:
        return 0.7 * chosen(i, j) + 0.3 * grams(i, j)

    return {
        "today (token_sort_ratio)": today,
        "words, no IDF": Candidate(texts, language, "words", idf=False),
        "words + IDF": words,
        "stems + IDF": stems,
        "char 3-grams + IDF": grams,
        "stems+compounds+typos+IDF": chosen,
        "  … + 0.3 × char 3-grams": mixed,
    }


def measure(scored: list[tuple[float, bool]], threshold: float) -> tuple[float, float, float]:
    hits = [same for score, same in scored if score >= threshold]
    found, positives = sum(hits), sum(same for _, same in scored)
    precision = found / len(hits) if hits else 1.0
    recall = found / positives if positives else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def tuned(scored: list[tuple[float, bool]], least: float = 0.97) -> float:
    best = (0.0, 101.0)
    for threshold in sorted({round(s, 1) for s, _ in scored}):
        precision, recall, _ = measure(scored, threshold)
        if precision >= least and recall > best[0]:
            best = (recall, threshold)
    return best[1]


def best_at(scored: list[tuple[float, bool]], least: float = 0.95) -> str:
    """The issue's measure on one half: the best recall at any threshold where precision stays
    ≥ ``least``; if none does, the recall at the highest precision (of ≥ 3 pairs found)."""
    best: tuple[float, float] | None = None
    highest = (0.0, 0.0, 0.0)
    for threshold in sorted({round(s, 1) for s, _ in scored}):
        precision, recall, _ = measure(scored, threshold)
        if sum(score >= threshold for score, _ in scored) >= 3:
            highest = max(highest, (precision, recall, threshold))
        if precision >= least and (best is None or recall > best[0]):
            best = (recall, threshold)
    if best is not None:
        return f"R {best[0]:.2f} at {best[1]:.1f}"
    return f"never; P {highest[0]:.2f} R {highest[1]:.2f} at {highest[2]:.1f}"


def main() -> None:
    language = sys.argv[1] if len(sys.argv) > 1 else "sv"
    rows = load(language)
    texts = sorted({normalise(r[k]) for r in rows for k in ("text_a", "text_b")})
    index = {t: k for k, t in enumerate(texts)}
    halves = {
        half: [(index[normalise(r["text_a"])], index[normalise(r["text_b"])], r["label"] == "same")
               for r in rows if r["half"] == half]
        for half in ("tune", "test")
    }  # fmt: skip
    print(f"{language}: {len(rows)} pairs ({sum(r['label'] == 'same' for r in rows)} same)")
    print(f"{'scorer':28} {'threshold':>9}  tune P / R / F1      test P / R / F1     "
          "test: best recall at P ≥ 0.95")  # fmt: skip
    for name, scorer in candidates(texts, language).items():
        scored = {h: [(scorer(i, j), same) for i, j, same in p] for h, p in halves.items()}
        thresholds = [tuned(scored["tune"])]
        if name.startswith("stems+compounds"):
            thresholds.append(DEFAULT_SIMILARITY)
        if name.startswith("today"):
            thresholds.append(85.0)
        for number, threshold in enumerate(thresholds):
            figures = "    ".join(
                "{:.2f} / {:.2f} / {:.2f}".format(*measure(scored[h], threshold))
                for h in ("tune", "test")
            )
            oracle = best_at(scored["test"]) if number == 0 else ""
            print(f"{name:28} {threshold:9.1f}  {figures}    {oracle}")


if __name__ == "__main__":
    main()
