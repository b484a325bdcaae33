"""The scorer before issue 15, kept for benchmarks (bucket_speed.py times it beside today's).

Its docstring as it was: Text normalisation, candidate blocking and scoring for finding
near-duplicate entries.

Why this scorer and threshold
-----------------------------
Pairs are scored with rapidfuzz's ``token_sort_ratio`` on normalised text (case folded, Unicode
NFC, punctuation and extra whitespace removed). It forgives typos ("jämstäldhet"), case,
punctuation and word order, but unlike ``token_set_ratio`` it does not call a short text a
duplicate of every longer text that contains its words.

The default threshold, 85, was chosen on the example workshops (``workshops/hoganasmodellen``
and ``workshops/ameis-skane-nordvast``, 5 rounds): every pair at 85 or above is the same
statement written differently (typos, a missing "och", reordered words, e.g. "Vi har en
jämställdhetsplan men genomför inga aktiviteter" / "Jämställdhetsplanen finns men inga
aktiviteter genomförs" = 86.7), while the highest pair below it is a real difference ("All
personal har gått utbildning…" / "Vi har fått utbildning…" = 83.3). ``token_set_ratio`` would
have scored "Engagerade handledare" / "Våra handledare är väldigt engagerade" 100.

String similarity cannot read meaning, and the costliest mistake is merging a statement with its
opposite ("Ingen har gått utbildning i jämställdhetsintegrering" / "Vi har fått utbildning i
jämställdhetsintegrering" = 89.1). So a pair where only one text is negated (inte, ingen,
saknas, not, no, lack, …, and no typo of that word in the other text) loses
``NEGATION_PENALTY`` points.

Why blocking
------------
Scoring all pairs of a bucket grows with its square (7,000 entries: 21 s; 20,000: 175 s).
Instead each text offers its three rarest tokens that some other text also has (cut to their first five letters, so an
inflection or a typo late in a word still meets its twin) and only texts that offer the same
token are scored; the benchmark ``benchmarks/merge_blocking.py`` checks that this finds the
same pairs as scoring everything."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from swot.analysis.similarity import NEGATIONS  # the same words then and now
from swot.texts import TEXT_CACHE_SIZE, normalise

DEFAULT_SIMILARITY = 85.0
RARE_TOKENS = 3
TOKEN_PREFIX = 5
NEGATION_PENALTY = 20.0


def blocking_keys(normalised: str) -> list[str]:
    """The keys a text can be found under: its tokens, cut to their first letters."""
    return sorted({token[:TOKEN_PREFIX] for token in normalised.split()})


def candidate_pairs(texts: Sequence[str], rare: int = RARE_TOKENS) -> list[tuple[int, int]]:
    """Index pairs (i < j) of normalised texts worth scoring: they share one of their rarest keys.

    Sorted, so the result does not depend on hashing.
    """
    left, right = _candidates(texts, rare)
    if not isinstance(left, list):
        left, right = left.tolist(), right.tolist()
    return list(zip(left, right, strict=True))


def similar_pairs(
    texts: Sequence[str], floor: float, rare: int = RARE_TOKENS
) -> list[tuple[int, int, float]]:
    """Pairs (i < j, score) of normalised texts that score at least ``floor``, found by blocking;
    best first (then by i and j).

    Candidates share one of their rarest keys and have lengths that allow the floor (the
    scorer cannot give more than ``2 × shorter / (sum of lengths)``); only they are scored.
    """
    left, right = _candidates(texts, rare)
    if len(left) and not isinstance(left, list):
        import numpy as np

        lengths = np.fromiter(map(len, texts), dtype=np.float64, count=len(texts))
        shorter = np.minimum(lengths[left], lengths[right])
        longer = np.maximum(lengths[left], lengths[right])
        reach = (floor - ROUNDING) / 100.0
        possible = 2.0 * shorter >= reach * (shorter + longer)
        left, right = left[possible], right[possible]
    return _score(texts, left, right, floor)


def score_pairs(
    texts: Sequence[str], pairs: Sequence[tuple[int, int]], floor: float = 0.0
) -> list[tuple[int, int, float]]:
    """``token_sort_ratio`` (0–100, less ``NEGATION_PENALTY`` where only one text is negated) of
    each pair of normalised texts, best first; pairs scoring below ``floor`` are left out."""
    if not pairs:
        return []
    if len(pairs) < SMALL_PAIRS:
        return _score(texts, [i for i, _ in pairs], [j for _, j in pairs], floor)
    import numpy as np

    indexes = np.asarray(pairs, dtype=np.int64)
    return _score(texts, indexes[:, 0], indexes[:, 1], floor)


# Scores are rounded to one decimal: a raw score this far below the floor may still reach it.
ROUNDING = 0.05


# Below this many candidate pairs, blocking and scoring run in plain Python (numpy is not
# imported); above it, with numpy arrays. Both give the same pairs and the same scores.
SMALL_PAIRS = 20_000


def _candidates(texts: Sequence[str], rare: int) -> tuple[Any, Any]:
    """Sorted, distinct index pairs of texts sharing a rare key: today's blocking, which is the
    old one over other keys (each text's keys sorted, rarest first)."""
    from swot.analysis.similarity import _candidates as blocking

    keys = [blocking_keys(text) for text in texts]
    # Today's blocking takes integer keys: numbered in the words' order, so that ties between
    # equally rare keys go the way they went between the words.
    number = {word: n for n, word in enumerate(sorted({k for ks in keys for k in ks}))}
    return blocking([[number[k] for k in ks] for ks in keys], rare)


def _score(
    texts: Sequence[str], left: Any, right: Any, floor: float
) -> list[tuple[int, int, float]]:
    """Score index pairs (numpy arrays) of normalised texts; keep those reaching ``floor``."""
    if not len(left):
        return []
    if isinstance(left, list):
        return _score_small(texts, left, right, floor)
    import numpy as np
    from rapidfuzz import fuzz, process

    # token_sort_ratio is the ratio of the texts with their words sorted: sort each text once,
    # not once per pair.
    sorted_words = np.array([" ".join(sorted(text.split())) for text in texts], dtype=object)
    cutoff = max(0.0, floor - ROUNDING)
    scores = process.cpdist(
        sorted_words[left].tolist(),
        sorted_words[right].tolist(),
        scorer=fuzz.ratio,
        processor=None,
        score_cutoff=cutoff,
        workers=1,
    )
    hits = np.flatnonzero(scores >= cutoff)
    left, right, raw = left[hits], right[hits], scores[hits].astype(np.float64)
    # Only a pair where one text has a negation word and the other has none can be penalised.
    negated = np.fromiter((bool(_negations(t)) for t in texts), dtype=bool, count=len(texts))
    suspects = (negated[left] != negated[right]) & (
        raw >= DEFAULT_SIMILARITY - 2 * NEGATION_PENALTY
    )
    for k in np.flatnonzero(suspects).tolist():
        if negation_differs(texts[left[k]], texts[right[k]]):
            raw[k] = max(0.0, raw[k] - NEGATION_PENALTY)
    # One decimal, as round(score, 1) gives: scores come as float32, so score × 10 is exact.
    rounded = np.rint(raw * 10.0) / 10.0
    keep = rounded >= floor
    left, right, rounded = left[keep], right[keep], rounded[keep]
    best_first = np.lexsort((right, left, -rounded))
    return list(
        zip(
            left[best_first].tolist(),
            right[best_first].tolist(),
            rounded[best_first].tolist(),
            strict=True,
        )
    )


def _score_small(
    texts: Sequence[str], left: list[int], right: list[int], floor: float
) -> list[tuple[int, int, float]]:
    """``_score`` in plain Python, for few pairs; the same scores to the last bit."""
    from array import array

    from rapidfuzz import fuzz

    words = {i: " ".join(sorted(texts[i].split())) for i in {*left, *right}}
    cutoff = max(0.0, floor - ROUNDING)
    # rapidfuzz's batch scorer gives float32: round the same way so both paths agree exactly.
    raw = array(
        "f",
        [
            fuzz.ratio(words[i], words[j], score_cutoff=cutoff)
            for i, j in zip(left, right, strict=True)
        ],
    )
    penalty_from = DEFAULT_SIMILARITY - 2 * NEGATION_PENALTY
    result = []
    for i, j, score in zip(left, right, raw, strict=True):
        if score < cutoff:
            continue
        if (
            score >= penalty_from
            and bool(_negations(texts[i])) != bool(_negations(texts[j]))
            and negation_differs(texts[i], texts[j])
        ):
            score = max(0.0, score - NEGATION_PENALTY)
        rounded = round(score, 1)
        if rounded >= floor:
            result.append((i, j, rounded))
    result.sort(key=lambda pair: (-pair[2], pair[0], pair[1]))
    return result


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def _negations(text: str) -> tuple[str, ...]:
    return tuple(token for token in text.split() if token in NEGATIONS)


def negation_differs(left: str, right: str) -> bool:
    """Whether exactly one of two normalised texts is negated (a typo of the word still counts)."""
    left_negations, right_negations = _negations(left), _negations(right)
    if bool(left_negations) == bool(right_negations):
        return False
    negations, other = (
        (left_negations, right.split()) if left_negations else (right_negations, left.split())
    )
    from rapidfuzz import fuzz

    return not any(fuzz.ratio(word, token) >= 80 for word in negations for token in other)


def similarity(left: str, right: str) -> float:
    """The score of two raw texts, as grouping computes it (for messages and review)."""
    scored = score_pairs([normalise(left), normalise(right)], [(0, 1)])
    return scored[0][2]
