"""``swot collect`` driven end to end in a real pseudo-terminal, typed as a facilitator would."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

import pexpect
import pytest

from swot.files.entries import read_entries_file

DOWN = "\x1b[B"
ENTER = "\r"
BACKSPACE = "\x7f"
CTRL_C = "\x03"
CTRL_D = "\x04"


class Session:
    """A running ``swot collect`` and the keys a person types into it."""

    def __init__(self, folder: Path, *args: str) -> None:
        # No cursor-position requests: pexpect does not answer them as a terminal would.
        env = dict(os.environ, TERM="xterm", NO_COLOR="1", COLUMNS="120", LINES="40")
        env["PROMPT_TOOLKIT_NO_CPR"] = "1"
        self.folder = folder
        self.child = pexpect.spawn(
            sys.executable,
            ["-m", "swot", "collect", *args],
            cwd=str(folder),
            env=env,
            encoding="utf-8",
            dimensions=(40, 120),
            timeout=15,
        )

    def answer(self, prompt: str, *keys: str) -> None:
        """Wait until ``prompt`` is on the screen, then type ``keys``."""
        self.child.expect_exact(prompt)
        for key in keys:
            self.child.send(key)

    def type_line(self, prompt: str, text: str) -> None:
        self.answer(prompt, text, ENTER)

    def finish(self) -> tuple[int, str]:
        """Wait for the program to end; its exit code and everything it printed after."""
        self.child.expect(pexpect.EOF)
        self.child.close()
        return self.child.exitstatus, self.child.before


def saved(folder: Path, unit: str = "hoganas") -> list[tuple]:
    path = folder / "entries" / "baseline" / f"{unit}.yaml"
    result = read_entries_file(path)
    assert result.ok, result.problems
    return [
        (e.theme, e.quadrant.value, e.text, e.importance, e.source.value, e.respondent)
        for e in result.entries
    ]


@pytest.fixture
def swedish(make_workshop: Callable[..., Path]) -> Path:
    return make_workshop(language="sv")


def test_swedish_survey_session_saves_each_entry_before_the_next_prompt(swedish: Path) -> None:
    s = Session(swedish)
    s.answer("Enhet", ENTER)  # Höganäs
    s.answer("Vad registrerar du?", ENTER)  # survey
    s.answer("Tema", DOWN, ENTER)  # Tillgänglighet
    s.answer("Kvadrant", DOWN, ENTER)  # Svagheter
    s.type_line(
        "ny svarande · Tillgänglighet · Svagheter · 0 hittills", "Hissen är trasig på plan två"
    )
    s.type_line("Vikt 1–5", "4")
    s.answer("Svarande r01 sparad")
    s.child.expect_exact("r01 · Tillgänglighet · Svagheter · 1 hittills")
    assert saved(swedish) == [
        ("accessibility", "weaknesses", "Hissen är trasig på plan två", 4, "survey", "r01")
    ]
    s.child.send("Ingen hörslinga i möteslokalen" + ENTER)
    s.type_line("Vikt 1–5", "")
    s.answer("2 hittills", ENTER)  # empty line ends the quadrant
    s.answer("Vad vill du göra nu?", ENTER)  # next quadrant: Möjligheter
    s.type_line("Möjligheter · 0 hittills", "Ökad medvetenhet om hörselskador")
    s.type_line("Vikt 1–5", "5")
    s.answer("Möjligheter · 1 hittills", ENTER)
    # Nästa kvadrant: Hot · Välj tema och kvadrant · Nästa svarande · Ångra · Ändra · Avsluta
    s.answer("Vad vill du göra nu?", DOWN, DOWN, DOWN, DOWN, DOWN, ENTER)

    code, output = s.finish()

    assert code == 0
    assert "Sparat i entries/baseline/hoganas.yaml" in output
    assert "3 poster · 1 svarande (r01)" in output
    assert saved(swedish) == [
        ("accessibility", "weaknesses", "Hissen är trasig på plan två", 4, "survey", "r01"),
        ("accessibility", "weaknesses", "Ingen hörslinga i möteslokalen", None, "survey", "r01"),
        ("accessibility", "opportunities", "Ökad medvetenhet om hörselskador", 5, "survey", "r01"),
    ]


def test_next_respondent_gets_the_next_id(swedish: Path) -> None:
    s = Session(swedish, "--unit", "hoganas", "--mode", "enkät")
    s.answer("Tema", ENTER)
    s.answer("Kvadrant", ENTER)
    s.type_line("0 hittills", "Tydlig jämställdhetsplan")
    s.type_line("Vikt 1–5", "")
    s.answer("1 hittills", ENTER)
    s.answer("Vad vill du göra nu?", DOWN, DOWN, DOWN, ENTER)  # Nästa svarande
    s.answer("Tema", ENTER)
    s.answer("Kvadrant", DOWN, DOWN, DOWN, ENTER)  # Hot
    s.type_line("ny svarande · Jämställdhet · Hot · 0 hittills", "Neddragningar")
    s.type_line("Vikt 1–5", "3")
    s.answer("r02 · Jämställdhet · Hot · 1 hittills", CTRL_C)

    code, _output = s.finish()

    assert code == 130
    assert [(row[2], row[5]) for row in saved(swedish)] == [
        ("Tydlig jämställdhetsplan", "r01"),
        ("Neddragningar", "r02"),
    ]


def test_english_workshop_session_shows_importance_errors_under_the_question(
    make_workshop: Callable[..., Path],
) -> None:
    folder = make_workshop(language="en")
    s = Session(folder)
    s.answer("Unit", DOWN, ENTER)  # Bjuv
    s.answer("What are you recording?", DOWN, ENTER)  # workshop
    s.answer("Theme", ENTER)
    s.answer("Quadrant", DOWN, DOWN, ENTER)  # Opportunities
    s.type_line(
        "Bjuv · Gender equality · Opportunities · 0 so far", "Shared methods in the network"
    )
    s.type_line("Importance 1–5", "7")
    s.answer("7 is outside 1–5", BACKSPACE, "x", ENTER)
    s.answer("'x' is not a whole number", BACKSPACE, "3", ENTER)
    s.answer("1 so far", ENTER)
    # Next quadrant: Threats · Next theme · Choose theme and quadrant · Undo · Edit · Finish
    s.answer("What next?", DOWN, DOWN, DOWN, DOWN, DOWN, ENTER)

    code, output = s.finish()

    assert code == 0
    assert "1 entry\r\n" in output
    assert saved(folder, "bjuv") == [
        ("equality", "opportunities", "Shared methods in the network", 3, "workshop", None)
    ]


def test_ctrl_c_mid_session_keeps_every_confirmed_entry_and_exits_130(swedish: Path) -> None:
    s = Session(swedish, "--unit", "hoganas", "--mode", "workshop")
    s.answer("Tema", ENTER)
    s.answer("Kvadrant", ENTER)
    s.type_line("0 hittills", "Lönekartläggning görs varje år")
    s.type_line("Vikt 1–5", "4")
    s.type_line("1 hittills", "Jämn könsfördelning i ledningen")
    s.type_line("Vikt 1–5", "")
    s.answer("2 hittills", "Halvskriven text som inte bekräftades", CTRL_C)

    code, output = s.finish()

    assert code == 130
    lines = [line for line in output.splitlines() if line.strip()]
    assert lines[-1].endswith("Avbrutet – sparade 2 poster i entries/baseline/hoganas.yaml.")
    assert "Traceback" not in output
    assert [row[2] for row in saved(swedish)] == [
        "Lönekartläggning görs varje år",
        "Jämn könsfördelning i ledningen",
    ]


def test_ctrl_d_at_a_menu_keeps_every_confirmed_entry_and_exits_130(swedish: Path) -> None:
    s = Session(swedish, "--unit", "bjuv", "--mode", "survey", "--lang", "en")
    s.answer("Theme", ENTER)
    s.answer("Quadrant", ENTER)
    s.type_line("0 so far", "Flexibla lösningar för den enskilde")
    s.type_line("Importance 1–5", "2")
    s.answer("1 so far", ENTER)
    s.answer("What next?", CTRL_D)

    code, output = s.finish()

    assert code == 130
    assert "Interrupted – saved 1 entry in entries/baseline/bjuv.yaml." in output
    assert "Traceback" not in output
    assert saved(swedish, "bjuv") == [
        ("equality", "strengths", "Flexibla lösningar för den enskilde", 2, "survey", "r01")
    ]


def test_ctrl_d_on_an_empty_entry_line_exits_130(swedish: Path) -> None:
    s = Session(swedish, "--unit", "bjuv", "--mode", "workshop", "--theme", "equality")
    s.answer("Kvadrant", ENTER)
    s.type_line("0 hittills", "Ett")
    s.type_line("Vikt 1–5", "")
    s.answer("1 hittills", CTRL_D)

    code, output = s.finish()

    assert code == 130
    assert "Avbrutet – sparade 1 post i entries/baseline/bjuv.yaml." in output
    assert [row[2] for row in saved(swedish, "bjuv")] == ["Ett"]


def test_ctrl_c_at_the_importance_question_keeps_the_confirmed_text(swedish: Path) -> None:
    s = Session(swedish, "--unit", "hoganas", "--mode", "workshop")
    s.answer("Tema", ENTER)
    s.answer("Kvadrant", ENTER)
    s.type_line("0 hittills", "Texten är bekräftad med Enter")
    s.answer("Vikt 1–5", CTRL_C)

    code, output = s.finish()

    assert code == 130
    assert "Avbrutet – sparade 1 post i entries/baseline/hoganas.yaml." in output
    assert saved(swedish) == [
        ("equality", "strengths", "Texten är bekräftad med Enter", None, "workshop", None)
    ]


def test_ctrl_c_before_any_entry_says_nothing_was_saved(swedish: Path) -> None:
    s = Session(swedish)
    s.answer("Enhet", CTRL_C)

    code, output = s.finish()

    assert code == 130
    assert output.strip().endswith("Avbrutet – inga poster sparades.")


def test_typing_filters_a_long_unit_list_ignoring_a_a_o(make_workshop: Callable[..., Path]) -> None:
    names = [
        "Bjuv", "Båstad", "Höganäs", "Ängelholm", "Landskrona", "Perstorp", "Svalöv", "Åstorp",
        "Helsingborg", "Klippan", "Örkelljunga", "Lund",
    ]  # fmt: skip
    units = {
        name.lower().replace("å", "a").replace("ä", "a").replace("ö", "o"): name for name in names
    }
    folder = make_workshop(language="sv", units=units)
    s = Session(folder, "--mode", "workshop")
    s.answer("skriv för att filtrera", "ö", "r", "k", ENTER)
    s.answer("Tema", ENTER)
    s.answer("Kvadrant", ENTER)
    s.type_line(
        "Örkelljunga · Jämställdhet · Styrkor · 0 hittills", "Nära samarbete med Arbetsförmedlingen"
    )
    s.type_line("Vikt 1–5", "")
    s.answer("1 hittills", CTRL_C)

    code, _output = s.finish()

    assert code == 130
    assert [row[2] for row in saved(folder, "orkelljunga")] == [
        "Nära samarbete med Arbetsförmedlingen"
    ]


def test_a_broken_unit_file_is_left_alone_and_entries_go_to_a_side_file(swedish: Path) -> None:
    broken = "- tema: jämställdhet\n  kvadrant: styrkor\n  text: A\n  vikt: hög\n"
    path = swedish / "entries/baseline/hoganas.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(broken, encoding="utf-8")
    s = Session(swedish, "--unit", "hoganas", "--mode", "workshop")
    s.answer("entries/baseline/hoganas.yaml har fel, så swot lägger inte till något i den:")
    s.answer("entries/baseline/hoganas.yaml:4:9: post 1 (text 'A') → vikt: 'hög' är inget heltal")
    s.answer("Spara sessionens poster i en sidofil i stället", ENTER)  # Ja
    s.answer("Posterna sparas nu i unsaved/baseline/hoganas-")
    s.answer("Tema", ENTER)
    s.answer("Kvadrant", ENTER)
    s.type_line("0 hittills", "Det här får inte gå förlorat")
    s.type_line("Vikt 1–5", "")
    s.answer("1 hittills", CTRL_C)

    code, output = s.finish()

    assert code == 130
    assert path.read_text(encoding="utf-8") == broken
    side_files = list((swedish / "unsaved" / "baseline").glob("hoganas-*.yaml"))
    assert len(side_files) == 1
    assert f"sparade 1 post i unsaved/baseline/{side_files[0].name}." in output
    side = read_entries_file(side_files[0], unit="hoganas", round_id="baseline")
    assert [e.text for e in side.entries] == ["Det här får inte gå förlorat"]


def test_declining_the_side_file_exits_1_and_leaves_the_file(swedish: Path) -> None:
    broken = "- tema: jämställdhet\n  kvadrant: x\n  text: A\n"
    path = swedish / "entries/baseline/hoganas.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(broken, encoding="utf-8")
    s = Session(swedish, "--unit", "hoganas", "--mode", "workshop")
    s.answer("Spara sessionens poster i en sidofil i stället", DOWN, ENTER)  # Nej

    code, output = s.finish()

    assert code == 1
    assert "→ rätta felen (swot validate visar dem) och kör swot collect igen" in output
    assert path.read_text(encoding="utf-8") == broken
    assert not (swedish / "unsaved").exists()


@pytest.mark.parametrize(
    ("names", "typed", "unit"),
    [
        (["Höganäs", "Lund", "Ängelholm", "Landskrona", "Bjuv", "Svalöv", "Båstad", "Åstorp"],
         "bjuv", "bjuv"),
        (["Bjuv", "Klippan", "Örkelljunga"], "ork", "orkelljunga"),
        (["Bjuv", "Båstad", "Höganäs", "Ängelholm", "Landskrona", "Perstorp", "Svalöv", "Åstorp",
          "Helsingborg", "Klippan", "Örkelljunga"], "ork", "orkelljunga"),
    ],
)  # fmt: skip
def test_typing_a_unit_name_picks_that_unit_in_a_list_of_any_length(
    make_workshop: Callable[..., Path], names: list[str], typed: str, unit: str
) -> None:
    """Issue 18: below 11 units typed letters were ignored and j/k moved the cursor, so 'bjuv'
    + Enter in the 8-unit Höganäs workshop picked Lund, and the entry went to the wrong unit."""
    fold = str.maketrans("åäö", "aao")
    folder = make_workshop(language="sv", units={n.lower().translate(fold): n for n in names})
    s = Session(folder, "--mode", "workshop")
    s.answer("skriv för att filtrera", *typed, ENTER)
    s.answer("Tema", ENTER)
    s.answer("Kvadrant", ENTER)
    s.type_line("0 hittills", "Rätt enhet")
    s.type_line("Vikt 1–5", "")
    s.answer("1 hittills", CTRL_C)

    code, _output = s.finish()

    assert code == 130
    assert [row[2] for row in saved(folder, unit)] == ["Rätt enhet"]
    others = [n.lower().translate(fold) for n in names if n.lower().translate(fold) != unit]
    assert not any((folder / "entries" / "baseline" / f"{u}.yaml").exists() for u in others)


def test_undo_and_edit_the_last_entry_from_the_menu(swedish: Path) -> None:
    s = Session(swedish, "--unit", "hoganas", "--mode", "workshop")
    s.answer("Tema", ENTER)
    s.answer("Kvadrant", ENTER)
    s.type_line("0 hittills", "3")  # a stray key
    s.answer("'3' är kortare än 3 tecken. Spara den ändå?", ENTER)  # Enter: Nej
    s.type_line("0 hittills", "Tydlig plan för jämställdhet")
    s.type_line("Vikt 1–5", "4")
    s.type_line("1 hittills", "Bra chefeer")
    s.type_line("Vikt 1–5", "")
    s.answer("2 hittills", ENTER)
    s.answer("Senaste posterna:", "")
    # next quadrant, next theme, choose, undo, edit, finish: edit is five rows down
    s.answer("Vad vill du göra nu?", DOWN, DOWN, DOWN, DOWN, ENTER)
    s.answer("(ändra och tryck Enter", BACKSPACE, BACKSPACE, BACKSPACE, "er", ENTER)
    s.type_line("Vikt 1–5", "3")
    s.answer("Ändrade till 'Bra chefer'", "")
    s.answer("2 hittills", ENTER)
    s.answer("Vad vill du göra nu?", DOWN, DOWN, DOWN, ENTER)  # undo 'Bra chefer'
    s.answer("Ångrade 'Bra chefer'", "")
    s.answer("1 hittills", CTRL_C)

    code, _output = s.finish()

    assert code == 130
    assert saved(swedish) == [
        ("equality", "strengths", "Tydlig plan för jämställdhet", 4, "workshop", None)
    ]
