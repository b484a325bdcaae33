"""The vote job (``swot vote``): dot votes captured in the room. The round is merged as
``swot merge`` does it, the top items of each quadrant of a theme are numbered, and each count
the room gives (an item's dots, or one participant's dots) is appended to votes.yaml at once,
with the round it belongs to; the questions are asked in ``swot.cli.vote_session``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from swot.errors import UsageError
from swot.i18n import catalogue, say
from swot.jobs.workshop import no_terminal
from swot.vocabulary import QUADRANT_ORDER

if TYPE_CHECKING:
    from swot.analysis.grouping import MergedItem
    from swot.analysis.round_merge import RoundMerge
    from swot.files.decisions import Vote, Votes
    from swot.files.workshop import LoadedWorkshop

MESSAGES = catalogue("jobs/vote")
DEFAULT_TOP = 5  # the 2×2 grid of the handout shows five items a quadrant


@dataclass
class VoteRequest:
    """``swot vote``: round (None: the latest), theme (None: asked, or the only one), items per
    quadrant, per participant (``each``) or per item, and whether someone can answer."""

    folder: Path = Path(".")
    lang: str | None = None
    round_id: str | None = None
    theme: str | None = None
    top: int = DEFAULT_TOP
    each: bool = False
    is_terminal: Callable[[], bool] = no_terminal

    def check(self, lang: str) -> None:
        if not 1 <= self.top <= 20:
            raise UsageError(
                say(MESSAGES, "bad_top", lang, value=self.top), say(MESSAGES, "bad_top.hint", lang)
            )
        if not self.is_terminal():
            raise UsageError(
                say(MESSAGES, "no_terminal", lang), say(MESSAGES, "no_terminal.hint", lang)
            )


@dataclass
class Voting:
    """A vote session's state: the merged round and the votes of votes.yaml so far."""

    workshop: LoadedWorkshop
    language: str
    merge: RoundMerge
    votes: Votes
    top: int
    each: bool
    theme: str | None = None
    saved: list[Vote] = field(default_factory=list)

    @property
    def round_id(self) -> str:
        return self.merge.round.id

    @property
    def path(self) -> Path:
        from swot.files.decisions import VOTES_FILE

        return self.workshop.folder / VOTES_FILE

    def items(self, theme: str) -> list[MergedItem]:
        """The top items of each quadrant, S, W, O, T, in the breadth order (numbered from 1
        in this order in the room)."""
        found: list[MergedItem] = []
        for quadrant in QUADRANT_ORDER:
            mine = [
                r.item
                for r in self.merge.ranked
                if r.item.theme == theme and r.item.quadrant is quadrant
            ]
            found += mine[: self.top]
        return found

    def counts(self) -> dict[str, int]:
        """Item key → the round's dot votes so far (every vote line added up)."""
        from swot.analysis.ranking import votes_by_key

        return votes_by_key(self.merge.items, self.votes.for_round(self.round_id))[0]

    def recorded(self, item: MergedItem) -> bool:
        """Whether votes.yaml has any vote for the item in this round."""
        from swot.analysis.ranking import votes_by_key

        mine = self.votes.for_round(self.round_id)
        return item.key in votes_by_key([item], mine)[0]

    def save(self, counts: list[tuple[MergedItem, int]], note: str | None = None) -> None:
        """Append one vote per item (``note`` names the participant) to votes.yaml at once."""
        from swot.files.decisions import Vote, append_votes, load_votes

        votes = [
            Vote(item.theme, item.quadrant, count, item.text, item.key, self.round_id, note=note)
            for item, count in counts
        ]
        append_votes(self.workshop, votes, self.language)
        self.votes = load_votes(self.workshop, self.language)
        self.saved += votes


def run(request: VoteRequest) -> Voting:
    """``swot vote``: merge the round and read votes.yaml (a broken one stops here)."""
    from swot.analysis.similarity import DEFAULT_SIMILARITY
    from swot.files.decisions import load_votes
    from swot.files.workshop import find_theme
    from swot.jobs.merge import merged_round
    from swot.jobs.workshop import open_workshop

    loaded, language = open_workshop(request.folder, request.lang, cache=True)
    request.check(language)
    theme = find_theme(loaded, request.theme, language) if request.theme else None
    if theme is None and len(loaded.workshop.themes) == 1:
        theme = loaded.workshop.themes[0].id
    merge = merged_round(loaded, request.round_id, language, DEFAULT_SIMILARITY, "breadth")
    votes = load_votes(loaded, language)
    return Voting(loaded, language, merge, votes, request.top, request.each, theme)
