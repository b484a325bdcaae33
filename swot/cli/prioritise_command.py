"""``swot prioritise`` and ``swot vote``: what weighs most, decided in the room — pairwise
comparisons of the top items (A'WOT, AHP), or dot votes."""

from __future__ import annotations

from pathlib import Path

from swot.cli.app import command, stdin_is_terminal
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


@command("prioritise")
def prioritise_command(
    folder: FolderArgument = None,
    workshop: WorkshopOption = Path("."),
    round_id: RoundOption = None,
    theme: ThemeOption = None,
    top: PrioritiseTopOption = 4,
    rater: RaterOption = None,
    lang: LangOption = None,
) -> None:
    """Weigh the SWOT in the room (A'WOT): compare the top items of each quadrant two at a time
    on Saaty's 1–9 scale, then the quadrants; the consistency ratio (CR) is checked.

    Every judgment is saved in priorities.yaml before the next question; Ctrl-C keeps them, and
    a rerun asks only what is missing. Then `swot merge --rank awot` ranks by priority.

    Example: swot prioritise workshops/hoganasmodellen --theme jämställdhet --top 3
    """
    from swot.cli.prioritise_output import finish_prioritise
    from swot.jobs import prioritise

    request = prioritise.PrioritiseRequest(
        folder or workshop, lang, round_id, theme, top, rater, stdin_is_terminal
    )
    finish_prioritise(prioritise.run(request))


@command("vote")
def vote_command(
    folder: FolderArgument = None,
    workshop: WorkshopOption = Path("."),
    round_id: RoundOption = None,
    theme: ThemeOption = None,
    top: VoteTopOption = 5,
    each: EachOption = False,
    lang: LangOption = None,
) -> None:
    """Record the room's dot votes: the top items of a theme are numbered, then each item's dots
    are typed in (or, with --each, each participant's dots one by one).

    Every count is saved in votes.yaml, with its round, before the next question; Ctrl-C keeps
    them. Then `swot merge --rank votes` ranks by them.

    Example: swot vote workshops/hoganasmodellen --theme jämställdhet --each
    """
    from swot.cli.vote_output import finish_vote
    from swot.jobs import vote

    request = vote.VoteRequest(
        folder or workshop, lang, round_id, theme, top, each, stdin_is_terminal
    )
    finish_vote(vote.run(request))
