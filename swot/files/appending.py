"""Putting entries into a unit's file, for every way in (``swot collect``'s prompts in
``swot.cli.prompts``, ``--text`` and ``--from`` in ``swot.jobs.collect``).

Every save goes through :class:`EntriesAppender`: under the file's lock it re-reads the file,
refuses a file a person broke (saying file:line), picks the next free respondent id, appends
without touching existing bytes, and checks the complete new file before it replaces the old.
A broken file's entries go to a side file (``unsaved/<round>/<unit>-<time>.yaml``) instead."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from swot.errors import Problem, SwotError
from swot.files.entries import EntriesFile, read_entries_file
from swot.files.located import display_path
from swot.files.messages import MESSAGES as LOADER_MESSAGES
from swot.files.storage import append_entries
from swot.files.workshop import LoadedWorkshop
from swot.i18n import Catalogue, say
from swot.models import MAX_TEXT_LENGTH, Entry
from swot.words import WORDS

if TYPE_CHECKING:
    pass

UNSAVED_DIR = "unsaved"
RESPONDENT_ID = re.compile(r"^r(\d+)$")
NEW_RESPONDENT = {"new", "ny"}
UNIT_COLUMNS = {"unit", "enhet"}

MESSAGES: Catalogue = {
    # interactive prompts
    "round": WORDS["round"],
    "latest": {"sv": "senaste", "en": "latest"},
    "unit": WORDS["unit"],
    "mode": {"sv": "Vad registrerar du?", "en": "What are you recording?"},
    "mode.survey": {
        "sv": "Enkätsvar – en anonym svarande i taget",
        "en": "Survey answers – one anonymous respondent at a time",
    },
    "mode.workshop": {
        "sv": "Workshop – enhetens gemensamma poster",
        "en": "Workshop – the unit's agreed entries",
    },
    "theme": WORDS["theme"],
    "quadrant": WORDS["quadrant"],
    "arrows": {"sv": "(piltangenter, Enter väljer)", "en": "(arrow keys, Enter chooses)"},
    "arrows_filter": {
        "sv": "(piltangenter, eller skriv för att filtrera)",
        "en": "(arrow keys, or type to filter)",
    },
    "so_far": {"sv": "{count} hittills", "en": "{count} so far"},
    "new_respondent": {"sv": "ny svarande", "en": "new respondent"},
    "entry.instruction": {"sv": "(tom rad = klar)", "en": "(empty line = done)"},
    "importance": {"sv": "Vikt 1–5", "en": "Importance 1–5"},
    "importance.optional": {"sv": "(Enter = ingen vikt)", "en": "(Enter = none)"},
    "importance.required": {"sv": "(obligatorisk)", "en": "(required)"},
    "importance.missing": {
        "sv": "Vikt krävs i den här workshoppen: skriv en siffra 1–5",
        "en": "This workshop requires an importance: type a number 1–5",
    },
    "next": {"sv": "Vad vill du göra nu?", "en": "What next?"},
    "next.quadrant": {"sv": "Nästa kvadrant: {name}", "en": "Next quadrant: {name}"},
    "next.theme": {"sv": "Nästa tema: {name}", "en": "Next theme: {name}"},
    "next.choose": {"sv": "Välj tema och kvadrant", "en": "Choose theme and quadrant"},
    "next.respondent": {"sv": "Nästa svarande", "en": "Next respondent"},
    "next.finish": {"sv": "Avsluta", "en": "Finish"},
    "yes": {"sv": "Ja", "en": "Yes"},
    "no": {"sv": "Nej", "en": "No"},
    # what the session says
    "target": {
        "sv": "Sparar i {file} (finns redan: {count})",
        "en": "Saving to {file} (already there: {count})",
    },
    "target.new": {
        "sv": "Sparar i {file} (ny fil)",
        "en": "Saving to {file} (a new file)",
    },
    "respondent_id": {
        "sv": "  Svarande {respondent} sparad",
        "en": "  Respondent {respondent} saved",
    },
    "offer_side_file": {
        "sv": "Spara sessionens poster i en sidofil i stället, så att inget går förlorat?",
        "en": "Save this session's entries to a side file instead, so that nothing is lost?",
    },
    "side_file_header": {
        "sv": "# Sparad av {command} eftersom {file} hade fel.\n"
        "# Rätta {file} (swot validate visar var), och flytta sedan posterna nedan dit.\n",
        "en": "# Saved by {command} because {file} had mistakes.\n"
        "# Fix {file} (swot validate shows where), then move the entries below into it.\n",
    },
    "side_file_now": {
        "sv": "Posterna sparas nu i {file}",
        "en": "Entries are now saved to {file}",
    },
    "interrupted": {
        "sv": "Avbrutet – sparade {count} i {file}.",
        "en": "Interrupted – saved {count} in {file}.",
    },
    "interrupted.none": {
        "sv": "Avbrutet – inga poster sparades.",
        "en": "Interrupted – no entries were saved.",
    },
    "entries_count": {"sv": "{count} poster", "en": "{count} entries"},
    "entries_count.one": {"sv": "1 post", "en": "1 entry"},
    # errors
    "invalid_file": {
        "sv": "{file} har fel, så swot lägger inte till något i den:",
        "en": "{file} has mistakes, so swot will not add to it:",
    },
    "invalid_file.hint": {
        "sv": "rätta felen (swot validate visar dem) och kör swot collect igen",
        "en": "fix the mistakes (swot validate lists them) and run swot collect again",
    },
    "append_broke": {
        "sv": "att lägga till poster sist i {file} skulle göra filen ogiltig:",
        "en": "adding entries at the end of {file} would make it invalid:",
    },
    "append_broke.hint": {
        "sv": "kontrollera filens sista rader (t.ex. '...' eller en lista inom [ ]) och kör "
        "swot collect igen",
        "en": "check the file's last lines (e.g. '...' or a list in [ ]) and run swot collect "
        "again",
    },
    "no_terminal": {
        "sv": "swot collect behöver en terminal för att ställa frågor. Utan terminal anger du "
        "posterna som flaggor: --unit, --theme, --quadrant och --text (samt --importance, "
        "--respondent, --round, --mode), eller --from FIL (YAML eller CSV).",
        "en": "swot collect needs a terminal to ask its questions. Without one, give the "
        "entries as options: --unit, --theme, --quadrant and --text (with --importance, "
        "--respondent, --round, --mode as needed), or --from FILE (YAML or CSV).",
    },
    "no_terminal.hint": {
        "sv": "exempel: swot collect --unit hoganas --theme jämställdhet --quadrant svagheter "
        '--text "Ingen plan för aktiviteter" --importance 4',
        "en": "example: swot collect --unit hoganas --theme equality --quadrant weaknesses "
        '--text "No plan for activities" --importance 4',
    },
    "needs": {
        "sv": "--text behöver också {missing}",
        "en": "--text also needs {missing}",
    },
    "needs.hint": {
        "sv": "exempel: swot collect --unit hoganas --theme jämställdhet --quadrant styrkor "
        '--text "Tydlig plan"',
        "en": "example: swot collect --unit hoganas --theme equality --quadrant strengths "
        '--text "A clear plan"',
    },
    "text_and_from": {
        "sv": "ange antingen --text eller --from, inte båda",
        "en": "give either --text or --from, not both",
    },
    "text_and_from.hint": {
        "sv": "kör kommandot en gång för varje",
        "en": "run the command once for each",
    },
    "unknown_mode": {
        "sv": "--mode ska vara survey (enkät) eller workshop, inte '{value}'",
        "en": "--mode must be survey (enkät) or workshop, not '{value}'",
    },
    "unknown_mode.hint": {"sv": "exempel: --mode workshop", "en": "example: --mode workshop"},
    "bad_option": {"sv": "{option}: {message}", "en": "{option}: {message}"},
    "from_missing": {"sv": "{file} finns inte", "en": "{file} does not exist"},
    "from_missing.hint": {
        "sv": "kontrollera sökvägen till --from",
        "en": "check the path given to --from",
    },
    "from_kind": {
        "sv": "{file}: --from läser .yaml, .yml och .csv, inte '{suffix}'",
        "en": "{file}: --from reads .yaml, .yml and .csv, not '{suffix}'",
    },
    "from_kind.hint": {
        "sv": "spara enkätexporten som CSV (UTF-8) eller skriv posterna som YAML",
        "en": "save the survey export as CSV (UTF-8) or write the entries as YAML",
    },
    "from_needs_unit": {
        "sv": "{file} har ingen kolumn 'enhet', så --unit behövs",
        "en": "{file} has no 'unit' column, so --unit is needed",
    },
    "from_needs_unit.hint": {
        "sv": "exempel: swot collect --from {file} --unit hoganas",
        "en": "example: swot collect --from {file} --unit hoganas",
    },
    "csv_empty": {"sv": "filen har ingen rubrikrad", "en": "the file has no header row"},
    "csv_empty.hint": {
        "sv": "första raden ska namnge kolumnerna, t.ex. tema;kvadrant;text;vikt",
        "en": "the first line must name the columns, e.g. theme,quadrant,text,importance",
    },
    "csv_unit": {
        "sv": "'{value}' är ingen enhet i workshoppen{suggestion}",
        "en": "'{value}' is not a unit of the workshop{suggestion}",
    },
    "csv_unit.hint": {"sv": "enheter: {choices}", "en": "units: {choices}"},
    "nothing": {
        "sv": "{file} innehåller inga poster; inget sparades",
        "en": "{file} holds no entries; nothing was saved",
    },
    "saved": {"sv": "✓ Sparade {count} i {file}", "en": "✓ Saved {count} in {file}"},
    "renumbered": {
        "sv": "  Svarande från filen fick nya id så att ingen räknas dubbelt: {pairs}",
        "en": "  Respondents from the file got new ids so that no one is counted twice: {pairs}",
    },
    "csv_ignored": {
        "sv": "kolumnen '{name}' är inget fält i en post och läses inte{suggestion}",
        "en": "the column '{name}' is not a field of an entry and is not read{suggestion}",
    },
    "csv_ignored.hint": {
        "sv": "kolumner som läses: {choices}",
        "en": "columns that are read: {choices}",
    },
}


def _count(count: int, lang: str) -> str:
    key = "entries_count.one" if count == 1 else "entries_count"
    return say(MESSAGES, key, lang, count=count)


# ---------------------------------------------------------------- saving


class InvalidEntriesFile(SwotError):
    """The unit's file has mistakes a person made; collect will not append to it."""

    def __init__(self, path: Path, problems: list[Problem], lang: str, key: str) -> None:
        self.path = path
        self.problems = [p for p in problems if p.severity == "error"]
        head = say(MESSAGES, key, lang, file=display_path(path))
        body = "\n".join(p.format() for p in self.problems)
        super().__init__(f"{head}\n{body}", say(MESSAGES, f"{key}.hint", lang))


def next_respondent_id(entries: Iterable[Entry], also_taken: Iterable[str] = ()) -> str:
    """The next free anonymous id (r01, r02, …): one above the highest r-number in use."""
    numbers = [0]
    for respondent in [e.respondent for e in entries] + list(also_taken):
        match = RESPONDENT_ID.match(respondent or "")
        if match:
            numbers.append(int(match.group(1)))
    return f"r{max(numbers) + 1:02d}"


class EntriesAppender:
    """Saves entries into one unit's file of one round, one confirmed batch at a time.

    It remembers the bytes it last wrote and their entries, so a save re-parses the old file
    only if someone else changed it in between; the new file is always checked in full before
    it replaces the old one.
    """

    def __init__(
        self,
        workshop: LoadedWorkshop,
        round_id: str,
        unit_id: str,
        lang: str,
        path: Path | None = None,
        header: str | None = None,
        taken_respondents: Iterable[str] = (),
    ) -> None:
        from swot.files.create import entries_header

        self.workshop = workshop
        self.round_id = round_id
        self.unit_id = unit_id
        self.lang = lang
        self.path = path or workshop.entries_file(round_id, unit_id)
        self.header = header if header is not None else entries_header(workshop, unit_id, round_id)
        self.taken_respondents = list(taken_respondents)
        self.saved: list[Entry] = []
        self.renumbered: dict[str, str] = {}  # old respondent id → new, of the last save
        self._known: tuple[bytes, list[Entry]] | None = None
        theme_lang = workshop.language
        self.theme_names = {t.id: t.name(theme_lang).lower() for t in workshop.workshop.themes}

    def read(self) -> EntriesFile:
        """The file as it is now (entries and problems); a missing file has no entries."""
        if not self.path.exists():
            return EntriesFile(self.path, self.unit_id, self.round_id)
        return self._read(self.path)

    def _read(self, path: Path) -> EntriesFile:
        return read_entries_file(
            path, self.workshop, self.lang, unit=self.unit_id, round_id=self.round_id
        )

    def existing(self, old: bytes | None) -> list[Entry]:
        """The entries of the file whose bytes are ``old``; refuse a file with mistakes."""
        if old is None:
            return []
        if self._known is not None and self._known[0] == old:
            return self._known[1]
        result = self._read(self.path)
        if not result.ok:
            raise InvalidEntriesFile(self.path, result.problems, self.lang, "invalid_file")
        return result.entries

    def save(
        self, entries: Sequence[Entry], new_respondent: bool = False, renumber: bool = False
    ) -> list[Entry]:
        """Append ``entries`` (all or none); with ``new_respondent`` they get the next free id.

        With ``renumber`` each respondent id of ``entries`` (they come from another file, e.g.
        another laptop's) becomes a fresh id, the same fresh id for the same old one, chosen
        under the lock; ``self.renumbered`` then maps old ids to new ones.
        Returns the entries as written. Raises ``InvalidEntriesFile`` if the file has mistakes.
        """
        count_before: list[int] = []

        def choose(old: bytes | None) -> list[Entry]:
            present = self.existing(old)
            count_before.append(len(present))
            if renumber:
                return self._renumbered(entries, present)
            if not new_respondent:
                return list(entries)
            respondent = next_respondent_id(present, self.taken_respondents)
            return [e.model_copy(update={"respondent": respondent}) for e in entries]

        written: list[tuple[bytes, list[Entry]]] = []

        def verify(temp: Path) -> None:
            result = self._read(temp)
            expected = count_before[-1] + len(entries)
            if not result.ok or len(result.entries) != expected:
                current = self.read()
                if not current.ok:  # the old file was already broken: report it, not the temp
                    raise InvalidEntriesFile(self.path, current.problems, self.lang, "invalid_file")
                problems = [
                    Problem(display_path(self.path), p.message, p.hint, p.line, p.column, p.where)
                    for p in result.problems
                ]
                raise InvalidEntriesFile(self.path, problems, self.lang, "append_broke")
            written.append((temp.read_bytes(), result.entries))

        saved = append_entries(
            self.path,
            choose,
            self.workshop.language,
            self.header,
            self.theme_names,
            verify=verify,
        )
        if written:
            self._known = written[-1]
        self.saved.extend(saved)
        return saved

    def _renumbered(self, entries: Sequence[Entry], present: list[Entry]) -> list[Entry]:
        """``entries`` with each respondent id replaced by a fresh one (consistently)."""
        taken = [*self.taken_respondents]
        fresh: dict[str, str] = {}
        for entry in entries:
            if entry.respondent and entry.respondent not in fresh:
                fresh[entry.respondent] = next_respondent_id(present, taken)
                taken.append(fresh[entry.respondent])
        self.renumbered = fresh
        return [
            e.model_copy(update={"respondent": fresh[e.respondent]}) if e.respondent else e
            for e in entries
        ]


def side_file_path(workshop: LoadedWorkshop, round_id: str, unit_id: str) -> Path:
    """Where a session's entries go when the unit's file cannot take them (not read as input)."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    return workshop.folder / UNSAVED_DIR / round_id / f"{unit_id}-{stamp}.yaml"


def side_file_appender(main: EntriesAppender, command: str = "swot collect") -> EntriesAppender:
    """An appender writing to a side file, continuing the main file's respondent numbering
    (the ids in the file, those saved this session, and those it was told are taken)."""
    present = main.read()
    taken = [e.respondent or "" for e in present.entries + main.saved]
    taken += main.taken_respondents
    header = main.header + say(
        MESSAGES, "side_file_header", main.lang, file=display_path(main.path), command=command
    )
    return EntriesAppender(
        main.workshop,
        main.round_id,
        main.unit_id,
        main.lang,
        path=side_file_path(main.workshop, main.round_id, main.unit_id),
        header=header,
        taken_respondents=taken,
    )


# ---------------------------------------------------------------- checking one entry


def entry_error(data: dict[str, Any], workshop: LoadedWorkshop, lang: str) -> str | None:
    """Why these values are not an entry, in the loader's words; None if they are one."""
    try:
        Entry.model_validate(data, context=workshop.workshop.entry_context(lang))
    except ValidationError as error:
        return _validation_message(error, lang)
    return None


def _validation_message(error: ValidationError, lang: str) -> str:
    item = error.errors(include_url=False)[0]
    kind = item["type"]
    ctx = dict(item.get("ctx") or {})
    value = str(item.get("input", ""))
    if kind in {"int_parsing", "int_type", "int_from_float"}:
        return say(LOADER_MESSAGES, "int", lang, value=value)
    if kind in {"greater_than_equal", "less_than_equal"}:
        return say(LOADER_MESSAGES, "range", lang, value=value, low=1, high=5)
    if kind == "string_too_long":
        return say(
            LOADER_MESSAGES, "too_long", lang, length=len(value), limit=ctx.get("max_length")
        )
    if kind == "blank_text":
        return say(LOADER_MESSAGES, "blank_text", lang)
    if kind in {"unknown_theme", "unknown_quadrant", "unknown_source"}:
        suggestion = ctx.get("suggestion")
        message = say(
            LOADER_MESSAGES,
            kind,
            lang,
            value=ctx.get("value", value),
            suggestion=say(LOADER_MESSAGES, "did_you_mean", lang, word=suggestion)
            if suggestion
            else "",
        )
        hint = say(LOADER_MESSAGES, f"{kind}.hint", lang, choices=ctx.get("choices", ""))
        return f"{message} ({hint})"
    return str(item.get("msg", ""))


def importance_error(answer: str, setting: str, lang: str) -> str | None:
    """Why a typed importance is not acceptable (same bounds as the loader), or None."""
    answer = answer.strip()
    if not answer:
        return say(MESSAGES, "importance.missing", lang) if setting == "required" else None
    if not answer.isdigit():
        return say(LOADER_MESSAGES, "int", lang, value=answer)
    if not 1 <= int(answer) <= 5:
        return say(LOADER_MESSAGES, "range", lang, value=answer, low=1, high=5)
    return None


def text_error(text: str, lang: str) -> str | None:
    """Why a typed text cannot be an entry's text (too long), or None. Empty ends a quadrant."""
    if len(text) > MAX_TEXT_LENGTH:
        return say(LOADER_MESSAGES, "too_long", lang, length=len(text), limit=MAX_TEXT_LENGTH)
    return None


_folding_control: list[type] = []
