"""Faults of the machine around the files: a full disk, a read-only folder, no permission, a file
another program holds, a drive that went away. Each is a message in the user's words (exit 1,
never "a bug in swot"), and every file is either as it was or completely written.

The errors are injected (the suite runs as root on CI, where chmod and read-only mounts do not
stop a write): ``Faults`` makes the n-th write-side system call fail with an errno.
"""

from __future__ import annotations

import builtins
import errno
import io
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from swot.cli import app
from swot.errors import FileSystemError
from swot.files import storage

ENTRIES = "- theme: equality\n  quadrant: s\n  text: Tydlig plan\n  respondent: r01\n"
WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC

MESSAGES = {  # the first words of each errno's message, in English
    errno.ENOSPC: "the disk is full, so the file could not be written.",
    errno.EROFS: "the folder is read-only, so swot cannot write there.",
    errno.EACCES: "you do not have permission to write here.",
    errno.EIO: "the disk reported a read or write error.",
}


class Faults:
    """Counts the write-side calls (os.write, os.fsync, os.replace, os.link, opening a file
    for writing, taking a lock) and makes call number ``fail_at`` raise ``code``."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, fail_at: int | None, code: int) -> None:
        self.calls = 0
        self.fail_at = fail_at
        self.code = code
        self.failed: str | None = None
        for name in ("write", "fsync", "replace", "link"):
            monkeypatch.setattr(os, name, self._wrap(getattr(os, name), f"os.{name}"))
        real_os_open, real_open = os.open, builtins.open

        def os_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
            if flags & WRITE_FLAGS:
                self._tick(f"os.open({path})")
            return real_os_open(path, flags, *args, **kwargs)

        def open_(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
            if any(letter in mode for letter in "wax+"):
                self._tick(f"open({file}, {mode})")
            return real_open(file, mode, *args, **kwargs)

        monkeypatch.setattr(os, "open", os_open)
        monkeypatch.setattr(builtins, "open", open_)
        monkeypatch.setattr(io, "open", open_)
        monkeypatch.setattr(storage, "_lock", self._wrap(storage._lock, "lock"))

    def _tick(self, what: str) -> None:
        self.calls += 1
        if self.calls == self.fail_at:
            self.failed = what
            raise OSError(self.code, os.strerror(self.code))

    def _wrap(self, function: Callable[..., Any], what: str) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            self._tick(what)
            return function(*args, **kwargs)

        return wrapper


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file below ``folder`` (but the lock files and the cache) and its bytes."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.name.endswith(".lock") and ".swot-cache" not in path.parts
    }


@pytest.fixture
def base(make_workshop: Callable[..., Path], tmp_path: Path) -> Path:
    folder = make_workshop({"baseline/hoganas": ENTRIES, "baseline/bjuv": ENTRIES})
    (tmp_path / "answers.csv").write_text(
        "unit;theme;quadrant;text;respondent\nbjuv;equality;w;Ingen tid;a\n", encoding="utf-8"
    )
    return folder


def commands(folder: Path) -> dict[str, list[str]]:
    where = str(folder)
    return {
        "collect --text": [
            "collect", where, "-u", "hoganas", "-t", "equality", "-q", "w",
            "--text", "Ingen plan", "--respondent", "new",
        ],
        "collect --from": ["collect", where, "--from", str(folder.parent / "answers.csv")],
        "merge": ["merge", where],
        "export": ["export", where, "-f", "csv"],
        "init": [
            "init", str(folder / "new"), "--name", "Ny", "--language", "sv",
            "--unit", "Bjuv", "--round", "baseline", "--expected", "4",
        ],
    }  # fmt: skip


def run(command: list[str]) -> Any:
    return CliRunner().invoke(app, command, catch_exceptions=False)


def fresh_copy(base: Path, tmp_path: Path, name: str) -> Path:
    target = tmp_path / name / base.name
    shutil.copytree(base, target)
    shutil.copy(base.parent / "answers.csv", target.parent / "answers.csv")
    return target


@pytest.fixture
def sweep(
    base: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[[str], int]]:
    """Run one command with each of its write-side calls failing in turn, with each errno;
    returns the number of runs. After every run each file is as it was or as a clean run
    leaves it, no temp file is left, and the message is the errno's own."""
    monkeypatch.setenv("SWOT_LANG", "en")

    def check(name: str) -> int:
        clean = fresh_copy(base, tmp_path, f"clean-{len(name)}-{abs(hash(name))}")
        with monkeypatch.context() as patched:
            counter = Faults(patched, None, 0)
            assert run(commands(clean)[name]).exit_code == 0
        done, count = snapshot(clean), counter.calls
        assert count > 0
        runs = 0
        for fail_at in range(1, count + 1):
            for code, message in MESSAGES.items():
                folder = fresh_copy(base, tmp_path, f"{abs(hash(name))}-{fail_at}-{code}")
                before = snapshot(folder)
                with monkeypatch.context() as patched:
                    faults = Faults(patched, fail_at, code)
                    result = run(commands(folder)[name])
                where = f"{name}: call {fail_at} of {count} ({faults.failed}) failing with {code}"
                assert result.exit_code in (0, 1), f"{where}: exit {result.exit_code}"
                if result.exit_code == 1:
                    assert message in result.output, f"{where}: {result.output}"
                    assert "bug in swot" not in result.output
                after = snapshot(folder)
                rebased = {
                    path.replace(str(clean), str(folder)): data for path, data in done.items()
                }
                for path in set(before) | set(after):
                    assert after.get(path) in (before.get(path), rebased.get(path)), (
                        f"{where}: {path} is neither as it was nor as a clean run writes it"
                    )
                assert not list(folder.rglob("*.tmp")), f"{where}: a temp file was left"
                runs += 1
        return runs

    yield check


@pytest.mark.parametrize("name", ["collect --text", "collect --from", "merge", "export", "init"])
def test_every_write_failing_in_turn_loses_nothing_and_corrupts_nothing(
    sweep: Callable[[str], int], name: str
) -> None:
    runs = sweep(name)
    print(f"{name}: {runs} runs ({runs // len(MESSAGES)} calls × {len(MESSAGES)} errors)")
    assert runs >= 4


def test_a_full_disk_during_collect_says_so_and_keeps_the_file(
    base: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SWOT_LANG", "en")
    monkeypatch.chdir(base)
    path = base / "entries" / "baseline" / "hoganas.yaml"
    before = path.read_bytes()

    def full(*args: Any, **kwargs: Any) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    result = run(commands(base)["collect --text"])
    assert result.exit_code == 1
    assert result.output.startswith(
        "entries/baseline/hoganas.yaml: the disk is full, so the file could not be written. "
        "About 0.2 KB more is needed.\n  → free some space on the disk"
    )
    assert path.read_bytes() == before
    assert not list(base.rglob("*.tmp"))


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        (errno.EROFS, "handouts/baseline/handout.html: the folder is read-only"),
        (errno.EACCES, "handouts/baseline/handout.html: you do not have permission"),
    ],
)
def test_a_read_only_or_forbidden_folder_during_merge_says_so(
    base: Path, monkeypatch: pytest.MonkeyPatch, code: int, expected: str
) -> None:
    monkeypatch.setenv("SWOT_LANG", "en")
    monkeypatch.chdir(base)
    real = storage._write_temp_file

    def refused(path: Path, *args: Any) -> str:
        if "handouts" in path.parts:
            raise OSError(code, os.strerror(code), str(path.parent))
        return real(path, *args)

    monkeypatch.setattr(storage, "_write_temp_file", refused)
    result = run(["merge", "."])
    assert result.exit_code == 1
    assert expected in result.output, result.output
    assert not (base / "handouts" / "baseline").exists() or not list(
        (base / "handouts").rglob("*.html")
    )


def test_a_file_held_open_by_another_program_on_windows_is_named_so() -> None:
    error = PermissionError(errno.EACCES, "The process cannot access the file", "lund.yaml")
    error.winerror = 32  # type: ignore[attr-defined]  # ERROR_SHARING_VIOLATION
    assert FileSystemError(error, "sv").format() == (
        "lund.yaml är öppen i ett annat program (t.ex. Excel, eller OneDrive som synkar).\n"
        "  → stäng filen i det andra programmet, vänta tills synkningen är klar och kör "
        "kommandot igen"
    )


def test_a_bug_whose_crash_log_cannot_be_written_prints_the_details(
    base: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib

    from swot.jobs import status

    app_module = importlib.import_module("swot.cli.app")

    def broken(*args: Any, **kwargs: Any) -> None:
        raise ZeroDivisionError("a bug")

    def no_log(error: BaseException) -> Path:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(status, "run", broken)
    monkeypatch.setattr(app_module, "write_crash_log", no_log)
    result = run(["status", str(base)])
    assert result.exit_code == 3
    assert "ZeroDivisionError: a bug" in result.output
    assert "The details are above; please send them to the maintainers." in result.output


def test_the_message_speaks_the_workshops_language(
    make_workshop: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SWOT_LANG", "en")
    folder = make_workshop(language="sv")
    monkeypatch.chdir(folder)

    def full(*args: Any, **kwargs: Any) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    result = run(commands(folder)["collect --text"])
    assert result.exit_code == 1
    assert "disken är full, så filen kunde inte skrivas" in result.output


def test_a_file_held_open_by_another_program_during_collect_says_so_and_keeps_the_file(
    base: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On Windows, renaming over a file Excel or OneDrive holds open fails with a sharing
    violation (winerror 32); here it is injected at the rename."""
    monkeypatch.setenv("SWOT_LANG", "en")
    monkeypatch.chdir(base)
    path = base / "entries" / "baseline" / "hoganas.yaml"
    before = path.read_bytes()

    def held(*args: Any, **kwargs: Any) -> None:
        error = PermissionError(errno.EACCES, "The process cannot access the file")
        error.winerror = 32  # type: ignore[attr-defined]
        raise error

    monkeypatch.setattr(os, "replace", held)
    result = run(commands(base)["collect --text"])
    assert result.exit_code == 1
    assert result.output.startswith(
        "entries/baseline/hoganas.yaml is open in another program (e.g. Excel, or OneDrive "
        "syncing it).\n  → close the file in the other program"
    )
    assert path.read_bytes() == before
    assert not list(base.rglob("*.tmp"))


def _append_decision(folder: Path) -> Path:
    from swot.files.decisions import MergeDecision, append_decisions
    from swot.files.workshop import load_workshop
    from swot.vocabulary import Quadrant

    decision = MergeDecision("join", "equality", Quadrant.WEAKNESSES, ("Ingen plan", "Saknar plan"))
    return append_decisions(load_workshop(folder), [decision], "en")


def _append_vote(folder: Path) -> Path:
    from swot.files.decisions import Vote, append_votes
    from swot.files.workshop import load_workshop
    from swot.vocabulary import Quadrant

    vote = Vote("equality", Quadrant.STRENGTHS, 3, text="Tydlig plan", round="baseline")
    return append_votes(load_workshop(folder), [vote], "en")


def _append_judgment(folder: Path) -> Path:
    from swot.files.priorities import Judgment, append_judgment
    from swot.files.workshop import load_workshop

    judgment = Judgment(
        "baseline", "equality", "the room", "weaknesses", "Ingen plan", "Ingen tid", 3
    )
    return append_judgment(load_workshop(folder), judgment, "en", "equality")


SIDE_FILE_WRITERS = {  # what review, vote and prioritise call to save an answer
    "merges.yaml": _append_decision,
    "votes.yaml": _append_vote,
    "priorities.yaml": _append_judgment,
}


@pytest.mark.parametrize("existing", [False, True], ids=["new file", "existing file"])
@pytest.mark.parametrize("name", list(SIDE_FILE_WRITERS))
def test_every_write_of_a_review_vote_or_judgment_failing_in_turn_corrupts_nothing(
    base: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, existing: bool
) -> None:
    """swot review, vote and prioritise save each answer as it is given: a failing write
    leaves the file as it was (or never created) or completely written, as the CLI sweep above
    allows (the folder's fsync after the rename may fail), and says what happened in the
    user's words."""
    from swot.errors import FileSystemError

    write = SIDE_FILE_WRITERS[name]
    if existing:
        write(base)
    before = snapshot(base)
    clean = fresh_copy(base, tmp_path, "clean")
    with monkeypatch.context() as patched:
        counter = Faults(patched, None, 0)
        write(clean)
    done = snapshot(clean)
    assert counter.calls > 0 and done != before
    said_so = 0
    for fail_at in range(1, counter.calls + 1):
        for code, message in MESSAGES.items():
            folder = fresh_copy(base, tmp_path, f"{fail_at}-{code}")
            with monkeypatch.context() as patched:
                faults = Faults(patched, fail_at, code)
                try:
                    write(folder)
                except OSError as error:
                    said = FileSystemError(error, "en").format()
                    said_so += 1
                    assert message in said, f"call {fail_at} ({faults.failed}): {said}"
                    assert name in said, f"the message names {error.filename}, not {name}"
                    assert snapshot(folder) in (before, done), f"call {fail_at} ({faults.failed})"
            assert not list(folder.rglob("*.tmp")), f"call {fail_at}: a temp file was left"
    assert said_so > 0  # (a failing lock, folder fsync or hard link has a fallback: no error)
