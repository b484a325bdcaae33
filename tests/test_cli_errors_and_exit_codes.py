"""Exceptions become messages and exit codes in one place: never a traceback for the user."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from swot.cli import app
from swot.files import validate


def test_a_bug_exits_3_with_one_line_and_a_log(tmp_path: Path, runner, monkeypatch) -> None:
    monkeypatch.setenv("SWOT_LOG_DIR", str(tmp_path / "logs"))

    def broken(*args, **kwargs):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(validate, "validate_paths", broken)
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 3
    assert "Traceback" not in result.output
    assert result.output.startswith(
        "swot: internal error (ZeroDivisionError): this is a bug in swot"
    )
    (log,) = (tmp_path / "logs").iterdir()
    assert "ZeroDivisionError: boom" in log.read_text(encoding="utf-8")


def test_ctrl_c_exits_130(runner, monkeypatch) -> None:
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(validate, "validate_paths", interrupted)
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 130
    assert "Traceback" not in result.output


def test_unknown_option_is_a_usage_error(runner) -> None:
    result = runner.invoke(app, ["validate", "--nope"])
    assert result.exit_code == 2


def test_version_is_printed(runner) -> None:
    from swot import __version__

    result = runner.invoke(app, ["--version"])
    assert result.output == f"swot {__version__}\n"


@pytest.mark.parametrize("command", ["init", "validate", "schema"])
def test_every_command_has_help_with_an_example(command: str, runner) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Example: swot " in result.output


def test_all_registered_commands_have_an_example_in_their_docstring() -> None:
    import typer.main

    group = typer.main.get_command(app)
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        assert "Example: swot " in (command.help or ""), name


def test_console_script_runs_as_a_module() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "swot", "--version"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0
    assert result.stdout.startswith("swot ")


def test_yaml_is_only_ever_loaded_safely() -> None:
    source = Path(__file__).resolve().parent.parent / "swot"
    unsafe = (
        "FullLoader",
        "UnsafeLoader",
        "unsafe_load",
        "yaml.load(",
        "full_load",
        "yaml.Loader",
        "yaml.CLoader",
        "Loader=yaml.Loader",
    )
    for path in source.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for word in unsafe:
            assert word not in text, f"{path.name} uses {word}"
