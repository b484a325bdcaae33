"""``swot init``, ``swot validate`` and ``swot schema``: creating and checking workshop files."""

from __future__ import annotations

from pathlib import Path

from swot.cli.app import command, stdin_is_terminal
from swot.cli.options import (
    ExpectedOption,
    InitFolderArgument,
    JsonOption,
    LangOption,
    LanguageOption,
    NameOption,
    PathsArgument,
    PrintSchemaOption,
    RoundsOption,
    SchemaFolderArgument,
    UnitsOption,
)


@command("init")
def init_command(
    folder: InitFolderArgument,
    name: NameOption = None,
    language: LanguageOption = None,
    unit: UnitsOption = None,
    round_: RoundsOption = None,
    expected: ExpectedOption = None,
) -> None:
    """Create a workshop: workshop.yaml, entries/ and JSON schemas for editors.

    Asks for what is not given as an option (when run in a terminal).

    Example: swot init workshops/nordvast --name "Nordväst" --language sv
    --unit Höganäs --unit Bjuv --round forprojektering --expected 12
    """
    from swot.cli.workshop_output import ask_init, print_init
    from swot.jobs import init

    request = init.InitRequest(
        folder=folder,
        name=name,
        language=language,
        units=unit,
        rounds=round_,
        expected=expected,
        is_terminal=stdin_is_terminal,
    )
    print_init(init.run(request, ask=ask_init))


@command("validate")
def validate_command(
    paths: PathsArgument = None,
    lang: LangOption = None,
    as_json: JsonOption = False,
) -> None:
    """Check every file of a workshop and report every problem: file:line:column, what, how to fix.

    Exits 1 if anything is wrong, 0 if all is well.

    Example: swot validate workshops/hoganasmodellen
    """
    from swot.cli.workshop_output import print_validation
    from swot.jobs import validate

    request = validate.ValidateRequest(paths=paths or [Path(".")], lang=lang)
    print_validation(validate.run(request), as_json)


@command("schema")
def schema_command(
    workshop: SchemaFolderArgument = Path("."),
    print_: PrintSchemaOption = None,
) -> None:
    """Write JSON Schemas of workshop.yaml and entries files into the workshop's schema/ folder.

    VS Code (with the YAML extension) then checks files while staff type, through the
    '# yaml-language-server: $schema=…' line at the top of each file.

    Example: swot schema workshops/hoganasmodellen
    """
    from swot.cli.workshop_output import print_schema
    from swot.jobs import schema

    print_schema(schema.run(schema.SchemaRequest(folder=workshop, print_name=print_)))
