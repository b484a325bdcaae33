"""The review job: the pairs of wordings close to the threshold, and each answer about one saved
in merges.yaml at once (the questions are asked in ``swot.cli``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from swot.i18n import catalogue, say
from swot.jobs.merge import ProgressDisplay, RoundRequest, merged_round, open_round
from swot.jobs.workshop import no_terminal

if TYPE_CHECKING:
    from swot.analysis.grouping import ReviewPair
    from swot.files.workshop import LoadedWorkshop

MESSAGES = catalogue("jobs/review")
GRID_TOP = 5  # swot merge's --top by default


@dataclass
class ReviewRequest(RoundRequest):
    """``swot review``; ``is_terminal`` tells whether someone can answer questions."""

    is_terminal: Callable[[], bool] = no_terminal

    def check(self, lang: str) -> float:
        from swot.errors import UsageError

        threshold = super().check(lang)
        if not self.is_terminal():
            raise UsageError(
                say(MESSAGES, "no_terminal", lang), say(MESSAGES, "no_terminal.hint", lang)
            )
        return threshold


@dataclass
class ReviewPlan:
    """The pairs to ask about, in the order asked."""

    workshop: LoadedWorkshop
    pairs: list[ReviewPair]
    language: str
    similarity: float


def run(request: ReviewRequest, progress: ProgressDisplay | None = None) -> ReviewPlan:
    """``swot review``: merge the round (merges.yaml followed) and find the uncertain pairs."""
    from swot.analysis.grouping import review_pairs
    from swot.jobs.merge import load_decisions

    loaded, language, threshold = open_round(request)
    merge = merged_round(loaded, request.round_id, language, threshold, "breadth", progress)
    decisions = load_decisions(loaded, language)
    # The items the handout's grid shows (its default --top), ranked by breadth as merge does.
    grid = frozenset(r.item.key for r in merge.ranked if r.rank <= GRID_TOP)
    pairs = review_pairs(merge.entries, similarity=threshold, decisions=decisions, grid=grid)
    return ReviewPlan(loaded, pairs, language, threshold)


def record_answer(
    workshop: LoadedWorkshop, pair: ReviewPair, answer: str, lang: str, wording: str | None = None
) -> bool:
    """Append a join (with ``wording``, the text the handout shows for the group, if given) or
    apart answer to merges.yaml; False (nothing saved) for any other."""
    from swot.files.decisions import APART, JOIN, MergeDecision, append_decisions

    if answer not in (JOIN, APART):
        return False
    wording = wording.strip() if answer == JOIN and wording else None
    texts = (pair.left, pair.right)
    decision = MergeDecision(answer, pair.theme, pair.quadrant, texts, wording or None)
    append_decisions(workshop, [decision], lang)
    return True
