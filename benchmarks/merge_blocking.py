"""Blocking versus all-pairs scoring on one large synthetic bucket: time and recall.

Texts are the example workshops' entries with random typos, so near-duplicates are known to
exist. Run: python benchmarks/merge_blocking.py [SIZE]   (default 2500; all pairs is slow)
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

from swot.analysis.similarity import DEFAULT_SIMILARITY, Model, candidate_pairs, score_pairs
from swot.files.workshop import load_workshop
from swot.rounds.load import load_round
from swot.texts import normalise

EXAMPLES = Path(__file__).resolve().parent.parent / "workshops"


def bucket(size: int, seed: int = 1) -> list[str]:
    base = []
    for folder in sorted(EXAMPLES.glob("*/workshop.yaml")):
        loaded = load_workshop(folder.parent)
        for round_ in loaded.workshop.rounds:
            base += [e.text for e in load_round(loaded, round_.id).entries]
    rng = random.Random(seed)
    texts = []
    while len(texts) < size:
        chars = list(rng.choice(base))
        for _ in range(rng.randrange(3)):
            chars[rng.randrange(len(chars))] = rng.choice("abcdefghijklmnopqrstuvwxyzåäö ")
        texts.append(normalise("".join(chars)))
    return sorted(set(texts))


def main() -> None:
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 2500
    texts = bucket(size)
    start = time.perf_counter()
    found = {
        (i, j) for i, j, s in score_pairs(texts, candidate_pairs(texts)) if s >= DEFAULT_SIMILARITY
    }
    blocked = time.perf_counter() - start
    print(f"{len(texts)} distinct texts; blocking: {blocked:.2f} s, {len(found)} pairs ≥ 85")
    if len(texts) > 3000:
        return
    start = time.perf_counter()
    model = Model(texts)
    pairs = [(i, j) for i in range(len(texts)) for j in range(i + 1, len(texts))]
    truth = {(i, j) for i, j, s in score_pairs(texts, pairs, DEFAULT_SIMILARITY, model=model)}
    everything = time.perf_counter() - start
    recall = len(found & truth) / len(truth) if truth else 1.0
    print(
        f"all pairs: {everything:.2f} s, {len(truth)} pairs ≥ 85; recall of blocking {recall:.1%}"
    )


if __name__ == "__main__":
    main()
