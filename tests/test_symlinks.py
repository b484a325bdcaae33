"""Symlinks, decided: a linked entries file (e.g. on a shared drive) is followed — the entry is
appended to the file it points to, written atomically beside it and locked there, and the link
stays a link; messages name the real place. A linked ``handouts/`` folder is written through."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from swot.cli import app

pytestmark = pytest.mark.skipif(os.name == "nt", reason="symlinks need extra rights on Windows")

ENTRY = "- theme: equality\n  quadrant: s\n  text: Förut\n"


def collect(folder: Path, text: str) -> str:
    result = CliRunner().invoke(
        app,
        ["collect", str(folder), "-u", "hoganas", "-t", "equality", "-q", "s", "--text", text],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    return result.output


def test_a_linked_entries_file_gets_the_entry_and_stays_a_link(
    make_workshop: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = make_workshop()
    shared = tmp_path / "share" / "hoganas.yaml"
    shared.parent.mkdir()
    shared.write_text(ENTRY, encoding="utf-8")
    link = folder / "entries" / "baseline" / "hoganas.yaml"
    link.parent.mkdir(parents=True)
    link.symlink_to(shared)
    monkeypatch.chdir(folder)

    output = collect(folder, "Tydlig plan")

    assert link.is_symlink()
    assert shared.read_text(encoding="utf-8").startswith(ENTRY)
    assert "text: Tydlig plan" in shared.read_text(encoding="utf-8")
    assert f"entries/baseline/hoganas.yaml (→ {shared})" in "".join(output.split("\n"))
    assert (shared.parent / ".hoganas.yaml.lock").exists()  # every laptop locks the same file
    assert not list(shared.parent.glob("*.tmp")) and not list(link.parent.glob("*.tmp"))


def test_a_linked_handouts_folder_is_written_through(
    make_workshop: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = make_workshop({"baseline/hoganas": ENTRY})
    elsewhere = tmp_path / "published"
    elsewhere.mkdir()
    (folder / "handouts").symlink_to(elsewhere, target_is_directory=True)
    monkeypatch.chdir(folder)

    result = CliRunner().invoke(app, ["merge", "."], catch_exceptions=False)

    assert result.exit_code == 0, result.output
    assert (elsewhere / "baseline" / "handout.html").is_file()
    assert (folder / "handouts").is_symlink()
    assert f"(→ {elsewhere}/baseline/handout.html)" in "".join(result.output.split("\n"))
