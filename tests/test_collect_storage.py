"""Appending to an entries file keeps every byte a person wrote, in the file's own encoding."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from swot.cli import app
from swot.errors import SwotError
from swot.files.entries import read_entries_file
from swot.files.storage import append_entries, appended_bytes
from swot.models import Entry
from swot.vocabulary import Quadrant

ENTRY = Entry(theme="equality", quadrant=Quadrant.WEAKNESSES, text="Ingen lönekartläggning")

HAND_WRITTEN = """\
# Höganäs · baseline   (written by hand in Notepad)
#
#   comments, blank lines and odd spacing must all survive

-   theme:    jämställdhet      # Swedish spelling
    quadrant: W
    text:     "Vi har en plan: men inga aktiviteter"
    vikt:     4

# a comment between entries


- {theme: accessibility, quadrant: S, text: Ramp vid entrén}   # flow mapping
- tema: tillgänglighet
  kvadrant: hot
  text: >
    Neddragningar
    i budgeten
  # a comment inside the last entry, and no final line break"""


def add_text(folder: Path, *extra: str) -> object:
    return CliRunner().invoke(
        app,
        [
            "collect",
            "--workshop",
            str(folder),
            "--unit",
            "hoganas",
            "--theme",
            "equality",
            "--quadrant",
            "opportunities",
            "--text",
            "Nätverket delar metoder",
            *extra,
        ],
    )


def test_collect_keeps_a_hand_written_file_as_an_unchanged_prefix(make_workshop) -> None:
    folder = make_workshop(entries={"baseline/hoganas": HAND_WRITTEN})
    path = folder / "entries/baseline/hoganas.yaml"
    old = path.read_bytes()

    result = add_text(folder, "--importance", "3")

    assert result.exit_code == 0, result.output
    new = path.read_bytes()
    assert new.startswith(old)
    assert new[len(old) :].decode() == (
        "\n- theme: equality\n"
        "  quadrant: opportunities\n"
        "  text: Nätverket delar metoder\n"
        "  importance: 3\n"
        "  source: survey\n"
    )
    entries = read_entries_file(path).entries
    assert [e.text for e in entries] == [
        "Vi har en plan: men inga aktiviteter",
        "Ramp vid entrén",
        "Neddragningar i budgeten\n",
        "Nätverket delar metoder",
    ]


@pytest.mark.parametrize(
    ("old", "expected_tail"),
    [
        (b"- theme: equality\r\n  quadrant: S\r\n  text: A\r\n", b"\r\n  quadrant: weaknesses\r\n"),
        (b"- theme: equality\n  quadrant: S\n  text: A", b"\n- theme: equality\n"),
        (
            b"\xef\xbb\xbf- theme: equality\n  quadrant: S\n  text: A\n",
            b"\n  quadrant: weaknesses\n",
        ),
    ],
    ids=["crlf", "no-final-newline", "utf8-bom"],
)
def test_append_keeps_old_bytes_and_line_endings(
    tmp_path: Path, old: bytes, expected_tail: bytes
) -> None:
    path = tmp_path / "baseline" / "hoganas.yaml"
    path.parent.mkdir()
    path.write_bytes(old)

    append_entries(path, [ENTRY], "en")

    new = path.read_bytes()
    assert new.startswith(old)
    assert expected_tail in new[len(old) - 1 :]
    assert [e.text for e in read_entries_file(path).entries] == ["A", "Ingen lönekartläggning"]


def test_append_to_a_crlf_file_writes_only_crlf_line_endings(tmp_path: Path) -> None:
    path = tmp_path / "baseline" / "hoganas.yaml"
    path.parent.mkdir()
    path.write_bytes(b"# x\r\n- theme: equality\r\n  quadrant: S\r\n  text: A\r\n")

    append_entries(path, [ENTRY], "en")

    assert b"\n" not in path.read_bytes().replace(b"\r\n", b"")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_append_continues_a_utf16_file_in_utf16(tmp_path: Path, codec: str) -> None:
    bom = b"\xff\xfe" if codec.endswith("le") else b"\xfe\xff"
    old = bom + "- tema: jämställdhet\r\n  kvadrant: S\r\n  text: Å\r\n".encode(codec)
    path = tmp_path / "baseline" / "hoganas.yaml"
    path.parent.mkdir()
    path.write_bytes(old)

    append_entries(path, [ENTRY], "sv")

    new = path.read_bytes()
    assert new.startswith(old)
    assert new[len(old) :].decode(codec).startswith("- tema: jämställdhet\r\n")
    assert [e.text for e in read_entries_file(path).entries] == ["Å", "Ingen lönekartläggning"]


def test_append_to_an_empty_flow_list_removes_only_the_brackets(tmp_path: Path) -> None:
    path = tmp_path / "baseline" / "hoganas.yaml"
    path.parent.mkdir()
    path.write_bytes(b"# exported\n[]   # none yet\n")

    append_entries(path, [ENTRY], "en")

    assert path.read_bytes().startswith(b"# exported\n   # none yet\n- theme: equality\n")
    assert [e.text for e in read_entries_file(path).entries] == ["Ingen lönekartläggning"]


def test_append_to_a_non_empty_flow_list_is_refused_and_leaves_the_file(tmp_path: Path) -> None:
    path = tmp_path / "hoganas.yaml"
    path.write_bytes(b"[{theme: equality, quadrant: S, text: A}]\n")

    with pytest.raises(SwotError) as raised:
        append_entries(path, [ENTRY], "en")

    assert raised.value.format() == (
        f"{path} writes its entries as a list in brackets [ … ]; swot can only add entries to "
        "a list written with one '- ' per entry\n"
        "  → rewrite the file with one '- theme: …' block per entry (see the README), then run "
        "swot collect again"
    )
    assert path.read_bytes() == b"[{theme: equality, quadrant: S, text: A}]\n"


def test_appended_bytes_start_a_new_file_with_the_header() -> None:
    data = appended_bytes(b"# header\n", "- theme: equality\n", Path("x.yaml"), "en")

    assert data == b"# header\n- theme: equality\n"


def test_a_failed_verification_leaves_the_old_file_and_no_temp_file(tmp_path: Path) -> None:
    path = tmp_path / "hoganas.yaml"
    path.write_text("- theme: equality\n  quadrant: S\n  text: A\n", encoding="utf-8")

    def refuse(temp: Path) -> None:
        raise SwotError("no")

    with pytest.raises(SwotError):
        append_entries(path, [ENTRY], "en", verify=refuse)

    assert path.read_text(encoding="utf-8") == "- theme: equality\n  quadrant: S\n  text: A\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".hoganas.yaml.lock", "hoganas.yaml"]


def test_append_removes_temp_files_a_killed_writer_left(tmp_path: Path) -> None:
    path = tmp_path / "hoganas.yaml"
    leftover = tmp_path / ".hoganas.yaml.0123abcd.tmp"
    leftover.write_text("- theme: half", encoding="utf-8")
    other = tmp_path / ".bjuv.yaml.0123abcd.tmp"
    other.write_text("not ours", encoding="utf-8")

    append_entries(path, [ENTRY], "en")

    assert not leftover.exists()
    assert other.exists()
