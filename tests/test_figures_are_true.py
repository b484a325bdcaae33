"""Issue 17: what the figures claim must be true.

Compare calls an item resolved only on evidence, a typo removes one entry and not a unit, validate
never gives an all-clear for files it did not check, entries from another laptop keep their
respondents apart, and a unit that joined later is not missing before it joined.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from swot.cli import app


def entry(quadrant: str, text: str, respondent: str = "r01", theme: str = "equality") -> str:
    return (
        f"- theme: {theme}\n  quadrant: {quadrant}\n  text: {text}\n"
        f"  importance: 3\n  respondent: {respondent}\n"
    )


# ---------------------------------------------------------------- compare: no answer ≠ resolved

UNITS = {"hoganas": "Höganäs", "bjuv": "Bjuv", "klippan": "Klippan"}
ROUNDS = {"before": dict.fromkeys(UNITS, 2), "after": dict.fromkeys(UNITS, 2)}


@pytest.fixture
def non_response(make_workshop: Callable[..., Path]) -> Path:
    """Klippan answers only in the first round; Höganäs and Bjuv answer in both."""
    return make_workshop(
        {
            "before/hoganas": entry("weaknesses", "No plan for equality work")
            + entry("weaknesses", "The lift is often broken", "r02"),
            "before/bjuv": entry("weaknesses", "No plan for equality work"),
            "before/klippan": entry("weaknesses", "Managers have no time for equality")
            + entry("threats", "Budget cuts next year"),
            "after/hoganas": entry("weaknesses", "No plan for equality work")
            + entry("weaknesses", "The lift is often broken", "r02"),
            "after/bjuv": entry("weaknesses", "No plan for equality work"),
        },
        units=UNITS,
        rounds=ROUNDS,
    )


def compare_json(runner: CliRunner, folder: Path) -> dict:
    result = runner.invoke(app, ["compare", "before", "after", "-w", str(folder), "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def quadrant(report: dict, name: str) -> dict:
    return next(q for q in report["themes"][0]["quadrants"] if q["quadrant"] == name)


def test_items_of_a_unit_that_did_not_answer_again_are_not_resolved(
    non_response: Path, runner: CliRunner
) -> None:
    report = compare_json(runner, non_response)
    weaknesses = quadrant(report, "weaknesses")
    assert (weaknesses["before"], weaknesses["after"], weaknesses["resolved"]) == (2, 2, 0)
    texts = [i["text"] for kind in weaknesses["items"].values() for i in kind]
    assert "Managers have no time for equality" not in texts
    assert quadrant(report, "threats")["resolved"] == 0


def test_the_unit_left_out_is_named_in_the_terminal_the_report_and_the_json(
    non_response: Path, runner: CliRunner
) -> None:
    result = runner.invoke(app, ["compare", "before", "after", "-w", str(non_response)])
    assert result.exit_code == 0, result.output
    line = (
        "Not compared (did not answer in both rounds): Klippan (no answers in after). Their "
        "items are counted neither as resolved nor as new."
    )
    assert line in result.output
    report = (non_response / "handouts" / "compare-before-after" / "compare.html").read_text()
    assert line in report
    assert line in (non_response / "handouts" / "compare-before-after" / "compare.md").read_text()
    document = compare_json(runner, non_response)
    assert document["compared_units"] == ["hoganas", "bjuv"]
    assert document["not_compared_units"] == [{"unit": "Klippan", "no_answers_in": "after"}]


def test_no_needs_decreased_sentence_when_the_decrease_was_only_non_response(
    non_response: Path, runner: CliRunner
) -> None:
    summary = quadrant(compare_json(runner, non_response), "weaknesses")["summary"]
    assert summary == (
        "Weaknesses in gender equality: 2 → 2 (±0); 0 resolved, 0 new. As many development needs as "
        "before (compared for the 2 of 3 units that answered in both rounds; response rate "
        "75% → 75%; below the 75% target in the follow-up: Bjuv)."
    )
    assert "decreased" not in summary


def test_needs_decreased_sentence_carries_the_units_and_rates_it_rests_on(
    non_response: Path, runner: CliRunner
) -> None:
    (non_response / "entries" / "after" / "hoganas.yaml").write_text(
        entry("weaknesses", "No plan for equality work") + entry("strengths", "Open climate")
    )
    weaknesses = quadrant(compare_json(runner, non_response), "weaknesses")
    assert weaknesses["needs_decreased"] is True
    assert weaknesses["summary"] == (
        "Weaknesses in gender equality: 2 → 1 (−1); 1 resolved, 0 new. Development needs have "
        "decreased (compared for the 2 of 3 units that answered in both rounds; response "
        "rate 75% → 50%; below the 75% target in the follow-up: Höganäs, Bjuv)."
    )


def test_no_trend_at_all_when_no_unit_answered_in_both_rounds(
    make_workshop: Callable[..., Path], runner: CliRunner
) -> None:
    folder = make_workshop(
        {"before/hoganas": entry("weaknesses", "No plan"), "after/bjuv": entry("strengths", "Ok")},
        units=UNITS,
        rounds=ROUNDS,
    )
    report = compare_json(runner, folder)
    weaknesses = quadrant(report, "weaknesses")
    assert weaknesses["needs_decreased"] is None
    assert weaknesses["resolved"] == 0
    assert weaknesses["summary"] == "Weaknesses in gender equality: 0 → 0 (±0); 0 resolved, 0 new"
    result = runner.invoke(app, ["compare", "before", "after", "-w", str(folder)])
    assert "No unit answered in both rounds, so nothing can be said about change." in result.output


# ---------------------------------------------------------------- one typo, one entry


def twenty_entries_one_broken() -> str:
    lines = ["# Höganäs · before\n"]
    for number in range(20):
        text = "Vi säger: alla är välkomna" if number == 7 else f"Punkt {number} om arbetet"
        lines.append(entry("strengths", text, f"r{number + 1:02d}"))
    return "".join(lines)


def test_one_broken_entry_among_20_leaves_19_in_the_merge(
    make_workshop: Callable[..., Path], runner: CliRunner
) -> None:
    folder = make_workshop(
        {"before/hoganas": twenty_entries_one_broken()}, units=UNITS, rounds=ROUNDS
    )
    result = runner.invoke(app, ["merge", str(folder), "-r", "before", "--similarity", "100"])
    assert result.exit_code == 0, result.output
    assert (
        "Höganäs: entries/before/hoganas.yaml has errors; 19 entries included, 1 left out"
        in result.output.replace(str(folder) + "/", "")
    )
    handout = (folder / "handouts" / "before" / "handout.md").read_text()
    assert "19 entries included, 1 left out" in handout
    assert "Punkt 19 om arbetet" in handout and "Punkt 0 om arbetet" in handout
    assert "alla är välkomna" not in handout


def test_the_broken_entry_is_reported_by_its_line(
    make_workshop: Callable[..., Path], runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = make_workshop(
        {"before/hoganas": twenty_entries_one_broken()}, units=UNITS, rounds=ROUNDS
    )
    monkeypatch.chdir(folder)
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 1
    assert result.output.startswith(
        "entries/before/hoganas.yaml:39:17: entry 8: this is not valid YAML: a ': ' where none "
        "may stand (a text containing ': ' must be in quotes)\n"
    )
    status = json.loads(runner.invoke(app, ["status", "-r", "before", "--json"]).output)
    hoganas = next(u for u in status["rounds"][0]["units"] if u["unit"] == "hoganas")
    assert (hoganas["entries"], hoganas["respondents"]) == (19, 19)


def test_collect_still_refuses_to_append_to_a_file_with_a_broken_entry(
    make_workshop: Callable[..., Path], runner: CliRunner
) -> None:
    folder = make_workshop(
        {"before/hoganas": twenty_entries_one_broken()}, units=UNITS, rounds=ROUNDS
    )
    path = folder / "entries" / "before" / "hoganas.yaml"
    before = path.read_bytes()
    result = runner.invoke(
        app,
        [
            "collect",
            "-w",
            str(folder),
            "-r",
            "before",
            "--unit",
            "hoganas",
            "--theme",
            "equality",
            "--quadrant",
            "S",
            "--text",
            "Ny punkt",
        ],
    )
    assert result.exit_code == 1
    assert path.read_bytes() == before


# ---------------------------------------------------------------- validate inside a round folder


@pytest.fixture
def broken_in_round(make_workshop: Callable[..., Path]) -> Path:
    return make_workshop(
        {
            "before/hoganas": entry("strengths", "Vi säger: alla"),
            "before/bjuv": entry("strengths", "Bra klimat"),
        },
        units=UNITS,
        rounds=ROUNDS,
    )


@pytest.mark.parametrize(
    ("where", "arguments"),
    [
        ("entries/before", ["hoganas.yaml"]),
        ("entries/before", []),
        ("entries", []),
        ("entries", ["before"]),
    ],
)
def test_validate_inside_the_entries_folders_finds_the_broken_file(
    broken_in_round: Path,
    runner: CliRunner,
    monkeypatch: pytest.MonkeyPatch,
    where: str,
    arguments: list[str],
) -> None:
    monkeypatch.chdir(broken_in_round / where)
    result = runner.invoke(app, ["validate", *arguments])
    assert result.exit_code == 1, result.output
    assert "hoganas.yaml:3:17: this is not valid YAML" in result.output
    assert "round" not in result.output.split("✗")[0].replace("around", "")


def test_validate_never_reports_success_for_no_file_checked(
    broken_in_round: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = broken_in_round / "notes"
    empty.mkdir()
    monkeypatch.chdir(empty)
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 1
    assert result.output == (
        ".: no swot file to check here (no entries file, workshop.yaml, merges.yaml or "
        "votes.yaml)\n"
        "  → name a workshop folder or the files to check, e.g. swot validate entries/\n"
        "✗ no file checked\n"
    )


# ---------------------------------------------------------------- two laptops, one unit


def test_entries_from_another_laptop_get_fresh_respondent_ids(
    make_workshop: Callable[..., Path], runner: CliRunner
) -> None:
    two = entry("strengths", "Bra klimat") + entry("weaknesses", "Ingen plan", "r02")
    two += entry("threats", "Besparingar", "r02")
    lap_a = make_workshop({"before/bjuv": two}, folder="lapA", rounds=ROUNDS, units=UNITS)
    lap_b = make_workshop({"before/bjuv": two}, folder="lapB", rounds=ROUNDS, units=UNITS)
    result = runner.invoke(
        app,
        [
            "collect",
            "-w",
            str(lap_a),
            "-r",
            "before",
            "--unit",
            "bjuv",
            "--from",
            str(lap_b / "entries" / "before" / "bjuv.yaml"),
        ],
    )
    assert result.exit_code == 0, result.output
    assert (
        "Respondents from the file got new ids so that no one is counted twice: r01 → r03, "
        "r02 → r04" in result.output
    )
    text = (lap_a / "entries" / "before" / "bjuv.yaml").read_text()
    assert text.count("respondent: r03") == 1 and text.count("respondent: r04") == 2
    status = runner.invoke(app, ["status", "-w", str(lap_a), "-r", "before", "--json"])
    units = json.loads(status.output)["rounds"][0]["units"]
    bjuv = next(u for u in units if u["unit"] == "bjuv")
    assert bjuv["respondents"] == 4


# ---------------------------------------------------------------- a unit that joined later


def test_a_unit_that_joins_in_round_two_is_not_missing_in_round_one(
    make_workshop: Callable[..., Path], runner: CliRunner
) -> None:
    folder = make_workshop(
        {
            "before/hoganas": entry("strengths", "Bra klimat"),
            "after/hoganas": entry("strengths", "Bra klimat"),
            "after/klippan": entry("strengths", "Nya lokaler"),
        },
        units={"hoganas": "Höganäs", "klippan": "Klippan"},
        rounds={"before": {"hoganas": 1}, "after": {"hoganas": 1, "klippan": 1}},
    )
    status = runner.invoke(app, ["status", "-w", str(folder), "--all-rounds", "--json"])
    before, after = json.loads(status.output)["rounds"]
    assert [u["unit"] for u in before["units"]] == ["hoganas"]
    assert before["missing_units"] == []
    assert [u["unit"] for u in after["units"]] == ["hoganas", "klippan"]
    text = runner.invoke(app, ["status", "-w", str(folder), "-r", "before"]).output
    assert "Klippan" not in text
    merged = runner.invoke(app, ["merge", str(folder), "-r", "before"])
    assert "Klippan" not in merged.output
    handout = (folder / "handouts" / "before" / "handout.md").read_text()
    assert "Klippan" not in handout
    assert "1 of 1 units" in handout
    compared = json.loads(
        runner.invoke(app, ["compare", "before", "after", "-w", str(folder), "--json"]).output
    )
    assert compared["not_compared_units"] == [{"unit": "Klippan", "no_answers_in": "before"}]


# ---------------------------------------------------------------- the supported range is tested


def test_lowest_constraints_pin_every_runtime_dependency_to_its_lower_bound() -> None:
    import importlib.util

    root = Path(__file__).resolve().parent.parent
    spec = importlib.util.spec_from_file_location("lowest", root / "scripts/lowest_constraints.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    pins = module.lowest_constraints()
    assert len(pins) == 17
    assert "typer==0.16" in pins and "pyyaml==6.0" in pins and "snowballstemmer==2.0" in pins
    assert "typst==0.14.3" in pins and "python-docx==1.1.0" in pins
    assert "starlette==0.40" in pins and "python-multipart==0.0.18" in pins
    assert "lowest_constraints.py" in (root / ".ci" / "run").read_text()
