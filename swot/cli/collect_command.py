"""``swot collect``: the facilitator's prompts, or the same checks on options and files."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from swot.cli.app import EXIT_INTERRUPTED, command, console, error_console
from swot.cli.options import FolderArgument, LangOption, WorkshopOption
from swot.jobs.workshop import check_lang

if TYPE_CHECKING:
    from swot.cli.prompts import SessionResult

SUMMARY = {
    "title": {"sv": "Sparat i {files}", "en": "Saved in {files}"},
    "theme": {"sv": "Tema", "en": "Theme"},
    "total": {"sv": "Summa", "en": "Total"},
    "respondents": {"sv": "{count} svarande ({ids})", "en": "{count} respondents ({ids})"},
    "respondents.one": {"sv": "1 svarande ({ids})", "en": "1 respondent ({ids})"},
    "nothing": {"sv": "Inga poster sparades.", "en": "No entries were saved."},
}


def _pairs(renumbered: dict[str, str]) -> str:
    """'r01 → r03, r02 → r04' (at most 10 shown)."""
    shown = [f"{old} → {new}" for old, new in list(renumbered.items())[:10]]
    more = len(renumbered) - len(shown)
    return ", ".join(shown) + (f", … (+{more})" if more else "")


@command("collect")
def collect_command(
    folder: FolderArgument = None,
    workshop: WorkshopOption = Path("."),
    round_: Annotated[
        str | None,
        typer.Option("--round", "-r", help="Round id (default: the latest).", show_default=False),
    ] = None,
    unit: Annotated[
        str | None,
        typer.Option("--unit", "-u", help="Unit id or name, e.g. hoganas or Höganäs."),
    ] = None,
    mode: Annotated[
        str | None,
        typer.Option(
            "--mode",
            "-m",
            help="survey (one respondent at a time; also enkät) or workshop (agreed entries).",
        ),
    ] = None,
    theme: Annotated[
        str | None,
        typer.Option("--theme", "-t", help="Theme, e.g. equality or jämställdhet."),
    ] = None,
    quadrant: Annotated[
        str | None,
        typer.Option(
            "--quadrant", "-q", help="strengths|weaknesses|opportunities|threats, S/W/O/T, sv."
        ),
    ] = None,
    text: Annotated[
        list[str] | None,
        typer.Option("--text", help="An entry's text; repeat for several entries. No prompts."),
    ] = None,
    importance: Annotated[
        str | None, typer.Option("--importance", "-i", help="Importance 1–5 for --text entries.")
    ] = None,
    respondent: Annotated[
        str | None,
        typer.Option(
            "--respondent",
            help="Respondent id for --text entries, or 'new' for the next free id (r01, r02…).",
        ),
    ] = None,
    from_file: Annotated[
        Path | None,
        typer.Option(
            "--from",
            help="Read entries from a YAML file (like an entries file) or a CSV file "
            "(e.g. a survey export; columns named like the keys, optional unit column). "
            "All rows are checked before any is saved.",
            show_default=False,
        ),
    ] = None,
    lang: LangOption = None,
) -> None:
    """Type in entries: round → unit → survey or workshop → theme → quadrant → one entry per line.

    Every confirmed entry is saved before the next question; Ctrl-C or Ctrl-D keeps what was
    saved. Without a terminal, give the entries with --text or --from instead.

    Example: swot collect workshops/hoganasmodellen

    Example: swot collect -w workshops/hoganasmodellen --unit hoganas --theme jämställdhet
    --quadrant svagheter --text "Ingen plan för aktiviteter" --importance 4
    """
    from swot.cli.prompts import InteractiveSession, Interrupted
    from swot.errors import UsageError
    from swot.files.appending import MESSAGES as COLLECT_MESSAGES
    from swot.files.located import display_path
    from swot.files.workshop import load_workshop
    from swot.i18n import say
    from swot.jobs.collect import CollectOptions, collect_from_options

    language = check_lang(lang)
    loaded = load_workshop(folder or workshop, language)
    language = language or loaded.language
    options = CollectOptions(
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
    if options.non_interactive():
        result = collect_from_options(loaded, options, language)
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
        return
    if not sys.stdin.isatty():
        raise UsageError(
            say(COLLECT_MESSAGES, "no_terminal", language),
            say(COLLECT_MESSAGES, "no_terminal.hint", language),
        )
    session = InteractiveSession(
        loaded, options, language, lambda line: console().print(line, markup=False)
    )
    try:
        outcome = session.run()
    except Interrupted as stop:
        error_console().print(stop.line, markup=False)
        raise typer.Exit(EXIT_INTERRUPTED) from None
    print_summary(outcome, language)


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
