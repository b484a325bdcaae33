"""``swot review`` on the AMEiS example: the savings threats the scorer keeps apart are offered,
grid items first, with the units behind each wording and what the two share."""

from __future__ import annotations

from pathlib import Path

from swot.jobs.review import ReviewRequest, run

AMEIS = Path(__file__).resolve().parent.parent / "workshops" / "ameis-skane-nordvast"


def test_review_offers_the_savings_threats_of_the_grid_first(tmp_path: Path) -> None:
    import shutil

    folder = tmp_path / "ameis"
    shutil.copytree(AMEIS, folder, ignore=shutil.ignore_patterns(".swot-cache", "handouts"))
    plan = run(ReviewRequest(folder=folder, round_id="2026-kv1", is_terminal=lambda: True))
    threats = [{p.left, p.right} for p in plan.pairs if p.quadrant.value == "threats" and p.in_grid]
    assert {"Besparingar", "Besparingskrav i kommunen"} in threats
    assert {"Besparingar", "Sparbeting på hela förvaltningen"} in threats
    grid_flags = [p.in_grid for p in plan.pairs]
    assert grid_flags == sorted(grid_flags, reverse=True)  # grid pairs come first
    savings = next(
        p for p in plan.pairs if {p.left, p.right} == {"Besparingar", "Besparingskrav i kommunen"}
    )
    assert savings.left_units and savings.right_units and savings.reasons
