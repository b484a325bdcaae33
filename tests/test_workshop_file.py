"""workshop.yaml: units, rounds, themes, and located errors for each mistake."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from swot.errors import DataError
from swot.files.entries import read_entries_file
from swot.files.workshop import check_workshop_file, load_workshop
from swot.models import suggest_id

GOOD = """\
name: Nordväst
language: sv
themes:
  - equality
  - id: digital
    sv: Digital inkludering
    en: Digital inclusion
units:
  - id: hoganas
    name: Höganäs
  - id: bjuv
    namn: Bjuv
    kommun: Bjuv
rounds:
  - id: baseline
    datum: 2025-03-20
    expected: {hoganas: 12, bjuv: 8}
  - id: followup
"""


def _check(tmp_path: Path, text: str):
    path = tmp_path / "workshop.yaml"
    path.write_text(text, encoding="utf-8")
    return check_workshop_file(path, "en")


def test_good_workshop_loads_with_swedish_keys_and_custom_theme(tmp_path: Path) -> None:
    workshop, problems = _check(tmp_path, GOOD)
    assert problems == []
    assert workshop is not None
    assert [t.id for t in workshop.themes] == ["equality", "digital"]
    assert workshop.theme("digital").name("sv") == "Digital inkludering"
    assert workshop.units[1].municipality == "Bjuv"
    assert workshop.latest_round.id == "followup"
    assert workshop.round("baseline").expected == {"hoganas": 12, "bjuv": 8}


def test_custom_theme_is_accepted_in_entries_by_any_of_its_names(tmp_path: Path) -> None:
    (tmp_path / "workshop.yaml").write_text(GOOD, encoding="utf-8")
    entries = tmp_path / "entries" / "baseline" / "bjuv.yaml"
    entries.parent.mkdir(parents=True)
    entries.write_text("- tema: Digital inkludering\n  kvadrant: S\n  text: X\n", encoding="utf-8")
    result = read_entries_file(entries, load_workshop(tmp_path))
    assert result.entries[0].theme == "digital"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            ("  - id: bjuv\n", "  - id: ../bjuv\n"),
            "workshop.yaml:11:9: units 2 → id: '../bjuv' cannot be used as an id (it becomes a file "
            "name)\n  → use lower-case a–z, digits, '-' and '_' only, e.g. 'bjuv'",
        ),
        (
            ("  - id: bjuv\n", "  - id: hoganas\n"),
            "workshop.yaml:11:9: unit id 'hoganas' is used twice\n  → give every unit its own id",
        ),
        (
            ("{hoganas: 12, bjuv: 8}", "{hoganas: 12, bjuvv: 8}"),
            "workshop.yaml:17:29: round 'baseline' expects respondents from 'bjuvv', which is not a "
            "unit; did you mean 'bjuv'?\n  → use the id of a unit listed under units:",
        ),
        (
            ("language: sv", "language: sverige"),
            "workshop.yaml:2:11: language: 'sverige' is not a language swot speaks\n  → use sv or en",
        ),
        (
            ("datum: 2025-03-20", "datum: 20 mars"),
            "workshop.yaml:16:12: rounds 1 → datum: '20 mars' is not a date\n"
            "  → write the date as YYYY-MM-DD, e.g. 2025-03-20",
        ),
        (
            ("name: Nordväst\n", "nam: Nordväst\n"),
            "workshop.yaml:1:1: unknown key 'nam'; did you mean 'name'?\n"
            "  → allowed keys here: name, language, response_target, importance, themes, units, rounds",
        ),
    ],
)
def test_workshop_mistakes_are_located(
    change: tuple[str, str], expected: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    old, new = change
    assert old in GOOD
    workshop, problems = _check(tmp_path, GOOD.replace(old, new))
    assert workshop is None or any(p.severity == "error" for p in problems)
    assert problems[0].format() == expected


def test_missing_units_is_reported(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    _, problems = _check(tmp_path, "name: X\nrounds:\n  - id: a\n")
    assert [p.format() for p in problems] == [
        "workshop.yaml:1:1: units: 'units' is missing\n  → add a line 'units: …' to this item"
    ] or [p.message for p in problems] == ["'units' is missing"]


def test_load_workshop_finds_the_folder_from_below(make_workshop: Callable[..., Path]) -> None:
    folder = make_workshop(entries={"baseline/bjuv": "[]\n"})
    assert load_workshop(folder / "entries" / "baseline").folder == folder


def test_no_workshop_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DataError) as caught:
        load_workshop(tmp_path)
    assert "no workshop.yaml found" in caught.value.problems[0].message
    assert "swot init" in caught.value.problems[0].hint


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Ängelholm", "angelholm"),
        ("Höganäs", "hoganas"),
        ("Örkelljunga", "orkelljunga"),
        ("Helsingborg stad", "helsingborg-stad"),
        ("CON", "con-1"),
        ("../x", "x"),
    ],
)
def test_ids_made_from_names_are_safe_file_names(name: str, expected: str) -> None:
    assert suggest_id(name) == expected


def test_a_unit_id_used_twice_is_named_in_swedish_in_a_swedish_message(tmp_path: Path) -> None:
    path = tmp_path / "workshop.yaml"
    path.write_text(GOOD.replace("id: bjuv", "id: hoganas"), encoding="utf-8")
    _, (problem,) = check_workshop_file(path, "sv")
    assert (problem.message, problem.hint) == (
        "id 'hoganas' används två gånger (enhet)",
        "ge varje enhet ett eget id",
    )
