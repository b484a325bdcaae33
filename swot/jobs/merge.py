"""The merge job: load a round, read merges.yaml (and votes.yaml), group, rank and warn — what
``swot merge``, ``export`` and ``review`` share. Nothing is written here.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from swot.analysis.similarity import (
    DEFAULT_SIMILARITY,
)
from swot.errors import Problem
from swot.i18n import Catalogue, say
from swot.models import Entry, Round

if TYPE_CHECKING:
    from concurrent.futures import Executor

    from swot.analysis.status import RoundStatus
    from swot.files.decisions import MergeDecisions
    from swot.files.workshop import LoadedWorkshop
    from swot.rounds.load import RoundEntries
from swot.analysis.grouping import merge_entries
from swot.analysis.round_merge import RoundMerge
from swot.rounds.workers import worker_processes


def load_decisions(workshop: LoadedWorkshop, lang: str | None = None) -> MergeDecisions:
    """The workshop's merges.yaml, read with located errors (see ``swot.files.decisions``)."""
    from swot.files.decisions import load_decisions as load

    return load(workshop, lang)


# ---------------------------------------------------------------- a whole round

MESSAGES: Catalogue = {
    "file_unreadable": {
        "en": "{unit}: {file} could not be read; 0 entries included",
        "sv": "{unit}: {file} kunde inte läsas; 0 poster kom med",
    },
    "file_partly": {
        "en": "{unit}: {file} has errors; {count} entries included, the rest left out",
        "sv": "{unit}: {file} innehåller fel; {count} poster kom med, resten utelämnades",
    },
    "file_entries_left_out": {
        "en": "{unit}: {file} has errors; {count} entries included, {left} left out",
        "sv": "{unit}: {file} innehåller fel; {count} poster kom med, {left} utelämnades",
    },
    "unit_missing": {
        "en": "{unit}: no entries file for this round; 0 entries included",
        "sv": "{unit}: ingen fil med poster i den här omgången; 0 poster kom med",
    },
    "unit_missing.hint": {
        "en": "add the unit's answers with `swot collect`, or leave it out of this round",
        "sv": "lägg till enhetens svar med `swot collect`, eller hoppa över den här omgången",
    },
    "file.hint": {
        "en": "run `swot validate {file}` to see each error and how to fix it",
        "sv": "kör `swot validate {file}` för att se varje fel och hur det rättas",
    },
}


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
    progress: Callable[[int, int], None] | None,
    pool: Executor | None,
) -> RoundMerge:
    from swot.analysis.ranking import rank_items, votes_by_key
    from swot.analysis.status import round_status
    from swot.files.decisions import load_votes
    from swot.files.located import display_path

    loaded = load_round_entries(workshop, round_.id, language, progress, pool)
    statuses: list[RoundStatus] = []
    warnings: list[Problem] = []

    def meanwhile() -> None:
        """What does not depend on the groups: done while worker processes group."""
        loaded.save_cache()
        statuses.append(round_status(workshop, round_.id, language, loaded=loaded))
        warnings.extend(_file_warnings(workshop, loaded, language, display_path))
        for unit_id in loaded.missing_units:
            unit = workshop.workshop.unit(unit_id)
            warnings.append(
                Problem(
                    file=display_path(workshop.entries_file(round_.id, unit_id)),
                    message=say(
                        MESSAGES, "unit_missing", language, unit=unit.name if unit else unit_id
                    ),
                    hint=say(MESSAGES, "unit_missing.hint", language),
                    code="unit_missing",
                    severity="warning",
                )
            )
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
    status = statuses[0]
    counts: dict[str, int] | None = None
    if method == "votes":
        from swot.files.decisions import MESSAGES as DECISION_MESSAGES

        votes = load_votes(workshop, language)
        counts, unmatched = votes_by_key(items, votes.for_round(round_.id))
        for vote in unmatched:
            warnings.append(
                Problem(
                    file=display_path(votes.path) if votes.path else "votes.yaml",
                    line=vote.line,
                    message=say(DECISION_MESSAGES, "vote_unmatched", language, round=round_.id),
                    hint=say(DECISION_MESSAGES, "vote_unmatched.hint", language),
                    code="vote_unmatched",
                    severity="warning",
                )
            )
    ranked = rank_items(items, method, counts)
    return RoundMerge(
        workshop, round_, loaded, status, items, ranked, method, similarity, decisions, warnings
    )


def _file_warnings(
    workshop: LoadedWorkshop,
    loaded: RoundEntries,
    lang: str,
    display_path: Callable[[Path], str],
) -> list[Problem]:
    """One warning per entries file with errors: which unit, how many of its entries count."""
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
