"""What ``swot init``, ``swot validate`` and ``swot schema`` print, and init's questions."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import typer

from swot.cli.app import console, error_console
from swot.i18n import catalogue, say

if TYPE_CHECKING:
    from swot.jobs.init import InitResult
    from swot.jobs.schema import SchemaResult
    from swot.jobs.validate import ValidateResult

MESSAGES = catalogue("cli/workshop_output")
WORDS = {
    "error": {"en": ("error", "errors"), "sv": ("fel", "fel")},
    "file": {"en": ("file", "files"), "sv": ("fil", "filer")},
    "warning": {"en": ("warning", "warnings"), "sv": ("varning", "varningar")},
}


def print_init(result: InitResult) -> None:
    """What was created, and the next step (the folder quoted when it holds a space)."""
    out = console()
    spec, folder, workshop = result.spec, result.folder, result.workshop.workshop
    lang = spec.language
    rounds = ", ".join(r.title() for r in workshop.rounds)
    out.print(say(MESSAGES, "created", lang, name=spec.name, folder=folder), markup=False)
    units = len(workshop.units)
    out.print(say(MESSAGES, "created.what", lang, units=units, rounds=rounds), markup=False)
    out.print(say(MESSAGES, "created.next", lang, folder=shell_word(str(folder))), markup=False)


def shell_word(text: str) -> str:
    """``text`` as one word for a shell: as it is, or in double quotes (the quoting both
    Windows' cmd and PowerShell and a POSIX shell read alike) when it holds a space or such."""
    if text and all(ch.isalnum() or ch in "/._-:\\" for ch in text):
        return text
    return '"' + text.replace('"', '\\"') + '"'


def count(number: int, word: str, lang: str) -> str:
    """'1 file', '3 files', '1 fil', '3 filer'."""
    singular, plural = WORDS[word][lang]
    return f"{number} {singular if number == 1 else plural}"


def print_validation(result: ValidateResult, as_json: bool) -> None:
    """Every problem, then one line of summary; exits 1 if anything is wrong."""
    from swot.files.located import display_path

    errors, warnings = result.errors, result.warnings
    if as_json:
        document = {
            "files": [display_path(p) for p in result.checked],
            "errors": len(errors),
            "warnings": len(warnings),
            "problems": [p.as_dict() for p in result.problems],
        }
        typer.echo(json.dumps(document, ensure_ascii=False, indent=2))
        raise typer.Exit(1 if errors else 0)
    out = error_console() if errors else console()
    for problem in result.problems:
        out.print(problem.format(), markup=False)
    lang = result.summary_language()
    if not result.checked:
        out.print(f"✗ {say(MESSAGES, 'summary_nothing', lang)}", markup=False)
        raise typer.Exit(1)
    files = count(len(result.checked), "file", lang)
    if errors:
        bad = len({p.file for p in errors})
        errors_count = count(len(errors), "error", lang)
        summary = say(MESSAGES, "summary_errors", lang, errors=errors_count, bad=bad, files=files)
        if warnings:
            summary += ", " + count(len(warnings), "warning", lang)
        out.print(f"✗ {summary}", markup=False)
        raise typer.Exit(1)
    summary = say(MESSAGES, "summary_ok", lang, files=files)
    if warnings:
        summary += f" ({count(len(warnings), 'warning', lang)})"
    out.print(f"✓ {summary}", markup=False)


def print_schema(result: SchemaResult) -> None:
    """The schema asked for as JSON, or a line per file written."""
    from swot.files.located import display_path

    if result.schema is not None:
        typer.echo(json.dumps(result.schema, ensure_ascii=False, indent=2))
        return
    for path in result.written:
        console().print(f"✓ {display_path(path)}", markup=False)
