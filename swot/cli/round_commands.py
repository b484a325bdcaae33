"""``swot status`` and ``swot compare``: response rates per round, and change between rounds."""

from __future__ import annotations

from pathlib import Path

from swot.cli.app import command
from swot.cli.options import (
    AllRoundsOption,
    BaselineArgument,
    CompareOutputOption,
    CompareSimilarityOption,
    CompareTopOption,
    FolderArgument,
    FollowupArgument,
    JsonOption,
    LangOption,
    RoundOption,
    WorkshopOption,
)


@command("status")
def status_command(
    folder: FolderArgument = None,
    workshop: WorkshopOption = Path("."),
    round_id: RoundOption = None,
    all_rounds: AllRoundsOption = False,
    lang: LangOption = None,
    as_json: JsonOption = False,
) -> None:
    """Response rates per unit against the target, entries per theme and quadrant, missing units.

    Useful during collection too: each unit shows how many more answers reach the target.
    Exits 0 even when files have errors; they are listed with file:line.

    Example: swot status workshops/hoganasmodellen --round forprojektering
    """
    from swot.cli.status_output import print_status_result
    from swot.jobs import status

    request = status.StatusRequest(
        folder=folder or workshop, lang=lang, round_id=round_id, all_rounds=all_rounds
    )
    print_status_result(status.run(request), as_json)


@command("compare")
def compare_command(
    baseline: BaselineArgument,
    followup: FollowupArgument,
    folder: FolderArgument = None,
    workshop: WorkshopOption = Path("."),
    similarity: CompareSimilarityOption = None,
    top: CompareTopOption = 3,
    output: CompareOutputOption = None,
    lang: LangOption = None,
    as_json: JsonOption = False,
) -> None:
    """Change between two rounds: resolved, new and persisting items, and response rates.

    Writes an HTML report (with charts) and a Markdown report to
    <workshop>/handouts/compare-BASELINE-FOLLOWUP/; --json prints the figures instead of the
    terminal summary.

    Example: swot compare forprojektering uppfoljning workshops/hoganasmodellen
    """
    from swot.cli.compare_output import print_compare
    from swot.jobs import compare

    request = compare.CompareRequest(
        baseline=baseline,
        followup=followup,
        folder=folder or workshop,
        lang=lang,
        similarity=similarity,
        output=output,
    )
    print_compare(compare.run(request), top, as_json)
