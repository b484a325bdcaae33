"""``swot init`` asked in a real pseudo-terminal, answered as a person would."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

import pexpect

from swot.files.workshop import load_workshop

ENTER = "\r"
DOWN = "\x1b[B"


def spawn_init(folder: Path, name: str = "nytt") -> pexpect.spawn:
    env = dict(os.environ, TERM="xterm", NO_COLOR="1", COLUMNS="120", LINES="40")
    env["PROMPT_TOOLKIT_NO_CPR"] = "1"  # pexpect does not answer cursor-position requests
    return pexpect.spawn(
        sys.executable,
        ["-m", "swot", "init", name],
        cwd=str(folder),
        env=env,
        encoding="utf-8",
        dimensions=(40, 120),
        timeout=15,
    )


def test_init_asks_language_name_units_rounds_dates_themes_and_expected(tmp_path: Path) -> None:
    child = spawn_init(tmp_path, "Jämställdhet 2026")
    child.expect_exact("Språk / Language")
    child.expect_exact("(piltangenter, Enter väljer)")
    child.send(ENTER)
    child.expect_exact("Workshoppens namn:")
    child.send("Nätverket Nordväst" + ENTER)
    child.expect_exact("Enheter, åtskilda med komma:")
    child.send("Höganäs, Ängelholm ,Bjuv" + ENTER)
    child.expect_exact("Omgångar, åtskilda med komma:")
    child.send("Kvartal 1 2026, Kvartal 2 2026" + ENTER)
    child.expect_exact("Datum för Kvartal 1 2026:")
    child.send("15 mars" + ENTER)
    child.expect_exact("'15 mars' är inget datum: skriv ÅÅÅÅ-MM-DD")
    child.send("\x15" + "2026-03-15" + ENTER)  # Ctrl-U clears the line, then the date
    child.expect_exact("Datum för Kvartal 2 2026:")
    child.send(ENTER)  # later
    child.expect_exact("Vad handlar workshoppen om?")
    child.send(DOWN + ENTER)  # Bara jämställdhet
    child.expect_exact("Förväntat antal svarande per enhet")
    child.send("tolv" + ENTER)
    child.expect_exact("Skriv ett heltal, t.ex. 12")
    child.send("\x15" + "12" + ENTER)
    child.expect_exact("Skapade workshoppen")
    child.expect_exact('Nästa steg: swot collect --workshop "Jämställdhet 2026"')
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    workshop = load_workshop(tmp_path / "Jämställdhet 2026").workshop
    assert workshop.name == "Nätverket Nordväst"
    assert [(u.id, u.name) for u in workshop.units] == [
        ("hoganas", "Höganäs"),
        ("angelholm", "Ängelholm"),
        ("bjuv", "Bjuv"),
    ]
    assert [(r.id, r.name, r.date) for r in workshop.rounds] == [
        ("kvartal-1-2026", "Kvartal 1 2026", dt.date(2026, 3, 15)),
        ("kvartal-2-2026", "Kvartal 2 2026", None),
    ]
    assert [t.id for t in workshop.themes] == ["equality"]
    assert workshop.rounds[0].expected == {"hoganas": 12, "angelholm": 12, "bjuv": 12}


def test_ctrl_c_during_init_writes_nothing_and_exits_130(tmp_path: Path) -> None:
    child = spawn_init(tmp_path)
    child.expect_exact("Språk / Language")
    child.send(ENTER)
    child.expect_exact("Workshoppens namn:")
    child.send("\x03")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert "Traceback" not in (child.before or "")
    assert not (tmp_path / "nytt").exists()
