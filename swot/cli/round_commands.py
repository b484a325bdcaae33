"""``swot status``, ``swot compare`` and ``swot report``: response rates per round, change
between rounds (or over many), and one unit's SWOT beside the network's."""

from __future__ import annotations

from pathlib import Path

from swot.cli.app import command
from swot.cli.help import h
from swot.cli.options import (
    AllRoundsOption,
    AllUnitsOption,
    CompareAllRoundsOption,
    CompareOutputOption,
    CompareRoundsArgument,
    CompareSimilarityOption,
    CompareTopOption,
    DocumentFormatsOption,
    FolderArgument,
    JsonOption,
    LangOption,
    ReportOutputOption,
    RoundOption,
    SimilarityOption,
    UnitArgument,
    WorkshopOption,
)


@command("status", help=h("cmd.status"))
def status_command(
    folder: FolderArgument = None,
    workshop: WorkshopOption = Path("."),
    round_id: RoundOption = None,
    all_rounds: AllRoundsOption = False,
    lang: LangOption = None,
    as_json: JsonOption = False,
) -> None:
    """``swot status``; its help is cmd.status in locale/cli/help.yaml."""
    from swot.cli.status_output import print_status_result
    from swot.jobs import status

    request = status.StatusRequest(
        folder=folder or workshop, lang=lang, round_id=round_id, all_rounds=all_rounds
    )
    print_status_result(status.run(request), as_json)


@command("compare", help=h("cmd.compare"))
def compare_command(
    rounds: CompareRoundsArgument = None,
    workshop: WorkshopOption = Path("."),
    all_rounds: CompareAllRoundsOption = False,
    similarity: CompareSimilarityOption = None,
    top: CompareTopOption = 3,
    output: CompareOutputOption = None,
    formats: DocumentFormatsOption = "html,md",
    lang: LangOption = None,
    as_json: JsonOption = False,
) -> None:
    """``swot compare``; its help is cmd.compare in locale/cli/help.yaml."""
    from swot.cli.compare_output import print_compare
    from swot.jobs import compare

    request = compare.CompareRequest(
        rounds=list(rounds or []),
        folder=workshop,
        all_rounds=all_rounds,
        lang=lang,
        similarity=similarity,
        output=output,
        formats=formats,
    )
    print_compare(compare.run(request), top, as_json)


@command("report", help=h("cmd.report"))
def report_command(
    unit: UnitArgument = None,
    folder: FolderArgument = None,
    workshop: WorkshopOption = Path("."),
    round_id: RoundOption = None,
    all_units: AllUnitsOption = False,
    similarity: SimilarityOption = None,
    output: ReportOutputOption = None,
    formats: DocumentFormatsOption = "html,md",
    lang: LangOption = None,
) -> None:
    """``swot report``; its help is cmd.report in locale/cli/help.yaml."""
    from swot.cli.report_output import print_reports
    from swot.jobs import report

    request = report.ReportRequest(
        folder=folder or workshop,
        lang=lang,
        round_id=round_id,
        similarity=similarity,
        unit=unit,
        all_units=all_units,
        output=output,
        formats=formats,
    )
    print_reports(report.run(request))
