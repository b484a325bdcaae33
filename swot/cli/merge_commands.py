"""``swot merge``, ``swot export`` and ``swot review``: the merged, ranked SWOT of a round."""

from __future__ import annotations

from pathlib import Path

from swot.cli.app import command, stdin_is_terminal
from swot.cli.help import h
from swot.cli.options import (
    DateOption,
    DocumentFormatsOption,
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


@command("merge", help=h("cmd.merge"))
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
    formats: DocumentFormatsOption = "html,md",
    lang: LangOption = None,
    as_json: JsonOption = False,
) -> None:
    """``swot merge``; its help is cmd.merge in locale/cli/help.yaml."""
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
        formats=formats,
    )
    result = merge.run(request, progress=None if as_json else file_progress)
    print_merge(result, as_json, show)


@command("export", help=h("cmd.export"))
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
    """``swot export``; its help is cmd.export in locale/cli/help.yaml."""
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


@command("review", help=h("cmd.review"))
def review_command(
    folder: FolderArgument = None,
    workshop: WorkshopOption = Path("."),
    round_id: RoundOption = None,
    similarity: SimilarityOption = None,
    lang: LangOption = None,
) -> None:
    """``swot review``; its help is cmd.review in locale/cli/help.yaml."""
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
