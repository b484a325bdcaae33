"""Entry text is kept exactly as written: save → load gives back the same string."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from swot.files.entries import read_entries_file
from swot.files.storage import append_entries, format_entry, yaml_scalar
from swot.models import Entry
from swot.vocabulary import Quadrant

TRICKY = [
    "no",
    "No",
    "yes",
    "off",
    "null",
    "~",
    "12:30",
    "0123",
    "1_000",
    "0x1F",
    "1e3",
    ".5",
    "#x",
    "- dash first",
    "--",
    "---",
    "...",
    "'quoted'",
    '"double"',
    "a: b",
    "a #b",
    "key:",
    "å ä ö Å Ä Ö",
    "Tillgänglighet 🦽 för alla",
    "tab\tinside",
    "line\nbreak",
    " padded ",
    "2025-03-20",
    "*star",
    "&amp",
    "!bang",
    "%percent",
    "@at",
    "`tick",
    "|pipe",
    ">fold",
    "0\r0",
    "cr\rinside",
    "[list]",
    "{map}",
    "?question",
    "=",
    "<<",
    "\u2028sep",
    "\ufeffbom",
    "back\\slash",
]


def _roundtrip(text: str, folder: Path, lang: str = "sv") -> str:
    path = folder / "entries" / "r1" / "u1.yaml"
    if path.exists():
        path.unlink()
    entry = Entry(theme="equality", quadrant=Quadrant.STRENGTHS, text=text)
    append_entries(path, [entry], lang)
    result = read_entries_file(path)
    assert result.problems == [], result.problems
    return result.entries[0].text


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_text_survives_save_and_load(text: str, tmp_path: Path) -> None:
    assert _roundtrip(text, tmp_path) == text


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_all_fields_survive_save_and_load_in_both_languages(lang: str, tmp_path: Path) -> None:
    entry = Entry(
        theme="accessibility",
        quadrant=Quadrant.THREATS,
        text="Nej",
        importance=5,
        source="workshop",
        respondent="r07",
        note="från mötet 12:30",
    )
    path = tmp_path / "entries" / "r1" / "u1.yaml"
    append_entries(path, [entry], lang)
    (loaded,) = read_entries_file(path).entries
    assert loaded.model_dump() == entry.model_dump()


text_strategy = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=60
).filter(lambda t: t.strip() != "")


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=text_strategy)
def test_any_text_survives_save_and_load(text: str, tmp_path: Path) -> None:
    assert _roundtrip(text, tmp_path) == text


@given(text=text_strategy)
def test_yaml_scalar_is_one_line(text: str) -> None:
    assert "\n" not in yaml_scalar(text)


def test_plain_text_is_written_without_quotes() -> None:
    entry = Entry(
        theme="equality",
        quadrant=Quadrant.WEAKNESSES,
        text="Vi har en plan men inga aktiviteter",
        importance=4,
        respondent="r01",
    )
    assert format_entry(entry, "sv") == (
        "- tema: jämställdhet\n"
        "  kvadrant: svagheter\n"
        "  text: Vi har en plan men inga aktiviteter\n"
        "  vikt: 4\n"
        "  källa: enkät\n"
        "  svarande: r01\n"
    )


@settings(max_examples=3000, deadline=None)
@given(
    st.text(alphabet="aYnåÉ1 _-:#.,'\"[]{}!?&*|>%@`~\t\u00a0\u2028\ufeff\x85\x1f\n", max_size=10)
)
def test_a_text_taken_as_plain_at_a_glance_is_one_the_full_rules_take(text: str) -> None:
    from swot.files.storage import _QUICK_PLAIN, plain_is_safe

    if text.isprintable() and _QUICK_PLAIN.fullmatch(text):
        assert plain_is_safe(text)
