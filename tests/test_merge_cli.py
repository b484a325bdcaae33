"""swot merge and swot review on the command line: options, errors, terminal summary."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from swot.analysis.grouping import review_pairs
from swot.cli import app
from swot.cli.review_session import run_review
from swot.files.decisions import load_decisions
from swot.files.workshop import load_workshop
from swot.rounds.load import load_round

ENTRIES = """\
- theme: equality
  quadrant: weaknesses
  text: Saknar statistik på kön
  importance: 3
- theme: equality
  quadrant: weaknesses
  text: Vi saknar könsuppdelad statistik
  importance: 4
"""


@pytest.fixture
def workshop(make_workshop: Callable[..., Path]) -> Path:
    return make_workshop({"baseline/hoganas": ENTRIES})


@pytest.mark.parametrize("name", ["merge", "export", "review"])
def test_help_has_an_example(runner: CliRunner, name: str) -> None:
    result = runner.invoke(app, [name, "--help"])
    assert result.exit_code == 0
    assert "Example: swot " + name in result.output


def test_merge_prints_top_items_and_files_written(runner: CliRunner, workshop: Path) -> None:
    result = runner.invoke(app, ["merge", str(workshop)])
    assert result.exit_code == 0, result.output
    assert "2 entries from 1 unit → 2 merged items (similarity ≥ 85, ranked by breadth)" in (
        result.output
    )
    assert "Gender equality · Weaknesses" in result.output
    assert "Vi saknar könsuppdelad statistik" in result.output
    assert "handout.html" in result.output


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--rank", "dots"], "--rank must be breadth, votes, borda or awot, not 'dots'"),
        (["--similarity", "20"], "--similarity must be between 50 and 100, not 20.0"),
        (["--top", "0"], "--top must be between 1 and 20, not 0"),
        (["--date", "13/11"], "--date must be a date like 2025-11-13, not '13/11'"),
        (["--round", "baslinje"], "'baslinje' is not a round"),
    ],
)
def test_bad_options_are_usage_errors(
    runner: CliRunner, workshop: Path, options: list[str], message: str
) -> None:
    result = runner.invoke(app, ["merge", str(workshop), *options])
    assert result.exit_code == 2, result.output
    assert message in result.output


def test_broken_merges_yaml_stops_the_merge_with_exit_1(runner: CliRunner, workshop: Path) -> None:
    (workshop / "merges.yaml").write_text("decision: join\n", encoding="utf-8")
    result = runner.invoke(app, ["merge", str(workshop)])
    assert result.exit_code == 1
    assert "merges.yaml:1:1: merges.yaml must be a list of decisions" in result.output
    assert "Traceback" not in result.output


def test_votes_ranking_uses_votes_yaml(runner: CliRunner, workshop: Path) -> None:
    (workshop / "votes.yaml").write_text(
        "- theme: equality\n  quadrant: weaknesses\n  text: saknar statistik på kön\n  votes: 6\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["merge", str(workshop), "--rank", "votes"])
    assert result.exit_code == 0, result.output
    markdown = (workshop / "handouts" / "baseline" / "handout.md").read_text(encoding="utf-8")
    assert "1. Saknar statistik på kön  \n   *6 votes · 1 of 2 units" in markdown


def test_review_without_a_terminal_is_a_usage_error(runner: CliRunner, workshop: Path) -> None:
    result = runner.invoke(app, ["review", str(workshop)])
    assert result.exit_code == 2
    assert "swot review asks questions and needs a terminal" in result.output


def test_review_answers_are_saved_and_followed_by_merge(runner: CliRunner, workshop: Path) -> None:
    loaded = load_workshop(workshop)
    pairs = review_pairs(load_round(loaded, "baseline").entries)
    asked = []

    def answer(pair: object, header: str, language: str) -> str:
        asked.append(header)
        return "join"

    assert run_review(loaded, pairs, "en", 85.0, answer) == 1
    assert asked == ["1/1 · Gender equality · Weaknesses · similarity 50.3 · now separate"]
    assert [d.kind for d in load_decisions(loaded).decisions] == ["join"]
    result = runner.invoke(app, ["merge", str(workshop)])
    assert "2 entries from 1 unit → 1 merged item" in result.output


def test_the_first_screen_leads_with_what_was_written_and_what_needs_attention(
    runner: CliRunner, workshop: Path
) -> None:
    result = runner.invoke(app, ["merge", str(workshop)])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    written = lines.index("Written:")
    note = lines.index("Please note:")
    tops = lines.index("Ranked first in each quadrant (all tables: swot merge --show):")
    assert written < note < tops
    assert len(lines) < 30  # the quick start fits on one screen (it used to scroll 170 lines)
    assert " ".join(lines[tops + 2].split()) == (
        "Gender equality · Weaknesses Vi saknar könsuppdelad statistik (1 of 2 units)"
    )
    assert " ".join(lines[tops + 1].split()) == "Gender equality · Strengths no items"
    assert lines[1].startswith("2 entries from 1 unit → 2 merged items")
    assert "┏" not in result.output  # no tables without --show


def test_show_prints_the_top_items_of_every_quadrant_as_tables(
    runner: CliRunner, workshop: Path
) -> None:
    result = runner.invoke(app, ["merge", str(workshop), "--show", "--top", "3"])
    assert result.exit_code == 0
    assert "Gender equality · Weaknesses" in result.output
    assert result.output.count("┏") == 8  # one table per theme × quadrant
    assert result.output.index("Written:") < result.output.index("┏")


def test_merging_a_round_without_entries_names_the_rounds_that_have_them(
    runner: CliRunner, make_workshop: Callable[..., Path]
) -> None:
    folder = make_workshop({"baseline/hoganas": ENTRIES}, rounds={"baseline": {}, "followup": {}})
    result = runner.invoke(app, ["merge", str(folder), "--round", "followup"])
    assert result.exit_code == 0
    assert (
        "round 'followup' has no entries yet, so the handouts are empty; entries are in: baseline"
        in result.output
    )
    assert "did you mean another round? e.g. swot merge --round baseline" in result.output
