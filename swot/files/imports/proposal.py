"""The map file swot proposes for an export it has not seen: what ``columns.propose`` guessed,
written as ``imports/<export>.map.yaml`` in the workshop's language, with a comment on every
line that needs one. It is read back with ``mapfile.read_map`` before it is shown, so what the
table on the screen says is exactly what the file means.

No value of the export is written, except answers in the unit column that name a unit in
other words than workshop.yaml does ('AME Höganäs' → hoganas)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from swot.errors import shorten
from swot.files.imports.columns import ColumnGuess, Proposal, match_unit
from swot.files.imports.mapfile import ENTRIES, RESPONDENTS, key_name
from swot.files.imports.tables import Table, column_letter
from swot.files.storage import yaml_scalar
from swot.files.workshop import LoadedWorkshop
from swot.i18n import catalogue, say
from swot.vocabulary import QUADRANT_NAMES, fold

# Answers that say "nothing" rather than something: skipped (the map may change the list).
DEFAULT_SKIP = ("-", "–", "—", ".", "?", "x", "vet ej", "vet inte", "inget", "inga", "ingen",
                "ingenting", "inget svar", "nej", "n/a", "na", "none", "nothing", "no",
                "don't know", "no comment")  # fmt: skip
MAX_TRANSLATIONS = 30  # unit answers written into the map; more are reported row by row

MESSAGES = catalogue("files/imports/proposal")


def proposal_text(
    proposal: Proposal, workshop: LoadedWorkshop, translations: dict[str, str]
) -> str:
    """The map file for ``proposal``, in the workshop's language, ready to be edited."""
    lang = workshop.language
    table = proposal.table
    tool = f" ({proposal.tool.name})" if proposal.tool else ""
    name = table.path.name
    name = f'"{name}"' if any(ch in name for ch in " ()&;") else name
    lines = [say(MESSAGES, "header", lang, file=name, tool=tool).rstrip("\n")]
    rows = ENTRIES if proposal.narrow else RESPONDENTS
    rows_word = {RESPONDENTS: ("svarande", "respondents"), ENTRIES: ("poster", "entries")}[rows]
    lines.append(
        _line(
            "rows",
            rows_word[0] if lang == "sv" else rows_word[1],
            lang,
            say(MESSAGES, f"rows.{rows}", lang),
        )
    )
    if table.sheet:
        lines.append(_line("sheet", yaml_scalar(table.sheet), lang))
    duplicated = _duplicated(table)
    for guess in proposal.of_role("unit"):
        lines.append(_line("unit column", _heading(guess, table), lang, column_letter(guess.index)))
    importances = proposal.of_role("importance")
    if len(importances) == 1:
        note = f"{column_letter(importances[0].index)} · {say(MESSAGES, 'importance.row', lang)}"
        lines.append(_line("importance", _heading(importances[0], table), lang, note))
    if proposal.narrow:
        lines += _narrow_lines(proposal, workshop)
    else:
        lines += _answer_lines(proposal, workshop, duplicated)
    lines += _translation_lines(translations, lang)
    lines += _skip_lines(lang)
    lines += _ignore_lines(proposal.ignored, lang)
    return "\n".join(lines) + "\n"


def _line(key: str, value: str, lang: str, comment: str = "", indent: str = "") -> str:
    text = f"{indent}{key_name(key, lang)}: {value}".rstrip()
    return f"{text}{' ' * max(2, 44 - len(text))}# {comment}" if comment else text


def _heading(guess: ColumnGuess, table: Table) -> str:
    return yaml_scalar(table.header[guess.index])


def _duplicated(table: Table) -> set[str]:
    seen: set[str] = set()
    twice: set[str] = set()
    for heading in table.header:
        (twice if heading in seen else seen).add(heading)
    return twice


def _answer_lines(proposal: Proposal, workshop: LoadedWorkshop, duplicated: set[str]) -> list[str]:
    """The 'columns:' list: one item per column of answers, with its theme and quadrant."""
    lang = workshop.language
    answers = proposal.of_role("answer")
    if not answers:
        return [f"{key_name('columns', lang)}: []"]
    lines = [f"{key_name('columns', lang)}:"]
    importances = proposal.of_role("importance")
    for guess in answers:
        letter = column_letter(guess.index)
        if guess.heading in duplicated:
            lines.append(_line("column", letter, lang, shorten(guess.heading, 40), "  - "))
        else:
            lines.append(_line("heading", _heading(guess, proposal.table), lang, letter, "  - "))
        lines.append(_theme_line(guess, workshop))
        assert guess.quadrant is not None
        quadrant = (
            QUADRANT_NAMES[guess.quadrant]["sv"].lower() if lang == "sv" else guess.quadrant.value
        )
        lines.append(_line("quadrant", quadrant, lang, indent="    "))
        own = _own_importance(guess, answers, importances)
        if own is not None:
            lines.append(
                _line(
                    "importance",
                    _heading(own, proposal.table),
                    lang,
                    column_letter(own.index),
                    "    ",
                )
            )
    return lines


def _theme_line(guess: ColumnGuess, workshop: LoadedWorkshop) -> str:
    lang = workshop.language
    if guess.theme is None:
        names = [_theme_word(t.id, workshop) for t in workshop.workshop.themes]
        themes = f" {say(MESSAGES, 'or', lang)} ".join(names)
        return _line("theme", "", lang, say(MESSAGES, "no_theme", lang, themes=themes), "    ")
    return _line("theme", _theme_word(guess.theme, workshop), lang, indent="    ")


def _theme_word(theme_id: str, workshop: LoadedWorkshop) -> str:
    """A theme as entries files of this workshop write it: its Swedish name, or its id."""
    if workshop.language == "sv":
        return yaml_scalar(workshop.workshop.theme(theme_id).name("sv").lower())
    return theme_id


def _own_importance(
    guess: ColumnGuess, answers: Sequence[ColumnGuess], importances: Sequence[ColumnGuess]
) -> ColumnGuess | None:
    """With several importance columns, each belongs to the answers column just before it."""
    if len(importances) < 2:
        return None
    following = [a.index for a in answers if a.index > guess.index]
    limit = following[0] if following else 1 << 30
    return next((i for i in importances if guess.index < i.index < limit), None)


def _narrow_lines(proposal: Proposal, workshop: LoadedWorkshop) -> list[str]:
    """A narrow export needs a theme if it has no theme column."""
    lang = workshop.language
    if any(fold(c.heading) in {"theme", "tema"} for c in proposal.columns):
        return []
    names = [_theme_word(t.id, workshop) for t in workshop.workshop.themes]
    themes = f" {say(MESSAGES, 'or', lang)} ".join(names)
    return [_line("theme", "", lang, say(MESSAGES, "no_theme", lang, themes=themes))]


def _translation_lines(translations: dict[str, str], lang: str) -> list[str]:
    if not translations:
        return []
    lines = [_line("units", "", lang, say(MESSAGES, "units", lang))]
    for answer, unit in sorted(translations.items()):
        lines.append(f"  {yaml_scalar(answer)}: {unit}")
    return lines


def _skip_lines(lang: str) -> list[str]:
    """The skip words as a flow list over a few lines (any line may be edited)."""
    lines = [_line("skip", "", lang, say(MESSAGES, "skip", lang))]
    words = [json.dumps(word, ensure_ascii=False) for word in DEFAULT_SKIP]
    current = "  ["
    for index, word in enumerate(words):
        piece = word + ("]" if index == len(words) - 1 else ", ")
        if len(current) + len(piece) > 90:
            lines.append(current.rstrip())
            current = "   "
        current += piece
    return [*lines, current]


def _ignore_lines(ignored: Sequence[ColumnGuess], lang: str) -> list[str]:
    named = [g for g in ignored if g.heading]
    if not named:
        return []
    lines = [f"{key_name('ignore', lang)}:"]
    for guess in named:
        text = f"  - {yaml_scalar(guess.heading)}"
        comment = f"{column_letter(guess.index)} · {say(MESSAGES, f'kind.{guess.kind}', lang)}"
        lines.append(f"{text}{' ' * max(2, 44 - len(text))}# {comment}")
    return lines


def unit_translations(proposal: Proposal, unit_values: dict[str, str]) -> dict[str, str]:
    """Answers in the proposed unit column that name a unit in other words ('AME Höganäs'), as
    written → unit id; answers that are a unit's id, name or municipality need no line."""
    found: dict[str, str] = {}
    for guess in proposal.of_role("unit"):
        for row in proposal.table.rows:
            value = proposal.table.cell(row, guess.index).strip()
            if not value or fold(value) in unit_values or value in found or len(value) > 60:
                continue
            unit = match_unit(value, unit_values)
            if unit is not None:
                found[value] = unit
            if len(found) >= MAX_TRANSLATIONS:
                return found
    return found
