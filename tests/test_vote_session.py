"""``swot vote``: dot votes captured in the room, saved in votes.yaml with their round, and what
``--rank votes`` makes of them (and of votes that do not exist)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from test_collect_session import CTRL_C, ScriptedPrompter
from test_prioritise_session import ENTRIES
from typer.testing import CliRunner

from swot.cli import app
from swot.cli.prompts import Interrupted
from swot.cli.vote_session import VoteSession
from swot.files.decisions import load_votes
from swot.files.workshop import load_workshop
from swot.jobs.vote import VoteRequest, Voting, run

ROUNDS = {"baseline": {"hoganas": 4, "bjuv": 4}, "followup": {"hoganas": 4, "bjuv": 4}}


@pytest.fixture
def folder(make_workshop: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    made = make_workshop(ENTRIES, rounds=ROUNDS)
    monkeypatch.chdir(made)
    return made


def vote(folder: Path, script: Sequence[Any], **options: Any) -> tuple[Voting, list[str]]:
    request = VoteRequest(
        folder, is_terminal=lambda: True, **{"theme": "equality", "round_id": "baseline", **options}
    )
    plan = run(request)
    lines: list[str] = []
    prompter = ScriptedPrompter(script)
    try:
        VoteSession(plan, lines.append, prompter).run()  # type: ignore[arg-type]
    except Interrupted as stop:
        lines.append(stop.line)
    assert prompter.script == []
    return plan, lines


def recorded(folder: Path) -> list[tuple[str | None, str | None, int, str | None]]:
    votes = load_votes(load_workshop(folder)).votes
    return [(v.round, v.text, v.votes, v.note) for v in votes]


def test_each_items_dots_are_saved_with_the_round_and_a_rerun_skips_them(folder: Path) -> None:
    _, lines = vote(folder, ["4", "", CTRL_C])
    assert lines[:4] == [
        "Strengths",
        "   1. Clear plan",
        "   2. Good managers",
        "   3. Open climate",
    ]
    assert lines[-1] == "Interrupted – 2 vote lines saved in votes.yaml."
    assert recorded(folder) == [
        ("baseline", "Clear plan", 4, None),
        ("baseline", "Good managers", 0, None),
    ]
    _, lines = vote(folder, ["1", "7", "", "2"])
    assert (
        "Votes are already recorded for 2 of the items; they are not asked again (change them in votes.yaml)."
        in lines
    )
    assert [count for _, _, count, _ in recorded(folder)] == [4, 0, 1, 7, 0, 2]


def test_each_participants_dots_add_up_per_item(folder: Path) -> None:
    plan, lines = vote(folder, ["1 1 4", "4, 6", ""], each=True)
    assert "  Participant 2: 2 dots saved" in lines
    assert recorded(folder) == [
        ("baseline", "Clear plan", 2, "participant 1"),
        ("baseline", "No follow-up", 1, "participant 1"),
        ("baseline", "No follow-up", 1, "participant 2"),
        ("baseline", "Budget cuts", 1, "participant 2"),
    ]
    by_text = {
        item.text: count for item in plan.merge.items if (count := plan.counts().get(item.key))
    }
    assert by_text == {"Clear plan": 2, "No follow-up": 2, "Budget cuts": 1}


def test_a_number_outside_the_list_is_refused_at_the_question(folder: Path) -> None:
    with pytest.raises(AssertionError, match="'7' is not a number in the list; use 1–6"):
        vote(folder, ["1 7"], each=True)


def test_rank_votes_uses_the_rounds_votes_only(runner: CliRunner, folder: Path) -> None:
    vote(folder, ["0", "0", "5", CTRL_C])  # open climate 5 in the baseline
    baseline = runner.invoke(app, ["merge", str(folder), "-r", "baseline", "--rank", "votes"])
    assert baseline.exit_code == 0, baseline.output
    handout = (folder / "handouts" / "baseline" / "handout.md").read_text(encoding="utf-8")
    assert "1. Open climate  \n   *5 votes · 1 of 2 units" in handout
    followup = runner.invoke(app, ["merge", str(folder), "-r", "followup", "--rank", "votes"])
    assert followup.exit_code == 0, followup.output
    assert "votes.yaml: no dot votes for round 'followup'" in followup.output
    assert "ranked by breadth)" in followup.output


def test_rank_votes_without_any_votes_says_so_and_ranks_by_breadth(
    runner: CliRunner, folder: Path
) -> None:
    result = runner.invoke(app, ["merge", str(folder), "--rank", "votes"])
    assert result.exit_code == 0, result.output
    assert (
        "no dot votes for round 'followup' (votes.yaml is missing or has none for it); the items "
        "are ranked by breadth" in " ".join(result.output.split())
    )
    handout = (folder / "handouts" / "followup" / "handout.md").read_text(encoding="utf-8")
    assert "0 votes" not in handout
    assert "ranked by votes" not in handout


def test_without_a_terminal_vote_is_a_usage_error(runner: CliRunner, folder: Path) -> None:
    result = runner.invoke(app, ["vote", str(folder)])
    assert result.exit_code == 2
    assert "swot vote asks questions and needs a terminal" in result.output
