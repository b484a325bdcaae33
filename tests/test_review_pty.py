"""``swot review`` in a real pseudo-terminal: each pair with the units behind each wording, in
the workshop's language (no questionary English), and a merge with a new wording saved."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

import pexpect

from swot.files.decisions import load_decisions
from swot.files.workshop import load_workshop

UP = "\x1b[A"
ENTER = "\r"
CTRL_C = "\x03"

HOGANAS = "- tema: jämställdhet\n  kvadrant: svagheter\n  text: Saknar statistik på kön\n"
BJUV = "- tema: jämställdhet\n  kvadrant: svagheter\n  text: Vi saknar könsuppdelad statistik\n"


def review(folder: Path, *args: str) -> pexpect.spawn:
    env = dict(os.environ, TERM="xterm", NO_COLOR="1", PROMPT_TOOLKIT_NO_CPR="1")
    return pexpect.spawn(
        sys.executable,
        ["-m", "swot", "review", *args],
        cwd=str(folder),
        env=env,
        encoding="utf-8",
        dimensions=(40, 120),
        timeout=15,
    )


def test_a_swedish_review_names_the_units_and_saves_a_new_wording(
    make_workshop: Callable[..., Path],
) -> None:
    folder = make_workshop({"baseline/hoganas": HOGANAS, "baseline/bjuv": BJUV}, language="sv")
    child = review(folder)
    child.expect_exact("A: Saknar statistik på kön")
    child.expect_exact("(Höganäs)")
    child.expect_exact("B: Vi saknar könsuppdelad statistik")
    child.expect_exact("(Bjuv)")
    child.expect_exact("Säger de här samma sak?")
    child.expect_exact("(piltangenter, Enter väljer)")
    screen = child.before + child.after
    child.send(UP + ENTER)  # Ja – slå ihop, med en ny formulering (one up from "Nej – håll isär")
    child.expect_exact("Formulering i underlaget")
    child.send("\x15")  # Ctrl-U: clear the suggested wording
    child.send("Ingen könsuppdelad statistik" + ENTER)
    child.expect_exact("1 beslut sparade")
    child.expect(pexpect.EOF)
    child.close()

    assert child.exitstatus == 0
    assert "Use arrow keys" not in screen
    decisions = load_decisions(load_workshop(folder)).decisions
    assert [(d.kind, d.wording) for d in decisions] == [("join", "Ingen könsuppdelad statistik")]


def test_ctrl_c_in_an_english_review_says_interrupted_in_english(
    make_workshop: Callable[..., Path],
) -> None:
    folder = make_workshop({"baseline/hoganas": HOGANAS, "baseline/bjuv": BJUV}, language="sv")
    child = review(folder, "--lang", "en")
    child.expect_exact("Do these say the same thing?")
    child.send(CTRL_C)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert "Interrupted." in child.before
    assert "Avbrutet" not in child.before
