"""Response-rate arithmetic and what `round_status` counts (core, no CLI)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from swot.analysis.status import answers_needed, format_percent, round_status
from swot.files.workshop import load_workshop
from swot.vocabulary import Quadrant


def survey(*respondents: str | None, theme: str = "equality", quadrant: str = "weaknesses") -> str:
    """Entries text: one survey entry per respondent id (None: no id)."""
    lines = []
    for index, respondent in enumerate(respondents):
        lines += [
            f"- theme: {theme}",
            f"  quadrant: {quadrant}",
            f"  text: answer {index}",
            "  source: survey",
        ]
        if respondent is not None:
            lines.append(f"  respondent: {respondent}")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("respondents", "expected", "target", "needed"),
    [
        (9, 14, 75, 2),  # 75 % of 14 is 10.5: 11 are needed
        (11, 14, 75, 0),
        (12, 16, 75, 0),  # exactly 75 %
        (11, 16, 75, 1),
        (0, 10, 75, 8),
        (20, 10, 75, 0),  # more than expected
        (0, 3, 100, 3),
        (0, 7, 0, 0),
    ],
)
def test_answers_needed_is_the_ceiling_of_the_target_minus_respondents(
    respondents: int, expected: int, target: int, needed: int
) -> None:
    assert answers_needed(respondents, expected, target) == needed


@pytest.mark.parametrize(
    ("share", "lang", "text"),
    [(0.82, "sv", "82 %"), (0.82, "en", "82%"), (0.7499, "sv", "74 %"), (1.0, "en", "100%")],
)
def test_percentages_are_whole_and_rounded_down(share: float, lang: str, text: str) -> None:
    assert format_percent(share, lang) == text


def test_response_rate_counts_distinct_respondent_ids(make_workshop: Callable[..., Path]) -> None:
    folder = make_workshop(
        entries={"baseline/hoganas": survey("r1", "r1", "r2", "r3")},
        rounds={"baseline": {"hoganas": 4, "bjuv": 4}},
    )
    unit = round_status(load_workshop(folder)).unit("hoganas")
    assert (unit.respondents, unit.expected, unit.rate) == (3, 4, 0.75)


def test_workshop_entries_and_entries_without_id_are_not_respondents(
    make_workshop: Callable[..., Path],
) -> None:
    text = survey("r1", None, None) + (
        "- theme: equality\n  quadrant: strengths\n  text: agreed\n"
        "  source: workshop\n  respondent: r9\n"
    )
    folder = make_workshop(entries={"baseline/hoganas": text})
    unit = round_status(load_workshop(folder)).unit("hoganas")
    assert (unit.respondents, unit.entries, unit.anonymous_survey_entries) == (1, 4, 2)


def test_entries_without_respondent_id_are_noted_with_the_fix(
    make_workshop: Callable[..., Path],
) -> None:
    folder = make_workshop(entries={"baseline/hoganas": survey("r1", None)})
    notes = round_status(load_workshop(folder)).notes
    assert [(n.message, n.hint) for n in notes] == [
        (
            "Höganäs: survey entries without a respondent id: 1 (they do not count as respondents)",
            "add 'respondent: <id>' to each survey answer (the same id for one person)",
        )
    ]


def test_entries_are_counted_per_theme_and_quadrant(make_workshop: Callable[..., Path]) -> None:
    text = survey("r1", "r2") + survey("r3", theme="accessibility", quadrant="threats")
    folder = make_workshop(entries={"baseline/bjuv": text})
    counts = round_status(load_workshop(folder)).unit("bjuv").counts
    assert counts["equality"][Quadrant.WEAKNESSES] == 2
    assert counts["accessibility"][Quadrant.THREATS] == 1
    assert counts["equality"][Quadrant.STRENGTHS] == 0


def test_unit_below_target_is_flagged_with_answers_needed(
    make_workshop: Callable[..., Path],
) -> None:
    folder = make_workshop(
        entries={"baseline/hoganas": survey("r1", "r2"), "baseline/bjuv": survey("a", "b", "c")},
        rounds={"baseline": {"hoganas": 4, "bjuv": 4}},
    )
    status = round_status(load_workshop(folder))
    assert [(u.unit, u.needed) for u in status.below_target] == [("hoganas", 1)]
    assert status.unit("hoganas").target_label("sv") == "inte än: 1 till"
    assert status.unit("bjuv").target_label("en") == "met"


def test_target_comes_from_the_workshop(make_workshop: Callable[..., Path]) -> None:
    folder = make_workshop(entries={"baseline/hoganas": survey("r1", "r2", "r3")})
    yaml_path = folder / "workshop.yaml"
    yaml_path.write_text(
        yaml_path.read_text(encoding="utf-8") + "response_target: 90\n", encoding="utf-8"
    )
    unit = round_status(load_workshop(folder)).unit("hoganas")
    assert (unit.target, unit.met, unit.needed) == (90, False, 1)


def test_unit_with_no_expected_count_gets_a_message_not_a_rate(
    make_workshop: Callable[..., Path],
) -> None:
    folder = make_workshop(
        entries={"baseline/bjuv": survey("r1")}, rounds={"baseline": {"hoganas": 4}}
    )
    status = round_status(load_workshop(folder))
    bjuv = status.unit("bjuv")
    assert (bjuv.rate, bjuv.met, bjuv.needed, bjuv.target_label("en")) == (
        None,
        None,
        None,
        "no expected count",
    )
    assert [(n.file, n.message, n.hint) for n in status.notes] == [
        (
            str(folder / "workshop.yaml"),
            "Bjuv: no expected number of respondents for round 'baseline', so no response "
            "rate can be given",
            "in workshop.yaml, add 'bjuv: N' under rounds → baseline → expected",
        )
    ]


def test_unit_expecting_zero_respondents_gets_a_message_not_a_rate(
    make_workshop: Callable[..., Path],
) -> None:
    folder = make_workshop(rounds={"baseline": {"hoganas": 0, "bjuv": 2}})
    status = round_status(load_workshop(folder), lang="sv")
    assert status.unit("hoganas").rate is None
    assert [n.message for n in status.notes] == [
        "Höganäs: omgången 'baseline' förväntar 0 svarande, så ingen svarsfrekvens kan räknas fram"
    ]


def test_units_without_a_file_are_missing(make_workshop: Callable[..., Path]) -> None:
    folder = make_workshop(entries={"baseline/hoganas": survey("r1")})
    status = round_status(load_workshop(folder))
    assert status.missing_units == ["bjuv"]
    assert status.unit("bjuv").has_file is False


def test_file_with_errors_is_listed_and_its_readable_entries_still_count(
    make_workshop: Callable[..., Path],
) -> None:
    broken = survey("r1", "r2") + "- theme: equality\n  quadrant: sideways\n  text: x\n"
    folder = make_workshop(entries={"baseline/hoganas": broken})
    status = round_status(load_workshop(folder))
    assert status.unit("hoganas").respondents == 2
    [(name, problems)] = status.files_with_problems.items()
    assert name.endswith("entries/baseline/hoganas.yaml")
    assert [(p.line, p.message) for p in problems] == [(12, "'sideways' is not a quadrant")]


def test_a_file_named_after_no_unit_is_listed_but_not_counted(
    make_workshop: Callable[..., Path],
) -> None:
    folder = make_workshop(entries={"baseline/lund": survey("r1")})
    status = round_status(load_workshop(folder))
    assert [u.unit for u in status.units] == ["hoganas", "bjuv"]
    assert [name.rsplit("/", 1)[-1] for name in status.files_with_problems] == ["lund.yaml"]
