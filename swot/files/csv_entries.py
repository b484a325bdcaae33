"""Entries from a CSV file (a survey export): each cell checked as the same value in YAML would be."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from swot.errors import DataError, Problem, UsageError
from swot.files.appending import MESSAGES, UNIT_COLUMNS
from swot.files.entries import EntriesFile, read_entry_nodes
from swot.files.imports.tables import csv_rows
from swot.files.located import (
    ENTRY_KEYS,
    ProblemCollector,
    display_path,
    read_text,
    suggestion_text,
)
from swot.files.workshop import LoadedWorkshop, _unit_lookup, find_unit
from swot.files.yamltree import MappingNode, ScalarNode, SequenceNode
from swot.i18n import say
from swot.vocabulary import fold


def read_csv_entries(
    path: Path,
    workshop: LoadedWorkshop,
    round_id: str,
    lang: str,
    *,
    unit: str | None = None,
    defaults: Mapping[str, str | None] | None = None,
) -> tuple[dict[str, EntriesFile], list[Problem]]:
    """CSV rows (a survey export) as entries per unit, every cell checked like a YAML value.

    The first row names the columns in Swedish or English, as an entries file names its keys;
    a 'unit'/'enhet' column spreads rows over units, otherwise ``unit`` (as typed) says which.
    ``defaults`` (theme, quadrant, source) fill columns the file does not have.
    """
    header, rows = _rows(path, lang)
    return entries_from_table(
        path, header, rows, workshop, round_id, lang, unit=unit, defaults=defaults
    )


def entries_from_table(
    path: Path,
    header: list[str],
    rows: list[list[str]],
    workshop: LoadedWorkshop,
    round_id: str,
    lang: str,
    *,
    unit: str | None = None,
    defaults: Mapping[str, str | None] | None = None,
) -> tuple[dict[str, EntriesFile], list[Problem]]:
    """Entries per unit from a table in swot's own layout (one entry per row), whatever file it
    came from (a CSV file here, a workbook in ``swot import``); see ``read_csv_entries``."""
    unit_column = next((i for i, name in enumerate(header) if fold(name) in UNIT_COLUMNS), None)
    if unit_column is None and not unit:
        raise UsageError(
            say(MESSAGES, "from_needs_unit", lang, file=display_path(path)),
            say(MESSAGES, "from_needs_unit.hint", lang, file=display_path(path)),
        )
    all_keys = {
        fold(k): canonical for canonical, alts in ENTRY_KEYS.items() for k in (canonical, *alts)
    }
    columns = {i: all_keys[fold(name)] for i, name in enumerate(header) if fold(name) in all_keys}
    warnings = [
        _ignored_column(path, name, index, lang)
        for index, name in enumerate(header)
        if index not in columns and index != unit_column
    ]
    fill = {k: v for k, v in (defaults or {}).items() if v and k not in columns.values()}
    default_unit = find_unit(workshop, unit, lang) if unit else None
    nodes = _nodes_per_unit(
        path, workshop, header, rows, columns, unit_column, default_unit, fill, lang
    )
    groups = {
        unit_id: read_entry_nodes(path, root, workshop, unit_id, round_id, lang)
        for unit_id, root in nodes.items()
    }
    return groups, warnings


def _rows(path: Path, lang: str) -> tuple[list[str], list[list[str]]]:
    """The header (cells stripped) and the rows after it; a file without a header is an error."""
    problems = ProblemCollector(path, lang)
    text = read_text(path, problems)
    if text is None:
        raise DataError(problems.problems)
    rows = csv_rows(text)
    if not rows or not any(cell.strip() for cell in rows[0]):
        raise DataError(
            [
                Problem(
                    display_path(path),
                    say(MESSAGES, "csv_empty", lang),
                    say(MESSAGES, "csv_empty.hint", lang),
                    1,
                )
            ]
        )
    return [cell.strip() for cell in rows[0]], rows[1:]


def _nodes_per_unit(
    path: Path,
    workshop: LoadedWorkshop,
    header: list[str],
    rows: list[list[str]],
    columns: dict[int, str],
    unit_column: int | None,
    default_unit: str | None,
    fill: dict[str, str],
    lang: str,
) -> dict[str, SequenceNode]:
    """Each row as the YAML mapping an entries file would hold (line = row number), per unit."""
    lookup = _unit_lookup(workshop)
    nodes: dict[str, SequenceNode] = {}
    bad_units: list[Problem] = []
    for number, row in enumerate(rows, start=1):
        if not any(cell.strip() for cell in row):
            continue
        mapping = MappingNode(number, 0)
        unit_id = default_unit
        for column, (name, cell) in enumerate(zip(header, row, strict=False)):
            if column == unit_column:
                unit_id = lookup.get(fold(cell))
                if unit_id is None:
                    bad_units.append(_bad_unit(path, workshop, cell, number, column, lang))
            elif column in columns and cell.strip():
                mapping.pairs.append(
                    (ScalarNode(0, column, name), ScalarNode(number, column, cell.strip(), True))
                )
        for key, value in fill.items():
            mapping.pairs.append((ScalarNode(0, 0, key), ScalarNode(number, 0, value, True)))
        if unit_id is not None:
            nodes.setdefault(unit_id, SequenceNode(0, 0)).items.append(mapping)
    if bad_units:
        raise DataError(bad_units)
    return nodes


def _ignored_column(path: Path, name: str, index: int, lang: str) -> Problem:
    words = [w for canonical, alts in ENTRY_KEYS.items() for w in (canonical, *alts)]
    suggestion = suggestion_text(name, words, lang)
    return Problem(
        display_path(path),
        say(MESSAGES, "csv_ignored", lang, name=name, suggestion=suggestion),
        say(MESSAGES, "csv_ignored.hint", lang, choices=", ".join(ENTRY_KEYS)),
        1,
        index + 1,
        code="csv_ignored",
        severity="warning",
    )


def _bad_unit(
    path: Path, workshop: LoadedWorkshop, value: str, line: int, column: int, lang: str
) -> Problem:
    units = [u.id for u in workshop.workshop.units]
    suggestion = suggestion_text(value, units + [u.name for u in workshop.workshop.units], lang)
    return Problem(
        display_path(path),
        say(MESSAGES, "csv_unit", lang, value=value, suggestion=suggestion),
        say(MESSAGES, "csv_unit.hint", lang, choices=", ".join(units)),
        line + 1,
        column + 1,
    )
