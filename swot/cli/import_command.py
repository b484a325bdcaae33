"""``swot import``: a survey export (Microsoft Forms, Google Forms, LimeSurvey, Excel) brought in
with a map file a person can read and fix."""

from __future__ import annotations

from pathlib import Path

from swot.cli.app import command
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


@command("import")
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
    """Bring in a survey export: one row per respondent, one column per question.

    The first run proposes which column is the unit and which columns are which theme and
    quadrant, writes it to imports/<export>.map.yaml and stops; check the map, then run again.
    Each row becomes a new anonymous respondent. Names, e-mail addresses, times and unmapped
    columns are never written. Importing the same (or a grown) export again adds only new rows.

    Example: swot import Enkät.xlsx workshops/hoganasmodellen --dry-run
    """
    from swot.cli.import_output import print_import
    from swot.jobs import imports

    request = imports.ImportRequest(
        file, folder or workshop, lang, round_id, dry_run, skip_bad_rows, map_file
    )
    print_import(imports.run(request))
