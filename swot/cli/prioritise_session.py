"""``swot prioritise``'s questions: who judges, then each pair of each matrix on Saaty's 1–9
scale in words, its CR when the matrix is complete, and (above 0.10) the judgment that
contributes most to the inconsistency, offered to revisit. Asked behind the ``Prompter`` of
``swot.cli.prompts`` (questionary in a terminal, a scripted prompter in tests); every answer is
saved by the job before the next question, and Ctrl-C or Ctrl-D keep them all."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from swot.cli.prompts import Interrupted, Prompter
from swot.errors import shorten
from swot.files.located import display_path
from swot.i18n import catalogue, format_number, say
from swot.vocabulary import QUADRANT_NAMES, Quadrant

if TYPE_CHECKING:
    from swot.analysis.awot import Factor, Matrix, Placed
    from swot.jobs.prioritise import Prioritising

MESSAGES = catalogue("cli/prioritise_session")
DEGREES = (2, 3, 4, 5, 6, 7, 8, 9)  # how much more important; 1 is "equally important"
MAX_REVISITS = 3  # offers to revisit per matrix, so a room is never stuck in a loop
CHOICE_TEXT = 90  # characters of an item's text in a menu (the list above shows it all)


def scale_words(value: int, lang: str) -> str:
    """'något viktigare' for 3: Saaty's scale in words."""
    return say(MESSAGES, f"scale.{value}", lang)


def judgment_words(first: str, second: str, value: float, lang: str) -> str:
    """A judgment as a sentence: "'A' är något viktigare än 'B'" (the nearest scale value)."""
    from swot.analysis.ahp import nearest_on_scale

    near = nearest_on_scale(value)
    if near < 1:
        first, second, near = second, first, 1 / near
    if round(near) == 1:
        return say(MESSAGES, "said.equal", lang, a=first, b=second)
    return say(MESSAGES, "said", lang, a=first, b=second, how=scale_words(round(near), lang))


class PrioritiseSession:
    """The room's session for one theme and one rater."""

    def __init__(
        self,
        plan: Prioritising,
        say_line: Callable[[str], None],
        prompter: Prompter | None = None,
    ) -> None:
        self.plan = plan
        self.lang = plan.language
        self.say_line = say_line
        self.ask = prompter or Prompter(plan.language)
        self.theme = plan.theme or ""

    def run(self) -> Prioritising:
        """Ask until every matrix is complete; Ctrl-C/Ctrl-D raise ``Interrupted``."""
        try:
            self._run()
        except (KeyboardInterrupt, EOFError):
            raise Interrupted(self.interrupted_line()) from None
        return self.plan

    def _run(self) -> None:
        self.theme = self.plan.theme or self._choose_theme()
        self.plan.theme = self.theme
        if self.plan.rater is None:
            self.plan.rater = self._choose_rater()
        self._show_unmatched()
        for name in self.plan.order(self.theme):
            self._matrix(name)

    def _theme_name(self) -> str:
        return self.plan.workshop.workshop.theme(self.theme).name(self.lang)

    def _choose_theme(self) -> str:
        themes = self.plan.workshop.workshop.themes
        choices = [(t.name(self.lang), t.id) for t in themes]
        return str(self.ask.select(say(MESSAGES, "theme", self.lang), choices, themes[0].id))

    def _choose_rater(self) -> str:
        room = say(MESSAGES, "rater.room_name", self.lang)
        choices: list[tuple[str, Any]] = [(say(MESSAGES, "rater.room", self.lang), room)]
        choices += [(u.name, u.name) for u in self.plan.workshop.workshop.units]
        choices.append((say(MESSAGES, "rater.other", self.lang), None))
        chosen = self.ask.select(say(MESSAGES, "rater", self.lang), choices, room, filterable=True)
        if chosen is not None:
            return str(chosen)
        return self.ask.text(
            say(MESSAGES, "rater.name", self.lang),
            say(MESSAGES, "rater.name.instruction", self.lang),
            lambda answer: None if answer.strip() else say(MESSAGES, "rater.empty", self.lang),
        ).strip()

    def _show_unmatched(self) -> None:
        """Judgments of this theme whose items the merge no longer has: their pairs are asked
        anew, and the file keeps them."""
        file = display_path(self.plan.path)
        for lost in self.plan.unmatched(self.theme):
            self.say_line(say(MESSAGES, "unmatched", self.lang, file=file, line=lost.judgment.line))

    # -- one matrix

    def _matrix_title(self, name: str) -> str:
        from swot.files.priorities import QUADRANTS

        if name == QUADRANTS:
            return say(MESSAGES, "matrix.quadrants", self.lang, theme=self._theme_name())
        return f"{self._theme_name()} · {QUADRANT_NAMES[Quadrant(name)][self.lang]}"

    def _matrix(self, name: str) -> None:
        """The pairs of one matrix this rater has not judged, then its consistency."""
        from swot.files.priorities import rater_key

        assert self.plan.rater is not None
        matrix = self.plan.matrices(self.theme)[name]
        missing = matrix.missing(rater_key(self.plan.rater))
        title = self._matrix_title(name)
        one = ".one" if matrix.pairs == 1 else ""
        if not missing:
            done = say(MESSAGES, f"matrix.done{one}", self.lang, title=title, pairs=matrix.pairs)
            self.say_line(done)
            return
        self.say_line("")
        self.say_line(
            say(
                MESSAGES,
                f"matrix.intro{one}",
                self.lang,
                title=title,
                pairs=matrix.pairs,
                left=len(missing),
            )
        )
        for number, factor in enumerate(matrix.factors, start=1):
            self.say_line(f"  {number}. {self._name(factor, name)}")
        for asked, (first, second) in enumerate(missing, start=1):
            progress = say(MESSAGES, "progress", self.lang, number=asked, count=len(missing))
            value = self._ask_pair(name, first, second, progress)
            self.plan.save(self.theme, name, first, second, value)
        self._check(name)

    def _name(self, factor: Factor, matrix: str, limit: int = 0) -> str:
        from swot.files.priorities import QUADRANTS

        if matrix == QUADRANTS:
            return QUADRANT_NAMES[factor.quadrant][self.lang]
        return shorten(factor.text, limit) if limit else factor.text

    def _ask_pair(
        self, matrix: str, first: Factor, second: Factor, progress: str, now: float | None = None
    ) -> float:
        """Which of two weighs more, and how much more: ``first`` weighs the answer times
        ``second``. ``now`` is the judgment being revisited (its answer is the default)."""
        a, b = self._name(first, matrix, CHOICE_TEXT), self._name(second, matrix, CHOICE_TEXT)
        equal = say(MESSAGES, "equal", self.lang)
        default = None if now is None else ("a" if now > 1 else "b" if now < 1 else "=")
        heavier = self.ask.select(
            f"{progress} · " + say(MESSAGES, "which", self.lang, theme=self._theme_in_sentence()),
            [(f"A: {a}", "a"), (f"B: {b}", "b"), (equal, "=")],
            default,
        )
        if heavier == "=":
            return 1.0
        winner, loser = ("A", "B") if heavier == "a" else ("B", "A")
        previous = now if heavier == "a" else (1 / now if now else None)
        degree = round(previous) if previous and previous > 1 else 3
        choices = [(f"{v} – {scale_words(v, self.lang)}", v) for v in DEGREES]
        question = say(MESSAGES, "how_much", self.lang, a=winner, b=loser)
        value = int(self.ask.select(question, choices, degree))
        return float(value) if heavier == "a" else 1 / value

    def _theme_in_sentence(self) -> str:
        name = self._theme_name()
        return name.lower() if self.lang == "sv" else name

    def _check(self, name: str) -> None:
        """The rater's CR once the matrix is complete; above 0.10 the judgment contributing
        most is shown and offered to revisit (at most ``MAX_REVISITS`` times)."""
        from swot.files.priorities import rater_key

        assert self.plan.rater is not None
        key = rater_key(self.plan.rater)
        for attempt in range(MAX_REVISITS + 1):
            matrix = self.plan.matrices(self.theme)[name]
            result = matrix.priorities_of(key)
            if result is None:
                return
            cr = format_number(result.cr, self.lang, 2)
            if result.consistent:
                self.say_line(say(MESSAGES, "cr.ok", self.lang, cr=cr))
                return
            self.say_line(say(MESSAGES, "cr.high", self.lang, cr=cr))
            found = matrix.inconsistency_of(key)
            if found is None or attempt == MAX_REVISITS:
                return
            placed = found[1]
            if len(matrix.factors) == 3:
                if not self._offer_one_of_three(name, matrix, key):
                    return
            # What the others say, oriented as the judgment is written (a against b).
            elif not self._offer(name, matrix.indirect_of(key, placed), placed):
                return

    def _offer(self, name: str, implied: float, placed: Placed) -> bool:
        """Show the most inconsistent judgment and ask again if the room wants to; False when
        the room keeps it (or the file was edited there since)."""
        first, second = placed.a, placed.b
        a, b = self._name(first, name, 60), self._name(second, name, 60)
        value = placed.judgment.value
        self.say_line(
            say(MESSAGES, "worst", self.lang, said=judgment_words(a, b, value, self.lang))
        )
        self.say_line(
            say(MESSAGES, "others", self.lang, implied=judgment_words(a, b, implied, self.lang))
        )
        if not self.ask.yes_no(say(MESSAGES, "revisit", self.lang), default=True):
            return False
        return self._revisit(name, placed)

    def _offer_one_of_three(self, name: str, matrix: Matrix, key: str) -> bool:
        """Of three items every judgment is equally off (they form one cycle): the room picks
        which to revisit, each shown with what the other two say of it."""
        self.say_line(say(MESSAGES, "three", self.lang))
        choices: list[tuple[str, Any]] = []
        for placed in matrix.placed_of(key):
            a, b = self._name(placed.a, name, 30), self._name(placed.b, name, 30)
            said = judgment_words(a, b, placed.judgment.value, self.lang)
            others = judgment_words(a, b, matrix.indirect_of(key, placed), self.lang)
            choices.append(
                (say(MESSAGES, "three.choice", self.lang, said=said, others=others), placed)
            )
        choices.append((say(MESSAGES, "three.none", self.lang), None))
        chosen = self.ask.select(say(MESSAGES, "three.pick", self.lang), choices, None)
        if chosen is None:
            return False
        return self._revisit(name, chosen)

    def _revisit(self, name: str, placed: Placed) -> bool:
        """Ask a judged pair again and put the answer in place of the old one."""
        progress = say(MESSAGES, "again", self.lang)
        new = self._ask_pair(name, placed.a, placed.b, progress, now=placed.judgment.value)
        if self.plan.revise(placed.judgment, new):
            return True
        file = display_path(self.plan.path)
        self.say_line(
            say(MESSAGES, "not_revised", self.lang, file=file, line=placed.judgment.value_at[0])
        )
        return False

    def interrupted_line(self) -> str:
        """The one line printed on Ctrl-C/Ctrl-D: how many judgments were saved, and where."""
        count = len(self.plan.saved)
        if not count:
            return say(MESSAGES, "interrupted.none", self.lang)
        return say(
            MESSAGES, "interrupted", self.lang, count=count, file=display_path(self.plan.path)
        )
