"""`swot compare` over more than two rounds: each step's figures are those of `swot compare`
run on that pair, items are followed through the steps, and the bad input of a trend."""

from __future__ import annotations

import itertools
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from swot.cli import app

EXAMPLE = Path(__file__).resolve().parent.parent / "workshops" / "ameis-skane-nordvast"
ROUNDS = ["2025-kv3", "2025-kv4", "2026-kv1", "2026-kv2"]


@pytest.fixture(scope="module")
def ameis(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return Path(shutil.copytree(EXAMPLE, tmp_path_factory.mktemp("trend") / "ameis"))


@pytest.fixture(scope="module")
def trend_json(ameis: Path) -> dict:
    result = CliRunner().invoke(app, ["compare", "--all-rounds", str(ameis), "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def figures(step: dict) -> list[tuple]:
    return [
        (
            t["theme"],
            q["quadrant"],
            q["before"],
            q["after"],
            q["resolved"],
            q["new"],
            q["persisting"],
        )
        for t in step["themes"]
        for q in t["quadrants"]
    ]


def test_the_trend_covers_the_four_ameis_rounds(trend_json: dict) -> None:
    assert trend_json["rounds"] == ROUNDS
    assert len(trend_json["steps"]) == 3


@pytest.mark.parametrize("pair", list(itertools.pairwise(ROUNDS)))
def test_each_step_has_the_figures_of_compare_run_on_that_pair(
    ameis: Path, trend_json: dict, pair: tuple[str, str]
) -> None:
    result = CliRunner().invoke(app, ["compare", *pair, "-w", str(ameis), "--json"])
    pairwise = json.loads(result.stdout)
    step = trend_json["steps"][ROUNDS.index(pair[0])]
    assert figures(step) == figures(pairwise)
    assert step["response_rates"] == pairwise["response_rates"]


def test_a_followed_item_has_the_persisting_breadths_of_each_pair(
    ameis: Path, trend_json: dict
) -> None:
    """Every followed item's breadth in round k+1 is that of a persisting item of compare k k+1
    with the same wording."""
    assert trend_json["followed"]
    pairwise = [
        json.loads(CliRunner().invoke(app, ["compare", *pair, "-w", str(ameis), "--json"]).stdout)
        for pair in itertools.pairwise(ROUNDS)
    ]
    for item in trend_json["followed"]:
        raised = [r for r in ROUNDS if item["breadth"][r] is not None]
        assert len(raised) >= 3
        last, before_last = raised[-1], raised[-2]
        step = pairwise[ROUNDS.index(before_last)]
        quadrant = next(
            q
            for t in step["themes"]
            if t["theme"] == item["theme"]
            for q in t["quadrants"]
            if q["quadrant"] == item["quadrant"]
        )
        persisting = {c["text"]: c["followup"]["breadth"] for c in quadrant["items"]["persisting"]}
        assert persisting[item["text"]] == item["breadth"][last]


def test_the_trend_report_has_a_chart_and_table_per_theme_and_the_rates(ameis: Path) -> None:
    html = (ameis / "handouts" / "trend-2025-kv3-2026-kv2" / "trend.html").read_text("utf-8")
    assert html.count('role="img"') == 2 * 2 + 1  # items and followed per theme, rates
    assert html.count("<table>") == html.count('role="img"')


def test_two_rounds_still_write_the_compare_report(ameis: Path, runner: CliRunner) -> None:
    result = runner.invoke(app, ["compare", "2025-kv3", "2025-kv4", str(ameis)])
    assert result.exit_code == 0, result.output
    assert (ameis / "handouts" / "compare-2025-kv3-2025-kv4" / "compare.html").is_file()


def test_rounds_out_of_order_are_compared_in_the_workshops_order(
    ameis: Path, runner: CliRunner
) -> None:
    result = runner.invoke(app, ["compare", "2026-kv2", "2025-kv3", "2026-kv1", str(ameis)])
    assert result.exit_code == 0, result.output
    assert (
        "Omgångarna jämförs i workshoppens ordning: 2025-kv3 → 2026-kv1 → 2026-kv2" in result.stdout
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["2026-kv1"], "swot compare needs at least two rounds, but got 1"),
        ([], "swot compare needs at least two rounds, but got 0"),
        (["2025-kv3", "2026-kv1", "2025-kv3"], "round '2025-kv3' is given twice"),
        (["2025-kv3", "--all-rounds"], "give either rounds or --all-rounds, not both"),
    ],
)
def test_bad_round_lists_are_refused_with_an_example(
    make_workshop: Callable[..., Path], runner: CliRunner, args: list[str], message: str
) -> None:
    folder = make_workshop(rounds={"2025-kv3": {}, "2026-kv1": {}, "2026-kv2": {}})
    result = runner.invoke(app, ["compare", *args, "-w", str(folder)])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"{message}\n  → name two or more different rounds, e.g. swot compare "
        "2025-kv3 2026-kv1 2026-kv2, or --all-rounds\n"
    )


def test_all_rounds_of_a_one_round_workshop_is_refused(
    make_workshop: Callable[..., Path], runner: CliRunner
) -> None:
    result = runner.invoke(app, ["compare", "--all-rounds", "-w", str(make_workshop())])
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "the workshop has only 1 round; --all-rounds needs at least two"
    )


def test_an_unknown_round_in_a_trend_gets_did_you_mean(ameis: Path, runner: CliRunner) -> None:
    result = runner.invoke(app, ["compare", "2025-kv3", "2025-kv4", "2026-kv3", str(ameis)])
    assert result.exit_code == 2
    assert "'2026-kv3' är ingen omgång i den här workshoppen; menade du" in result.stderr


def test_all_rounds_of_a_two_round_workshop_is_the_two_round_report(
    tmp_path: Path, runner: CliRunner
) -> None:
    example = Path(__file__).resolve().parent.parent / "workshops" / "hoganasmodellen"
    folder = Path(shutil.copytree(example, tmp_path / "hoganas"))
    explicit = runner.invoke(app, ["compare", "forprojektering", "uppfoljning", str(folder)])
    report = folder / "handouts" / "compare-forprojektering-uppfoljning" / "compare.html"
    first = report.read_bytes()
    every = runner.invoke(app, ["compare", "--all-rounds", str(folder)])
    assert (explicit.exit_code, every.exit_code) == (0, 0)
    assert every.stdout == explicit.stdout
    assert report.read_bytes() == first


def test_the_trend_in_word_has_the_htmls_headings_and_a_picture_per_chart(
    ameis: Path, runner: CliRunner, tmp_path: Path
) -> None:
    import docx

    args = ["compare", "--all-rounds", str(ameis), "-f", "html,docx", "-o", str(tmp_path)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["trend.docx", "trend.html"]
    html = (tmp_path / "trend.html").read_text(encoding="utf-8")
    word = docx.Document(str(tmp_path / "trend.docx"))
    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert headings[0] == "Utveckling över 4 omgångar: Kvartal 3 2025 – Kvartal 2 2026"
    assert len(headings) == html.count("<h2") + html.count("<h3") + 1
    pictures = word.inline_shapes
    assert len(pictures) == html.count('class="chart" role="img"') > 0
    assert all(p._inline.docPr.get("descr") for p in pictures)
