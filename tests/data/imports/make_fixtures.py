"""The survey exports the import tests read, built from one set of six responses.

Each function writes one tool's export in that tool's own layout (see ``swot/files/imports/
sources.py`` for where the layouts come from): the columns the tool adds (ids, times, e-mail,
names), one column per question headed by the question, choice answers as their text,
several answers in one cell on separate lines or as bullets, and answers that say nothing
("vet ej", "-", "inget"). The CSV and text exports are also checked in beside this file;
``python tests/data/imports/make_fixtures.py`` writes them all again.

The workbooks (.xlsx) are written by the tests themselves (openpyxl), so no binary is kept
here, except ``password.xlsx``: ``forms_sv.xlsx`` encrypted with the password "swot" by
msoffcrypto-tool (``encrypt_password_xlsx``; msoffcrypto-tool is not a dependency of swot).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

HERE = Path(__file__).resolve().parent

# (unit as answered, e-mail, name, start, minutes, answers S W O T for equality then
#  accessibility, importance 1–5 or "", a free comment)
RESPONSES = [
    ("Höganäs", "anna.svensson@hoganas.se", "Anna Svensson", "2026-03-02 09:14:05", 7,
     ["Vi har en jämställdhetsplan",
      "- Planen följs inte upp\n- Chefer saknar tid för jämställdhetsarbete", "", "vet ej",
      "Ramp vid entrén", "Hissen till snickeriet är ofta trasig", "",
      "Mindre pengar till hjälpmedel"], 4, "Bra enkät, tack!"),
    ("Ängelholm", "erik.lind@engelholm.se", "Erik Lind", "2026-03-02 10:02:51", 12,
     ["Jämn könsfördelning i ledningen", "Lönekartläggningen görs inte varje år\nFå män i vården",
      "Ökat intresse för jämställdhet i ledningen", "-", "inget",
      "Ingen hörslinga i möteslokalen", "Personal som kan teckenspråk", ""], 5, ""),
    ("AME Båstad", "sara.ek@bastad.se", "Sara Ek", "2026-03-03 13:40:12", 9,
     ["", "Vi saknar rutiner för kränkande särbehandling", "", "Neddragningar i budgeten",
      "• Lättläst information på webben\n• Taltidning", "", "Samarbete med Region Skåne", ""],
     "", "Kontakta mig gärna: sara.ek@bastad.se"),
    ("Höganäs", "jonas.berg@hoganas.se", "Jonas Berg", "2026-03-04 08:05:33", 3,
     ["Vi har en jämställdhetsplan", "", "", "", "", "", "", ""], 3, ""),
    ("Örkelljunga", "", "", "2026-03-04 11:30:00", 1,
     ["", "vet ej", "", "", "", "", "", ""], "", ""),
    ("Höganäs", "maria.holm@hoganas.se", "Maria Holm", "2026-03-05 15:12:44", 2,
     ["Vi har en jämställdhetsplan", "", "", "", "", "", "", ""], 3, ""),
]  # fmt: skip

QUESTIONS_SV = [f"{q} – {t}" for t in ("jämställdhet", "tillgänglighet")
                for q in ("Styrkor", "Svagheter", "Möjligheter", "Hot")]  # fmt: skip
QUESTIONS_EN = [
    "What works well regarding gender equality?",
    "What works less well regarding gender equality?",
    "What opportunities do you see for gender equality?",
    "What threatens the work on gender equality?",
    "What works well regarding accessibility?",
    "What works less well regarding accessibility?",
    "What opportunities do you see for accessibility?",
    "What threatens the work on accessibility?",
]
LIMESURVEY_CODES = ["jamStyrkor", "jamSvagheter", "jamMojligheter", "jamHot",
                    "tillgStyrkor", "tillgSvagheter", "tillgMojligheter", "tillgHot"]  # fmt: skip
LIMESURVEY_TEXTS = [f"{q} inom {t}" for t in ("jämställdhet", "tillgänglighet")
                    for q in ("Styrkor", "Svagheter", "Möjligheter", "Hot")]  # fmt: skip
HANDMADE_SV = [f"{t}: {q.lower()}" for t in ("Jämställdhet", "Tillgänglighet")
               for q in ("Styrkor", "Svagheter", "Möjligheter", "Hot")]  # fmt: skip


def _times(start: str, minutes: int) -> tuple[dt.datetime, dt.datetime]:
    begin = dt.datetime.fromisoformat(start)
    return begin, begin + dt.timedelta(minutes=minutes)


def microsoft_forms(path: Path, lang: str = "sv") -> Path:
    """Microsoft Forms → Responses → Open in Excel: sheet "Form1", times as date cells."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Form1"
    if lang == "sv":
        fixed = ["ID", "Starttid", "Slutförandetid", "E-post", "Namn"]
        rest = ["Vilken enhet arbetar du på?", *QUESTIONS_SV,
                "Hur viktigt är arbetet med jämställdhet och tillgänglighet för dig?",
                "Övriga kommentarer"]  # fmt: skip
    else:
        fixed = ["ID", "Start time", "Completion time", "Email", "Name", "Last modified time"]
        rest = ["Which unit do you work in?", *QUESTIONS_EN,
                "How important is this work to you?", "Any other comments"]  # fmt: skip
    sheet.append(fixed + rest)
    for number, (unit, email, name, start, minutes, answers, weight, note) in enumerate(
        RESPONSES, start=1
    ):
        begin, end = _times(start, minutes)
        row: list[object] = [number, begin, end, email or "anonymous", name or None]
        if lang != "sv":
            row.append(None)
        row += [unit, *[a or None for a in answers], weight or None, note or None]
        sheet.append(row)
    book.properties.created = book.properties.modified = dt.datetime(2026, 3, 6)
    book.save(path)
    return path


def handmade_workbook(path: Path) -> Path:
    """A facilitator's own workbook: instructions on the first sheet, answers on "Svar"."""
    from openpyxl import Workbook

    book = Workbook()
    notes = book.active
    notes.title = "Instruktioner"
    notes.append(["Skriv ett svar per rad i cellen. Spara filen och skicka den till Lena."])
    sheet = book.create_sheet("Svar")
    sheet.append(["Enhet", *HANDMADE_SV, "Vikt (1–5)", "Kommentar"])
    for unit, _, _, _, _, answers, weight, note in RESPONSES:
        sheet.append([unit, *[a or None for a in answers], weight or None, note or None])
    book.save(path)
    return path


def _csv(rows: list[list[object]], delimiter: str = ",", quote_all: bool = False) -> str:
    buffer = io.StringIO()
    quoting = csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL
    writer = csv.writer(buffer, delimiter=delimiter, quoting=quoting, lineterminator="\r\n")
    writer.writerows(rows)
    return buffer.getvalue()


def google_forms(lang: str = "sv") -> str:
    """Google Forms → Download responses (.csv): UTF-8, every field quoted, the timestamp
    first (its format follows the form's language), then the e-mail address if collected."""
    header = ["Tidstämpel", "E-postadress", "Vilken enhet arbetar du på?", *QUESTIONS_SV,
              "Hur viktigt är arbetet för dig? (1–5)", "Övriga synpunkter"]  # fmt: skip
    if lang != "sv":
        header = ["Timestamp", "Email Address", "Which unit do you work in?", *QUESTIONS_EN,
                  "How important is this work to you? (1–5)", "Other comments"]  # fmt: skip
    rows: list[list[object]] = [header]
    for unit, email, _, start, minutes, answers, weight, note in RESPONSES:
        _, end = _times(start, minutes)
        stamp = (
            end.strftime("%Y-%m-%d %H:%M:%S")
            if lang == "sv"
            else (f"{end.month}/{end.day}/{end.year} {end.hour}:{end:%M:%S}")
        )
        rows.append([stamp, email, unit, *answers, weight, note])
    return _csv(rows, quote_all=True)


def limesurvey(headings: str = "code") -> str:
    """LimeSurvey → Export responses → CSV, with "question code" or "full question text"
    headings: every value quoted, the tool's own columns first (a survey with tokens)."""
    if headings == "code":
        fixed = ["id", "submitdate", "lastpage", "startlanguage", "seed", "startdate",
                 "datestamp", "token", "firstname", "lastname", "email"]  # fmt: skip
        rest = ["enhet", *LIMESURVEY_CODES, "vikt", "kommentar"]
    else:
        fixed = ["Response ID", "Date submitted", "Last page", "Start language", "Seed",
                 "Date started", "Date last action", "Token", "First name", "Last name",
                 "Email address"]  # fmt: skip
        rest = ["Vilken enhet arbetar du på?", *LIMESURVEY_TEXTS,
                "Hur viktigt är arbetet för dig? (1–5)", "Övriga kommentarer"]  # fmt: skip
    rows: list[list[object]] = [fixed + rest]
    for number, (unit, email, name, start, minutes, answers, weight, note) in enumerate(
        RESPONSES, start=1
    ):
        begin, end = _times(start, minutes)
        first, _, last = name.partition(" ")
        rows.append([number, f"{end}", 2, "sv", 1000 + number, f"{begin}", f"{end}",
                     f"tok{number:03d}", first, last, email, unit, *answers, weight, note])  # fmt: skip
    return _csv(rows, quote_all=True)


def handmade_rows() -> list[list[object]]:
    rows: list[list[object]] = [["Enhet", *HANDMADE_SV, "Vikt (1–5)", "Kommentar"]]
    for unit, _, _, _, _, answers, weight, note in RESPONSES:
        rows.append([unit, *answers, weight, note])
    return rows


def semicolon_csv() -> bytes:
    """Excel (Swedish) → Save as → CSV UTF-8 (kommaavgränsad): ';' between cells, a BOM."""
    return ("\ufeff" + _csv(handmade_rows(), delimiter=";")).encode("utf-8")


def unicode_text() -> bytes:
    """Excel → Save as → Unicode text (*.txt): UTF-16 LE with a BOM, tab-separated, CRLF."""
    return ("\ufeff" + _csv(handmade_rows(), delimiter="\t")).encode("utf-16-le")


def narrow_csv() -> str:
    """swot's own layout, one entry per row, as ``swot collect --from`` reads it."""
    return (
        "Enhet;Tema;Kvadrant;Text;Vikt;Svarande\r\n"
        "Höganäs;jämställdhet;svagheter;Ingen plan för aktiviteter;4;1\r\n"
        "Höganäs;tillgänglighet;hot;Neddragningar;5;1\r\n"
        "Bjuv;jämställdhet;styrkor;Flexibla lösningar;;2\r\n"
    )


TEXT_FIXTURES = {
    "google_sv.csv": lambda: google_forms("sv").encode("utf-8"),
    "google_en.csv": lambda: google_forms("en").encode("utf-8"),
    "limesurvey_codes.csv": lambda: limesurvey("code").encode("utf-8"),
    "limesurvey_text.csv": lambda: limesurvey("text").encode("utf-8"),
    "excel_sv.csv": semicolon_csv,
    "excel_unicode.txt": unicode_text,
    "narrow.csv": lambda: narrow_csv().encode("utf-8"),
}


def encrypt_password_xlsx(target: Path) -> None:  # pragma: no cover - run by hand, once
    """Write ``password.xlsx``: a Forms workbook encrypted as Excel does (needs msoffcrypto-tool)."""
    import tempfile

    from msoffcrypto.format.ooxml import OOXMLFile

    with tempfile.TemporaryDirectory() as folder:
        plain = microsoft_forms(Path(folder) / "plain.xlsx")
        with plain.open("rb") as source, target.open("wb") as out:
            OOXMLFile(source).encrypt("swot", out)


if __name__ == "__main__":
    for name, make in TEXT_FIXTURES.items():
        (HERE / name).write_bytes(make())
    if not (HERE / "password.xlsx").exists():
        encrypt_password_xlsx(HERE / "password.xlsx")
