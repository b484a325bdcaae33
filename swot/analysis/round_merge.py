"""``RoundMerge``: everything a handout or an export of one merged round shows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from swot.errors import Problem
from swot.models import Entry, Round

if TYPE_CHECKING:
    from swot.analysis.awot import AwotRound
    from swot.analysis.ranking import RankedItem
    from swot.analysis.status import RoundStatus
    from swot.files.decisions import MergeDecisions
    from swot.files.workshop import LoadedWorkshop
    from swot.rounds.load import RoundEntries
from swot.analysis.grouping import MergedItem


@dataclass
class RoundMerge:
    """Everything a handout or an export of one round shows."""

    workshop: LoadedWorkshop
    round: Round
    loaded: RoundEntries
    status: RoundStatus
    items: list[MergedItem]
    ranked: list[RankedItem]
    method: str
    similarity: float
    decisions: MergeDecisions
    warnings: list[Problem]  # files that could not be read, decisions and votes that match nothing
    awot: AwotRound | None = None  # the round's A'WOT priorities (None without priorities.yaml)

    @property
    def entries(self) -> list[Entry]:
        return self.loaded.entries
