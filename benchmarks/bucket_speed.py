"""One bucket of SIZE distinct texts grouped by today's scorer and linkage and by the scorer and
single linkage before issue 15 (benchmarks/legacy_similarity.py), in one run.

The bucket is one theme × quadrant of benchmarks/generate.py's statement population (its phrase
banks with places, second sentences and lead-ins), each statement typed again and again the way
generate.py's respondents type it (typos, a word dropped or added, two words swapped) until
SIZE texts are distinct: a national round's bucket, made in about a second and the same on every
run.

Run: python benchmarks/bucket_speed.py [SIZE]   (default 20000)
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from random import Random

import generate
from legacy_similarity import similar_pairs as legacy_similar_pairs

from swot.analysis.grouping import _group
from swot.analysis.similarity import DEFAULT_SIMILARITY
from swot.texts import normalise


def bucket(size: int, seed: int = 3) -> list[str]:
    """SIZE distinct normalised texts of the population's largest theme × quadrant."""
    population = generate.population()
    largest, _ = Counter((s.theme, s.quadrant) for s in population).most_common(1)[0]
    statements = [s for s in population if (s.theme, s.quadrant) == largest]
    rng = Random(seed)
    changes = (
        generate._typo,
        generate._drop_word,
        generate._swap_words,
        lambda text, rng: generate._add_word(text, largest[1], rng),
    )
    texts: set[str] = set()
    round_ = 0
    while len(texts) < size:
        for statement in statements:
            text = statement.text
            for _ in range(min(round_, 3)):  # the first round as written, then 1–3 changes
                text = rng.choice(changes)(text, rng)
            texts.add(normalise(text))
            if len(texts) == size:
                break
        round_ += 1
    return sorted(texts)


def legacy_group(texts: list[str]) -> list[int]:
    """Grouping before issue 15: pairs ≥ 85 by blocking and token_sort_ratio, single linkage."""
    parent = list(range(len(texts)))

    def find(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    for left, right, _ in legacy_similar_pairs(texts, 85.0):
        a, b = find(left), find(right)
        if a != b:
            parent[max(a, b)] = min(a, b)
    return [find(index) for index in range(len(texts))]


def main() -> None:
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    start = time.perf_counter()
    texts = bucket(size)
    made = time.perf_counter() - start
    position = {t: k for k, t in enumerate(texts)}
    start = time.perf_counter()
    before_groups = len(set(legacy_group(texts)))
    before = time.perf_counter() - start
    start = time.perf_counter()
    groups = _group(texts, position, DEFAULT_SIMILARITY, [])
    after_groups = len({groups.find(index) for index in range(len(texts))})
    after = time.perf_counter() - start
    print(f"{len(texts)} distinct texts (made in {made:.1f} s): before issue 15 {before:.2f} s "
          f"({before_groups} groups); now {after:.2f} s ({after_groups} groups); "
          f"ratio {after / before:.2f}")  # fmt: skip


if __name__ == "__main__":
    main()
