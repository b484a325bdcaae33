"""The report job: one unit's SWOT beside the network's (``swot report UNIT``), or every unit's
(``--all-units``). The round is loaded and merged once, as ``swot merge`` merges it, and so is
the round before it (for what changed); each unit's view is then cut from those merges.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from swot.errors import UsageError
from swot.i18n import catalogue, say
from swot.jobs.merge import RoundRequest

if TYPE_CHECKING:
    from swot.analysis.round_merge import RoundMerge
    from swot.analysis.unit_view import NetworkRound, UnitView
    from swot.files.workshop import LoadedWorkshop

MESSAGES = catalogue("jobs/report")


@dataclass
class ReportRequest(RoundRequest):
    """``swot report``: a unit (id or name) or ``--all-units``, and the folder to write into
    (None: ``<workshop>/handouts/<round>/units/``)."""

    unit: str | None = None
    all_units: bool = False
    output: Path | None = None
    formats: str = "html,md"

    def __post_init__(self) -> None:
        # `swot report --all-units DIR`: the one argument is the folder, not a unit.
        if self.all_units and self.unit is not None and Path(self.unit).is_dir():
            self.folder, self.unit = Path(self.unit), None

    def check(self, lang: str) -> float:
        """A unit or --all-units, not both and not neither; ``--format`` checked."""
        from swot.jobs.merge import check_formats

        threshold = super().check(lang)
        check_formats(self.formats, lang)
        if (self.unit is None) == (not self.all_units):
            key = "unit_and_all" if self.unit is not None else "no_unit"
            raise UsageError(say(MESSAGES, key, lang), say(MESSAGES, "no_unit.hint", lang))
        return threshold


@dataclass
class ReportResult:
    """The units' views and the reports written; units left out for having no entries."""

    views: list[UnitView]
    language: str
    written: list[Path] = field(default_factory=list)
    without_entries: list[str] = field(default_factory=list)  # unit names (--all-units)


def run(request: ReportRequest) -> ReportResult:
    """``swot report``: merge the round (and the one before) once, then write each unit's
    report."""
    from swot.jobs.merge import check_formats, merged_round, open_round
    from swot.output.unit_report import write_unit_reports

    loaded, language, threshold = open_round(request)
    merge = merged_round(loaded, request.round_id, language, threshold, "breadth")
    units = _requested_units(loaded, merge, request, language)
    answered = {f.unit for f in merge.loaded.files if f.entries}
    chosen = [u for u in units if u in answered]
    views = _views(loaded, merge, chosen, language, threshold)
    names = {u.id: u.name for u in loaded.workshop.units}
    silent = [names[u] for u in units if u not in answered]
    result = ReportResult(views, language, without_entries=silent)
    formats = check_formats(request.formats, language)
    result.written = write_unit_reports(loaded, views, language, request.output, formats)
    return result


def _requested_units(
    loaded: LoadedWorkshop, merge: RoundMerge, request: ReportRequest, lang: str
) -> list[str]:
    """Every unit (--all-units) or the one asked for; a unit without entries in the round is
    refused when asked for by name."""
    from swot.files.workshop import find_unit

    if request.all_units or request.unit is None:
        return [u.id for u in loaded.workshop.units]
    unit = find_unit(loaded, request.unit, lang)
    if not any(f.unit == unit and f.entries for f in merge.loaded.files):
        name = next(u.name for u in loaded.workshop.units if u.id == unit)
        others = [
            r.id
            for r in loaded.workshop.rounds
            if r.id != merge.round.id and loaded.entries_file(r.id, unit).is_file()
        ]
        key = "no_entries.others" if others else "no_entries"
        raise UsageError(
            say(MESSAGES, "no_entries", lang, unit=name, round=merge.round.id),
            say(MESSAGES, f"{key}.hint", lang, unit=unit, rounds=", ".join(others)),
        )
    return [unit]


def _network(merge: RoundMerge) -> NetworkRound:
    from swot.analysis.unit_view import NetworkRound

    themes = [t.id for t in merge.workshop.workshop.themes]
    return NetworkRound(merge.round, list(merge.items), themes)


def _views(
    loaded: LoadedWorkshop, merge: RoundMerge, units: list[str], lang: str, threshold: float
) -> list[UnitView]:
    """Each unit's view; the round before is merged once if any of the units answered in it."""
    from swot.analysis.unit_view import unit_view
    from swot.jobs.merge import merged_round

    network = _network(merge)
    rounds = [r.id for r in loaded.workshop.rounds]
    place = rounds.index(merge.round.id)
    earlier = None
    if place > 0 and units:
        before = merged_round(loaded, rounds[place - 1], lang, threshold, "breadth")
        if any(f.entries for f in before.loaded.files if f.unit in units):
            earlier = (_network(before), threshold, merge.decisions)
    names = {u.id: u.name for u in loaded.workshop.units}
    return [unit_view(network, u, names[u], merge.status.unit(u), earlier) for u in units]
