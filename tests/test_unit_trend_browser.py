"""The unit report and the trend report in a real browser: axe-core finds no accessibility
violations. Needs Debian's chromium package (apt-get install chromium)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from test_compare_report_browser import axe_violations, browser, pytestmark  # noqa: F401

from swot.jobs import compare, report

EXAMPLE = Path(__file__).resolve().parent.parent / "workshops" / "ameis-skane-nordvast"


@pytest.fixture(scope="module")
def ameis(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return Path(shutil.copytree(EXAMPLE, tmp_path_factory.mktemp("browser") / "ameis"))


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_unit_report_has_no_axe_violations(browser: Any, ameis: Path, lang: str) -> None:  # noqa: F811
    request = report.ReportRequest(folder=ameis, unit="hoganas", round_id="2026-kv2", lang=lang)
    html = report.run(request).written[0]
    assert html.suffix == ".html"
    assert axe_violations(browser, html) == []


def test_trend_report_has_no_axe_violations(browser: Any, ameis: Path) -> None:  # noqa: F811
    result = compare.run(compare.CompareRequest(rounds=[], folder=ameis, all_rounds=True))
    html = result.written[0]
    assert html.name == "trend.html"
    assert axe_violations(browser, html) == []
