"""``swot vote``'s questions: the top items of a theme numbered, then either each item's dots
(counted on the wall) or each participant's dots one by one (the numbers of the items they
dotted). Asked behind the ``Prompter`` of ``swot.cli.prompts``; every count is saved in
votes.yaml by the job before the next question, and Ctrl-C or Ctrl-D keep them all."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING

from swot.cli.prompts import Interrupted, Prompter
from swot.errors import shorten
from swot.files.located import display_path
from swot.i18n import catalogue, say
from swot.vocabulary import QUADRANT_NAMES

if TYPE_CHECKING:
    from swot.analysis.grouping import MergedItem
    from swot.jobs.vote import Voting

MESSAGES = catalogue("cli/vote_session")
MOST_DOTS = 10_000  # as votes.yaml allows
_NUMBERS = re.compile(r"[\s,;]+")


class VoteSession:
    """The room's dot votes for one theme."""

    def __init__(
        self, plan: Voting, say_line: Callable[[str], None], prompter: Prompter | None = None
    ) -> None:
        self.plan = plan
        self.lang = plan.language
        self.say_line = say_line
        self.ask = prompter or Prompter(plan.language)

    def run(self) -> Voting:
        """Ask until the room is done; Ctrl-C/Ctrl-D raise ``Interrupted``."""
        try:
            self._run()
        except (KeyboardInterrupt, EOFError):
            raise Interrupted(self.interrupted_line()) from None
        return self.plan

    def _run(self) -> None:
        if self.plan.theme is None:
            themes = self.plan.workshop.workshop.themes
            choices = [(t.name(self.lang), t.id) for t in themes]
            self.plan.theme = str(
                self.ask.select(say(MESSAGES, "theme", self.lang), choices, themes[0].id)
            )
        items = self.plan.items(self.plan.theme)
        if not items:
            self.say_line(say(MESSAGES, "no_items", self.lang))
            return
        self._show(items)
        if self.plan.each:
            self._participants(items)
        else:
            self._totals(items)

    def _show(self, items: list[MergedItem]) -> None:
        """The numbered items, under their quadrants: the numbers the room uses."""
        shown = None
        for number, item in enumerate(items, start=1):
            if item.quadrant is not shown:
                shown = item.quadrant
                self.say_line(QUADRANT_NAMES[item.quadrant][self.lang])
            self.say_line(f"  {number:>2}. {item.text}")

    def _totals(self, items: list[MergedItem]) -> None:
        """Each item's dots; items the round already has votes for are not asked again."""
        todo = [(n, item) for n, item in enumerate(items, start=1) if not self.plan.recorded(item)]
        if len(todo) < len(items):
            self.say_line(say(MESSAGES, "already", self.lang, count=len(items) - len(todo)))
        for number, item in todo:
            answer = self.ask.text(
                say(MESSAGES, "dots", self.lang, number=number, text=shorten(item.text, 60)),
                say(MESSAGES, "dots.instruction", self.lang),
                self._count_error,
            )
            self.plan.save([(item, int(answer.strip() or 0))])

    def _count_error(self, answer: str) -> str | None:
        text = answer.strip()
        if not text or (text.isdigit() and int(text) <= MOST_DOTS):
            return None
        return say(MESSAGES, "dots.bad", self.lang, value=shorten(text, 20), most=MOST_DOTS)

    def _participants(self, items: list[MergedItem]) -> None:
        """Each participant's dots as the numbers of the items dotted ('1 1 4'), until an empty
        line; one vote line per item and participant."""
        number = 1
        while True:
            answer = self.ask.text(
                say(MESSAGES, "participant", self.lang, number=number),
                say(MESSAGES, "participant.instruction", self.lang),
                lambda text: self._picks_error(text, len(items)),
            )
            if not answer.strip():
                return
            picks = Counter(int(x) for x in _NUMBERS.split(answer.strip()))
            note = say(MESSAGES, "participant.note", self.lang, number=number)
            self.plan.save([(items[k - 1], count) for k, count in sorted(picks.items())], note)
            dots = sum(picks.values())
            self.say_line(say(MESSAGES, "participant.saved", self.lang, number=number, dots=dots))
            number += 1

    def _picks_error(self, answer: str, count: int) -> str | None:
        words = [w for w in _NUMBERS.split(answer.strip()) if w]
        wrong = [w for w in words if not (w.isdigit() and 1 <= int(w) <= count)]
        if wrong:
            return say(
                MESSAGES, "participant.bad", self.lang, value=shorten(wrong[0], 20), count=count
            )
        return None

    def interrupted_line(self) -> str:
        """The one line printed on Ctrl-C/Ctrl-D: how many vote lines were saved, and where."""
        if not self.plan.saved:
            return say(MESSAGES, "interrupted.none", self.lang)
        file = display_path(self.plan.path)
        return say(MESSAGES, "interrupted", self.lang, count=len(self.plan.saved), file=file)
