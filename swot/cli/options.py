"""The commands' options and arguments, each declared once (help texts included).

Where two commands word an option differently in ``--help`` (``--round``, ``--rank``,
``--similarity``), each wording is declared here once under its own name.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from swot.cli.help import h, m


def _output_option(help_key: str) -> typer.models.OptionInfo:
    """``--output``/``-o FOLDER``: where a command writes its files (its help says which)."""
    return typer.Option("--output", "-o", help=h(help_key), metavar=m("folder"), show_default=False)


WorkshopOption = Annotated[
    Path,
    typer.Option(
        "--workshop",
        "-w",
        help=h("opt.workshop"),
        metavar=m("folder"),
        show_default=False,
    ),
]
FolderArgument = Annotated[
    Path | None,
    typer.Argument(
        help=h("opt.folder_arg"),
        metavar=m("folder"),
        show_default=False,
    ),
]
LangOption = Annotated[
    str | None,
    typer.Option(
        "--lang",
        help=h("opt.lang"),
        metavar=m("lang"),
        show_default=False,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help=h("opt.json"))]

RoundOption = Annotated[
    str | None,
    typer.Option("--round", "-r", help=h("opt.round"), metavar=m("id"), show_default=False),
]
SimilarityOption = Annotated[
    float | None,
    typer.Option(
        "--similarity",
        help=h("opt.similarity"),
        metavar=m("similarity"),
        show_default=False,
    ),
]

# merge
RankOption = Annotated[
    str,
    typer.Option(
        "--rank",
        help=h("opt.rank"),
        metavar=m("method"),
    ),
]
ShowOption = Annotated[
    bool,
    typer.Option("--show", help=h("opt.show")),
]
TopOption = Annotated[int, typer.Option("--top", help=h("opt.top"), metavar=m("n"))]
DateOption = Annotated[
    str | None,
    typer.Option(
        "--date",
        help=h("opt.date"),
        metavar=m("date"),
        show_default=False,
    ),
]
ListOption = Annotated[
    int,
    typer.Option(
        "--list",
        help=h("opt.list"),
        metavar=m("n"),
    ),
]

# merge and compare: the handout's or report's formats
DocumentFormatsOption = Annotated[
    str, typer.Option("--format", "-f", help=h("opt.formats"), metavar=m("formats"))
]

# export
FormatOption = Annotated[
    str, typer.Option("--format", "-f", help=h("opt.format"), metavar=m("format"))
]
ExportOutputOption = Annotated[
    Path | None,
    _output_option("opt.export_output"),
]
ExportRankOption = Annotated[
    str, typer.Option("--rank", help=h("opt.export_rank"), metavar=m("method"))
]

# status
AllRoundsOption = Annotated[bool, typer.Option("--all-rounds", help=h("opt.all_rounds"))]

# compare
CompareRoundsArgument = Annotated[
    list[str] | None,
    typer.Argument(
        help=h("opt.compare_rounds_arg"), metavar=m("compare_rounds"), show_default=False
    ),
]
CompareAllRoundsOption = Annotated[
    bool, typer.Option("--all-rounds", help=h("opt.compare_all_rounds"))
]
CompareSimilarityOption = Annotated[
    float | None,
    typer.Option(
        "--similarity",
        help=h("opt.compare_similarity"),
        metavar=m("similarity"),
        show_default=False,
    ),
]
CompareTopOption = Annotated[
    int,
    typer.Option("--top", min=0, metavar=m("n"), help=h("opt.compare_top")),
]
CompareOutputOption = Annotated[
    Path | None,
    _output_option("opt.compare_output"),
]

# report
UnitArgument = Annotated[
    str | None,
    typer.Argument(help=h("opt.unit_arg"), metavar=m("unit"), show_default=False),
]
AllUnitsOption = Annotated[bool, typer.Option("--all-units", help=h("opt.all_units"))]
ReportOutputOption = Annotated[
    Path | None,
    _output_option("opt.report_output"),
]

# init
InitFolderArgument = Annotated[
    Path, typer.Argument(metavar=m("folder"), help=h("opt.init_folder_arg"))
]
NameOption = Annotated[str | None, typer.Option(help=h("opt.name"), metavar=m("name"))]
LanguageOption = Annotated[
    str | None, typer.Option("--language", help=h("opt.language"), metavar=m("lang"))
]
UnitsOption = Annotated[
    list[str] | None,
    typer.Option("--unit", "-u", metavar=m("name"), help=h("opt.units")),
]
RoundsOption = Annotated[
    list[str] | None,
    typer.Option("--round", "-r", metavar=m("id"), help=h("opt.rounds")),
]
ExpectedOption = Annotated[int | None, typer.Option(help=h("opt.expected"), metavar=m("n"))]

# validate and schema
PathsArgument = Annotated[
    list[Path] | None,
    typer.Argument(
        metavar=m("path"),
        help=h("opt.paths_arg"),
        show_default=False,
    ),
]
SchemaFolderArgument = Annotated[
    Path, typer.Argument(help=h("opt.schema_folder_arg"), metavar=m("folder"))
]
PrintSchemaOption = Annotated[
    str | None,
    typer.Option("--print", help=h("opt.print_schema"), metavar=m("schema")),
]

# collect
CollectRoundOption = Annotated[
    str | None,
    typer.Option("--round", "-r", help=h("opt.collect_round"), metavar=m("id"), show_default=False),
]
UnitOption = Annotated[
    str | None,
    typer.Option("--unit", "-u", help=h("opt.unit"), metavar=m("unit")),
]
ModeOption = Annotated[
    str | None,
    typer.Option(
        "--mode",
        "-m",
        help=h("opt.mode"),
        metavar=m("mode"),
    ),
]
ThemeOption = Annotated[
    str | None,
    typer.Option("--theme", "-t", help=h("opt.theme"), metavar=m("theme")),
]
QuadrantOption = Annotated[
    str | None,
    typer.Option("--quadrant", "-q", help=h("opt.quadrant"), metavar=m("quadrant")),
]
TextOption = Annotated[
    list[str] | None,
    typer.Option("--text", metavar=m("text"), help=h("opt.text")),
]
ImportanceOption = Annotated[
    str | None,
    typer.Option("--importance", "-i", help=h("opt.importance"), metavar=m("importance")),
]
RespondentOption = Annotated[
    str | None,
    typer.Option(
        "--respondent",
        help=h("opt.respondent"),
        metavar=m("id"),
    ),
]
FromOption = Annotated[
    Path | None,
    typer.Option(
        "--from",
        help=h("opt.from"),
        metavar=m("file"),
        show_default=False,
    ),
]

# survey
SurveyRoundOption = Annotated[
    str | None,
    typer.Option(
        "--round",
        "-r",
        help=h("opt.survey_round"),
        metavar=m("id"),
        show_default=False,
    ),
]
SurveyUnitOption = Annotated[
    str | None,
    typer.Option(
        "--unit",
        "-u",
        metavar=m("unit"),
        help=h("opt.survey_unit"),
        show_default=False,
    ),
]
LanOption = Annotated[
    bool,
    typer.Option(
        "--lan",
        help=h("opt.lan"),
    ),
]
PortOption = Annotated[
    int | None,
    typer.Option(
        "--port",
        "-p",
        metavar=m("n"),
        help=h("opt.port"),
        show_default=False,
    ),
]
PosterOption = Annotated[
    bool,
    typer.Option(
        "--poster",
        help=h("opt.poster"),
    ),
]

# prioritise and vote
PrioritiseTopOption = Annotated[
    int,
    typer.Option(
        "--top",
        metavar=m("n"),
        help=h("opt.prioritise_top"),
    ),
]
RaterOption = Annotated[
    str | None,
    typer.Option(
        "--rater",
        metavar=m("name"),
        help=h("opt.rater"),
        show_default=False,
    ),
]
VoteTopOption = Annotated[int, typer.Option("--top", metavar=m("n"), help=h("opt.vote_top"))]
EachOption = Annotated[
    bool,
    typer.Option(
        "--each",
        help=h("opt.each"),
    ),
]

# import
ImportFileArgument = Annotated[
    Path,
    typer.Argument(
        help=h("opt.import_file_arg"),
        metavar=m("file"),
        show_default=False,
    ),
]
DryRunOption = Annotated[
    bool,
    typer.Option("--dry-run", help=h("opt.dry_run")),
]
SkipBadRowsOption = Annotated[
    bool,
    typer.Option("--skip-bad-rows", help=h("opt.skip_bad_rows")),
]
MapOption = Annotated[
    Path | None,
    typer.Option(
        "--map",
        metavar=m("file"),
        help=h("opt.map"),
        show_default=False,
    ),
]
