"""What ``swot vote`` prints: the session (``swot.cli.vote_session``), then the theme's items
with the round's dot votes, most first, as ``swot merge --rank votes`` will rank them."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from swot.cli.app import EXIT_INTERRUPTED, console, error_console
from swot.i18n import catalogue, say

if TYPE_CHECKING:
    from swot.jobs.vote import Voting

MESSAGES = catalogue("cli/vote_output")


def finish_vote(plan: Voting) -> None:
    """Run the session; print the votes, or on Ctrl-C what was saved (exit 130)."""
    from swot.cli.prompts import Interrupted
    from swot.cli.vote_session import VoteSession

    session = VoteSession(plan, lambda line: console().print(line, markup=False))
    try:
        session.run()
    except Interrupted as stop:
        error_console().print(stop.line, markup=False)
        raise typer.Exit(EXIT_INTERRUPTED) from None
    print_votes(plan)


def print_votes(plan: Voting) -> None:
    """The theme's items and their votes in this round, most first."""
    from rich.table import Table
    from rich.text import Text

    from swot.files.located import display_path
    from swot.vocabulary import quadrant_name

    if plan.theme is None:
        return
    counts = plan.counts()
    lang = plan.language
    items = sorted(plan.items(plan.theme), key=lambda i: -counts.get(i.key, 0))
    table = Table(title=say(MESSAGES, "title", lang, round=plan.round_id), title_justify="left")
    table.add_column(say(MESSAGES, "col.quadrant", lang))
    table.add_column(say(MESSAGES, "col.item", lang), overflow="fold", max_width=70)
    table.add_column(say(MESSAGES, "col.votes", lang), justify="right")
    for item in items:
        table.add_row(
            quadrant_name(item.quadrant, lang), Text(item.text), str(counts.get(item.key, 0))
        )
    out = console()
    out.print(table)
    out.print(
        say(MESSAGES, "saved", lang, count=len(plan.saved), file=display_path(plan.path)),
        markup=False,
    )
    out.print(say(MESSAGES, "next", lang, round=plan.round_id), markup=False)
