"""The prioritise job (``swot prioritise``): the round merged as ``swot merge`` does it, the top
items of each quadrant of a theme, and the judgments so far; the questions are asked in
``swot.cli.prioritise_session``, and every answer comes back here to be saved at once.

What is asked: the pairs of the top ``--top`` items of each quadrant (with any item judged
before in this round and theme, so a matrix never loses a factor), then the pairs of the
quadrants that have items. A rerun asks only what the rater has not judged yet."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from swot.errors import UsageError
from swot.i18n import catalogue, say
from swot.jobs.workshop import no_terminal
from swot.vocabulary import QUADRANT_ORDER

if TYPE_CHECKING:
    from swot.analysis.awot import AwotRound, Factor, FactorIndex, Matrix, Unmatched
    from swot.analysis.round_merge import RoundMerge
    from swot.files.priorities import Judgment, Priorities
    from swot.files.workshop import LoadedWorkshop

MESSAGES = catalogue("jobs/prioritise")
DEFAULT_TOP = 4  # 6 pairs a quadrant; Kurttila et al. compare 3–5 factors per SWOT group
MOST_TOP = 9  # 36 pairs a quadrant is as much as a room will answer


def _refuse(key: str, lang: str, **params: object) -> UsageError:
    return UsageError(say(MESSAGES, key, lang, **params), say(MESSAGES, f"{key}.hint", lang))


@dataclass
class PrioritiseRequest:
    """``swot prioritise``: which round (None: the latest) and theme (None: asked, or the only
    one), how many items of each quadrant, who judges (None: asked), and whether someone can
    answer questions."""

    folder: Path = Path(".")
    lang: str | None = None
    round_id: str | None = None
    theme: str | None = None
    top: int = DEFAULT_TOP
    rater: str | None = None
    is_terminal: Callable[[], bool] = no_terminal

    def check(self, lang: str) -> None:
        """``--top`` from 2 to 9 (one item has nothing to be compared with); a terminal."""
        if not 2 <= self.top <= MOST_TOP:
            raise _refuse("bad_top", lang, value=self.top, most=MOST_TOP)
        if self.rater is not None and not self.rater.strip():
            raise _refuse("bad_rater", lang)
        if not self.is_terminal():
            raise _refuse("no_terminal", lang)


@dataclass
class Prioritising:
    """A session's state: the merged round, the judgments of priorities.yaml (kept in step
    with the file as answers are saved), and what the options already chose."""

    workshop: LoadedWorkshop
    language: str
    merge: RoundMerge
    priorities: Priorities
    top: int
    theme: str | None = None
    rater: str | None = None
    saved: list[Judgment] = field(default_factory=list)  # appended by this session
    revised: list[Judgment] = field(default_factory=list)  # changed by this session
    factor_index: FactorIndex | None = field(default=None, repr=False)

    @property
    def round_id(self) -> str:
        return self.merge.round.id

    @property
    def path(self) -> Path:
        from swot.files.priorities import PRIORITIES_FILE

        return self.workshop.folder / PRIORITIES_FILE

    def _index(self) -> FactorIndex:
        """The merged items by id and wording (made once: the merge does not change)."""
        from swot.analysis.awot import FactorIndex

        if self.factor_index is None:
            self.factor_index = FactorIndex(self.merge.items)
        return self.factor_index

    def factors(self, theme: str) -> dict[str, list[Factor]]:
        """Quadrant value → its top items, best first (the breadth order of ``swot merge``)."""
        from swot.analysis.awot import factor_of

        found: dict[str, list[Factor]] = {}
        for ranked in self.merge.ranked:
            if ranked.item.theme == theme:
                mine = found.setdefault(ranked.item.quadrant.value, [])
                if len(mine) < self.top:
                    mine.append(factor_of(ranked.item))
        return found

    def matrices(self, theme: str) -> dict[str, Matrix]:
        """Every matrix of the theme as the session asks it: the top items and anything judged
        before; the quadrants matrix of the quadrants that have items."""
        from swot.analysis.awot import quadrant_factor, theme_matrices
        from swot.files.priorities import QUADRANTS
        from swot.vocabulary import Quadrant

        seed = self.factors(theme)
        seed[QUADRANTS] = [quadrant_factor(Quadrant(q)) for q in seed if seed[q]]
        matrices, _ = theme_matrices(theme, self.priorities.of(self.round_id), self._index(), seed)
        return matrices

    def order(self, theme: str) -> list[str]:
        """The matrices to ask, in S, W, O, T order and then the quadrants: those with at
        least two factors."""
        from swot.files.priorities import QUADRANTS

        matrices = self.matrices(theme)
        names = [q.value for q in QUADRANT_ORDER] + [QUADRANTS]
        return [n for n in names if n in matrices and len(matrices[n].factors) >= 2]

    def unmatched(self, theme: str) -> list[Unmatched]:
        """The theme's judgments in this round that match no item now (asked anew)."""
        from swot.analysis.awot import theme_matrices

        return theme_matrices(theme, self.priorities.of(self.round_id), self._index())[1]

    def save(self, theme: str, matrix: str, a: Factor, b: Factor, value: float) -> Judgment:
        """Append one judgment to priorities.yaml at once ('a weighs value times b')."""
        from swot.files.priorities import QUADRANTS, Judgment, append_judgment

        assert self.rater is not None
        quadrants = matrix == QUADRANTS
        judgment = Judgment(
            round=self.round_id,
            theme=theme,
            rater=self.rater,
            matrix=matrix,
            a=a.key if quadrants else a.text,
            b=b.key if quadrants else b.text,
            value=value,
            a_id=None if quadrants else a.key,
            b_id=None if quadrants else b.key,
        )
        name = self.workshop.workshop.theme(theme).name(self.workshop.language).lower()
        append_judgment(self.workshop, judgment, self.language, name)
        self._reread()
        self.saved.append(judgment)
        return judgment

    def revise(self, judgment: Judgment, value: float) -> bool:
        """Put a new value in place of a judgment in priorities.yaml; False when the file was
        edited there since (then a person changes it by hand)."""
        from swot.files.priorities import revise_judgment

        if not revise_judgment(self.workshop, judgment, value, self.language):
            return False
        self._reread()
        self.revised.append(dataclasses.replace(judgment, value=value))
        return True

    def _reread(self) -> None:
        """The judgments as the file now holds them (lines and places included)."""
        from swot.files.priorities import load_priorities

        self.priorities = load_priorities(self.workshop, self.language)

    def result(self) -> AwotRound:
        """The round's A'WOT as the handout will show it (every rater, as a group)."""
        from swot.analysis.awot import awot_round

        return awot_round(self.round_id, self.priorities.of(self.round_id), self.merge.items)


def run(request: PrioritiseRequest) -> Prioritising:
    """``swot prioritise``: merge the round (merges.yaml followed) and read priorities.yaml;
    a broken priorities.yaml stops here, before any question, with every problem named."""
    from swot.analysis.similarity import DEFAULT_SIMILARITY
    from swot.files.priorities import load_priorities
    from swot.files.workshop import find_theme
    from swot.jobs.merge import merged_round
    from swot.jobs.workshop import open_workshop

    loaded, language = open_workshop(request.folder, request.lang, cache=True)
    request.check(language)
    theme = find_theme(loaded, request.theme, language) if request.theme else None
    if theme is None and len(loaded.workshop.themes) == 1:
        theme = loaded.workshop.themes[0].id
    merge = merged_round(loaded, request.round_id, language, DEFAULT_SIMILARITY, "breadth")
    priorities = load_priorities(loaded, language)
    rater = request.rater.strip() if request.rater else None
    return Prioritising(loaded, language, merge, priorities, request.top, theme, rater)
