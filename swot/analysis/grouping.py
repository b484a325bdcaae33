"""Grouping near-duplicate entries into merged items, within each theme × quadrant.

How a bucket (one theme × quadrant) is grouped:
1. entries with the same normalised text (case, punctuation, spacing) are one group from the
   start;
2. candidate pairs of distinct texts come from blocking (``swot.analysis.similarity``), are
   scored (TF-IDF cosine over stems, with the negation and opposites guard) and joined best
   first into clusters when they reach ``similarity`` and the two clusters' members are alike
   on average (average linkage: no chaining), unless a "keep apart" decision forbids the union;
3. decisions in merges.yaml that join texts join the clusters those texts are in (a decision
   always joins, and never weakens what the scorer would join).

Everything is sorted before it is used, so the same entries always give the same groups, keys
and representative texts. The scorer and ``DEFAULT_SIMILARITY`` are explained in
``swot.analysis.similarity``."""

from __future__ import annotations

import hashlib
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain, repeat
from operator import attrgetter, mul
from typing import TYPE_CHECKING, Any, NamedTuple

from swot.analysis.similarity import (
    DEFAULT_SIMILARITY,
    GUARD_PENALTY,
    SCORER_VERSION,
    Model,
    Signature,
    candidate_pairs,
    score_pairs,
    similar_pairs,
    suspect,
)
from swot.analysis.similarity import (
    NEGATIONS as NEGATION_WORDS,
)
from swot.models import Entry
from swot.texts import normalise, strip_control
from swot.vocabulary import QUADRANT_ORDER, Quadrant

if TYPE_CHECKING:
    from concurrent.futures import Executor

    from swot.files.decisions import MergeDecision, MergeDecisions
    from swot.rounds.cache import MergeMemo

REVIEW_BELOW = 35.0  # review pairs this far below the threshold…
REVIEW_ABOVE = 5.0  # …and this far above it


_UNIT = attrgetter("unit")
_IMPORTANCE = attrgetter("importance")


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

    # Computed once, when the item is made: its entries do not change after grouping, and
    # ranking and handouts ask often (an item of a national round can have thousands).
    units: list[str] = field(init=False, repr=False, compare=False)  # sorted unit ids
    mean_importance: float | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.units = sorted(set(map(_UNIT, self.entries)))
        # Importance is 1–5 or missing (None), so filter(None, …) keeps exactly the given ones.
        values = list(filter(None, map(_IMPORTANCE, self.entries)))
        self.mean_importance = sum(values) / len(values) if values else None

    @property
    def breadth(self) -> int:
        """How many units raised it."""
        return len(self.units)

    @property
    def mentions(self) -> int:
        return len(self.entries)


@dataclass(frozen=True)
class ReviewPair:
    """Two wordings whose similarity is close to the threshold: a person should decide."""

    theme: str
    quadrant: Quadrant
    left: str
    right: str
    score: float
    together: bool  # grouped together in the current merge
    left_units: tuple[str, ...] = ()  # the units that wrote each wording (ids)
    right_units: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()  # what the two share (``explain_pair``)
    in_grid: bool = False  # both wordings' items are in the handout's grid
    impact: int = 0  # the units whose item the answer changes


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
    memo: MergeMemo | None = None,
    pool: Executor | None = None,
    meanwhile: Callable[[], None] | None = None,
) -> list[MergedItem]:
    """Group near-duplicates within each theme × quadrant (blocking on rare tokens, not all pairs).

    Items come back sorted by theme, quadrant (S, W, O, T) and key; rank them with
    ``swot.analysis.ranking.rank_items``. With a ``memo`` (``swot.rounds.cache``), a theme × quadrant whose
    entries (or only texts), decisions and threshold are those of an earlier run reuses that
    run's items (or groups). With a ``pool`` (``worker_processes``), themes × quadrants are
    grouped in its processes, and ``meanwhile`` (if given) is called while they work; it is
    always called once, before this returns.
    """
    by_bucket: dict[tuple[str, Quadrant], list[Entry]] = {}
    for entry in entries:
        by_bucket.setdefault((entry.theme, entry.quadrant), []).append(entry)
    plans = [
        _Bucket(theme, quadrant, bucket, decisions.for_bucket(theme, quadrant) if decisions else [])
        for (theme, quadrant), bucket in by_bucket.items()
    ]
    skeletons, keys, groups = _remembered(plans, similarity, memo)
    todo = [number for number in range(len(plans)) if number not in skeletons]
    grouped = _group_buckets(plans, todo, similarity, groups, pool, meanwhile)
    for number, (skeleton, new_groups) in grouped:
        skeletons[number] = skeleton
        if memo is not None:
            memo.put_items(keys[number][0], skeleton)
            if new_groups is not None:
                memo.put_groups(keys[number][1], *new_groups)
    return _items(plans, skeletons)


def _remembered(
    plans: list[_Bucket], similarity: float, memo: MergeMemo | None
) -> tuple[dict[int, list[list]], dict[int, tuple[str, str]], dict[int, Groups | None]]:
    """From the memo: the items of buckets whose entries are unchanged (skeletons), else the
    groups of buckets whose texts are; and the keys to remember the new results under."""
    skeletons: dict[int, list[list]] = {}
    keys: dict[int, tuple[str, str]] = {}
    groups: dict[int, Groups | None] = {}
    for number, plan in enumerate(plans):
        if memo is None:
            groups[number] = None
            continue
        keys[number] = (plan.key(similarity), "")
        found = memo.items(keys[number][0], len(plan.entries))
        if found is not None:
            skeletons[number] = found
        else:  # the items changed; perhaps not the texts
            keys[number] = (keys[number][0], plan.texts_key(similarity))
            groups[number] = memo.groups(keys[number][1])
    return skeletons, keys, groups


def _items(plans: list[_Bucket], skeletons: dict[int, list[list]]) -> list[MergedItem]:
    """Merged items from each bucket's skeleton, sorted by theme, quadrant (S, W, O, T), key."""
    items = [
        MergedItem(
            theme=plan.theme,
            quadrant=plan.quadrant,
            text=text,
            entries=[plan.entries[index] for index in indexes],
            key=key,
            cohesion=cohesion,
            joined_by_decision=by_decision,
            wordings=wordings,
        )
        for number, plan in enumerate(plans)
        for indexes, text, key, cohesion, by_decision, wordings in skeletons[number]
    ]
    order = {q: i for i, q in enumerate(QUADRANT_ORDER)}
    items.sort(key=lambda item: (item.theme, order[item.quadrant], item.key))
    return items


class _Row(NamedTuple):
    """What grouping needs of an entry (sent to worker processes instead of the entry)."""

    text: str
    unit: str
    round: str
    line: int


@dataclass
class _Bucket:
    """The entries of one theme × quadrant and the decisions that apply to them."""

    theme: str
    quadrant: Quadrant
    entries: Sequence[Entry | _Row]
    decisions: list[MergeDecision]

    def key(self, similarity: float) -> str:
        """A digest of everything this bucket's items depend on (not importance: not grouped)."""
        digest = self._digest(similarity)
        entries = self.entries
        for start in range(0, len(entries), 1000):  # in slices: a bucket can be megabytes
            digest.update(
                "".join(
                    f"{e.text}\x1e{e.unit}\x1e{e.round}\x1e{e.line}\x1f"
                    for e in entries[start : start + 1000]
                ).encode()
            )
        return "items:" + digest.hexdigest()

    def texts_key(self, similarity: float) -> str:
        """A digest of everything the groups of this bucket's distinct texts depend on."""
        digest = self._digest(similarity)
        digest.update("\n".join(sorted({e.text for e in self.entries})).encode())
        return "groups:" + digest.hexdigest()

    def _digest(self, similarity: float) -> Any:
        digest = hashlib.blake2b(digest_size=16)
        for part in (SCORER_VERSION, self.theme, self.quadrant.value, repr(similarity)):
            digest.update(part.encode() + b"\x00")
        for decision in self.decisions:
            digest.update(repr((decision.kind, decision.normalised, decision.wording)).encode())
        return digest


Groups = tuple[list[int], list[float], list[bool]]  # root of each text, weakest, by decision
Skeleton = tuple[list[list], Groups | None]


def _group_buckets(
    plans: list[_Bucket],
    todo: list[int],
    similarity: float,
    groups: dict[int, Groups | None],
    pool: Executor | None,
    meanwhile: Callable[[], None] | None,
) -> Iterable[tuple[int, Skeleton]]:
    """(bucket number, its items and the groups found) for each bucket to group; ``meanwhile``
    is called once, while the pool's processes work (or first, without them)."""
    if pool is not None and len(todo) > 1:
        from concurrent.futures.process import BrokenProcessPool

        largest_first = sorted(todo, key=lambda number: -len(plans[number].entries))
        try:
            done = list(_in_pool(pool, plans, largest_first, similarity, groups, meanwhile))
        except (OSError, BrokenProcessPool):
            pass  # processes cannot be used here: group in this one
        else:
            for _, (skeleton, _) in done:
                for item in skeleton:  # texts that came through a pipe: share the entries'
                    item[1] = sys.intern(item[1])
                    item[5] = [sys.intern(wording) for wording in item[5]]
            return done
    if meanwhile is not None:
        meanwhile()
    return [(number, _skeleton(plans[number], similarity, groups[number])) for number in todo]


def _in_pool(
    pool: Executor,
    plans: list[_Bucket],
    order: list[int],
    similarity: float,
    groups: dict[int, Groups | None],
    meanwhile: Callable[[], None] | None,
) -> Iterator[tuple[int, Skeleton]]:
    """Buckets grouped in the pool; only a few in flight, so their rows are not all held twice
    (as entries and as pickled rows) at once. ``meanwhile`` runs once the first are sent."""
    from concurrent.futures import FIRST_COMPLETED, Future, wait

    waiting = list(order)
    running: dict[Future, int] = {}
    while waiting or running:
        while waiting and len(running) < 3:
            number = waiting.pop(0)
            plan = plans[number]
            rows = [(e.text, e.unit, e.round, e.line) for e in plan.entries]
            task = (plan.theme, plan.quadrant, rows, plan.decisions, similarity, groups[number])
            running[pool.submit(_skeleton_of_rows, *task)] = number
        if meanwhile is not None:
            meanwhile()
            meanwhile = None  # once
        finished, _ = wait(running, return_when=FIRST_COMPLETED)
        for future in finished:
            yield running.pop(future), future.result()


def _skeleton_of_rows(
    theme: str,
    quadrant: Quadrant,
    rows: list[tuple[str, str, str, int]],
    decisions: list[MergeDecision],
    similarity: float,
    found: Groups | None,
) -> Skeleton:
    """In a worker: ``_skeleton`` of a bucket sent as (text, unit, round, line) rows."""
    plan = _Bucket(theme, quadrant, [_Row(*row) for row in rows], decisions)
    return _skeleton(plan, similarity, found)


_ENTRY_ORDER = attrgetter("unit", "round", "line", "text")


def _skeleton(plan: _Bucket, similarity: float, found: Groups | None) -> Skeleton:
    """The items of one bucket as plain values (entries by position), and the groups found
    (None if they were ``found`` already, in the memo)."""
    texts = _Texts(plan.entries)
    normalised = texts.normalised
    position = {text: index for index, text in enumerate(normalised)}
    new_groups = None
    if found is not None and len(found[0]) == len(normalised):
        groups = _Groups(len(normalised), [set() for _ in normalised])
        groups.parent, groups.weakest, groups.by_decision = found
    else:
        groups = _group(normalised, position, similarity, plan.decisions)
        roots = [groups.find(index) for index in range(len(normalised))]
        new_groups = (roots, groups.weakest, groups.by_decision)
    members: dict[int, list[int]] = {}
    for index in range(len(normalised)):
        members.setdefault(groups.find(index), []).append(index)
    wording_of = _wordings(plan.decisions, position, groups)
    where = {id(entry): index for index, entry in enumerate(plan.entries)}
    skeleton = []
    for root, indexes in members.items():
        group_texts = [normalised[i] for i in indexes]
        group_entries = [e for text in group_texts for e in texts.entries(text)]
        group_entries.sort(key=_ENTRY_ORDER)
        representative, wordings = _representative(group_texts, texts)
        skeleton.append(
            [
                [where[id(entry)] for entry in group_entries],
                wording_of.get(root, representative),
                item_key(plan.theme, plan.quadrant, normalise(representative)),
                groups.weakest[root],
                groups.by_decision[root],
                wordings,
            ]
        )
    return skeleton, new_groups


class _Texts:
    """The texts of a bucket: each distinct written text, and the normalised texts they share.

    Built once per bucket so that nothing below walks the entries one by one again.
    """

    def __init__(self, bucket: Iterable[Entry | _Row]) -> None:
        self.by_raw: dict[str, list[Entry | _Row]] = {}
        for entry in bucket:
            self.by_raw.setdefault(entry.text, []).append(entry)
        # Each distinct written text is normalised once (a round repeats texts many times).
        self.raws: dict[str, list[str]] = {}
        for raw in self.by_raw:
            self.raws.setdefault(normalise(raw), []).append(raw)
        self.normalised = sorted(self.raws)
        self.count = {
            text: sum(len(self.by_raw[raw]) for raw in raws) for text, raws in self.raws.items()
        }
        self._token_counts: Counter[str] | None = None

    def entries(self, text: str) -> list[Entry | _Row]:
        return [entry for raw in self.raws[text] for entry in self.by_raw[raw]]

    def shown(self, text: str) -> Counter[str]:
        """How often each wording of a normalised text was written, as shown."""
        shown: Counter[str] = Counter()
        for raw in self.raws[text]:
            shown[strip_control(raw)] += len(self.by_raw[raw])
        return shown

    def token_counts(self) -> Counter[str]:
        """How often each word is written in the bucket (asked only to break rare ties)."""
        if self._token_counts is None:
            # Most texts are written once: those counted by Counter in one go.
            once = [text for text, count in self.count.items() if count == 1]
            counts = Counter(chain.from_iterable(map(str.split, once)))
            for text, count in self.count.items():
                if count > 1:
                    for token in text.split():
                        counts[token] += count
            self._token_counts = counts
        return self._token_counts


def _group(
    texts: list[str],
    position: dict[str, int],
    similarity: float,
    decisions: list[MergeDecision],
) -> _Groups:
    """The groups of a bucket's distinct texts: the scorer's clusters (average linkage, best
    pair first), joined wherever a decision joins two of their texts.

    A decision joins whole clusters and never takes part in the linkage: a typo of a decided
    text ("jämstäldhet") still joins its twin, as it would without the decision, and the decided
    group (often wordings that share few words) does not lower the average of what may join.
    "Keep apart" decisions forbid any union that would put their texts together."""
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
    if len(texts) < 2:
        return groups
    model = Model(texts)
    link = _AverageLink(model)
    clusters = _Groups(len(texts), [set() for _ in texts])  # the scorer's alone
    constrained = any(labels)
    parent, find, sizes = clusters.parent, clusters.find, link.sizes
    # Best pair first; two clusters join only when their members are alike on average
    # (average linkage), so a chain A ~ B ~ C does not put A with C.
    for left, right, score in similar_pairs(texts, similarity, model=model):
        # ``clusters.find``, asked only when a text's parent is not its cluster's root.
        a, b = parent[left], parent[right]
        if parent[a] != a:
            a = find(a)
        if parent[b] != b:
            b = find(b)
        if a == b or (constrained and not groups.allowed(left, right)):
            continue
        average = score if sizes[a] == sizes[b] == 1 else link.average(a, b)
        if average >= similarity:
            link.join(a, b)
            clusters.union(left, right, average)
            groups.union(left, right, min(score, average))
    return groups


class _AverageLink:
    """Per group (by its root): the sum of its members' unit vectors, its size and how many
    members have each guard; the average score over all pairs across two groups then costs one
    sparse dot product (the average of cosines of unit vectors is the dot product of their sums
    over the sizes)."""

    def __init__(self, model: Model) -> None:
        self.sums: list[dict[int, float]] = list(model.vectors)
        self.owned: set[int] = set()  # ids of the sums made here (the others are the model's)
        self.sizes = [1] * len(model.vectors)
        self.guards: list[dict[Signature, int]] = [{sig: 1} for sig in model.signatures]

    def average(self, a: int, b: int) -> float:
        """The average score of the pairs across groups ``a`` and ``b`` (not both one text)."""
        sum_a, sum_b = self.sums[a], self.sums[b]
        if len(sum_b) < len(sum_a):
            sum_a, sum_b = sum_b, sum_a
        dot = sum(map(mul, sum_a.values(), map(sum_b.get, sum_a, repeat(0.0))))
        guards_b = self.guards[b].items()
        suspects = sum(
            n * m
            for guard_a, n in self.guards[a].items()
            for guard_b, m in guards_b
            if suspect(guard_a, guard_b)
        )
        pairs = self.sizes[a] * self.sizes[b]
        return round((100.0 * dot - GUARD_PENALTY * suspects) / pairs, 1)

    def join(self, a: int, b: int) -> None:
        """Groups ``a`` and ``b`` (two roots) as one, under the root their union keeps (the
        smaller)."""
        # The smaller sum is added into the larger, in place once it is this group's own (a
        # text's own vector belongs to the model and is copied first).
        small, large = sorted((self.sums[a], self.sums[b]), key=len)
        if id(large) not in self.owned:
            large = dict(large)
            self.owned.add(id(large))
        for feature, value in small.items():
            large[feature] = large.get(feature, 0.0) + value
        guards = dict(self.guards[a])
        for guard, count in self.guards[b].items():
            guards[guard] = guards.get(guard, 0) + count
        root = min(a, b)
        self.sums[root], self.sizes[root] = large, self.sizes[a] + self.sizes[b]
        self.guards[root] = guards


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


def _representative(group: list[str], texts: _Texts) -> tuple[str, list[str]]:
    """The most common wording of a group of normalised texts, and all its wordings.

    Ties go to the most central wording (most like the others), then to the one whose words
    are most common in the bucket (a typo makes a rare word), then alphabetical order.
    """
    most = max(texts.count[text] for text in group)
    tied = [text for text in group if texts.count[text] == most]
    if len(tied) > 1 and len(group) > 2:
        # Only the tied wordings need a centrality: all pairs of a big group would cost its square.
        from rapidfuzz import fuzz

        scores: Any
        if len(tied) * len(group) <= 10_000:  # no numpy for a small group
            scores = [[fuzz.token_sort_ratio(t, other) for other in group] for t in tied]
        else:
            from rapidfuzz import process

            scores = process.cdist(
                tied, group, scorer=fuzz.token_sort_ratio, workers=1, dtype="float64"
            )
        centrality = {
            text: sum(
                float(score) for other, score in zip(group, row, strict=True) if other != text
            )
            for text, row in zip(tied, scores, strict=True)
        }
        best_centrality = max(centrality.values())
        tied = [text for text in tied if centrality[text] == best_centrality]
    if len(tied) > 1:
        token_counts = texts.token_counts()

        def commonness(text: str) -> float:
            words = text.split()
            return sum(token_counts[w] for w in words) / max(1, len(words))

        best_commonness = max(commonness(text) for text in tied)
        tied = [text for text in tied if commonness(text) == best_commonness]
    best = min(tied)
    originals = texts.shown(best)
    # Spellings of one normalised text differ only in case and punctuation: prefer a capital
    # first letter and no trailing full stop (how a list item reads best), then the most common.
    text = min(
        originals,
        key=lambda t: (not t[:1].isupper(), t.endswith("."), -originals[t], t),
    )
    every: Counter[str] = Counter()
    for member in group:
        every.update(texts.shown(member))
    wordings = sorted(every, key=lambda t: (-every[t], t))
    return text, wordings


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
    grid: frozenset[str] = frozenset(),
) -> list[ReviewPair]:
    """Pairs of wordings a person should judge, that no decision settles yet: near the threshold
    or below it (down to ``REVIEW_BELOW`` under), and any two items of ``grid`` (item keys: those
    the handout's grid shows) whose words share a piece (``shared_pieces``). One pair per two
    items; grid pairs first, then the answers that change the most units, then closest first."""
    items = merge_entries(entries, similarity=similarity, decisions=decisions)
    item_of = {
        (item.theme, item.quadrant, normalise(e.text)): item for item in items for e in item.entries
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
        distinct = _Texts(bucket)
        texts = distinct.normalised
        if len(texts) < 2:
            continue
        model = Model(texts)
        best: dict[tuple[str, str], ReviewPair] = {}
        for i, j, score in _review_candidates(
            model, texts, similarity, item_of, grid, theme, quadrant
        ):
            if (theme, quadrant, texts[i], texts[j]) in decided:
                continue
            pair = _review_pair(model, distinct, i, j, score, item_of, grid, theme, quadrant)
            first, second = (
                item_of[(theme, quadrant, texts[i])],
                item_of[(theme, quadrant, texts[j])],
            )
            keys = (min(first.key, second.key), max(first.key, second.key))
            if keys not in best or abs(score - similarity) < abs(best[keys].score - similarity):
                best[keys] = pair
        pairs.extend(best.values())
    pairs.sort(
        key=lambda p: (
            not p.in_grid,
            -p.impact,
            abs(p.score - similarity),
            p.theme,
            p.quadrant.value,
            p.left,
        )
    )
    return pairs


def _review_candidates(
    model: Model,
    texts: list[str],
    similarity: float,
    item_of: dict[tuple[str, Quadrant, str], MergedItem],
    grid: frozenset[str],
    theme: str,
    quadrant: Quadrant,
) -> list[tuple[int, int, float]]:
    """(i, j, score): pairs scoring near or below the threshold, and pairs of different grid
    items sharing a piece of a word."""
    found = {
        (i, j): score
        for i, j, score in similar_pairs(texts, similarity - REVIEW_BELOW, model=model)
        if score < similarity + REVIEW_ABOVE
    }
    in_grid = [i for i, text in enumerate(texts) if item_of[(theme, quadrant, text)].key in grid]
    for k, i in enumerate(in_grid):
        for j in in_grid[k + 1 :]:
            same = item_of[(theme, quadrant, texts[i])] is item_of[(theme, quadrant, texts[j])]
            if (i, j) not in found and not same and shared_pieces(model, i, j):
                found[(i, j)] = score_pairs(texts, [(i, j)], model=model)[0][2]
    return [(i, j, score) for (i, j), score in sorted(found.items())]


def _review_pair(
    model: Model,
    distinct: _Texts,
    i: int,
    j: int,
    score: float,
    item_of: dict[tuple[str, Quadrant, str], MergedItem],
    grid: frozenset[str],
    theme: str,
    quadrant: Quadrant,
) -> ReviewPair:
    texts = distinct.normalised
    first, second = item_of[(theme, quadrant, texts[i])], item_of[(theme, quadrant, texts[j])]
    units = {
        text: tuple(sorted({e.unit for e in distinct.entries(text)}))
        for text in (texts[i], texts[j])
    }
    together = first is second
    return ReviewPair(
        theme,
        quadrant,
        strip_control(distinct.raws[texts[i]][0]),  # as first written
        strip_control(distinct.raws[texts[j]][0]),
        score,
        together,
        units[texts[i]],
        units[texts[j]],
        reasons=explain_pair(model, i, j),
        in_grid=first.key in grid and second.key in grid,
        impact=first.breadth if together else len(set(first.units) | set(second.units)),
    )


PIECE = 4  # letters two words must share for two grid items to be offered for review


def shared_pieces(model: Model, left: int, right: int) -> list[str]:
    """The first ``PIECE`` letters of a stem of one text found inside a stem of the other
    (function words and negations left out): "spar" of "sparbeting" in "besparing", but no
    ending such as "ning" that many words have."""

    def stems(index: int) -> list[str]:
        return [
            model.stem(word)
            for word in model.texts[index].split()
            if word not in model.stop and word not in NEGATION_WORDS
        ]

    found = set()
    for one, other in ((stems(left), stems(right)), (stems(right), stems(left))):
        for stem in one:
            piece = stem[:PIECE]
            if len(piece) == PIECE and any(piece in word for word in other):
                found.add(piece)
    return sorted(found)


def explain_pair(model: Model, left: int, right: int) -> tuple[str, ...]:
    """What a pair shares, as short texts: "handledare" (a shared word), "handledarna ~
    handledare" (a shared stem, compound part or typo), with its share of the score; or the
    pieces of words it shares when it shares no word."""
    shared = model.explain(left, right)
    if shared:
        return tuple(f"{a if a == b else f'{a} ~ {b}'} {share:.0f} %" for a, b, share in shared)
    return tuple(f"…{piece}…" for piece in shared_pieces(model, left, right))


def merge_explanations(items: Sequence[MergedItem]) -> list[dict[str, Any]]:
    """Why each item's wordings are together: for each item of several distinct texts, the links
    of its best spanning tree (each wording joined to the most similar wording before it), with
    the score and what the two share (``explain_pair``), scored as grouping scored its bucket."""
    by_bucket: dict[tuple[str, Quadrant], list[MergedItem]] = {}
    for item in items:
        by_bucket.setdefault((item.theme, item.quadrant), []).append(item)
    links: list[dict[str, Any]] = []
    for bucket in by_bucket.values():
        texts = sorted({normalise(e.text) for item in bucket for e in item.entries})
        if len(texts) < 2:
            continue
        model = Model(texts)
        index = {text: k for k, text in enumerate(texts)}
        shown = {normalise(e.text): strip_control(e.text) for i in bucket for e in i.entries}
        for item in bucket:
            members = sorted({index[normalise(e.text)] for e in item.entries})
            for left, right, score in _spanning_links(model, members):
                links.append(
                    {
                        "item": item.key,
                        "a": shown[texts[left]],
                        "b": shown[texts[right]],
                        "score": score,
                        "shared": list(explain_pair(model, left, right)),
                        "by_decision": item.joined_by_decision and score < item.cohesion,
                    }
                )
    return links


def _spanning_links(model: Model, members: list[int]) -> list[tuple[int, int, float]]:
    """Prim's maximum spanning tree over a group's texts (scores with the guard)."""
    if len(members) < 2:
        return []
    pairs = [(a, b) for k, a in enumerate(members) for b in members[k + 1 :]]
    scores = {(i, j): s for i, j, s in score_pairs(model.texts, pairs, model=model)}
    inside, links = {members[0]}, []
    while len(inside) < len(members):
        score, i, j = max(
            (scores.get((min(a, b), max(a, b)), 0.0), a, b)
            for a in inside
            for b in members
            if b not in inside
        )
        links.append((min(i, j), max(i, j), score))
        inside.add(j)
    return links
