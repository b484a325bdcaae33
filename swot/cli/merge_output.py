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


def print_merge(result: MergeResult, as_json: bool, show: bool = False) -> None:
    """``swot merge``: what was written and what needs attention first, then each quadrant's
    top item (with ``show``: the top items as tables), or JSON."""
    if as_json:
        from swot.output.export import as_json as merge_json

        data = merge_json(result.merge)
        data["files"] = _shown(result.written)
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    language = result.language
    _print_title(result.merge, language)
    _print_written(say(MESSAGES, "written", language), result.written)
    print_warnings(result.merge.warnings, language)
    if show:
        _print_tables(result.merge, language, result.top)
    else:
        _print_tops(result.merge, language)


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


def _print_title(merge: RoundMerge, language: str) -> None:
    from rich.text import Text

    from swot.i18n import format_number

    out = console()
    spec = merge.workshop.workshop
    title = say(MESSAGES, "title", language, workshop=spec.name, round=merge.round.title())
    out.print(Text(title, style="bold"))
    out.print(
        say(
            MESSAGES,
            "summary",
            language,
            entries=_counted("n.entries", len(merge.entries), language),
            units=_counted("n.units", len({e.unit for e in merge.entries}), language),
            items=_counted("n.items", len(merge.items), language),
            similarity=format_number(merge.similarity, language, 0),
            method=say(MESSAGES, f"method.{merge.method}", language),
        ),
        markup=False,
    )


def _counted(key: str, count: int, language: str) -> str:
    """'1 unit' or '3 units', in the reader's language."""
    return say(MESSAGES, f"{key}.one" if count == 1 else key, language, count=count)


def _print_tables(merge: RoundMerge, language: str, top: int) -> None:
    from swot.vocabulary import QUADRANT_ORDER

    for theme in merge.workshop.workshop.themes:
        for quadrant in QUADRANT_ORDER:
            console().print(_quadrant_table(merge, theme, quadrant, language, top))


def _print_tops(merge: RoundMerge, language: str) -> None:
    """One line per theme and quadrant: its first item and how many units raised it."""
    from rich.table import Table
    from rich.text import Text

    from swot.output.handout import figures
    from swot.vocabulary import QUADRANT_ORDER, quadrant_name

    table = Table.grid(padding=(0, 2))
    table.add_column(no_wrap=True)
    table.add_column(overflow="fold")
    first = {(r.item.theme, r.item.quadrant): r for r in reversed(merge.ranked)}
    for theme in merge.workshop.workshop.themes:
        for quadrant in QUADRANT_ORDER:
            place = f"{theme.name(language)} · {quadrant_name(quadrant, language)}"
            ranked = first.get((theme.id, quadrant))
            if ranked is None:
                table.add_row(place, Text(say(MESSAGES, "no_items", language)))
                continue
            units = figures(ranked, len(merge.status.units), language).split(" · ")[0]
            table.add_row(place, Text(f"{ranked.item.text} ({units})"))
    from rich.padding import Padding

    out = console()
    out.print(say(MESSAGES, "tops", language), markup=False)
    out.print(Padding(table, (0, 0, 0, 2)))


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
