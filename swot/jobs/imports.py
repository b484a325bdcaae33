"""The import job: a survey export (Microsoft Forms, Google Forms, LimeSurvey, an Excel sheet,
or swot's own CSV layout) read with its map file, checked in full, and appended per unit.

The first run of an export proposes a map, writes it to ``imports/<export>.map.yaml`` and stops
(showing what an import would add); the person checks the map and runs again. From then on
each run appends only the rows not imported before: each respondent's entries are preceded
by a comment with the digest of its row, so a growing export can be imported every week."""

from __future__ import annotations

import contextlib
import gc
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from swot.i18n import catalogue, say

if TYPE_CHECKING:
    from swot.errors import DataError, Problem
    from swot.files.imports.columns import Proposal
    from swot.files.imports.mapfile import ImportMap
    from swot.files.imports.rows import ReadRows, Respondent
    from swot.files.imports.tables import Table
    from swot.files.workshop import LoadedWorkshop
    from swot.models import Entry

PREVIEW_ENTRIES = 5

MESSAGES = catalogue("jobs/imports")
MAX_SHOWN_PROBLEMS = 50


@dataclass
class ImportRequest:
    """``swot import FILE``: the workshop, the round (None: the latest), ``--dry-run`` (write
    nothing), ``--skip-bad-rows`` (import the good rows, list the others), ``--map FILE``."""

    file: Path
    folder: Path = Path(".")
    lang: str | None = None
    round_id: str | None = None
    dry_run: bool = False
    skip_bad_rows: bool = False
    map_file: Path | None = None

    def check(self, lang: str) -> None:
        """The export must exist (whether it is a spreadsheet is the reader's to say)."""
        from swot.errors import UsageError
        from swot.files.located import display_path

        if not self.file.exists():
            raise UsageError(
                say(MESSAGES, "missing", lang, file=display_path(self.file)),
                say(MESSAGES, "missing.hint", lang),
            )


@dataclass
class UnitImport:
    """One unit's share of an import: new respondents and entries, and rows already there."""

    unit: str
    path: Path
    respondents: int = 0
    entries: int = 0
    already: int = 0
    respondent_ids: list[str] = field(default_factory=list)


@dataclass
class ImportResult:
    """What an import found, proposed, would add or added."""

    workshop: LoadedWorkshop
    language: str
    round_id: str
    table: Table
    proposal: Proposal
    map_path: Path
    proposed: bool  # the map was proposed by this run (written unless a dry run)
    dry_run: bool
    map_problems: list[Problem] = field(default_factory=list)  # of a proposal to complete
    imap: ImportMap | None = None  # the map matched to the export (None: map_problems)
    row_problems: list[Problem] = field(default_factory=list)  # a preview's rows that stop it
    units: list[UnitImport] = field(default_factory=list)
    first_entries: list[Entry] = field(default_factory=list)
    skipped_rows: list[tuple[int, Problem]] = field(default_factory=list)
    without_answers: int = 0
    warnings: list[Problem] = field(default_factory=list)
    ignored: Counter[str] = field(default_factory=Counter)  # kind → unmapped columns
    # unit → the marks its entries file held when first looked at (read once per import; each
    # save looks again under the file's lock)
    marks: dict[str, Counter[str]] = field(default_factory=dict)

    @property
    def written(self) -> bool:
        return not self.dry_run and not self.proposed


def run(request: ImportRequest) -> ImportResult:
    """``swot import``: propose or read the map, read every row, then preview or append."""
    from swot.files.workshop import find_round
    from swot.jobs.workshop import open_workshop

    loaded, language = open_workshop(request.folder, request.lang)
    request.check(language)
    round_id = find_round(loaded, request.round_id, language).id
    with _collector_paused():
        return _run(request, loaded, language, round_id)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off while an export is read and appended: its rows and entries
    (hundreds of thousands of objects, none in a cycle) would be walked at every collection,
    which took 40 % of the time of reading 50,000 rows."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _run(
    request: ImportRequest, loaded: LoadedWorkshop, language: str, round_id: str
) -> ImportResult:
    result, imap = _mapped(request, loaded, language, round_id)
    if imap is None:
        return result
    rows = _read_rows(result, imap)
    if rows.problems and not request.skip_bad_rows:
        if result.written:
            raise _bad_rows_error(result, rows)
        result.row_problems = _bad_rows_error(result, rows).problems
        return result
    result.skipped_rows = rows.problems
    result.without_answers = rows.without_answers
    if result.written:
        for respondent in rows.respondents:  # each row's mark, while its cells are there
            _ = respondent.mark
        result.table.forget_cells()  # 50,000 rows' cells would add to the memory appending takes
        _append(result, rows)
    else:
        _preview(result, rows)
    return result


def _mapped(
    request: ImportRequest, loaded: LoadedWorkshop, language: str, round_id: str
) -> tuple[ImportResult, ImportMap | None]:
    """The export, the proposal, and the map matched to the export (None while the proposed
    map still needs a person: its problems are in the result)."""
    from swot.errors import DataError
    from swot.files.imports.columns import propose
    from swot.files.imports.mapfile import map_path, read_map, resolve
    from swot.files.imports.proposal import proposal_text, unit_translations
    from swot.files.imports.tables import read_table
    from swot.files.located import display_path
    from swot.files.storage import atomic_write_text
    from swot.files.workshop import _unit_lookup

    path = request.map_file or map_path(loaded, request.file)
    proposed = not path.exists()
    spec = None if proposed else read_map(path, loaded, language)
    sheet = spec.sheet if spec is not None else None
    table = read_table(request.file, language, sheet, display_path(path))
    units = _unit_lookup(loaded)
    proposal = propose(table, loaded, units)
    result = ImportResult(
        loaded, language, round_id, table, proposal, path, proposed, request.dry_run
    )
    result.warnings = _encoding_warning(table, language)
    if spec is None:
        text = proposal_text(proposal, loaded, unit_translations(proposal, units))
        if not request.dry_run:
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_text(path, text)
        spec = read_map(path, loaded, language, text=text)
        if spec.problems:
            try:
                resolve(spec, table, language)
            except DataError as error:
                result.map_problems = error.problems
            return result, None
    imap = resolve(spec, table, language)
    result.imap = imap
    result.warnings += _unlisted(table, imap, language)
    mapped = set(imap.mapped_columns())
    result.ignored = Counter(g.kind or "other" for g in proposal.columns if g.index not in mapped)
    return result, imap


def _encoding_warning(table: Table, lang: str) -> list[Problem]:
    """Which encoding a CSV file that is not UTF-8 was read in, and what to do if it is not."""
    from swot.errors import Problem

    if table.encoding is None:
        return []
    return [
        Problem(
            table.file,
            say(MESSAGES, "encoding", lang, encoding=table.encoding),
            say(MESSAGES, "encoding.hint", lang),
            code="encoding",
            severity="warning",
        )
    ]


def _unlisted(table: Table, imap: ImportMap, lang: str) -> list[Problem]:
    """A warning for each column with a heading that the map neither reads nor ignores."""
    from swot.errors import Problem
    from swot.files.located import display_path

    return [
        Problem(
            table.file,
            say(MESSAGES, "not_listed", lang),
            say(MESSAGES, "not_listed.hint", lang, map=display_path(imap.spec.path)),
            where=table.place(lang, column=index),
            code="not_listed",
            severity="warning",
        )
        for index, heading in enumerate(table.header)
        if heading and index not in imap.listed
    ]


def _read_rows(result: ImportResult, imap: ImportMap) -> ReadRows:
    from swot.files.imports.mapfile import ENTRIES
    from swot.files.imports.rows import RowReader, narrow_rows
    from swot.files.workshop import _unit_lookup

    workshop, lang = result.workshop, result.language
    if imap.spec.rows == ENTRIES:
        return narrow_rows(result.table, imap, workshop, result.round_id, lang)
    reader = RowReader(result.table, imap, workshop, result.round_id, lang, _unit_lookup(workshop))
    return reader.read(partial(_recorded, result))


def _recorded(result: ImportResult, unit: str) -> Counter[str]:
    """The marks the unit's entries file holds (none if there is no file), read once."""
    from swot.files.appending import recorded_marks

    if unit not in result.marks:
        path = result.workshop.entries_file(result.round_id, unit)
        data = path.read_bytes() if path.exists() else None
        result.marks[unit] = recorded_marks(data, path, result.language)
    return result.marks[unit]


def _bad_rows_error(result: ImportResult, rows: ReadRows) -> DataError:
    """Without ``--skip-bad-rows`` a row with a problem stops the import before it writes: every
    problem (up to 50), then what that means and the ways on."""
    from swot.errors import DataError, Problem
    from swot.files.located import display_path

    lang = result.language
    shown = [p for _, p in rows.problems[:MAX_SHOWN_PROBLEMS]]
    if len(rows.problems) > MAX_SHOWN_PROBLEMS:
        more = len(rows.problems) - MAX_SHOWN_PROBLEMS
        shown.append(Problem(result.table.file, say(MESSAGES, "more", lang, count=more)))
    map_file = display_path(result.map_path)
    shown.append(
        Problem(
            result.table.file,
            say(MESSAGES, "bad_rows", lang, count=len(rows.bad_rows)),
            say(MESSAGES, "bad_rows.hint", lang, map=map_file),
            code="bad_rows",
        )
    )
    return DataError(shown)


def _by_unit(rows: ReadRows) -> dict[str, list[Respondent]]:
    """The new respondents of each unit, the units in the order of their first row with answers
    (those whose rows are all in their file already too)."""
    first = {unit: numbers[0] for unit, numbers in rows.already.items()}
    for respondent in rows.respondents:
        first[respondent.unit] = min(first.get(respondent.unit, respondent.row), respondent.row)
    groups: dict[str, list[Respondent]] = {u: [] for u in sorted(first, key=first.__getitem__)}
    for respondent in rows.respondents:
        groups[respondent.unit].append(respondent)
    return groups


def _preview(result: ImportResult, rows: ReadRows) -> None:
    """What an import would add per unit, counting the rows each unit's file already holds."""
    for unit, group in _by_unit(rows).items():
        path = result.workshop.entries_file(result.round_id, unit)
        new = _new_rows(group, _recorded(result, unit)) if group else []
        there = len(rows.already.get(unit, ()))
        share = UnitImport(unit, path, already=there + len(group) - len(new))
        share.respondents = sum(1 for r in new if r.new_respondent)
        share.entries = sum(len(r.entries) for r in new)
        for respondent in new:
            room = PREVIEW_ENTRIES - len(result.first_entries)
            result.first_entries += respondent.entries[: max(room, 0)]
        result.units.append(share)


def _append(result: ImportResult, rows: ReadRows) -> None:
    """Append every unit's new rows. Each file that gets any is checked before the first is
    written (a file with nothing new is not read at all, so a weekly re-run costs little)."""
    from swot.files.appending import EntriesAppender, MarkedBatch

    lang = result.language
    appenders = {}
    shares: dict[str, UnitImport] = {}
    groups = _by_unit(rows)
    for unit, group in groups.items():
        appender = EntriesAppender(result.workshop, result.round_id, unit, lang)
        appender.invalid_key = "import_invalid"
        if group and _new_rows(group, _recorded(result, unit)):
            appender.check()
            appenders[unit] = appender
        else:  # every row there already: nothing to write, as if the import had ended now
            there = len(rows.already.get(unit, ()))
            shares[unit] = UnitImport(unit, appender.path, already=there + len(group))
    for unit, appender in list(appenders.items()):
        batches = [MarkedBatch(r.mark, r.entries, r.new_respondent) for r in groups[unit]]
        del appenders[unit]  # what it remembers of its file is not needed after
        saved = appender.save_marked(batches)
        result.first_entries += saved.entries[: PREVIEW_ENTRIES - len(result.first_entries)]
        share = UnitImport(unit, appender.path, len(saved.respondents), len(saved.entries))
        share.already = len(rows.already.get(unit, ())) + saved.skipped
        share.respondent_ids = saved.respondents
        shares[unit] = share
    result.units += [shares[unit] for unit in groups]


def _new_rows(group: list[Respondent], recorded: Counter[str]) -> list[Respondent]:
    """The respondents of ``group`` whose mark the file does not hold yet (as often as here)."""
    from swot.files.appending import unrecorded

    if not recorded:  # a file without marks: every one (without working out their marks)
        return list(group)
    return [group[i] for i in unrecorded([r.mark for r in group], recorded)]
