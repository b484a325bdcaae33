"""What ``swot init``, ``swot validate`` and ``swot schema`` print, and init's questions."""

from __future__ import annotations

import dataclasses
import json
from typing import TYPE_CHECKING

import typer

from swot.cli.app import console, error_console
from swot.i18n import catalogue, say

if TYPE_CHECKING:
    from swot.jobs.init import InitRequest, InitResult
    from swot.jobs.schema import SchemaResult
    from swot.jobs.validate import ValidateResult

MESSAGES = catalogue("cli/workshop_output")
WORDS = {
    "error": {"en": ("error", "errors"), "sv": ("fel", "fel")},
    "file": {"en": ("file", "files"), "sv": ("fil", "filer")},
    "warning": {"en": ("warning", "warnings"), "sv": ("varning", "varningar")},
}


def print_init(result: InitResult) -> None:
    """What was created, and the next step."""
    out = console()
    spec, folder, workshop = result.spec, result.folder, result.workshop.workshop
    rounds = ", ".join(r.id for r in workshop.rounds)
    if spec.language == "sv":
        out.print(f"Skapade workshoppen [bold]{spec.name}[/bold] i {folder}")
        out.print(f"  {len(workshop.units)} enheter, omgångar: {rounds}")
        out.print(f"Nästa steg: swot collect --workshop {folder}")
    else:
        out.print(f"Created the workshop [bold]{spec.name}[/bold] in {folder}")
        out.print(f"  {len(workshop.units)} units, rounds: {rounds}")
        out.print(f"Next: swot collect --workshop {folder}")


def ask_init(request: InitRequest) -> InitRequest:
    """Ask for the language, name, units and expected respondents that were not given."""
    import questionary

    language = (
        request.language
        or questionary.select("Språk / Language", choices=["sv", "en"], default="sv").unsafe_ask()
    )
    sv = language == "sv"
    name = (
        request.name
        or questionary.text(
            "Workshoppens namn:" if sv else "Name of the workshop:",
            validate=lambda text: bool(text.strip()) or ("Skriv ett namn" if sv else "Type a name"),
        ).unsafe_ask()
    )
    units = request.units
    if not units:
        answer = questionary.text(
            "Enheter, åtskilda med komma:" if sv else "Units, separated by commas:",
            validate=lambda text: (
                bool(text.strip()) or ("Minst en enhet" if sv else "At least one unit")
            ),
        ).unsafe_ask()
        units = [part.strip() for part in answer.split(",") if part.strip()]
    expected = request.expected
    if expected is None:
        # The response rate needs it; one number for every unit, edited per unit later.
        answer = questionary.text(
            "Förväntat antal svarande per enhet (Enter = ange senare):"
            if sv
            else "Expected respondents per unit (Enter = later):",
            validate=lambda text: (
                not text.strip()
                or text.strip().isdigit()
                or ("Skriv ett heltal, t.ex. 12" if sv else "Type a whole number, e.g. 12")
            ),
        ).unsafe_ask()
        expected = int(answer) if answer.strip() else None
    return dataclasses.replace(
        request, name=name, language=language, units=units, expected=expected
    )


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
