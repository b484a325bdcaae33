"""Print that holds at any size: the 2×2 grid of a theme stays on one A4 page whatever --top is,
with the longest texts the grid shows (issue 13, point 5). Each case is printed to PDF and the
PDF's pages read back with pypdf."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from swot.cli import app

QUADRANTS = ("strengths", "weaknesses", "opportunities", "threats")
TOKEN = re.compile(r"\bq([swot])(\d\d)\b")


def _long_text(rng: random.Random, token: str, length: int = 200) -> str:
    """A text of ``length`` characters of made-up words, unlike any other (200: longer than
    the grid shows)."""
    words = [token]
    while sum(len(w) + 1 for w in words) < length:
        words.append(
            "".join(rng.choice("abcdefghijklmnoprstuvy") for _ in range(rng.randint(3, 11)))
        )
    return " ".join(words)


def _worst_case(make_workshop: Callable[..., Path], length: int = 200) -> Path:
    """Ten items in every quadrant of the equality theme (200 characters: longer than the grid
    shows), each raised by one of two units."""
    rng = random.Random(13)
    entries: dict[str, list[str]] = {"baseline/hoganas": [], "baseline/bjuv": []}
    for quadrant in QUADRANTS:
        for number in range(1, 11):
            text = _long_text(rng, f"q{quadrant[0]}{number:02d}", length)
            unit = "baseline/hoganas" if number % 2 else "baseline/bjuv"
            entries[unit].append(f"- theme: equality\n  quadrant: {quadrant}\n  text: {text}\n")
    return make_workshop({unit: "".join(lines) for unit, lines in entries.items()})


def _pages(pdf: Path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages]


@pytest.mark.parametrize(("top", "length"), [(3, 200), (5, 200), (8, 200), (10, 200), (10, 40)])
def test_the_grid_stays_on_one_page_at_any_top(
    make_workshop: Callable[..., Path], top: int, length: int
) -> None:
    folder = _worst_case(make_workshop, length)
    args = ["merge", str(folder), "--top", str(top), "--list", "1", "-f", "pdf"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output

    pages = _pages(folder / "handouts" / "baseline" / "handout.pdf")
    grid_pages = [
        n for n, text in enumerate(pages) if text.startswith("Gender equality: SWOT at a glance")
    ]
    assert len(grid_pages) == 1
    page = pages[grid_pages[0]]
    shown = set(TOKEN.findall(page))
    assert shown == {(q[0], f"{n:02d}") for q in QUADRANTS for n in range(1, top + 1)}
    assert (
        "Gender equality: all items, ranked" not in page
    )  # the lists start on a page of their own
    assert not TOKEN.search(pages[grid_pages[0] - 1])  # nothing of the grid before its heading


def test_a_top_beyond_what_fits_shows_ten_and_says_so(
    make_workshop: Callable[..., Path],
) -> None:
    folder = _worst_case(make_workshop)
    result = CliRunner().invoke(app, ["merge", str(folder), "--top", "12", "-f", "md"])

    assert result.exit_code == 0, result.output
    assert (
        "--top: the 2×2 grid shows at most 10 items per quadrant so that it fits one A4 page "
        "(--top 12); the full lists show them all"
    ) in " ".join(result.output.split())
    markdown = (folder / "handouts" / "baseline" / "handout.md").read_text(encoding="utf-8")
    assert "The 10 highest-ranked items in each quadrant." in markdown


def _grid_classes(folder: Path, tops: tuple[int, ...]) -> dict[int, str]:
    classes = {}
    for top in tops:
        CliRunner().invoke(app, ["merge", str(folder), "--top", str(top), "-f", "html"])
        html = (folder / "handouts" / "baseline" / "handout.html").read_text(encoding="utf-8")
        classes[top] = re.findall(r'<section class="page grid-page ?([^"]*)"', html)[0]
    return classes


def test_long_texts_or_many_items_set_the_grid_in_smaller_type(
    make_workshop: Callable[..., Path],
) -> None:
    folder = _worst_case(make_workshop)

    assert _grid_classes(folder, (1, 2, 3, 5, 8, 10)) == {
        1: "",
        2: "",
        3: "",
        5: "denser",
        8: "densest",
        10: "densest",
    }


def test_short_texts_keep_the_full_size_at_the_default_top(
    make_workshop: Callable[..., Path],
) -> None:
    folder = _worst_case(make_workshop, length=40)

    assert _grid_classes(folder, (5, 7, 10)) == {5: "", 7: "dense", 10: "denser"}
