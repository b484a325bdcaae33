"""`swot compare` on the command line: terminal summary, report files, JSON, errors."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from swot.cli import app

EXAMPLES = Path(__file__).resolve().parent.parent / "workshops"


def entry(text: str, respondent: str, quadrant: str = "weaknesses", importance: int = 3) -> str:
    return (
        f"- theme: equality\n  quadrant: {quadrant}\n  text: {text}\n"
        f"  respondent: {respondent}\n  importance: {importance}\n"
    )


@pytest.fixture
def rounds(make_workshop: Callable[..., Path]) -> Callable[..., Path]:
    """Höganäs answers fully in both rounds; Bjuv drops below the target in the follow-up."""

    def build(language: str = "en") -> Path:
        return make_workshop(
            language=language,
            entries={
                "baseline/hoganas": entry("Ingen plan för jämställdhet", "r1", importance=5)
                + entry("Vi saknar utbildning", "r2"),
                "baseline/bjuv": entry("Ingen plan för jämställdhet", "r1") + entry("Text", "r2"),
                "followup/hoganas": entry("Ingen plan för jämställdhet", "r1", importance=2)
                + entry("Chefen prioriterar inte frågan", "r2"),
                "followup/bjuv": entry("Ingen plan för jämställdhet", "r1"),
            },
            rounds={"baseline": {"hoganas": 2, "bjuv": 2}, "followup": {"hoganas": 2, "bjuv": 2}},
        )

    return build


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["compare", *args])
    return result.exit_code, result.stdout, result.stderr


def test_terminal_shows_the_summary_in_words(
    runner: CliRunner, rounds: Callable[..., Path]
) -> None:
    code, out, err = run(runner, "baseline", "followup", "-w", str(rounds()))
    assert (code, err) == (0, "")
    assert (
        "  • Weaknesses in gender equality: 3 → 2 (−1); 2 resolved, 1 new. "
        "Development needs have decreased (compared for the 2 of 2 units that answered in both "
        "rounds; response rate 100% → 75%; below the 75% target in the follow-up: Bjuv)."
    ) in out.splitlines()


def test_terminal_speaks_swedish_for_a_swedish_workshop(
    runner: CliRunner, rounds: Callable[..., Path]
) -> None:
    _, out, _ = run(runner, "baseline", "followup", "-w", str(rounds("sv")))
    assert (
        "  • Svagheter inom jämställdhet: 3 → 2 (−1); 2 lösta, 1 nytt. "
        "Utvecklingsbehoven har minskat (jämfört för de 2 av 2 enheter som svarade i båda "
        "omgångarna; svarsfrekvens 100 % → 75 %; under målet 75 % i uppföljningen: Bjuv)."
    ) in out.splitlines()


def test_terminal_flags_a_unit_below_target_in_the_followup(
    runner: CliRunner, rounds: Callable[..., Path]
) -> None:
    _, out, _ = run(runner, "baseline", "followup", "-w", str(rounds()))
    bjuv = next(line for line in out.splitlines() if line.startswith("│ Bjuv"))
    assert [cell.strip() for cell in bjuv.split("│")[1:-1]] == [
        "Bjuv",
        "2 of 2 (100%)",
        "1 of 2 (50%)",
        "−50",
        "✗ not met",
    ]


def test_terminal_shows_top_items_with_importance_change(
    runner: CliRunner, rounds: Callable[..., Path]
) -> None:
    _, out, _ = run(runner, "baseline", "followup", "-w", str(rounds()), "--top", "1")
    persisting = next(line for line in out.splitlines() if "│ Persisting" in line)
    assert "Ingen plan för jämställdhet" in persisting
    assert "2 → 2 (±0)" in persisting
    assert "4.0 → 2.5 (−1.5)" in persisting


def test_reports_are_written_to_the_handouts_folder(
    runner: CliRunner, rounds: Callable[..., Path]
) -> None:
    folder = rounds()
    _, out, _ = run(runner, "baseline", "followup", "-w", str(folder))
    target = folder / "handouts" / "compare-baseline-followup"
    assert sorted(p.name for p in target.iterdir()) == ["compare.html", "compare.md"]
    assert out.splitlines()[-3:] == [
        "Report written:",
        f"  {target / 'compare.html'}",
        f"  {target / 'compare.md'}",
    ]


def test_output_option_chooses_the_report_folder(
    runner: CliRunner, rounds: Callable[..., Path], tmp_path: Path
) -> None:
    code, _, _ = run(runner, "baseline", "followup", "-w", str(rounds()), "-o", str(tmp_path / "r"))
    assert code == 0
    assert sorted(p.name for p in (tmp_path / "r").iterdir()) == ["compare.html", "compare.md"]


def test_json_has_counts_items_and_rates(runner: CliRunner, rounds: Callable[..., Path]) -> None:
    code, out, _ = run(runner, "baseline", "followup", "-w", str(rounds()), "--json")
    assert code == 0
    document = json.loads(out)
    equality = document["themes"][0]
    assert equality["theme"] == "equality"
    weaknesses = equality["quadrants"][1]
    assert {k: weaknesses[k] for k in ("quadrant", "before", "after", "resolved", "new")} == {
        "quadrant": "weaknesses",
        "before": 3,
        "after": 2,
        "resolved": 2,
        "new": 1,
    }
    [persisting] = weaknesses["items"]["persisting"]
    assert (persisting["importance_change"], persisting["baseline"]["units"]) == (
        -1.5,
        ["bjuv", "hoganas"],
    )
    bjuv = document["response_rates"][1]
    assert (bjuv["unit"], bjuv["followup"]["target_met"], bjuv["change_points"]) == (
        "bjuv",
        False,
        -50,
    )
    assert [Path(p).name for p in document["reports"]] == ["compare.html", "compare.md"]


def test_markdown_report_has_the_summary_and_rates(
    runner: CliRunner, rounds: Callable[..., Path]
) -> None:
    folder = rounds("sv")
    run(runner, "baseline", "followup", "-w", str(folder))
    text = (folder / "handouts" / "compare-baseline-followup" / "compare.md").read_text("utf-8")
    lines = text.splitlines()
    assert lines[0] == "# Jämförelse: baseline → followup"
    assert (
        "- Svagheter inom jämställdhet: 3 → 2 (−1); 2 lösta, 1 nytt. "
        "Utvecklingsbehoven har minskat (jämfört för de 2 av 2 enheter som svarade i båda "
        "omgångarna; svarsfrekvens 100 % → 75 %; under målet 75 % i uppföljningen: Bjuv)."
    ) in lines
    assert "| Bjuv | 2 av 2 (100 %) | 1 av 2 (50 %) | −50 | **✗ ej uppnått** |" in lines


def test_markdown_escapes_table_syntax_in_entry_texts(
    runner: CliRunner, make_workshop: Callable[..., Path]
) -> None:
    folder = make_workshop(
        entries={
            "baseline/hoganas": entry('"A | B *fet*"', "r1"),
            "followup/hoganas": entry("Annat", "r1"),
            "baseline/bjuv": entry("Bra", "r1"),
            "followup/bjuv": entry("Bra", "r1"),
        },
        rounds={"baseline": {}, "followup": {}},
    )
    run(runner, "baseline", "followup", "-w", str(folder))
    text = (folder / "handouts" / "compare-baseline-followup" / "compare.md").read_text("utf-8")
    assert "| A \\| B \\*fet\\* | Höganäs (1 of 2 units) | 3.0 |" in text.splitlines()


def test_html_report_escapes_entry_texts(
    runner: CliRunner, make_workshop: Callable[..., Path]
) -> None:
    folder = make_workshop(
        entries={
            "baseline/hoganas": entry("Bra", "r1"),
            "followup/hoganas": entry('"<script>alert(1)</script>"', "r1"),
        },
        rounds={"baseline": {}, "followup": {}},
    )
    run(runner, "baseline", "followup", "-w", str(folder))
    html = (folder / "handouts" / "compare-baseline-followup" / "compare.html").read_text("utf-8")
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_same_round_twice_is_a_usage_error(runner: CliRunner, rounds: Callable[..., Path]) -> None:
    code, out, err = run(runner, "baseline", "baseline", "-w", str(rounds()))
    assert (code, out) == (2, "")
    assert err.splitlines()[0] == "the baseline and the follow-up are the same round ('baseline')"


def test_unknown_round_exits_2_without_a_traceback(
    runner: CliRunner, rounds: Callable[..., Path]
) -> None:
    code, _, err = run(runner, "baseline", "uppfoljning", "-w", str(rounds()))
    assert code == 2
    assert err == (
        "'uppfoljning' is not a round of this workshop\n"
        "  → give a round's id or title from workshop.yaml: baseline, followup\n"
    )


def test_broken_merges_yaml_is_a_data_error(runner: CliRunner, rounds: Callable[..., Path]) -> None:
    folder = rounds()
    (folder / "merges.yaml").write_text("- decision: join\n  theme: equality\n", encoding="utf-8")
    code, out, err = run(runner, "baseline", "followup", "-w", str(folder))
    assert (code, out) == (1, "")
    assert "merges.yaml:1" in err


def test_help_has_an_example(runner: CliRunner) -> None:
    result = runner.invoke(app, ["compare", "--help"])
    assert result.exit_code == 0
    assert (
        "Example: swot compare forprojektering uppfoljning workshops/hoganasmodellen"
        in result.stdout
    )


def test_compare_runs_on_the_example_workshop(runner: CliRunner, tmp_path: Path) -> None:
    code, out, err = run(
        runner,
        "forprojektering",
        "uppfoljning",
        "-w",
        str(EXAMPLES / "hoganasmodellen"),
        "-o",
        str(tmp_path),
        "--top",
        "0",
    )
    assert (code, err) == (0, "")
    assert "Svagheter inom jämställdhet:" in out


def test_a_workshop_may_override_the_report_template(
    runner: CliRunner, rounds: Callable[..., Path]
) -> None:
    folder = rounds()
    (folder / "templates").mkdir()
    (folder / "templates" / "compare.md.j2").write_text("# {{ title }}\n", encoding="utf-8")
    run(runner, "baseline", "followup", "-w", str(folder))
    text = (folder / "handouts" / "compare-baseline-followup" / "compare.md").read_text("utf-8")
    assert text == "# Comparison: baseline → followup\n"


SIMILARITY_REFUSED = {
    "en": "--similarity must be between 50 and 100, not {value}\n"
    "  → the default, 85, was chosen on judged Swedish sentence pairs; try 80–92\n",
    "sv": "--similarity ska vara mellan 50 och 100, inte {value}\n"
    "  → standardvärdet, 85, valdes på bedömda svenska textpar; prova 80–92\n",
}


@pytest.mark.parametrize("value", ["20", "120"])
@pytest.mark.parametrize("language", ["en", "sv"])
def test_similarity_outside_50_to_100_is_refused_like_merge_does(
    runner: CliRunner, rounds: Callable[..., Path], language: str, value: str
) -> None:
    folder = str(rounds(language))
    compared = runner.invoke(
        app, ["compare", "baseline", "followup", "-w", folder, "--similarity", value]
    )
    merged = runner.invoke(app, ["merge", folder, "--similarity", value])
    expected = SIMILARITY_REFUSED[language].format(value=float(value))
    assert (compared.exit_code, compared.stdout, compared.stderr) == (2, "", expected)
    assert (merged.exit_code, merged.stdout, merged.stderr) == (2, "", expected)
