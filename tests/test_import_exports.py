"""``swot import`` on the exports people really have (issue 12): each tool's layout imports with
the map swot proposes by itself, entry by entry; a second import adds nothing; no name, e-mail
address, time or free comment reaches any file under the workshop.

The exports are built in ``tests/data/imports/make_fixtures.py`` from one set of six responses,
in each tool's own layout (the layouts and where they come from: ``swot/files/imports/
sources.py``). Every export holds the same answers, so every import must give the entries below.
"""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest

from swot.cli import app
from swot.files.entries import read_entries_file
from swot.files.imports.rows import RowReader
from swot.files.workshop import load_workshop

DATA = Path(__file__).resolve().parent / "data" / "imports"
_spec = importlib.util.spec_from_file_location("make_fixtures", DATA / "make_fixtures.py")
assert _spec is not None and _spec.loader is not None
fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fixtures)

UNITS = {
    "hoganas": "Höganäs",
    "angelholm": "Ängelholm",
    "bastad": "Båstad",
    "orkelljunga": "Örkelljunga",
    "bjuv": "Bjuv",
}
EQ, ACC = "equality", "accessibility"
S, W, OP, T = "strengths", "weaknesses", "opportunities", "threats"
# (unit, theme, quadrant, text, importance, respondent) in file order: what the six responses
# must give. Response 5 (Örkelljunga: "vet ej" only) gives nothing; responses 4 and 6 answered
# alike and are two respondents.
EXPECTED = [
    ("angelholm", EQ, S, "Jämn könsfördelning i ledningen", 5, "r01"),
    ("angelholm", EQ, W, "Lönekartläggningen görs inte varje år", 5, "r01"),
    ("angelholm", EQ, W, "Få män i vården", 5, "r01"),
    ("angelholm", EQ, OP, "Ökat intresse för jämställdhet i ledningen", 5, "r01"),
    ("angelholm", ACC, W, "Ingen hörslinga i möteslokalen", 5, "r01"),
    ("angelholm", ACC, OP, "Personal som kan teckenspråk", 5, "r01"),
    ("bastad", EQ, W, "Vi saknar rutiner för kränkande särbehandling", None, "r01"),
    ("bastad", EQ, T, "Neddragningar i budgeten", None, "r01"),
    ("bastad", ACC, S, "Lättläst information på webben", None, "r01"),
    ("bastad", ACC, S, "Taltidning", None, "r01"),
    ("bastad", ACC, OP, "Samarbete med Region Skåne", None, "r01"),
    ("hoganas", EQ, S, "Vi har en jämställdhetsplan", 4, "r01"),
    ("hoganas", EQ, W, "Planen följs inte upp", 4, "r01"),
    ("hoganas", EQ, W, "Chefer saknar tid för jämställdhetsarbete", 4, "r01"),
    ("hoganas", ACC, S, "Ramp vid entrén", 4, "r01"),
    ("hoganas", ACC, W, "Hissen till snickeriet är ofta trasig", 4, "r01"),
    ("hoganas", ACC, T, "Mindre pengar till hjälpmedel", 4, "r01"),
    ("hoganas", EQ, S, "Vi har en jämställdhetsplan", 3, "r02"),
    ("hoganas", EQ, S, "Vi har en jämställdhetsplan", 3, "r03"),
]
# What the exports hold that must never be written: names, e-mail addresses, times, comments.
PERSONAL = [
    "anna.svensson", "Anna Svensson", "Svensson", "erik.lind", "Erik Lind", "sara.ek@",
    "Sara Ek", "Jonas Berg", "Maria Holm", "@hoganas.se", "09:14", "10:02", "2026-03-0",
    "3/2/2026", "Kontakta mig", "Bra enkät", "tok00",
]  # fmt: skip


def _write(name: str, folder: Path) -> Path:
    """One export under ``folder``: a workbook built now, or a text export from tests/data."""
    path = folder / name
    if name == "forms_sv.xlsx":
        return fixtures.microsoft_forms(path, "sv")
    if name == "forms_en.xlsx":
        return fixtures.microsoft_forms(path, "en")
    if name == "handmade.xlsx":
        return fixtures.handmade_workbook(path)
    shutil.copyfile(DATA / name, path)
    return path


EXPORTS = [
    "forms_sv.xlsx",  # Microsoft Forms in Swedish
    "forms_en.xlsx",  # Microsoft Forms in English (with "Last modified time")
    "google_sv.csv",  # Google Forms, Swedish headings ("Tidstämpel")
    "google_en.csv",  # Google Forms, English ("Timestamp", "Email Address")
    "limesurvey_codes.csv",  # LimeSurvey, "question code" headings
    "limesurvey_text.csv",  # LimeSurvey, "full question text" headings
    "handmade.xlsx",  # a facilitator's own workbook: instructions first, answers on "Svar"
    "excel_sv.csv",  # that sheet saved by Swedish Excel as CSV UTF-8: ';' and a BOM
    "excel_unicode.txt",  # that sheet saved as Unicode text: UTF-16, tab-separated
]


@pytest.fixture
def workshop(make_workshop) -> Path:
    return make_workshop(language="sv", units=UNITS, rounds={"2026-kv1": dict.fromkeys(UNITS, 4)})


def entries_of(folder: Path) -> list[tuple]:
    loaded = load_workshop(folder)
    found = []
    for path in sorted((folder / "entries" / "2026-kv1").glob("*.yaml")):
        result = read_entries_file(path, loaded)
        assert result.ok, result.problems
        found += [
            (path.stem, e.theme, e.quadrant.value, e.text, e.importance, e.respondent)
            for e in result.entries
        ]
    return found


def swot_import(runner, *args: str):
    return runner.invoke(app, ["import", *args])


@pytest.mark.parametrize("name", EXPORTS)
def test_each_export_imports_with_the_map_swot_proposes(
    workshop: Path, tmp_path: Path, runner, name: str
) -> None:
    export = _write(name, tmp_path)

    first = swot_import(runner, str(export), str(workshop))
    assert first.exit_code == 0, first.output
    assert not (workshop / "entries" / "2026-kv1").exists()  # the first run only proposes
    second = swot_import(runner, str(export), str(workshop))

    assert second.exit_code == 0, second.output
    assert entries_of(workshop) == EXPECTED


@pytest.mark.parametrize("name", ["forms_sv.xlsx", "google_en.csv", "limesurvey_codes.csv"])
def test_importing_the_same_export_again_leaves_every_file_byte_identical(
    workshop: Path, tmp_path: Path, runner, name: str
) -> None:
    export = _write(name, tmp_path)
    for _ in range(2):
        assert swot_import(runner, str(export), str(workshop)).exit_code == 0
    before = {p: p.read_bytes() for p in workshop.rglob("*") if p.is_file()}

    again = swot_import(runner, str(export), str(workshop))

    assert again.exit_code == 0, again.output
    assert {p: p.read_bytes() for p in workshop.rglob("*") if p.is_file()} == before
    assert "Inget nytt att lägga till: alla 5 rader med svar är redan importerade." in again.output


def test_a_grown_export_adds_only_its_new_rows(
    workshop: Path, tmp_path: Path, runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    export = tmp_path / "svar.csv"
    with monkeypatch.context() as week1:
        week1.setattr(fixtures, "RESPONSES", fixtures.RESPONSES[:3])
        export.write_text(fixtures.google_forms("sv"), encoding="utf-8")
    for _ in range(2):
        assert swot_import(runner, str(export), str(workshop)).exit_code == 0
    export.write_text(fixtures.google_forms("sv"), encoding="utf-8")  # next week: 3 more rows

    grown = swot_import(runner, str(export), str(workshop))

    assert grown.exit_code == 0, grown.output
    assert entries_of(workshop) == EXPECTED
    assert "│ Höganäs   │            2 │          2 │                 1 │" in grown.output


@pytest.mark.parametrize("name", ["forms_sv.xlsx", "forms_en.xlsx", "limesurvey_text.csv"])
def test_names_addresses_times_and_comments_are_written_nowhere(
    workshop: Path, tmp_path: Path, runner, name: str
) -> None:
    export = _write(name, tmp_path)
    outputs = [swot_import(runner, str(export), str(workshop)).output for _ in range(2)]
    outputs.append(swot_import(runner, str(export), str(workshop), "--dry-run").output)

    written = [p for p in workshop.rglob("*") if p.is_file()]
    assert any(p.suffix == ".yaml" and "entries" in p.parts for p in written)
    leaks = [
        (str(p.relative_to(workshop)), word)
        for p in written
        for word in PERSONAL
        if word.casefold() in p.read_bytes().decode("utf-8", "replace").casefold()
    ]
    assert leaks == []
    assert [word for word in PERSONAL for out in outputs if word in out] == []


def test_the_proposal_says_what_is_left_out_and_where_the_map_is(
    workshop: Path, tmp_path: Path, runner
) -> None:
    export = _write("forms_sv.xlsx", tmp_path)

    result = swot_import(runner, str(export), str(workshop))

    assert result.exit_code == 0, result.output
    assert (
        "Läses inte och skrivs aldrig någonstans: 6 kolumner, bland dem en som ser ut att "
        "innehålla e-postadresser, en med namn och 2 med tidpunkter."
    ) in " ".join(result.output.split())  # the terminal's width decides where lines break
    assert "F       Vilken enhet arbetar du på?" in result.output
    assert "Hot – tillgänglighet" in result.output and "Tillgänglighet · Hot" in result.output
    assert (workshop / "imports" / "forms_sv.map.yaml").is_file()
    assert "Förslaget är sparat i" in result.output


def test_the_map_of_a_forms_download_is_found_again_next_week(
    workshop: Path, tmp_path: Path, runner
) -> None:
    """Microsoft Forms names each download '<form>(1-<n>).xlsx'; the range is left out."""
    week1 = fixtures.microsoft_forms(tmp_path / "Enkät 2026(1-6).xlsx")
    assert swot_import(runner, str(week1), str(workshop)).exit_code == 0
    week2 = tmp_path / "Enkät 2026(1-9).xlsx"
    week1.rename(week2)

    result = swot_import(runner, str(week2), str(workshop))

    assert result.exit_code == 0, result.output
    assert "Mappning: " in result.output and "Enkät 2026.map.yaml" in result.output
    assert len(entries_of(workshop)) == len(EXPECTED)


def test_a_dry_run_writes_nothing_not_even_the_map(workshop: Path, tmp_path: Path, runner) -> None:
    export = _write("google_sv.csv", tmp_path)
    before = sorted(p for p in workshop.rglob("*"))

    result = swot_import(runner, str(export), str(workshop), "--dry-run")

    assert result.exit_code == 0, result.output
    assert sorted(p for p in workshop.rglob("*")) == before
    assert "│ Höganäs   │            3 │          8 │                 0 │" in result.output
    assert "  Höganäs · Jämställdhet · Svagheter: Planen följs inte upp (vikt 4)" in result.output


def test_comments_a_person_writes_in_the_map_survive_every_run(
    workshop: Path, tmp_path: Path, runner
) -> None:
    export = _write("google_sv.csv", tmp_path)
    assert swot_import(runner, str(export), str(workshop)).exit_code == 0
    path = workshop / "imports" / "google_sv.map.yaml"
    edited = "# Lena, 6 mars: kontrollerad\n" + path.read_text(encoding="utf-8")
    path.write_text(edited, encoding="utf-8")

    for _ in range(2):
        assert swot_import(runner, str(export), str(workshop)).exit_code == 0

    assert path.read_text(encoding="utf-8") == edited


def test_rows_of_swots_own_layout_keep_their_respondents_together(
    workshop: Path, tmp_path: Path, runner
) -> None:
    export = _write("narrow.csv", tmp_path)

    for _ in range(3):
        result = swot_import(runner, str(export), str(workshop))
        assert result.exit_code == 0, result.output

    assert entries_of(workshop) == [
        ("bjuv", EQ, S, "Flexibla lösningar", None, "r01"),
        ("hoganas", EQ, W, "Ingen plan för aktiviteter", 4, "r01"),
        ("hoganas", ACC, T, "Neddragningar", 5, "r01"),
    ]


def test_a_weekly_rerun_reads_no_answer_of_the_rows_it_imported_before(
    workshop: Path, tmp_path: Path, runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    export = _write("google_sv.csv", tmp_path)
    for _ in range(2):
        assert swot_import(runner, str(export), str(workshop)).exit_code == 0
    read: list[str] = []
    answers = RowReader.answers
    monkeypatch.setattr(
        RowReader, "answers", lambda self, *args: read.append(args[2]) or answers(self, *args)
    )

    for extra in ([], ["--dry-run"]):
        again = swot_import(runner, str(export), str(workshop), *extra)

        assert again.exit_code == 0, again.output
        assert "alla 5 rader med svar är redan importerade" in again.output
    assert set(read) == {"vet ej"}  # only the row without answers: it left no mark


@pytest.mark.parametrize("dry_run", [False, True])
def test_one_who_answered_as_one_imported_before_is_imported_the_week_after(
    workshop: Path, tmp_path: Path, runner, monkeypatch: pytest.MonkeyPatch, dry_run: bool
) -> None:
    export = tmp_path / "svar.csv"
    with monkeypatch.context() as week1:  # response 4; response 6 (answered alike) comes later
        week1.setattr(fixtures, "RESPONSES", fixtures.RESPONSES[:4])
        export.write_text(fixtures.google_forms("sv"), encoding="utf-8")
    for _ in range(2):
        assert swot_import(runner, str(export), str(workshop)).exit_code == 0
    export.write_text(fixtures.google_forms("sv"), encoding="utf-8")

    grown = swot_import(runner, str(export), str(workshop), *(["--dry-run"] if dry_run else []))

    assert grown.exit_code == 0, grown.output
    assert "│ Höganäs   │            1 │          1 │                 2 │" in grown.output
    if not dry_run:
        assert entries_of(workshop) == EXPECTED
