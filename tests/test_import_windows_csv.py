"""``swot import`` of a CSV file saved by Swedish Excel as "CSV (semikolonavgränsad)": its bytes
are Windows-1252 ("ANSI"), not UTF-8. Such a file is read as Windows-1252 (and says so) when
its bytes are not UTF-8, decode as Windows-1252 and hold å, ä or ö with nothing but letters and
the signs Swedish text has; any other file that is not UTF-8 is refused as before."""

from __future__ import annotations

from pathlib import Path

import pytest

from swot.cli import app
from swot.files.imports.tables import windows_text

UNITS = {"hoganas": "Höganäs", "angelholm": "Ängelholm"}
LINES = [
    "Vilken enhet arbetar du på?;Styrkor – jämställdhet;Hot – tillgänglighet;Vikt",
    "Höganäs;Vi har en jämställdhetsplan;”Hissen” är ofta trasig…;4",
    "Ängelholm;Öppna möten, även för föräldrar;;5",
]


@pytest.fixture
def workshop(make_workshop) -> Path:
    return make_workshop(language="sv", units=UNITS, rounds={"2026-kv1": {}})


def write(path: Path, encoding: str, lines: list[str] = LINES) -> Path:
    path.write_bytes("\r\n".join(lines).encode(encoding) + b"\r\n")
    return path


def imported(runner, export: Path, folder: Path):
    runner.invoke(app, ["import", str(export), str(folder)])  # proposes the map
    return runner.invoke(app, ["import", str(export), str(folder)])


def entries(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((folder / "entries").rglob("*.yaml"))}


def test_a_windows_1252_export_imports_as_the_same_export_in_utf8(
    make_workshop, runner, tmp_path: Path
) -> None:
    ansi = make_workshop(language="sv", units=UNITS, rounds={"2026-kv1": {}}, folder="ansi")
    utf8 = make_workshop(language="sv", units=UNITS, rounds={"2026-kv1": {}}, folder="utf8")

    result = imported(runner, write(tmp_path / "svar.csv", "cp1252"), ansi)
    imported(runner, write(tmp_path / "svar-utf8.csv", "utf-8"), utf8)

    assert result.exit_code == 0, result.output
    assert entries(ansi) == entries(utf8)
    assert "”Hissen” är ofta trasig…" in entries(ansi)["hoganas.yaml"].decode("utf-8")


def test_reading_a_windows_1252_export_says_which_encoding_it_assumed(
    workshop: Path, runner, tmp_path: Path
) -> None:
    result = runner.invoke(
        app, ["import", str(write(tmp_path / "svar.csv", "cp1252")), str(workshop), "--dry-run"]
    )

    assert result.exit_code == 0, result.output
    assert (
        "filen är inte UTF-8; den lästes som Windows-1252 (”ANSI”), som svenska Excel sparar "
        "”CSV (semikolonavgränsad)”" in " ".join(result.output.split())
    )
    assert "spara filen i Excel som ”CSV UTF-8 (kommaavgränsad)”" in " ".join(result.output.split())


def test_a_utf8_export_says_nothing_of_its_encoding(workshop: Path, runner, tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["import", str(write(tmp_path / "svar.csv", "utf-8")), str(workshop), "--dry-run"]
    )

    assert result.exit_code == 0, result.output
    assert "Windows-1252" not in result.output


def test_an_export_in_another_code_page_is_refused_as_not_utf8(
    workshop: Path, runner, tmp_path: Path
) -> None:
    dos = [line.replace("–", "-").replace("”", '"').replace("…", "...") for line in LINES]

    result = runner.invoke(
        app, ["import", str(write(tmp_path / "svar.csv", "cp850", dos)), str(workshop)]
    )

    assert result.exit_code == 1
    assert "UTF-8" in result.output and "Windows-1252 (" not in result.output
    assert not (workshop / "entries").exists() or not any((workshop / "entries").rglob("*.yaml"))


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Enhet;Svar\nHöganäs;Åtgärder saknas\n", "cp850"),  # å → †, ä → „
        ("Enhet;Svar\nHöganäs;Åtgärder saknas\n", "mac_roman"),  # Å is no Windows-1252 byte
        ("Unit;Answer\nLund;Café crème\n", "cp1252"),  # no å, ä or ö: not known to be Swedish
    ],
)
def test_bytes_are_taken_as_windows_1252_only_when_they_read_as_swedish(
    text: str, encoding: str
) -> None:
    assert windows_text(text.encode(encoding)) is None


def test_windows_1252_bytes_read_as_their_text_with_lf_line_ends() -> None:
    text = "Enhet;Svar\r\nHöganäs;Åtgärder – snart\r\n"

    assert windows_text(text.encode("cp1252")) == "Enhet;Svar\nHöganäs;Åtgärder – snart\n"
