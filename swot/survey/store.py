"""Saving one submission of the form as one new anonymous respondent.

Each unit has one ``EntriesAppender`` (the one ``swot collect`` uses: the file's lock, the next
free respondent id, an append that keeps every byte, the new file parsed in full before it
replaces the old), used by one thread at a time. A unit whose file someone broke gets a side
file (``unsaved/<round>/<unit>-<time>.yaml``) for as long as the file stays broken, and the
facilitator's terminal is told. What happened is put on ``events`` for the terminal to show;
an event never carries an answer's text (the terminal may be on the wall).
"""

from __future__ import annotations

import datetime as dt
import queue
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from swot.errors import SwotError
from swot.files.appending import EntriesAppender, side_file_appender
from swot.files.workshop import LoadedWorkshop
from swot.models import Entry


@dataclass(frozen=True)
class SurveyEvent:
    """Something the facilitator should see: a saved answer, a side file, a failed save."""

    kind: str  # "saved" | "side_file" | "failed" | "error"
    unit: str
    respondent: str = ""
    entries: int = 0
    path: Path | None = None
    problem: str = ""  # why the unit's own file could not be used (file:line and the fix)
    error: BaseException | None = None  # a bug, for the terminal to log
    at: dt.datetime = field(default_factory=dt.datetime.now)


@dataclass(frozen=True)
class SaveOutcome:
    """Where one submission went; ``repeated`` when the same form was already saved."""

    unit: str
    respondent: str
    path: Path
    side_file: bool = False
    repeated: bool = False


class SaveFailed(Exception):
    """Neither the unit's file nor a side file could take the answers; nothing was saved."""


class _Unit:
    def __init__(self, appender: EntriesAppender) -> None:
        self.lock = threading.Lock()
        self.main = appender
        self.side: EntriesAppender | None = None


class AnswerStore:
    """The entries of one round, written one submission (respondent) at a time."""

    def __init__(self, workshop: LoadedWorkshop, round_id: str, lang: str) -> None:
        self.workshop = workshop
        self.round_id = round_id
        self.lang = lang
        self.events: queue.SimpleQueue[SurveyEvent] = queue.SimpleQueue()
        self._units: dict[str, _Unit] = {}
        self._units_lock = threading.Lock()
        self._done: dict[str, SaveOutcome] = {}  # submission id → where it went
        self.saved_count = 0

    def _unit(self, unit_id: str) -> _Unit:
        with self._units_lock:
            if unit_id not in self._units:
                appender = EntriesAppender(self.workshop, self.round_id, unit_id, self.lang)
                self._units[unit_id] = _Unit(appender)
            return self._units[unit_id]

    def save(self, unit_id: str, entries: Sequence[Entry], submission: str) -> SaveOutcome:
        """Append ``entries`` as one new respondent of ``unit_id`` (a known unit id: never a
        path from the request); the same ``submission`` is saved once. Returns when the file
        is on disk; raises ``SaveFailed`` if nothing could be saved."""
        unit = self._unit(unit_id)
        with unit.lock:
            if submission in self._done:
                return self._done[submission]
            outcome = self._save(unit, unit_id, entries)
            self._done[submission] = outcome
        with self._units_lock:
            self.saved_count += 1
        return outcome

    def _save(self, unit: _Unit, unit_id: str, entries: Sequence[Entry]) -> SaveOutcome:
        try:
            written = unit.main.save(entries, new_respondent=True)
            unit.side = None  # the file is fine (again): later answers go there too
            return self._saved(unit_id, written, unit.main.path)
        except SwotError as error:  # a broken file, a file that would break, a held lock
            problem = error.message  # its hint is collect's ("run swot collect again")
        except OSError as error:
            problem = str(error)
        try:
            if unit.side is None:
                unit.side = side_file_appender(unit.main, command="swot survey")
            written = unit.side.save(entries, new_respondent=True)
        except (SwotError, OSError) as error:
            self.events.put(SurveyEvent("failed", unit_id, problem=f"{problem}\n{error}"))
            raise SaveFailed(problem) from error
        # The unit's own file must not hand out this id again once it is fixed.
        unit.main.taken_respondents.append(written[0].respondent or "")
        path = unit.side.path
        self.events.put(
            SurveyEvent(
                "side_file", unit_id, written[0].respondent or "", len(written), path, problem
            )
        )
        return SaveOutcome(unit_id, written[0].respondent or "", path, side_file=True)

    def _saved(self, unit_id: str, written: list[Entry], path: Path) -> SaveOutcome:
        respondent = written[0].respondent or ""
        self.events.put(SurveyEvent("saved", unit_id, respondent, len(written), path))
        return SaveOutcome(unit_id, respondent, path)

    def report_error(self, unit_id: str, error: BaseException) -> None:
        """A bug while handling a request: the terminal logs it (the participant is told)."""
        self.events.put(SurveyEvent("error", unit_id, error=error))
