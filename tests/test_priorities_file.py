"""priorities.yaml is read like every other file (each problem at its line, with a fix), and
written the way entries are: appends keep every byte a person wrote, a revision changes one
value and nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest

from swot.errors import DataError
from swot.files.priorities import (
    PRIORITIES_FILE,
    Judgment,
    PrioritiesFileBroken,
    append_judgment,
    format_ratio,
    load_priorities,
    parse_ratio,
    revise_judgment,
)
from swot.files.workshop import load_workshop

WORKSHOP = """\
name: Test
language: {language}
units:
  - id: hoganas
    name: Höganäs
rounds:
  - id: baseline
"""
JUDGMENT = """\
- round: baseline
  theme: equality
  rater: the room
  compare: weaknesses
  a: No plan
  b: No training
  value: {value}
"""


def workshop(tmp_path: Path, priorities: str, language: str = "en") -> Path:
    (tmp_path / "workshop.yaml").write_text(WORKSHOP.format(language=language), encoding="utf-8")
    (tmp_path / PRIORITIES_FILE).write_text(priorities, encoding="utf-8")
    return tmp_path


def problems(folder: Path) -> list[str]:
    with pytest.raises(DataError) as raised:
        load_priorities(load_workshop(folder))
    return [p.format() for p in raised.value.problems]


CASES = [
    pytest.param(
        JUDGMENT.format(value=3)
        + "- round: baseline\n  theme: equality\n  rater: The Room\n  compare: w\n"
        "  a: No training\n  b: No plan\n  value: 3\n",
        [
            "priorities.yaml:14:10: judgment 2: contradicts the judgment on line 1: there 'No plan' weighs 3 times as much as 'No training', here 1/3\n  → a pair is judged once per rater (either way round): keep the judgment the group agreed on and delete the other"
        ],
        id="reciprocals_contradict",
    ),
    pytest.param(
        JUDGMENT.format(value=12),
        [
            "priorities.yaml:7:10: judgment 1 → value: 12 is outside the scale 1/9–9\n  → 9 is the most (a extremely more important than b) and 1/9 the least (b extremely more important than a)"
        ],
        id="above_nine",
    ),
    pytest.param(
        JUDGMENT.format(value="1/10"),
        [
            "priorities.yaml:7:10: judgment 1 → value: 1/10 is outside the scale 1/9–9\n  → 9 is the most (a extremely more important than b) and 1/9 the least (b extremely more important than a)"
        ],
        id="below_one_ninth",
    ),
    pytest.param(
        JUDGMENT.format(value="three"),
        [
            "priorities.yaml:7:10: judgment 1 → value: 'three' is not a judgment\n  → write how many times more a weighs than b: a number from 1 to 9 (1 equally important, 3 moderately more important, 5 strongly, 7 very strongly, 9 extremely more important), or 1/2 … 1/9 when b weighs more"
        ],
        id="not_a_number",
    ),
    pytest.param(
        JUDGMENT.format(value=3).replace("  rater: the room\n", ""),
        [
            "priorities.yaml:1:3: judgment 1 → rater: it does not say who judged ('rater' is missing)\n  → add a line 'rater: …' with a unit, a group's name, or 'the room' when everyone judged together"
        ],
        id="missing_rater",
    ),
    pytest.param(
        JUDGMENT.format(value=3).replace("compare: weaknesses", "compare: weakneses"),
        [
            "priorities.yaml:4:12: judgment 1 → compare: 'weakneses' is neither a quadrant nor 'quadrants'; did you mean 'weaknesses'?\n  → write a quadrant (strengths, weaknesses, opportunities, threats) to compare its items, or 'quadrants' to compare the quadrants"
        ],
        id="unknown_compare",
    ),
    pytest.param(
        JUDGMENT.format(value=3).replace("b: No training", "b: no plan"),
        [
            "priorities.yaml:6:6: judgment 1 → b: a and b are the same item\n  → a judgment compares two different items; correct the text of a or b"
        ],
        id="same_item_twice",
    ),
    pytest.param(
        "- round: baseline\n  theme: equality\n  rater: the room\n  compare: quadrants\n"
        "  a: strengths\n  b: threts\n  value: 2\n",
        [
            "priorities.yaml:6:6: judgment 1 → b: 'threts' is not a quadrant; did you mean 'threats'?\n  → use strengths, weaknesses, opportunities or threats (or styrkor, svagheter, möjligheter, hot; S/W/O/T)"
        ],
        id="quadrants_matrix_side",
    ),
    pytest.param(
        "round: baseline\n",
        [
            "priorities.yaml:1:1: priorities.yaml must be a list of judgments, each starting with '- '\n  → write each judgment as '- round: …' with its theme, rater, compare, a, b and value indented below it"
        ],
        id="not_a_list",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_a_bad_judgment_is_named_at_its_line_with_a_fix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, expected: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert problems(workshop(tmp_path, text)) == expected


def test_a_pair_judged_twice_alike_is_a_warning_and_counts_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    again = JUDGMENT.format(value="1/3").replace(
        "a: No plan\n  b: No training", "a: No training\n  b: No plan"
    )
    read = load_priorities(load_workshop(workshop(tmp_path, JUDGMENT.format(value=3) + again)))
    assert [w.format() for w in read.warnings] == [
        "priorities.yaml:14:10: judgment 2: the same judgment as on line 1\n  → a pair is judged once per rater; delete one of them"
    ]


def test_swedish_keys_and_values_read_like_english_ones(tmp_path: Path) -> None:
    text = (
        "- omgång: baseline\n  tema: jämställdhet\n  bedömare: Rummet\n  jämför: svagheter\n"
        "  a: Ingen plan\n  a-id: w-1234567\n  b: Ingen utbildning\n  värde: 0,5\n"
    )
    [judgment] = load_priorities(load_workshop(workshop(tmp_path, text, "sv"))).judgments
    assert (judgment.theme, judgment.matrix, judgment.rater_key, judgment.value) == (
        "equality",
        "weaknesses",
        "room",
        0.5,
    )
    assert (judgment.a_id, judgment.line, judgment.value_at) == ("w-1234567", 1, (8, 10))


@pytest.mark.parametrize(
    ("text", "value"), [("3", 3.0), ("1/3", 1 / 3), ("2,5", 2.5), (" 1 / 9 ", 1 / 9), ("x", None)]
)
def test_parse_ratio(text: str, value: float | None) -> None:
    assert parse_ratio(text) == (pytest.approx(value) if value else None)


def test_format_ratio_writes_whole_numbers_and_fractions_as_people_do() -> None:
    assert [format_ratio(v, "sv") for v in (3.0, 1 / 5, 2.5, 0.4)] == ["3", "1/5", "2,50", "0,40"]


def judgment(value: float) -> Judgment:
    return Judgment(
        "baseline",
        "equality",
        "the room",
        "weaknesses",
        "No plan",
        "No training",
        value,
        a_id="w-1",
    )


def test_an_append_keeps_every_byte_a_person_wrote(tmp_path: Path) -> None:
    by_hand = "# judged on paper first\r\n" + JUDGMENT.format(value=5).replace("\n", "\r\n")
    by_hand = by_hand.replace("No training", "No budget")
    folder = workshop(tmp_path, by_hand)
    append_judgment(load_workshop(folder), judgment(3), "en", "gender equality")
    data = (folder / PRIORITIES_FILE).read_bytes()
    assert data.startswith(by_hand.encode())
    assert b"\r\n  value: 3\r\n" in data[len(by_hand) :]
    assert len(load_priorities(load_workshop(folder)).judgments) == 2


def test_a_new_file_starts_with_a_header_that_explains_the_scale(tmp_path: Path) -> None:
    (tmp_path / "workshop.yaml").write_text(WORKSHOP.format(language="sv"), encoding="utf-8")
    append_judgment(load_workshop(tmp_path), judgment(1 / 3), "sv", "jämställdhet")
    text = (tmp_path / PRIORITIES_FILE).read_text(encoding="utf-8")
    assert "3 något viktigare" in text.splitlines()[1]
    assert text.endswith(
        "- omgång: baseline\n  tema: jämställdhet\n  bedömare: the room\n  jämför: svagheter\n"
        "  a: No plan\n  a-id: w-1\n  b: No training\n  värde: 1/3\n"
    )


def test_a_broken_file_gets_nothing_appended_and_the_judgment_is_shown(tmp_path: Path) -> None:
    folder = workshop(tmp_path, JUDGMENT.format(value=30))
    before = (folder / PRIORITIES_FILE).read_bytes()
    with pytest.raises(PrioritiesFileBroken) as raised:
        append_judgment(load_workshop(folder), judgment(3), "en", "gender equality")
    assert "value: 30 is outside the scale 1/9–9" in raised.value.message
    assert raised.value.hint.startswith("fix the mistakes and run again")
    assert raised.value.hint.endswith("  b: No training\n  value: 3")
    assert (folder / PRIORITIES_FILE).read_bytes() == before


def test_a_revision_changes_the_value_and_nothing_else(tmp_path: Path) -> None:
    text = (
        "# ours\n"
        + JUDGMENT.format(value="7   # we argued")
        + JUDGMENT.format(value=2).replace("No plan", "No money")
    )
    folder = workshop(tmp_path, text)
    loaded = load_workshop(folder)
    first = load_priorities(loaded).judgments[0]
    assert revise_judgment(loaded, first, 1 / 2, "en")
    assert (folder / PRIORITIES_FILE).read_text(encoding="utf-8") == text.replace(
        "value: 7 ", "value: 1/2 "
    )


def test_a_revision_refuses_a_value_that_was_edited_since(tmp_path: Path) -> None:
    folder = workshop(tmp_path, JUDGMENT.format(value=7))
    loaded = load_workshop(folder)
    first = load_priorities(loaded).judgments[0]
    edited = JUDGMENT.format(value=5)
    (folder / PRIORITIES_FILE).write_text(edited, encoding="utf-8")
    assert not revise_judgment(loaded, first, 1 / 2, "en")
    assert (folder / PRIORITIES_FILE).read_text(encoding="utf-8") == edited
