"""Text normalisation, candidate blocking and scoring for finding near-duplicate entries.

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
same pairs as scoring everything.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache

DEFAULT_SIMILARITY = 85.0
RARE_TOKENS = 3
TOKEN_PREFIX = 5
NEGATION_PENALTY = 20.0
NEGATIONS = frozenset(
    {
        # Swedish
        "inte", "ej", "ingen", "inget", "inga", "aldrig", "saknar", "saknas", "utan", "brist",
        "bristande", "bristen", "icke", "varken",
        # English
        "not", "no", "never", "none", "nothing", "lack", "lacks", "lacking", "missing",
        "without", "cannot", "cant", "dont", "doesnt", "isnt", "arent", "wont", "nor",
    }
)  # fmt: skip

_PUNCTUATION = re.compile(r"[^\w\s]|_")
# C0/C1 control characters, zero-width and bidi-override characters (they can disguise text).
# Handouts show a text on one line, so newlines and tabs become spaces before this is applied.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


# A round repeats the same texts many times (and merge, decisions and handouts each ask): the
# caches make each distinct text cost one normalisation. Bounded, so memory stays bounded.
TEXT_CACHE_SIZE = 1 << 17


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def strip_control(text: str) -> str:
    """Text without control or bidi-override characters; newlines and tabs become spaces."""
    text = unicodedata.normalize("NFC", text)
    text = re.sub(r"[\t\n\r\v\f\u2028\u2029]+", " ", text)
    return _CONTROL.sub("", text).strip()


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def normalise(text: str) -> str:
    """The form texts are compared in: NFC, case folded, no punctuation, single spaces."""
    text = strip_control(text).casefold()
    text = unicodedata.normalize("NFC", text)
    return " ".join(_PUNCTUATION.sub(" ", text).split())


def blocking_keys(normalised: str) -> list[str]:
    """The keys a text can be found under: its tokens, cut to their first letters."""
    return sorted({token[:TOKEN_PREFIX] for token in normalised.split()})


def candidate_pairs(texts: Sequence[str], rare: int = RARE_TOKENS) -> list[tuple[int, int]]:
    """Index pairs (i < j) of normalised texts worth scoring: they share one of their rarest keys.

    Sorted, so the result does not depend on hashing.
    """
    keys = [blocking_keys(text) for text in texts]
    frequency: dict[str, int] = defaultdict(int)
    for text_keys in keys:
        for key in text_keys:
            frequency[key] += 1
    postings: dict[str, list[int]] = defaultdict(list)
    for index, text_keys in enumerate(keys):
        # A key no other text has cannot pair this text with anything: skip it, or a typo
        # (a word only this text has) would use up one of its few chances.
        shared = [k for k in text_keys if frequency[k] > 1]
        for key in sorted(shared, key=lambda k: (frequency[k], k))[:rare]:
            postings[key].append(index)
    pairs: set[tuple[int, int]] = set()
    for members in postings.values():
        for position, left in enumerate(members):
            for right in members[position + 1 :]:
                pairs.add((left, right))
    return sorted(pairs)


def score_pairs(
    texts: Sequence[str], pairs: Sequence[tuple[int, int]], floor: float = 0.0
) -> list[tuple[int, int, float]]:
    """``token_sort_ratio`` (0–100, less ``NEGATION_PENALTY`` where only one text is negated) of
    each pair of normalised texts; pairs scoring below ``floor`` are left out."""
    if not pairs:
        return []
    import numpy as np
    from rapidfuzz import fuzz, process

    left = [texts[i] for i, _ in pairs]
    right = [texts[j] for _, j in pairs]
    scores = process.cpdist(left, right, scorer=fuzz.token_sort_ratio, processor=None, workers=1)
    result = []
    # Only pairs that reach the floor before the penalty (and rounding) can reach it after.
    for index in np.flatnonzero(scores >= floor - 0.05).tolist():
        i, j = pairs[index]
        score = float(scores[index])
        if score >= DEFAULT_SIMILARITY - 2 * NEGATION_PENALTY and negation_differs(
            texts[i], texts[j]
        ):
            score = max(0.0, score - NEGATION_PENALTY)
        score = round(score, 1)
        if score >= floor:
            result.append((i, j, score))
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
