"""Every kind of broken or hostile file gets a located, pinned message — never a traceback.

Each case is checked through `swot validate` (exit code and whole message) and through the
loader directly, within a second and 200 MB.
"""

from __future__ import annotations

import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from swot.cli import app
from swot.files.entries import read_entries_file

BILLION_LAUGHS = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""


def _bytes(text: str) -> bytes:
    return text.encode("utf-8")


# name -> (file content, exit code, expected output of `swot validate FILE`)
BROKEN: dict[str, tuple[bytes, int, str]] = {
    "bad_yaml": (
        _bytes("- theme: equality\n  quadrant: strengths\n  text: Vi har: en plan\n"),
        1,
        "bad_yaml.yaml:3:15: this is not valid YAML: a ': ' where none may stand (a text "
        "containing ': ' must be in quotes)\n"
        "  → check indentation and quotes on this line and the one above; a text that contains "
        "': ' or ' #', or starts with a quote, must be written in quotes\n"
        "✗ 1 error in 1 of 1 file\n",
    ),
    "unclosed_quote": (
        _bytes('- theme: equality\n  quadrant: strengths\n  text: "Vi har en plan\n'),
        1,
        "unclosed_quote.yaml:3:9: this is not valid YAML: the file ends inside a quoted text "
        "(a closing quote is missing)\n"
        "  → check indentation and quotes on this line and the one above; a text that contains "
        "': ' or ' #', or starts with a quote, must be written in quotes\n"
        "✗ 1 error in 1 of 1 file\n",
    ),
    "wrong_type": (
        _bytes(
            "- theme: equality\n  quadrant: strengths\n  text: Bra chefer\n  importance: high\n"
        ),
        1,
        "wrong_type.yaml:4:15: entry 1 (text 'Bra chefer') → importance: 'high' is not a whole "
        "number\n  → write a whole number, e.g. 4\n✗ 1 error in 1 of 1 file\n",
    ),
    "unknown_quadrant_typo": (
        _bytes("- tema: jämställdhet\n  kvadrant: svagheterr\n  text: Planen följs inte upp\n"),
        1,
        "unknown_quadrant_typo.yaml:2:13: entry 1 (text 'Planen följs inte upp') → kvadrant: "
        "'svagheterr' is not a quadrant; did you mean 'svagheter'?\n"
        "  → use strengths, weaknesses, opportunities or threats (or styrkor, svagheter, "
        "möjligheter, hot; S/W/O/T)\n✗ 1 error in 1 of 1 file\n",
    ),
    "duplicate_key": (
        _bytes("- theme: equality\n  quadrant: S\n  text: Bra\n  text: Bättre\n"),
        1,
        "duplicate_key.yaml:4:3: the key 'text' appears twice in the same place (first on "
        "line 3)\n  → keep one of them; if this is a new entry, start it with '- '\n"
        "✗ 1 error in 1 of 1 file\n",
    ),
    "tab_indentation": (
        _bytes("- theme: equality\n\tquadrant: S\n  text: Bra\n"),
        1,
        "tab_indentation.yaml:2:1: a tab is used for indentation; YAML indents with spaces "
        "only\n  → replace the tab with spaces (2 per level); in VS Code: Convert Indentation "
        "to Spaces\n✗ 1 error in 1 of 1 file\n",
    ),
    "cp1252": (
        "- tema: jämställdhet\n  kvadrant: styrkor\n  text: Bra\n".encode("cp1252"),
        1,
        "cp1252.yaml:1:10: the file is not UTF-8: byte 0xE4 cannot be read (in Windows "
        "\"ANSI\"/cp1252 it would be 'ä')\n"
        "  → re-save the file as UTF-8: in Notepad choose File → Save as → Encoding: UTF-8; in "
        "VS Code click the encoding in the status bar → Reopen with Encoding → Windows 1252, "
        "then Save with Encoding → UTF-8\n✗ 1 error in 1 of 1 file\n",
    ),
    "empty": (
        b"",
        0,
        "empty.yaml: the file is empty\n"
        "  → that is fine until the unit has answered; add entries with `swot collect`\n"
        "✓ 1 file checked, no errors (1 warning)\n",
    ),
    "comments_only": (
        _bytes("# Bjuv · baseline\n# nothing yet\n"),
        0,
        "comments_only.yaml: the file has only comments and no data\n"
        "  → that is fine until the unit has answered; add entries with `swot collect`\n"
        "✓ 1 file checked, no errors (1 warning)\n",
    ),
    "alias_bomb": (
        _bytes(BILLION_LAUGHS),
        1,
        "alias_bomb.yaml:2:8: YAML aliases (*a) are not accepted in swot files\n"
        "  → write the value out in full instead of '&name' and '*name'\n"
        "✗ 1 error in 1 of 1 file\n",
    ),
    "deep_nesting": (
        _bytes("[" * 100_000 + "]" * 100_000),
        1,
        "deep_nesting.yaml:1:17: the data is nested more than 16 levels deep\n"
        "  → swot files are at most a few levels deep; check the indentation\n"
        "✗ 1 error in 1 of 1 file\n",
    ),
    "deep_block_nesting": (
        _bytes("- " * 100_000 + "x\n"),
        1,
        "deep_block_nesting.yaml:1:33: the data is nested more than 16 levels deep\n"
        "  → swot files are at most a few levels deep; check the indentation\n"
        "✗ 1 error in 1 of 1 file\n",
    ),
    "python_tag": (
        _bytes(
            '- theme: equality\n  quadrant: S\n  text: !!python/object/apply:os.system ["ls"]\n'
        ),
        1,
        "python_tag.yaml:3:9: the tag '!!python/object/apply:os.system' is not accepted: swot "
        "files hold plain text and numbers\n  → remove the tag (the word starting with '!')\n"
        "✗ 1 error in 1 of 1 file\n",
    ),
    "not_a_list": (
        _bytes("theme: equality\nquadrant: S\ntext: Bra\n"),
        1,
        "not_a_list.yaml:1:1: an entries file must be a list of entries, each starting with "
        "'- '\n  → write each entry as '- theme: …' with its keys indented below it\n"
        "✗ 1 error in 1 of 1 file\n",
    ),
}


def _write(folder: Path, name: str, content: bytes) -> Path:
    path = folder / f"{name}.yaml"
    path.write_bytes(content)
    return path


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_file_gets_pinned_message_and_exit_code(
    name: str, tmp_path: Path, runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    content, exit_code, expected = BROKEN[name]
    _write(tmp_path, name, content)
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["validate", f"{name}.yaml"])
    assert result.output == expected
    assert result.exit_code == exit_code
    assert "Traceback" not in result.output


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_file_is_refused_within_a_second_and_200_mb(name: str, tmp_path: Path) -> None:
    path = _write(tmp_path, name, BROKEN[name][0])
    tracemalloc.start()
    started = time.perf_counter()
    read_entries_file(path)
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert elapsed < 1.0
    assert peak < 200 * 1024 * 1024


def test_50_mb_file_is_refused_before_reading(tmp_path: Path, runner, monkeypatch) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    monkeypatch.chdir(tmp_path)
    started = time.perf_counter()
    result = runner.invoke(app, ["validate", "huge.yaml"])
    assert time.perf_counter() - started < 1.0
    assert result.exit_code == 1
    assert result.output == (
        "huge.yaml: the file is 52.4 MB; swot reads files of at most 8 MB\n"
        "  → split the entries over several files, or check that this is the right file\n"
        "✗ 1 error in 1 of 1 file\n"
    )


def test_every_problem_of_a_file_is_reported_not_just_the_first(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "many",
        _bytes(
            "- theme: equality\n  quadrant: strenghts\n  text: A\n"
            "- theme: equalty\n  quadrant: S\n  text: B\n"
            "- theme: equality\n  quadrant: S\n  text: C\n  importance: 9\n"
        ),
    )
    problems = read_entries_file(path).problems
    assert [(p.line, p.code) for p in problems] == [
        (2, "unknown_quadrant"),
        (4, "unknown_theme"),
        (10, "range"),
    ]


def test_huge_value_is_never_echoed_in_full(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "long",
        _bytes("- theme: equality\n  quadrant: " + "x" * 100_000 + "\n  text: A\n"),
    )
    (problem,) = read_entries_file(path).problems
    assert len(problem.format()) < 400


def test_only_the_first_fifty_problems_are_listed_then_a_count(tmp_path: Path) -> None:
    body = "".join(f"- theme: equality\n  quadrant: nope\n  text: T{i}\n" for i in range(80))
    problems = read_entries_file(_write(tmp_path, "lots", _bytes(body))).problems
    assert len(problems) == 51
    assert problems[-1].message == "… and 30 more problems in this file"


def test_unknown_key_suggests_the_closest_key(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    path = _write(tmp_path, "key", _bytes("- theme: equality\n  quadrant: S\n  txt: Bra\n"))
    messages = [p.format() for p in read_entries_file(path).problems]
    assert messages == [
        "key.yaml:1:3: entry 1: 'text' is missing\n  → add a line 'text: …' to this item",
        "key.yaml:3:3: entry 1: unknown key 'txt'; did you mean 'text'?\n"
        "  → allowed keys here: theme, quadrant, text, importance, source, respondent, note",
    ]


def test_a_valid_entry_beside_a_broken_one_still_loads(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "mixed",
        _bytes(
            "- theme: equality\n  quadrant: S\n  text: Bra\n- theme: x\n  quadrant: S\n  text: B\n"
        ),
    )
    result = read_entries_file(path)
    assert [e.text for e in result.entries] == ["Bra"]
    assert len(result.problems) == 1


def test_errors_speak_swedish_in_a_swedish_workshop(
    make_workshop: Callable[..., Path], runner, monkeypatch
) -> None:
    folder = make_workshop(
        language="sv",
        entries={
            "baseline/bjuv": "- tema: jämställdhet\n  kvadrant: möjligheterr\n  text: Nätverket\n"
        },
    )
    monkeypatch.chdir(folder)
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 1
    assert result.output == (
        "entries/baseline/bjuv.yaml:2:13: post 1 (text 'Nätverket') → kvadrant: 'möjligheterr' "
        "är ingen kvadrant; menade du 'möjligheter'?\n"
        "  → använd styrkor, svagheter, möjligheter eller hot (eller strengths, weaknesses, "
        "opportunities, threats; S/W/O/T)\n"
        "✗ 1 fel i 1 av 2 filer\n"
    )
