"""``swot collect`` without prompts: --text and --from, with the loader's checks and messages."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from swot.cli import app
from swot.files.entries import read_entries_file

SV = {"language": "sv"}


def collect(folder: Path, *args: str) -> object:
    return CliRunner().invoke(app, ["collect", "--workshop", str(folder), *args])


def entries(folder: Path, unit: str = "hoganas", round_id: str = "baseline") -> list:
    return read_entries_file(folder / "entries" / round_id / f"{unit}.yaml").entries


def test_text_option_saves_an_entry_with_the_workshop_language_keys(make_workshop) -> None:
    folder = make_workshop(**SV)

    result = collect(
        folder, "-u", "Höganäs", "-t", "jämställdhet", "-q", "svagheter", "--text", "Ingen plan",
        "-i", "4",
    )  # fmt: skip

    assert result.exit_code == 0, result.output
    assert (
        result.output
        == "✓ Sparade 1 post i " + str(folder / "entries/baseline/hoganas.yaml") + "\n"
    )
    text = (folder / "entries/baseline/hoganas.yaml").read_text(encoding="utf-8")
    assert text.endswith(
        "- tema: jämställdhet\n  kvadrant: svagheter\n  text: Ingen plan\n  vikt: 4\n"
        "  källa: enkät\n"
    )


def test_new_file_starts_with_the_entries_header(make_workshop) -> None:
    folder = make_workshop(**SV)

    collect(folder, "-u", "hoganas", "-t", "equality", "-q", "S", "--text", "Bra chefer")

    text = (folder / "entries/baseline/hoganas.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schema/entries.schema.json\n")
    assert "# Höganäs · baseline\n" in text


def test_respondent_new_takes_the_next_free_id_from_the_file(make_workshop) -> None:
    folder = make_workshop(
        entries={
            "baseline/hoganas": "- theme: equality\n  quadrant: S\n  text: A\n  respondent: r07\n"
        }
    )

    result = collect(
        folder, "-u", "hoganas", "-t", "equality", "-q", "S", "--text", "B", "--text", "C",
        "--respondent", "new",
    )  # fmt: skip

    assert result.exit_code == 0, result.output
    assert [(e.text, e.respondent) for e in entries(folder)] == [
        ("A", "r07"),
        ("B", "r08"),
        ("C", "r08"),
    ]


def test_mode_workshop_marks_entries_as_workshop_entries(make_workshop) -> None:
    folder = make_workshop()

    collect(folder, "-u", "bjuv", "-t", "equality", "-q", "T", "-m", "workshop", "--text", "X")

    assert entries(folder, "bjuv")[0].source.value == "workshop"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-i", "7"], "--importance: 7 is outside 1–5\n"),
        (["-i", "high"], "--importance: 'high' is not a whole number\n"),
        (
            ["-q", "weakness-es"],
            "--quadrant: 'weakness-es' is not a quadrant; did you mean 'weaknesses'? (use "
            "strengths, weaknesses, opportunities or threats (or styrkor, svagheter, "
            "möjligheter, hot; S/W/O/T))\n",
        ),
        (["--text", "x" * 2001], "--text: the text is 2001 characters; at most 2000 are allowed\n"),
    ],
    ids=["importance-range", "importance-not-number", "quadrant", "too-long"],
)
def test_a_bad_option_value_exits_2_with_the_loader_message(
    make_workshop, args: list[str], message: str
) -> None:
    folder = make_workshop()
    base = {"-u": "hoganas", "-t": "equality", "-q": "W", "--text": "Bra"}
    for flag, value in zip(args[::2], args[1::2], strict=True):
        base[flag] = value

    result = collect(folder, *[part for pair in base.items() for part in pair])

    assert result.exit_code == 2
    assert result.output == message
    assert not (folder / "entries/baseline/hoganas.yaml").exists()


def test_text_without_unit_theme_quadrant_names_what_is_missing(make_workshop) -> None:
    folder = make_workshop()

    result = collect(folder, "--text", "Bra")

    assert result.exit_code == 2
    assert result.output.startswith("--text also needs --unit, --theme, --quadrant\n")


def test_unknown_unit_suggests_the_closest(make_workshop) -> None:
    folder = make_workshop()

    result = collect(folder, "-u", "hoganes", "-t", "equality", "-q", "S", "--text", "Bra")

    assert result.exit_code == 2
    assert result.output == (
        "'hoganes' is not a unit of this workshop; did you mean 'hoganas'?\n"
        "  → give a unit's id or name from workshop.yaml: hoganas, bjuv\n"
    )


def test_collect_refuses_to_append_to_a_file_with_mistakes(make_workshop) -> None:
    broken = (
        "- theme: equality\n  quadrant: S\n  text: A\n- theme: equality\n  quadrant: X\n  text: B\n"
    )
    folder = make_workshop(entries={"baseline/hoganas": broken})
    path = folder / "entries/baseline/hoganas.yaml"

    result = collect(folder, "-u", "hoganas", "-t", "equality", "-q", "S", "--text", "C")

    assert result.exit_code == 1
    assert result.output == (
        f"{path} has mistakes, so swot will not add to it:\n"
        f"{path}:5:13: entry 2 (text 'B') → quadrant: 'X' is not a quadrant\n"
        "  → use strengths, weaknesses, opportunities or threats (or styrkor, svagheter, "
        "möjligheter, hot; S/W/O/T)\n"
        "  → fix the mistakes (swot validate lists them) and run swot collect again\n"
    )
    assert path.read_text(encoding="utf-8") == broken


def test_from_yaml_saves_every_entry(make_workshop, tmp_path: Path) -> None:
    folder = make_workshop()
    source = tmp_path / "in.yaml"
    source.write_text(
        "- tema: jämställdhet\n  kvadrant: styrkor\n  text: Ett\n"
        "- theme: accessibility\n  quadrant: T\n  text: Två\n  importance: 2\n",
        encoding="utf-8",
    )

    result = collect(folder, "--from", str(source), "--unit", "bjuv")

    assert result.exit_code == 0, result.output
    assert [(e.theme, e.quadrant.value, e.text) for e in entries(folder, "bjuv")] == [
        ("equality", "strengths", "Ett"),
        ("accessibility", "threats", "Två"),
    ]


def test_from_yaml_with_a_mistake_saves_nothing_and_names_the_line(
    make_workshop, tmp_path: Path
) -> None:
    folder = make_workshop()
    source = tmp_path / "in.yaml"
    source.write_text(
        "- theme: equality\n  quadrant: S\n  text: Ett\n"
        "- theme: equality\n  quadrant: S\n  text: Två\n  importance: 9\n",
        encoding="utf-8",
    )

    result = collect(folder, "--from", str(source), "--unit", "bjuv")

    assert result.exit_code == 1
    assert result.output == (
        f"{source}:7:15: entry 2 (text 'Två') → importance: 9 is outside 1–5\n"
        "  → use a number from 1 to 5\n"
    )
    assert not (folder / "entries/baseline/bjuv.yaml").exists()


def test_from_csv_spreads_rows_over_units_and_fills_defaults(make_workshop, tmp_path: Path) -> None:
    folder = make_workshop()
    source = tmp_path / "export.csv"
    source.write_text(
        "Tidsstämpel;Enhet;Kvadrant;Text;Vikt;Svarande\n"
        "2025-09-18 10:01;Höganäs;svagheter;Ingen hiss;4;17\n"
        "2025-09-18 10:05;Bjuv;S;Flexibla lösningar;;18\n"
        ";;;;;\n"
        "2025-09-18 10:07;hoganas;hot;Neddragningar;5;19\n",
        encoding="utf-8-sig",
    )

    result = collect(folder, "--from", str(source), "--theme", "tillgänglighet")

    assert result.exit_code == 0, result.output
    assert [(e.quadrant.value, e.text, e.importance, e.respondent) for e in entries(folder)] == [
        ("weaknesses", "Ingen hiss", 4, "r01"),  # ids from another file are renumbered
        ("threats", "Neddragningar", 5, "r02"),
    ]
    assert [e.theme for e in entries(folder, "bjuv")] == ["accessibility"]
    assert (
        f"{source}:1:1: the column 'Tidsstämpel' is not a field of an entry and is not read\n"
        "  → columns that are read: theme, quadrant, text, importance, source, respondent, note\n"
    ) in result.output


def test_from_csv_reports_each_bad_cell_at_its_line_and_column(
    make_workshop, tmp_path: Path
) -> None:
    folder = make_workshop()
    source = tmp_path / "export.csv"
    source.write_text(
        "theme,quadrant,text,importance\nequality,S,Bra,3\nequality,Q,Dålig,3\nequality,W,,6\n",
        encoding="utf-8",
    )

    result = collect(folder, "--from", str(source), "--unit", "hoganas")

    assert result.exit_code == 1
    assert result.output == (
        f"{source}:3:2: entry 2 (text 'Dålig') → quadrant: 'Q' is not a quadrant\n"
        "  → use strengths, weaknesses, opportunities or threats (or styrkor, svagheter, "
        "möjligheter, hot; S/W/O/T)\n"
        f"{source}:4:1: entry 3: 'text' is missing\n"
        "  → add a line 'text: …' to this item\n"
        f"{source}:4:4: entry 3 → importance: 6 is outside 1–5\n"
        "  → use a number from 1 to 5\n"
    )
    assert not (folder / "entries/baseline/hoganas.yaml").exists()


def test_piping_into_collect_without_options_exits_2_naming_the_options(
    make_workshop, swot_command: list[str]
) -> None:
    folder = make_workshop()

    done = subprocess.run(
        [*swot_command, "collect", "--workshop", str(folder)],
        input="Ingen hiss\n",
        capture_output=True,
        text=True,
        timeout=30,
    )

    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == (
        "swot collect needs a terminal to ask its questions. Without one, give the entries as "
        "options: --unit, --theme, --quadrant and --text (with --importance, --respondent, "
        "--round, --mode as needed), or --from FILE (YAML or CSV).\n"
        "  → example: swot collect --unit hoganas --theme equality --quadrant weaknesses --text "
        '"No plan for activities" --importance 4\n'
    )


def test_piping_into_a_swedish_workshop_answers_in_swedish(
    make_workshop, swot_command: list[str]
) -> None:
    folder = make_workshop(**SV)

    done = subprocess.run(
        [*swot_command, "collect", "--workshop", str(folder)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=30,
    )

    assert done.returncode == 2
    assert done.stderr.startswith("swot collect behöver en terminal för att ställa frågor.")
    assert "Traceback" not in done.stderr


def test_help_shows_an_example(runner: CliRunner) -> None:
    result = runner.invoke(app, ["collect", "--help"])

    assert result.exit_code == 0
    assert "Example: swot collect workshops/hoganasmodellen" in result.output


def test_collect_help_does_not_import_questionary(swot_command: list[str]) -> None:
    code = (
        "import sys; from swot.cli import app\n"
        "try:\n    app(['collect', '--help'], prog_name='swot')\n"
        "except SystemExit:\n    pass\n"
        "print('questionary' in sys.modules)"
    )

    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=30)

    assert done.stdout.strip().endswith("False")


def test_collecting_loads_no_module_only_merging_or_exporting_needs(
    swot_command: list[str],
) -> None:
    code = (
        "import sys, swot.cli, swot.cli.prompts, questionary\n"
        "print([m for m in ('jinja2', 'rapidfuzz', 'numpy', 'openpyxl') if m in sys.modules])"
    )

    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=30)

    assert done.stdout.strip() == "[]"
