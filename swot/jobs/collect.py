"""The collect job: ``--text`` and ``--from`` (YAML or CSV) turned into entries and appended;
the interactive session (asked in ``swot.cli.prompts``) is handed back to the CLI.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from swot.errors import DataError, Problem, SwotError, UsageError
from swot.files.appending import MESSAGES, NEW_RESPONDENT, EntriesAppender, entry_error
from swot.files.csv_entries import read_csv_entries
from swot.files.entries import read_entries_file
from swot.files.located import display_path
from swot.files.workshop import LoadedWorkshop, find_round, find_unit
from swot.i18n import say
from swot.jobs.workshop import no_terminal
from swot.models import Entry
from swot.vocabulary import SOURCE_LOOKUP, Source, fold


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

    def check_text_options(self, lang: str) -> None:
        """``--text`` needs ``--unit``, ``--theme`` and ``--quadrant``."""
        given = (("--unit", self.unit), ("--theme", self.theme), ("--quadrant", self.quadrant))
        missing = [flag for flag, value in given if not value]
        if missing:
            raise UsageError(
                say(MESSAGES, "needs", lang, missing=", ".join(missing)),
                say(MESSAGES, "needs.hint", lang),
            )


@dataclass
class CollectRequest:
    """``swot collect``: the workshop, ``--lang``, the options, and whether someone can answer
    questions (``is_terminal``) when the options do not give the entries."""

    folder: Path = Path(".")
    lang: str | None = None
    options: CollectOptions = field(default_factory=CollectOptions)
    is_terminal: Callable[[], bool] = no_terminal

    def check(self, lang: str) -> None:
        """``--text`` and ``--from`` exclude each other; prompts need a terminal."""
        if self.options.texts and self.options.from_file is not None:
            raise UsageError(
                say(MESSAGES, "text_and_from", lang), say(MESSAGES, "text_and_from.hint", lang)
            )
        if not self.options.non_interactive() and not self.is_terminal():
            raise UsageError(
                say(MESSAGES, "no_terminal", lang), say(MESSAGES, "no_terminal.hint", lang)
            )


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


@dataclass
class CollectOutcome:
    """The workshop and language; ``result`` is what ``--text``/``--from`` saved, or None when the
    entries are to be asked for (``swot.cli.prompts``)."""

    workshop: LoadedWorkshop
    language: str
    options: CollectOptions
    result: CollectResult | None = None


def run(request: CollectRequest) -> CollectOutcome:
    """``swot collect``: save the entries the options give, or hand the session to the CLI."""
    from swot.jobs.workshop import open_workshop

    loaded, language = open_workshop(request.folder, request.lang)
    request.check(language)
    if not request.options.non_interactive():
        return CollectOutcome(loaded, language, request.options)
    result = collect_from_options(loaded, request.options, language)
    return CollectOutcome(loaded, language, request.options, result)


def collect_from_options(
    workshop: LoadedWorkshop, options: CollectOptions, lang: str
) -> CollectResult:
    """Save ``--text`` entries, or the entries of ``--from FILE``; all are checked first."""
    round_id = find_round(workshop, options.round, lang).id
    source = find_mode(options.mode, lang) or Source.SURVEY
    if options.from_file is not None:
        return _collect_from_file(workshop, options, round_id, source, lang)
    options.check_text_options(lang)
    assert options.unit is not None
    unit_id = find_unit(workshop, options.unit, lang)
    new_respondent = (options.respondent or "").strip().lower() in NEW_RESPONDENT
    entries = [
        _entry_from_text(workshop, options, text, unit_id, round_id, source, lang)
        for text in options.texts
    ]
    appender = EntriesAppender(workshop, round_id, unit_id, lang)
    return CollectResult(
        [Saved(appender.path, appender.save(entries, new_respondent=new_respondent))]
    )


def _entry_from_text(
    workshop: LoadedWorkshop,
    options: CollectOptions,
    text: str,
    unit_id: str,
    round_id: str,
    source: Source,
    lang: str,
) -> Entry:
    """One ``--text`` entry, checked as the loader checks entries files."""
    new_respondent = (options.respondent or "").strip().lower() in NEW_RESPONDENT
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
    return Entry.model_validate(data, context=workshop.workshop.entry_context(lang))


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
