"""The facilitator's session, driven by a scripted Prompter (fast; the pexpect tests in
test_collect_pty.py run the same session in a real terminal).

Each answer of a script is what the facilitator does at the next question: a text typed, a
menu entry chosen by (part of) its title, or Ctrl-C.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

from swot.cli.prompts import InteractiveSession, Interrupted
from swot.files.entries import read_entries_file
from swot.files.workshop import load_workshop
from swot.jobs.collect import CollectOptions

CTRL_C = KeyboardInterrupt


class ScriptedPrompter:
    """Answers the session's questions from a script, and keeps what it was asked."""

    def __init__(self, script: Sequence[Any]) -> None:
        self.script = list(script)
        self.asked: list[tuple[str, str, list[str]]] = []  # (kind, message, choice titles)

    def _next(self) -> Any:
        assert self.script, f"the session asked more than the script answers: {self.asked[-1]}"
        answer = self.script.pop(0)
        if answer is CTRL_C:
            raise KeyboardInterrupt
        return answer

    def select(
        self,
        message: str,
        choices: Sequence[tuple[str, Any]],
        default: Any = None,
        filterable: bool = False,
    ) -> Any:
        self.asked.append(("select", message, [title for title, _ in choices]))
        wanted = self._next()
        found = [value for title, value in choices if wanted in title]
        assert len(found) == 1, f"{wanted!r} is not one of {[t for t, _ in choices]}"
        return found[0]

    def text(
        self,
        message: str,
        instruction: str,
        validate: Callable[[str], str | None],
        default: str = "",
    ) -> str:
        self.asked.append(("text", message, [default]))
        answer = self._next()
        error = validate(answer)
        assert error is None, error
        return str(answer)

    def yes_no(self, message: str, default: bool = True) -> bool:
        self.asked.append(("yes_no", message, [str(default)]))
        return bool(self._next())


def run(
    folder: Path, script: Sequence[Any], lang: str = "en", **options: Any
) -> tuple[InteractiveSession, ScriptedPrompter, list[str]]:
    prompter = ScriptedPrompter(script)
    lines: list[str] = []
    session = InteractiveSession(
        load_workshop(folder),
        CollectOptions(**{"unit": "hoganas", "mode": "survey", **options}),
        lang,
        lines.append,
        prompter,  # type: ignore[arg-type]
    )
    try:
        session.run()
    except Interrupted as stop:
        lines.append(stop.line)
    assert prompter.script == [], "the session ended before the script did"
    return session, prompter, lines


def saved(folder: Path) -> list[tuple[str, int | None, str | None]]:
    path = folder / "entries" / "baseline" / "hoganas.yaml"
    if not path.exists():
        return []
    result = read_entries_file(path, load_workshop(folder))
    assert result.ok, result.problems
    return [(e.text, e.importance, e.respondent) for e in result.entries]


START = ["Gender equality", "Strengths"]  # the theme and quadrant questions


@pytest.fixture
def folder(make_workshop: Callable[..., Path]) -> Path:
    return make_workshop()


def test_entries_are_saved_one_by_one_with_a_new_respondent(folder: Path) -> None:
    _, _, lines = run(folder, [*START, "Tydlig plan", "4", "Bra chefer", "", "", "Finish"])
    assert saved(folder) == [("Tydlig plan", 4, "r01"), ("Bra chefer", None, "r01")]
    assert "  Respondent r01 saved" in lines


def test_undo_takes_the_last_entry_back_and_keeps_every_other_byte(folder: Path) -> None:
    path = folder / "entries" / "baseline" / "hoganas.yaml"
    path.parent.mkdir(parents=True)
    by_hand = "# written by hand, keep me\n- theme: equality\n  quadrant: s\n  text: Förut\n"
    path.write_text(by_hand, encoding="utf-8")
    script = [*START, "Tydlig plan", "", "Ja, nej", "", "", "Undo", "", "Finish"]
    session, _, lines = run(folder, script)
    assert [text for text, _, _ in saved(folder)] == ["Förut", "Tydlig plan"]
    assert path.read_text(encoding="utf-8").startswith(by_hand)
    assert "  Undid 'Ja, nej'" in lines
    assert [e.text for e in session.saved] == ["Tydlig plan"]


def test_undoing_every_entry_of_a_new_file_removes_the_file(folder: Path) -> None:
    run(folder, [*START, "Oops", "", "", "Undo", "", "Finish"])
    assert not (folder / "entries" / "baseline" / "hoganas.yaml").exists()


def test_edit_replaces_the_last_entry_text_and_importance(folder: Path) -> None:
    script = [*START, "Tydlig plna", "2", "", "Edit", "Tydlig plan", "5", "", "Finish"]
    _, prompter, lines = run(folder, script)
    assert saved(folder) == [("Tydlig plan", 5, "r01")]
    edit_questions = [asked for asked in prompter.asked if asked[2] == ["Tydlig plna"]]
    assert edit_questions, "the old text is offered for editing"
    assert "  Changed to 'Tydlig plan'" in lines


def test_the_menu_shows_the_last_three_entries(folder: Path) -> None:
    script = [*START, "Ett", "", "Två", "", "Tre", "", "Fyra", "", "", "Finish"]
    _, _, lines = run(folder, script)
    at_menu = lines[lines.index("Latest entries:") :]
    assert at_menu[1:4] == ["  Strengths · Två", "  Strengths · Tre", "  Strengths · Fyra"]


def test_undo_is_offered_only_once_something_was_saved(folder: Path) -> None:
    _, prompter, _ = run(folder, [*START, "", "Finish"])
    menu = [titles for kind, message, titles in prompter.asked if message == "What next?"]
    assert not any("Undo" in title for title in menu[0])


def test_a_text_shorter_than_three_characters_is_asked_about(folder: Path) -> None:
    script = [*START, "3", False, "ok", True, "", "Tydlig plan", "", "", "Finish"]
    _, prompter, _ = run(folder, script)
    assert saved(folder) == [("ok", None, "r01"), ("Tydlig plan", None, "r01")]
    asked = [(message, default) for kind, message, default in prompter.asked if kind == "yes_no"]
    assert asked == [  # No is the answer Enter gives: a stray key is the likely case
        ("'3' is shorter than 3 characters. Save it anyway?", ["False"]),
        ("'ok' is shorter than 3 characters. Save it anyway?", ["False"]),
    ]


@pytest.mark.parametrize("setting", ["optional", "required"])
def test_ctrl_c_at_importance_keeps_the_text_in_either_setting(folder: Path, setting: str) -> None:
    workshop = folder / "workshop.yaml"
    workshop.write_text(
        workshop.read_text(encoding="utf-8") + f"importance: {setting}\n", encoding="utf-8"
    )
    _, _, lines = run(folder, [*START, "Tydlig plan", CTRL_C])
    assert saved(folder) == [("Tydlig plan", None, "r01")]
    assert lines[-1].endswith(
        "The last text was saved without importance; add it in the file if it is needed."
    )


def test_undo_refuses_when_someone_else_wrote_to_the_file_since(folder: Path) -> None:
    path = folder / "entries" / "baseline" / "hoganas.yaml"

    class OtherLaptop(ScriptedPrompter):
        def select(
            self, message: str, choices: Sequence[tuple[str, Any]], *a: Any, **k: Any
        ) -> Any:
            if message == "What next?" and path.exists() and "Bjuv" not in path.read_text():
                with path.open("a", encoding="utf-8") as file:
                    file.write("- theme: equality\n  quadrant: s\n  text: Från Bjuv\n")
            return super().select(message, choices, *a, **k)

    prompter = OtherLaptop([*START, "Tydlig plan", "", "", "Undo", "", "Finish"])
    lines: list[str] = []
    InteractiveSession(
        load_workshop(folder),
        CollectOptions(unit="hoganas", mode="survey"),
        "en",
        lines.append,
        prompter,  # type: ignore[arg-type]
    ).run()
    assert [text for text, _, _ in saved(folder)] == ["Tydlig plan", "Från Bjuv"]
    assert any("was changed by someone else" in line for line in lines)


def test_after_undoing_a_respondents_only_entry_the_next_is_a_new_respondent(
    folder: Path,
) -> None:
    script = [*START, "Fel", "", "", "Undo", "Rätt", "", "", "Finish"]
    session, _, _ = run(folder, script)
    assert saved(folder) == [("Rätt", None, "r01")]
    assert session.respondent == "r01"


def test_the_session_speaks_swedish_in_a_swedish_workshop(folder: Path) -> None:
    script = ["Jämställdhet", "Styrkor", "Tydlig plan", "", "", "Ångra", "", "Avsluta"]
    _, prompter, lines = run(folder, script, lang="sv")
    menu = next(
        titles for _, message, titles in prompter.asked if message == "Vad vill du göra nu?"
    )
    assert "Ångra senaste posten ('Tydlig plan')" in menu
    assert "Ändra senaste posten ('Tydlig plan')" in menu
    assert "  Ångrade 'Tydlig plan'" in lines


def test_a_folder_that_cannot_be_written_offers_a_side_file_in_the_home_folder(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    from swot.files import storage

    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    real = storage.atomic_write_bytes

    def read_only(path: Path, *args: Any, **kwargs: Any) -> None:
        if folder in path.parents:
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        real(path, *args, **kwargs)

    monkeypatch.setattr(storage, "atomic_write_bytes", read_only)
    monkeypatch.setattr("swot.files.appending.atomic_write_bytes", read_only)
    _, _, lines = run(folder, [*START, "Tydlig plan", "", True, "Bra chefer", "", "", "Finish"])
    side = list(
        (tmp_path / "home" / "swot-unsaved" / folder.name / "baseline").glob("hoganas-*.yaml")
    )
    assert len(side) == 1
    assert "text: Tydlig plan" in side[0].read_text(encoding="utf-8")
    assert "text: Bra chefer" in side[0].read_text(encoding="utf-8")
    assert any("the folder is read-only" in line for line in lines)
    assert not (folder / "entries" / "baseline" / "hoganas.yaml").exists()


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_visible_string_of_a_session_is_in_the_workshops_language(
    make_workshop: Callable[..., Path], lang: str
) -> None:
    """Questions, menu entries, instructions and lines said, in a session that goes through
    every menu: no word of the other language (entry texts and ids aside)."""
    from test_help_language import ENGLISH, SWEDISH

    folder = make_workshop(language=lang)
    if lang == "sv":
        script = ["Jämställdhet", "Styrkor", "Tydlig plan", "4", "ok", True, "", ""]
        script += ["Ändra", "Tydlig plan för alla", "5", "", "Nästa svarande", "Tillgänglighet"]
        script += ["Hot", "Nedskärningar", "", "", "Ångra", "", "Avsluta"]
    else:
        script = ["Gender equality", "Strengths", "Clear plan", "4", "ok", True, "", ""]
        script += ["Edit", "Clear plan for all", "5", "", "Next respondent", "Accessibility"]
        script += ["Threats", "Budget cuts", "", "", "Undo", "", "Finish"]
    prompter = ScriptedPrompter(script)
    lines: list[str] = []
    session = InteractiveSession(
        load_workshop(folder),
        CollectOptions(unit="hoganas"),
        lang,
        lines.append,
        prompter,  # type: ignore[arg-type]
    )
    session.ask.lang = lang
    prompter.script.insert(0, "Enkät" if lang == "sv" else "Survey")
    session.run()
    shown = [text for _, message, titles in prompter.asked for text in (message, *titles)]
    shown += lines
    entry_texts = {"Tydlig plan", "Tydlig plan för alla", "ok", "Nedskärningar", "Clear plan"}
    entry_texts |= {"Clear plan for all", "Budget cuts", "Höganäs", "Bjuv"}
    visible = " ".join(word for word in " ".join(shown).split() if "/" not in word)  # paths
    for text in sorted(entry_texts, key=len, reverse=True):
        visible = visible.replace(text, " ")
    other = ENGLISH if lang == "sv" else SWEDISH
    assert sorted({w.lower() for w in other.findall(visible)}) == [], visible
