"""Change between two rounds: which merged items were resolved, which are new, which persist.

Each round is merged on its own with ``swot.analysis.grouping.merge_entries`` (the same grouping and the
same ``merges.yaml`` decisions as ``swot merge``), so the counts here are the counts of each
round's handout. Items of the two rounds are then matched within each theme × quadrant with
``swot.analysis.grouping.match_texts`` over every wording of each item; a "join" decision in merges.yaml
that names a wording from each side matches them, a "keep apart" decision forbids it. Matching is
one-to-one, best score first, so ``before = persisting + resolved`` and
``after = persisting + new`` always hold."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from swot.analysis.status import RoundStatus, UnitStatus, format_percent
from swot.errors import Problem
from swot.files.workshop import LoadedWorkshop
from swot.i18n import catalogue, format_number, say
from swot.vocabulary import QUADRANT_ORDER, Quadrant, quadrant_name

if TYPE_CHECKING:
    from swot.analysis.grouping import MergedItem
    from swot.files.decisions import MergeDecision, MergeDecisions

RESOLVED, NEW, PERSISTING = "resolved", "new", "persisting"
NEEDS_QUADRANTS = (Quadrant.WEAKNESSES, Quadrant.THREATS)
MINUS = "−"  # U+2212, as a typesetter writes a negative change

MESSAGES = catalogue("analysis/changes")


def signed(value: float, lang: str, decimals: int = 0) -> str:
    """A change with its sign: '+3', '−5', '±0' (and '−0,4' with decimals in Swedish)."""
    text = format_number(abs(value), lang, decimals) if decimals else str(abs(round(value)))
    if round(value, decimals) == 0:
        return "±" + text
    return ("+" if value > 0 else MINUS) + text


@dataclass
class ItemChange:
    """One item across the two rounds: resolved (only before), new (only after) or persisting."""

    status: str
    before: MergedItem | None
    after: MergedItem | None
    score: float | None = None

    @property
    def text(self) -> str:
        """The wording to show: the follow-up's when there is one."""
        item = self.after or self.before
        assert item is not None
        return item.text

    @property
    def earlier_text(self) -> str | None:
        """The baseline's wording when a persisting item is now worded differently."""
        if self.before and self.after and self.before.text != self.after.text:
            return self.before.text
        return None

    @property
    def breadth_change(self) -> int:
        return (self.after.breadth if self.after else 0) - (
            self.before.breadth if self.before else 0
        )

    @property
    def importance_change(self) -> float | None:
        """Change in mean importance; None unless both rounds rated the item."""
        if not (self.before and self.after):
            return None
        a, b = self.before.mean_importance, self.after.mean_importance
        return None if a is None or b is None else b - a

    def as_dict(self) -> dict[str, Any]:
        """The change for ``--json``."""

        def side(item: MergedItem | None) -> dict[str, Any] | None:
            if item is None:
                return None
            importance = item.mean_importance
            return {
                "key": item.key,
                "text": item.text,
                "units": item.units,
                "breadth": item.breadth,
                "mentions": item.mentions,
                "mean_importance": None if importance is None else round(importance, 2),
            }

        change = self.importance_change
        return {
            "status": self.status,
            "text": self.text,
            "baseline": side(self.before),
            "followup": side(self.after),
            "breadth_change": self.breadth_change,
            "importance_change": None if change is None else round(change, 2),
            "similarity": None if self.score is None else round(self.score, 1),
        }


@dataclass
class BucketChange:
    """One theme × quadrant across the two rounds."""

    theme: str
    quadrant: Quadrant
    resolved: list[ItemChange] = field(default_factory=list)
    new: list[ItemChange] = field(default_factory=list)
    persisting: list[ItemChange] = field(default_factory=list)

    @property
    def before(self) -> int:
        return len(self.resolved) + len(self.persisting)

    @property
    def after(self) -> int:
        return len(self.new) + len(self.persisting)

    @property
    def change(self) -> int:
        return self.after - self.before

    @property
    def needs_decreased(self) -> bool | None:
        """For weaknesses and threats: did they become fewer? None for the other quadrants."""
        if self.quadrant not in NEEDS_QUADRANTS:
            return None
        return self.after < self.before

    def persisting_importance(self) -> tuple[float | None, float | None]:
        """Mean importance of the persisting items' entries, before and after."""

        def mean(items: list[MergedItem]) -> float | None:
            values = [e.importance for i in items for e in i.entries if e.importance is not None]
            return sum(values) / len(values) if values else None

        return (
            mean([c.before for c in self.persisting if c.before]),
            mean([c.after for c in self.persisting if c.after]),
        )

    def summary(self, theme_name: str, lang: str, basis: str | None = "") -> str:
        """'Svagheter inom jämställdhet: 12 → 7 (−5); 4 lösta, 1 nytt' and, for weaknesses and
        threats, whether they decreased, with the ``basis`` it rests on (which units, which
        response rates); ``basis=None`` means no unit answered in both rounds: no trend."""
        resolved = len(self.resolved)
        if self.quadrant in NEEDS_QUADRANTS:
            gone = say(
                MESSAGES, "resolved.one" if resolved == 1 else "resolved.many", lang, count=resolved
            )
        else:
            gone = say(MESSAGES, "dropped", lang, count=resolved)
        new = say(
            MESSAGES, "new.one" if len(self.new) == 1 else "new.many", lang, count=len(self.new)
        )
        text = say(
            MESSAGES,
            "summary",
            lang,
            quadrant=quadrant_name(self.quadrant, lang),
            theme=theme_name.lower(),
            before=self.before,
            after=self.after,
            change=signed(self.change, lang),
            gone=gone,
            new=new,
        )
        trend = self.trend(lang) if basis is not None else None
        if trend and basis:
            trend = f"{trend.removesuffix('.')} ({basis})."
        return f"{text}. {trend}" if trend else text

    def trend(self, lang: str) -> str | None:
        """Whether weaknesses or threats decreased, in words; None for the other quadrants."""
        if self.quadrant not in NEEDS_QUADRANTS:
            return None
        direction = "down" if self.change < 0 else "up" if self.change > 0 else "same"
        return say(MESSAGES, f"trend.{self.quadrant.value}.{direction}", lang)

    def as_dict(self, theme_name: str, lang: str, basis: str | None = "") -> dict[str, Any]:
        before, after = self.persisting_importance()
        return {
            "quadrant": self.quadrant.value,
            "before": self.before,
            "after": self.after,
            "change": self.change,
            "resolved": len(self.resolved),
            "new": len(self.new),
            "persisting": len(self.persisting),
            "needs_decreased": self.needs_decreased if basis is not None else None,
            "persisting_importance_before": None if before is None else round(before, 2),
            "persisting_importance_after": None if after is None else round(after, 2),
            "summary": self.summary(theme_name, lang, basis),
            "items": {
                RESOLVED: [c.as_dict() for c in self.resolved],
                NEW: [c.as_dict() for c in self.new],
                PERSISTING: [c.as_dict() for c in self.persisting],
            },
        }


@dataclass
class RateChange:
    """One unit's response rate in both rounds (None in a round the unit is not part of)."""

    unit: str
    name: str
    before: UnitStatus | None
    after: UnitStatus | None

    @property
    def points(self) -> int | None:
        """Change in whole percentage points, as the shown (rounded-down) rates differ."""
        if self.before is None or self.after is None:
            return None
        if self.before.rate is None or self.after.rate is None:
            return None
        return int(self.after.rate * 100 + 1e-9) - int(self.before.rate * 100 + 1e-9)


@dataclass
class Comparison:
    """Everything ``swot compare`` reports."""

    workshop: LoadedWorkshop
    baseline: RoundStatus
    followup: RoundStatus
    buckets: list[BucketChange]
    similarity: float
    lang: str
    problems: list[Problem] = field(default_factory=list)
    compared_units: list[str] = field(default_factory=list)  # answered in both rounds

    @property
    def themes(self) -> list[tuple[str, str]]:
        """(theme id, display name) in the workshop's order."""
        return [(t.id, t.name(self.lang)) for t in self.workshop.workshop.themes]

    def buckets_of(self, theme: str) -> list[BucketChange]:
        return [b for b in self.buckets if b.theme == theme]

    def bucket(self, theme: str, quadrant: Quadrant) -> BucketChange:
        return next(b for b in self.buckets if b.theme == theme and b.quadrant == quadrant)

    def rates(self) -> list[RateChange]:
        """Every unit of either round, in workshop order."""
        before = {u.unit: u for u in self.baseline.units}
        after = {u.unit: u for u in self.followup.units}
        return [
            RateChange(u.id, u.name, before.get(u.id), after.get(u.id))
            for u in self.workshop.workshop.units
            if u.id in before or u.id in after
        ]

    def not_compared(self) -> list[tuple[str, str | None]]:
        """Units of either round left out of the comparison, with the round they did not
        answer in (None: neither)."""
        answered = {
            status.round.id: {u.unit for u in status.units if u.entries}
            for status in (self.baseline, self.followup)
        }
        left_out = []
        for rate in self.rates():
            if rate.unit in self.compared_units:
                continue
            silent = [
                status.round
                for status in (self.baseline, self.followup)
                if rate.unit not in answered[status.round.id]
            ]
            left_out.append((rate.name, silent[0].title() if len(silent) == 1 else None))
        return left_out

    def not_compared_text(self) -> str:
        """'Inte jämförda (…): Klippan (inga svar i Kvartal 1 2026), …', or '' if none."""
        left_out = self.not_compared()
        if not left_out:
            return ""
        names = [
            say(MESSAGES, "not_compared.unit", self.lang, unit=name, round=round_)
            if round_
            else say(MESSAGES, "not_compared.unit.both", self.lang, unit=name)
            for name, round_ in left_out
        ]
        return say(MESSAGES, "not_compared", self.lang, units=", ".join(names))

    def basis(self) -> str | None:
        """What a trend rests on: which units, and their response rates; None if no unit
        answered in both rounds (then no trend is stated)."""
        if not self.compared_units:
            return None
        total = len(self.rates())
        text = say(MESSAGES, "basis", self.lang, count=len(self.compared_units), total=total)
        rates = [_joint_rate(s, self.compared_units) for s in (self.baseline, self.followup)]
        if rates[0] is not None and rates[1] is not None:
            text += say(
                MESSAGES,
                "basis.rates",
                self.lang,
                before=format_percent(rates[0], self.lang),
                after=format_percent(rates[1], self.lang),
            )
        below = [
            u.name for u in self.followup.units if u.unit in self.compared_units and u.met is False
        ]
        if below:  # the method asks for the target in every unit before needs are said to fall
            target = format_percent(self.followup.units[0].target / 100, self.lang)
            text += say(MESSAGES, "basis.below", self.lang, target=target, units=", ".join(below))
        return text

    def summaries(self, theme: str) -> list[str]:
        """The plain-words lines of one theme, one per quadrant."""
        name = dict(self.themes)[theme]
        basis = self.basis()
        return [b.summary(name, self.lang, basis) for b in self.buckets_of(theme)]

    def as_dict(self) -> dict[str, Any]:
        """The comparison for ``--json``."""

        def round_dict(status: RoundStatus) -> dict[str, Any]:
            document = status.as_dict()
            return {
                k: document[k] for k in ("round", "name", "date", "respondents", "expected")
            } | {
                "rate": document["rate"],
                "units_below_target": document["units_below_target"],
                "missing_units": document["missing_units"],
            }

        return {
            "workshop": self.workshop.workshop.name,
            "language": self.lang,
            "similarity": self.similarity,
            "target": self.baseline.target,
            "baseline": round_dict(self.baseline),
            "followup": round_dict(self.followup),
            "themes": [
                {
                    "theme": theme,
                    "name": name,
                    "quadrants": [
                        b.as_dict(name, self.lang, self.basis()) for b in self.buckets_of(theme)
                    ],
                }
                for theme, name in self.themes
            ],
            "response_rates": [
                {
                    "unit": r.unit,
                    "name": r.name,
                    "baseline": _rate_dict(r.before),
                    "followup": _rate_dict(r.after),
                    "change_points": r.points,
                }
                for r in self.rates()
            ],
            "compared_units": self.compared_units,
            "not_compared_units": [
                {"unit": name, "no_answers_in": round_} for name, round_ in self.not_compared()
            ],
            "problems": [p.as_dict() for p in self.problems],
        }


def _joint_rate(status: RoundStatus, units: list[str]) -> float | None:
    """Respondents / expected over some units of a round (those with an expected count)."""
    counted = [u for u in status.units if u.unit in units and u.expected]
    expected = sum(u.expected or 0 for u in counted)
    return sum(u.respondents for u in counted) / expected if expected else None


def _rate_dict(status: UnitStatus | None) -> dict[str, Any] | None:
    if status is None:
        return None
    return {
        "respondents": status.respondents,
        "expected": status.expected,
        "rate": None if status.rate is None else round(status.rate, 4),
        "target_met": status.met,
        "has_file": status.has_file,
    }


def match_rounds(
    before: Sequence[MergedItem],
    after: Sequence[MergedItem],
    themes: Sequence[str],
    similarity: float,
    decisions: MergeDecisions | None = None,
) -> list[BucketChange]:
    """Classify the items of two rounds, per theme × quadrant, as resolved, new or persisting."""
    from swot.analysis.ranking import breadth_key

    buckets: list[BucketChange] = []
    for theme in themes:
        for quadrant in QUADRANT_ORDER:
            left = [i for i in before if i.theme == theme and i.quadrant == quadrant]
            right = [i for i in after if i.theme == theme and i.quadrant == quadrant]
            bucket_decisions = decisions.for_bucket(theme, quadrant) if decisions else []
            pairs = _match_items(left, right, similarity, bucket_decisions)
            bucket = BucketChange(theme, quadrant)
            matched_left = {i for i, _, _ in pairs}
            matched_right = {j for _, j, _ in pairs}
            bucket.persisting = [
                ItemChange(PERSISTING, left[i], right[j], score) for i, j, score in pairs
            ]
            bucket.resolved = [
                ItemChange(RESOLVED, item, None)
                for index, item in enumerate(left)
                if index not in matched_left
            ]
            bucket.new = [
                ItemChange(NEW, None, item)
                for index, item in enumerate(right)
                if index not in matched_right
            ]
            bucket.resolved.sort(key=lambda c: breadth_key(c.before))  # type: ignore[arg-type]
            bucket.new.sort(key=lambda c: breadth_key(c.after))  # type: ignore[arg-type]
            bucket.persisting.sort(key=lambda c: breadth_key(c.after))  # type: ignore[arg-type]
            buckets.append(bucket)
    return buckets


def _wordings(item: MergedItem) -> list[str]:
    return list(dict.fromkeys([item.text, *item.wordings]))


def _match_items(
    left: list[MergedItem],
    right: list[MergedItem],
    similarity: float,
    decisions: list[MergeDecision],
) -> list[tuple[int, int, float]]:
    """One-to-one pairs (left index, right index, score) of items that say the same thing."""
    from swot.analysis.grouping import match_texts
    from swot.texts import normalise

    if not left or not right:
        return []
    left_texts: list[str] = []
    left_owner: list[int] = []
    for index, item in enumerate(left):
        for text in _wordings(item):
            left_texts.append(text)
            left_owner.append(index)
    right_texts: list[str] = []
    right_owner: list[int] = []
    for index, item in enumerate(right):
        for text in _wordings(item):
            right_texts.append(text)
            right_owner.append(index)
    scores: dict[tuple[int, int], float] = {}
    for i, j, score in match_texts(left_texts, right_texts, similarity=similarity):
        key = (left_owner[i], right_owner[j])
        scores[key] = max(score, scores.get(key, 0.0))
    left_norm = [{normalise(t) for t in _wordings(item)} for item in left]
    right_norm = [{normalise(t) for t in _wordings(item)} for item in right]
    for decision in decisions:
        texts = decision.normalised
        for a, a_texts in enumerate(left_norm):
            for b, b_texts in enumerate(right_norm):
                a_places = {p for p, t in enumerate(texts) if t in a_texts}
                b_places = {p for p, t in enumerate(texts) if t in b_texts}
                if not a_places or not b_places:
                    continue
                if decision.kind == "join":
                    scores[(a, b)] = 100.0
                elif decision.kind == "apart" and (len(a_places | b_places) > 1):
                    scores.pop((a, b), None)
    pairs: list[tuple[int, int, float]] = []
    used_left: set[int] = set()
    used_right: set[int] = set()
    for (a, b), score in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])):
        if a not in used_left and b not in used_right:
            pairs.append((a, b, score))
            used_left.add(a)
            used_right.add(b)
    return pairs
