"""Blocking versus all-pairs scoring on one large synthetic bucket: time and recall.

Texts are one theme × quadrant of generate.py's statement population, typed again with typos,
words dropped, added and swapped (``bucket_speed.bucket``), so near-duplicates are known to exist.
Run: python benchmarks/merge_blocking.py [SIZE]   (default 5000; all pairs is slow above 6000)
"""

from __future__ import annotations

import sys
import time

import numpy as np
from bucket_speed import bucket

from swot.analysis.similarity import (
    DEFAULT_SIMILARITY,
    Model,
    _score,
    candidate_pairs,
    score_pairs,
)


def main() -> None:
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    texts = bucket(size)
    start = time.perf_counter()
    found = {
        (i, j) for i, j, s in score_pairs(texts, candidate_pairs(texts)) if s >= DEFAULT_SIMILARITY
    }
    blocked = time.perf_counter() - start
    print(f"{len(texts)} distinct texts; blocking: {blocked:.2f} s, {len(found)} pairs ≥ 85")
    if len(texts) > 6000:
        return
    start = time.perf_counter()
    model = Model(texts)
    left, right = np.triu_indices(len(texts), 1)  # every pair, as numpy arrays
    truth = {(i, j) for i, j, _ in _score(model, left, right, DEFAULT_SIMILARITY)}
    everything = time.perf_counter() - start
    recall = len(found & truth) / len(truth) if truth else 1.0
    print(
        f"all pairs: {everything:.2f} s, {len(truth)} pairs ≥ 85; recall of blocking {recall:.1%}"
    )


if __name__ == "__main__":
    main()
