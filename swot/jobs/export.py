"""The export job: a round merged as ``swot merge`` would, written as CSV or XLSX (or returned
for JSON)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from swot.i18n import catalogue, say
from swot.jobs.merge import RoundRequest, check_method, merged_round, open_round

if TYPE_CHECKING:
    from swot.analysis.round_merge import RoundMerge
    from swot.errors import Problem

MESSAGES = catalogue("jobs/export")


@dataclass
class ExportRequest(RoundRequest):
    """``swot export``: the format, the folder to write into (None: the round's handouts
    folder), the ranking, and whether JSON is printed instead of files written."""

    fmt: str = "csv"
    output: Path | None = None
    rank: str = "breadth"
    as_json: bool = False

    def check(self, lang: str) -> float:
        from swot.errors import UsageError
        from swot.output.export import FORMATS

        threshold = super().check(lang)
        if self.fmt not in FORMATS:
            raise UsageError(
                say(MESSAGES, "bad_format", lang, value=self.fmt),
                say(MESSAGES, "bad_format.hint", lang),
            )
        check_method(self.rank, lang)
        return threshold

    @property
    def prints_json(self) -> bool:
        """``--json``, or ``--format json`` without ``--output`` (then the JSON is the output);
        ``--format json -o DIR`` writes ``DIR/swot-<round>.json`` like the other formats."""
        return self.as_json or (self.fmt == "json" and self.output is None)


@dataclass
class ExportResult:
    """The merged round, the language, and the files written (none when JSON is printed)."""

    merge: RoundMerge
    language: str
    prints_json: bool
    written: list[Path] = field(default_factory=list)


def run(
    request: ExportRequest, warn: Callable[[list[Problem], str], None] | None = None
) -> ExportResult:
    """``swot export``; ``warn(warnings, language)`` is called before the files are written (an
    XLSX of a large round takes a while, the warnings are shown first)."""
    from swot.output.export import write_export
    from swot.output.handout import handouts_folder

    loaded, language, threshold = open_round(request)
    merge = merged_round(loaded, request.round_id, language, threshold, request.rank)
    if request.prints_json:
        return ExportResult(merge, language, prints_json=True)
    if warn is not None:
        warn(merge.warnings, language)
    folder = request.output or handouts_folder(merge)
    return ExportResult(merge, language, False, write_export(merge, folder, request.fmt, language))
