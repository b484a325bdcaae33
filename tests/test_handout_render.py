"""Handouts: written where expected, byte-identical on reruns, and harmless whatever entries say."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from swot.cli import app
from swot.output.templates import escape_markdown

ENTRIES = """\
- theme: equality
  quadrant: strengths
  text: Öppet klimat där man kan ta upp saker
  importance: 5
  respondent: r01
- theme: equality
  quadrant: strengths
  text: öppet klimat där man kan ta upp saker.
  importance: 4
  respondent: r02
- theme: accessibility
  quadrant: weaknesses
  text: Hörslinga saknas
  importance: 4
  respondent: r01
"""

PROBES = [
    "<script>alert(1)</script>",
    "{{ 7*7 }} och {% raw %}",
    "[klicka här](javascript:alert(1))",
    "| a | b | # rubrik <b>fet</b>",
    "- inte en lista",
    "1. inte heller en lista",
    "Kontroll\u0007tecken och \u202eomvänd text",
]


def probe_entries() -> str:
    lines = []
    for text in PROBES:
        quoted = text.replace("\\", "\\\\").replace('"', '\\"')
        quoted = quoted.replace("\u0007", "\\a").replace("\u202e", "\\u202e")
        lines.append(
            f'- theme: equality\n  quadrant: threats\n  text: "{quoted}"\n  importance: 3\n'
        )
    return "".join(lines)


@pytest.fixture
def workshop(make_workshop: Callable[..., Path]) -> Path:
    return make_workshop(
        {"baseline/hoganas": ENTRIES, "baseline/bjuv": ENTRIES.replace("r0", "b0")},
        language="sv",
    )


def run_merge(runner: CliRunner, folder: Path, *options: str) -> str:
    result = runner.invoke(app, ["merge", str(folder), *options])
    assert result.exit_code == 0, result.output
    return result.output


def test_merge_writes_html_and_markdown_into_handouts_round(
    runner: CliRunner, workshop: Path
) -> None:
    run_merge(runner, workshop)
    assert sorted(p.name for p in (workshop / "handouts" / "baseline").iterdir()) == [
        "handout.html",
        "handout.md",
    ]


def test_rerun_gives_byte_identical_handouts(runner: CliRunner, workshop: Path) -> None:
    run_merge(runner, workshop)
    folder = workshop / "handouts" / "baseline"
    first = {p.name: p.read_bytes() for p in folder.iterdir()}
    run_merge(runner, workshop)
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == first


def test_handout_shows_the_figures_in_swedish(runner: CliRunner, workshop: Path) -> None:
    run_merge(runner, workshop)
    html = (workshop / "handouts" / "baseline" / "handout.html").read_text(encoding="utf-8")
    assert "2 av 2 enheter · vikt 4,5 · 4 omnämnanden" in html
    assert '<html lang="sv">' in html


def test_handout_in_english_with_lang_option(runner: CliRunner, workshop: Path) -> None:
    run_merge(runner, workshop, "--lang", "en")
    markdown = (workshop / "handouts" / "baseline" / "handout.md").read_text(encoding="utf-8")
    assert "2 of 2 units · importance 4.5 · 4 mentions" in markdown


def test_html_has_no_script_and_no_external_resource(runner: CliRunner, workshop: Path) -> None:
    run_merge(runner, workshop)
    html = (workshop / "handouts" / "baseline" / "handout.html").read_text(encoding="utf-8")
    assert "<script" not in html.lower()
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)


@pytest.fixture
def probed(make_workshop: Callable[..., Path], runner: CliRunner) -> Path:
    folder = make_workshop({"baseline/hoganas": probe_entries()}, language="sv")
    run_merge(runner, folder)
    return folder / "handouts" / "baseline"


def test_injection_probes_are_escaped_in_html(probed: Path) -> None:
    html = (probed / "handout.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "{{ 7*7 }}" in html and ">49<" not in html  # shown as written, never evaluated
    assert 'href="javascript' not in html
    assert "&lt;b&gt;fet&lt;/b&gt;" in html


def test_control_and_bidi_characters_are_stripped(probed: Path) -> None:
    for name in ("handout.html", "handout.md"):
        text = (probed / name).read_text(encoding="utf-8")
        assert "\u0007" not in text and "\u202e" not in text
        assert "Kontrolltecken och omvänd text" in text


def test_markdown_table_rows_keep_their_columns_whatever_the_text(probed: Path) -> None:
    markdown = (probed / "handout.md").read_text(encoding="utf-8")
    rows = [line for line in markdown.splitlines() if line.startswith("| ") and "w-" not in line]
    item_rows = [line for line in rows if re.search(r"\| t-[0-9a-f]{7} \|$", line)]
    assert len(item_rows) == len(PROBES)
    for row in item_rows:
        assert len(re.findall(r"(?<!\\)\|", row)) == 6, row


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("a | b", "a \\| b"),
        ("# rubrik", "\\# rubrik"),
        ("<b>fet</b>", "\\<b\\>fet\\</b\\>"),
        ("[länk](javascript:alert(1))", "\\[länk\\](javascript:alert(1))"),
        ("- inte en lista", "\\- inte en lista"),
        ("1. inte en lista", "1\\. inte en lista"),
        ("*betoning* och _understruken_", "\\*betoning\\* och \\_understruken\\_"),
    ],
)
def test_escape_markdown(text: str, escaped: str) -> None:
    assert escape_markdown(text) == escaped


def test_a_bad_unit_file_does_not_stop_the_merge(
    make_workshop: Callable[..., Path], runner: CliRunner
) -> None:
    folder = make_workshop(
        {"baseline/hoganas": ENTRIES, "baseline/bjuv": "- theme: equality\n  quadrant: [oops\n"}
    )
    result = runner.invoke(app, ["merge", str(folder)])
    assert result.exit_code == 0, result.output
    assert (
        f"Bjuv: {folder / 'entries/baseline/bjuv.yaml'} could not be read; 0 entries included"
        in (result.output)
    )
    html = (folder / "handouts" / "baseline" / "handout.html").read_text(encoding="utf-8")
    assert "could not be read; 0 entries included" in html
    assert "Öppet klimat där man kan ta upp saker" in html


def test_workshop_template_overrides_the_builtin_one(runner: CliRunner, workshop: Path) -> None:
    (workshop / "templates").mkdir()
    (workshop / "templates" / "handout.md.j2").write_text(
        "Egen mall: {{ workshop_name }}\n", encoding="utf-8"
    )
    run_merge(runner, workshop)
    assert (workshop / "handouts" / "baseline" / "handout.md").read_text(encoding="utf-8") == (
        "Egen mall: Test\n"
    )


def test_cover_date_comes_from_the_date_option(runner: CliRunner, workshop: Path) -> None:
    run_merge(runner, workshop, "--date", "2025-11-13")
    html = (workshop / "handouts" / "baseline" / "handout.html").read_text(encoding="utf-8")
    assert "13 november 2025" in html


def test_top_limits_the_items_in_the_grid(
    make_workshop: Callable[..., Path], runner: CliRunner
) -> None:
    texts = ["Ramp saknas", "Hiss saknas", "Tolk saknas", "Hörslinga saknas"]
    entries = "".join(f"- theme: equality\n  quadrant: threats\n  text: {t}\n" for t in texts)
    folder = make_workshop({"baseline/hoganas": entries})
    run_merge(runner, folder, "--top", "2")
    markdown = (folder / "handouts" / "baseline" / "handout.md").read_text(encoding="utf-8")
    grid = markdown.split("### T – Threats")[1].split("##")[0]
    assert len(re.findall(r"^\d\. ", grid, re.MULTILINE)) == 2
