"""What ``swot compare`` prints: the changes in words, response rates, the top items of each
kind, and the reports written (or the JSON of it all)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import typer

from swot.cli.app import console
from swot.i18n import catalogue, say

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

    from swot.analysis.changes import Comparison
    from swot.jobs.compare import CompareResult, TrendResult

COMPARE_MESSAGES = catalogue("cli/compare_output")


def print_compare(result: CompareResult | TrendResult, top: int, as_json: bool) -> None:
    """``swot compare``: the comparison with ``top`` items per kind and the reports written; or
    the JSON. Three or more rounds: the trend."""
    from swot.files.located import display_path
    from swot.jobs.compare import TrendResult

    shown = [display_path(p) for p in result.written]
    if isinstance(result, TrendResult):
        print_trend(result, shown, as_json)
        return
    if as_json:
        document = result.comparison.as_dict() | {"reports": shown}
        typer.echo(json.dumps(document, ensure_ascii=False, indent=2))
        return
    out = console()
    print_comparison(out, result.comparison, top)
    out.print(say(COMPARE_MESSAGES, "written", result.comparison.lang), markup=False)
    for path in shown:
        out.print(f"  {path}", markup=False, soft_wrap=True)


def print_comparison(out: Console, comparison: Comparison, top: int) -> None:
    """The comparison in the terminal: summaries in words, response rates, the top items."""
    from rich.text import Text

    from swot.output.report import report_view

    lang = comparison.lang
    view = report_view(comparison)
    out.print(Text(view["title"], style="bold"))
    out.print(view["intro"], markup=False, soft_wrap=True)
    if view["not_compared"]:
        out.print(Text(view["not_compared"], style="bold"), soft_wrap=True)
    for theme in view["themes"]:
        out.print()
        out.print(Text(theme["name"], style="bold underline"))
        for line in theme["summaries"]:
            out.print("  • " + line, markup=False, soft_wrap=True)
    out.print()
    out.print(_rates_table(view, lang))
    out.print()
    if top:
        for theme in view["themes"]:
            for row in theme["rows"]:
                _print_top_items(out, theme["name"], row, top, lang)
    problems = view["problems"]
    if problems:
        out.print(say(COMPARE_MESSAGES, "problems", lang), markup=False)
        for problem in problems:
            out.print("  " + problem.replace("\n", "\n  "), markup=False, soft_wrap=True)


def _rates_table(view: dict, lang: str) -> Table:
    """Response rates per unit before and after, and the change."""
    from rich.table import Table
    from rich.text import Text

    table = Table(
        title=say(COMPARE_MESSAGES, "rates", lang),
        caption=view["rounds_legend"],
        title_justify="left",
        caption_justify="left",
    )
    table.add_column(view["words"]["col.unit"], no_wrap=True)
    table.add_column(view["words"]["col.before"], justify="right", no_wrap=True)
    table.add_column(view["words"]["col.after"], justify="right", no_wrap=True)
    table.add_column(say(COMPARE_MESSAGES, "col.change", lang), justify="right", no_wrap=True)
    table.add_column(view["target_label"], no_wrap=True)
    for row in view["rates"]:
        verdict = Text(("✗ " if row["below"] else "") + row["target"])
        if row["below"]:
            verdict.stylize("bold red")
        table.add_row(
            row["unit"],
            row["before"],
            row["after"],
            row["points"],
            verdict,
        )
    return table


def _print_top_items(out: Console, theme: str, row: dict, top: int, lang: str) -> None:
    from rich.table import Table

    if not any(lst["items"] for lst in row["lists"]):
        return
    table = Table(
        title=say(
            COMPARE_MESSAGES,
            "top",
            lang,
            quadrant=row["quadrant"],
            theme=theme.lower(),
            count=top,
        ),
        title_justify="left",
    )
    table.add_column(say(COMPARE_MESSAGES, "col.status", lang))
    table.add_column(say(COMPARE_MESSAGES, "col.item", lang), ratio=1)
    table.add_column(say(COMPARE_MESSAGES, "col.units", lang), justify="right", no_wrap=True)
    table.add_column(say(COMPARE_MESSAGES, "col.importance", lang), no_wrap=True)
    for lst in row["lists"]:
        for item in lst["items"][:top]:
            if lst["kind"] == "persisting":
                table.add_row(
                    lst["heading"], item["text"], item["breadth_change"], item["importance_change"]
                )
            else:
                table.add_row(lst["heading"], item["text"], item["breadth"], item["importance"])
    out.print(table)
    out.print()


def print_trend(result: TrendResult, shown: list[str], as_json: bool) -> None:
    """The trend: per theme a table of each quadrant's counts step by step, the rates per
    round, and the reports written (or the JSON)."""
    from rich.table import Table
    from rich.text import Text

    from swot.output.trend import trend_view

    trend = result.trend
    lang = trend.lang
    if as_json:
        typer.echo(json.dumps(trend.as_dict() | {"reports": shown}, ensure_ascii=False, indent=2))
        return
    out = console()
    view = trend_view(trend)
    out.print(Text(view["title"], style="bold"))
    out.print(view["intro"], markup=False, soft_wrap=True)
    if result.reordered:
        order = " → ".join(r.id for r in trend.rounds)
        out.print(say(COMPARE_MESSAGES, "reordered", lang, order=order), markup=False)
    for note in view["notes"]:
        out.print(note, markup=False, soft_wrap=True)
    for theme in view["themes"]:
        table = Table(title=theme["name"], title_justify="left")
        table.add_column(view["words"]["col.quadrant"], no_wrap=True)
        for step in trend.steps:  # ids: the titles of two rounds make a column too wide
            table.add_column(
                f"{step.baseline.round.id} → {step.followup.round.id}", justify="right"
            )
        for row in theme["rows"]:
            table.add_row(row["quadrant"], *(c["counts"] for c in row["cells"]))
        out.print(table)
    out.print(say(COMPARE_MESSAGES, "written", lang), markup=False)
    for path in shown:
        out.print(f"  {path}", markup=False, soft_wrap=True)
