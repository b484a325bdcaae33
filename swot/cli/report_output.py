"""What ``swot report`` prints: for one unit its response rate, what only it raised and the
files; for ``--all-units`` how many reports were written where, and the units left out."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from swot.cli.app import console
from swot.i18n import catalogue, say

if TYPE_CHECKING:
    from swot.jobs.report import ReportResult

MESSAGES = catalogue("cli/report_output")
LISTED = 20  # files listed one by one; more are summed up by folder


def print_reports(result: ReportResult) -> None:
    """One unit's summary and files, or the count of reports for --all-units."""
    from rich.text import Text

    from swot.files.located import display_path
    from swot.output.unit_report import rate_sentence

    out = console()
    lang = result.language
    if len(result.views) == 1:
        view = result.views[0]
        out.print(
            Text(
                say(MESSAGES, "unit", lang, unit=view.name, round=view.round.title()), style="bold"
            )
        )
        out.print(rate_sentence(view, lang), markup=False, soft_wrap=True)
        only = view.only_here
        key = "only_here.one" if len(only) == 1 else "only_here.many"
        out.print(say(MESSAGES, key, lang, count=len(only)), markup=False)
        for item in only:
            out.print(f"  • {item.item.text}", markup=False, soft_wrap=True)
    if result.without_entries:
        names = ", ".join(result.without_entries)
        out.print(say(MESSAGES, "without_entries", lang, units=names), markup=False, soft_wrap=True)
    shown = [display_path(p) for p in result.written]
    if len(shown) > LISTED:
        folders = sorted({str(p.parent) for p in result.written})
        out.print(say(MESSAGES, "written.many", lang, count=len(result.views)), markup=False)
        for folder in folders:
            out.print(f"  {display_path(Path(folder))}", markup=False, soft_wrap=True)
        return
    out.print(say(MESSAGES, "written", lang), markup=False)
    for path in shown:
        out.print(f"  {path}", markup=False, soft_wrap=True)
