"""``swot collect``: putting entries into a unit's file, typed in a room or read from a file.

Two ways in, one set of rules:
- the interactive session (questionary prompts in the workshop's language): round → unit →
  mode → theme → quadrant → one entry per line, each saved before the next prompt appears;
- non-interactive: ``--text`` options or ``--from FILE`` (YAML like an entries file, or CSV
  such as a survey export), checked by the same loader and models before anything is written.

Every save goes through :class:`EntriesAppender`: under the file's lock it re-reads the file,
refuses a file a person broke (saying file:line), picks the next free respondent id, appends
without touching existing bytes, and checks the complete new file before it replaces the old.
This module is the only one that imports questionary, and only inside the interactive session.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from swot.errors import DataError, Problem, SwotError, UsageError
from swot.i18n import Catalogue, say
from swot.loading import (
    ENTRY_KEYS,
    EntriesFile,
    LoadedWorkshop,
    display_path,
    read_entries_file,
    read_entry_nodes,
    read_text,
)
from swot.loading import (
    MESSAGES as LOADER_MESSAGES,
)
from swot.models import MAX_TEXT_LENGTH, Entry
from swot.storage import append_entries
from swot.vocabulary import (
    QUADRANT_LOOKUP,
    QUADRANT_NAMES,
    QUADRANT_ORDER,
    SOURCE_LOOKUP,
    Quadrant,
    Source,
    fold,
)
from swot.yamltree import MappingNode, ScalarNode, SequenceNode

if TYPE_CHECKING:
    from questionary import Question

UNSAVED_DIR = "unsaved"
FILTER_UNITS_FROM = 11
RESPONDENT_ID = re.compile(r"^r(\d+)$")
NEW_RESPONDENT = {"new", "ny"}
UNIT_COLUMNS = {"unit", "enhet"}

MESSAGES: Catalogue = {
    # interactive prompts
    "round": {"sv": "Omgång", "en": "Round"},
    "latest": {"sv": "senaste", "en": "latest"},
    "unit": {"sv": "Enhet", "en": "Unit"},
    "mode": {"sv": "Vad registrerar du?", "en": "What are you recording?"},
    "mode.survey": {
        "sv": "Enkätsvar – en anonym svarande i taget",
        "en": "Survey answers – one anonymous respondent at a time",
    },
    "mode.workshop": {
        "sv": "Workshop – enhetens gemensamma poster",
        "en": "Workshop – the unit's agreed entries",
    },
    "theme": {"sv": "Tema", "en": "Theme"},
    "quadrant": {"sv": "Kvadrant", "en": "Quadrant"},
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
        "sv": "# Sparad av swot collect eftersom {file} hade fel.\n"
        "# Rätta {file} (swot validate visar var), och flytta sedan posterna nedan dit.\n",
        "en": "# Saved by swot collect because {file} had mistakes.\n"
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
    "unknown_unit": {
        "sv": "'{value}' är ingen enhet i workshoppen{suggestion}",
        "en": "'{value}' is not a unit of the workshop{suggestion}",
    },
    "unknown_unit.hint": {"sv": "enheter: {choices}", "en": "units: {choices}"},
    "unknown_round": {
        "sv": "'{value}' är ingen omgång i workshoppen{suggestion}",
        "en": "'{value}' is not a round of the workshop{suggestion}",
    },
    "unknown_round.hint": {"sv": "omgångar: {choices}", "en": "rounds: {choices}"},
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
        from swot.workshop_files import entries_header

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


def side_file_appender(main: EntriesAppender) -> EntriesAppender:
    """An appender writing to a side file, continuing the main file's respondent numbering."""
    present = main.read()
    taken = [e.respondent or "" for e in present.entries + main.saved]
    header = main.header + say(
        MESSAGES, "side_file_header", main.lang, file=display_path(main.path)
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


# ---------------------------------------------------------------- choosing from options


def find_unit(workshop: LoadedWorkshop, value: str, lang: str) -> str:
    """A unit id from its id or name as typed (any case, with or without å ä ö)."""
    found = _unit_lookup(workshop).get(fold(value))
    if found is None:
        from swot.vocabulary import did_you_mean

        units = [u.id for u in workshop.workshop.units]
        suggestion = did_you_mean(value, units + [u.name for u in workshop.workshop.units])
        raise UsageError(
            say(
                MESSAGES,
                "unknown_unit",
                lang,
                value=value,
                suggestion=say(LOADER_MESSAGES, "did_you_mean", lang, word=suggestion)
                if suggestion
                else "",
            ),
            say(MESSAGES, "unknown_unit.hint", lang, choices=", ".join(units)),
        )
    return found


def _unit_lookup(workshop: LoadedWorkshop) -> dict[str, str]:
    lookup = {}
    for unit in workshop.workshop.units:
        for word in (unit.id, unit.name, unit.municipality):
            if word:
                lookup[fold(word)] = unit.id
    return lookup


def find_round(workshop: LoadedWorkshop, value: str | None, lang: str) -> str:
    """A round id (default: the latest round)."""
    if value is None:
        return workshop.workshop.latest_round.id
    rounds = workshop.workshop.rounds
    for round_ in rounds:
        if fold(value) in {fold(round_.id), fold(round_.title())}:
            return round_.id
    from swot.vocabulary import did_you_mean

    suggestion = did_you_mean(value, [r.id for r in rounds])
    raise UsageError(
        say(
            MESSAGES,
            "unknown_round",
            lang,
            value=value,
            suggestion=say(LOADER_MESSAGES, "did_you_mean", lang, word=suggestion)
            if suggestion
            else "",
        ),
        say(MESSAGES, "unknown_round.hint", lang, choices=", ".join(r.id for r in rounds)),
    )


def find_mode(value: str | None, lang: str) -> Source | None:
    """``--mode`` as a source; None if not given."""
    if value is None:
        return None
    found = SOURCE_LOOKUP.get(fold(value))
    if found is None:
        raise UsageError(
            say(MESSAGES, "unknown_mode", lang, value=value),
            say(MESSAGES, "unknown_mode.hint", lang),
        )
    return found


# ---------------------------------------------------------------- non-interactive


@dataclass
class CollectOptions:
    """Everything ``swot collect`` can be told on the command line."""

    round: str | None = None
    unit: str | None = None
    mode: str | None = None
    theme: str | None = None
    quadrant: str | None = None
    texts: list[str] = field(default_factory=list)
    importance: str | None = None
    respondent: str | None = None
    from_file: Path | None = None

    def non_interactive(self) -> bool:
        return bool(self.texts) or self.from_file is not None


@dataclass
class Saved:
    """What one non-interactive run saved, per file."""

    path: Path
    entries: list[Entry]
    renumbered: dict[str, str] = field(default_factory=dict)  # respondent id in the input → saved


@dataclass
class CollectResult:
    """What a non-interactive run saved, and warnings about its input (e.g. ignored columns)."""

    saved: list[Saved]
    warnings: list[Problem] = field(default_factory=list)


def collect_from_options(
    workshop: LoadedWorkshop, options: CollectOptions, lang: str
) -> CollectResult:
    """Save ``--text`` entries, or the entries of ``--from FILE``; all are checked first."""
    if options.texts and options.from_file is not None:
        raise UsageError(
            say(MESSAGES, "text_and_from", lang), say(MESSAGES, "text_and_from.hint", lang)
        )
    round_id = find_round(workshop, options.round, lang)
    source = find_mode(options.mode, lang) or Source.SURVEY
    if options.from_file is not None:
        return _collect_from_file(workshop, options, round_id, source, lang)
    missing = [
        flag
        for flag, value in (
            ("--unit", options.unit),
            ("--theme", options.theme),
            ("--quadrant", options.quadrant),
        )
        if not value
    ]
    if missing:
        raise UsageError(
            say(MESSAGES, "needs", lang, missing=", ".join(missing)),
            say(MESSAGES, "needs.hint", lang),
        )
    assert options.unit is not None
    unit_id = find_unit(workshop, options.unit, lang)
    new_respondent = (options.respondent or "").strip().lower() in NEW_RESPONDENT
    entries = []
    for text in options.texts:
        data: dict[str, Any] = {
            "theme": options.theme,
            "quadrant": options.quadrant,
            "text": text,
            "source": source,
            "unit": unit_id,
            "round": round_id,
        }
        if options.importance is not None:
            data["importance"] = options.importance
        if options.respondent and not new_respondent:
            data["respondent"] = options.respondent
        problem = entry_error(data, workshop, lang)
        if problem is not None:
            option = _option_of(problem, data, workshop, lang)
            raise UsageError(say(MESSAGES, "bad_option", lang, option=option, message=problem))
        entries.append(Entry.model_validate(data, context=workshop.workshop.entry_context(lang)))
    appender = EntriesAppender(workshop, round_id, unit_id, lang)
    return CollectResult(
        [Saved(appender.path, appender.save(entries, new_respondent=new_respondent))]
    )


def _option_of(problem: str, data: dict[str, Any], workshop: LoadedWorkshop, lang: str) -> str:
    """Which option a problem with ``--text`` values is about."""
    for option, key in (
        ("--theme", "theme"),
        ("--quadrant", "quadrant"),
        ("--importance", "importance"),
        ("--respondent", "respondent"),
    ):
        trial = {k: v for k, v in data.items() if k != key}
        if key in {"theme", "quadrant"}:
            trial[key] = {"theme": workshop.workshop.themes[0].id, "quadrant": "s"}[key]
        if entry_error(trial, workshop, lang) is None:
            return option
    return "--text"


def _collect_from_file(
    workshop: LoadedWorkshop,
    options: CollectOptions,
    round_id: str,
    source: Source,
    lang: str,
) -> CollectResult:
    path = options.from_file
    assert path is not None
    if not path.is_file():
        raise UsageError(
            say(MESSAGES, "from_missing", lang, file=display_path(path)),
            say(MESSAGES, "from_missing.hint", lang),
        )
    suffix = path.suffix.lower()
    if suffix in {".yaml", ".yml"}:
        if not options.unit:
            raise UsageError(
                say(MESSAGES, "from_needs_unit", lang, file=display_path(path)),
                say(MESSAGES, "from_needs_unit.hint", lang, file=display_path(path)),
            )
        unit_id = find_unit(workshop, options.unit, lang)
        result = read_entries_file(path, workshop, lang, unit=unit_id, round_id=round_id)
        groups = {unit_id: result}
        warnings: list[Problem] = []
    elif suffix == ".csv":
        groups, warnings = _read_csv(path, workshop, options, round_id, source, lang)
    else:
        raise UsageError(
            say(MESSAGES, "from_kind", lang, file=display_path(path), suffix=suffix or "-"),
            say(MESSAGES, "from_kind.hint", lang),
        )
    problems = [p for group in groups.values() for p in group.problems if p.severity == "error"]
    if problems:
        raise DataError(problems)
    if not any(group.entries for group in groups.values()):
        raise SwotError(say(MESSAGES, "nothing", lang, file=display_path(path)))
    saved = []
    for unit_id, group in groups.items():
        if group.entries:
            appender = EntriesAppender(workshop, round_id, unit_id, lang)
            written = appender.save(group.entries, renumber=True)
            saved.append(Saved(appender.path, written, appender.renumbered))
    return CollectResult(saved, warnings)


def _read_csv(
    path: Path,
    workshop: LoadedWorkshop,
    options: CollectOptions,
    round_id: str,
    source: Source,
    lang: str,
) -> tuple[dict[str, EntriesFile], list[Problem]]:
    """CSV rows (a survey export) as entries per unit, every cell checked like a YAML value.

    The first row names the columns in Swedish or English, as an entries file names its keys;
    a 'unit'/'enhet' column spreads rows over units, otherwise ``--unit`` says which.
    ``--theme``, ``--quadrant`` and ``--mode`` fill columns the file does not have.
    """
    from swot.loading import ProblemCollector

    problems = ProblemCollector(path, lang)
    text = read_text(path, problems)
    if text is None:
        raise DataError(problems.problems)
    try:
        dialect: Any = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = list(csv.reader(io.StringIO(text), dialect))
    if not rows or not any(cell.strip() for cell in rows[0]):
        raise DataError(
            [
                Problem(
                    display_path(path),
                    say(MESSAGES, "csv_empty", lang),
                    say(MESSAGES, "csv_empty.hint", lang),
                    1,
                )
            ]
        )
    header = [cell.strip() for cell in rows[0]]
    unit_column = next((i for i, name in enumerate(header) if fold(name) in UNIT_COLUMNS), None)
    if unit_column is None and not options.unit:
        raise UsageError(
            say(MESSAGES, "from_needs_unit", lang, file=display_path(path)),
            say(MESSAGES, "from_needs_unit.hint", lang, file=display_path(path)),
        )
    default_unit = find_unit(workshop, options.unit, lang) if options.unit else None
    all_keys = {
        fold(k): canonical for canonical, alts in ENTRY_KEYS.items() for k in (canonical, *alts)
    }
    columns = {i: all_keys[fold(name)] for i, name in enumerate(header) if fold(name) in all_keys}
    warnings = [
        _ignored_column(path, name, index, lang)
        for index, name in enumerate(header)
        if index not in columns and index != unit_column
    ]
    defaults = {
        "theme": options.theme,
        "quadrant": options.quadrant,
        "source": source.value if options.mode else None,
    }
    lookup = _unit_lookup(workshop)
    nodes: dict[str, SequenceNode] = {}
    bad_units: list[Problem] = []
    for number, row in enumerate(rows[1:], start=1):
        if not any(cell.strip() for cell in row):
            continue
        mapping = MappingNode(number, 0)
        unit_id = default_unit
        for column, (name, cell) in enumerate(zip(header, row, strict=False)):
            if column == unit_column:
                unit_id = lookup.get(fold(cell))
                if unit_id is None:
                    bad_units.append(_bad_unit(path, workshop, cell, number, column, lang))
                continue
            if column not in columns or not cell.strip():
                continue
            mapping.pairs.append(
                (ScalarNode(0, column, name), ScalarNode(number, column, cell.strip(), True))
            )
        for key, value in defaults.items():
            if value and key not in columns.values():
                mapping.pairs.append((ScalarNode(0, 0, key), ScalarNode(number, 0, value, True)))
        if unit_id is not None:
            nodes.setdefault(unit_id, SequenceNode(0, 0)).items.append(mapping)
    if bad_units:
        raise DataError(bad_units)
    groups = {
        unit_id: read_entry_nodes(path, root, workshop, unit_id, round_id, lang)
        for unit_id, root in nodes.items()
    }
    return groups, warnings


def _ignored_column(path: Path, name: str, index: int, lang: str) -> Problem:
    from swot.vocabulary import did_you_mean

    words = [w for canonical, alts in ENTRY_KEYS.items() for w in (canonical, *alts)]
    suggestion = did_you_mean(name, words) if name else None
    return Problem(
        display_path(path),
        say(
            MESSAGES,
            "csv_ignored",
            lang,
            name=name,
            suggestion=say(LOADER_MESSAGES, "did_you_mean", lang, word=suggestion)
            if suggestion
            else "",
        ),
        say(MESSAGES, "csv_ignored.hint", lang, choices=", ".join(ENTRY_KEYS)),
        1,
        index + 1,
        code="csv_ignored",
        severity="warning",
    )


def _bad_unit(
    path: Path, workshop: LoadedWorkshop, value: str, line: int, column: int, lang: str
) -> Problem:
    from swot.vocabulary import did_you_mean

    units = [u.id for u in workshop.workshop.units]
    suggestion = did_you_mean(value, units + [u.name for u in workshop.workshop.units])
    return Problem(
        display_path(path),
        say(
            MESSAGES,
            "csv_unit",
            lang,
            value=value,
            suggestion=say(LOADER_MESSAGES, "did_you_mean", lang, word=suggestion)
            if suggestion
            else "",
        ),
        say(MESSAGES, "csv_unit.hint", lang, choices=", ".join(units)),
        line + 1,
        column + 1,
    )


# ---------------------------------------------------------------- the interactive session


class Interrupted(Exception):
    """Ctrl-C or Ctrl-D at a prompt; carries the one line that says what was saved."""

    def __init__(self, line: str) -> None:
        super().__init__(line)
        self.line = line


@dataclass
class SessionResult:
    """What an interactive session saved, for the summary table."""

    workshop: LoadedWorkshop
    round_id: str
    unit_id: str
    source: Source
    paths: list[Path]
    entries: list[Entry]


class Prompter:
    """The questions, asked with questionary in one language; Ctrl-C and Ctrl-D abort."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def select(
        self,
        message: str,
        choices: Sequence[tuple[str, Any]],
        default: Any = None,
        filterable: bool = False,
    ) -> Any:
        """One of ``choices`` (title, value); with ``filterable`` typing narrows the list."""
        import questionary

        question = questionary.select(
            message,
            choices=[questionary.Choice(title, value=value) for title, value in choices],
            default=default,
            instruction=say(MESSAGES, "arrows_filter" if filterable else "arrows", self.lang),
            use_search_filter=filterable,
            use_jk_keys=not filterable,
            qmark="?",
        )
        _add_keys(question, filterable)
        return question.unsafe_ask()

    def text(self, message: str, instruction: str, validate: Callable[[str], str | None]) -> str:
        """A line of text; ``validate`` returns an error shown under the question, or None."""
        import questionary

        def check(answer: str) -> bool | str:
            return validate(answer) or True

        # No space reserved for a completion menu: the error then stands right under the line.
        question = questionary.text(
            message,
            instruction=instruction,
            validate=check,
            qmark="?",
            reserve_space_for_menu=0,
        )
        _add_keys(question, False)
        return str(question.unsafe_ask())

    def yes_no(self, message: str) -> bool:
        return bool(
            self.select(
                message,
                [(say(MESSAGES, "yes", self.lang), True), (say(MESSAGES, "no", self.lang), False)],
            )
        )


def _add_keys(question: Question, filterable: bool) -> None:
    """Ctrl-D aborts every prompt; a filterable list also filters on å, ä, ö and ignores accents."""
    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
    from questionary.prompts.common import InquirerControl

    bindings = KeyBindings()
    application = question.application

    @bindings.add("c-d", eager=True)
    def _end_of_input(event: Any) -> None:
        if not event.app.current_buffer.text:
            event.app.exit(exception=EOFError, style="class:aborting")

    if filterable:
        control = next(
            (
                window.content
                for window in application.layout.find_all_windows()
                if isinstance(window.content, InquirerControl)
            ),
            None,
        )
        if control is not None:
            control.__class__ = _folding_control_class()

            def add_letter(event: Any) -> None:
                control.add_search_character(event.key_sequence[0].key)

            for letter in "åäöÅÄÖéÉüÜæøÆØ":
                bindings.add(letter, eager=True)(add_letter)
    application.key_bindings = merge_key_bindings(
        [application.key_bindings or KeyBindings(), bindings]
    )


_folding_control: list[type] = []


def _folding_control_class() -> type:
    """An InquirerControl whose filter ignores case and diacritics ('orkel' finds 'Örkelljunga')."""
    if not _folding_control:
        from questionary.prompts.common import InquirerControl

        class FoldingControl(InquirerControl):
            @property
            def filtered_choices(self) -> list:
                if not self.search_filter:
                    return self.choices
                wanted = fold(self.search_filter)
                found = [c for c in self.choices if wanted in fold(str(c.title))]
                self.found_in_search = bool(found)
                return found or self.choices

        _folding_control.append(FoldingControl)
    return _folding_control[0]


@dataclass
class _Place:
    theme: str
    quadrant: Quadrant


class InteractiveSession:
    """The facilitator's session: every confirmed entry is saved before the next prompt."""

    def __init__(
        self,
        workshop: LoadedWorkshop,
        options: CollectOptions,
        lang: str,
        say_line: Callable[[str], None],
        prompter: Prompter | None = None,
    ) -> None:
        self.workshop = workshop
        self.options = options
        self.lang = lang
        self.say_line = say_line
        self.ask = prompter or Prompter(lang)
        self.appender: EntriesAppender | None = None
        self.paths: list[Path] = []
        self.saved: list[Entry] = []
        self.respondent: str | None = None
        self.source = Source.SURVEY
        self.unit_name = ""

    # -- the flow

    def run(self) -> SessionResult:
        """Ask until the facilitator finishes; Ctrl-C/Ctrl-D raise ``Interrupted``."""
        try:
            return self._run()
        except (KeyboardInterrupt, EOFError):
            raise Interrupted(self.interrupted_line()) from None

    def _run(self) -> SessionResult:
        ws = self.workshop.workshop
        round_id = self._choose_round()
        unit_id = self._choose_unit()
        mode = find_mode(self.options.mode, self.lang)
        self.source = mode or self.ask.select(
            say(MESSAGES, "mode", self.lang),
            [
                (say(MESSAGES, "mode.survey", self.lang), Source.SURVEY),
                (say(MESSAGES, "mode.workshop", self.lang), Source.WORKSHOP),
            ],
        )
        self.appender = EntriesAppender(self.workshop, round_id, unit_id, self.lang)
        self._open_file()
        unit = ws.unit(unit_id)
        self.unit_name = unit.name if unit else unit_id
        place = self._choose_place(None)
        while True:
            self._collect_quadrant(place)
            step = self._next_step(place)
            if step == "finish":
                break
            if step == "respondent":
                self.respondent = None
                place = self._choose_place(None)
            elif step == "choose":
                place = self._choose_place(place)
            else:
                place = step
        return SessionResult(
            self.workshop, round_id, unit_id, self.source, self.paths, list(self.saved)
        )

    def _choose_round(self) -> str:
        if self.options.round is not None or len(self.workshop.workshop.rounds) == 1:
            return find_round(self.workshop, self.options.round, self.lang)
        rounds = self.workshop.workshop.rounds
        latest = say(MESSAGES, "latest", self.lang)
        choices = [(r.title() + (f" ({latest})" if r is rounds[-1] else ""), r.id) for r in rounds]
        return str(self.ask.select(say(MESSAGES, "round", self.lang), choices, rounds[-1].id))

    def _choose_unit(self) -> str:
        if self.options.unit:
            return find_unit(self.workshop, self.options.unit, self.lang)
        units = self.workshop.workshop.units
        return str(
            self.ask.select(
                say(MESSAGES, "unit", self.lang),
                [(u.name, u.id) for u in units],
                filterable=len(units) >= FILTER_UNITS_FROM,
            )
        )

    def _open_file(self) -> None:
        """Say where entries go; if the file has mistakes, offer a side file or stop."""
        assert self.appender is not None
        current = self.appender.read()
        if not current.ok:
            self._switch_to_side_file(
                InvalidEntriesFile(self.appender.path, current.problems, self.lang, "invalid_file")
            )
            return
        shown = display_path(self.appender.path)
        if self.appender.path.exists():
            count = len(current.entries)
            self.say_line(
                say(MESSAGES, "target", self.lang, file=shown, count=_count(count, self.lang))
            )
        else:
            self.say_line(say(MESSAGES, "target.new", self.lang, file=shown))
        self.paths.append(self.appender.path)

    def _switch_to_side_file(self, error: InvalidEntriesFile) -> None:
        assert self.appender is not None
        self.say_line(error.format())
        if not self.ask.yes_no(say(MESSAGES, "offer_side_file", self.lang)):
            raise error
        self.appender = side_file_appender(self.appender)
        self.say_line(
            say(MESSAGES, "side_file_now", self.lang, file=display_path(self.appender.path))
        )
        self.paths.append(self.appender.path)

    def _choose_place(self, current: _Place | None) -> _Place:
        themes = self.workshop.workshop.themes
        if self.options.theme and current is None:
            theme = self._theme_from_option()
        else:
            theme = self.ask.select(
                say(MESSAGES, "theme", self.lang),
                [(t.name(self.lang), t.id) for t in themes],
                current.theme if current else themes[0].id,
            )
        if self.options.quadrant and current is None:
            quadrant = QUADRANT_LOOKUP.get(fold(self.options.quadrant))
        else:
            quadrant = None
        if quadrant is None:
            quadrant = self.ask.select(
                say(MESSAGES, "quadrant", self.lang),
                [(QUADRANT_NAMES[q][self.lang], q) for q in QUADRANT_ORDER],
                current.quadrant if current else Quadrant.STRENGTHS,
            )
        return _Place(str(theme), quadrant)

    def _theme_from_option(self) -> str:
        lookup = self.workshop.workshop.theme_lookup()
        found = lookup.get(fold(self.options.theme or ""))
        if found is None:
            problem = entry_error(
                {"theme": self.options.theme, "quadrant": "s", "text": "x"},
                self.workshop,
                self.lang,
            )
            raise UsageError(
                say(MESSAGES, "bad_option", self.lang, option="--theme", message=problem)
            )
        return found

    def _collect_quadrant(self, place: _Place) -> None:
        """Entries for one quadrant until an empty line."""
        setting = self.workshop.workshop.importance
        theme_name = self.workshop.workshop.theme(place.theme).name(self.lang)
        quadrant_name = QUADRANT_NAMES[place.quadrant][self.lang]
        count = 0
        while True:
            who = ""
            if self.source is Source.SURVEY:
                who = self.respondent or say(MESSAGES, "new_respondent", self.lang)
                who = f"{who} · "
            message = f"{self.unit_name} · {who}{theme_name} · {quadrant_name} · " + say(
                MESSAGES, "so_far", self.lang, count=count
            )
            text = self.ask.text(
                message,
                say(MESSAGES, "entry.instruction", self.lang),
                lambda answer: text_error(answer, self.lang),
            ).strip()
            if not text:
                return
            importance: str | None = None
            if setting != "off":
                try:
                    importance = (
                        self.ask.text(
                            say(MESSAGES, "importance", self.lang),
                            say(MESSAGES, f"importance.{setting}", self.lang),
                            lambda answer: importance_error(answer, setting, self.lang),
                        ).strip()
                        or None
                    )
                except (KeyboardInterrupt, EOFError):
                    # The text was confirmed with Enter: keep it (without importance) if allowed.
                    if setting != "required":
                        self._save(place, text, None)
                    raise
            self._save(place, text, importance)
            count += 1

    def _save(self, place: _Place, text: str, importance: str | None) -> None:
        assert self.appender is not None
        data: dict[str, Any] = {
            "theme": place.theme,
            "quadrant": place.quadrant,
            "text": text,
            "source": self.source,
            "unit": self.appender.unit_id,
            "round": self.appender.round_id,
        }
        if importance is not None:
            data["importance"] = importance
        if self.respondent is not None:
            data["respondent"] = self.respondent
        entry = Entry.model_validate(data, context=self.workshop.workshop.entry_context(self.lang))
        new_respondent = self.source is Source.SURVEY and self.respondent is None
        try:
            written = self.appender.save([entry], new_respondent=new_respondent)
        except InvalidEntriesFile as error:
            self._switch_to_side_file(error)
            written = self.appender.save([entry], new_respondent=new_respondent)
        self.saved.extend(written)
        if new_respondent:
            self.respondent = written[0].respondent
            self.say_line(say(MESSAGES, "respondent_id", self.lang, respondent=self.respondent))

    def _next_step(self, place: _Place) -> Any:
        themes = [t.id for t in self.workshop.workshop.themes]
        quadrant_index = QUADRANT_ORDER.index(place.quadrant)
        theme_index = themes.index(place.theme)
        choices: list[tuple[str, Any]] = []
        if quadrant_index + 1 < len(QUADRANT_ORDER):
            following = QUADRANT_ORDER[quadrant_index + 1]
            name = QUADRANT_NAMES[following][self.lang]
            choices.append(
                (
                    say(MESSAGES, "next.quadrant", self.lang, name=name),
                    _Place(place.theme, following),
                )
            )
        if theme_index + 1 < len(themes):
            following_theme = themes[theme_index + 1]
            name = self.workshop.workshop.theme(following_theme).name(self.lang)
            choices.append(
                (
                    say(MESSAGES, "next.theme", self.lang, name=name),
                    _Place(following_theme, Quadrant.STRENGTHS),
                )
            )
        choices.append((say(MESSAGES, "next.choose", self.lang), "choose"))
        if self.source is Source.SURVEY:
            choices.append((say(MESSAGES, "next.respondent", self.lang), "respondent"))
        choices.append((say(MESSAGES, "next.finish", self.lang), "finish"))
        return self.ask.select(say(MESSAGES, "next", self.lang), choices, choices[0][1])

    def interrupted_line(self) -> str:
        """The one line printed on Ctrl-C/Ctrl-D: how many entries were saved, and where."""
        if not self.saved:
            return say(MESSAGES, "interrupted.none", self.lang)
        files = ", ".join(display_path(p) for p in self.paths if p.exists())
        return say(
            MESSAGES, "interrupted", self.lang, count=_count(len(self.saved), self.lang), file=files
        )
