"""``swot collect``: the facilitator's prompts, or the same checks on options and files."""

from __future__ import annotations

from pathlib import Path

from swot.cli.app import command, stdin_is_terminal
from swot.cli.help import h
from swot.cli.options import (
    CollectRoundOption,
    FolderArgument,
    FromOption,
    ImportanceOption,
    LangOption,
    ModeOption,
    QuadrantOption,
    RespondentOption,
    TextOption,
    ThemeOption,
    UnitOption,
    WorkshopOption,
)


@command("collect", help=h("cmd.collect"))
def collect_command(
    folder: FolderArgument = None,
    workshop: WorkshopOption = Path("."),
    round_: CollectRoundOption = None,
    unit: UnitOption = None,
    mode: ModeOption = None,
    theme: ThemeOption = None,
    quadrant: QuadrantOption = None,
    text: TextOption = None,
    importance: ImportanceOption = None,
    respondent: RespondentOption = None,
    from_file: FromOption = None,
    lang: LangOption = None,
) -> None:
    """``swot collect``; its help is cmd.collect in locale/cli/help.yaml."""
    from swot.cli.collect_output import finish_collect
    from swot.jobs import collect

    options = collect.CollectOptions(
        round=round_,
        unit=unit,
        mode=mode,
        theme=theme,
        quadrant=quadrant,
        texts=list(text or []),
        importance=importance,
        respondent=respondent,
        from_file=from_file,
    )
    request = collect.CollectRequest(folder or workshop, lang, options, stdin_is_terminal)
    finish_collect(collect.run(request))
