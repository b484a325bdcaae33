"""``swot prioritise`` and ``swot vote``: what weighs most, decided in the room — pairwise
comparisons of the top items (A'WOT, AHP), or dot votes."""

from __future__ import annotations

from pathlib import Path

from swot.cli.app import command, stdin_is_terminal
from swot.cli.help import h
from swot.cli.options import (
    EachOption,
    FolderArgument,
    LangOption,
    PrioritiseTopOption,
    RaterOption,
    RoundOption,
    ThemeOption,
    VoteTopOption,
    WorkshopOption,
)


@command("prioritise", help=h("cmd.prioritise"))
def prioritise_command(
    folder: FolderArgument = None,
    workshop: WorkshopOption = Path("."),
    round_id: RoundOption = None,
    theme: ThemeOption = None,
    top: PrioritiseTopOption = 4,
    rater: RaterOption = None,
    lang: LangOption = None,
) -> None:
    """``swot prioritise``; its help is cmd.prioritise in locale/cli/help.yaml."""
    from swot.cli.prioritise_output import finish_prioritise
    from swot.jobs import prioritise

    request = prioritise.PrioritiseRequest(
        folder or workshop, lang, round_id, theme, top, rater, stdin_is_terminal
    )
    finish_prioritise(prioritise.run(request))


@command("vote", help=h("cmd.vote"))
def vote_command(
    folder: FolderArgument = None,
    workshop: WorkshopOption = Path("."),
    round_id: RoundOption = None,
    theme: ThemeOption = None,
    top: VoteTopOption = 5,
    each: EachOption = False,
    lang: LangOption = None,
) -> None:
    """``swot vote``; its help is cmd.vote in locale/cli/help.yaml."""
    from swot.cli.vote_output import finish_vote
    from swot.jobs import vote

    request = vote.VoteRequest(
        folder or workshop, lang, round_id, theme, top, each, stdin_is_terminal
    )
    finish_vote(vote.run(request))
