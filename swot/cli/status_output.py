"""What ``swot status`` prints: per round a table of units against the target, the entries per
theme and quadrant, and a few sentences (or the JSON of it all)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import typer

from swot.cli.app import console
from swot.i18n import catalogue, say

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from swot.analysis.status import RoundStatus, UnitStatus
    from swot.jobs.status import StatusResult

MESSAGES = catalogue("cli/status_output")


def print_status_result(result: StatusResult, as_json: bool) -> None:
    """``swot status``: each round's status, a blank line between rounds; or the JSON."""
    if as_json:
        document = {
            "workshop": result.workshop.workshop.name,
            "target": result.workshop.workshop.response_target,
            "rounds": [r.as_dict() for r in result.rounds],
        }
        typer.echo(json.dumps(document, ensure_ascii=False, indent=2))
        return
    out = console()
    for index, status in enumerate(result.rounds):
        if index:
            out.print()
        print_status(out, result.workshop.workshop.name, status, result.language)


def print_status(out: Console, workshop_name: str, status: RoundStatus, lang: str) -> None:
    """One round's status as Rich tables and a few plain sentences."""
    from rich.table import Table
    from rich.text import Text

    from swot.analysis.status import format_percent

    target = format_percent(status.target / 100, lang)
    date = f" · {status.round.date.isoformat()}" if status.round.date else ""
    out.print(
        Text(
            say(
                MESSAGES,
                "status.title",
                lang,
                workshop=workshop_name,
                round=status.round.title(),
                date=date,
            ),
            style="bold",
        )
    )
    out.print(say(MESSAGES, "status.target", lang, target=target), markup=False)
    table = Table(show_edge=True, header_style="bold")
    table.add_column(say(MESSAGES, "col.unit", lang))
    table.add_column(say(MESSAGES, "col.respondents", lang), justify="right")
    table.add_column(say(MESSAGES, "col.rate", lang), justify="right")
    table.add_column(say(MESSAGES, "col.target", lang, target=target))
    table.add_column(say(MESSAGES, "col.entries", lang), justify="right")
    for unit in status.units:
        table.add_row(*unit_cells(unit, lang), str(unit.entries))
    out.print(table)
    _print_entry_tables(out, status, lang)
    _print_summary(out, status, lang)


def unit_cells(unit: UnitStatus, lang: str) -> tuple[str, str, str, Text]:
    """A unit's name, respondents ('14 av 16'), rate and verdict against the target: the
    columns ``swot status`` and ``swot survey``'s live table share."""
    from rich.text import Text

    from swot.analysis.status import format_percent

    expected = "–" if unit.expected is None else str(unit.expected)
    respondents = say(MESSAGES, "of", lang, count=unit.respondents, expected=expected)
    rate = "–" if unit.rate is None else format_percent(unit.rate, lang)
    if not unit.has_file:
        verdict = Text("✗ " + say(MESSAGES, "no_file", lang), style="bold red")
    elif unit.met is None:
        verdict = Text("? " + unit.target_label(lang), style="yellow")
    elif unit.met:
        verdict = Text("✓ " + unit.target_label(lang), style="green")
    else:
        verdict = Text("✗ " + unit.target_label(lang), style="bold red")
    return unit.name, respondents, rate, verdict


def _print_entry_tables(out: Console, status: RoundStatus, lang: str) -> None:
    from rich.table import Table

    from swot.vocabulary import QUADRANT_ORDER, quadrant_name

    for theme in status.themes:
        table = Table(
            title=say(MESSAGES, "entries_table", lang, theme=theme.name(lang).lower()),
            title_justify="left",
            header_style="bold",
        )
        table.add_column(say(MESSAGES, "col.unit", lang))
        for quadrant in QUADRANT_ORDER:
            table.add_column(quadrant_name(quadrant, lang), justify="right")
        table.add_column(say(MESSAGES, "col.total", lang), justify="right")
        for unit in status.units:
            counts = unit.counts.get(theme.id, {})
            cells = [str(counts.get(q, 0)) for q in QUADRANT_ORDER]
            table.add_row(unit.name, *cells, str(sum(counts.values())))
        out.print(table)


def _print_summary(out: Console, status: RoundStatus, lang: str) -> None:
    from swot.analysis.status import format_percent

    expected = status.expected
    if expected:
        out.print(
            say(
                MESSAGES,
                "total",
                lang,
                count=status.respondents,
                expected=expected,
                rate=format_percent(status.respondents / expected, lang),
            ),
            markup=False,
        )
    else:
        out.print(say(MESSAGES, "total.no_expected", lang, count=status.respondents), markup=False)
    below = status.below_target
    if below:
        names = ", ".join(
            say(MESSAGES, "below.unit", lang, unit=u.name, needed=u.needed) for u in below
        )
        out.print(say(MESSAGES, "below", lang, units=names), markup=False)
    elif any(u.met for u in status.units):
        out.print(say(MESSAGES, "all_met", lang), markup=False)
    if status.missing_units:
        names = ", ".join(status.unit(u).name for u in status.missing_units)
        out.print(say(MESSAGES, "missing", lang, units=names), markup=False)
    if status.files_with_problems:
        out.print(say(MESSAGES, "problems", lang), markup=False)
        for problems in status.files_with_problems.values():
            for problem in problems:
                out.print(
                    "  " + problem.format().replace("\n", "\n  "), markup=False, soft_wrap=True
                )
    if status.notes:
        out.print(say(MESSAGES, "notes", lang), markup=False)
        for note in status.notes:
            out.print("  " + note.format().replace("\n", "\n  "), markup=False, soft_wrap=True)
