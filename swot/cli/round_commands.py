"""``swot status`` and ``swot compare``: response rates per round, and change between rounds."""

from __future__ import annotations

from pathlib import Path

from swot.cli.app import command
from swot.cli.help import h
from swot.cli.options import (
    AllRoundsOption,
    BaselineArgument,
    CompareOutputOption,
    CompareSimilarityOption,
    CompareTopOption,
    DocumentFormatsOption,
    FolderArgument,
    FollowupArgument,
    JsonOption,
    LangOption,
    RoundOption,
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
    baseline: BaselineArgument,
    followup: FollowupArgument,
    folder: FolderArgument = None,
    workshop: WorkshopOption = Path("."),
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
        baseline=baseline,
        followup=followup,
        folder=folder or workshop,
        lang=lang,
        similarity=similarity,
        output=output,
        formats=formats,
    )
    print_compare(compare.run(request), top, as_json)
