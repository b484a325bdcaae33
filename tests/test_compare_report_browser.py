"""The compare report in a real browser: axe-core finds no accessibility violations, and it
prints. Needs Debian's chromium package (apt-get install chromium)."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from swot.files.workshop import load_workshop
from swot.jobs.compare import compare_rounds
from swot.output.report import write_reports

CHROMIUM = "/usr/bin/chromium"
EXAMPLES = Path(__file__).resolve().parent.parent / "workshops"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not Path(CHROMIUM).exists() and shutil.which("chromium") is None,
        reason="needs Debian's chromium package (apt-get install chromium)",
    ),
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium"),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield launched
        launched.close()


def axe_violations(browser: Any, html: Path) -> list[str]:
    """Rule ids axe-core reports for a page, with the elements they concern."""
    from axe_playwright_python.sync_playwright import Axe

    page = browser.new_page()
    try:
        page.goto(html.as_uri())
        results = Axe().run(page)
    finally:
        page.close()
    return [
        f"{v['id']}: {[n['target'] for n in v['nodes']]}" for v in results.response["violations"]
    ]


def small_report(make_workshop: Callable[..., Path], language: str) -> Path:
    folder = make_workshop(
        language=language,
        entries={
            "baseline/hoganas": "- theme: equality\n  quadrant: W\n  text: Ingen plan\n"
            "  respondent: r1\n  importance: 4\n",
            "followup/hoganas": "- theme: equality\n  quadrant: W\n  text: Ingen plan\n"
            "  respondent: r1\n  importance: 2\n",
            "followup/bjuv": "- theme: accessibility\n  quadrant: T\n  text: Besparingar\n"
            "  respondent: r1\n",
        },
        rounds={"baseline": {"hoganas": 1, "bjuv": 2}, "followup": {"hoganas": 1, "bjuv": 2}},
    )
    comparison = compare_rounds(load_workshop(folder), "baseline", "followup")
    return write_reports(comparison)[0]


@pytest.mark.parametrize("language", ["sv", "en"])
def test_report_has_no_axe_violations(
    browser: Any, make_workshop: Callable[..., Path], language: str
) -> None:
    assert axe_violations(browser, small_report(make_workshop, language)) == []


def test_example_report_has_no_axe_violations(browser: Any, tmp_path: Path) -> None:
    comparison = compare_rounds(
        load_workshop(EXAMPLES / "hoganasmodellen"), "forprojektering", "uppfoljning"
    )
    html = write_reports(comparison, tmp_path)[0]
    assert axe_violations(browser, html) == []


def test_report_asks_for_a4_when_printed(browser: Any, make_workshop: Callable[..., Path]) -> None:
    page = browser.new_page()
    try:
        page.goto(small_report(make_workshop, "sv").as_uri())
        pdf = page.pdf(prefer_css_page_size=True)  # the page size comes from the report's @page
    finally:
        page.close()
    boxes = re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf)
    assert boxes
    for width, height in boxes:
        assert (round(float(width)), round(float(height))) == (595, 842)  # A4 in points
