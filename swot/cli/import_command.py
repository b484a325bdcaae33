"""``swot import``: a survey export (Microsoft Forms, Google Forms, LimeSurvey, Excel) brought in
with a map file a person can read and fix."""

from __future__ import annotations

from pathlib import Path

from swot.cli.app import command
from swot.cli.help import h
from swot.cli.options import (
    DryRunOption,
    FolderArgument,
    ImportFileArgument,
    LangOption,
    MapOption,
    RoundOption,
    SkipBadRowsOption,
    WorkshopOption,
)


@command("import", help=h("cmd.import"))
def import_command(
    file: ImportFileArgument,
    folder: FolderArgument = None,
    workshop: WorkshopOption = Path("."),
    round_id: RoundOption = None,
    dry_run: DryRunOption = False,
    skip_bad_rows: SkipBadRowsOption = False,
    map_file: MapOption = None,
    lang: LangOption = None,
) -> None:
    """``swot import``; its help is cmd.import in locale/cli/help.yaml."""
    from swot.cli.import_output import print_import
    from swot.jobs import imports

    request = imports.ImportRequest(
        file, folder or workshop, lang, round_id, dry_run, skip_bad_rows, map_file
    )
    print_import(imports.run(request))
