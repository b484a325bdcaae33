"""``swot survey`` as the facilitator runs it: a real terminal, a real server, Ctrl-C; and the
options' mistakes as messages."""

from __future__ import annotations

import os
import re
import socket
import sys
from collections.abc import Callable
from pathlib import Path

import httpx
import pexpect
import pytest
from typer.testing import CliRunner

from swot.cli import app
from swot.cli.survey_output import _Screen, qr_text
from swot.files.entries import read_entries_file
from swot.files.workshop import load_workshop
from swot.survey.server import start_survey, write_poster

CTRL_C = "\x03"


def submit(url: str, unit: str, text: str) -> httpx.Response:
    """What a participant's browser sends: the form, then Send on the summary."""
    with httpx.Client(timeout=10) as client:
        page = client.get(url).text
        token = re.search(r'name="token" value="([^"]+)"', page)
        assert token, page[:300]
        data = {
            "token": token.group(1),
            "round": "baseline",
            "unit": unit,
            "text-equality-weaknesses-1": text,
            "importance-equality-weaknesses-1": "3",
            "action": "send",
        }
        return client.post(url, data=data)


def test_survey_in_a_terminal_saves_each_answer_and_stops_cleanly_on_ctrl_c(
    make_workshop: Callable[..., Path],
) -> None:
    folder = make_workshop()
    env = dict(os.environ, TERM="xterm", NO_COLOR="1", COLUMNS="100", LINES="60")
    child = pexpect.spawn(
        sys.executable,
        ["-m", "swot", "survey"],
        cwd=str(folder),
        env=env,
        encoding="utf-8",
        dimensions=(60, 100),
        timeout=20,
    )
    try:
        child.expect(r"The survey: (http://127\.0\.0\.1:\d+/)")
        url = child.match.group(1)
        child.expect_exact("Ctrl-C stops. Every confirmed answer is already saved.")
        response = submit(url, "bjuv", "Ingen plan för jämställdhet – åäö")
        assert response.status_code == 303
        child.expect_exact("Bjuv · respondent r01 · 1 entry")
        child.send(CTRL_C)
        child.expect_exact("Stopped. Answers saved during the session: 1.")
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    assert child.exitstatus == 0
    entries = read_entries_file(folder / "entries" / "baseline" / "bjuv.yaml").entries
    assert [(e.text, e.importance, e.respondent) for e in entries] == [
        ("Ingen plan för jämställdhet – åäö", 3, "r01")
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--port", "70000"],
            "--port must be a number from 1 to 65535, not 70000\n"
            "  → example: --port 8765 (without --port swot picks a free port)\n",
        ),
        (
            ["--round", "nope"],
            "'nope' is not a round of this workshop\n"
            "  → give a round's id or title from workshop.yaml: baseline\n",
        ),
        (
            ["--unit", "nowhere"],
            "'nowhere' is not a unit of this workshop\n"
            "  → give a unit's id or name from workshop.yaml: hoganas, bjuv\n",
        ),
    ],
    ids=["port", "round", "unit"],
)
def test_wrong_options_are_usage_errors(
    make_workshop: Callable[..., Path], runner: CliRunner, args: list[str], message: str
) -> None:
    result = runner.invoke(app, ["survey", str(make_workshop()), *args])
    assert result.exit_code == 2
    assert result.output == message


def test_a_port_in_use_is_a_message_not_a_traceback(
    make_workshop: Callable[..., Path], runner: CliRunner
) -> None:
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    port = taken.getsockname()[1]
    try:
        result = runner.invoke(app, ["survey", str(make_workshop()), "--port", str(port)])
    finally:
        taken.close()
    assert result.exit_code == 2
    assert result.output.startswith(f"port {port} is already used by another program\n")
    assert "Traceback" not in result.output


def test_the_poster_file_stands_alone(make_workshop: Callable[..., Path]) -> None:
    survey = start_survey(load_workshop(make_workshop()), "baseline", "en", port=0)
    try:
        path = write_poster(survey)
    finally:
        survey.stop()
    page = path.read_text(encoding="utf-8")
    assert path.parts[-3:] == ("handouts", "baseline", "survey-poster.html")
    assert "<style>" in page and "<link" not in page
    assert f'aria-label="QR code for the survey: {survey.url}"' in page
    assert "http" not in page.replace(survey.url, "").split("<body", 1)[1]


def test_the_terminal_names_the_side_file_when_a_units_file_is_broken(
    make_workshop: Callable[..., Path],
) -> None:
    broken = "- theme: equality\n  quadrant: strenghts\n  text: Typo\n"
    folder = make_workshop({"baseline/hoganas": broken})
    survey = start_survey(load_workshop(folder), "baseline", "en", port=0)
    try:
        screen = _Screen(survey)
        assert submit(survey.url, "hoganas", "Saved anyway").status_code == 303
        saved, problems = screen.take_events()
    finally:
        survey.stop()
    assert saved == []
    (line,) = [p.plain for p in problems]
    (side,) = (folder / "unsaved" / "baseline").glob("hoganas-*.yaml")
    head, detail, hint = line.split("\n", 2)
    assert re.fullmatch(
        r"\d\d:\d\d:\d\d  Höganäs: the answer \(respondent r01\) was saved in \S+, because the "
        r"file has mistakes:",
        head,
    )
    assert side.name in head
    assert "hoganas.yaml has mistakes, so swot will not add to it:" in detail
    assert "→ fix the file (swot validate shows where), then move the entries from" in hint
    assert screen.session == {"hoganas": 1}


def test_the_qr_code_in_the_terminal_has_two_module_rows_per_line() -> None:
    import segno

    url = "http://192.0.2.7:8765/abcdefghijklmnop/"
    matrix = [list(row) for row in segno.make(url, error="m").matrix_iter(border=2)]
    lines = qr_text(url, color=False).plain.split("\n")
    assert len(lines) == (len(matrix) + 1) // 2
    assert {len(line) for line in lines} == {len(matrix[0])}
    top, bottom = matrix[2], matrix[3]  # the first row of the code itself, and the next
    shown = {(0, 0): "█", (0, 1): "▀", (1, 0): "▄", (1, 1): " "}
    assert lines[1] == "".join(shown[(int(a), int(b))] for a, b in zip(top, bottom, strict=True))


def test_a_bug_on_a_page_is_a_page_for_the_participant_and_a_crash_log_for_the_facilitator(
    make_workshop: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SWOT_LOG_DIR", str(tmp_path / "logs"))
    survey = start_survey(load_workshop(make_workshop()), "baseline", "en", port=0)

    def broken(*args: object, **kwargs: object) -> str:
        raise RuntimeError("a bug")

    try:
        screen = _Screen(survey)
        monkeypatch.setattr(survey.app.pages, "thanks", broken)
        page = httpx.get(survey.url + "thanks", timeout=10)
        _saved, problems = screen.take_events()
    finally:
        survey.stop()
    assert page.status_code == 500
    assert "<h1>Something went wrong</h1>" in page.text and "a bug" not in page.text
    (line,) = [p.plain for p in problems]
    assert line.startswith("swot: internal error (RuntimeError) on a page; the participant was ")
    (log,) = (tmp_path / "logs").glob("swot-crash-*.log")
    assert "RuntimeError: a bug" in log.read_text(encoding="utf-8")
    assert str(log) in line
