"""``swot merge``, ``swot export`` and ``swot review``: the merged, ranked SWOT of a round."""

from __future__ import annotations

from pathlib import Path

from swot.cli.app import command, stdin_is_terminal
from swot.cli.options import (
    DateOption,
    ExportOutputOption,
    ExportRankOption,
    FolderArgument,
    FormatOption,
    JsonOption,
    LangOption,
    ListOption,
    RankOption,
    RoundOption,
    ShowOption,
    SimilarityOption,
    TopOption,
    WorkshopOption,
)


@command("merge")
def merge_command(
    folder: FolderArgument = None,
    workshop: WorkshopOption = Path("."),
    round_id: RoundOption = None,
    similarity: SimilarityOption = None,
    rank: RankOption = "breadth",
    top: TopOption = 5,
    show: ShowOption = False,
    date: DateOption = None,
    list_limit: ListOption = 50,
    lang: LangOption = None,
    as_json: JsonOption = False,
) -> None:
    """Merge a round's entries across units, rank them, and write HTML and Markdown handouts.

    Near-duplicates within each theme and quadrant become one item; merges.yaml decisions are
    followed. Handouts go to <workshop>/handouts/<round>/. A broken entries file is reported
    and the other files still merge.

    The terminal gets what was written, what needs attention and each quadrant's top item;
    --show adds the tables.

    Example: swot merge workshops/hoganasmodellen
    """
    from swot.cli.merge_output import file_progress, print_merge
    from swot.jobs import merge

    request = merge.MergeRequest(
        folder=folder or workshop,
        lang=lang,
        round_id=round_id,
        similarity=similarity,
        rank=rank,
        top=top,
        date=date,
        list_limit=list_limit,
    )
    result = merge.run(request, progress=None if as_json else file_progress)
    print_merge(result, as_json, show)


@command("export")
def export_command(
    folder: FolderArgument = None,
    workshop: WorkshopOption = Path("."),
    round_id: RoundOption = None,
    fmt: FormatOption = "csv",
    output: ExportOutputOption = None,
    similarity: SimilarityOption = None,
    rank: ExportRankOption = "breadth",
    lang: LangOption = None,
    as_json: JsonOption = False,
) -> None:
    """Export a round's entries and merged items as CSV or XLSX for spreadsheets, or JSON.

    Every entry row names its merged item, unit, file and line.

    Example: swot export workshops/hoganasmodellen --format xlsx
    """
    from swot.cli.merge_output import print_export, print_warnings
    from swot.jobs import export

    request = export.ExportRequest(
        folder=folder or workshop,
        lang=lang,
        round_id=round_id,
        similarity=similarity,
        fmt=fmt,
        output=output,
        rank=rank,
        as_json=as_json,
    )
    print_export(export.run(request, warn=print_warnings))


@command("review")
def review_command(
    folder: FolderArgument = None,
    workshop: WorkshopOption = Path("."),
    round_id: RoundOption = None,
    similarity: SimilarityOption = None,
    lang: LangOption = None,
) -> None:
    """Walk the uncertain merges (similarity near the threshold) and record decisions.

    Each answer is appended to merges.yaml at once; `swot merge` follows it on every run.

    Example: swot review workshops/hoganasmodellen
    """
    from swot.cli.merge_output import file_progress
    from swot.cli.review_session import ask_pair, run_review
    from swot.jobs import review

    request = review.ReviewRequest(
        folder=folder or workshop,
        lang=lang,
        round_id=round_id,
        similarity=similarity,
        is_terminal=stdin_is_terminal,
    )
    plan = review.run(request, progress=file_progress)
    run_review(plan.workshop, plan.pairs, plan.language, plan.similarity, ask_pair)
