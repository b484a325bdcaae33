"""Files saved on Windows load as if they were plain UTF-8 with LF line endings."""

from __future__ import annotations

from pathlib import Path

import pytest

from swot.files.entries import read_entries_file

TEXT = (
    "# Höganäs\n"
    "- tema: jämställdhet\n"
    "  kvadrant: svagheter\n"
    "  text: Vi har en jämställdhetsplan men genomför inga aktiviteter\n"
    "  vikt: 4\n"
    "- tema: tillgänglighet\n"
    "  kvadrant: hot\n"
    "  text: Nedskärningar i budgeten\n"
)

ENCODINGS = {
    "utf8": TEXT.encode("utf-8"),
    "utf8_bom_crlf": b"\xef\xbb\xbf" + TEXT.replace("\n", "\r\n").encode("utf-8"),
    "cr_only": TEXT.replace("\n", "\r").encode("utf-8"),
    "utf16_le_bom": TEXT.replace("\n", "\r\n").encode("utf-16"),
    "utf16_be_bom": b"\xfe\xff" + TEXT.encode("utf-16-be"),
}


@pytest.mark.parametrize("name", sorted(ENCODINGS))
def test_windows_encodings_and_line_endings_load_the_same_entries(
    name: str, tmp_path: Path
) -> None:
    path = tmp_path / "hoganas.yaml"
    path.write_bytes(ENCODINGS[name])
    result = read_entries_file(path)
    assert result.problems == []
    assert [(e.theme, e.quadrant.value, e.text, e.importance, e.line) for e in result.entries] == [
        (
            "equality",
            "weaknesses",
            "Vi har en jämställdhetsplan men genomför inga aktiviteter",
            4,
            2,
        ),
        ("accessibility", "threats", "Nedskärningar i budgeten", None, 6),
    ]


def test_unit_and_round_come_from_the_path(tmp_path: Path) -> None:
    path = tmp_path / "entries" / "forprojektering" / "bjuv.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(TEXT, encoding="utf-8")
    entry = read_entries_file(path).entries[0]
    assert (entry.unit, entry.round) == ("bjuv", "forprojektering")


def test_utf16_without_bom_is_explained(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes(TEXT.encode("utf-16-le"))
    (problem,) = read_entries_file(path).problems
    assert problem.code == "utf16_no_bom"
    assert "UTF-8" in problem.hint


def test_latin1_line_of_first_bad_byte_is_named(tmp_path: Path) -> None:
    path = tmp_path / "ansi.yaml"
    path.write_bytes(
        ("- theme: equality\n  quadrant: S\n  text: Mål och åtgärder\n").encode("cp1252")
    )
    (problem,) = read_entries_file(path).problems
    assert (problem.line, problem.column, problem.code) == (3, 10, "not_utf8")
    assert "'å'" in problem.message
