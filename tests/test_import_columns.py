"""The pieces of ``swot import`` on their own: cells split into answers, headings read as theme ×
quadrant, unit answers matched, and two imports of one export at once adding each row once."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from swot.files.imports.columns import _quadrant, _theme, match_unit, tokens
from swot.files.imports.rows import split_answers
from swot.files.imports.tables import column_letter
from swot.vocabulary import Quadrant

THEMES = {
    "equality": ("jamstal", "jamlik", "equality", "gender", "jamstalldhet"),
    "accessibility": ("tillgang", "accessib", "tillganglighet"),
}


@pytest.mark.parametrize(
    ("cell", "answers"),
    [
        ("Tydlig plan", ["Tydlig plan"]),
        ("Tydlig plan\r\nBra chefer\n\n", ["Tydlig plan", "Bra chefer"]),
        (
            "- Planen följs inte upp\n- Chefer saknar tid",
            ["Planen följs inte upp", "Chefer saknar tid"],
        ),
        (
            "• Lättläst information\n  på webben\n• Taltidning",
            ["Lättläst information på webben", "Taltidning"],
        ),
        ("1. Ramp\n2) Hiss", ["Ramp", "Hiss"]),
        ("-", ["-"]),  # not a bullet: an answer that says nothing (skipped by the map's words)
        ("-5 grader i lokalen", ["-5 grader i lokalen"]),
    ],
)
def test_a_cell_becomes_one_answer_per_line_or_bullet(cell: str, answers: list[str]) -> None:
    assert split_answers(cell) == answers


@pytest.mark.parametrize(
    ("heading", "quadrant", "theme"),
    [
        ("Styrkor – jämställdhet", Quadrant.STRENGTHS, "equality"),
        ("Vad fungerar bra när det gäller tillgänglighet?", Quadrant.STRENGTHS, "accessibility"),
        (
            "Vad fungerar mindre bra när det gäller tillgänglighet?",
            Quadrant.WEAKNESSES,
            "accessibility",
        ),
        ("Vilka möjligheter ser du för jämställdheten?", Quadrant.OPPORTUNITIES, "equality"),
        ("Vad kan hota arbetet med tillgänglighet?", Quadrant.THREATS, "accessibility"),
        ("What works less well regarding gender equality?", Quadrant.WEAKNESSES, "equality"),
        ("jamStyrkor", Quadrant.STRENGTHS, "equality"),
        ("TILLGHOT", Quadrant.THREATS, "accessibility"),
        ("Styrkor", Quadrant.STRENGTHS, None),  # the theme is for a person to write in the map
        ("Styrkor och svagheter – jämställdhet", None, "equality"),  # two quadrants: none
        ("Övriga kommentarer", None, None),
    ],
)
def test_a_heading_names_its_quadrant_and_theme(
    heading: str, quadrant: Quadrant | None, theme: str | None
) -> None:
    words = tokens(heading)
    assert (_quadrant(heading, words), _theme(heading, words, THEMES)) == (quadrant, theme)


@pytest.mark.parametrize(
    ("answer", "unit"),
    [
        ("Höganäs", "hoganas"),
        ("hoganas", "hoganas"),
        ("HÖGANÄS", "hoganas"),
        ("AME Höganäs kommun", "hoganas"),
        ("Arbetsmarknadsenheten i Bjuv", "bjuv"),
        ("Höganäs och Bjuv", None),  # two units named: none
        ("Helsingborg", None),
    ],
)
def test_a_unit_answer_is_matched_by_name_id_or_a_name_inside_it(
    answer: str, unit: str | None
) -> None:
    units = {"hoganas": "hoganas", "höganäs": "hoganas", "bjuv": "bjuv"}
    assert match_unit(answer, units) == unit


def test_columns_are_lettered_as_a_spreadsheet_does() -> None:
    assert [column_letter(i) for i in (0, 5, 25, 26, 27, 701, 702)] == [
        "A", "F", "Z", "AA", "AB", "ZZ", "AAA",
    ]  # fmt: skip


def test_two_imports_at_once_add_each_row_once(make_workshop, swot_command: list[str]) -> None:
    folder = make_workshop(language="sv", units={"hoganas": "Höganäs", "bjuv": "Bjuv"})
    export = folder.parent / "svar.csv"
    rows = [f"{'Höganäs' if n % 2 else 'Bjuv'};Svar {n};;" for n in range(40)]
    export.write_text(
        "Enhet;Styrkor – jämställdhet;Hot – tillgänglighet;Vikt\n" + "\n".join(rows),
        encoding="utf-8",
    )
    command = [*swot_command, "import", str(export), str(folder)]
    subprocess.run(command, check=True, capture_output=True, timeout=60)  # proposes the map

    running = [
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)
    ]
    codes = [process.wait(timeout=60) for process in running]

    assert codes == [0, 0]
    texts = [
        line
        for path in sorted((folder / "entries").rglob("*.yaml"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.startswith("  text: ")
    ]
    assert sorted(texts) == sorted(f"  text: Svar {n}" for n in range(40))
    marks = [
        line
        for path in (folder / "entries").rglob("*.yaml")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.startswith("# swot import ")
    ]
    assert len(marks) == 40 == len(set(marks))
    assert Path(folder / "entries" / "baseline" / "bjuv.yaml").is_file()
