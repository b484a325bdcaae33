"""What ``swot merge`` and ``swot export`` print: warnings, the top items per quadrant, the files
written (or JSON), and the progress bar while a large round is read."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import typer

from swot.cli.app import console, error_console
from swot.i18n import catalogue, say

if TYPE_CHECKING:
    from pathlib import Path

    from rich.table import Table

    from swot.analysis.round_merge import RoundMerge
    from swot.errors import Problem
    from swot.jobs.export import ExportResult
    from swot.jobs.merge import MergeResult, Progress
    from swot.models import ThemeSpec
    from swot.vocabulary import Quadrant

PROGRESS_FROM_FILES = 40  # show a progress bar when a round has at least this many files

MESSAGES = catalogue("cli/merge_output")


@contextmanager
def file_progress(files: int, language: str) -> Iterator[Progress | None]:
    """A progress bar on stderr while many files are read; only where someone watches it (Rich
    would hide it anyway, at a cost)."""
    if files < PROGRESS_FROM_FILES or not sys.stderr.isatty():
        yield None
        return
    from rich.progress import Progress

    # No refresh thread (auto_refresh): merging forks worker processes, and a thread holding a
    # lock at that moment would leave the lock held in the workers.
    with Progress(console=error_console(), transient=True, auto_refresh=False) as progress:
        task = progress.add_task(say(MESSAGES, "loading", language), total=None)

        def advance(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total, refresh=True)

        yield advance


def print_warnings(problems: list[Problem], language: str) -> None:
    """Files that could not be read, decisions and votes that match nothing (stderr)."""
    if not problems:
        return
    out = error_console()
    out.print(say(MESSAGES, "warnings", language), markup=False)
    for problem in problems:
        out.print("  ⚠ " + problem.format().replace("\n", "\n  "), markup=False)


def print_merge(result: MergeResult, as_json: bool) -> None:
    """``swot merge``: the top items per theme and quadrant and the handouts written, or JSON."""
    if as_json:
        from swot.output.export import as_json as merge_json

        data = merge_json(result.merge)
        data["files"] = _shown(result.written)
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    print_warnings(result.merge.warnings, result.language)
    _print_summary(result.merge, result.language, result.top)
    _print_written(say(MESSAGES, "written", result.language), result.written)


def print_export(result: ExportResult) -> None:
    """``swot export``: the files written (its warnings came before), or the JSON."""
    if result.prints_json:
        from swot.output.export import json_text

        typer.echo(json_text(result.merge), nl=False)
        return
    _print_written(say(MESSAGES, "export.written", result.language), result.written)


def _shown(paths: list[Path]) -> list[str]:
    from swot.files.located import display_path

    return [display_path(p) for p in paths]


def _print_written(heading: str, written: list[Path]) -> None:
    out = console()
    out.print(heading, markup=False)
    for path in _shown(written):
        out.print(f"  ✓ {path}", markup=False)


def _print_summary(merge: RoundMerge, language: str, top: int) -> None:
    from rich.text import Text

    from swot.i18n import format_number
    from swot.vocabulary import QUADRANT_ORDER

    out = console()
    spec = merge.workshop.workshop
    title = say(MESSAGES, "title", language, workshop=spec.name, round=merge.round.title())
    out.print(Text(title, style="bold"))
    out.print(
        say(
            MESSAGES,
            "summary",
            language,
            entries=len(merge.entries),
            units=len({e.unit for e in merge.entries}),
            items=len(merge.items),
            similarity=format_number(merge.similarity, language, 0),
            method=say(MESSAGES, f"method.{merge.method}", language),
        ),
        markup=False,
    )
    for theme in spec.themes:
        for quadrant in QUADRANT_ORDER:
            out.print(_quadrant_table(merge, theme, quadrant, language, top))


def _quadrant_table(
    merge: RoundMerge, theme: ThemeSpec, quadrant: Quadrant, language: str, top: int
) -> Table:
    """The ``top`` items of one theme and quadrant, with their figures."""
    from rich.table import Table
    from rich.text import Text

    from swot.output.handout import figures
    from swot.vocabulary import quadrant_name

    ranked = [r for r in merge.ranked if r.item.theme == theme.id and r.item.quadrant == quadrant]
    table = Table(
        title=say(
            MESSAGES,
            "table",
            language,
            theme=theme.name(language),
            quadrant=quadrant_name(quadrant, language),
        ),
        title_justify="left",
        expand=False,
    )
    table.add_column(say(MESSAGES, "col.rank", language), justify="right")
    table.add_column(say(MESSAGES, "col.item", language), overflow="fold", max_width=60)
    table.add_column(say(MESSAGES, "col.figures", language), overflow="fold")
    for item in ranked[:top]:
        table.add_row(
            str(item.rank),
            Text(item.item.text),
            Text(figures(item, len(merge.status.units), language)),
        )
    if not ranked[:top]:
        table.add_row("", Text(say(MESSAGES, "no_items", language)), "")
    return table
