"""The check of a saved entries file, in bulk, gives the answer of the check entry by entry.

Every save reads back the file it is about to put in place (``count_simple_entries_file``).
That check now works on each distinct line, key list and value once (``simple_shapes``,
``plain_values_accepted``) instead of on each entry; whatever file it is given, it must say
what the entry-by-entry check (``per_entry_count``, the code it replaced) says: the number of
entries, or None (the full reader decides).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from swot.files.entries import (
    _EntryKeys,
    _simple_entries,
    count_simple_entries,
    count_simple_entries_file,
    read_entries_file,
)
from swot.files.workshop import load_workshop
from swot.files.yamltree import SimpleShapes, simple_entry_items, simple_shapes
from swot.models import (
    PLAIN_REQUIRED_FIELDS,
    Workshop,
    plain_entry_values,
    plain_values_accepted,
)

ROOT = Path(__file__).resolve().parent.parent

BUILT_IN = Workshop.model_validate(
    {
        "name": "T",
        "language": "sv",
        "units": [{"id": "bjuv", "name": "Bjuv"}],
        "rounds": [{"id": "r1"}],
    }
).entry_context("sv")
CUSTOM = Workshop.model_validate(
    {
        "name": "T",
        "language": "sv",
        "themes": ["equality", {"id": "klimat", "sv": "Klimat", "aliases": ["miljö"]}],
        "units": [{"id": "bjuv", "name": "Bjuv"}],
        "rounds": [{"id": "r1"}],
    }
).entry_context("sv")


def per_entry_count(text: str, context: dict | None) -> int | None:
    """The check as it was: each entry's keys and values read and checked on their own."""
    items = simple_entry_items(text)
    if items is None:
        return None
    keys = _EntryKeys()
    for _, pairs in items:
        data = keys.data(pairs)
        if data is None or plain_entry_values(data, context) is None:
            return None
    return len(items)


# Each field's keys (Swedish, English, other spellings) and values: valid ones first, then some
# that are not (or that only the full reader reads: quotes, comments, ": " in a value).
KEYS = {
    "theme": ["tema", "theme", "Tema"],
    "quadrant": ["kvadrant", "quadrant", "ruta"],
    "text": ["text", "texten", "beskrivning"],
    "importance": ["vikt", "importance", "prioritet"],
    "source": ["källa", "source"],
    "respondent": ["svarande", "respondent"],
    "note": ["anteckning", "note", "kommentar"],
}
VALID = {
    "theme": ["jämställdhet", "Tillganglighet", "equality", "klimat"],
    "quadrant": ["styrkor", "hot", "Möjligheter", "weaknesses"],
    "text": ["Planen följs inte upp", "Ramp vid entrén 12", "'Citat, med komma'", "t" * 2000],
    "importance": ["1", "5", "~", "'3'"],
    "source": ["enkät", "workshop", "survey"],
    "respondent": ["r01", "r02", "x" * 40, "~"],
    "note": ["Sagt i rummet", "null", "n" * 2000],
}
ODD = {
    "theme": ["tema", "~", "miljö", '"equality"'],
    "quadrant": ["s", "null", "[hot]"],
    "text": ["~", "''", "' '", "t" * 2001, "a: b", "a #b", "a:", '"esc\\"ape"', "&a x", "-x"],
    "importance": ["0", "6", "fyra", "4.0", "' 3 '", "null"],
    "source": ["mejl", "~", "'enkät'"],
    "respondent": ["x" * 41, "'r 01'", "r#1"],
    "note": ["n" * 2001, "a: b", "'it''s'"],
}
COMMENTS = ["", "# swot import 525f0182048119b2", "# kommentar: med kolon", "  # indragen", "  "]


@st.composite
def entries_files(draw: st.DrawFn) -> tuple[str, bool]:
    """An entries file, and whether it was drawn clean (then every entry is plainly valid).

    A clean file has every required field once in every entry, valid values, one dash column
    and keys in line; a noisy one may break any of that, or have odd values, unknown keys,
    keys twice, blank lines, comments and trailing spaces."""
    clean = draw(st.booleans())
    rare = draw(st.sampled_from([1, 4, 16]))  # how rare the noise is in a noisy file

    def maybe(chance: int) -> bool:  # one time in ``chance × rare``, in noisy files only
        return not clean and draw(st.integers(0, chance * rare - 1)) == 0

    dash = " " * draw(st.sampled_from([0, 0, 2]))
    lines = [draw(st.sampled_from(COMMENTS)) for _ in range(draw(st.integers(0, 2)))]
    for _ in range(draw(st.integers(0 if not clean else 1, 5))):
        fields = [
            name
            for name in KEYS
            if (name in PLAIN_REQUIRED_FIELDS and not maybe(8)) or draw(st.booleans())
        ]
        fields = draw(st.permutations(fields)) if draw(st.booleans()) else fields
        if fields and maybe(6):
            fields.append(draw(st.sampled_from(fields)))  # a field twice, perhaps spelt otherwise
        gap = " " * (1 + maybe(5))
        for number, name in enumerate(fields or ["text"]):
            key = draw(st.sampled_from(KEYS[name])) if not maybe(20) else "okänd"
            value = draw(st.sampled_from(VALID[name] + (ODD[name] if maybe(4) else [])))
            tail = " # c" if maybe(5) else " " * maybe(5)
            if number == 0:
                line = f"{' ' * maybe(8)}{dash}-{gap}{key}: {value}{tail}"
            else:
                indent = len(dash) + 1 + len(gap) + draw(st.sampled_from([0, 0, 1, -1])) * maybe(6)
                line = f"{' ' * indent}{key}: {value}{tail}"
            lines.append(line)
            if maybe(6):
                lines.append(draw(st.sampled_from(COMMENTS)))
    return "\n".join(lines) + draw(st.sampled_from(["\n", "", "\n\n"])), clean


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(entries_files(), st.sampled_from([BUILT_IN, CUSTOM, None]))
def test_the_bulk_count_is_the_count_entry_by_entry(
    drawn: tuple[str, bool], context: dict | None
) -> None:
    text, clean = drawn
    expected = per_entry_count(text, context)
    if clean and context is not CUSTOM and "klimat" not in text:
        assert expected is not None  # the files drawn clean are valid: both answers are tested
    assert count_simple_entries(text, context) == expected
    if expected is not None:  # and it is how many entries the merge's reader makes
        assert len(_simple_entries(text, context, "bjuv", "r1") or []) == expected


def shapes_of_items(text: str) -> SimpleShapes | None:
    """What ``simple_shapes`` must give: ``simple_entry_items`` summed up."""
    items = simple_entry_items(text)
    if items is None:
        return None
    values: dict[str, set[str | None]] = {}
    for _, pairs in items:
        for key, value in pairs:
            values.setdefault(key, set()).add(value)
    return SimpleShapes(len(items), {tuple(key for key, _ in pairs) for _, pairs in items}, values)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(entries_files())
def test_the_shapes_are_what_the_line_reader_reads(drawn: tuple[str, bool]) -> None:
    """``simple_shapes`` declines exactly the files ``simple_entry_items`` declines, and sums
    up the same items: their number, their lists of keys and every key's values."""
    text, _ = drawn
    assert simple_shapes(text) == shapes_of_items(text)


# Values after a head met before (read without ``_simple_line`` when plainly plain), in pieces
# that matter to YAML.
PIECES = st.sampled_from(
    ["a", "Ö", "é", "😀", " ", ":", ": ", " #", "#", "'", '"', "\\", "-", "?", "[", "&", "~", "null"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(PIECES, max_size=5).map("".join), min_size=1, max_size=5))
def test_a_known_head_is_read_as_the_line_reader_reads_it(values: list[str]) -> None:
    text = "\n".join(["- text: x", *(f"- text: {value}" for value in values)])  # an entry each
    assert simple_shapes(text) == shapes_of_items(text)


@pytest.mark.parametrize(
    "value",
    ["a: b", "a #b", "a #", "a:", "a ", "a  ", " a", "'q'", "'q' # c", '"q"', "[x]", "{x}", "&a",
     "*a", "!a", "|", ">", "%a", "@a", "`a", "-a", "?a", ",a", "#a", "~", "null", "NULL", "a#b",
     "a:b", "ab"],
)  # fmt: skip
def test_an_odd_value_after_a_known_head(value: str) -> None:
    for text in (f"- text: x\n- text: {value}\n", f"- tema: x\n  text: {value}\n- text: x\n"):
        assert simple_shapes(text) == shapes_of_items(text)


@pytest.mark.parametrize(
    "text",
    [
        "- text: a\n  text: b\n",  # a key twice
        "- text: a\n- text: b\n  text: c\n",
        "- text: a\n  - text: b\n",  # another dash column
        "- text: a\n   vikt: 4\n",  # a key out of line
        "-  text: a\n  vikt: 4\n",
        "  vikt: 4\n- text: a\n",  # a key before the first dash
        "vikt: 4\n",
        "- text: a\n  vikt:\n",  # an empty value (or a nested block)
        "- text: a\n\tvikt: 4\n",
        "",
        "\n# a comment\n",
    ],
)
def test_what_the_shapes_decline(text: str) -> None:
    assert simple_shapes(text) is None
    assert simple_entry_items(text) is None


FIELD_VALUES = {name: VALID[name] + ODD[name] + ["", " ", " 4 ", "Hot ", None] for name in KEYS}
KNOWN_GOOD = {"theme": "jämställdhet", "quadrant": "hot", "text": "Plan"}


@pytest.mark.parametrize("context", [BUILT_IN, CUSTOM, None], ids=["built-in", "custom", "none"])
@pytest.mark.parametrize("name", list(KEYS))
def test_each_field_is_accepted_as_plain_entry_values_accepts_it(
    name: str, context: dict | None
) -> None:
    """One value at a time, with the other fields valid, and all of them together."""
    accepted = []
    for value in FIELD_VALUES[name]:
        alone = plain_entry_values({**KNOWN_GOOD, name: value}, context) is not None
        assert plain_values_accepted(name, {value}, context) == alone, value
        accepted += [value] if alone else []
    assert plain_values_accepted(name, set(accepted), context)
    assert plain_values_accepted(name, set(FIELD_VALUES[name]), context) == (
        len(accepted) == len(FIELD_VALUES[name])
    )


def test_the_required_fields_are_those_plain_entry_values_requires() -> None:
    full = {**KNOWN_GOOD, "importance": "3", "source": "enkät", "respondent": "r1", "note": "n"}
    assert plain_entry_values(full, None) is not None
    without = {name: {k: v for k, v in full.items() if k != name} for name in full}
    required = {name for name, data in without.items() if plain_entry_values(data, None) is None}
    assert required == PLAIN_REQUIRED_FIELDS


ONE = "- tema: jämställdhet\n  kvadrant: hot\n  text: Planen följs inte upp\n"


@pytest.mark.parametrize(
    ("text", "count"),
    [
        (ONE, 1),
        (ONE * 3, 3),
        ("# swot import abc\n" + ONE + "\n# swot import def\n" + ONE, 2),
        ("- theme: equality\n  quadrant: threats\n  text: x\n  importance: 5\n", 1),
        (ONE + "  svarande: " + "r" * 40 + "\n", 1),
        (ONE + "  svarande: " + "r" * 41 + "\n", None),  # a respondent id over 40 characters
        (ONE + "  vikt: 6\n", None),  # importance 1–5
        (ONE + "  vikt: ~\n", 1),  # no importance
        (ONE.replace("  text: Planen följs inte upp\n", ""), None),  # no text
        (ONE + "  texten: igen\n", None),  # the text twice, in two spellings
        (ONE + "  text: igen\n", None),  # the same key twice
        (ONE + "   vikt: 4\n", None),  # a key out of line
        (ONE + "  - tema: equality\n    kvadrant: hot\n    text: x\n", None),  # another dash column
        ("  kvadrant: hot\n" + ONE, None),  # a key before the first dash
        (ONE + "  färg: blå\n", None),  # an unknown key
        (ONE.replace("hot", "'hot'"), 1),  # a quoted value
        (ONE.replace("hot", "hot # a comment"), 1),
        ("", None),
        ("# only a comment\n", None),
        (ONE.replace("upp", "upp\t"), None),  # a tab
    ],
)
def test_what_the_bulk_count_says(text: str, count: int | None) -> None:
    assert count_simple_entries(text, BUILT_IN) == count == per_entry_count(text, BUILT_IN)


def test_the_example_files_are_counted_as_the_full_reader_reads_them() -> None:
    for folder in sorted(ROOT.glob("workshops/*/")):
        workshop = load_workshop(folder)
        for path in sorted(folder.glob("entries/*/*.yaml")):
            unit, round_id = path.stem, path.parent.name
            count = count_simple_entries_file(path, workshop, unit, round_id)
            assert count == len(read_entries_file(path, workshop).entries), path


def test_a_file_with_windows_line_ends_is_counted(tmp_path: Path) -> None:
    folder = ROOT / "workshops" / "hoganasmodellen"
    workshop = load_workshop(folder)
    source = sorted(folder.glob("entries/*/*.yaml"))[0]
    path = tmp_path / source.parent.name / source.name
    path.parent.mkdir()
    path.write_bytes(source.read_bytes().replace(b"\n", b"\r\n"))
    unit, round_id = path.stem, path.parent.name
    count = count_simple_entries_file(path, workshop, unit, round_id)
    assert count == len(read_entries_file(source, workshop).entries) > 0
