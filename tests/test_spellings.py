"""Swedish and English spellings of keys and values are accepted, case-insensitively."""

from __future__ import annotations

from pathlib import Path

import pytest

from swot.files.entries import read_entries_file
from swot.vocabulary import Quadrant, Source


def _load(tmp_path: Path, body: str):
    path = tmp_path / "u.yaml"
    path.write_text(body, encoding="utf-8")
    return read_entries_file(path)


@pytest.mark.parametrize(
    ("written", "quadrant"),
    [
        ("styrkor", Quadrant.STRENGTHS),
        ("Styrka", Quadrant.STRENGTHS),
        ("S", Quadrant.STRENGTHS),
        ("strengths", Quadrant.STRENGTHS),
        ("svagheter", Quadrant.WEAKNESSES),
        ("W", Quadrant.WEAKNESSES),
        ("WEAKNESSES", Quadrant.WEAKNESSES),
        ("möjligheter", Quadrant.OPPORTUNITIES),
        ("mojligheter", Quadrant.OPPORTUNITIES),
        ("o", Quadrant.OPPORTUNITIES),
        ("Hot", Quadrant.THREATS),
        ("threat", Quadrant.THREATS),
        ("T", Quadrant.THREATS),
    ],
)
def test_quadrant_spellings(written: str, quadrant: Quadrant, tmp_path: Path) -> None:
    result = _load(tmp_path, f"- theme: equality\n  quadrant: {written}\n  text: X\n")
    assert result.problems == []
    assert result.entries[0].quadrant is quadrant


@pytest.mark.parametrize(
    ("written", "theme"),
    [
        ("jämställdhet", "equality"),
        ("Jämställdhet", "equality"),
        ("jamstalldhet", "equality"),
        ("equality", "equality"),
        ("tillgänglighet", "accessibility"),
        ("ACCESSIBILITY", "accessibility"),
    ],
)
def test_theme_spellings(written: str, theme: str, tmp_path: Path) -> None:
    result = _load(tmp_path, f"- theme: {written}\n  quadrant: S\n  text: X\n")
    assert result.entries[0].theme == theme


def test_swedish_keys_mean_the_same_as_english_keys(tmp_path: Path) -> None:
    swedish = _load(
        tmp_path,
        "- Tema: jämställdhet\n  KVADRANT: hot\n  text: X\n  vikt: 2\n  källa: enkät\n"
        "  svarande: r03\n  anteckning: N\n",
    ).entries[0]
    english = _load(
        tmp_path,
        "- theme: equality\n  quadrant: threats\n  text: X\n  importance: 2\n  source: survey\n"
        "  respondent: r03\n  note: N\n",
    ).entries[0]
    assert swedish.model_dump() == english.model_dump()


def test_workshop_source_is_read(tmp_path: Path) -> None:
    entry = _load(tmp_path, "- tema: jämställdhet\n  kvadrant: S\n  text: X\n  källa: Workshop\n")
    assert entry.entries[0].source is Source.WORKSHOP


def test_same_key_in_two_languages_is_an_error(tmp_path: Path) -> None:
    (problem,) = _load(
        tmp_path, "- theme: equality\n  tema: equality\n  quadrant: S\n  text: X\n"
    ).problems
    assert problem.message == "'tema' and 'theme' mean the same key (first on line 1)"
    assert problem.line == 2


def test_wrong_source_suggests_the_nearest(tmp_path: Path) -> None:
    (problem,) = _load(
        tmp_path, "- theme: equality\n  quadrant: S\n  text: X\n  source: enkt\n"
    ).problems
    assert problem.message == "'enkt' is not a source; did you mean 'enkät'?"


def test_blank_text_is_an_error(tmp_path: Path) -> None:
    (problem,) = _load(tmp_path, "- theme: equality\n  quadrant: S\n  text: '  '\n").problems
    assert (
        problem.format()
        == (
            "u.yaml:3:9: entry 1 → text: the text is empty\n"
            "  → write the entry's text after 'text:', or remove the entry"
        )
        or problem.message == "the text is empty"
    )
