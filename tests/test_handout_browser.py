"""The HTML handout in a real browser: axe-core finds no accessibility violations."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from swot.cli import app

CHROMIUM = Path("/usr/bin/chromium")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="needs Debian's chromium package (/usr/bin/chromium); CI installs it",
    ),
]

EXAMPLE = Path(__file__).resolve().parent.parent / "workshops" / "hoganasmodellen"

ENTRIES = """\
- theme: equality
  quadrant: strengths
  text: Öppet klimat där man kan ta upp saker
  importance: 5
  respondent: r01
- theme: accessibility
  quadrant: weaknesses
  text: "<script>alert(1)</script> | # Hörslinga saknas"
  importance: 4
  respondent: r02
"""


@pytest.fixture
def handout(tmp_path: Path, make_workshop: Callable[..., Path], runner: CliRunner) -> Path:
    if (EXAMPLE / "workshop.yaml").exists():
        folder = tmp_path / "example"
        shutil.copytree(EXAMPLE, folder, ignore=shutil.ignore_patterns("handouts"))
    else:
        folder = make_workshop({"baseline/hoganas": ENTRIES}, language="sv")
    result = runner.invoke(app, ["merge", str(folder)])
    assert result.exit_code == 0, result.output
    return next((folder / "handouts").glob("*/handout.html"))


def test_html_handout_has_no_axe_violations(handout: Path) -> None:
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        try:
            page = browser.new_page()
            page.goto(handout.as_uri())
            results = Axe().run(page)
        finally:
            browser.close()
    violations = results.response["violations"]
    assert violations == [], results.generate_report()
