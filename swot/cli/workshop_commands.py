"""``swot init``, ``swot validate`` and ``swot schema``: creating and checking workshop files."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from swot.cli.app import command, console, error_console
from swot.cli.options import JsonOption, LangOption
from swot.i18n import say
from swot.jobs.workshop import check_lang


@command("init")
def init_command(
    folder: Annotated[Path, typer.Argument(help="Folder to create the workshop in.")],
    name: Annotated[str | None, typer.Option(help="Name of the workshop.")] = None,
    language: Annotated[str | None, typer.Option("--language", help="sv or en.")] = None,
    unit: Annotated[
        list[str] | None,
        typer.Option("--unit", "-u", help="A unit's name; repeat for each unit."),
    ] = None,
    round_: Annotated[
        list[str] | None,
        typer.Option("--round", "-r", help="A round id, e.g. baseline; repeat for each round."),
    ] = None,
    expected: Annotated[
        int | None, typer.Option(help="Expected respondents per unit in each round.")
    ] = None,
) -> None:
    """Create a workshop: workshop.yaml, entries/ and JSON schemas for editors.

    Asks for what is not given as an option (when run in a terminal).

    Example: swot init workshops/nordvast --name "Nordväst" --language sv
    --unit Höganäs --unit Bjuv --round forprojektering --expected 12
    """
    from swot.errors import UsageError
    from swot.files.create import NewWorkshop, create_workshop

    missing = [
        flag
        for flag, value in (("--name", name), ("--language", language), ("--unit", unit))
        if not value
    ]
    if missing and not sys.stdin.isatty():
        raise UsageError(
            f"swot init needs {', '.join(missing)} when it cannot ask (no terminal).",
            'example: swot init DIR --name "Nordväst" --language sv --unit Höganäs '
            "--unit Bjuv --round forprojektering",
        )
    if missing:
        name, language, unit, asked_expected = _ask_init(name, language, unit, expected)
        expected = expected if expected is not None else asked_expected
    lang = check_lang(language) or "sv"
    spec = NewWorkshop(
        name=name or folder.name,
        language=lang,
        unit_names=[u for u in (unit or []) if u.strip()],
        round_ids=round_ or (["forprojektering"] if lang == "sv" else ["baseline"]),
        expected=expected,
    )
    workshop = create_workshop(folder, spec)
    out = console()
    if lang == "sv":
        out.print(f"Skapade workshoppen [bold]{spec.name}[/bold] i {folder}")
        out.print(
            f"  {len(workshop.workshop.units)} enheter, omgångar: "
            f"{', '.join(r.id for r in workshop.workshop.rounds)}"
        )
        out.print(f"Nästa steg: swot collect --workshop {folder}")
    else:
        out.print(f"Created the workshop [bold]{spec.name}[/bold] in {folder}")
        out.print(
            f"  {len(workshop.workshop.units)} units, rounds: "
            f"{', '.join(r.id for r in workshop.workshop.rounds)}"
        )
        out.print(f"Next: swot collect --workshop {folder}")


def _ask_init(
    name: str | None, language: str | None, units: list[str] | None, expected: int | None
) -> tuple[str, str, list[str], int | None]:
    import questionary

    if not language:
        language = questionary.select(
            "Språk / Language", choices=["sv", "en"], default="sv"
        ).unsafe_ask()
    sv = language == "sv"
    if not name:
        name = questionary.text(
            "Workshoppens namn:" if sv else "Name of the workshop:",
            validate=lambda text: bool(text.strip()) or ("Skriv ett namn" if sv else "Type a name"),
        ).unsafe_ask()
    if not units:
        answer = questionary.text(
            "Enheter, åtskilda med komma:" if sv else "Units, separated by commas:",
            validate=lambda text: (
                bool(text.strip()) or ("Minst en enhet" if sv else "At least one unit")
            ),
        ).unsafe_ask()
        units = [part.strip() for part in answer.split(",") if part.strip()]
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
    return name, language, units, expected


@command("validate")
def validate_command(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Workshop folders or files (default: the current folder).", show_default=False
        ),
    ] = None,
    lang: LangOption = None,
    as_json: JsonOption = False,
) -> None:
    """Check every file of a workshop and report every problem: file:line:column, what, how to fix.

    Exits 1 if anything is wrong, 0 if all is well.

    Example: swot validate workshops/hoganasmodellen
    """
    from swot.files.located import display_path
    from swot.files.validate import validate_paths

    language = check_lang(lang)
    checked, problems = validate_paths(paths or [Path(".")], language)
    errors = [p for p in problems if p.severity == "error"]
    warnings = [p for p in problems if p.severity != "error"]
    if as_json:
        typer.echo(
            json.dumps(
                {
                    "files": [display_path(p) for p in checked],
                    "errors": len(errors),
                    "warnings": len(warnings),
                    "problems": [p.as_dict() for p in problems],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        raise typer.Exit(1 if errors else 0)
    out = error_console() if errors else console()
    for problem in problems:
        out.print(problem.format(), markup=False)
    bad_files = len({p.file for p in errors})
    lang_used = language or _guess_language(paths or [Path(".")])
    if not checked:
        out.print(f"✗ {say(MESSAGES, 'summary_nothing', lang_used)}", markup=False)
        raise typer.Exit(1)
    if errors:
        summary = say(
            MESSAGES,
            "summary_errors",
            lang_used,
            errors=count(len(errors), "error", lang_used),
            bad=bad_files,
            files=count(len(checked), "file", lang_used),
        )
        if warnings:
            summary += ", " + count(len(warnings), "warning", lang_used)
        out.print(f"✗ {summary}", markup=False)
        raise typer.Exit(1)
    summary = say(MESSAGES, "summary_ok", lang_used, files=count(len(checked), "file", lang_used))
    if warnings:
        summary += f" ({count(len(warnings), 'warning', lang_used)})"
    out.print(f"✓ {summary}", markup=False)


MESSAGES = {
    "summary_errors": {"en": "{errors} in {bad} of {files}", "sv": "{errors} i {bad} av {files}"},
    "summary_ok": {"en": "{files} checked, no errors", "sv": "{files} kontrollerade, inga fel"},
    "summary_nothing": {"en": "no file checked", "sv": "ingen fil kontrollerad"},
}
WORDS = {
    "error": {"en": ("error", "errors"), "sv": ("fel", "fel")},
    "file": {"en": ("file", "files"), "sv": ("fil", "filer")},
    "warning": {"en": ("warning", "warnings"), "sv": ("varning", "varningar")},
}


def count(number: int, word: str, lang: str) -> str:
    """'1 file', '3 files', '1 fil', '3 filer'."""
    singular, plural = WORDS[word][lang]
    return f"{number} {singular if number == 1 else plural}"


def _guess_language(paths: list[Path]) -> str:
    """The language of the first workshop among the paths, else the system's."""
    from swot.files.workshop import declared_language, find_workshop_folder
    from swot.i18n import default_language

    for path in paths:
        folder = find_workshop_folder(path if path.exists() else path.parent)
        if folder is not None:
            return declared_language(folder / "workshop.yaml") or default_language()
    return default_language()


@command("schema")
def schema_command(
    workshop: Annotated[
        Path, typer.Argument(help="Workshop folder (default: the current folder).")
    ] = Path("."),
    print_: Annotated[
        str | None,
        typer.Option("--print", help="Print one schema instead of writing: workshop or entries."),
    ] = None,
) -> None:
    """Write JSON Schemas of workshop.yaml and entries files into the workshop's schema/ folder.

    VS Code (with the YAML extension) then checks files while staff type, through the
    '# yaml-language-server: $schema=…' line at the top of each file.

    Example: swot schema workshops/hoganasmodellen
    """
    from swot.errors import UsageError
    from swot.files.located import display_path
    from swot.files.schema import entries_schema, workshop_schema, write_schemas
    from swot.files.workshop import load_workshop

    if print_ is not None:
        if print_ not in {"workshop", "entries"}:
            raise UsageError(
                f"--print takes workshop or entries, not '{print_}'",
                "example: swot schema --print entries",
            )
        schema = workshop_schema() if print_ == "workshop" else entries_schema()
        typer.echo(json.dumps(schema, ensure_ascii=False, indent=2))
        return
    loaded = load_workshop(workshop)
    for path in write_schemas(loaded):
        console().print(f"✓ {display_path(path)}", markup=False)
