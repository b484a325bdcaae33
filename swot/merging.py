"""Grouping near-duplicate entries into merged items, within each theme × quadrant.

How a bucket (one theme × quadrant) is grouped:
1. entries with the same normalised text (case, punctuation, spacing) are one group from the
   start;
2. decisions in merges.yaml that join texts are applied;
3. candidate pairs of distinct texts come from blocking (``swot.similarity``), are scored with
   ``token_sort_ratio`` and joined best first (single linkage) when they reach ``similarity``,
   unless a "keep apart" decision forbids the union.

Everything is sorted before it is used, so the same entries always give the same groups, keys
and representative texts. The scorer and ``DEFAULT_SIMILARITY`` are explained in
``swot.similarity``.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING

from swot.errors import Problem
from swot.i18n import Catalogue, say
from swot.models import Entry, Round
from swot.similarity import (
    DEFAULT_SIMILARITY,
    candidate_pairs,
    normalise,
    score_pairs,
    strip_control,
)
from swot.vocabulary import QUADRANT_ORDER, Quadrant

if TYPE_CHECKING:
    from swot.cache import GroupMemo
    from swot.decisions import MergeDecision, MergeDecisions
    from swot.loading import LoadedWorkshop, RoundEntries
    from swot.ranking import RankedItem
    from swot.status import RoundStatus

__all__ = [
    "DEFAULT_SIMILARITY",
    "MergedItem",
    "ReviewPair",
    "RoundMerge",
    "load_decisions",
    "match_texts",
    "merge_entries",
    "merge_round",
    "review_pairs",
]

REVIEW_BELOW = 10.0  # review pairs this far below the threshold…
REVIEW_ABOVE = 5.0  # …and this far above it


@dataclass
class MergedItem:
    """Entries from one or more units that say the same thing, shown as one text."""

    theme: str
    quadrant: Quadrant
    text: str
    entries: list[Entry]
    key: str
    cohesion: float = 100.0  # the weakest similarity that joined this group (100: exact)
    joined_by_decision: bool = False
    wordings: list[str] = field(default_factory=list)  # distinct original texts, most common first

    # Computed once: an item's entries do not change after grouping, and ranking and handouts
    # ask often (an item of a national round can have thousands of entries).
    @cached_property
    def units(self) -> list[str]:
        """Sorted ids of the units behind the item."""
        return sorted({entry.unit for entry in self.entries})

    @property
    def breadth(self) -> int:
        """How many units raised it."""
        return len(self.units)

    @property
    def mentions(self) -> int:
        return len(self.entries)

    @cached_property
    def mean_importance(self) -> float | None:
        values = [e.importance for e in self.entries if e.importance is not None]
        return sum(values) / len(values) if values else None


@dataclass(frozen=True)
class ReviewPair:
    """Two wordings whose similarity is close to the threshold: a person should decide."""

    theme: str
    quadrant: Quadrant
    left: str
    right: str
    score: float
    together: bool  # grouped together in the current merge


class _Groups:
    """Union-find over the distinct texts of a bucket, with "keep apart" constraints."""

    def __init__(self, size: int, apart_labels: list[set[tuple[int, int]]]) -> None:
        self.parent = list(range(size))
        # Per root: the (decision, text position) labels of the "apart" decisions it holds.
        self.labels = apart_labels
        self.weakest = [100.0] * size
        self.by_decision = [False] * size

    def find(self, index: int) -> int:
        while self.parent[index] != index:
            self.parent[index] = self.parent[self.parent[index]]
            index = self.parent[index]
        return index

    def allowed(self, left: int, right: int) -> bool:
        a, b = self.labels[self.find(left)], self.labels[self.find(right)]
        return not any((d, p) != (d2, p2) and d == d2 for d, p in a for d2, p2 in b)

    def union(self, left: int, right: int, score: float, by_decision: bool = False) -> None:
        a, b = self.find(left), self.find(right)
        if a == b:
            return
        if b < a:
            a, b = b, a
        self.parent[b] = a
        self.labels[a] |= self.labels[b]
        self.weakest[a] = min(self.weakest[a], self.weakest[b], score)
        self.by_decision[a] = self.by_decision[a] or self.by_decision[b] or by_decision


def merge_entries(
    entries: Sequence[Entry],
    *,
    similarity: float = DEFAULT_SIMILARITY,
    decisions: MergeDecisions | None = None,
    memo: GroupMemo | None = None,
) -> list[MergedItem]:
    """Group near-duplicates within each theme × quadrant (blocking on rare tokens, not all pairs).

    Items come back sorted by theme, quadrant (S, W, O, T) and key; rank them with
    ``swot.ranking.rank_items``. With a ``memo`` (``swot.cache``), a theme × quadrant whose
    texts, decisions and threshold are those of an earlier run reuses that run's groups.
    """
    buckets: dict[tuple[str, Quadrant], list[Entry]] = {}
    for entry in entries:
        buckets.setdefault((entry.theme, entry.quadrant), []).append(entry)
    items: list[MergedItem] = []
    for (theme, quadrant), bucket in buckets.items():
        bucket_decisions = decisions.for_bucket(theme, quadrant) if decisions else []
        items.extend(_merge_bucket(theme, quadrant, bucket, similarity, bucket_decisions, memo))
    order = {q: i for i, q in enumerate(QUADRANT_ORDER)}
    items.sort(key=lambda item: (item.theme, order[item.quadrant], item.key))
    return items


_TEXT = attrgetter("text")
_ENTRY_ORDER = attrgetter("unit", "round", "line", "text")


def _distinct_texts(bucket: Iterable[Entry]) -> dict[str, list[Entry]]:
    """Normalised text -> its entries (in input order), sorted by text."""
    by_raw: dict[str, list[Entry]] = {}
    for entry in bucket:
        by_raw.setdefault(entry.text, []).append(entry)
    # Each distinct written text is normalised once (a round repeats texts many times).
    by_text: dict[str, list[Entry]] = {}
    for raw, entries in by_raw.items():
        by_text.setdefault(normalise(raw), []).extend(entries)
    return dict(sorted(by_text.items()))


def _merge_bucket(
    theme: str,
    quadrant: Quadrant,
    bucket: list[Entry],
    similarity: float,
    decisions: list[MergeDecision],
    memo: GroupMemo | None = None,
) -> list[MergedItem]:
    by_text = _distinct_texts(bucket)
    texts = list(by_text)
    position = {text: index for index, text in enumerate(texts)}
    groups = _remembered_groups(theme, quadrant, texts, position, similarity, decisions, memo)
    members: dict[int, list[int]] = {}
    for index in range(len(texts)):
        members.setdefault(groups.find(index), []).append(index)
    wording_of = _wordings(decisions, position, groups)
    token_counts: Counter[str] = Counter()
    for text, group in by_text.items():
        for token in text.split():
            token_counts[token] += len(group)
    items = []
    for root, indexes in members.items():
        group_entries = [e for i in indexes for e in by_text[texts[i]]]
        group_entries.sort(key=_ENTRY_ORDER)
        representative, wordings = _representative(
            {texts[i]: by_text[texts[i]] for i in indexes}, token_counts
        )
        items.append(
            MergedItem(
                theme=theme,
                quadrant=quadrant,
                text=wording_of.get(root, representative),
                entries=group_entries,
                key=item_key(theme, quadrant, normalise(representative)),
                cohesion=groups.weakest[root],
                joined_by_decision=groups.by_decision[root],
                wordings=wordings,
            )
        )
    return items


def _remembered_groups(
    theme: str,
    quadrant: Quadrant,
    texts: list[str],
    position: dict[str, int],
    similarity: float,
    decisions: list[MergeDecision],
    memo: GroupMemo | None,
) -> _Groups:
    """``_group``, or the groups an earlier run found for exactly these inputs."""
    if memo is None:
        return _group(texts, position, similarity, decisions)
    digest = hashlib.blake2b(digest_size=16)
    for part in (theme, quadrant.value, repr(similarity)):
        digest.update(part.encode() + b"\x00")
    for decision in decisions:
        digest.update(repr((decision.kind, decision.normalised, decision.wording)).encode())
    digest.update(b"\x00" + "\n".join(texts).encode())
    key = digest.hexdigest()
    found = memo.get(key, len(texts))
    if found is not None:
        groups = _Groups(len(texts), [set() for _ in texts])
        groups.parent, groups.weakest, groups.by_decision = found
        return groups
    groups = _group(texts, position, similarity, decisions)
    roots = [groups.find(index) for index in range(len(texts))]
    memo.put(key, roots, groups.weakest, groups.by_decision)
    return groups


def _group(
    texts: list[str],
    position: dict[str, int],
    similarity: float,
    decisions: list[MergeDecision],
) -> _Groups:
    labels: list[set[tuple[int, int]]] = [set() for _ in texts]
    for number, decision in enumerate(decisions):
        if decision.kind == "apart":
            for place, text in enumerate(decision.normalised):
                if text in position:
                    labels[position[text]].add((number, place))
    groups = _Groups(len(texts), labels)
    for decision in decisions:
        if decision.kind == "join":
            found = [position[t] for t in decision.normalised if t in position]
            for other in found[1:]:
                groups.union(found[0], other, 100.0, by_decision=True)
    scored = score_pairs(texts, candidate_pairs(texts), floor=similarity)
    for left, right, score in sorted(scored, key=lambda s: (-s[2], s[0], s[1])):
        if groups.find(left) != groups.find(right) and groups.allowed(left, right):
            groups.union(left, right, score)
    return groups


def _wordings(
    decisions: list[MergeDecision], position: dict[str, int], groups: _Groups
) -> dict[int, str]:
    """Root -> wording set by a decision (the last decision in the file wins)."""
    chosen: dict[int, str] = {}
    for decision in decisions:
        if decision.wording:
            for text in decision.normalised:
                if text in position:
                    chosen[groups.find(position[text])] = strip_control(decision.wording)
    return chosen


def _representative(
    by_text: dict[str, list[Entry]], token_counts: Counter[str]
) -> tuple[str, list[str]]:
    """The most common wording of a group.

    Ties go to the most central wording (most like the others), then to the one whose words
    are most common in the bucket (a typo makes a rare word), then alphabetical order.
    """
    counts = {text: len(entries) for text, entries in by_text.items()}
    most = max(counts.values())
    tied = [text for text, count in counts.items() if count == most]
    centrality = dict.fromkeys(by_text, 0.0)
    if len(tied) > 1 and len(by_text) > 2:
        # Only the tied wordings need a centrality: all pairs of a big group would cost its square.
        from rapidfuzz import fuzz, process

        others = list(by_text)
        scores = process.cdist(
            tied, others, scorer=fuzz.token_sort_ratio, workers=1, dtype="float64"
        )
        for text, row in zip(tied, scores, strict=True):
            centrality[text] = sum(
                float(score) for other, score in zip(others, row, strict=True) if other != text
            )

    def commonness(text: str) -> float:
        words = text.split()
        return sum(token_counts[w] for w in words) / max(1, len(words))

    best = min(by_text, key=lambda t: (-counts[t], -centrality[t], -commonness(t), t))
    originals = _written(by_text[best])
    # Spellings of one normalised text differ only in case and punctuation: prefer a capital
    # first letter and no trailing full stop (how a list item reads best), then the most common.
    text = min(
        originals,
        key=lambda t: (not t[:1].isupper(), t.endswith("."), -originals[t], t),
    )
    every: Counter[str] = Counter()
    for entries in by_text.values():
        every.update(_written(entries))
    wordings = sorted(every, key=lambda t: (-every[t], t))
    return text, wordings


def _written(entries: list[Entry]) -> Counter[str]:
    """How often each wording was written, as shown (control characters removed)."""
    shown: Counter[str] = Counter()
    for raw, count in Counter(map(_TEXT, entries)).items():
        shown[strip_control(raw)] += count
    return shown


def item_key(theme: str, quadrant: Quadrant, normalised_text: str) -> str:
    """A short id for a merged item, stable as long as its representative wording is."""
    digest = hashlib.sha1(
        f"{theme}\n{quadrant.value}\n{normalised_text}".encode(), usedforsecurity=False
    )
    return f"{quadrant.value[0]}-{digest.hexdigest()[:7]}"


def match_texts(
    left: list[str], right: list[str], *, similarity: float = DEFAULT_SIMILARITY
) -> list[tuple[int, int, float]]:
    """Pairs (i, j, score) of similar texts between two lists, best match first, each index used
    once — the same normalisation, blocking and scorer as grouping. Used by ``swot compare``.
    """
    normalised = [normalise(t) for t in left] + [normalise(t) for t in right]
    split = len(left)
    cross = [(i, j) for i, j in candidate_pairs(normalised) if i < split <= j]
    exact = {(i, j) for i, j in cross if normalised[i] == normalised[j]}
    scored = [
        (i, j - split, 100.0 if (i, j) in exact else score)
        for i, j, score in score_pairs(normalised, cross, floor=similarity)
    ]
    # Identical texts whose keys were all too common to be offered still belong together.
    by_text: dict[str, list[int]] = {}
    for j in range(len(right)):
        by_text.setdefault(normalised[split + j], []).append(j)
    seen = {(i, j) for i, j, _ in scored}
    for i in range(split):
        for j in by_text.get(normalised[i], []):
            if (i, j) not in seen:
                scored.append((i, j, 100.0))
    matches = []
    used_left: set[int] = set()
    used_right: set[int] = set()
    for i, j, score in sorted(scored, key=lambda s: (-s[2], s[0], s[1])):
        if score >= similarity and i not in used_left and j not in used_right:
            matches.append((i, j, score))
            used_left.add(i)
            used_right.add(j)
    return matches


def review_pairs(
    entries: Sequence[Entry],
    *,
    similarity: float = DEFAULT_SIMILARITY,
    decisions: MergeDecisions | None = None,
) -> list[ReviewPair]:
    """Pairs of wordings near the threshold that no decision settles yet, closest first."""
    items = merge_entries(entries, similarity=similarity, decisions=decisions)
    group_of = {
        (item.theme, item.quadrant, normalise(e.text)): item.key
        for item in items
        for e in item.entries
    }
    decided: set[tuple[str, Quadrant, str, str]] = set()
    for decision in decisions.decisions if decisions else []:
        for a in decision.normalised:
            for b in decision.normalised:
                decided.add((decision.theme, decision.quadrant, a, b))
    buckets: dict[tuple[str, Quadrant], list[Entry]] = {}
    for entry in entries:
        buckets.setdefault((entry.theme, entry.quadrant), []).append(entry)
    pairs: list[ReviewPair] = []
    for (theme, quadrant), bucket in sorted(buckets.items(), key=lambda kv: kv[0]):
        by_text = _distinct_texts(bucket)
        texts = list(by_text)
        for i, j, score in score_pairs(texts, candidate_pairs(texts), similarity - REVIEW_BELOW):
            if not similarity - REVIEW_BELOW <= score < similarity + REVIEW_ABOVE:
                continue
            if (theme, quadrant, texts[i], texts[j]) in decided:
                continue
            together = (
                group_of[(theme, quadrant, texts[i])] == group_of[(theme, quadrant, texts[j])]
            )
            left = strip_control(by_text[texts[i]][0].text)
            right = strip_control(by_text[texts[j]][0].text)
            pairs.append(ReviewPair(theme, quadrant, left, right, score, together))
    pairs.sort(key=lambda p: (abs(p.score - similarity), p.theme, p.quadrant.value, p.left))
    return pairs


def load_decisions(workshop: LoadedWorkshop, lang: str | None = None) -> MergeDecisions:
    """The workshop's merges.yaml, read with located errors (see ``swot.decisions``)."""
    from swot.decisions import load_decisions as load

    return load(workshop, lang)


# ---------------------------------------------------------------- a whole round

MESSAGES: Catalogue = {
    "file_unreadable": {
        "en": "{unit}: {file} could not be read; 0 entries included",
        "sv": "{unit}: {file} kunde inte läsas; 0 poster kom med",
    },
    "file_partly": {
        "en": "{unit}: {file} has errors; {count} entries included, the rest left out",
        "sv": "{unit}: {file} innehåller fel; {count} poster kom med, resten utelämnades",
    },
    "unit_missing": {
        "en": "{unit}: no entries file for this round; 0 entries included",
        "sv": "{unit}: ingen fil med poster i den här omgången; 0 poster kom med",
    },
    "unit_missing.hint": {
        "en": "add the unit's answers with `swot collect`, or leave it out of this round",
        "sv": "lägg till enhetens svar med `swot collect`, eller hoppa över den här omgången",
    },
    "file.hint": {
        "en": "run `swot validate {file}` to see each error and how to fix it",
        "sv": "kör `swot validate {file}` för att se varje fel och hur det rättas",
    },
}


@dataclass
class RoundMerge:
    """Everything a handout or an export of one round shows."""

    workshop: LoadedWorkshop
    round: Round
    loaded: RoundEntries
    status: RoundStatus
    items: list[MergedItem]
    ranked: list[RankedItem]
    method: str
    similarity: float
    decisions: MergeDecisions
    warnings: list[Problem]  # files that could not be read, decisions and votes that match nothing

    @property
    def entries(self) -> list[Entry]:
        return self.loaded.entries


def load_round_entries(
    workshop: LoadedWorkshop,
    round_id: str,
    lang: str,
    progress: Callable[[int, int], None] | None = None,
) -> RoundEntries:
    """``swot.loading.load_round``, reporting (files read, files in all) as files are read."""
    from swot.loading import load_round

    return load_round(workshop, round_id, lang, progress)


def _stale_decisions(
    workshop: LoadedWorkshop,
    decisions: MergeDecisions,
    entries: list[Entry],
    round_id: str,
    lang: str,
) -> list[Problem]:
    """Decisions that match no entry of any round.

    merges.yaml holds decisions for the whole workshop: a baseline decision that the
    follow-up no longer needs (because the need went away) is not stale. Other rounds are read
    only when some decision does not fully match this one.
    """
    if not decisions.unmatched(entries, round_id, lang):
        return []
    from swot.loading import entries_files, read_entries_file

    everything = list(entries)
    for other in workshop.workshop.rounds:
        if other.id != round_id:
            for path in entries_files(workshop, other.id):
                everything += read_entries_file(path, workshop, lang).entries
    return decisions.unmatched(everything, None, lang)


def merge_round(
    workshop: LoadedWorkshop,
    round_id: str | None = None,
    *,
    similarity: float = DEFAULT_SIMILARITY,
    method: str = "breadth",
    lang: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> RoundMerge:
    """Load a round (default: the latest), merge, apply merges.yaml, rank; nothing is written.

    A broken entries file becomes a warning and the other files still merge. Raises
    ``DataError`` if merges.yaml (or, for ``method="votes"``, votes.yaml) is broken.
    """
    from swot.decisions import load_votes
    from swot.loading import display_path
    from swot.ranking import rank_items, votes_by_key
    from swot.status import find_round, round_status

    language = lang or workshop.language
    round_ = find_round(workshop, round_id, language)
    decisions = load_decisions(workshop, language)
    loaded = load_round_entries(workshop, round_.id, language, progress)
    status = round_status(workshop, round_.id, language, loaded=loaded)
    warnings = _file_warnings(workshop, loaded, language, display_path)
    for unit_id in loaded.missing_units:
        unit = workshop.workshop.unit(unit_id)
        warnings.append(
            Problem(
                file=display_path(workshop.entries_file(round_.id, unit_id)),
                message=say(
                    MESSAGES, "unit_missing", language, unit=unit.name if unit else unit_id
                ),
                hint=say(MESSAGES, "unit_missing.hint", language),
                code="unit_missing",
                severity="warning",
            )
        )
    warnings += _stale_decisions(workshop, decisions, loaded.entries, round_.id, language)
    memo = None
    if workshop.cache:
        from swot.cache import GroupMemo

        memo = GroupMemo.open(workshop, round_.id)
    items = merge_entries(loaded.entries, similarity=similarity, decisions=decisions, memo=memo)
    if memo is not None:
        memo.save()
    counts: dict[str, int] | None = None
    if method == "votes":
        from swot.decisions import MESSAGES as DECISION_MESSAGES

        votes = load_votes(workshop, language)
        counts, unmatched = votes_by_key(items, votes.for_round(round_.id))
        for vote in unmatched:
            warnings.append(
                Problem(
                    file=display_path(votes.path) if votes.path else "votes.yaml",
                    line=vote.line,
                    message=say(DECISION_MESSAGES, "vote_unmatched", language, round=round_.id),
                    hint=say(DECISION_MESSAGES, "vote_unmatched.hint", language),
                    code="vote_unmatched",
                    severity="warning",
                )
            )
    ranked = rank_items(items, method, counts)
    return RoundMerge(
        workshop, round_, loaded, status, items, ranked, method, similarity, decisions, warnings
    )


def _file_warnings(
    workshop: LoadedWorkshop,
    loaded: RoundEntries,
    lang: str,
    display_path: Callable[[Path], str],
) -> list[Problem]:
    """One warning per entries file with errors: which unit, how many of its entries count."""
    warnings = []
    for entries_file in loaded.files:
        if entries_file.ok:
            continue
        unit = workshop.workshop.unit(entries_file.unit)
        file = display_path(entries_file.path)
        params = {
            "unit": unit.name if unit else entries_file.unit,
            "file": file,
            "count": len(entries_file.entries),
        }
        key = "file_partly" if entries_file.entries else "file_unreadable"
        warnings.append(
            Problem(
                file=file,
                message=say(MESSAGES, key, lang, **params),
                hint=say(MESSAGES, "file.hint", lang, **params),
                code=key,
                severity="warning",
            )
        )
    return warnings
