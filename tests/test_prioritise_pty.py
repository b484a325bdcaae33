"""``swot prioritise`` end to end in a real pseudo-terminal, typed as a facilitator would: all the
questions of one theme, Ctrl-C once mid-way and a rerun that asks only the rest; then the
handout's A'WOT page in Chromium, checked with axe-core."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

import pexpect
import pytest
from test_handout_browser import CHROMIUM
from test_prioritise_session import ENTRIES
from typer.testing import CliRunner

from swot.cli import app
from swot.files.priorities import load_priorities
from swot.files.workshop import load_workshop

DOWN = "\x1b[B"
ENTER = "\r"
CTRL_C = "\x03"


def spawn(folder: Path, *args: str) -> pexpect.spawn:
    # No cursor-position requests: pexpect does not answer them as a terminal would.
    env = dict(os.environ, TERM="xterm", NO_COLOR="1", COLUMNS="120", LINES="40")
    env["PROMPT_TOOLKIT_NO_CPR"] = "1"
    return pexpect.spawn(
        sys.executable,
        ["-m", "swot", "prioritise", *args],
        cwd=str(folder),
        env=env,
        encoding="utf-8",
        dimensions=(40, 120),
        timeout=20,
    )


def answer(child: pexpect.spawn, prompt: str, *keys: str) -> None:
    """Wait until ``prompt`` is on the screen, then type ``keys``."""
    child.expect_exact(prompt)
    for key in keys:
        child.send(key)


def finish(child: pexpect.spawn) -> tuple[int, str]:
    child.expect(pexpect.EOF)
    child.close()
    return child.exitstatus, child.before


def axe_violations(page: Path) -> list[dict]:
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        try:
            tab = browser.new_page()
            tab.goto(page.as_uri())
            assert tab.locator("section.awot h2").count() == 1
            results = Axe().run(tab)
        finally:
            browser.close()
    return results.response["violations"]


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium package")
def test_a_room_prioritises_one_theme_with_a_break_and_gets_an_accessible_awot_page(
    make_workshop: Callable[..., Path],
) -> None:
    folder = make_workshop(ENTRIES)
    child = spawn(folder, "--theme", "equality", "--top", "2")
    answer(child, "Who is judging?", ENTER)  # the room
    answer(child, "1/1 · What weighs more for Gender equality?", ENTER)  # A: Clear plan
    answer(child, "How much more important is A than B?", DOWN, DOWN, ENTER)  # 5
    answer(child, "Consistency ratio (CR) 0.00")
    answer(child, "1/1 · What weighs more", DOWN, DOWN, ENTER)  # weaknesses: equally important
    answer(child, "Gender equality · the quadrants against each other: 3 pairs")
    answer(child, "1/3 · What weighs more", CTRL_C)
    code, output = finish(child)
    assert code == 130
    assert "Interrupted – 2 judgments saved in priorities.yaml." in output
    assert len(load_priorities(load_workshop(folder)).judgments) == 2

    child = spawn(folder, "--theme", "equality", "--top", "2")
    answer(child, "Who is judging?", ENTER)
    answer(child, "Gender equality · Strengths: the pair is judged already")
    answer(child, "1/3 · What weighs more", DOWN, ENTER)  # B: weaknesses over strengths …
    answer(child, "How much more important is B than A?", ENTER)  # … 3 times
    answer(child, "2/3 · What weighs more", ENTER)  # A: strengths over threats …
    answer(child, "How much more important is A than B?", DOWN, DOWN, ENTER)  # … 5 times
    answer(child, "3/3 · What weighs more", ENTER)  # A: weaknesses over threats …
    answer(child, "How much more important is A than B?", DOWN, DOWN, DOWN, DOWN, ENTER)  # 7
    code, output = finish(child)
    assert code == 0, output
    assert "Saved: 3 judgments in priorities.yaml" in output
    assert "Consistency ratio (CR) 0.06" in output

    read = load_priorities(load_workshop(folder))
    assert [(j.matrix, j.a, j.b, round(j.value, 3)) for j in read.judgments] == [
        ("strengths", "Clear plan", "Good managers", 5.0),
        ("weaknesses", "No follow-up", "No training", 1.0),
        ("quadrants", "strengths", "weaknesses", 0.333),
        ("quadrants", "strengths", "threats", 5.0),
        ("quadrants", "weaknesses", "threats", 7.0),
    ]
    result = CliRunner().invoke(app, ["merge", str(folder), "--rank", "awot"])
    assert result.exit_code == 0, result.output
    page = folder / "handouts" / "baseline" / "handout.html"
    assert axe_violations(page) == []
