"""``swot import`` on what goes wrong (issue 12): every case is a clear message naming the file
(and sheet, row, column and heading, or the map's line), what is wrong and how to fix it;
never a traceback, and nothing is written unless every mapped row is valid."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from swot.cli import app

DATA = Path(__file__).resolve().parent / "data" / "imports"
UNITS = {"hoganas": "Höganäs", "angelholm": "Ängelholm", "bastad": "Båstad"}
HEADER = "Enhet;Styrkor – jämställdhet;Hot – tillgänglighet;Vikt"


@pytest.fixture
def workshop(make_workshop) -> Path:
    return make_workshop(language="sv", units=UNITS, rounds={"2026-kv1": {}})


def swot_import(runner, *args: str):
    return runner.invoke(app, ["import", *args])


def export(tmp_path: Path, *rows: str, name: str = "svar.csv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def imported(runner, path: Path, folder: Path, *options: str):
    """The second run of an export (the first writes the proposed map)."""
    swot_import(runner, str(path), str(folder))
    return swot_import(runner, str(path), str(folder), *options)


def nothing_written(folder: Path) -> bool:
    return not (folder / "entries").exists() or not any((folder / "entries").rglob("*.yaml"))


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("svar.xlsx", b"%PDF-1.7\n...", "filen är inget kalkylblad utan en PDF"),
        ("svar.csv", b"\x89PNG\r\n\x1a\n\x00\x00", "filen är inget kalkylblad utan en bild"),
        ("svar.csv", b"ab\x00\x01cd\x00\x00", "filen är inget kalkylblad utan binära data"),
        ("svar.ods", b"PK\x03\x04", "swot import läser .xlsx, .csv, .tsv och .txt, inte '.ods'"),
        ("svar.csv", b"", "filen har inga rader"),
        ("svar.csv", b"\r\n;;\r\n", "filen har inga rader"),
    ],
)
def test_a_file_that_is_no_spreadsheet_says_what_it_is(
    workshop: Path, tmp_path: Path, runner, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)

    result = swot_import(runner, str(path), str(workshop))

    assert result.exit_code == 1
    assert result.output.startswith(f"{path}: {message}\n  → ")
    assert "Traceback" not in result.output
    assert not (workshop / "imports").exists()


def test_a_zip_and_a_word_file_are_named_for_what_they_are(
    workshop: Path, tmp_path: Path, runner
) -> None:
    download = tmp_path / "svar.csv"  # Google Forms hands the CSV over in a zip
    with zipfile.ZipFile(download, "w") as archive:
        archive.writestr("Enkät.csv", "Tidstämpel,Enhet\n")
    letter = tmp_path / "svar.xlsx"
    with zipfile.ZipFile(letter, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")

    zipped = swot_import(runner, str(download), str(workshop))
    word = swot_import(runner, str(letter), str(workshop))

    assert zipped.output == (
        f"{download}: filen är ett zip-arkiv, inget kalkylblad\n"
        "  → packa upp den (Google Formulär lägger svaren i en zip-fil) och kör swot import på "
        ".csv-filen i den\n"
    )
    assert word.output.startswith(f"{letter}: filen är inget kalkylblad utan ett Word-dokument\n")


def test_a_password_protected_workbook_says_how_to_remove_the_password(
    workshop: Path, tmp_path: Path, runner
) -> None:
    path = Path(shutil.copy(DATA / "password.xlsx", tmp_path / "svar.xlsx"))

    result = swot_import(runner, str(path), str(workshop), "--lang", "en")

    assert result.exit_code == 1
    assert result.output == (
        f"{path}: the file is password-protected, so swot cannot read it\n"
        "  → open it in Excel, remove the password (File → Info → Protect Workbook → Encrypt "
        "with Password, clear the box), save, and run swot import again\n"
    )


def test_an_empty_sheet_is_named(workshop: Path, tmp_path: Path, runner) -> None:
    from openpyxl import Workbook

    path = tmp_path / "svar.xlsx"
    book = Workbook()
    book.active.title = "Form1"
    book.save(path)

    result = swot_import(runner, str(path), str(workshop))

    assert result.exit_code == 1
    assert result.output == (
        f'{path}: blad "Form1" har inga rader\n'
        "  → exportera svaren igen; första raden ska vara frågorna och varje rad därunder ett "
        "svar\n"
    )


def test_units_are_matched_in_any_case_with_or_without_a_ring_or_dots(
    workshop: Path, tmp_path: Path, runner
) -> None:
    path = export(
        tmp_path, "HÖGANÄS;Bra plan;;", "angelholm;Tydliga mål;;", "Bastad;Öppen ledning;;"
    )

    result = imported(runner, path, workshop)

    assert result.exit_code == 0, result.output
    assert sorted(p.stem for p in (workshop / "entries" / "2026-kv1").glob("*.yaml")) == [
        "angelholm",
        "bastad",
        "hoganas",
    ]


def test_a_unit_nobody_can_match_stops_the_import_with_did_you_mean(
    workshop: Path, tmp_path: Path, runner
) -> None:
    path = export(tmp_path, "Höganäs;Bra plan;;", "Hganäs;Tydliga mål;;", "Helsingborg;Nära;;")

    result = imported(runner, path, workshop)

    assert result.exit_code == 1
    assert result.output == (
        f"{path}: rad 3, kolumn A (\"Enhet\"): 'Hganäs' är ingen enhet i den här workshoppen; "
        "menade du 'Höganäs'?\n"
        "  → lägg till en rad under 'enheter:' i ws/imports/svar.map.yaml, t.ex. \"Hganäs\": "
        "hoganas, eller rätta svaret i exporten (enheter: hoganas, angelholm, bastad)\n"
        f"{path}: rad 4, kolumn A (\"Enhet\"): 'Helsingborg' är ingen enhet i den här workshoppen\n"
        "  → lägg till en rad under 'enheter:' i ws/imports/svar.map.yaml, t.ex. \"Helsingborg\": "
        "<enhetens id>, eller rätta svaret i exporten (enheter: hoganas, angelholm, bastad)\n"
        f"{path}: inget importerades: 2 av exportens rader har fel (se ovan)\n"
        "  → rätta dem i exporten eller i ws/imports/svar.map.yaml, eller kör med "
        "--skip-bad-rows för att importera de andra raderna\n"
    ).replace("ws/", f"{workshop}/")
    assert nothing_written(workshop)


def test_a_unit_the_map_translates_is_imported(workshop: Path, tmp_path: Path, runner) -> None:
    path = export(tmp_path, "Helsingborg;Nära;;")
    swot_import(runner, str(path), str(workshop))
    map_file = workshop / "imports" / "svar.map.yaml"
    map_file.write_text(
        map_file.read_text(encoding="utf-8") + "enheter:\n  Helsingborg: bastad\n", encoding="utf-8"
    )

    result = swot_import(runner, str(path), str(workshop))

    assert result.exit_code == 0, result.output
    assert (workshop / "entries" / "2026-kv1" / "bastad.yaml").is_file()


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (
            "Höganäs;" + "Lång mening. " * 160 + ";;",
            'rad 2, kolumn B ("Styrkor – jämställdhet"): texten är 2079 tecken; högst 2000 '
            "tillåts\n  → korta svaret, eller skriv varje svar på en egen rad i cellen (varje rad "
            "blir en post)",
        ),
        (
            'Höganäs;;"=HYPERLINK(""http://example.org"";""Klicka"")";',
            'rad 2, kolumn C ("Hot – tillgänglighet"): \'=HYPERLINK("http://example.org";"Klicka…\' '
            "ser ut som en formel, inte som ett svar\n  → kopiera kolumnen i Excel och klistra in "
            "den som värden (Klistra in special → Värden), eller töm cellen",
        ),
        (
            "Höganäs;Bra plan;;mycket",
            "rad 2, kolumn D (\"Vikt\"): 'mycket' är inget heltal\n  → skriv ett heltal, t.ex. 4",
        ),
        (
            "Höganäs;Bra plan;;7",
            'rad 2, kolumn D ("Vikt"): 7 ligger utanför 1–5\n  → använd ett tal från 1 till 5',
        ),
        (
            ";Bra plan;;",
            'rad 2, kolumn A ("Enhet"): raden anger ingen enhet (cellen är tom)\n  → fyll i '
            "enheten i exporten, eller kör med --skip-bad-rows för att hoppa över raden",
        ),
    ],
)
def test_a_bad_cell_is_named_by_row_column_and_heading_and_nothing_is_written(
    workshop: Path, tmp_path: Path, runner, row: str, message: str
) -> None:
    path = export(tmp_path, row)

    result = imported(runner, path, workshop)

    assert result.exit_code == 1
    assert result.output.startswith(f"{path}: {message}\n")
    assert nothing_written(workshop)


def test_skip_bad_rows_imports_the_others_and_lists_those_left_out(
    workshop: Path, tmp_path: Path, runner
) -> None:
    path = export(
        tmp_path, "Höganäs;Bra plan;;4", "Hganäs;Tydliga mål;;", "Båstad;;Neddragningar;9"
    )

    result = imported(runner, path, workshop, "--skip-bad-rows")

    assert result.exit_code == 0, result.output
    assert "Utelämnade 2 rader med fel (--skip-bad-rows):\n" in result.output
    assert f"{path}: rad 3, kolumn A (\"Enhet\"): 'Hganäs' är ingen enhet" in result.output
    assert f'{path}: rad 4, kolumn D ("Vikt"): 9 ligger utanför 1–5' in result.output
    assert [p.stem for p in (workshop / "entries" / "2026-kv1").glob("*.yaml")] == ["hoganas"]


def test_a_broken_map_file_names_every_line_that_is_wrong(
    workshop: Path, tmp_path: Path, runner
) -> None:
    path = export(tmp_path, "Höganäs;Bra plan;;4")
    swot_import(runner, str(path), str(workshop))
    map_file = workshop / "imports" / "svar.map.yaml"
    text = map_file.read_text(encoding="utf-8")
    text = text.replace("rubrik: Styrkor – jämställdhet", "rubrik: Styrkor - jämställdhet")
    text = text.replace("kvadrant: hot", "kvadrant: hött").replace("\nvikt:", "\nvikter:")
    map_file.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    at = {
        word: next(i for i, line in enumerate(lines, 1) if word in line)
        for word in ("vikter", "Styrkor -", "hött")
    }

    result = swot_import(runner, str(path), str(workshop))

    assert result.exit_code == 1
    assert result.output == (
        f"{map_file}:{at['vikter']}:1: okänd nyckel 'vikter'; menade du 'vikt'?\n"
        "  → tillåtna nycklar här: rader, blad, enhetskolumn, enhet, vikt, tema, kolumner, "
        "enheter, hoppa över, läses inte\n"
        f"{map_file}:{at['Styrkor -']}:13: post 1 under kolumner: exporten har ingen kolumn med "
        "rubriken 'Styrkor - jämställdhet'; menade du 'Styrkor – jämställdhet'?\n"
        "  → kopiera rubriken från exportens första rad, eller ange kolumnens bokstav: "
        "'kolumn: F'\n"
        f"{map_file}:{at['hött']}:15: post 2 under kolumner: 'hött' är ingen kvadrant; menade du "
        "'hot'?\n"
        "  → använd styrkor, svagheter, möjligheter eller hot (eller strengths, weaknesses, "
        "opportunities, threats; S/W/O/T)\n"
    )
    assert nothing_written(workshop)


def test_a_map_file_that_is_not_yaml_gives_its_line(workshop: Path, tmp_path: Path, runner) -> None:
    path = export(tmp_path, "Höganäs;Bra plan;;4")
    swot_import(runner, str(path), str(workshop))
    map_file = workshop / "imports" / "svar.map.yaml"
    map_file.write_text("rader: svarande\nkolumner:\n  - rubrik: [Styrkor\n", encoding="utf-8")

    result = swot_import(runner, str(path), str(workshop))

    assert result.exit_code == 1
    assert result.output.startswith(f"{map_file}:4:1: detta är inte giltig YAML: ")
    assert "Traceback" not in result.output


def test_a_unit_file_someone_broke_stops_the_import_before_anything_is_written(
    workshop: Path, tmp_path: Path, runner
) -> None:
    path = export(tmp_path, "Ängelholm;Bra plan;;", "Höganäs;Tydliga mål;;")
    swot_import(runner, str(path), str(workshop))
    broken = workshop / "entries" / "2026-kv1" / "hoganas.yaml"
    broken.parent.mkdir(parents=True)
    broken.write_text(
        "- tema: jämställdhet\n  kvadrant: styrkor\n  text: Vi säger: alla\n", encoding="utf-8"
    )

    result = swot_import(runner, str(path), str(workshop))

    assert result.exit_code == 1
    assert "hoganas.yaml har fel, så swot lägger inte till något i den:\n" in result.output
    assert "kör swot import igen; inget importerades" in result.output
    assert not (workshop / "entries" / "2026-kv1" / "angelholm.yaml").exists()


def test_an_export_that_does_not_exist_is_a_usage_error(workshop: Path, runner) -> None:
    result = swot_import(runner, "finns-inte.xlsx", str(workshop))

    assert result.exit_code == 2
    assert result.output == "finns-inte.xlsx finns inte\n  → kontrollera sökvägen till exporten\n"
