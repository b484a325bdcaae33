"""Nothing from a file reaches the terminal raw: escape sequences (screen clearing, window titles,
OSC 8 hyperlinks) and bidi overrides in workshop.yaml, merges.yaml, votes.yaml or an entry
are refused with file:line, or shown as '?'."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ESCAPES = [
    "\x1b[2J",  # clear the screen
    "\x1b]0;pwned\x07",  # set the window title
    "\x1b]8;;https://example.org\x1b\\klicka\x1b]8;;\x1b\\",  # a hyperlink
    "\u202e",  # right-to-left override
    "\x9b31m",  # C1 control sequence introducer
]


def swot(folder: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ, NO_COLOR="1", SWOT_LANG="en", COLUMNS="120")
    return subprocess.run(
        [sys.executable, "-m", "swot", *args], cwd=folder, env=env, capture_output=True, timeout=60
    )


def raw(output: bytes) -> list[str]:
    text = output.decode("utf-8", errors="replace")
    return [escape for escape in ("\x1b", "\u202e", "\x9b", "\x07") if escape in text]


def quoted(text: str) -> str:
    """``text`` as a YAML double-quoted scalar, escapes written as YAML escapes."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in escaped) + '"'


def test_names_with_escape_sequences_are_refused_and_never_printed_raw(
    make_workshop: Callable[..., Path],
) -> None:
    units = {f"u{i}": quoted(f"Hög{escape}anäs") for i, escape in enumerate(ESCAPES)}
    folder = make_workshop(
        {"baseline/u0": "- theme: equality\n  quadrant: s\n  text: Plan\n"},
        units={**units, "bjuv": "Bjuv"},
    )
    for args in (
        ["status", "."],
        ["merge", "."],
        ["compare", "baseline", "baseline", "."],
        ["review", "."],
        ["export", ".", "-f", "json"],
    ):
        result = swot(folder, *args)
        assert raw(result.stdout) == [], args
        assert raw(result.stderr) == [], args
        assert result.returncode == 1, (args, result.stderr)
    result = swot(folder, "validate", ".")
    assert result.returncode == 1
    assert raw(result.stdout + result.stderr) == []
    found = (result.stdout + result.stderr).decode().count("the text contains a control character")
    assert found == len(ESCAPES)


def test_an_entry_text_with_escapes_is_shown_without_them(
    make_workshop: Callable[..., Path],
) -> None:
    text = quoted("Ingen\x1b[2J plan\x1b]0;x\x07 för\u202e jämställdhet")
    folder = make_workshop(
        {"baseline/hoganas": f"- theme: equality\n  quadrant: s\n  text: {text}\n"}
    )
    for args in (["merge", "."], ["export", ".", "-f", "json"], ["status", "."]):
        result = swot(folder, *args)
        assert result.returncode == 0, result.stderr
        assert raw(result.stdout + result.stderr) == []
    handout = (folder / "handouts" / "baseline" / "handout.html").read_text(encoding="utf-8")
    assert "\x1b" not in handout and "\u202e" not in handout


@pytest.mark.parametrize("file", ["merges.yaml", "votes.yaml"])
def test_validate_reports_control_characters_in_decisions_and_votes(
    make_workshop: Callable[..., Path], file: str
) -> None:
    folder = make_workshop()
    bad = quoted("Plan\x1b[2J")
    if file == "merges.yaml":
        body = f"- decision: join\n  theme: equality\n  quadrant: s\n  texts: [a, {bad}]\n"
    else:
        body = f"- theme: equality\n  quadrant: s\n  text: {bad}\n  votes: 3\n"
    (folder / file).write_text(body, encoding="utf-8")
    result = swot(folder, "validate", ".")
    assert result.returncode == 1
    output = result.stdout.decode() + result.stderr.decode()
    assert f"{file}:" in output
    assert "the text contains a control character (U+001B)" in output
    assert raw(result.stdout + result.stderr) == []
