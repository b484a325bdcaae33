"""One bucket of SIZE distinct texts (the examples' entries with random typos) grouped by today's
scorer and by the scorer before issue 15 (benchmarks/legacy_similarity.py), in one run.

Run: python benchmarks/bucket_speed.py [SIZE]   (default 20000)
"""

from __future__ import annotations

import sys
import time

from legacy_similarity import similar_pairs as legacy_similar_pairs
from merge_blocking import bucket

from swot.analysis.grouping import _group
from swot.analysis.similarity import DEFAULT_SIMILARITY


def main() -> None:
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    texts = bucket(size, seed=3)
    while len(texts) < size:  # typos repeat: draw more until SIZE distinct texts
        texts = sorted(set(texts) | set(bucket(size - len(texts), seed=len(texts))))
    texts = texts[:size]
    position = {t: k for k, t in enumerate(texts)}
    start = time.perf_counter()
    legacy = legacy_similar_pairs(texts, 85.0)
    before = time.perf_counter() - start
    start = time.perf_counter()
    _group(texts, position, DEFAULT_SIMILARITY, [])
    after = time.perf_counter() - start
    print(f"{len(texts)} distinct texts: before {before:.2f} s ({len(legacy)} pairs ≥ 85, "
          f"single linkage not included); now {after:.2f} s (blocking, scoring, average "
          f"linkage); ratio {after / before:.2f}")  # fmt: skip


if __name__ == "__main__":
    main()
