"""``swot init``, ``swot validate`` and ``swot schema``: creating and checking workshop files."""

from __future__ import annotations

from pathlib import Path

from swot.cli.app import command, stdin_is_terminal
from swot.cli.help import h
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


@command("init", help=h("cmd.init"))
def init_command(
    folder: InitFolderArgument,
    name: NameOption = None,
    language: LanguageOption = None,
    unit: UnitsOption = None,
    round_: RoundsOption = None,
    expected: ExpectedOption = None,
) -> None:
    """``swot init``; its help is cmd.init in locale/cli/help.yaml."""
    from swot.cli.init_session import ask_init
    from swot.cli.workshop_output import print_init
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


@command("validate", help=h("cmd.validate"))
def validate_command(
    paths: PathsArgument = None,
    lang: LangOption = None,
    as_json: JsonOption = False,
) -> None:
    """``swot validate``; its help is cmd.validate in locale/cli/help.yaml."""
    from swot.cli.workshop_output import print_validation
    from swot.jobs import validate

    request = validate.ValidateRequest(paths=paths or [Path(".")], lang=lang)
    print_validation(validate.run(request), as_json)


@command("schema", help=h("cmd.schema"))
def schema_command(
    workshop: SchemaFolderArgument = Path("."),
    print_: PrintSchemaOption = None,
) -> None:
    """``swot schema``; its help is cmd.schema in locale/cli/help.yaml."""
    from swot.cli.help import help_language
    from swot.cli.workshop_output import print_schema
    from swot.jobs import schema

    request = schema.SchemaRequest(folder=workshop, print_name=print_)
    print_schema(schema.run(request, help_language()))
