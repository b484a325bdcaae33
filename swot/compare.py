"""Change between two rounds: which merged items were resolved, which are new, which persist.

Each round is merged on its own with ``swot.merging.merge_entries`` (the same grouping and the
same ``merges.yaml`` decisions as ``swot merge``), so the counts here are the counts of each
round's handout. Items of the two rounds are then matched within each theme × quadrant with
``swot.merging.match_texts`` over every wording of each item; a "join" decision in merges.yaml
that names a wording from each side matches them, a "keep apart" decision forbids it. Matching is
one-to-one, best score first, so ``before = persisting + resolved`` and
``after = persisting + new`` always hold.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from swot.errors import Problem, UsageError
from swot.i18n import Catalogue, format_number, say
from swot.loading import LoadedWorkshop, load_round
from swot.status import RoundStatus, UnitStatus, find_round, format_percent, round_status
from swot.vocabulary import QUADRANT_ORDER, Quadrant, quadrant_name

if TYPE_CHECKING:
    from swot.decisions import MergeDecision, MergeDecisions
    from swot.merging import MergedItem

RESOLVED, NEW, PERSISTING = "resolved", "new", "persisting"
NEEDS_QUADRANTS = (Quadrant.WEAKNESSES, Quadrant.THREATS)
MINUS = "−"  # U+2212, as a typesetter writes a negative change

MESSAGES: Catalogue = {
    "same_round": {
        "en": "the baseline and the follow-up are the same round ('{round}')",
        "sv": "baslinjen och uppföljningen är samma omgång ('{round}')",
    },
    "same_round.hint": {
        "en": "name two different rounds, e.g. swot compare {example}",
        "sv": "ange två olika omgångar, t.ex. swot compare {example}",
    },
    "summary": {
        "en": "{quadrant} in {theme}: {before} → {after} ({change}); {gone}, {new}",
        "sv": "{quadrant} inom {theme}: {before} → {after} ({change}); {gone}, {new}",
    },
    "resolved.one": {"en": "{count} resolved", "sv": "{count} löst"},
    "resolved.many": {"en": "{count} resolved", "sv": "{count} lösta"},
    "dropped": {"en": "{count} no longer raised", "sv": "{count} nämns inte längre"},
    "new.one": {"en": "{count} new", "sv": "{count} nytt"},
    "new.many": {"en": "{count} new", "sv": "{count} nya"},
    "trend.weaknesses.down": {
        "en": "Development needs have decreased.",
        "sv": "Utvecklingsbehoven har minskat.",
    },
    "trend.weaknesses.up": {
        "en": "Development needs have increased.",
        "sv": "Utvecklingsbehoven har ökat.",
    },
    "trend.weaknesses.same": {
        "en": "As many development needs as before.",
        "sv": "Lika många utvecklingsbehov som tidigare.",
    },
    "trend.threats.down": {"en": "Threats have decreased.", "sv": "Hoten har minskat."},
    "trend.threats.up": {"en": "Threats have increased.", "sv": "Hoten har ökat."},
    "trend.threats.same": {
        "en": "As many threats as before.",
        "sv": "Lika många hot som tidigare.",
    },
    "basis": {
        "en": "compared for the {count} of {total} units that answered in both rounds",
        "sv": "jämfört för de {count} av {total} enheter som svarade i båda omgångarna",
    },
    "basis.rates": {
        "en": "; response rate {before} → {after}",
        "sv": "; svarsfrekvens {before} → {after}",
    },
    "not_compared": {
        "en": "Not compared (did not answer in both rounds): {units}. Their items are counted "
        "neither as resolved nor as new.",
        "sv": "Inte jämförda (svarade inte i båda omgångarna): {units}. Deras punkter räknas "
        "varken som lösta eller som nya.",
    },
    "not_compared.unit": {
        "en": "{unit} (no answers in {round})",
        "sv": "{unit} (inga svar i {round})",
    },
    "not_compared.unit.both": {
        "en": "{unit} (no answers in either round)",
        "sv": "{unit} (inga svar i någon av omgångarna)",
    },
    "nothing_compared": {
        "en": "No unit answered in both rounds, so nothing can be said about change.",
        "sv": "Ingen enhet svarade i båda omgångarna, så inget kan sägas om förändringen.",
    },
    "heading.resolved": {"en": "Resolved", "sv": "Lösta"},
    "heading.dropped": {"en": "No longer raised", "sv": "Nämns inte längre"},
    "heading.new": {"en": "New", "sv": "Nya"},
    "heading.persisting": {"en": "Persisting", "sv": "Kvarstående"},
    "points": {"en": "{change} points", "sv": "{change} procentenheter"},
    "units_of": {"en": "{count} of {total} units", "sv": "{count} av {total} enheter"},
}


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


def compare_rounds(
    workshop: LoadedWorkshop,
    baseline_id: str,
    followup_id: str,
    *,
    similarity: float | None = None,
    lang: str | None = None,
) -> Comparison:
    """Compare two rounds of a workshop: merged items matched across them, and response rates."""
    from swot.merging import DEFAULT_SIMILARITY, load_decisions, merge_entries

    language = lang or workshop.language
    threshold = DEFAULT_SIMILARITY if similarity is None else similarity
    before_round = find_round(workshop, baseline_id, language)
    after_round = find_round(workshop, followup_id, language)
    if before_round.id == after_round.id:
        others = [r.id for r in workshop.workshop.rounds if r.id != before_round.id]
        example = f"{before_round.id} {others[0]}" if others else "BASELINE FOLLOWUP"
        raise UsageError(
            say(MESSAGES, "same_round", language, round=before_round.id),
            say(MESSAGES, "same_round.hint", language, example=example),
        )
    decisions = load_decisions(workshop, language)
    units = [u.id for u in workshop.workshop.units]
    statuses: list[RoundStatus] = []
    merged: list[list[MergedItem]] = []
    problems: list[Problem] = []
    rounds = [load_round(workshop, r.id, language) for r in (before_round, after_round)]
    # Only units that answered in both rounds are compared: an item of a unit that did not
    # answer again is not "resolved", it was not asked (the same for "new" items).
    answered = [{f.unit for f in loaded.files if f.entries} for loaded in rounds]
    compared = [u for u in units if u in answered[0] and u in answered[1]]
    for round_, loaded in zip((before_round, after_round), rounds, strict=True):
        statuses.append(round_status(workshop, round_.id, language, loaded=loaded))
        problems.extend(loaded.problems)
        entries = [e for f in loaded.files if f.unit in compared for e in f.entries]
        merged.append(merge_entries(entries, similarity=threshold, decisions=decisions))
    buckets = match_rounds(
        merged[0], merged[1], [t.id for t in workshop.workshop.themes], threshold, decisions
    )
    return Comparison(
        workshop=workshop,
        baseline=statuses[0],
        followup=statuses[1],
        buckets=buckets,
        similarity=threshold,
        lang=language,
        problems=problems,
        compared_units=compared,
    )


def match_rounds(
    before: Sequence[MergedItem],
    after: Sequence[MergedItem],
    themes: Sequence[str],
    similarity: float,
    decisions: MergeDecisions | None = None,
) -> list[BucketChange]:
    """Classify the items of two rounds, per theme × quadrant, as resolved, new or persisting."""
    from swot.ranking import breadth_key

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
    from swot.merging import match_texts
    from swot.similarity import normalise

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


# ---------------------------------------------------------------- reports


def report_folder(comparison: Comparison) -> Path:
    """``<workshop>/handouts/compare-<baseline>-<followup>/``."""
    return (
        comparison.workshop.folder
        / "handouts"
        / f"compare-{comparison.baseline.round.id}-{comparison.followup.round.id}"
    )


def write_reports(comparison: Comparison, folder: Path | None = None) -> list[Path]:
    """Write the HTML and Markdown reports; return their paths."""
    from swot.storage import atomic_write_text

    target = folder or report_folder(comparison)
    target.mkdir(parents=True, exist_ok=True)
    view = report_view(comparison)
    written = []
    for name, text in (
        ("compare.html", render_report(comparison, "compare.html.j2", view)),
        ("compare.md", render_report(comparison, "compare.md.j2", view)),
    ):
        path = target / name
        atomic_write_text(path, text)
        written.append(path)
    return written


def render_report(comparison: Comparison, template: str, view: dict[str, Any] | None = None) -> str:
    """Render one report template with the comparison's view.

    Uses the handouts' Jinja2 environments (HTML autoescaped, every Markdown value escaped) and
    their template lookup, so a workshop's own ``templates/`` folder overrides these too.
    """
    from swot.handouts import html_environment, markdown_environment, template_dirs

    dirs = template_dirs(comparison.workshop.folder)
    html = template.endswith(".html.j2")
    environment = html_environment(dirs) if html else markdown_environment(dirs)
    # The report templates put one tag per line; without these, tables in Markdown break.
    environment.trim_blocks = True
    environment.lstrip_blocks = True
    return environment.get_template(template).render(view or report_view(comparison))


VIEW_WORDS: Catalogue = {
    "title": {
        "en": "Comparison: {before} → {after}",
        "sv": "Jämförelse: {before} → {after}",
    },
    "intro": {
        "en": "Change between the rounds {before} ({before_date}) and {after} ({after_date}) of "
        "{workshop}.",
        "sv": "Förändring mellan omgångarna {before} ({before_date}) och {after} ({after_date}) i "
        "{workshop}.",
    },
    "no_date": {"en": "no date", "sv": "inget datum"},
    "summary": {"en": "Summary", "sv": "Sammanfattning"},
    "rates": {"en": "Response rates per unit", "sv": "Svarsfrekvens per enhet"},
    "details": {"en": "Items per theme and quadrant", "sv": "Punkter per tema och kvadrant"},
    "method": {"en": "How the comparison was made", "sv": "Så gjordes jämförelsen"},
    "method.text": {
        "en": "Each round's entries were merged as in the workshop handout (near-duplicates "
        "within a theme and quadrant grouped, decisions in merges.yaml applied). An item of the "
        "baseline and one of the follow-up count as the same item when their wordings are at "
        "least {similarity} % similar, or when merges.yaml joins them. Resolved: raised in the "
        "baseline, not in the follow-up. New: raised only in the follow-up. Persisting: raised "
        "in both. Counts are merged items, not entries; a round with fewer respondents tends to "
        "raise fewer items, so read them together with the response rates.",
        "sv": "Varje omgångs poster slogs ihop som i workshopunderlaget (nästan likadana poster "
        "inom samma tema och kvadrant grupperades, beslut i merges.yaml tillämpades). En punkt i "
        "baslinjen och en i uppföljningen räknas som samma punkt när formuleringarna är minst "
        "{similarity} % lika, eller när merges.yaml slår ihop dem. Lösta: togs upp i baslinjen "
        "men inte i uppföljningen. Nya: togs bara upp i uppföljningen. Kvarstående: togs upp i "
        "båda. Antalen är sammanslagna punkter, inte poster; en omgång med färre svarande tar "
        "ofta upp färre punkter, så läs dem tillsammans med svarsfrekvensen.",
    },
    "problems": {
        "en": "Files with errors (their readable entries are included):",
        "sv": "Filer med fel (de poster som går att läsa är med):",
    },
    "col.quadrant": {"en": "Quadrant", "sv": "Kvadrant"},
    "col.before": {"en": "Before", "sv": "Före"},
    "col.after": {"en": "After", "sv": "Efter"},
    "col.change": {"en": "Change", "sv": "Förändring"},
    "col.gone": {"en": "Resolved / no longer raised", "sv": "Lösta / nämns inte längre"},
    "col.new": {"en": "New", "sv": "Nya"},
    "col.persisting": {"en": "Persisting", "sv": "Kvarstående"},
    "col.importance": {
        "en": "Importance of persisting items",
        "sv": "Vikt för kvarstående punkter",
    },
    "col.unit": {"en": "Unit", "sv": "Enhet"},
    "col.item": {"en": "Item", "sv": "Punkt"},
    "col.units": {"en": "Units", "sv": "Enheter"},
    "col.breadth": {"en": "Units before → after", "sv": "Enheter före → efter"},
    "col.imp": {"en": "Importance", "sv": "Vikt"},
    "col.imp_change": {"en": "Importance before → after", "sv": "Vikt före → efter"},
    "rate_cell": {"en": "{count} of {expected} ({rate})", "sv": "{count} av {expected} ({rate})"},
    "col.points": {"en": "Change", "sv": "Förändring"},
    "col.target": {"en": "Target {target} in {round}", "sv": "Mål {target} i {round}"},
    "col.target_short": {"en": "Target {target}", "sv": "Mål {target}"},
    "rounds_legend": {
        "en": "Before: {before} · After: {after} · Change in percentage points",
        "sv": "Före: {before} · Efter: {after} · Förändring i procentenheter",
    },
    "target.met": {"en": "met", "sv": "uppnått"},
    "target.not_met": {"en": "not met", "sv": "ej uppnått"},
    "target.unknown": {"en": "no expected count", "sv": "förväntat antal saknas"},
    "no_file": {"en": "no file", "sv": "ingen fil"},
    "earlier": {"en": "earlier: {text}", "sv": "tidigare: {text}"},
    "none": {"en": "None.", "sv": "Inga."},
    "chart.items": {
        "en": "Items in {theme}, {before} and {after}",
        "sv": "Punkter inom {theme}, {before} och {after}",
    },
    "chart.items.desc": {
        "en": "For each quadrant two bars: the baseline split into persisting and resolved items, "
        "the follow-up split into persisting and new items. The same figures are in the table "
        "below the chart.",
        "sv": "För varje kvadrant två staplar: baslinjen uppdelad i kvarstående och lösta punkter, "
        "uppföljningen uppdelad i kvarstående och nya punkter. Samma siffror finns i tabellen "
        "under diagrammet.",
    },
    "chart.rates": {
        "en": "Response rate per unit, {before} and {after}, against the target {target}",
        "sv": "Svarsfrekvens per enhet, {before} och {after}, mot målet {target}",
    },
    "chart.rates.desc": {
        "en": "For each unit one bar per round; a dashed line marks the target. The same figures "
        "are in the table below the chart.",
        "sv": "För varje enhet en stapel per omgång; en streckad linje visar målet. Samma siffror "
        "finns i tabellen under diagrammet.",
    },
    "legend.persisting": {"en": "persisting", "sv": "kvarstående"},
    "legend.gone": {"en": "resolved / no longer raised", "sv": "lösta / nämns inte längre"},
    "legend.new": {"en": "new", "sv": "nya"},
    "target": {"en": "target {target}", "sv": "mål {target}"},
    "caption.items": {
        "en": "Table: items per quadrant in {theme}",
        "sv": "Tabell: punkter per kvadrant inom {theme}",
    },
    "caption.rates": {
        "en": "Table: respondents of expected (response rate) per unit",
        "sv": "Tabell: svarande av förväntade (svarsfrekvens) per enhet",
    },
    "generated": {
        "en": "Made with swot compare {before} {after}.",
        "sv": "Skapad med swot compare {before} {after}.",
    },
}


def _figure(text: str) -> str:
    """Figures we wrote ourselves ('4.0 → 3.5 (−0.5)'): Markdown shows them without escapes."""
    from swot.handouts import MarkdownText

    return MarkdownText(text)


def _w(key: str, lang: str, **params: object) -> str:
    return say(VIEW_WORDS, key, lang, **params)


def _importance(value: float | None, lang: str) -> str:
    return "–" if value is None else format_number(value, lang)


def _importance_change(before: float | None, after: float | None, lang: str) -> str:
    if before is None or after is None:
        return f"{_importance(before, lang)} → {_importance(after, lang)}"
    return (
        f"{_importance(before, lang)} → {_importance(after, lang)} "
        f"({signed(after - before, lang, 1)})"
    )


def _unit_names(comparison: Comparison, ids: list[str]) -> str:
    names = {u.id: u.name for u in comparison.workshop.workshop.units}
    return ", ".join(names.get(i, i) for i in ids)


def _item_view(comparison: Comparison, change: ItemChange) -> dict[str, Any]:
    lang = comparison.lang
    before, after = change.before, change.after
    total = len(comparison.compared_units)
    main = after or before
    assert main is not None
    view: dict[str, Any] = {
        "text": change.text,
        "earlier": _w("earlier", lang, text=change.earlier_text) if change.earlier_text else "",
        "units": _unit_names(comparison, main.units),
        "breadth": say(MESSAGES, "units_of", lang, count=main.breadth, total=total),
        "importance": _figure(_importance(main.mean_importance, lang)),
    }
    if before and after:
        view["breadth_change"] = _figure(
            f"{before.breadth} → {after.breadth} ({signed(change.breadth_change, lang)})"
        )
        view["importance_change"] = _figure(
            _importance_change(before.mean_importance, after.mean_importance, lang)
        )
        view["units"] = _unit_names(comparison, sorted(set(before.units) | set(after.units)))
    return view


def _rate_cell(status: UnitStatus | None, lang: str) -> str:
    """'15 av 16 (93 %)', 'ingen fil', '3 av – (–)'; '–' in a round the unit is not part of."""
    if status is None:
        return "–"
    if not status.has_file:
        return _w("no_file", lang)
    expected = "–" if status.expected is None else str(status.expected)
    rate = "–" if status.rate is None else format_percent(status.rate, lang)
    return _w("rate_cell", lang, count=status.respondents, expected=expected, rate=rate)


def _chart_rate(status: UnitStatus | None, lang: str) -> str:
    if status is None:
        return "–"
    if not status.has_file:
        return _w("no_file", lang)
    return "–" if status.rate is None else format_percent(status.rate, lang)


def _percent(status: UnitStatus | None) -> float:
    return (status.rate or 0) * 100 if status is not None else 0.0


def report_view(comparison: Comparison) -> dict[str, Any]:
    """Everything the report templates show, already worded and formatted in the language."""
    from swot.charts import Bar, BarGroup, Marker, Segment, bar_chart

    lang = comparison.lang
    before_round, after_round = comparison.baseline.round, comparison.followup.round
    before_name, after_name = before_round.title(), after_round.title()
    target = format_percent(comparison.baseline.target / 100, lang)
    basis = comparison.basis()
    themes = []
    for theme, theme_name in comparison.themes:
        buckets = comparison.buckets_of(theme)
        rows = []
        groups = []
        for bucket in buckets:
            imp_before, imp_after = bucket.persisting_importance()
            qname = quadrant_name(bucket.quadrant, lang)
            gone_key = (
                "heading.resolved" if bucket.quadrant in NEEDS_QUADRANTS else "heading.dropped"
            )
            rows.append(
                {
                    "quadrant": qname,
                    "before": bucket.before,
                    "after": bucket.after,
                    "change": _figure(signed(bucket.change, lang)),
                    "gone": len(bucket.resolved),
                    "new": len(bucket.new),
                    "persisting": len(bucket.persisting),
                    "importance": _figure(_importance_change(imp_before, imp_after, lang)),
                    "summary": bucket.summary(theme_name, lang, basis),
                    "id": f"{theme}-{bucket.quadrant.value}",
                    "lists": [
                        {
                            "heading": say(MESSAGES, gone_key, lang),
                            "kind": RESOLVED,
                            "items": [_item_view(comparison, c) for c in bucket.resolved],
                        },
                        {
                            "heading": say(MESSAGES, "heading.new", lang),
                            "kind": NEW,
                            "items": [_item_view(comparison, c) for c in bucket.new],
                        },
                        {
                            "heading": say(MESSAGES, "heading.persisting", lang),
                            "kind": PERSISTING,
                            "items": [_item_view(comparison, c) for c in bucket.persisting],
                        },
                    ],
                }
            )
            persisting = len(bucket.persisting)
            groups.append(
                BarGroup(
                    qname,
                    [
                        Bar(
                            before_name,
                            [
                                Segment(persisting, "light", str(persisting)),
                                Segment(len(bucket.resolved), "hatch", str(len(bucket.resolved))),
                            ],
                            str(bucket.before),
                        ),
                        Bar(
                            after_name,
                            [
                                Segment(persisting, "light", str(persisting)),
                                Segment(len(bucket.new), "dots", str(len(bucket.new))),
                            ],
                            str(bucket.after),
                        ),
                    ],
                )
            )
        scale = max([1, *(max(b.before, b.after) for b in buckets)])
        chart = bar_chart(
            f"chart-{theme}",
            _w("chart.items", lang, theme=theme_name.lower(), before=before_name, after=after_name),
            _w("chart.items.desc", lang),
            groups,
            [
                ("light", _w("legend.persisting", lang)),
                ("hatch", _w("legend.gone", lang)),
                ("dots", _w("legend.new", lang)),
            ],
            scale,
        )
        themes.append(
            {
                "id": theme,
                "name": theme_name,
                "summaries": [row["summary"] for row in rows],
                "rows": rows,
                "chart": chart,
                "caption": _w("caption.items", lang, theme=theme_name.lower()),
            }
        )
    rate_rows = []
    rate_groups = []
    for rate in comparison.rates():
        met = rate.after.met if rate.after else None
        rate_rows.append(
            {
                "unit": rate.name,
                "before": _figure(_rate_cell(rate.before, lang)),
                "after": _figure(_rate_cell(rate.after, lang)),
                "points": _figure("–" if rate.points is None else signed(rate.points, lang)),
                "target": _w(
                    "target.unknown" if met is None else "target.met" if met else "target.not_met",
                    lang,
                ),
                "below": met is False,
            }
        )
        rate_groups.append(
            BarGroup(
                rate.name,
                [
                    Bar(
                        before_name,
                        [Segment(_percent(rate.before), "light")],
                        _chart_rate(rate.before, lang),
                    ),
                    Bar(
                        after_name,
                        [Segment(_percent(rate.after), "solid")],
                        _chart_rate(rate.after, lang),
                    ),
                ],
            )
        )
    highest = max(
        [100.0, *(_percent(r.before) for r in comparison.rates())]
        + [_percent(r.after) for r in comparison.rates()]
    )
    rates_chart = bar_chart(
        "chart-rates",
        _w("chart.rates", lang, before=before_name, after=after_name, target=target),
        _w("chart.rates.desc", lang),
        rate_groups,
        [("light", before_name), ("solid", after_name)],
        highest,
        Marker(comparison.baseline.target, _w("target", lang, target=target)),
    )
    no_date = _w("no_date", lang)
    return {
        "lang": lang,
        "title": _w("title", lang, before=before_name, after=after_name),
        "workshop": comparison.workshop.workshop.name,
        "intro": _w(
            "intro",
            lang,
            before=before_name,
            after=after_name,
            before_date=before_round.date.isoformat() if before_round.date else no_date,
            after_date=after_round.date.isoformat() if after_round.date else no_date,
            workshop=comparison.workshop.workshop.name,
        ),
        "before_name": before_name,
        "after_name": after_name,
        "themes": themes,
        "rates": rate_rows,
        "rates_chart": rates_chart,
        "problems": [p.format() for p in comparison.problems if p.severity == "error"],
        "not_compared": " ".join(
            part
            for part in (
                comparison.not_compared_text(),
                "" if basis is not None else say(MESSAGES, "nothing_compared", lang),
            )
            if part
        ),
        "words": {key: _w(key, lang) for key in VIEW_WORDS if "{" not in VIEW_WORDS[key]["en"]},
        "method": _w("method.text", lang, similarity=format_number(comparison.similarity, lang, 0)),
        "target_label": _w("col.target_short", lang, target=target),
        "rounds_legend": _w("rounds_legend", lang, before=before_name, after=after_name),
        "col_target": _w("col.target", lang, target=target, round=after_name),
        "generated": _w("generated", lang, before=before_round.id, after=after_round.id),
    }
