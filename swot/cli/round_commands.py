"""``swot status`` and ``swot compare``: response rates per round, and change between rounds."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from swot.cli.app import command, console
from swot.cli.options import FolderArgument, JsonOption, LangOption, WorkshopOption
from swot.i18n import Catalogue, say
from swot.jobs.workshop import check_lang

if TYPE_CHECKING:
    from rich.console import Console

    from swot.analysis.changes import Comparison
    from swot.analysis.status import RoundStatus

MESSAGES: Catalogue = {
    "status.title": {
        "en": "{workshop} · {round}{date}",
        "sv": "{workshop} · {round}{date}",
    },
    "status.target": {
        "en": "Target: {target} of the expected respondents in every unit",
        "sv": "Mål: {target} av de förväntade svarande i varje enhet",
    },
    "col.unit": {"en": "Unit", "sv": "Enhet"},
    "col.respondents": {"en": "Respondents", "sv": "Svarande"},
    "col.rate": {"en": "Response rate", "sv": "Svarsfrekvens"},
    "col.target": {"en": "Target {target}", "sv": "Mål {target}"},
    "col.entries": {"en": "Entries", "sv": "Poster"},
    "col.total": {"en": "Total", "sv": "Summa"},
    "of": {"en": "{count} of {expected}", "sv": "{count} av {expected}"},
    "no_file": {"en": "no file yet", "sv": "ingen fil än"},
    "entries_table": {"en": "Entries on {theme}", "sv": "Poster om {theme}"},
    "missing": {"en": "Units with no file yet: {units}", "sv": "Enheter utan fil än: {units}"},
    "problems": {
        "en": "Files with errors (their readable entries are counted):",
        "sv": "Filer med fel (de poster som går att läsa räknas):",
    },
    "notes": {"en": "Notes:", "sv": "Att observera:"},
    "total": {
        "en": "In all: {count} of {expected} answered ({rate}).",
        "sv": "Totalt: {count} av {expected} har svarat ({rate}).",
    },
    "total.no_expected": {
        "en": "In all: {count} respondents.",
        "sv": "Totalt: {count} svarande.",
    },
    "below": {
        "en": "Below the target: {units}.",
        "sv": "Under målet: {units}.",
    },
    "below.unit": {"en": "{unit} ({needed} more)", "sv": "{unit} ({needed} till)"},
    "all_met": {
        "en": "Every unit with an expected count has reached the target.",
        "sv": "Alla enheter med förväntat antal har nått målet.",
    },
}


def _language(lang: str | None, workshop_language: str) -> str:
    return check_lang(lang) or workshop_language


@command("status")
def status_command(
    folder: FolderArgument = None,
    workshop: WorkshopOption = Path("."),
    round_id: Annotated[
        str | None,
        typer.Option(
            "--round", "-r", help="Round id (default: the latest round).", show_default=False
        ),
    ] = None,
    all_rounds: Annotated[
        bool, typer.Option("--all-rounds", help="Show every round of the workshop.")
    ] = False,
    lang: LangOption = None,
    as_json: JsonOption = False,
) -> None:
    """Response rates per unit against the target, entries per theme and quadrant, missing units.

    Useful during collection too: each unit shows how many more answers reach the target.
    Exits 0 even when files have errors; they are listed with file:line.

    Example: swot status workshops/hoganasmodellen --round forprojektering
    """
    from swot.analysis.status import round_status, workshop_status
    from swot.errors import UsageError
    from swot.files.workshop import load_workshop

    language = check_lang(lang)
    loaded = load_workshop(folder or workshop, language, cache=True)
    language = language or loaded.language
    if all_rounds and round_id:
        raise UsageError(
            "--round och --all-rounds kan inte användas samtidigt"
            if language == "sv"
            else "--round and --all-rounds cannot be used together",
            "välj en av dem" if language == "sv" else "choose one of them",
        )
    rounds = (
        workshop_status(loaded, lang=language)
        if all_rounds
        else [round_status(loaded, round_id, language)]
    )
    if as_json:
        document = {
            "workshop": loaded.workshop.name,
            "target": loaded.workshop.response_target,
            "rounds": [r.as_dict() for r in rounds],
        }
        typer.echo(json.dumps(document, ensure_ascii=False, indent=2))
        return
    out = console()
    for index, status in enumerate(rounds):
        if index:
            out.print()
        print_status(out, loaded.workshop.name, status, language)


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
        table.add_row(unit.name, respondents, rate, verdict, str(unit.entries))
    out.print(table)
    _print_entry_tables(out, status, lang)
    _print_summary(out, status, lang)


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


COMPARE_MESSAGES: Catalogue = {
    "rates": {"en": "Response rates per unit", "sv": "Svarsfrekvens per enhet"},
    "col.change": {"en": "Change", "sv": "Förändring"},
    "col.item": {"en": "Item", "sv": "Punkt"},
    "col.status": {"en": "Status", "sv": "Status"},
    "col.units": {"en": "Units", "sv": "Enheter"},
    "col.importance": {"en": "Importance", "sv": "Vikt"},
    "top": {
        "en": "{quadrant} in {theme}: broadest first, at most {count} of each kind",
        "sv": "{quadrant} inom {theme}: bredast först, högst {count} av varje slag",
    },
    "written": {"en": "Report written:", "sv": "Rapporten är skriven:"},
    "problems": {
        "en": "Files with errors (their readable entries are included; run swot validate):",
        "sv": "Filer med fel (de poster som går att läsa är med; kör swot validate):",
    },
}


@command("compare")
def compare_command(
    baseline: Annotated[
        str, typer.Argument(help="Round id of the baseline, e.g. forprojektering.")
    ],
    followup: Annotated[str, typer.Argument(help="Round id of the follow-up, e.g. uppfoljning.")],
    workshop: WorkshopOption = Path("."),
    similarity: Annotated[
        float | None,
        typer.Option(
            "--similarity",
            help="How similar (50–100) two wordings must be to count as the same item "
            "(default: the merge's default).",
            show_default=False,
        ),
    ] = None,
    top: Annotated[
        int,
        typer.Option("--top", min=0, help="Items shown per kind in the terminal (0: none)."),
    ] = 3,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Folder for the report (default: <workshop>/handouts/compare-A-B).",
            show_default=False,
        ),
    ] = None,
    lang: LangOption = None,
    as_json: JsonOption = False,
) -> None:
    """Change between two rounds: resolved, new and persisting items, and response rates.

    Writes an HTML report (with charts) and a Markdown report to
    <workshop>/handouts/compare-BASELINE-FOLLOWUP/; --json prints the figures instead of the
    terminal summary.

    Example: swot compare forprojektering uppfoljning -w workshops/hoganasmodellen
    """
    from swot.analysis.similarity import check_similarity
    from swot.files.located import display_path
    from swot.files.workshop import load_workshop
    from swot.jobs.compare import compare_rounds
    from swot.output.report import write_reports

    language = check_lang(lang)
    loaded = load_workshop(workshop, language, cache=True)
    check_similarity(similarity, language or loaded.language)
    comparison = compare_rounds(loaded, baseline, followup, similarity=similarity, lang=language)
    written = write_reports(comparison, output)
    if as_json:
        document = comparison.as_dict() | {"reports": [display_path(p) for p in written]}
        typer.echo(json.dumps(document, ensure_ascii=False, indent=2))
        return
    out = console()
    print_comparison(out, comparison, top)
    lang_ = comparison.lang
    out.print(say(COMPARE_MESSAGES, "written", lang_), markup=False)
    for path in written:
        out.print(f"  {display_path(path)}", markup=False, soft_wrap=True)


def print_comparison(out: Console, comparison: Comparison, top: int) -> None:
    """The comparison in the terminal: summaries in words, response rates, the top items."""
    from rich.table import Table
    from rich.text import Text

    from swot.output.report import report_view

    lang = comparison.lang
    view = report_view(comparison)
    out.print(Text(view["title"], style="bold"))
    out.print(view["intro"], markup=False, soft_wrap=True)
    if view["not_compared"]:
        out.print(Text(view["not_compared"], style="bold"), soft_wrap=True)
    for theme in view["themes"]:
        out.print()
        out.print(Text(theme["name"], style="bold underline"))
        for line in theme["summaries"]:
            out.print("  • " + line, markup=False, soft_wrap=True)
    out.print()
    table = Table(
        title=say(COMPARE_MESSAGES, "rates", lang),
        caption=view["rounds_legend"],
        title_justify="left",
        caption_justify="left",
    )
    table.add_column(view["words"]["col.unit"], no_wrap=True)
    table.add_column(view["words"]["col.before"], justify="right", no_wrap=True)
    table.add_column(view["words"]["col.after"], justify="right", no_wrap=True)
    table.add_column(say(COMPARE_MESSAGES, "col.change", lang), justify="right", no_wrap=True)
    table.add_column(view["target_label"], no_wrap=True)
    for row in view["rates"]:
        verdict = Text(("✗ " if row["below"] else "") + row["target"])
        if row["below"]:
            verdict.stylize("bold red")
        table.add_row(
            row["unit"],
            row["before"],
            row["after"],
            row["points"],
            verdict,
        )
    out.print(table)
    out.print()
    if top:
        for theme in view["themes"]:
            for row in theme["rows"]:
                _print_top_items(out, theme["name"], row, top, lang)
    problems = view["problems"]
    if problems:
        out.print(say(COMPARE_MESSAGES, "problems", lang), markup=False)
        for problem in problems:
            out.print("  " + problem.replace("\n", "\n  "), markup=False, soft_wrap=True)


def _print_top_items(out: Console, theme: str, row: dict, top: int, lang: str) -> None:
    from rich.table import Table

    if not any(lst["items"] for lst in row["lists"]):
        return
    table = Table(
        title=say(
            COMPARE_MESSAGES,
            "top",
            lang,
            quadrant=row["quadrant"],
            theme=theme.lower(),
            count=top,
        ),
        title_justify="left",
    )
    table.add_column(say(COMPARE_MESSAGES, "col.status", lang))
    table.add_column(say(COMPARE_MESSAGES, "col.item", lang), ratio=1)
    table.add_column(say(COMPARE_MESSAGES, "col.units", lang), justify="right", no_wrap=True)
    table.add_column(say(COMPARE_MESSAGES, "col.importance", lang), no_wrap=True)
    for lst in row["lists"]:
        for item in lst["items"][:top]:
            if lst["kind"] == "persisting":
                table.add_row(
                    lst["heading"], item["text"], item["breadth_change"], item["importance_change"]
                )
            else:
                table.add_row(lst["heading"], item["text"], item["breadth"], item["importance"])
    out.print(table)
    out.print()
