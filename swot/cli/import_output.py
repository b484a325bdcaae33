"""What ``swot import`` prints: the proposal as a table (which column becomes what), one
sentence on the columns that are never read, then per unit what would be or was added."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from swot.cli.app import EXIT_DATA_ERROR, console, error_console
from swot.cli.merge_output import MESSAGES as MERGE_MESSAGES
from swot.files.imports.proposal import MESSAGES as PROPOSAL_MESSAGES
from swot.i18n import catalogue, format_count, say

if TYPE_CHECKING:
    from swot.jobs.imports import ImportResult, UnitImport
    from swot.models import Entry

MESSAGES = catalogue("cli/import_output")


def print_import(result: ImportResult) -> None:
    """The proposal (when there is one, or on a dry run), the ignored columns, then the units."""
    lang = result.language
    out = console()
    for warning in result.warnings:
        error_console().print(warning.format(), markup=False, soft_wrap=True)
    out.print(_reading_line(result), markup=False)
    if result.proposed or result.dry_run:
        out.print(_columns_table(result))
    sentence = _ignored_sentence(result)
    if sentence:
        out.print(sentence, markup=False)
    _print_map_state(result)
    if result.imap is None:
        return
    if result.skipped_rows:
        rows = sorted({row for row, _ in result.skipped_rows})
        out.print(say(MESSAGES, "skipped", lang, count=format_count(len(rows), lang)), markup=False)
        for _, problem in result.skipped_rows:
            out.print(problem.format(), markup=False, soft_wrap=True)
    if result.row_problems:
        for problem in result.row_problems:
            error_console().print(problem.format(), markup=False)
        raise typer.Exit(EXIT_DATA_ERROR)
    _print_units(result)


def _reading_line(result: ImportResult) -> str:
    lang, table = result.language, result.table
    sheet = say(MESSAGES, "sheet", lang, sheet=table.sheet) if table.sheet else ""
    tool = result.proposal.tool
    named = say(MESSAGES, "tool", lang, tool=tool.name) if tool else ""
    return say(
        MESSAGES,
        "reading",
        lang,
        file=table.file,
        sheet=sheet,
        count=format_count(len(table.rows), lang),
        tool=named,
    )


def _columns_table(result: ImportResult) -> object:
    from rich.table import Table

    from swot.files.imports.tables import column_letter

    lang = result.language
    table = Table(box=None, pad_edge=False, show_edge=False)
    for key in ("col.column", "col.heading", "col.becomes"):
        table.add_column(say(MESSAGES, key, lang))
    for guess in result.proposal.columns:
        table.add_row(column_letter(guess.index), guess.heading, _becomes(result, guess.index))
    return table


def _becomes(result: ImportResult, index: int) -> str:
    """What a column becomes: by the map when there is one, else by the proposal."""
    from swot.vocabulary import QUADRANT_NAMES

    lang, ws = result.language, result.workshop.workshop
    imap = result.imap
    guess = result.proposal.columns[index]
    if imap is not None:
        if index == imap.unit_column:
            return say(MESSAGES, "role.unit", lang)
        if index == imap.importance:
            return say(MESSAGES, "role.importance.row", lang)
        for answer in imap.answers:
            if answer.column == index:
                theme = ws.theme(answer.theme).name(lang)
                quadrant = QUADRANT_NAMES[answer.quadrant][lang]
                return say(MERGE_MESSAGES, "table", lang, theme=theme, quadrant=quadrant)
            if answer.importance == index:
                return say(MESSAGES, "role.importance", lang)
        if guess.role == "field" and imap.spec.rows == "entries":
            return say(MESSAGES, "role.field", lang, name=guess.heading.lower())
        return say(
            MESSAGES,
            "role.ignored",
            lang,
            kind=say(PROPOSAL_MESSAGES, f"kind.{guess.kind or 'other'}", lang),
        )
    return _guessed(result, guess)


def _guessed(result: ImportResult, guess: object) -> str:
    """What the proposal says a column is, when the proposal is not complete yet."""
    from swot.files.imports.columns import ColumnGuess
    from swot.vocabulary import QUADRANT_NAMES

    assert isinstance(guess, ColumnGuess)
    lang, ws = result.language, result.workshop.workshop
    if guess.role == "unit":
        return say(MESSAGES, "role.unit", lang)
    if guess.role == "importance":
        return say(MESSAGES, "role.importance.row", lang)
    if guess.role == "answer" and guess.quadrant is not None:
        quadrant = QUADRANT_NAMES[guess.quadrant][lang]
        if guess.theme is None:
            return say(MESSAGES, "role.no_theme", lang, quadrant=quadrant)
        theme = ws.theme(guess.theme).name(lang)
        return say(MERGE_MESSAGES, "table", lang, theme=theme, quadrant=quadrant)
    if guess.role == "field":
        return say(MESSAGES, "role.field", lang, name=guess.heading.lower())
    return say(
        MESSAGES,
        "role.ignored",
        lang,
        kind=say(PROPOSAL_MESSAGES, f"kind.{guess.kind or 'other'}", lang),
    )


def _ignored_sentence(result: ImportResult) -> str:
    """'Not read and never written anywhere: 6 columns, including one that looks like e-mail
    addresses, one with names and 2 with times.'"""
    lang = result.language
    kinds = result.ignored if result.imap is not None else _proposal_kinds(result)
    total = sum(kinds.values())
    if not total:
        return ""
    columns = say(MESSAGES, "columns.one" if total == 1 else "columns", lang, count=total)
    parts = []
    for kind in ("email", "name", "time"):
        count = kinds.get(kind, 0)
        if count:
            key = f"part.{kind}.one" if count == 1 else f"part.{kind}"
            parts.append(say(MESSAGES, key, lang, count=count))
    including = ""
    if parts:
        joined = (
            ", ".join(parts[:-1]) + say(MESSAGES, "and", lang) + parts[-1]
            if len(parts) > 1
            else parts[0]
        )
        including = say(MESSAGES, "including", lang, parts=joined)
    return say(MESSAGES, "ignored", lang, columns=columns, including=including)


def _proposal_kinds(result: ImportResult) -> dict[str, int]:
    from collections import Counter

    return Counter(g.kind or "other" for g in result.proposal.ignored)


def _print_map_state(result: ImportResult) -> None:
    from swot.files.located import display_path

    lang, out = result.language, console()
    map_file = display_path(result.map_path)
    if not result.proposed:
        out.print(say(MESSAGES, "map", lang, map=map_file), markup=False)
    elif result.dry_run:
        out.print(say(MESSAGES, "proposed.dry", lang, map=map_file), markup=False)
    else:
        file = result.table.path.name
        out.print(say(MESSAGES, "proposed", lang, map=map_file, file=_quoted(file)), markup=False)
    if result.map_problems:
        out.print(say(MESSAGES, "needs_you", lang), markup=False)
        for problem in result.map_problems:
            out.print(problem.format(), markup=False, soft_wrap=True)


def _quoted(name: str) -> str:
    return f'"{name}"' if " " in name or "(" in name else name


def _print_units(result: ImportResult) -> None:
    """Per unit: new respondents and entries, rows already imported; then the first entries."""
    from rich.table import Table

    lang, out = result.language, console()
    round_ = result.workshop.workshop.round(result.round_id)
    title_key = "added" if result.written else "would_add"
    title = say(MESSAGES, title_key, lang, round=round_.title() if round_ else result.round_id)
    table = Table(title=title, title_justify="left")
    table.add_column(say(MESSAGES, "col.unit", lang))
    for key in ("col.respondents", "col.entries", "col.already"):
        table.add_column(say(MESSAGES, key, lang), justify="right")
    for share in result.units:
        counts = (share.respondents, share.entries, share.already)
        table.add_row(_unit_name(result, share), *(format_count(n, lang) for n in counts))
    out.print(table)
    if result.written:
        _print_saved(result)
    if result.units and not any(share.entries for share in result.units):
        rows = sum(share.already for share in result.units)
        out.print(say(MESSAGES, "nothing_new", lang, count=format_count(rows, lang)), markup=False)
    if result.without_answers:
        key = "without_answers.one" if result.without_answers == 1 else "without_answers"
        without = format_count(result.without_answers, lang)
        out.print(say(MESSAGES, key, lang, count=without), markup=False)
    if result.first_entries:
        out.print(say(MESSAGES, "first", lang), markup=False)
        for entry in result.first_entries:
            out.print(_entry_line(result, entry), markup=False)


def _print_saved(result: ImportResult) -> None:
    """'✓ Saved 8 entries in entries/2026-kv1/hoganas.yaml (respondents r01–r03)'."""
    from swot.files.appending import MESSAGES as COLLECT_MESSAGES
    from swot.files.located import display_path

    lang = result.language
    for share in result.units:
        if not share.entries:
            continue
        key = "entries_count.one" if share.entries == 1 else "entries_count"
        count = say(COLLECT_MESSAGES, key, lang, count=share.entries)
        line = say(COLLECT_MESSAGES, "saved", lang, count=count, file=display_path(share.path))
        if share.respondent_ids:
            ids = share.respondent_ids
            shown = ids[0] if len(ids) == 1 else f"{ids[0]}–{ids[-1]}"
            line += say(MESSAGES, "respondents", lang, ids=shown)
        console().print(line, markup=False)


def _unit_name(result: ImportResult, share: UnitImport) -> str:
    unit = result.workshop.workshop.unit(share.unit)
    return unit.name if unit else share.unit


def _entry_line(result: ImportResult, entry: Entry) -> str:
    from swot.errors import shorten
    from swot.vocabulary import QUADRANT_NAMES

    lang, ws = result.language, result.workshop.workshop
    unit = ws.unit(entry.unit)
    line = say(
        MESSAGES,
        "entry",
        lang,
        unit=unit.name if unit else entry.unit,
        theme=ws.theme(entry.theme).name(lang),
        quadrant=QUADRANT_NAMES[entry.quadrant][lang],
        text=shorten(entry.text, 70),
    )
    if entry.importance is not None:
        line += say(MESSAGES, "importance", lang, value=entry.importance)
    return line
