"""The compare job: both rounds loaded and merged as ``swot merge`` would, then matched into
changes (``swot.analysis.changes``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from swot.analysis.changes import MESSAGES, Comparison, match_rounds
from swot.analysis.status import RoundStatus, round_status
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
    """``swot compare``: two rounds, ``--similarity`` (None: the merge's default) and the folder
    for the reports (None: ``<workshop>/handouts/compare-A-B``)."""

    baseline: str
    followup: str
    folder: Path = Path(".")
    lang: str | None = None
    similarity: float | None = None
    output: Path | None = None
    formats: str = "html,md"

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


def run(request: CompareRequest) -> CompareResult:
    """``swot compare``: compare the rounds and write the reports (``--format``)."""
    from swot.jobs.merge import check_formats
    from swot.jobs.workshop import open_workshop
    from swot.output.report import write_reports

    loaded, language = open_workshop(request.folder, request.lang, cache=True)
    threshold = request.check(language)
    comparison = compare_rounds(
        loaded, request.baseline, request.followup, similarity=threshold, lang=language
    )
    formats = check_formats(request.formats, language)
    return CompareResult(comparison, write_reports(comparison, request.output, formats))
