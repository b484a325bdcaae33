"""Entries and merged items of a round as CSV, XLSX and JSON, for spreadsheets and scripts.

The spreadsheets (CSV, XLSX) are for people: headings, themes, quadrants, units and sources in
the workshop's language, with the machine-readable ids in columns of their own at the end. JSON
is for scripts: English keys and ids only. CSV is UTF-8 with a byte-order mark (so Excel on
Windows reads å, ä, ö) and uses ';' for a Swedish workshop (Swedish Excel's list separator) and
',' for an English one; a cell that a spreadsheet would run as a formula (starting with =, +,
-, @) gets a leading ' there. An XLSX cell is typed text, so it needs no guard, and each sheet
has an autofilter on its heading row."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import TYPE_CHECKING, Any

from swot.i18n import catalogue, say
from swot.texts import strip_control
from swot.vocabulary import QUADRANT_NAMES, SOURCE_NAMES

if TYPE_CHECKING:
    from swot.analysis.round_merge import RoundMerge

FORMATS = ("csv", "xlsx", "json")
ENTRY_COLUMNS = (
    "item",
    "unit",
    "round",
    "theme",
    "quadrant",
    "text",
    "importance",
    "source",
    "respondent",
    "file",
    "line",
)
ITEM_COLUMNS = (
    "item",
    "theme",
    "quadrant",
    "rank",
    "text",
    "units",
    "breadth",
    "mean_importance",
    "mentions",
    "votes",
    "borda",
)
PRIORITY_COLUMNS = (
    "theme",
    "compared",
    "item",
    "text",
    "local",
    "global",
    "spread_low",
    "spread_high",
    "cr",
    "judged",
    "pairs",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# The spreadsheets' columns: names for people first, the ids they stand for last.
ITEM_SHEET = (
    "item",
    "theme_name",
    "quadrant_name",
    "rank",
    "text",
    "unit_names",
    "breadth",
    "mean_importance",
    "mentions",
    "votes",
    "borda",
    "theme",
    "quadrant",
    "units",
)
ENTRY_SHEET = (
    "item",
    "unit_name",
    "round_name",
    "theme_name",
    "quadrant_name",
    "text",
    "importance",
    "source_name",
    "respondent",
    "file",
    "line",
    "unit",
    "round",
    "theme",
    "quadrant",
    "source",
)
PRIORITY_SHEET = (
    "theme_name",
    "compared_name",
    "text",
    "local",
    "global",
    "spread_low",
    "spread_high",
    "cr",
    "judged",
    "pairs",
    "theme",
    "compared",
    "item",
)
MESSAGES = catalogue("output/export")


_QUADRANTS = {quadrant.value: quadrant for quadrant in QUADRANT_NAMES}
_SOURCES = {source.value: source for source in SOURCE_NAMES}


def item_rows(merge: RoundMerge) -> list[dict[str, Any]]:
    """One row per merged item, in rank order within each theme × quadrant."""
    rows = []
    for ranked in merge.ranked:
        item = ranked.item
        importance = item.mean_importance
        rows.append(
            {
                "item": item.key,
                "theme": item.theme,
                "quadrant": item.quadrant.value,
                "rank": ranked.rank,
                "text": strip_control(item.text),
                "units": " ".join(item.units),
                "breadth": item.breadth,
                "mean_importance": round(importance, 2) if importance is not None else None,
                "mentions": item.mentions,
                "votes": ranked.votes,
                "borda": ranked.borda,
            }
        )
    return rows


def entry_rows(merge: RoundMerge) -> list[dict[str, Any]]:
    """One row per entry, with the merged item it belongs to, in item order."""
    rows = []
    for ranked in merge.ranked:
        for entry in ranked.item.entries:
            rows.append(
                {
                    "item": ranked.item.key,
                    "unit": entry.unit,
                    "round": entry.round,
                    "theme": entry.theme,
                    "quadrant": entry.quadrant.value,
                    "text": strip_control(entry.text),
                    "importance": entry.importance,
                    "source": entry.source.value,
                    "respondent": entry.respondent,
                    "file": f"entries/{entry.round}/{entry.unit}.yaml",
                    "line": entry.line,
                }
            )
    return rows


def priority_rows(merge: RoundMerge) -> list[dict[str, Any]]:
    """One row per factor of every A'WOT matrix of the round (none without priorities.yaml):
    the quadrants' weights (``compared`` = quadrants) and each item's local and global
    priority, with the spread over raters, the matrix's CR and how many pairs were judged."""
    if merge.awot is None:
        return []
    rows = []
    for theme_id, awot in merge.awot.themes.items():
        matrices = [awot.quadrants] if awot.quadrants else []
        for result in [*matrices, *awot.factors.values()]:
            for factor in result.factors:
                local = result.local(factor.key)
                overall = None
                if result is not awot.quadrants:
                    overall = (awot.priority(factor.key) or (None, None))[1]
                spread = result.spread(factor.key)
                rows.append(
                    {
                        "theme": theme_id,
                        "compared": result.name,
                        "item": factor.key,
                        "text": strip_control(factor.text),
                        "local": _rounded(local),
                        "global": _rounded(overall),
                        "spread_low": _rounded(spread[0]) if spread else None,
                        "spread_high": _rounded(spread[1]) if spread else None,
                        "cr": _rounded(result.group.cr) if result.group else None,
                        "judged": result.judged,
                        "pairs": result.pairs,
                    }
                )
    return rows


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def json_text(merge: RoundMerge) -> str:
    """``as_json`` as the text ``swot export --json`` prints (and ``--format json -o`` writes)."""
    import json

    return json.dumps(as_json(merge), ensure_ascii=False, indent=2) + "\n"


def as_json(merge: RoundMerge) -> dict[str, Any]:
    """The round's merge for scripts: method, warnings, items and entries, why each item's
    wordings are together ("merges": the links of each item with their scores and what the two
    texts share) and the A'WOT priorities when the round has judgments."""
    from swot.analysis.grouping import merge_explanations

    data: dict[str, Any] = {
        "workshop": merge.workshop.workshop.name,
        "round": merge.round.id,
        "method": merge.method,
        "similarity": merge.similarity,
        "warnings": [w.as_dict() for w in merge.warnings],
        "items": item_rows(merge),
        "entries": entry_rows(merge),
        "merges": merge_explanations(merge.items),
    }
    priorities = priority_rows(merge)
    if priorities:
        data["priorities"] = priorities
    return data


def sheet_rows(merge: RoundMerge, lang: str) -> dict[str, tuple[tuple[str, ...], list[dict]]]:
    """The items and entries sheets: the JSON rows with names in ``lang`` beside the ids."""
    workshop = merge.workshop.workshop
    themes = {t.id: t.name(lang) for t in workshop.themes}
    units = {u.id: u.name for u in workshop.units}

    def named(row: dict[str, Any]) -> dict[str, Any]:
        extra: dict[str, Any] = {
            "theme_name": themes.get(row["theme"], row["theme"]),
            "quadrant_name": QUADRANT_NAMES[_QUADRANTS[row["quadrant"]]][lang],
        }
        if "units" in row:
            extra["unit_names"] = ", ".join(units.get(u, u) for u in row["units"].split())
        if "unit" in row:
            extra["unit_name"] = units.get(row["unit"], row["unit"])
            extra["round_name"] = merge.round.title()
            extra["source_name"] = SOURCE_NAMES[_SOURCES[row["source"]]][lang]
        return row | extra

    sheets = {
        "items": (ITEM_SHEET, [named(r) for r in item_rows(merge)]),
        "entries": (ENTRY_SHEET, [named(r) for r in entry_rows(merge)]),
    }
    priorities = priority_rows(merge)
    if priorities:  # only a round with A'WOT judgments: the others export what they did
        sheets["priorities"] = (
            PRIORITY_SHEET,
            [_named_priority(r, themes, lang) for r in priorities],
        )
    return sheets


def _named_priority(row: dict[str, Any], themes: dict[str, str], lang: str) -> dict[str, Any]:
    """A priorities row with the theme's and the matrix's names; a quadrant compared with the
    others is named, not written as its id."""
    quadrant = _QUADRANTS.get(row["compared"])
    compared = QUADRANT_NAMES[quadrant][lang] if quadrant else say(MESSAGES, "quadrants", lang)
    text = row["text"]
    if quadrant is None and row["item"] in _QUADRANTS:
        text = QUADRANT_NAMES[_QUADRANTS[row["item"]]][lang]
    return row | {
        "theme_name": themes.get(row["theme"], row["theme"]),
        "compared_name": compared,
        "text": text,
    }


def headings(columns: tuple[str, ...], lang: str) -> list[str]:
    return [say(MESSAGES, f"col.{column}", lang) for column in columns]


def _cell(value: Any) -> Any:
    """A value a spreadsheet shows as written: no formula, no control characters."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_text(rows: list[dict[str, Any]], columns: tuple[str, ...], lang: str) -> str:
    """Rows as CSV text (with a BOM) in the dialect a spreadsheet in ``lang`` expects."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";" if lang == "sv" else ",", lineterminator="\r\n")
    writer.writerow(headings(columns, lang))
    for row in rows:
        writer.writerow(["" if row[c] is None else _decimal(_cell(row[c]), lang) for c in columns])
    return "\ufeff" + buffer.getvalue()


def _decimal(value: Any, lang: str) -> Any:
    if isinstance(value, float) and lang == "sv":
        return str(value).replace(".", ",")
    return value


def xlsx_bytes(merge: RoundMerge, lang: str) -> bytes:
    """A workbook with an items and an entries sheet; texts stay text, never formulas."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    for name, (columns, rows) in sheet_rows(merge, lang).items():
        sheet = book.create_sheet(say(MESSAGES, f"sheet.{name}", lang))
        sheet.append(headings(columns, lang))
        for row in rows:
            sheet.append([None for _ in columns])
            for index, column in enumerate(columns, start=1):
                cell = sheet.cell(row=sheet.max_row, column=index)
                value = row[column]
                cell.value = strip_control(value) if isinstance(value, str) else value
                if isinstance(value, str):
                    cell.data_type = "s"  # never a formula, whatever the text starts with
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = sheet.dimensions
        for index, column in enumerate(columns, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = 60 if column == "text" else 14
    if merge.round.date is not None:
        import datetime as dt

        stamp = dt.datetime.combine(merge.round.date, dt.time())
        book.properties.created = stamp
        book.properties.modified = stamp
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def write_export(merge: RoundMerge, folder: Path, fmt: str, lang: str) -> list[Path]:
    """Write ``items.csv`` + ``entries.csv``, ``swot-<round>.xlsx`` or ``swot-<round>.json``
    into ``folder``."""
    from swot.files.storage import atomic_write_bytes, atomic_write_text

    if fmt == "xlsx":
        path = folder / f"swot-{merge.round.id}.xlsx"
        atomic_write_bytes(path, xlsx_bytes(merge, lang))
        return [path]
    if fmt == "json":
        path = folder / f"swot-{merge.round.id}.json"
        atomic_write_text(path, json_text(merge))
        return [path]
    written = []
    for name, (columns, rows) in sheet_rows(merge, lang).items():
        path = folder / f"{name}.csv"
        atomic_write_text(path, csv_text(rows, columns, lang))
        written.append(path)
    return written
