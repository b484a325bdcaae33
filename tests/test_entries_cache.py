"""The cache of validated entries: used only when it cannot be wrong, never trusted over the YAML."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from swot.cli import app
from swot.files.entries import EntriesFile
from swot.files.workshop import load_workshop
from swot.models import entry_from_row, entry_row
from swot.rounds import load as loading
from swot.rounds.cache import CACHE_DIR
from swot.rounds.load import RoundEntries, load_round

ENTRY = "- theme: equality\n  quadrant: weaknesses\n  text: Plan without activities {n}\n  importance: {i}\n"
BROKEN = "- theme: equality\n  quadrant: weaknessez\n  text: A typo in the quadrant\n"


def _entries(count: int, importance: int = 4) -> str:
    return "".join(ENTRY.format(n=n, i=importance) for n in range(count))


@pytest.fixture
def workshop(make_workshop: Callable[..., Path]) -> Path:
    return make_workshop({"baseline/hoganas": _entries(3), "baseline/bjuv": _entries(2)})


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Names of the entries files actually parsed (not taken from the cache)."""
    names: list[str] = []
    real, quick = loading.read_entries_file, loading.read_simple_entries_file

    def spy(path: Path, *args: object, **kwargs: object) -> EntriesFile:
        names.append(path.name)
        return real(path, *args, **kwargs)  # type: ignore[arg-type]

    def quick_spy(path: Path, *args: object, **kwargs: object) -> EntriesFile | None:
        read = quick(path, *args, **kwargs)  # type: ignore[arg-type]
        if read is not None:  # otherwise read_entries_file reads it (and is counted)
            names.append(path.name)
        return read

    monkeypatch.setattr(loading, "read_entries_file", spy)
    monkeypatch.setattr(loading, "read_simple_entries_file", quick_spy)
    return names


def _dump(round_entries: RoundEntries) -> list:
    return [(e.unit, e.round, e.line, e.model_dump(mode="json")) for e in round_entries.entries]


def test_an_unchanged_round_is_read_from_the_cache(workshop: Path, parsed: list[str]) -> None:
    first = load_round(load_workshop(workshop, cache=True), "baseline")
    assert sorted(parsed) == ["bjuv.yaml", "hoganas.yaml"]
    assert (workshop / CACHE_DIR / "README.txt").read_text(encoding="utf-8").startswith("Den här")
    parsed.clear()
    second = load_round(load_workshop(workshop, cache=True), "baseline")
    assert parsed == []
    assert _dump(second) == _dump(first)
    assert [f.path for f in second.files] == [f.path for f in first.files]


def test_without_the_cache_nothing_is_written(workshop: Path) -> None:
    load_round(load_workshop(workshop), "baseline")
    assert not (workshop / CACHE_DIR).exists()


def test_an_edit_that_keeps_size_and_time_is_still_seen(workshop: Path, parsed: list[str]) -> None:
    """Network shares keep modification times to 2 s: the content digest decides."""
    load_round(load_workshop(workshop, cache=True), "baseline")
    path = workshop / "entries" / "baseline" / "bjuv.yaml"
    before = path.stat()
    path.write_text(_entries(2, importance=5), encoding="utf-8")  # one digit per entry
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size
    parsed.clear()
    again = load_round(load_workshop(workshop, cache=True), "baseline")
    assert parsed == ["bjuv.yaml"]
    assert {e.importance for e in again.entries if e.unit == "bjuv"} == {5}


def test_added_and_removed_files(workshop: Path, parsed: list[str]) -> None:
    load_round(load_workshop(workshop, cache=True), "baseline")
    (workshop / "entries" / "baseline" / "bjuv.yaml").unlink()
    parsed.clear()
    again = load_round(load_workshop(workshop, cache=True), "baseline")
    assert parsed == []
    assert again.missing_units == ["bjuv"]
    (workshop / "entries" / "baseline" / "bjuv.yaml").write_text(_entries(1), encoding="utf-8")
    third = load_round(load_workshop(workshop, cache=True), "baseline")
    assert parsed == ["bjuv.yaml"]
    assert len(third.entries) == 4


def test_a_changed_workshop_file_empties_the_cache(workshop: Path, parsed: list[str]) -> None:
    load_round(load_workshop(workshop, cache=True), "baseline")
    yaml_file = workshop / "workshop.yaml"
    yaml_file.write_text(yaml_file.read_text(encoding="utf-8").replace("Bjuv", "Bjuvs kommun"))
    parsed.clear()
    load_round(load_workshop(workshop, cache=True), "baseline")
    assert sorted(parsed) == ["bjuv.yaml", "hoganas.yaml"]


def test_files_with_problems_are_read_every_time_in_the_language_asked(
    make_workshop: Callable[..., Path], parsed: list[str]
) -> None:
    folder = make_workshop({"baseline/hoganas": _entries(2), "baseline/bjuv": BROKEN})
    first = load_round(load_workshop(folder, cache=True), "baseline", "en")
    assert any("weaknessez" in p.message for p in first.problems)
    parsed.clear()
    second = load_round(load_workshop(folder, cache=True), "baseline", "sv")
    assert parsed == ["bjuv.yaml"]
    assert [p.code for p in second.problems] == [p.code for p in first.problems]
    assert second.problems[0].message != first.problems[0].message  # now in Swedish


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # cut short (a full disk, a half-synced copy)
        lambda data: data.replace(b"Plan", b"Plam", 1),  # one changed byte
        lambda data: b"not a cache at all",
        lambda data: b"",
    ],
    ids=["truncated", "changed", "garbage", "empty"],
)
def test_a_damaged_cache_is_ignored(
    workshop: Path, parsed: list[str], damage: Callable[[bytes], bytes]
) -> None:
    expected = _dump(load_round(load_workshop(workshop, cache=True), "baseline"))
    cache_file = next((workshop / CACHE_DIR).glob("entries-*.json"))
    cache_file.write_bytes(damage(cache_file.read_bytes()))
    parsed.clear()
    assert _dump(load_round(load_workshop(workshop, cache=True), "baseline")) == expected
    assert sorted(parsed) == ["bjuv.yaml", "hoganas.yaml"]
    parsed.clear()
    load_round(load_workshop(workshop, cache=True), "baseline")
    assert parsed == []  # and it was written afresh


def test_a_cache_with_a_valid_digest_but_bad_rows_is_not_used(
    workshop: Path, parsed: list[str]
) -> None:
    """A row that is not an entry (the digest was rewritten to match) means: read the file."""
    from swot.rounds import cache

    expected = _dump(load_round(load_workshop(workshop, cache=True), "baseline"))
    cache_file = next((workshop / CACHE_DIR).glob("entries-*.json"))
    head, _, body = cache_file.read_bytes().partition(b"\n")
    body = body.replace(b'"weaknesses"', b'"weakness"')
    parts = head.split(b" ")
    parts[3] = cache._digest(body).hexdigest().encode()
    cache_file.write_bytes(b" ".join(parts) + b"\n" + body)
    parsed.clear()
    assert _dump(load_round(load_workshop(workshop, cache=True), "baseline")) == expected
    assert sorted(parsed) == ["bjuv.yaml", "hoganas.yaml"]


def test_a_cache_that_cannot_be_written_is_no_error(workshop: Path) -> None:
    (workshop / CACHE_DIR).write_text("a file where the cache folder would be", encoding="utf-8")
    loaded = load_round(load_workshop(workshop, cache=True), "baseline")
    assert len(loaded.entries) == 5
    assert (workshop / CACHE_DIR).is_file()


def test_entries_from_rows_are_the_entries(workshop: Path) -> None:
    entries = load_round(load_workshop(workshop), "baseline").entries
    rebuilt = [entry_from_row(entry_row(e), e.unit, e.round) for e in entries]
    assert rebuilt == entries
    copy = rebuilt[0].model_copy(update={"respondent": "r01"})
    assert copy.respondent == "r01" and rebuilt[0].respondent is None
    assert rebuilt[1].model_dump(exclude_unset=True) == rebuilt[1].model_dump()
    with pytest.raises(ValueError):
        entry_from_row(["equality", "weakness", "x", None, "survey", None, None, 1], "u", "r")
    with pytest.raises(ValueError):
        entry_from_row(["equality", "weaknesses"], "u", "r")


def test_merge_twice_gives_the_same_handouts(workshop: Path, runner: CliRunner) -> None:
    first = runner.invoke(app, ["merge", str(workshop)])
    assert first.exit_code == 0, first.output
    handout = workshop / "handouts" / "baseline" / "handout.md"
    written = handout.read_bytes()
    assert (workshop / CACHE_DIR).is_dir()
    second = runner.invoke(app, ["merge", str(workshop)])
    assert second.exit_code == 0, second.output
    assert second.output == first.output
    assert handout.read_bytes() == written


# ---------------------------------------------------------------- groups remembered between runs

SIMILAR = """\
- theme: equality
  quadrant: weaknesses
  text: We have an equality plan but no activities
- theme: equality
  quadrant: weaknesses
  text: We have an equality plan but no activitys
- theme: equality
  quadrant: strengths
  text: Committed supervisors who know the participants
- theme: equality
  quadrant: strengths
  text: Commited supervisors who know the participants
"""


@pytest.fixture
def grouped(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Sizes of the buckets actually grouped (not taken from the memo)."""
    from swot.analysis import grouping as merging

    sizes: list[int] = []
    real = merging._group

    def spy(texts: list[str], *args: object, **kwargs: object) -> object:
        sizes.append(len(texts))
        return real(texts, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(merging, "_group", spy)
    return sizes


def _items(folder: Path, similarity: float = 85.0) -> list[tuple]:
    from swot.jobs.merge import merge_round

    merged = merge_round(load_workshop(folder, cache=True), "baseline", similarity=similarity)
    return [
        (i.key, i.text, i.cohesion, [(e.unit, e.line) for e in i.entries]) for i in merged.items
    ]


def test_unchanged_buckets_reuse_their_groups(
    make_workshop: Callable[..., Path], grouped: list[int]
) -> None:
    folder = make_workshop({"baseline/hoganas": SIMILAR})
    first = _items(folder)
    assert sorted(grouped) == [2, 2] and len(first) == 2  # each pair became one item
    grouped.clear()
    assert _items(folder) == first
    assert grouped == []
    # One new text in strengths: only that bucket is grouped again.
    path = folder / "entries" / "baseline" / "hoganas.yaml"
    path.write_text(
        SIMILAR + "- theme: equality\n  quadrant: strengths\n  text: Flexible hours\n",
        encoding="utf-8",
    )
    third = _items(folder)
    assert grouped == [3] and len(third) == 3


def test_another_threshold_or_decision_groups_again(
    make_workshop: Callable[..., Path], grouped: list[int]
) -> None:
    folder = make_workshop({"baseline/hoganas": SIMILAR})
    _items(folder)
    grouped.clear()
    # Grouped again, not taken from the memo (a typo reads as its word, so these still score 100).
    assert len(_items(folder, similarity=99.0)) == 2
    assert sorted(grouped) == [2, 2]
    _items(folder)  # the memo keeps the last run's groups only
    grouped.clear()
    (folder / "merges.yaml").write_text(
        "- decision: apart\n  theme: equality\n  quadrant: weaknesses\n  texts:\n"
        "    - We have an equality plan but no activities\n"
        "    - We have an equality plan but no activitys\n",
        encoding="utf-8",
    )
    items = _items(folder)
    assert grouped == [2] and len(items) == 3


def _rewrite_memo(folder: Path, change: Callable[[bytes], bytes]) -> None:
    """Change the memo's content and give it a matching digest (damage the digest cannot see)."""
    from swot.rounds import cache

    memo_file = folder / CACHE_DIR / "groups-baseline.json"
    head, _, body = memo_file.read_bytes().partition(b"\n")
    body = change(body)
    parts = head.split(b" ")
    parts[3] = cache._digest(body).hexdigest().encode()
    memo_file.write_bytes(b" ".join(parts) + b"\n" + body)


def test_moved_entries_reuse_groups_but_not_items(
    make_workshop: Callable[..., Path], grouped: list[int]
) -> None:
    """Items remember entries by position and line: a comment added on top moves every line."""
    folder = make_workshop({"baseline/hoganas": SIMILAR})
    first = _items(folder)
    path = folder / "entries" / "baseline" / "hoganas.yaml"
    path.write_text("# Höganäs, baseline\n\n" + SIMILAR, encoding="utf-8")
    grouped.clear()
    moved = _items(folder)
    assert grouped == []  # the same texts: groups come from the memo
    assert [(key, text) for key, text, _, _ in moved] == [(k, t) for k, t, _, _ in first]
    assert [[line for _, line in item[3]] for item in moved] == [
        [line + 2 for _, line in item[3]] for item in first
    ]


def test_damaged_memo_records_are_found_again(
    make_workshop: Callable[..., Path], grouped: list[int]
) -> None:
    folder = make_workshop({"baseline/hoganas": SIMILAR})
    first = _items(folder)
    # Items that do not use every entry once: the groups record still serves.
    _rewrite_memo(folder, lambda body: body.replace(b'"items":[[[0,1]', b'"items":[[[0,0]'))
    grouped.clear()
    assert _items(folder) == first
    assert grouped == []
    # Both kinds damaged: grouped afresh, and written whole again.
    _rewrite_memo(
        folder,
        lambda body: body.replace(b'"items":[[[0,1]', b'"items":[[[0,7]').replace(
            b'"roots":[0,0]', b'"roots":[1,7]'
        ),
    )
    grouped.clear()
    assert _items(folder) == first
    assert grouped == [2, 2]  # the same change hit both buckets
    grouped.clear()
    _items(folder)
    assert grouped == []


def test_grouping_in_two_processes_gives_the_same_items(
    make_workshop: Callable[..., Path],
) -> None:
    from swot.analysis.grouping import merge_entries
    from swot.rounds.cache import MergeMemo
    from swot.rounds.workers import worker_processes

    units = {f"u{n:02d}": f"Enhet {n}" for n in range(12)}
    variants = [
        "We have an equality plan but no activities",
        "We have an equality plan but no activitys",
        "we have a equality plan but no activities",
        "Committed supervisors who know the participants",
        "Commited supervisors who know the participants",
        "Flexible hours for parents",
    ]
    quadrants = ["strengths", "weaknesses", "opportunities", "threats"]
    entries = {
        f"baseline/{unit}": "".join(
            f"- theme: {'equality' if n % 3 else 'accessibility'}\n"
            f"  quadrant: {quadrants[n % 4]}\n  text: {variants[(n + u) % 6]} {n % 5}\n"
            for n in range(40)
        )
        for u, unit in enumerate(units)
    }
    folder = make_workshop(entries, units=units, rounds={"baseline": {}})
    workshop = load_workshop(folder)
    loaded = load_round(workshop, "baseline").entries

    def summary(items: list) -> list:
        return [
            (i.key, i.text, i.cohesion, i.wordings, [(e.unit, e.line) for e in i.entries])
            for i in items
        ]

    serial = summary(merge_entries(loaded))
    assert len(serial) > 8
    with worker_processes(0, force=True) as pool:
        assert pool is not None
        assert summary(merge_entries(loaded, pool=pool)) == serial
        memo = MergeMemo.open(workshop, "baseline")
        assert summary(merge_entries(loaded, pool=pool, memo=memo)) == serial
        assert memo.changed and len(memo.used) == 16  # items and groups of 8 buckets
        memo.save()
        again = MergeMemo.open(workshop, "baseline")
        assert summary(merge_entries(loaded, pool=pool, memo=again)) == serial
        assert not again.changed
        # Entries moved (lines shifted), texts the same: groups from the memo, items anew.
        moved = [e.model_copy(update={"line": e.line + 2}) for e in loaded]
        third = MergeMemo.open(workshop, "baseline")
        items = merge_entries(moved, pool=pool, memo=third)
        assert [(k, t, c, w) for k, t, c, w, _ in summary(items)] == [
            (k, t, c, w) for k, t, c, w, _ in serial
        ]
        assert all(key.startswith("items:") for key in third.used.keys() - third.records.keys())


def test_a_cache_edited_with_its_digest_recomputed_is_not_trusted(
    make_workshop: Callable[..., Path], runner: CliRunner
) -> None:
    """Someone who can write in the workshop folder edits the cache and recomputes the plain
    BLAKE2b digest of its header: the handout must still say what the entries file says."""
    import hashlib

    folder = make_workshop({"baseline/hoganas": "- theme: equality\n  quadrant: s\n  text: Sant\n"})
    assert runner.invoke(app, ["merge", str(folder)]).exit_code == 0
    cache = folder / ".swot-cache" / "entries-baseline.json"
    head, _, body = cache.read_bytes().partition(b"\n")
    body = body.replace(b"Sant", b"Falskt")
    parts = head.split(b" ")
    parts[3] = hashlib.blake2b(body, digest_size=16).hexdigest().encode()
    cache.write_bytes(b" ".join(parts) + b"\n" + body)

    assert runner.invoke(app, ["merge", str(folder)]).exit_code == 0

    handout = (folder / "handouts" / "baseline" / "handout.md").read_text(encoding="utf-8")
    assert "Sant" in handout and "Falskt" not in handout


def test_the_cache_key_is_the_users_own_and_outside_the_workshop(
    make_workshop: Callable[..., Path], runner: CliRunner
) -> None:
    from swot.rounds.cache import user_cache_folder, user_key

    key_file = user_cache_folder() / "swot" / "cache-key"
    assert user_key() == key_file.read_bytes()
    if os.name == "posix":
        assert key_file.stat().st_mode & 0o077 == 0
