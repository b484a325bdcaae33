"""Issue 18, point 4: commands that take the same things take them the same way."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from swot.cli import app

EXAMPLE = Path(__file__).resolve().parent.parent / "workshops" / "ameis-skane-nordvast"


@pytest.fixture
def example(tmp_path: Path) -> Path:
    return Path(shutil.copytree(EXAMPLE, tmp_path / "ameis"))


def test_compare_takes_the_workshop_folder_after_the_rounds(example: Path, runner) -> None:
    result = runner.invoke(app, ["compare", "2025-kv3", "2026-kv1", str(example)])
    assert result.exit_code == 0, result.output
    assert (example / "handouts" / "compare-2025-kv3-2026-kv1" / "compare.html").is_file()


def test_export_format_json_with_output_writes_the_file_it_would_print(
    example: Path, runner, tmp_path: Path
) -> None:
    printed = runner.invoke(app, ["export", str(example), "-r", "2025-kv3", "--json"])
    written = runner.invoke(
        app,
        ["export", str(example), "-r", "2025-kv3", "--format", "json", "-o", str(tmp_path / "x")],
    )
    assert (printed.exit_code, written.exit_code) == (0, 0), written.output
    path = tmp_path / "x" / "swot-2025-kv3.json"
    assert path.read_text(encoding="utf-8") == printed.stdout
    assert "swot-2025-kv3.json" in written.output


@pytest.mark.parametrize(
    "command",
    [
        "init",
        "collect",
        "import",
        "merge",
        "export",
        "review",
        "status",
        "compare",
        "prioritise",
        "vote",
    ],
)
def test_help_shows_no_python_type_names(runner, command: str) -> None:
    """(validate's PATH argument still shows Typer's own ``<list[Path]>``: Typer prints an
    argument's type beside its metavar.)"""
    shown = runner.invoke(app, [command, "--help"]).stdout
    assert "Example:" in shown
    assert not [word for word in ("list[", "range>", "<float range", "<int range") if word in shown]
