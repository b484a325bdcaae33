"""What ``swot prioritise`` prints: the session (``swot.cli.prioritise_session``), then the
theme's result as the handout will show it: the quadrants' weights and each item's priority."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from swot.cli.app import EXIT_INTERRUPTED, console, error_console
from swot.i18n import catalogue, say

if TYPE_CHECKING:
    from rich.table import Table

    from swot.analysis.awot import ThemeAwot
    from swot.jobs.prioritise import Prioritising

MESSAGES = catalogue("cli/prioritise_output")


def finish_prioritise(plan: Prioritising) -> None:
    """Run the session; print the result, or on Ctrl-C what was saved (exit 130)."""
    from swot.cli.prioritise_session import PrioritiseSession
    from swot.cli.prompts import Interrupted

    session = PrioritiseSession(plan, lambda line: console().print(line, markup=False))
    try:
        session.run()
    except Interrupted as stop:
        error_console().print(stop.line, markup=False)
        raise typer.Exit(EXIT_INTERRUPTED) from None
    print_result(plan)


def print_result(plan: Prioritising) -> None:
    """The theme's quadrant weights and item priorities (all raters as a group), and what next."""
    from swot.files.located import display_path

    out = console()
    lang = plan.language
    assert plan.theme is not None
    awot = plan.result().themes.get(plan.theme)
    out.print("")
    if awot is not None:
        out.print(_weights_table(awot, lang))
        table = _factors_table(awot, lang)
        if table.row_count:
            out.print(table)
    key = "saved.revised" if plan.revised else "saved" if plan.saved else "nothing_new"
    shown = display_path(plan.path)
    line = say(MESSAGES, key, lang, count=len(plan.saved), revised=len(plan.revised), file=shown)
    out.print(line, markup=False)
    out.print(say(MESSAGES, "next", lang, round=plan.round_id), markup=False)


def _weights_table(awot: ThemeAwot, lang: str) -> Table:
    from rich.table import Table

    from swot.output.awot import matrix_rows, quadrant_rows

    table = Table(title=say(MESSAGES, "weights", lang), title_justify="left")
    for column in ("col.matrix", "col.weight", "col.judged", "col.cr", "col.verdict"):
        table.add_column(say(MESSAGES, column, lang), overflow="fold")
    weights = {row["quadrant"]: row["weight"] for row in quadrant_rows(awot, lang)}
    for row in matrix_rows(awot, lang):
        weight = weights.get(row["matrix"], "")
        table.add_row(row["matrix"], weight, row["judged"], row["cr"], row["verdict"])
    return table


def _factors_table(awot: ThemeAwot, lang: str) -> Table:
    from rich.table import Table
    from rich.text import Text

    from swot.output.awot import factor_rows

    table = Table(title=say(MESSAGES, "factors", lang), title_justify="left")
    table.add_column(say(MESSAGES, "col.quadrant", lang))
    table.add_column("#", justify="right")
    table.add_column(say(MESSAGES, "col.item", lang), overflow="fold", max_width=60)
    table.add_column(say(MESSAGES, "col.local", lang), justify="right")
    table.add_column(say(MESSAGES, "col.global", lang), justify="right")
    for row in factor_rows(awot, lang):
        table.add_row(
            row["quadrant"], str(row["rank"]), Text(row["text"]), row["local"], row["global"]
        )
    return table
