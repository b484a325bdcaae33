"""`swot status` on the command line: tables, flags, JSON, errors."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from swot.cli import app

EXAMPLES = Path(__file__).resolve().parent.parent / "workshops"


def survey(*respondents: str) -> str:
    return "".join(
        f"- theme: equality\n  quadrant: weaknesses\n  text: answer {r}\n  respondent: {r}\n"
        for r in respondents
    )


@pytest.fixture
def two_rounds(make_workshop: Callable[..., Path]) -> Path:
    """Höganäs 3 of 4 and Bjuv 1 of 4 in the baseline; only Höganäs in the follow-up."""
    return make_workshop(
        entries={
            "baseline/hoganas": survey("r1", "r2", "r3"),
            "baseline/bjuv": survey("r1"),
            "followup/hoganas": survey("r1", "r2"),
        },
        rounds={"baseline": {"hoganas": 4, "bjuv": 4}, "followup": {"hoganas": 4, "bjuv": 4}},
    )


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["status", *args])
    return result.exit_code, result.stdout, result.stderr


def test_status_shows_the_latest_round_by_default(runner: CliRunner, two_rounds: Path) -> None:
    code, out, _ = run(runner, "-w", str(two_rounds))
    assert code == 0
    assert out.splitlines()[0] == "Test · followup"


def test_unit_below_target_is_flagged_in_the_table_and_summary(
    runner: CliRunner, two_rounds: Path
) -> None:
    code, out, _ = run(runner, "-w", str(two_rounds), "--round", "baseline")
    assert code == 0
    first_table = out.split("Entries on")[0]
    rows = {line.split("│")[1].strip(): line for line in first_table.splitlines() if "│" in line}
    assert "3 of 4" in rows["Höganäs"] and "75%" in rows["Höganäs"] and "✓ met" in rows["Höganäs"]
    assert (
        "1 of 4" in rows["Bjuv"] and "25%" in rows["Bjuv"] and "✗ not yet: 2 more" in rows["Bjuv"]
    )
    assert "Below the target: Bjuv (2 more)." in out.splitlines()


def test_status_speaks_the_workshop_language(
    runner: CliRunner, make_workshop: Callable[..., Path]
) -> None:
    folder = make_workshop(
        language="sv",
        entries={"baseline/hoganas": survey("r1")},
        rounds={"baseline": {"hoganas": 4, "bjuv": 4}},
    )
    _, out, _ = run(runner, "-w", str(folder))
    lines = out.splitlines()
    assert "Mål: 75 % av de förväntade svarande i varje enhet" in lines
    assert "Under målet: Höganäs (2 till), Bjuv (3 till)." in lines
    assert "Enheter utan fil än: Bjuv" in lines


def test_lang_option_overrides_the_workshop_language(
    runner: CliRunner, make_workshop: Callable[..., Path]
) -> None:
    folder = make_workshop(language="sv", rounds={"baseline": {"hoganas": 4, "bjuv": 4}})
    _, out, _ = run(runner, "-w", str(folder), "--lang", "en")
    assert "Units with no file yet: Höganäs, Bjuv" in out.splitlines()


def test_units_without_file_are_listed(runner: CliRunner, two_rounds: Path) -> None:
    _, out, _ = run(runner, "-w", str(two_rounds))
    assert "Units with no file yet: Bjuv" in out.splitlines()
    assert "✗ no file yet" in out


def test_file_errors_are_listed_with_file_and_line(
    runner: CliRunner, make_workshop: Callable[..., Path]
) -> None:
    text = survey("r1") + "- theme: equality\n  quadrant: sideways\n  text: x\n"
    folder = make_workshop(entries={"baseline/hoganas": text})
    code, out, _ = run(runner, "-w", str(folder))
    assert code == 0
    lines = out.splitlines()
    start = lines.index("Files with errors (their readable entries are counted):")
    assert lines[start + 1].endswith(
        "entries/baseline/hoganas.yaml:6:13: entry 2 (text 'x') → quadrant: "
        "'sideways' is not a quadrant"
    )


def test_unit_with_no_expected_count_is_explained_not_divided_by(
    runner: CliRunner, make_workshop: Callable[..., Path]
) -> None:
    folder = make_workshop(
        entries={"baseline/bjuv": survey("r1")}, rounds={"baseline": {"hoganas": 4}}
    )
    code, out, _ = run(runner, "-w", str(folder))
    assert code == 0
    assert "? no expected count" in out
    assert (
        "    → in workshop.yaml, add 'bjuv: N' under rounds → baseline → expected"
        in out.splitlines()
    )


def test_all_rounds_shows_every_round_in_order(runner: CliRunner, two_rounds: Path) -> None:
    _, out, _ = run(runner, "-w", str(two_rounds), "--all-rounds")
    titles = [line for line in out.splitlines() if line.startswith("Test · ")]
    assert titles == ["Test · baseline", "Test · followup"]


def test_json_gives_rates_and_flags_for_scripts(runner: CliRunner, two_rounds: Path) -> None:
    code, out, _ = run(runner, "-w", str(two_rounds), "--round", "baseline", "--json")
    assert code == 0
    document = json.loads(out)
    [baseline] = document["rounds"]
    assert (document["target"], baseline["round"], baseline["units_below_target"]) == (
        75,
        "baseline",
        ["bjuv"],
    )
    bjuv = baseline["units"][1]
    keys = ("unit", "respondents", "expected", "rate", "answers_needed", "respondents_left")
    assert {k: bjuv[k] for k in keys} == {
        "unit": "bjuv",
        "respondents": 1,
        "expected": 4,
        "rate": 0.25,
        "answers_needed": 2,
        "respondents_left": 3,
    }
    assert bjuv["entries_by_theme"]["equality"]["weaknesses"] == 1


def test_unknown_round_is_a_usage_error_with_a_suggestion(
    runner: CliRunner, two_rounds: Path
) -> None:
    code, out, err = run(runner, "-w", str(two_rounds), "--round", "basline")
    assert (code, out) == (2, "")
    assert err == (
        "'basline' is not a round of this workshop; did you mean 'baseline'?\n"
        "  → give a round's id or title from workshop.yaml: baseline, followup\n"
    )


def test_round_and_all_rounds_together_is_a_usage_error(
    runner: CliRunner, two_rounds: Path
) -> None:
    code, _, err = run(runner, "-w", str(two_rounds), "--round", "baseline", "--all-rounds")
    assert code == 2
    assert err.splitlines()[0] == "--round and --all-rounds cannot be used together"


def test_missing_workshop_is_a_data_error(runner: CliRunner, tmp_path: Path) -> None:
    code, _, err = run(runner, "-w", str(tmp_path))
    assert code == 1
    assert "no workshop.yaml found in" in err


def test_help_has_an_example(runner: CliRunner) -> None:
    result = runner.invoke(app, ["status", "--help"])
    assert result.exit_code == 0
    assert "Example: swot status workshops/hoganasmodellen" in result.stdout


def test_status_runs_on_the_example_workshop(runner: CliRunner) -> None:
    code, out, err = run(runner, "-w", str(EXAMPLES / "hoganasmodellen"), "--all-rounds")
    assert (code, err) == (0, "")
    assert "Förprojektering (nulägesanalys)" in out


def test_workshop_may_be_given_as_argument_or_option(runner, make_workshop) -> None:
    folder = make_workshop()
    by_argument = runner.invoke(app, ["status", str(folder), "--json"])
    by_option = runner.invoke(app, ["status", "--workshop", str(folder), "--json"])
    assert by_argument.exit_code == by_option.exit_code == 0
    assert by_argument.output == by_option.output
