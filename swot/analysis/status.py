"""Where a round stands: respondents and response rate per unit against the workshop's target,
entries per theme × quadrant, units with no file yet, and files with problems.

The response rate is the number of distinct respondent ids among a unit's survey entries divided
by the number of respondents the round expects from that unit (``rounds → expected`` in
workshop.yaml). Workshop (consensus) entries and survey entries without a respondent id do not
count as respondents."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from swot.errors import Problem
from swot.files.located import display_path
from swot.files.workshop import LoadedWorkshop, find_round
from swot.i18n import catalogue, say
from swot.models import Round, ThemeSpec
from swot.rounds.load import RoundEntries, load_round
from swot.vocabulary import QUADRANT_ORDER, Quadrant, Source

MESSAGES = catalogue("analysis/status")


def format_percent(value: float, lang: str) -> str:
    """A share as a whole percentage: '82 %' in Swedish, '82%' in English.

    Rounded down, so a rate just under the target never reads as the target itself.
    """
    whole = int(value * 100 + 1e-9)
    return f"{whole} %" if lang == "sv" else f"{whole}%"


def answers_needed(respondents: int, expected: int, target: int) -> int:
    """How many more respondents bring ``respondents`` of ``expected`` up to ``target`` percent."""
    required = -(-target * expected // 100)  # ceiling, in whole numbers
    return max(0, required - respondents)


@dataclass
class UnitStatus:
    """One unit in one round: who has answered, against what was expected."""

    unit: str
    name: str
    expected: int | None
    target: int
    respondents: int = 0
    entries: int = 0
    anonymous_survey_entries: int = 0
    has_file: bool = False
    counts: dict[str, dict[Quadrant, int]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def rate(self) -> float | None:
        """Respondents / expected, or None when nothing is expected."""
        if not self.expected:
            return None
        return self.respondents / self.expected

    @property
    def met(self) -> bool | None:
        """Whether the target is reached; None when no rate can be given."""
        if not self.expected:
            return None
        return self.respondents * 100 >= self.target * self.expected

    @property
    def needed(self) -> int | None:
        """More respondents needed to reach the target; None when no rate can be given."""
        if not self.expected:
            return None
        return answers_needed(self.respondents, self.expected, self.target)

    @property
    def left(self) -> int | None:
        """Respondents still to answer before everyone expected has."""
        if self.expected is None:
            return None
        return max(0, self.expected - self.respondents)

    def target_label(self, lang: str) -> str:
        """'met', 'not yet: 3 more' or 'no expected count', in the reader's language."""
        if self.met is None:
            return say(MESSAGES, "target.unknown", lang)
        if self.met:
            return say(MESSAGES, "target.met", lang)
        return say(MESSAGES, "target.short", lang, needed=self.needed)

    def as_dict(self) -> dict[str, Any]:
        """The unit's status for ``--json``."""
        return {
            "unit": self.unit,
            "name": self.name,
            "has_file": self.has_file,
            "respondents": self.respondents,
            "expected": self.expected,
            "rate": None if self.rate is None else round(self.rate, 4),
            "target": self.target,
            "target_met": self.met,
            "answers_needed": self.needed,
            "respondents_left": self.left,
            "entries": self.entries,
            "survey_entries_without_respondent": self.anonymous_survey_entries,
            "entries_by_theme": {
                theme: {q.value: n for q, n in quadrants.items()}
                for theme, quadrants in self.counts.items()
            },
            "problems": [p.as_dict() for p in self.problems],
        }


@dataclass
class RoundStatus:
    """A round's status: every unit of the workshop, and what could not be read."""

    round: Round
    target: int
    themes: list[ThemeSpec]
    units: list[UnitStatus]
    missing_units: list[str]
    files_with_problems: dict[str, list[Problem]]
    notes: list[Problem]

    @property
    def respondents(self) -> int:
        return sum(u.respondents for u in self.units)

    @property
    def expected(self) -> int | None:
        """Respondents expected in total, from the units that have an expected count."""
        counts = [u.expected for u in self.units if u.expected is not None]
        return sum(counts) if counts else None

    @property
    def below_target(self) -> list[UnitStatus]:
        """Units whose response rate is under the target."""
        return [u for u in self.units if u.met is False]

    def unit(self, unit_id: str) -> UnitStatus:
        return next(u for u in self.units if u.unit == unit_id)

    def as_dict(self) -> dict[str, Any]:
        """The round's status for ``--json``."""
        expected = self.expected
        return {
            "round": self.round.id,
            "name": self.round.title(),
            "date": self.round.date.isoformat() if self.round.date else None,
            "target": self.target,
            "respondents": self.respondents,
            "expected": expected,
            "rate": round(self.respondents / expected, 4) if expected else None,
            "units_below_target": [u.unit for u in self.below_target],
            "missing_units": self.missing_units,
            "files_with_problems": {
                name: [p.as_dict() for p in problems]
                for name, problems in self.files_with_problems.items()
            },
            "notes": [p.as_dict() for p in self.notes],
            "units": [u.as_dict() for u in self.units],
        }


def round_status(
    workshop: LoadedWorkshop,
    round_id: str | None = None,
    lang: str | None = None,
    loaded: RoundEntries | None = None,
) -> RoundStatus:
    """Read a round (default: the latest) and work out every unit's response rate."""
    language = lang or workshop.language
    round_ = find_round(workshop, round_id, language)
    loaded = loaded or load_round(workshop, round_.id, language)
    spec = workshop.workshop
    themes = [t.id for t in spec.themes]
    units = {
        u.id: UnitStatus(
            unit=u.id,
            name=u.name,
            expected=round_.expected.get(u.id),
            target=spec.response_target,
            counts={t: dict.fromkeys(QUADRANT_ORDER, 0) for t in themes},
        )
        for u in spec.units_of(round_, with_files=(f.unit for f in loaded.files))
    }
    respondents: dict[str, set[str]] = {u: set() for u in units}
    files_with_problems: dict[str, list[Problem]] = {}
    for entries_file in loaded.files:
        errors = [p for p in entries_file.problems if p.severity == "error"]
        if errors:
            files_with_problems[display_path(entries_file.path)] = entries_file.problems
        status = units.get(entries_file.unit)
        if status is None:  # a file named after no unit: reported above, not counted
            continue
        status.has_file = True
        status.problems.extend(entries_file.problems)
        for entry in entries_file.entries:
            status.entries += 1
            if entry.theme in status.counts:
                status.counts[entry.theme][entry.quadrant] += 1
            if entry.source is Source.SURVEY:
                if entry.respondent:
                    respondents[status.unit].add(entry.respondent)
                else:
                    status.anonymous_survey_entries += 1
    for unit_id, ids in respondents.items():
        units[unit_id].respondents = len(ids)
    notes = _notes(workshop, round_, list(units.values()), language)
    return RoundStatus(
        round=round_,
        target=spec.response_target,
        themes=list(spec.themes),
        units=list(units.values()),
        missing_units=[u for u in loaded.missing_units if u in units],
        files_with_problems=files_with_problems,
        notes=notes,
    )


def _notes(
    workshop: LoadedWorkshop, round_: Round, units: list[UnitStatus], lang: str
) -> list[Problem]:
    """What keeps a rate from being given or from being complete, with where to fix it."""
    workshop_file = display_path(workshop.folder / "workshop.yaml")
    notes: list[Problem] = []
    for status in units:
        params = {"unit": status.name, "unit_id": status.unit, "round": round_.id}
        if status.expected is None or status.expected == 0:
            key = "no_expected" if status.expected is None else "zero_expected"
            notes.append(
                Problem(
                    file=workshop_file,
                    message=say(MESSAGES, key, lang, **params),
                    hint=say(MESSAGES, key + ".hint", lang, **params),
                    code=key,
                    severity="warning",
                )
            )
        if status.anonymous_survey_entries:
            notes.append(
                Problem(
                    file=display_path(workshop.entries_file(round_.id, status.unit)),
                    message=say(
                        MESSAGES, "anonymous", lang, count=status.anonymous_survey_entries, **params
                    ),
                    hint=say(MESSAGES, "anonymous.hint", lang),
                    code="anonymous",
                    severity="warning",
                )
            )
    return notes


def workshop_status(
    workshop: LoadedWorkshop, round_ids: list[str] | None = None, lang: str | None = None
) -> list[RoundStatus]:
    """The status of several rounds (default: every round, in the order of workshop.yaml)."""
    ids = round_ids or [r.id for r in workshop.workshop.rounds]
    return [round_status(workshop, round_id, lang) for round_id in ids]
