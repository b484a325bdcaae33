"""swot export: entries and merged items as CSV, XLSX and JSON."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from swot.cli import app

ENTRIES = """\
- theme: equality
  quadrant: strengths
  text: Öppet klimat
  importance: 5
- theme: equality
  quadrant: strengths
  text: öppet klimat.
  importance: 4
- theme: equality
  quadrant: threats
  text: "=HYPERLINK(\\"http://example.com\\")"
"""


@pytest.fixture
def workshop(make_workshop: Callable[..., Path]) -> Path:
    return make_workshop({"baseline/hoganas": ENTRIES})


def test_csv_export_writes_items_and_entries(runner: CliRunner, workshop: Path) -> None:
    result = runner.invoke(app, ["export", str(workshop)])
    assert result.exit_code == 0, result.output
    folder = workshop / "handouts" / "baseline"
    items = list(csv.DictReader(io.StringIO((folder / "items.csv").read_text("utf-8-sig"))))
    entries = list(csv.DictReader(io.StringIO((folder / "entries.csv").read_text("utf-8-sig"))))
    assert [(i["quadrant"], i["text"], i["mentions"], i["mean_importance"]) for i in items] == [
        ("strengths", "Öppet klimat", "2", "4.5"),
        ("threats", '\'=HYPERLINK("http://example.com")', "1", ""),
    ]
    assert [(e["item"], e["line"]) for e in entries][:2] == [
        (items[0]["item"], "1"),
        (items[0]["item"], "5"),
    ]


def test_csv_for_a_swedish_workshop_uses_semicolons_and_decimal_commas(
    make_workshop: Callable[..., Path], runner: CliRunner
) -> None:
    folder = make_workshop({"baseline/hoganas": ENTRIES}, language="sv")
    assert runner.invoke(app, ["export", str(folder)]).exit_code == 0
    text = (folder / "handouts" / "baseline" / "items.csv").read_text("utf-8")
    assert text.startswith("\ufeffitem;theme;quadrant;rank;text;")
    assert ";4,5;" in text


def test_xlsx_export_keeps_formula_like_text_as_text(runner: CliRunner, workshop: Path) -> None:
    from openpyxl import load_workbook

    result = runner.invoke(app, ["export", str(workshop), "--format", "xlsx"])
    assert result.exit_code == 0, result.output
    book = load_workbook(workshop / "handouts" / "baseline" / "swot-baseline.xlsx")
    assert book.sheetnames == ["items", "entries"]
    texts = [row[4].value for row in book["items"].iter_rows(min_row=2)]
    assert texts == ["Öppet klimat", '=HYPERLINK("http://example.com")']
    assert [row[4].data_type for row in book["items"].iter_rows(min_row=2)] == ["s", "s"]


def test_json_export_prints_items_and_entries(runner: CliRunner, workshop: Path) -> None:
    result = runner.invoke(app, ["export", str(workshop), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert (data["round"], data["method"], len(data["items"]), len(data["entries"])) == (
        "baseline",
        "breadth",
        2,
        3,
    )


def test_unknown_format_is_a_usage_error(runner: CliRunner, workshop: Path) -> None:
    result = runner.invoke(app, ["export", str(workshop), "--format", "ods"])
    assert result.exit_code == 2
    assert "--format must be csv, xlsx or json, not 'ods'" in result.output
