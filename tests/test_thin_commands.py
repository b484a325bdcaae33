"""Commands are thin: a Typer command parses its options, makes one request of a ``swot.jobs``
module and hands the result to one printer; the work and the checks live in the jobs.

Measured with ``ast``, so a new command or a grown function fails here, not in a review.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SWOT = Path(__file__).resolve().parent.parent / "swot"
COMMAND_LINES = 15  # lines of code in a command's body: not its signature, docstring, blank lines
FUNCTION_LINES = 60  # every function of swot/, from `def` to its last line

# Functions allowed to be longer than FUNCTION_LINES, each with the reason.
LONG_FUNCTIONS: dict[str, str] = {}


def functions(folder: str) -> list[tuple[str, ast.FunctionDef | ast.AsyncFunctionDef]]:
    """Every function and method (nested ones too) of the modules in ``swot/<folder>``."""
    found = []
    for path in sorted((SWOT / folder).glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                found.append((f"{folder}/{path.name}:{node.name}", node))
    return found


def is_command(function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """Registered with ``@command("name")`` (``swot.cli.app.command``)."""
    return any(
        isinstance(d, ast.Call) and isinstance(d.func, ast.Name) and d.func.id == "command"
        for d in function.decorator_list
    )


def code_lines(function: ast.FunctionDef | ast.AsyncFunctionDef, source: list[str]) -> int:
    """Non-blank lines of the body after the docstring."""
    body = function.body
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        body = body[1:]
    if not body:
        return 0
    assert body[-1].end_lineno is not None
    lines = source[body[0].lineno - 1 : body[-1].end_lineno]
    return sum(1 for line in lines if line.strip())


def length(function: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    assert function.end_lineno is not None
    return function.end_lineno - function.lineno + 1


COMMANDS = [(name, f) for name, f in functions("cli") if is_command(f)]


def test_every_command_is_found() -> None:
    names = {f.name for _, f in COMMANDS}
    assert names == {
        "init_command",
        "collect_command",
        "survey_command",
        "import_command",
        "validate_command",
        "status_command",
        "merge_command",
        "review_command",
        "prioritise_command",
        "vote_command",
        "compare_command",
        "report_command",
        "export_command",
        "schema_command",
    }


@pytest.mark.parametrize(("name", "function"), COMMANDS, ids=[name for name, _ in COMMANDS])
def test_a_command_is_at_most_15_lines_of_code(
    name: str, function: ast.FunctionDef | ast.AsyncFunctionDef
) -> None:
    source = (SWOT / name.split(":")[0]).read_text(encoding="utf-8").splitlines()
    assert code_lines(function, source) <= COMMAND_LINES


@pytest.mark.parametrize(("name", "function"), COMMANDS, ids=[name for name, _ in COMMANDS])
def test_a_command_runs_exactly_one_job(
    name: str, function: ast.FunctionDef | ast.AsyncFunctionDef
) -> None:
    jobs = {
        alias.asname or alias.name
        for node in ast.walk(function)
        if isinstance(node, ast.ImportFrom) and node.module == "swot.jobs"
        for alias in node.names
    }
    runs = [
        node
        for node in ast.walk(function)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "run"
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id in jobs
    ]
    assert len(jobs) == 1
    assert len(runs) == 1


def test_no_function_in_swot_is_longer_than_60_lines() -> None:
    folders = sorted({path.parent.relative_to(SWOT).as_posix() for path in SWOT.rglob("*.py")})
    assert "files" in folders and "cli" in folders
    too_long = {
        name: length(function)
        for folder in folders
        for name, function in functions(folder)
        if length(function) > FUNCTION_LINES and name not in LONG_FUNCTIONS
    }
    assert too_long == {}


def test_the_length_checks_would_see_a_long_function() -> None:
    source = "def long():\n" + "    x = 1\n" * 61
    function = ast.parse(source).body[0]
    assert isinstance(function, ast.FunctionDef)
    assert length(function) > FUNCTION_LINES
    assert code_lines(function, source.splitlines()) > COMMAND_LINES
