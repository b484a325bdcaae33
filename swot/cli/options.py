"""The commands' options and arguments, each declared once (help texts included).

Where two commands word an option differently in ``--help`` (``--round``, ``--rank``,
``--similarity``), each wording is declared here once under its own name.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

WorkshopOption = Annotated[
    Path,
    typer.Option(
        "--workshop",
        "-w",
        help="Workshop folder (default: the current folder).",
        show_default=False,
    ),
]
FolderArgument = Annotated[
    Path | None,
    typer.Argument(
        help="Workshop folder (default: the current folder; --workshop works too).",
        show_default=False,
    ),
]
LangOption = Annotated[
    str | None,
    typer.Option(
        "--lang",
        help="Language of messages: sv or en (default: the workshop's).",
        show_default=False,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON.")]

RoundOption = Annotated[
    str | None,
    typer.Option("--round", "-r", help="Round id (default: the latest round).", show_default=False),
]
SimilarityOption = Annotated[
    float | None,
    typer.Option(
        "--similarity",
        help="How alike two texts must be to merge, 50–100 (default 85, chosen on the example "
        "workshops).",
        show_default=False,
    ),
]

# merge
RankOption = Annotated[
    str,
    typer.Option(
        "--rank",
        help="Ranking: breadth (units that raised it), votes (votes.yaml), borda, or awot "
        "(the pairwise priorities of priorities.yaml, from swot prioritise).",
    ),
]
ShowOption = Annotated[
    bool,
    typer.Option(
        "--show", help="Also print the top items of every quadrant as tables (see --top)."
    ),
]
TopOption = Annotated[
    int, typer.Option("--top", help="Items per quadrant in the 2×2 grid and the terminal.")
]
DateOption = Annotated[
    str | None,
    typer.Option(
        "--date",
        help="Date on the cover, YYYY-MM-DD (default: the round's date in workshop.yaml).",
        show_default=False,
    ),
]
ListOption = Annotated[
    int,
    typer.Option(
        "--list",
        help="Items per quadrant in the handout's full lists; 0 lists all (swot export "
        "always gives all).",
    ),
]

# export
FormatOption = Annotated[
    str, typer.Option("--format", "-f", help="csv (items.csv + entries.csv), xlsx or json.")
]
ExportOutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Folder to write into (default: <workshop>/handouts/<round>/).",
        show_default=False,
    ),
]
ExportRankOption = Annotated[str, typer.Option("--rank", help="breadth, votes, borda or awot.")]

# status
AllRoundsOption = Annotated[
    bool, typer.Option("--all-rounds", help="Show every round of the workshop.")
]

# compare
BaselineArgument = Annotated[
    str, typer.Argument(help="Round id of the baseline, e.g. forprojektering.")
]
FollowupArgument = Annotated[
    str, typer.Argument(help="Round id of the follow-up, e.g. uppfoljning.")
]
CompareSimilarityOption = Annotated[
    float | None,
    typer.Option(
        "--similarity",
        help="How similar (50–100) two wordings must be to count as the same item "
        "(default: the merge's default).",
        show_default=False,
    ),
]
CompareTopOption = Annotated[
    int,
    typer.Option(
        "--top", min=0, metavar="N", help="Items shown per kind in the terminal (0: none)."
    ),
]
CompareOutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Folder for the report (default: <workshop>/handouts/compare-A-B).",
        show_default=False,
    ),
]

# init
InitFolderArgument = Annotated[
    Path, typer.Argument(metavar="FOLDER", help="Folder to create the workshop in.")
]
NameOption = Annotated[str | None, typer.Option(help="Name of the workshop.")]
LanguageOption = Annotated[str | None, typer.Option("--language", help="sv or en.")]
UnitsOption = Annotated[
    list[str] | None,
    typer.Option("--unit", "-u", metavar="NAME", help="A unit's name; repeat for each unit."),
]
RoundsOption = Annotated[
    list[str] | None,
    typer.Option(
        "--round", "-r", metavar="ID", help="A round id, e.g. baseline; repeat for each round."
    ),
]
ExpectedOption = Annotated[
    int | None, typer.Option(help="Expected respondents per unit in each round.")
]

# validate and schema
PathsArgument = Annotated[
    list[Path] | None,
    typer.Argument(
        metavar="PATH",
        help="Workshop folders or files (default: the current folder).",
        show_default=False,
    ),
]
SchemaFolderArgument = Annotated[
    Path, typer.Argument(help="Workshop folder (default: the current folder).")
]
PrintSchemaOption = Annotated[
    str | None,
    typer.Option("--print", help="Print one schema instead of writing: workshop or entries."),
]

# collect
CollectRoundOption = Annotated[
    str | None,
    typer.Option("--round", "-r", help="Round id (default: the latest).", show_default=False),
]
UnitOption = Annotated[
    str | None,
    typer.Option("--unit", "-u", help="Unit id or name, e.g. hoganas or Höganäs."),
]
ModeOption = Annotated[
    str | None,
    typer.Option(
        "--mode",
        "-m",
        help="survey (one respondent at a time; also enkät) or workshop (agreed entries).",
    ),
]
ThemeOption = Annotated[
    str | None,
    typer.Option("--theme", "-t", help="Theme, e.g. equality or jämställdhet."),
]
QuadrantOption = Annotated[
    str | None,
    typer.Option(
        "--quadrant", "-q", help="strengths|weaknesses|opportunities|threats, S/W/O/T, sv."
    ),
]
TextOption = Annotated[
    list[str] | None,
    typer.Option(
        "--text", metavar="TEXT", help="An entry's text; repeat for several entries. No prompts."
    ),
]
ImportanceOption = Annotated[
    str | None, typer.Option("--importance", "-i", help="Importance 1–5 for --text entries.")
]
RespondentOption = Annotated[
    str | None,
    typer.Option(
        "--respondent",
        help="Respondent id for --text entries, or 'new' for the next free id (r01, r02…).",
    ),
]
FromOption = Annotated[
    Path | None,
    typer.Option(
        "--from",
        help="Read entries from a YAML file (like an entries file) or a CSV file "
        "(e.g. a survey export; columns named like the keys, optional unit column). "
        "All rows are checked before any is saved.",
        show_default=False,
    ),
]

# prioritise and vote
PrioritiseTopOption = Annotated[
    int,
    typer.Option(
        "--top",
        metavar="N",
        help="Items per quadrant to compare pairwise, 2–9 (n items: n(n−1)/2 questions).",
    ),
]
RaterOption = Annotated[
    str | None,
    typer.Option(
        "--rater",
        metavar="NAME",
        help="Who judges: 'the room' (rummet), a unit or a group's name (default: asked).",
        show_default=False,
    ),
]
VoteTopOption = Annotated[
    int, typer.Option("--top", metavar="N", help="Items per quadrant to vote on, numbered 1, 2, …")
]
EachOption = Annotated[
    bool,
    typer.Option(
        "--each",
        help="Take each participant's dots one by one (the numbers of the items dotted) "
        "instead of each item's total.",
    ),
]

# import
ImportFileArgument = Annotated[
    Path,
    typer.Argument(
        help="The survey export: .xlsx, or .csv/.tsv/.txt separated by , ; or tab "
        "(UTF-8, or UTF-16 as Excel's Unicode text).",
        show_default=False,
    ),
]
DryRunOption = Annotated[
    bool,
    typer.Option("--dry-run", help="Show what would be added; write nothing, not even the map."),
]
SkipBadRowsOption = Annotated[
    bool,
    typer.Option(
        "--skip-bad-rows", help="Import the rows without mistakes; list the rows left out."
    ),
]
MapOption = Annotated[
    Path | None,
    typer.Option(
        "--map",
        metavar="FILE",
        help="The map file (default: <workshop>/imports/<export name>.map.yaml).",
        show_default=False,
    ),
]
