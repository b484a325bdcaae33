"""The non-interactive collect job: ``--text`` and ``--from`` (YAML or CSV) turned into entries
and appended; the interactive session is ``swot.cli.prompts``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from swot.errors import DataError, Problem, SwotError, UsageError
from swot.files.entries import read_entries_file
from swot.files.located import display_path
from swot.files.workshop import LoadedWorkshop, find_round
from swot.i18n import say
from swot.models import Entry
from swot.vocabulary import (
    SOURCE_LOOKUP,
    Source,
    fold,
)

if TYPE_CHECKING:
    pass
from swot.files.appending import MESSAGES, NEW_RESPONDENT, EntriesAppender, entry_error
from swot.files.csv_entries import read_csv_entries
from swot.files.workshop import find_unit


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
    round_id = find_round(workshop, options.round, lang).id
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
        defaults = {
            "theme": options.theme,
            "quadrant": options.quadrant,
            "source": source.value if options.mode else None,
        }
        groups, warnings = read_csv_entries(
            path, workshop, round_id, lang, unit=options.unit, defaults=defaults
        )
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
