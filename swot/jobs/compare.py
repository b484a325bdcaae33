"""The compare job: both rounds loaded and merged as ``swot merge`` would, then matched into
changes (``swot.analysis.changes``).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from swot.analysis.changes import MESSAGES, Comparison, match_rounds
from swot.analysis.status import RoundStatus, round_status
from swot.analysis.trend import Trend
from swot.errors import Problem, UsageError
from swot.files.workshop import LoadedWorkshop, find_round
from swot.i18n import say
from swot.models import Round
from swot.rounds.load import load_round

if TYPE_CHECKING:
    from swot.analysis.grouping import MergedItem


def compare_rounds(
    workshop: LoadedWorkshop,
    baseline_id: str,
    followup_id: str,
    *,
    similarity: float | None = None,
    lang: str | None = None,
) -> Comparison:
    """Compare two rounds of a workshop: merged items matched across them, and response rates."""
    from swot.analysis.grouping import merge_entries
    from swot.analysis.similarity import DEFAULT_SIMILARITY
    from swot.jobs.merge import load_decisions

    language = lang or workshop.language
    threshold = DEFAULT_SIMILARITY if similarity is None else similarity
    before_round, after_round = _two_rounds(workshop, baseline_id, followup_id, language)
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


def _two_rounds(
    workshop: LoadedWorkshop, baseline_id: str, followup_id: str, lang: str
) -> tuple[Round, Round]:
    """The baseline and the follow-up; a usage error if they are one round."""
    before_round = find_round(workshop, baseline_id, lang)
    after_round = find_round(workshop, followup_id, lang)
    if before_round.id == after_round.id:
        others = [r.id for r in workshop.workshop.rounds if r.id != before_round.id]
        example = f"{before_round.id} {others[0]}" if others else "BASELINE FOLLOWUP"
        raise UsageError(
            say(MESSAGES, "same_round", lang, round=before_round.id),
            say(MESSAGES, "same_round.hint", lang, example=example),
        )
    return before_round, after_round


@dataclass
class CompareRequest:
    """``swot compare``: two rounds (a comparison) or more (a trend), or ``--all-rounds``;
    ``--similarity`` (None: the merge's default) and the folder for the reports (None:
    ``<workshop>/handouts/compare-A-B`` or ``trend-FIRST-LAST``). The last of ``rounds`` may be
    the workshop's folder (``swot compare A B DIR``), as in the other commands."""

    rounds: list[str]
    folder: Path = Path(".")
    lang: str | None = None
    similarity: float | None = None
    output: Path | None = None
    all_rounds: bool = False
    formats: str = "html,md"

    def __post_init__(self) -> None:
        if self.rounds and Path(self.rounds[-1]).is_dir():
            self.folder = Path(self.rounds[-1])
            self.rounds = self.rounds[:-1]

    def check(self, lang: str) -> float:
        """The threshold, refused outside the range merge accepts; ``--format`` checked."""
        from swot.analysis.similarity import check_similarity
        from swot.jobs.merge import check_formats

        check_formats(self.formats, lang)
        return check_similarity(self.similarity, lang)


@dataclass
class CompareResult:
    """The comparison and the reports written."""

    comparison: Comparison
    written: list[Path] = field(default_factory=list)


@dataclass
class TrendResult:
    """The trend over three or more rounds and the reports written; ``reordered`` is set when
    the rounds were given out of the workshop's order (they are compared in its order)."""

    trend: Trend
    written: list[Path] = field(default_factory=list)
    reordered: bool = False


def run(request: CompareRequest) -> CompareResult | TrendResult:
    """``swot compare``: compare the rounds and write the reports (``--format``)."""
    from swot.jobs.merge import check_formats
    from swot.jobs.workshop import open_workshop
    from swot.output.report import write_reports

    loaded, language = open_workshop(request.folder, request.lang, cache=True)
    threshold = request.check(language)
    formats = check_formats(request.formats, language)
    rounds = _chosen_rounds(loaded, request, language)
    if len(rounds) > 2:
        return _trend(loaded, request, rounds, threshold, language, formats)
    comparison = compare_rounds(loaded, rounds[0], rounds[1], similarity=threshold, lang=language)
    return CompareResult(comparison, write_reports(comparison, request.output, formats))


def _chosen_rounds(loaded: LoadedWorkshop, request: CompareRequest, lang: str) -> list[str]:
    """The round ids to compare: those given (two as given; more in the workshop's order, each
    once), or every round with --all-rounds; fewer than two is a usage error."""
    ids = [r.id for r in loaded.workshop.rounds]
    if request.all_rounds and request.rounds:
        raise UsageError(say(MESSAGES, "rounds_and_all", lang), _hint(ids, lang))
    given = ids if request.all_rounds else [find_round(loaded, r, lang).id for r in request.rounds]
    if len(given) < 2:
        key = "one_round.workshop" if request.all_rounds else "one_round"
        raise UsageError(say(MESSAGES, key, lang, count=len(given)), _hint(ids, lang))
    if len(given) == 2:
        return given
    twice = [r for r in dict.fromkeys(given) if given.count(r) > 1]
    if twice:
        raise UsageError(say(MESSAGES, "round_twice", lang, round=twice[0]), _hint(ids, lang))
    return sorted(given, key=ids.index)


def _hint(ids: list[str], lang: str) -> str:
    example = " ".join(ids[:3]) if len(ids) > 1 else "BASELINE FOLLOWUP"
    return say(MESSAGES, "rounds.hint", lang, example=example)


def _trend(
    loaded: LoadedWorkshop,
    request: CompareRequest,
    rounds: list[str],
    threshold: float,
    lang: str,
    formats: tuple[str, ...],
) -> TrendResult:
    """Each consecutive pair compared as two rounds are, then the trend written."""
    from swot.analysis.trend import make_trend
    from swot.output.trend import write_trend_reports

    steps = [
        compare_rounds(loaded, before, after, similarity=threshold, lang=lang)
        for before, after in itertools.pairwise(rounds)
    ]
    trend = make_trend(steps)
    given = [find_round(loaded, r, lang).id for r in request.rounds]
    reordered = bool(given) and given != rounds
    return TrendResult(trend, write_trend_reports(trend, request.output, formats), reordered)
