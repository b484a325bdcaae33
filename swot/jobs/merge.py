"""The merge job: load a round, read merges.yaml (and votes.yaml), group, rank and warn — what
``swot merge``, ``export`` and ``review`` share — and ``swot merge`` itself (``run``: the
handouts written).
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from swot.analysis.grouping import merge_entries
from swot.analysis.round_merge import RoundMerge
from swot.analysis.similarity import DEFAULT_SIMILARITY, check_similarity
from swot.errors import Problem, UsageError, shorten
from swot.i18n import catalogue, say
from swot.models import Entry, Round
from swot.rounds.workers import worker_processes

if TYPE_CHECKING:
    from concurrent.futures import Executor

    from swot.analysis.awot import AwotRound
    from swot.analysis.grouping import MergedItem
    from swot.analysis.ranking import RankedItem
    from swot.analysis.status import RoundStatus
    from swot.files.decisions import MergeDecisions
    from swot.files.workshop import LoadedWorkshop
    from swot.output.handout import HandoutOptions
    from swot.rounds.load import RoundEntries

Progress = Callable[[int, int], None]  # (files read, files in all)
# Given the number of files and the language: a context holding the progress callback, or None
# (the CLI shows a bar only for many files, and only to someone watching).
ProgressDisplay = Callable[[int, str], AbstractContextManager[Progress | None]]


def load_decisions(workshop: LoadedWorkshop, lang: str | None = None) -> MergeDecisions:
    """The workshop's merges.yaml, read with located errors (see ``swot.files.decisions``)."""
    from swot.files.decisions import load_decisions as load

    return load(workshop, lang)


# ---------------------------------------------------------------- a whole round

MESSAGES = catalogue("jobs/merge")


def load_round_entries(
    workshop: LoadedWorkshop,
    round_id: str,
    lang: str,
    progress: Callable[[int, int], None] | None = None,
    pool: Executor | None = None,
) -> RoundEntries:
    """``swot.rounds.load.load_round``, reporting (files read, files in all) as files are read."""
    from swot.rounds.load import load_round

    return load_round(workshop, round_id, lang, progress, pool=pool, save_later=True)


def _stale_decisions(
    workshop: LoadedWorkshop,
    decisions: MergeDecisions,
    entries: list[Entry],
    round_id: str,
    lang: str,
) -> list[Problem]:
    """Decisions that match no entry of any round.

    merges.yaml holds decisions for the whole workshop: a baseline decision that the
    follow-up no longer needs (because the need went away) is not stale. Other rounds are read
    only when some decision does not fully match this one.
    """
    if not decisions.unmatched(entries, round_id, lang):
        return []
    from swot.files.entries import entries_files, read_entries_file

    everything = list(entries)
    for other in workshop.workshop.rounds:
        if other.id != round_id:
            for path in entries_files(workshop, other.id):
                everything += read_entries_file(path, workshop, lang).entries
    return decisions.unmatched(everything, None, lang)


def merge_round(
    workshop: LoadedWorkshop,
    round_id: str | None = None,
    *,
    similarity: float = DEFAULT_SIMILARITY,
    method: str = "breadth",
    lang: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> RoundMerge:
    """Load a round (default: the latest), merge, apply merges.yaml, rank; nothing is written.

    A broken entries file becomes a warning and the other files still merge. Raises
    ``DataError`` if merges.yaml (or, for ``method="votes"``, votes.yaml) is broken.
    """
    from swot.files.workshop import find_round

    language = lang or workshop.language
    round_ = find_round(workshop, round_id, language)
    decisions = load_decisions(workshop, language)
    # Worker processes pay off when there is grouping to do: not when the round was merged
    # before and is likely unchanged (its groups are remembered), which a warm rerun is.
    remembered = workshop.cache and _remembered(workshop, round_.id)
    with worker_processes(0 if remembered else _round_bytes(workshop, round_.id)) as pool:
        return _merge_round(
            workshop, round_, decisions, similarity, method, language, progress, pool
        )


def _remembered(workshop: LoadedWorkshop, round_id: str) -> bool:
    """Whether the cache holds this round's entries and groups (if a file changed, the few
    buckets it touches are grouped in this process)."""
    from swot.rounds.cache import MergeMemo, RoundCache

    return RoundCache.path_of(workshop, round_id).is_file() and (
        MergeMemo.path_of(workshop, round_id).is_file()
    )


def _round_bytes(workshop: LoadedWorkshop, round_id: str) -> int:
    from swot.files.entries import entries_files

    total = 0
    for path in entries_files(workshop, round_id):
        with contextlib.suppress(OSError):
            total += path.stat().st_size
    return total


def _merge_round(
    workshop: LoadedWorkshop,
    round_: Round,
    decisions: MergeDecisions,
    similarity: float,
    method: str,
    language: str,
    progress: Progress | None,
    pool: Executor | None,
) -> RoundMerge:
    from swot.analysis.status import round_status

    loaded = load_round_entries(workshop, round_.id, language, progress, pool)
    statuses: list[RoundStatus] = []
    warnings: list[Problem] = []

    def meanwhile() -> None:
        """What does not depend on the groups: done while worker processes group."""
        loaded.save_cache()
        statuses.append(round_status(workshop, round_.id, language, loaded=loaded))
        warnings.extend(_file_warnings(workshop, loaded, language))
        warnings.extend(_missing_unit_warnings(workshop, loaded, round_.id, language))
        warnings.extend(_stale_decisions(workshop, decisions, loaded.entries, round_.id, language))

    memo = None
    if workshop.cache:
        from swot.rounds.cache import MergeMemo

        memo = MergeMemo.open(workshop, round_.id)
    items = merge_entries(
        loaded.entries,
        similarity=similarity,
        decisions=decisions,
        memo=memo,
        pool=pool,
        meanwhile=meanwhile,
    )
    if memo is not None:
        memo.save()
    ranked, used, awot = _ranked(workshop, items, round_.id, method, language, warnings)
    return RoundMerge(
        workshop,
        round_,
        loaded,
        statuses[0],
        items,
        ranked,
        used,
        similarity,
        decisions,
        warnings,
        awot,
    )


def _ranked(
    workshop: LoadedWorkshop,
    items: list[MergedItem],
    round_id: str,
    method: str,
    lang: str,
    warnings: list[Problem],
) -> tuple[list[RankedItem], str, AwotRound | None]:
    """The items ranked by ``method``, the method used, and the round's A'WOT (None without
    priorities.yaml). Ranking by votes or priorities that do not exist says so (a warning) and
    ranks by breadth instead, so the handout never claims an order nobody made."""
    from swot.analysis.ranking import rank_items

    awot = _read_awot(workshop, items, round_id, lang, warnings)
    counts: dict[str, int] | None = None
    priorities: dict[str, tuple[float, float | None]] | None = None
    if method == "votes":
        counts = _count_votes(workshop, items, round_id, lang, warnings)
    elif method == "awot":
        priorities = _awot_priorities(workshop, awot, round_id, lang, warnings)
    if (method == "votes" and counts is None) or (method == "awot" and not priorities):
        method = "breadth"
    return rank_items(items, method, counts, priorities), method, awot


def _read_awot(
    workshop: LoadedWorkshop,
    items: list[MergedItem],
    round_id: str,
    lang: str,
    warnings: list[Problem],
) -> AwotRound | None:
    """The round's A'WOT from priorities.yaml (None when there is no such file); a judgment
    that names no item of the round now is a warning with its line."""
    from swot.files.priorities import PRIORITIES_FILE

    if not (workshop.folder / PRIORITIES_FILE).exists():
        return None
    from swot.analysis.awot import awot_round
    from swot.files.located import display_path
    from swot.files.priorities import load_priorities

    read = load_priorities(workshop, lang)
    warnings.extend(read.warnings)
    awot = awot_round(round_id, read.of(round_id), items)
    file = display_path(read.path) if read.path else PRIORITIES_FILE
    for lost in awot.unmatched:
        key = "judgment_unmatched" if lost.missing else "judgment_one_item"
        texts = ", ".join(f"'{shorten(t)}'" for t in lost.missing)
        warnings.append(
            Problem(
                file=file,
                line=lost.judgment.line,
                message=say(MESSAGES, key, lang, round=round_id, texts=texts),
                hint=say(MESSAGES, "judgment_unmatched.hint", lang),
                code=key,
                severity="warning",
            )
        )
    return awot


def _awot_priorities(
    workshop: LoadedWorkshop,
    awot: AwotRound | None,
    round_id: str,
    lang: str,
    warnings: list[Problem],
) -> dict[str, tuple[float, float | None]]:
    """Item key → (local, global) priority for ``--rank awot``; a warning for each theme that
    has none (its items keep the breadth order)."""
    from swot.files.priorities import PRIORITIES_FILE

    priorities = awot.priorities() if awot else {}
    for theme in workshop.workshop.themes:
        mine = awot.themes.get(theme.id) if awot else None
        if mine is None or not any(r.complete for r in mine.factors.values()):
            warnings.append(
                Problem(
                    file=PRIORITIES_FILE,
                    message=say(
                        MESSAGES, "no_priorities", lang, round=round_id, theme=theme.name(lang)
                    ),
                    hint=say(MESSAGES, "no_priorities.hint", lang),
                    code="no_priorities",
                    severity="warning",
                )
            )
    return priorities


def _missing_unit_warnings(
    workshop: LoadedWorkshop, loaded: RoundEntries, round_id: str, lang: str
) -> list[Problem]:
    """One warning per unit the round expects that has no entries file."""
    from swot.files.located import display_path

    warnings = []
    for unit_id in loaded.missing_units:
        unit = workshop.workshop.unit(unit_id)
        warnings.append(
            Problem(
                file=display_path(workshop.entries_file(round_id, unit_id)),
                message=say(MESSAGES, "unit_missing", lang, unit=unit.name if unit else unit_id),
                hint=say(MESSAGES, "unit_missing.hint", lang),
                code="unit_missing",
                severity="warning",
            )
        )
    return warnings


def _count_votes(
    workshop: LoadedWorkshop,
    items: list[MergedItem],
    round_id: str,
    lang: str,
    warnings: list[Problem],
) -> dict[str, int] | None:
    """Votes per item key from votes.yaml; a vote that matches no item is added to ``warnings``.
    None (with a warning) when the round has no votes at all."""
    from swot.analysis.ranking import votes_by_key
    from swot.files.decisions import MESSAGES as DECISION_MESSAGES
    from swot.files.decisions import load_votes
    from swot.files.located import display_path

    votes = load_votes(workshop, lang)
    mine = votes.for_round(round_id)
    if not mine:
        warnings.append(
            Problem(
                file=display_path(votes.path) if votes.path else "votes.yaml",
                message=say(MESSAGES, "no_votes", lang, round=round_id),
                hint=say(MESSAGES, "no_votes.hint", lang),
                code="no_votes",
                severity="warning",
            )
        )
        return None
    counts, unmatched = votes_by_key(items, mine)
    for vote in unmatched:
        warnings.append(
            Problem(
                file=display_path(votes.path) if votes.path else "votes.yaml",
                line=vote.line,
                message=say(DECISION_MESSAGES, "vote_unmatched", lang, round=round_id),
                hint=say(DECISION_MESSAGES, "vote_unmatched.hint", lang),
                code="vote_unmatched",
                severity="warning",
            )
        )
    return counts


def _file_warnings(workshop: LoadedWorkshop, loaded: RoundEntries, lang: str) -> list[Problem]:
    """One warning per entries file with errors: which unit, how many of its entries count."""
    from swot.files.located import display_path

    warnings = []
    for entries_file in loaded.files:
        if entries_file.ok:
            continue
        unit = workshop.workshop.unit(entries_file.unit)
        file = display_path(entries_file.path)
        params = {
            "unit": unit.name if unit else entries_file.unit,
            "file": file,
            "count": len(entries_file.entries),
            "left": entries_file.left_out,
        }
        key = "file_partly" if entries_file.entries else "file_unreadable"
        if entries_file.entries and entries_file.left_out:
            key = "file_entries_left_out"
        warnings.append(
            Problem(
                file=file,
                message=say(MESSAGES, key, lang, **params),
                hint=say(MESSAGES, "file.hint", lang, **params),
                code=key,
                severity="warning",
            )
        )
    return warnings


# ---------------------------------------------------------------- swot merge

REQUEST_MESSAGES = catalogue("jobs/merge-request")


def _refuse(key: str, lang: str, **params: object) -> UsageError:
    return UsageError(
        say(REQUEST_MESSAGES, key, lang, **params),
        say(REQUEST_MESSAGES, f"{key}.hint", lang, **params),
    )


# What people call the formats, for "did you mean": Word's file is a .docx.
FORMAT_NAMES = {"word": "docx", "doc": "docx", "markdown": "md", "htm": "html"}


def check_formats(value: str, lang: str) -> tuple[str, ...]:
    """``--format``: a comma list of html, md, docx and pdf (each once, in the order given);
    a word that is none of them is refused with the nearest one."""
    from swot.output.documents import FORMATS
    from swot.vocabulary import did_you_mean

    wanted = [part.strip().lower() for part in value.split(",") if part.strip()]
    names = ", ".join(FORMATS)
    if not wanted:
        raise _refuse("no_format", lang, formats=names)
    for fmt in wanted:
        if fmt not in FORMATS:
            guess = FORMAT_NAMES.get(fmt) or did_you_mean(fmt, FORMATS)
            key = "bad_format.guess" if guess else "bad_format"
            raise _refuse(key, lang, value=fmt, guess=guess or "", formats=names)
    return tuple(dict.fromkeys(wanted))


def check_method(method: str, lang: str) -> None:
    """``--rank`` must name a ranking method."""
    from swot.analysis.ranking import METHODS

    if method not in METHODS:
        raise _refuse("bad_method", lang, value=method)


@dataclass
class RoundRequest:
    """What ``swot merge``, ``export`` and ``review`` share: a workshop folder, a round (None: the
    latest), ``--lang`` and ``--similarity`` (None: the default)."""

    folder: Path = Path(".")
    lang: str | None = None
    round_id: str | None = None
    similarity: float | None = None

    def check(self, lang: str) -> float:
        """Refuse options that do not go together or out of range; returns the threshold."""
        return check_similarity(self.similarity, lang)


def open_round(request: RoundRequest) -> tuple[LoadedWorkshop, str, float]:
    """The workshop (cached entries allowed), the language to speak and the checked threshold."""
    from swot.jobs.workshop import open_workshop

    loaded, language = open_workshop(request.folder, request.lang, cache=True)
    return loaded, language, request.check(language)


def merged_round(
    loaded: LoadedWorkshop,
    round_id: str | None,
    language: str,
    similarity: float,
    method: str,
    progress: ProgressDisplay | None = None,
) -> RoundMerge:
    """``merge_round``, with ``progress`` told how many files the round has."""
    from swot.files.entries import entries_files
    from swot.files.workshop import find_round

    round_ = find_round(loaded, round_id, language)
    if progress is None:
        merge = merge_round(loaded, round_.id, similarity=similarity, method=method, lang=language)
    else:
        with progress(len(entries_files(loaded, round_.id)), language) as advance:
            merge = merge_round(
                loaded,
                round_.id,
                similarity=similarity,
                method=method,
                lang=language,
                progress=advance,
            )
    if not merge.entries:
        merge.warnings.insert(0, _empty_round(loaded, round_.id, language))
    return merge


def _empty_round(loaded: LoadedWorkshop, round_id: str, lang: str) -> Problem:
    """A round with no entries yet: say so, and name the rounds that have entries."""
    from swot.files.entries import entries_files
    from swot.files.located import display_path

    others = [r for r in loaded.workshop.rounds if r.id != round_id and entries_files(loaded, r.id)]
    key = "empty_round.others" if others else "empty_round"
    example = others[-1].id if others else ""
    return Problem(
        file=display_path(loaded.folder / "entries" / round_id),
        message=say(MESSAGES, key, lang, round=round_id, others=", ".join(r.id for r in others)),
        hint=say(MESSAGES, f"{key}.hint", lang, example=example),
        code="empty_round",
        severity="warning",
    )


@dataclass
class MergeRequest(RoundRequest):
    """``swot merge``: how to rank, how many items the grid and lists show, the cover's date."""

    rank: str = "breadth"
    top: int = 5
    date: str | None = None
    list_limit: int = 50
    formats: str = "html,md"

    def check(self, lang: str) -> float:
        threshold = super().check(lang)
        check_method(self.rank, lang)
        check_formats(self.formats, lang)
        if not 1 <= self.top <= 20:
            raise _refuse("bad_top", lang, value=self.top)
        if self.list_limit < 0:
            raise _refuse("bad_list", lang, value=self.list_limit)
        self.cover_date(lang)
        return threshold

    def cover_date(self, lang: str) -> dt.date | None:
        """``--date`` as a date (None if not given)."""
        if self.date is None:
            return None
        try:
            return dt.date.fromisoformat(self.date.strip())
        except ValueError:
            raise _refuse("bad_date", lang, value=self.date) from None


@dataclass
class MergeResult:
    """What ``swot merge`` did: the merged round, in which language, and the handouts written."""

    merge: RoundMerge
    language: str
    top: int
    written: list[Path] = field(default_factory=list)


def run(request: MergeRequest, progress: ProgressDisplay | None = None) -> MergeResult:
    """``swot merge``: merge and rank the round and write its handouts."""
    from swot.output.handout import HandoutOptions, write_handouts

    loaded, language, threshold = open_round(request)
    merge = merged_round(loaded, request.round_id, language, threshold, request.rank, progress)
    options = HandoutOptions(
        top=request.top,
        lang=language,
        date=request.cover_date(language) or merge.round.date,
        list_limit=request.list_limit,
        formats=check_formats(request.formats, language),
    )
    if options.grid_top < request.top:
        merge.warnings.append(_grid_capped(options, language))
    return MergeResult(merge, language, request.top, write_handouts(merge, options))


def _grid_capped(options: HandoutOptions, lang: str) -> Problem:
    """--top above what the 2×2 grid holds on one page: the grid shows fewer, and says so."""
    params = {"most": options.grid_top, "top": options.top}
    return Problem(
        file="--top",
        message=say(REQUEST_MESSAGES, "grid_capped", lang, **params),
        hint=say(REQUEST_MESSAGES, "grid_capped.hint", lang, **params),
        code="grid_capped",
        severity="warning",
    )
