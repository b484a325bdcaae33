"""`swot report`: one unit's SWOT beside the network's, checked on a small workshop whose answer
is known by hand, and its bad input."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from swot.cli import app
from swot.jobs import report

EXAMPLES = Path(__file__).resolve().parent.parent / "workshops"
UNITS = {"hoganas": "Höganäs", "bjuv": "Bjuv", "lund": "Lund"}


def entry(text: str, respondent: str, quadrant: str = "weaknesses", importance: int = 3) -> str:
    return (
        f"- theme: equality\n  quadrant: {quadrant}\n  text: {text}\n"
        f"  respondent: {respondent}\n  importance: {importance}\n"
    )


@pytest.fixture
def network(make_workshop: Callable[..., Path]) -> Path:
    """Three units. By hand, for Höganäs in 'now':
    - 'Ingen plan för jämställdhet' is raised by all three units: shared, the widest (3 of 3);
    - 'Lokalerna saknar hiss' and 'Få kvinnliga handledare' only by Höganäs: only here;
    - 'Vi saknar statistik' by Höganäs and Bjuv: shared (2 of 3);
    - 'Bra samarbete' (strength) only by Lund: not Höganäs's at all.
    Höganäs rates the plan 5 and the others 1 and 2: a difference of +3.5.
    In 'before' Höganäs raised the plan and 'Ingen tid avsatt'; the latter is now resolved."""
    return make_workshop(
        units=UNITS,
        entries={
            "before/hoganas": entry("Ingen plan för jämställdhet", "r1")
            + entry("Ingen tid avsatt för jämställdhetsarbetet", "r2"),
            "before/bjuv": entry("Ingen plan för jämställdhet", "r1"),
            "now/hoganas": entry("Ingen plan för jämställdhet", "r1", importance=5)
            + entry("Lokalerna saknar hiss", "r1")
            + entry("Få kvinnliga handledare", "r2")
            + entry("Vi saknar statistik", "r2"),
            "now/bjuv": entry("Ingen plan för jämställdhet", "r1", importance=1)
            + entry("Vi saknar statistik", "r2"),
            "now/lund": entry("Ingen plan för jämställdhet", "r1", importance=2)
            + entry("Bra samarbete med arbetsgivare", "r1", quadrant="strengths"),
        },
        rounds={
            "before": {"hoganas": 2, "bjuv": 2, "lund": 2},
            "now": {"hoganas": 2, "bjuv": 4, "lund": 2},
        },
    )


def view_of(folder: Path, unit: str, round_id: str = "now") -> report.UnitView:
    result = report.run(report.ReportRequest(folder=folder, unit=unit, round_id=round_id))
    return result.views[0]


def test_only_raised_here_is_what_no_other_unit_raised(network: Path) -> None:
    view = view_of(network, "hoganas")
    assert sorted(i.item.text for i in view.only_here) == [
        "Få kvinnliga handledare",
        "Lokalerna saknar hiss",
    ]


def test_shared_is_what_other_units_raised_too_the_widest_first(network: Path) -> None:
    view = view_of(network, "Höganäs")
    shared = [i.item.text for i in view.shared()]
    assert shared == ["Ingen plan för jämställdhet", "Vi saknar statistik"]


def test_importance_gap_is_the_units_mean_against_the_others(network: Path) -> None:
    gaps = view_of(network, "hoganas").importance_gaps()
    assert [(g.item.text, g.own_importance, g.others_importance) for g in gaps] == [
        ("Ingen plan för jämställdhet", 5.0, 1.5)
    ]


def test_change_since_the_round_before_uses_the_units_own_items(network: Path) -> None:
    view = view_of(network, "hoganas")
    weaknesses = next(b for b in view.changes if b.quadrant.value == "weaknesses")
    assert [c.text for c in weaknesses.resolved] == ["Ingen tid avsatt för jämställdhetsarbetet"]
    assert [c.text for c in weaknesses.persisting] == ["Ingen plan för jämställdhet"]
    assert (weaknesses.before, weaknesses.after) == (2, 4)


def test_a_unit_absent_from_the_round_before_has_no_change_section(network: Path) -> None:
    view = view_of(network, "lund")
    assert (view.earlier, view.changes) == (None, [])


def test_report_files_are_written_beside_the_rounds_handout(network: Path, runner) -> None:
    result = runner.invoke(app, ["report", "hoganas", str(network), "--round", "now"])
    assert result.exit_code == 0, result.output
    folder = network / "handouts" / "now" / "units"
    assert sorted(p.name for p in folder.iterdir()) == ["hoganas.html", "hoganas.md"]
    assert "Only here (2 items no other unit raised):" in result.stdout


def test_report_names_no_respondent(network: Path, runner) -> None:
    runner.invoke(app, ["report", "--all-units", str(network), "--round", "now"])
    for path in (network / "handouts" / "now" / "units").iterdir():
        text = path.read_text("utf-8")
        assert "r1" not in text and "r2" not in text, path.name


def test_all_units_merges_the_round_once(network: Path, monkeypatch) -> None:
    import swot.jobs.merge as merge

    calls: list[str] = []
    real = merge.merge_round

    def counted(workshop, round_id=None, **options):  # type: ignore[no-untyped-def]
        calls.append(round_id)
        return real(workshop, round_id, **options)

    monkeypatch.setattr(merge, "merge_round", counted)
    result = report.run(report.ReportRequest(folder=network, all_units=True, round_id="now"))
    assert [v.unit for v in result.views] == ["hoganas", "bjuv", "lund"]
    assert calls == ["now", "before"]


def test_an_unknown_unit_gets_did_you_mean(network: Path, runner) -> None:
    result = runner.invoke(app, ["report", "Hoganes", str(network)])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "'Hoganes' is not a unit of this workshop; did you mean 'hoganas'?\n"
        "  → give a unit's id or name from workshop.yaml: hoganas, bjuv, lund\n"
    )


def test_a_unit_without_entries_in_the_round_is_refused_with_the_rounds_it_has(
    network: Path, runner
) -> None:
    result = runner.invoke(app, ["report", "lund", str(network), "--round", "before"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "Lund has no entries in round 'before'; there is no SWOT to show for the unit\n"
        "  → the unit has files in now: choose one of them with --round, or add answers with "
        "`swot collect --unit lund`\n"
    )


def test_all_units_leaves_out_units_without_entries_and_says_so(network: Path, runner) -> None:
    result = runner.invoke(app, ["report", "--all-units", str(network), "--round", "before"])
    assert result.exit_code == 0, result.output
    assert "No entries in the round, no report: Lund" in result.stdout
    assert not (network / "handouts" / "before" / "units" / "lund.html").exists()


def test_an_unknown_round_gets_did_you_mean(network: Path, runner) -> None:
    result = runner.invoke(app, ["report", "hoganas", str(network), "--round", "nw"])
    assert result.exit_code == 2
    assert result.stderr.startswith("'nw' is not a round of this workshop; did you mean 'now'?")


@pytest.mark.parametrize("args", [[], ["hoganas", "--all-units"]])
def test_a_unit_or_all_units_is_required_not_both(network: Path, runner, args) -> None:
    result = runner.invoke(app, ["report", *args, "-w", str(network)])
    assert result.exit_code == 2
    expected = "give a unit or --all-units" if not args else "give either a unit or"
    assert result.stderr.startswith(expected)


@pytest.mark.parametrize(
    ("example", "round_id", "unit"),
    [("hoganasmodellen", "uppfoljning", "Höganäs"), ("ameis-skane-nordvast", "2026-kv2", "bjuv")],
)
def test_report_runs_on_both_examples(
    tmp_path: Path, runner: CliRunner, example: str, round_id: str, unit: str
) -> None:
    folder = Path(shutil.copytree(EXAMPLES / example, tmp_path / example))
    result = runner.invoke(app, ["report", unit, str(folder), "--round", round_id])
    assert result.exit_code == 0, result.output
    html = next((folder / "handouts" / round_id / "units").glob("*.html")).read_text("utf-8")
    assert '<html lang="sv">' in html and 'role="img"' in html


def test_a_unit_report_in_word_and_pdf_has_the_htmls_headings_and_language(
    network: Path, runner
) -> None:
    import docx
    from pypdf import PdfReader
    from pypdf.generic import BooleanObject

    args = ["report", "hoganas", str(network), "--round", "now", "-f", "docx,pdf"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    folder = network / "handouts" / "now" / "units"
    assert sorted(p.name for p in folder.iterdir()) == ["hoganas.docx", "hoganas.pdf"]
    word = docx.Document(str(folder / "hoganas.docx"))
    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert headings[0] == "Unit report: Höganäs – now"
    assert "Only here: the unit's local needs and strengths" in headings
    pdf = PdfReader(str(folder / "hoganas.pdf"))
    assert pdf.trailer["/Root"]["/MarkInfo"]["/Marked"] == BooleanObject(True)
    assert pdf.trailer["/Root"]["/Lang"] == "en"
    assert pdf.outline[0].title == headings[0]  # the h1; the h2s are nested below it


def test_an_unknown_format_for_a_report_is_a_usage_error(network: Path, runner) -> None:
    args = ["report", "hoganas", str(network), "--round", "now", "-f", "pfd"]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert "did you mean 'pdf'?" in result.output
