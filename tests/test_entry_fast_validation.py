"""The quick path of entry validation agrees with pydantic's, or leaves the entry to it.

``entry_from_strings`` makes most entries of a national round without pydantic. Whatever it
accepts must be exactly the entry ``Entry.model_validate`` makes; whatever pydantic refuses it
must refuse too (so the usual path reports the problem).
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from swot.models import Entry, Workshop, entry_from_strings

CONTEXT = Workshop.model_validate(
    {
        "name": "Test",
        "language": "sv",
        "units": [{"id": "bjuv", "name": "Bjuv"}],
        "rounds": [{"id": "baseline"}],
    }
).entry_context("sv")

THEMES = [
    "jämställdhet",
    "Jämställdhet ",
    "equality",
    "tillgänglighet",
    "ACCESSIBILITY",
    "tema",
    "",
]
QUADRANTS = ["styrkor", "S", "svagheter", " hot", "möjligheter", "Mojligheter", "weaknesses", "x"]
TEXTS = ["Plan utan aktiviteter", "  ", "", "a" * 2000, "a" * 2001, "ja: nej", "Ärligt\u200b"]
IMPORTANCES = ["4", " 3 ", "5", "0", "6", "05", "+3", "4.0", "fyra", "", "٣"]
SOURCES = ["enkät", "survey", "workshop", "Workshop", "mejl", ""]
RESPONDENTS = ["r07", "", "x" * 40, "x" * 41]


def mostly(valid: list[str], values: list[str]) -> list[str]:
    """Valid values several times over, so that most drawn entries are valid."""
    return valid * 4 + values


def optional(values: list[str]) -> st.SearchStrategy[str | None]:
    return st.one_of(st.none(), st.sampled_from(values))


@st.composite
def entries(draw: st.DrawFn) -> dict[str, str | None]:
    data: dict[str, str | None] = {}
    for key, values in (
        ("theme", mostly(["jämställdhet", "Tillgänglighet"], THEMES)),
        ("quadrant", mostly(["svagheter", "hot"], QUADRANTS)),
        ("text", mostly(["Plan utan aktiviteter"], TEXTS)),
        ("importance", mostly(["4", "1"], IMPORTANCES)),
        ("source", mostly(["enkät"], SOURCES)),
        ("respondent", mostly(["r07"], RESPONDENTS)),
        ("note", mostly(["Sagt i rummet"], TEXTS)),
    ):
        if draw(st.integers(0, 4)) > 0 or key in {"theme", "quadrant", "text"}:
            data[key] = draw(
                optional(values) if draw(st.integers(0, 5)) == 0 else st.sampled_from(values)
            )
    return data


def _pydantic(data: dict[str, str | None]) -> Entry | None:
    try:
        return Entry.model_validate(
            {**data, "unit": "bjuv", "round": "baseline", "line": 3}, context=CONTEXT
        )
    except ValidationError:
        return None


@settings(max_examples=1500, deadline=None)
@given(entries())
def test_the_quick_path_makes_what_pydantic_makes_or_declines(data: dict[str, str | None]) -> None:
    quick = entry_from_strings(data, CONTEXT, "bjuv", "baseline", 3)
    expected = _pydantic(data)
    if quick is not None:
        assert expected is not None, data
        assert quick.model_dump() == expected.model_dump()
        assert (quick.unit, quick.round, quick.line) == ("bjuv", "baseline", 3)


def test_the_quick_path_takes_the_usual_entry() -> None:
    """It must not decline everything: the usual entry is made without pydantic."""
    data: dict[str, str | None] = {
        "theme": "jämställdhet",
        "quadrant": "svagheter",
        "text": "Plan utan aktiviteter",
        "importance": "4",
        "source": "enkät",
        "respondent": "r07",
    }
    quick = entry_from_strings(data, CONTEXT, "bjuv", "baseline", 3)
    assert quick is not None
    assert quick == _pydantic(data)
