"""Putting entries into a unit's file, for every way in (``swot collect``'s prompts in
``swot.cli.prompts``, ``--text`` and ``--from`` in ``swot.jobs.collect``).

Every save goes through :class:`EntriesAppender`: under the file's lock it re-reads the file,
refuses a file a person broke (saying file:line), picks the next free respondent id, appends
without touching existing bytes, and checks the complete new file before it replaces the old.
A broken file's entries go to a side file (``unsaved/<round>/<unit>-<time>.yaml``) instead."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from swot.errors import Problem, SwotError
from swot.files.entries import EntriesFile, count_simple_entries_file, read_entries_file
from swot.files.located import display_path
from swot.files.messages import MESSAGES as LOADER_MESSAGES
from swot.files.storage import (
    Appended,
    BlockWriter,
    append_entries,
    appended_bytes,
    atomic_write_bytes,
    decoded,
    format_entry,
    locked_for,
    written_entries,
)
from swot.files.workshop import LoadedWorkshop
from swot.i18n import catalogue, say
from swot.models import MAX_TEXT_LENGTH, Entry

UNSAVED_DIR = "unsaved"
RESPONDENT_ID = re.compile(r"^r(\d+)$")
NEW_RESPONDENT = {"new", "ny"}
UNIT_COLUMNS = {"unit", "enhet"}
# The comment before the entries of one imported row: its mark, a digest of the row's cells.
IMPORT_MARK_PREFIX = "# swot import "
# Searched for by its text with the line break before it (the text is searched with one put
# before its first line): a pattern starting with "^" is tried at every character (25 ms for a
# unit's file of 20,000 entries; this way 2 ms, and every mark found is one).
_IMPORT_MARK = re.compile(r"\n# swot import ([0-9a-f]{16}) *\r?$", re.MULTILINE)

MESSAGES = catalogue("files/appending")


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


@dataclass(frozen=True)
class _Save:
    """What one save changed: the file's bytes before it (None: no file) and after it."""

    before: bytes | None
    after: bytes
    count: int  # entries in the file after the save
    entries: list[Entry]


class NothingToTakeBack(SwotError):
    """``take_back`` with no save of this session left, or a file changed since by others."""


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
        self.invalid_key = "invalid_file"  # the message for a broken file ("import_invalid")
        # The bytes of the file as this appender last read or wrote them, and their entries (after
        # a save: those it read before and those it added, as far as the next save needs them).
        self._known: tuple[bytes, list[Entry]] | None = None
        self._saves: list[_Save] = []  # this appender's saves, newest last, for take_back
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

    def check(self) -> None:
        """Refuse now (``InvalidEntriesFile``) a file the next save would refuse; the entries
        read are remembered, so that save does not read an unchanged file again."""
        if not self.path.exists():
            return
        data = self.path.read_bytes()
        result = self._read(self.path)
        if not result.ok:
            raise InvalidEntriesFile(self.path, result.problems, self.lang, self.invalid_key)
        self._known = (data, result.entries)

    def existing(self, old: bytes | None) -> list[Entry]:
        """The entries of the file whose bytes are ``old``; refuse a file with mistakes."""
        if old is None:
            return []
        if self._known is not None and self._known[0] == old:
            return self._known[1]
        result = self._read(self.path)
        if not result.ok:
            raise InvalidEntriesFile(self.path, result.problems, self.lang, self.invalid_key)
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

        def choose(old: bytes | None, present: Callable[[], list[Entry]]) -> list[Appended]:
            if renumber:
                return list(self._renumbered(entries, present()))
            if not new_respondent:
                present()  # a file with mistakes is refused even when no id is needed
                return list(entries)
            respondent = next_respondent_id(present(), self.taken_respondents)
            return [e.model_copy(update={"respondent": respondent}) for e in entries]

        return list(self._write(choose))

    def save_marked(self, batches: Sequence[MarkedBatch]) -> MarkedSave:
        """Append each batch whose mark the file does not hold yet, after a comment line with
        its mark (``# swot import <mark>``); each batch of ``new_respondent`` gets a fresh id.

        A mark that occurs n times in the file stands for n batches already saved, so two
        respondents who answered alike are both saved once, and saving the same batches again
        adds nothing. Chosen and written under the lock, like every save."""
        outcome = MarkedSave()

        def choose(old: bytes | None, present: Callable[[], list[Entry]]) -> list[Appended]:
            recorded = recorded_marks(old, self.path, self.lang)
            new = [batches[i] for i in unrecorded([b.mark for b in batches], recorded)]
            outcome.skipped = len(batches) - len(new)
            outcome.respondents = []
            if not new:  # nothing to add: the file is not even parsed
                return []
            ids = _fresh_ids(present(), self.taken_respondents)
            parts: list[tuple[str, Sequence[Entry], str | None]] = []
            for batch in new:
                respondent = next(ids) if batch.new_respondent else None
                if respondent is not None:
                    outcome.respondents.append(respondent)
                parts.append((f"\n{IMPORT_MARK_PREFIX}{batch.mark}\n", batch.entries, respondent))
            return [BlockWriter(self.workshop.language, self.theme_names).block(parts)]

        outcome.entries = self._write(choose, remember=False)
        return outcome

    def _write(
        self,
        choose: Callable[[bytes | None, Callable[[], list[Entry]]], list[Appended]],
        remember: bool = True,
    ) -> Sequence[Entry]:
        """Append what ``choose`` picks, given the file's bytes and a function that reads its
        entries (refusing a file with mistakes), under the lock; the complete new file is
        checked before it replaces the old one. Without ``remember`` the save is not kept for
        ``take_back`` nor its entries in ``saved`` (an import's appender saves once, and its
        160,000 entries would all have to be made)."""
        expected: list[int] = []
        before: list[bytes | None] = []
        read: list[list[Entry]] = []  # the entries of the file before the save

        def pick(old: bytes | None) -> list[Appended]:
            before.append(old)
            read.clear()

            def present() -> list[Entry]:
                if not read:
                    read.append(self.existing(old))
                return read[0]

            items = choose(old, present)
            if items:
                expected.append(len(present()) + len(written_entries(items)))
            return items

        written: list[tuple[bytes, list[Entry] | None]] = []

        def verify(temp: Path) -> None:
            written.append((temp.read_bytes(), self._verified(temp, expected[-1])))

        saved = append_entries(
            self.path, pick, self.workshop.language, self.header, self.theme_names, verify=verify
        )
        if not remember:
            self._known = None
            return saved
        if written:
            data, entries = written[-1]
            if entries is None:  # what a save needs of them: how many, and their respondents
                entries = [*read[0], *saved]
            self._known = (data, entries)
            self._saves.append(_Save(before[-1], data, len(entries), list(saved)))
        self.saved.extend(saved)
        return saved

    def _verified(self, temp: Path, expected: int) -> list[Entry] | None:
        """Check the new file (a temp path) holds ``expected`` valid entries, and nothing else
        wrong, before it replaces the old one; its entries if they had to be read (None: the
        file was counted without making them, as the fast reader takes it; whatever that does
        not take is read in full, which says what is wrong)."""
        if count_simple_entries_file(temp, self.workshop, self.unit_id, self.round_id) == expected:
            return None
        result = self._read(temp)
        if not result.ok or len(result.entries) != expected:
            current = self.read()
            if not current.ok:  # the old file was already broken: report it, not the temp
                raise InvalidEntriesFile(self.path, current.problems, self.lang, "invalid_file")
            problems = [
                Problem(display_path(self.path), p.message, p.hint, p.line, p.column, p.where)
                for p in result.problems
            ]
            raise InvalidEntriesFile(self.path, problems, self.lang, "append_broke")
        return result.entries

    @property
    def last_saved(self) -> list[Entry]:
        """The entries of this appender's last save that is not taken back ([] if none)."""
        return list(self._saves[-1].entries) if self._saves else []

    def take_back(self, replacement: Sequence[Entry] = ()) -> list[Entry]:
        """Undo this appender's last save, or put ``replacement`` in place of its entries (an
        edit). Only while the file is exactly as that save left it, so every other byte stays
        as it was; raises ``NothingToTakeBack`` otherwise (someone else wrote to it since)."""
        if not self._saves:
            raise NothingToTakeBack(say(MESSAGES, "nothing_to_undo", self.lang))
        last = self._saves[-1]
        lang = self.workshop.language
        with locked_for(self.path, self.lang):
            current = self.path.read_bytes() if self.path.exists() else None
            if current != last.after:
                raise NothingToTakeBack(
                    say(MESSAGES, "changed_since", self.lang, file=display_path(self.path)),
                    say(MESSAGES, "changed_since.hint", self.lang),
                )
            data = last.before
            if replacement:
                addition = "".join(format_entry(e, lang, self.theme_names) for e in replacement)
                start = last.before if last.before is not None else self.header.encode("utf-8")
                data = appended_bytes(start, addition, self.path, lang)
                expected = last.count - len(last.entries) + len(replacement)
                atomic_write_bytes(self.path, data, self._check_count(expected))
            elif data is None:
                self.path.unlink()
            else:
                atomic_write_bytes(self.path, data)
        self._saves.pop()
        self._known = None
        self.saved = [e for e in self.saved if not any(e is t for t in last.entries)]
        if replacement and data is not None:
            self._saves.append(_Save(last.before, data, expected, list(replacement)))
            self.saved.extend(replacement)
        return list(replacement)

    def _check_count(self, expected: int) -> Callable[[Path], None]:
        """A check of the new file (a temp path): valid, with ``expected`` entries."""

        def verify(temp: Path) -> None:
            result = self._read(temp)
            if not result.ok or len(result.entries) != expected:
                problems = [
                    Problem(display_path(self.path), p.message, p.hint, p.line, p.column, p.where)
                    for p in result.problems
                ]
                raise InvalidEntriesFile(self.path, problems, self.lang, "append_broke")

        return verify

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


@dataclass
class MarkedBatch:
    """Entries to save together once (e.g. one row of a survey export), known by ``mark``."""

    mark: str
    entries: Sequence[Entry]
    new_respondent: bool = True


@dataclass
class MarkedSave:
    """What ``save_marked`` wrote: the entries, the respondent ids it gave, and how many
    batches the file already held."""

    entries: Sequence[Entry] = ()  # made only when looked at
    respondents: list[str] = field(default_factory=list)
    skipped: int = 0


def recorded_marks(data: bytes | None, path: Path, lang: str) -> Counter[str]:
    """How often each mark stands in an entries file's bytes (None: a file not there yet)."""
    if not data:
        return Counter()
    _, _, text = decoded(data, path, lang)
    return Counter(_IMPORT_MARK.findall("\n" + text))


def unrecorded(marks: Sequence[str], recorded: Counter[str]) -> list[int]:
    """The positions of the marks a file does not hold yet: a mark it holds n times stands for
    its first n places here."""
    if not recorded:
        return list(range(len(marks)))
    if len(set(marks)) == len(marks):  # each mark once (the usual export): in the file or not
        return [i for i, mark in enumerate(marks) if mark not in recorded]
    seen: Counter[str] = Counter()
    new = []
    for index, mark in enumerate(marks):
        seen[mark] += 1
        if seen[mark] > recorded[mark]:
            new.append(index)
    return new


def _fresh_ids(present: list[Entry], taken: Iterable[str]) -> Iterator[str]:
    """r08, r09, … : the free ids after the highest in use, without looking again each time."""
    first = int(next_respondent_id(present, taken)[1:])
    return (f"r{number:02d}" for number in itertools.count(first))


def side_file_path(
    workshop: LoadedWorkshop, round_id: str, unit_id: str, folder: Path | None = None
) -> Path:
    """Where a session's entries go when the unit's file cannot take them (not read as input):
    ``unsaved/`` in the workshop, or in ``folder`` when the workshop cannot be written."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    return (folder or workshop.folder / UNSAVED_DIR) / round_id / f"{unit_id}-{stamp}.yaml"


def elsewhere_folder(workshop: LoadedWorkshop) -> Path:
    """Where side files go when the workshop folder itself cannot be written: the user's home."""
    return Path.home() / "swot-unsaved" / workshop.folder.name


def side_file_appender(
    main: EntriesAppender, folder: Path | None = None, command: str = "swot collect"
) -> EntriesAppender:
    """An appender writing to a side file, continuing the main file's respondent numbering
    (the ids in the file, those saved this session, and those it was told are taken)."""
    try:
        present = main.read().entries
    except OSError:  # the drive is gone: number on from what this session saved
        present = []
    taken = [e.respondent or "" for e in present + main.saved]
    taken += main.taken_respondents
    header = main.header + say(
        MESSAGES, "side_file_header", main.lang, file=display_path(main.path), command=command
    )
    return EntriesAppender(
        main.workshop,
        main.round_id,
        main.unit_id,
        main.lang,
        path=side_file_path(main.workshop, main.round_id, main.unit_id, folder),
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
