"""`swot init`, `swot validate` and `swot schema` through the command line."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from swot.cli import app
from swot.cli.help import help_language
from swot.files.create import entries_header
from swot.files.entries import read_entries_file
from swot.files.storage import append_entries
from swot.files.workshop import load_workshop

INIT = [
    "init",
    "nordvast",
    "--name",
    "Nordväst",
    "--language",
    "sv",
    "--unit",
    "Höganäs",
    "--unit",
    "Ängelholm",
    "--round",
    "forprojektering",
    "--expected",
    "12",
]


def test_init_creates_a_workshop_that_validates(tmp_path: Path, runner, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, INIT)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == "Skapade workshoppen Nordväst i nordvast"
    workshop = load_workshop(tmp_path / "nordvast").workshop
    assert [(u.id, u.name) for u in workshop.units] == [
        ("hoganas", "Höganäs"),
        ("angelholm", "Ängelholm"),
    ]
    assert workshop.round("forprojektering").expected == {"hoganas": 12, "angelholm": 12}
    assert (tmp_path / "nordvast" / "entries" / "forprojektering").is_dir()
    assert runner.invoke(app, ["validate", "nordvast"]).exit_code == 0


def test_init_writes_a_header_and_schema_modeline(tmp_path: Path, runner, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    runner.invoke(app, INIT)
    text = (tmp_path / "nordvast" / "workshop.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=schema/workshop.schema.json\n")
    assert "# Indrag görs med mellanslag, aldrig tabb." in text
    assert (tmp_path / "nordvast" / "schema" / "entries.schema.json").is_file()


def test_init_refuses_to_overwrite_a_workshop(tmp_path: Path, runner, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    runner.invoke(app, INIT)
    result = runner.invoke(app, INIT)
    assert result.exit_code == 1
    assert result.output == (
        "nordvast/workshop.yaml finns redan\n"
        "  → välj en annan mapp, eller redigera den befintliga workshop.yaml\n"
    )


def test_init_without_a_terminal_names_the_missing_options(
    tmp_path: Path, runner, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["init", "x", "--name", "X"])
    assert result.exit_code == 2
    assert "swot init needs --language, --unit when it cannot ask (no terminal)." in result.output


def test_new_entries_file_header_points_at_the_schema(tmp_path: Path, runner, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    runner.invoke(app, INIT)
    workshop = load_workshop(tmp_path / "nordvast")
    header = entries_header(workshop, "hoganas", "forprojektering")
    assert header.splitlines()[:2] == [
        "# yaml-language-server: $schema=../../schema/entries.schema.json",
        "# Höganäs · forprojektering",
    ]
    path = workshop.entries_file("forprojektering", "hoganas")
    append_entries(path, [], "sv", header)
    assert read_entries_file(path, workshop).entries == []


def test_validate_json_lists_problems_for_scripts(
    make_workshop: Callable[..., Path], runner, monkeypatch
) -> None:
    folder = make_workshop(
        entries={"baseline/bjuv": "- theme: equality\n  quadrant: X\n  text: A\n"}
    )
    monkeypatch.chdir(folder)
    result = runner.invoke(app, ["validate", "--json"])
    assert result.exit_code == 1
    report = json.loads(result.output)
    assert report["errors"] == 1
    assert report["files"] == ["workshop.yaml", "entries/baseline/bjuv.yaml"]
    (problem,) = report["problems"]
    assert (problem["file"], problem["line"], problem["column"], problem["code"]) == (
        "entries/baseline/bjuv.yaml",
        2,
        13,
        "unknown_quadrant",
    )


def test_validate_reports_problems_of_every_file(
    make_workshop: Callable[..., Path], runner, monkeypatch
) -> None:
    folder = make_workshop(
        entries={
            "baseline/bjuv": "- theme: equality\n  quadrant: X\n  text: A\n",
            "baseline/hoganas": "- theme: equality\n  quadrant: S\n  text: A\n  importance: 0\n",
        }
    )
    monkeypatch.chdir(folder)
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == "✗ 2 errors in 2 of 3 files"


def test_validate_flags_a_file_for_an_unknown_unit(
    make_workshop: Callable[..., Path], runner, monkeypatch
) -> None:
    folder = make_workshop(entries={"baseline/bjuvv": "[]\n"})
    monkeypatch.chdir(folder)
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 1
    assert result.output.startswith(
        "entries/baseline/bjuvv.yaml: 'bjuvv' is not a unit of this workshop; did you mean 'bjuv'?\n"
    )


def test_validate_a_single_file_inside_a_workshop(
    make_workshop: Callable[..., Path], runner
) -> None:
    folder = make_workshop(
        entries={"baseline/bjuv": "- tema: jämställdhet\n  kvadrant: S\n  text: A\n"}
    )
    result = runner.invoke(app, ["validate", str(folder / "entries" / "baseline" / "bjuv.yaml")])
    assert result.exit_code == 0
    assert result.output == "✓ 1 file checked, no errors\n"


def test_validate_a_missing_path_says_so(tmp_path: Path, runner, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["validate", "nowhere"])
    assert result.exit_code == 1
    assert "no workshop.yaml found in nowhere" in result.output


def test_schema_writes_a_schema_for_every_file_staff_edit(
    make_workshop: Callable[..., Path], runner
) -> None:
    folder = make_workshop()
    result = runner.invoke(app, ["schema", str(folder)])
    assert result.exit_code == 0
    assert sorted(p.name for p in (folder / "schema").iterdir()) == [
        "entries.schema.json",
        "merges.schema.json",
        "priorities.schema.json",
        "votes.schema.json",
        "workshop.schema.json",
    ]
    schema = json.loads((folder / "schema" / "entries.schema.json").read_text(encoding="utf-8"))
    entry = schema["items"]
    assert {"tema", "kvadrant", "vikt", "källa", "svarande"} <= set(entry["properties"])
    assert "Svagheter" in entry["properties"]["kvadrant"]["enum"]
    assert entry["additionalProperties"] is False


def test_schema_print_entries_is_json(runner) -> None:
    result = runner.invoke(app, ["schema", "--print", "entries"])
    assert result.exit_code == 0
    assert json.loads(result.output)["type"] == ["array", "null"]


@pytest.fixture
def help_in(monkeypatch) -> Iterator[Callable[[str], None]]:
    """Set the language messages without a workshop speak (help_language is cached per run)."""

    def set_language(lang: str) -> None:
        monkeypatch.setenv("SWOT_LANG", lang)
        help_language.cache_clear()

    yield set_language
    help_language.cache_clear()


def test_schema_print_unknown_is_a_usage_error(runner, help_in) -> None:
    help_in("en")
    result = runner.invoke(app, ["schema", "--print", "vote"])
    assert result.exit_code == 2
    assert (
        "--print takes one of workshop, entries, merges, votes, priorities, not 'vote'; "
        "did you mean 'votes'?"
    ) in result.output
    assert "example: swot schema --print entries" in result.output


def test_schema_print_unknown_speaks_swedish_for_a_swedish_user(runner, help_in) -> None:
    help_in("sv")
    result = runner.invoke(app, ["schema", "--print", "prioritet"])
    assert result.exit_code == 2
    assert "--print tar ett av workshop, entries, merges, votes, priorities, inte 'prioritet'" in (
        result.output
    )


def test_validate_checks_merges_yaml_too(
    make_workshop: Callable[..., Path], runner, monkeypatch
) -> None:
    folder = make_workshop(
        entries={"baseline/bjuv": "- theme: equality\n  quadrant: S\n  text: A\n"}
    )
    (folder / "merges.yaml").write_text(
        "- decision: join\n  theme: equality\n  quadrant: strenghts\n  texts: [A, B]\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(folder)
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 1
    assert result.output.startswith(
        "merges.yaml:3:13: decision 1 → quadrant: 'strenghts' is not a quadrant"
    )
    assert result.output.splitlines()[-1] == "✗ 1 error in 1 of 3 files"
