"""``swot prioritise``'s session, driven by a scripted Prompter (fast; test_prioritise_pty.py runs
it in a real terminal). Each answer of a script is what the room does at the next question: a
menu entry chosen by (part of) its title, a yes/no, or Ctrl-C."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from test_collect_session import CTRL_C, ScriptedPrompter
from typer.testing import CliRunner

from swot.cli import app
from swot.cli.prioritise_session import PrioritiseSession
from swot.cli.prompts import Interrupted
from swot.errors import DataError
from swot.files.priorities import PRIORITIES_FILE, load_priorities
from swot.files.workshop import load_workshop
from swot.jobs.prioritise import PrioritiseRequest, Prioritising, run

# Three strengths, two weaknesses, one threat, no opportunities (of the equality theme).
ENTRIES = {
    "baseline/hoganas": """\
- {theme: equality, quadrant: strengths, text: Clear plan, importance: 5}
- {theme: equality, quadrant: strengths, text: Good managers, importance: 4}
- {theme: equality, quadrant: strengths, text: Open climate, importance: 3}
- {theme: equality, quadrant: weaknesses, text: No follow-up, importance: 5}
- {theme: equality, quadrant: weaknesses, text: No training, importance: 4}
- {theme: equality, quadrant: threats, text: Budget cuts, importance: 5}
""",
}
A, B, EQUAL = "A: ", "B: ", "Equally"


class WatchingPrompter(ScriptedPrompter):
    """Also notes, at every question, how many judgments priorities.yaml holds by then."""

    def __init__(self, script: Sequence[Any], folder: Path) -> None:
        super().__init__(script)
        self.folder = folder
        self.on_disk: list[int] = []

    def _next(self) -> Any:
        path = self.folder / PRIORITIES_FILE
        self.on_disk.append(path.read_text(encoding="utf-8").count("\n- ") if path.exists() else 0)
        return super()._next()


@pytest.fixture
def folder(make_workshop: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    made = make_workshop(ENTRIES)
    monkeypatch.chdir(made)  # files are named as the user would type them
    return made


def plan(folder: Path, **options: Any) -> Prioritising:
    request = PrioritiseRequest(folder, is_terminal=lambda: True, **options)
    return run(request)


def session(
    folder: Path, script: Sequence[Any], **options: Any
) -> tuple[Prioritising, WatchingPrompter, list[str]]:
    prompter = WatchingPrompter(script, folder)
    lines: list[str] = []
    state = plan(folder, **{"theme": "equality", "rater": "the room", **options})
    try:
        PrioritiseSession(state, lines.append, prompter).run()  # type: ignore[arg-type]
    except Interrupted as stop:
        lines.append(stop.line)
    assert prompter.script == [], "the session ended before the script did"
    return state, prompter, lines


def judged(folder: Path) -> list[tuple[str, str, str, float]]:
    read = load_priorities(load_workshop(folder))
    return [(j.matrix, j.a, j.b, round(j.value, 3)) for j in read.judgments]


# Strengths (3 pairs), weaknesses (1), then the three quadrants that have items (3 pairs).
CONSISTENT = [
    A, "3 –",  # clear plan 3 × good managers
    A, "9 –",  # clear plan 9 × open climate
    A, "3 –",  # good managers 3 × open climate: consistent
    B, "5 –",  # no training 5 × no follow-up
    EQUAL,  # strengths = weaknesses
    A, "2 –",  # strengths 2 × threats
    A, "2 –",  # weaknesses 2 × threats
]  # fmt: skip


def test_every_judgment_is_saved_before_the_next_question(folder: Path) -> None:
    _, prompter, lines = session(folder, CONSISTENT)
    # Two questions for a pair (which, how much), one for "equally important".
    assert prompter.on_disk == [0, 0, 1, 1, 2, 2, 3, 3, 4, 5, 5, 6, 6]
    assert judged(folder) == [
        ("strengths", "Clear plan", "Good managers", 3.0),
        ("strengths", "Clear plan", "Open climate", 9.0),
        ("strengths", "Good managers", "Open climate", 3.0),
        ("weaknesses", "No follow-up", "No training", 0.2),
        ("quadrants", "strengths", "weaknesses", 1.0),
        ("quadrants", "strengths", "threats", 2.0),
        ("quadrants", "weaknesses", "threats", 2.0),
    ]
    assert "  Consistency ratio (CR) 0.00: the judgments hold together (at most 0.10)" in lines
    assert "Gender equality · Strengths: 3 pairs to compare, 3 to go" in lines


def test_the_questions_name_the_two_items_and_the_scale_in_words(folder: Path) -> None:
    _, prompter, _ = session(folder, [*CONSISTENT[:2], CTRL_C])
    _, message, titles = prompter.asked[0]
    assert message == "1/3 · What weighs more for Gender equality?"
    assert titles == ["A: Clear plan", "B: Good managers", "Equally important"]
    assert prompter.asked[1][1] == "How much more important is A than B?"
    assert prompter.asked[1][2][:2] == [
        "2 – equally to moderately more important",
        "3 – moderately more important",
    ]
    assert prompter.asked[1][2][-1] == "9 – extremely more important"


def test_swedish_questions_use_the_swedish_scale(make_workshop: Callable[..., Path]) -> None:
    folder = make_workshop(ENTRIES, language="sv")
    _, prompter, _ = session(folder, [A, CTRL_C], rater="rummet")
    assert prompter.asked[0][1] == "1/3 · Vad väger tyngst för jämställdhet?"
    assert prompter.asked[0][2][2] == "Lika viktiga"
    assert prompter.asked[1][2][1:4:2] == ["3 – något viktigare", "5 – mycket viktigare"]


def test_ctrl_c_keeps_every_judgment_and_a_rerun_asks_only_what_is_missing(folder: Path) -> None:
    _, _, lines = session(folder, [*CONSISTENT[:4], A, CTRL_C])
    assert lines[-1] == (
        "Interrupted – 2 judgments saved in priorities.yaml. Run the same command again: only "
        "what is missing is asked."
    )
    assert len(judged(folder)) == 2
    _, prompter, _ = session(folder, CONSISTENT[4:])
    assert prompter.asked[0][1] == "1/1 · What weighs more for Gender equality?"
    assert prompter.asked[0][2][:2] == ["A: Good managers", "B: Open climate"]
    assert len(judged(folder)) == 7


def test_of_three_items_the_room_picks_which_judgment_to_revisit(folder: Path) -> None:
    script = [
        A, "3 –",  # clear plan 3 × good managers
        A, "3 –",  # clear plan 3 × open climate
        B, "5 –",  # open climate 5 × good managers: then clear plan is 15 × good managers
        "the other two say: 'Clear plan' is extremely",  # revisit the first …
        A, "9 –",  # … clear plan 9 × good managers
        CTRL_C,
    ]  # fmt: skip
    _, prompter, lines = session(folder, script)
    assert lines[5:7] == [
        "  Consistency ratio (CR) 0.25: above 0.10, the judgments partly contradict each other",
        "  With three items one cannot tell which judgment is off: the three contradict each "
        "other equally.",
    ]
    assert prompter.asked[6] == (
        "select",
        "Which judgment do you want to look at again?",
        [
            "'Clear plan' is moderately more important than 'Good managers' (the other two say: "
            "'Clear plan' is extremely more important than 'Good managers')",
            "'Clear plan' is moderately more important than 'Open climate' (the other two say: "
            "'Open climate' is equally to moderately more important than 'Clear plan')",
            "'Open climate' is strongly more important than 'Good managers' (the other two say: "
            "'Good managers' and 'Open climate' are equally important)",
            "None – keep the judgments",
        ],
    )
    assert "  Consistency ratio (CR) 0.03: the judgments hold together (at most 0.10)" in lines
    assert judged(folder)[0] == ("strengths", "Clear plan", "Good managers", 9.0)
    assert (folder / PRIORITIES_FILE).read_text(encoding="utf-8").count("\n- ") == 3


FOUR = "".join(
    f"- {{theme: equality, quadrant: strengths, text: {text}, importance: {5 - n}}}\n"
    for n, text in enumerate(["Plan", "Managers", "Climate", "Budget"])
)


def test_of_four_items_the_judgment_that_fits_least_is_named_and_revised_in_place(
    make_workshop: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = make_workshop({"baseline/hoganas": FOUR})
    monkeypatch.chdir(folder)
    script = [
        A, "2 –", A, "4 –", A, "8 –",  # plan 2 × managers, 4 × climate, 8 × budget
        B, "5 –",  # climate 5 × managers: the slip (the others say managers 2 × climate)
        A, "4 –", A, "2 –",  # managers 4 × budget, climate 2 × budget
        True,  # look at it again
        A, "2 –",  # managers 2 × climate
    ]  # fmt: skip
    _, prompter, lines = session(folder, script)
    assert lines[-4:] == [
        "  Consistency ratio (CR) 0.27: above 0.10, the judgments partly contradict each other",
        "  Fits least: you said 'Climate' is strongly more important than 'Managers'.",
        "  The other judgments point to this: 'Managers' is equally to moderately more "
        "important than 'Climate'.",
        "  Consistency ratio (CR) 0.00: the judgments hold together (at most 0.10)",
    ]
    assert prompter.asked[-2][1] == "Again · What weighs more for Gender equality?"
    assert judged(folder)[3] == ("strengths", "Managers", "Climate", 2.0)
    assert (folder / PRIORITIES_FILE).read_text(encoding="utf-8").count("\n- ") == 6


def test_a_judgment_about_an_item_that_no_longer_exists_is_named_and_the_pair_asked_anew(
    folder: Path,
) -> None:
    stale = (
        "- round: baseline\n  theme: equality\n  rater: the room\n  compare: strengths\n"
        "  a: Clear plan\n  b: A strength nobody wrote\n  value: 3\n"
    )
    (folder / PRIORITIES_FILE).write_text(stale, encoding="utf-8")
    _, _, lines = session(folder, [CTRL_C])
    assert lines[0] == (
        "priorities.yaml:1: this judgment is about an item the round no longer has; the pair is "
        "asked anew (the judgment stays in the file)"
    )
    assert (folder / PRIORITIES_FILE).read_text(encoding="utf-8") == stale


def test_the_rater_is_asked_when_not_given(folder: Path) -> None:
    prompter = ScriptedPrompter(["Another group", "Management team", CTRL_C])
    state = plan(folder, theme="equality")
    with pytest.raises(Interrupted):
        PrioritiseSession(state, lambda line: None, prompter).run()  # type: ignore[arg-type]
    assert prompter.asked[0][2] == [
        "The room – everyone together",
        "Höganäs",
        "Bjuv",
        "Another group …",
    ]
    assert state.rater == "Management team"


def test_without_a_terminal_prioritise_is_a_usage_error(runner: CliRunner, folder: Path) -> None:
    result = runner.invoke(app, ["prioritise", str(folder)])
    assert result.exit_code == 2
    assert "swot prioritise asks questions and needs a terminal" in result.output


def test_top_must_leave_something_to_compare(runner: CliRunner, folder: Path) -> None:
    result = runner.invoke(app, ["prioritise", str(folder), "--top", "1"])
    assert result.exit_code == 2
    assert "--top must be between 2 and 9, not 1" in result.output


def test_a_broken_priorities_file_stops_before_any_question(folder: Path) -> None:
    (folder / PRIORITIES_FILE).write_text("- round: baseline\n  value: 12\n", encoding="utf-8")
    with pytest.raises(DataError) as raised:
        plan(folder)
    assert "priorities.yaml:2:10: judgment 1 → value: 12 is outside the scale 1/9–9" in (
        raised.value.format()
    )
