"""The marks ``swot import`` writes before each row's entries (``# swot import <digest>``), as
``recorded_marks`` finds them in an entries file: a mark counts only as a whole comment line."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from swot.files.appending import recorded_marks, unrecorded

MARK = "0123456789abcdef"
OTHER = "fedcba9876543210"


def marks(text: str, encoding: str = "utf-8") -> dict[str, int]:
    return dict(recorded_marks(text.encode(encoding), Path("u1.yaml"), "sv"))


def test_a_mark_on_the_first_line_counts() -> None:
    assert marks(f"# swot import {MARK}\n- tema: x\n") == {MARK: 1}


def test_a_mark_written_twice_counts_twice() -> None:
    text = f"# h\n\n# swot import {MARK}\n- a: b\n\n# swot import {MARK}\n- a: c\n"

    assert marks(text + f"# swot import {OTHER}\n") == {MARK: 2, OTHER: 1}


def test_marks_in_a_file_with_crlf_line_ends_and_a_bom_count() -> None:
    text = f"\ufeff# swot import {MARK}\r\n- a: b\r\n# swot import {OTHER}  \r\n"

    assert marks(text) == {MARK: 1, OTHER: 1}


def test_a_mark_that_does_not_start_its_line_or_ends_in_more_is_none() -> None:
    text = (
        f"  # swot import {MARK}\n"  # indented
        f"- text: a # swot import {MARK}\n"  # after a value
        f"# swot import {MARK}0\n"  # a longer digest
        f"# swot import {MARK} and more\n"
    )

    assert marks(text) == {}


def test_an_empty_file_and_no_file_have_no_marks() -> None:
    assert marks("") == {}
    assert recorded_marks(None, Path("u1.yaml"), "sv") == {}


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from("abcdef"), max_size=12),
    st.dictionaries(st.sampled_from("abcxyz"), st.integers(1, 3), max_size=4),
)
def test_the_rows_a_file_does_not_hold_are_those_past_its_count_of_each_mark(marks, held) -> None:
    seen: Counter[str] = Counter()
    expected = []
    for index, mark in enumerate(marks):  # the n first places of a mark held n times are held
        seen[mark] += 1
        if seen[mark] > held.get(mark, 0):
            expected.append(index)

    assert unrecorded(marks, Counter(held)) == expected
