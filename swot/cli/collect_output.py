"""What ``swot collect`` prints: the files the options' entries were saved in, or (without
--text and --from) the facilitator's session and a table of what it saved."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from swot.cli.app import EXIT_INTERRUPTED, console, error_console
from swot.i18n import catalogue

if TYPE_CHECKING:
    from swot.cli.prompts import SessionResult
    from swot.jobs.collect import CollectOutcome, CollectResult

SUMMARY = catalogue("cli/collect_output")


def _pairs(renumbered: dict[str, str]) -> str:
    """'r01 → r03, r02 → r04' (at most 10 shown)."""
    shown = [f"{old} → {new}" for old, new in list(renumbered.items())[:10]]
    more = len(renumbered) - len(shown)
    return ", ".join(shown) + (f", … (+{more})" if more else "")


def finish_collect(outcome: CollectOutcome) -> None:
    """Print what the options saved, or run the interactive session and print its summary."""
    if outcome.result is not None:
        print_saved(outcome.result, outcome.language)
        return
    from swot.cli.prompts import InteractiveSession, Interrupted

    session = InteractiveSession(
        outcome.workshop,
        outcome.options,
        outcome.language,
        lambda line: console().print(line, markup=False),
    )
    try:
        result = session.run()
    except Interrupted as stop:
        error_console().print(stop.line, markup=False)
        raise typer.Exit(EXIT_INTERRUPTED) from None
    print_summary(result, outcome.language)


def print_saved(result: CollectResult, language: str) -> None:
    """Warnings about the input (stderr), then per file how many entries were saved in it."""
    from swot.files.appending import MESSAGES as COLLECT_MESSAGES
    from swot.files.located import display_path
    from swot.i18n import say

    for warning in result.warnings:
        error_console().print(warning.format(), markup=False)
    for saved in result.saved:
        count = len(saved.entries)
        key = "entries_count.one" if count == 1 else "entries_count"
        console().print(
            say(
                COLLECT_MESSAGES,
                "saved",
                language,
                count=say(COLLECT_MESSAGES, key, language, count=count),
                file=display_path(saved.path),
            ),
            markup=False,
        )
        if saved.renumbered:
            console().print(
                say(COLLECT_MESSAGES, "renumbered", language, pairs=_pairs(saved.renumbered)),
                markup=False,
            )


def print_summary(outcome: SessionResult, lang: str) -> None:
    """A table of what the session saved: entries per theme and quadrant, and respondents."""
    from rich.table import Table

    from swot.files.located import display_path
    from swot.i18n import say
    from swot.vocabulary import QUADRANT_NAMES, QUADRANT_ORDER

    out = console()
    if not outcome.entries:
        out.print(say(SUMMARY, "nothing", lang), markup=False)
        return
    files = ", ".join(display_path(p) for p in outcome.paths)
    table = Table(title=say(SUMMARY, "title", lang, files=files), title_justify="left")
    table.add_column(say(SUMMARY, "theme", lang))
    for quadrant in QUADRANT_ORDER:
        table.add_column(QUADRANT_NAMES[quadrant][lang], justify="right")
    table.add_column(say(SUMMARY, "total", lang), justify="right")
    ws = outcome.workshop.workshop
    for theme in ws.themes:
        counts = [
            sum(1 for e in outcome.entries if e.theme == theme.id and e.quadrant is q)
            for q in QUADRANT_ORDER
        ]
        if sum(counts):
            table.add_row(theme.name(lang), *(str(c) for c in counts), str(sum(counts)))
    out.print(table)
    respondents = sorted({e.respondent for e in outcome.entries if e.respondent})
    count = len(outcome.entries)
    from swot.files.appending import MESSAGES as COLLECT_MESSAGES

    entries = say(
        COLLECT_MESSAGES, "entries_count.one" if count == 1 else "entries_count", lang, count=count
    )
    footer = entries
    if respondents:
        key = "respondents.one" if len(respondents) == 1 else "respondents"
        ids = ", ".join(respondents)
        footer += " · " + say(SUMMARY, key, lang, count=len(respondents), ids=ids)
    out.print(footer, markup=False)
