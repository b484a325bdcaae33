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
    assert [
        (i["Quadrant"], i["Quadrant id"], i["Text"], i["Mentions"], i["Mean importance"])
        for i in items
    ] == [
        ("Strengths", "strengths", "Öppet klimat", "2", "4.5"),
        ("Threats", "threats", '\'=HYPERLINK("http://example.com")', "1", ""),
    ]
    assert [(e["Item id"], e["Unit"], e["Unit id"], e["Line"]) for e in entries][:2] == [
        (items[0]["Item id"], "Höganäs", "hoganas", "1"),
        (items[0]["Item id"], "Höganäs", "hoganas", "5"),
    ]


def test_csv_for_a_swedish_workshop_uses_semicolons_and_decimal_commas(
    make_workshop: Callable[..., Path], runner: CliRunner
) -> None:
    folder = make_workshop({"baseline/hoganas": ENTRIES}, language="sv")
    assert runner.invoke(app, ["export", str(folder)]).exit_code == 0
    text = (folder / "handouts" / "baseline" / "items.csv").read_text("utf-8")
    assert text.startswith(
        "\ufeffPunkt-id;Tema;Kvadrant;Rang;Text;Enheter;Antal enheter;Medelvikt;Omnämnanden;"
        "Röster;Bordapoäng;Tema-id;Kvadrant-id;Enhets-id\n"
    )
    assert (
        ";Jämställdhet;Styrkor;1;Öppet klimat;Höganäs;1;4,5;2;;;equality;strengths;hoganas\n"
        in text
    )
    entries = (folder / "handouts" / "baseline" / "entries.csv").read_text("utf-8")
    assert ";Höganäs;baseline;Jämställdhet;Hot;" in entries and ";enkät;" in entries


def test_xlsx_export_keeps_formula_like_text_as_text(runner: CliRunner, workshop: Path) -> None:
    from openpyxl import load_workbook

    result = runner.invoke(app, ["export", str(workshop), "--format", "xlsx"])
    assert result.exit_code == 0, result.output
    book = load_workbook(workshop / "handouts" / "baseline" / "swot-baseline.xlsx")
    assert book.sheetnames == ["Items", "Entries"]
    texts = [row[4].value for row in book["Items"].iter_rows(min_row=2)]
    assert texts == ["Öppet klimat", '=HYPERLINK("http://example.com")']  # no ' guard shown
    assert [row[4].data_type for row in book["Items"].iter_rows(min_row=2)] == ["s", "s"]
    assert book["Items"].auto_filter.ref == "A1:N3"
    assert book["Entries"].auto_filter.ref == "A1:P4"


def test_xlsx_of_a_swedish_workshop_has_swedish_sheets_headings_and_names(
    make_workshop: Callable[..., Path], runner: CliRunner
) -> None:
    from openpyxl import load_workbook

    folder = make_workshop(
        {"baseline/hoganas": ENTRIES + "- theme: equality\n  quadrant: w\n  text: '- no'\n"},
        language="sv",
    )
    assert runner.invoke(app, ["export", str(folder), "-f", "xlsx"]).exit_code == 0
    book = load_workbook(folder / "handouts" / "baseline" / "swot-baseline.xlsx")
    assert book.sheetnames == ["Punkter", "Poster"]
    head = [cell.value for cell in book["Poster"][1]]
    assert head[:8] == ["Punkt-id", "Enhet", "Omgång", "Tema", "Kvadrant", "Text", "Vikt", "Källa"]
    rows = [[c.value for c in row] for row in book["Poster"].iter_rows(min_row=2)]
    no = next(row for row in rows if row[5] == "- no")  # typed text, shown without a guard
    assert (no[1], no[3], no[4], no[7], no[11], no[13]) == (
        "Höganäs",
        "Jämställdhet",
        "Svagheter",
        "enkät",
        "hoganas",
        "equality",
    )
    assert all(not str(r[5]).startswith("'") for r in rows)


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
