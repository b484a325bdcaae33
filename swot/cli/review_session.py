"""``swot review``'s questions: each uncertain pair shown, asked about, and the answer saved."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from swot.cli.app import console
from swot.i18n import catalogue, say

if TYPE_CHECKING:
    from swot.analysis.grouping import ReviewPair
    from swot.files.workshop import LoadedWorkshop

MESSAGES = catalogue("cli/review_session")


def run_review(
    loaded: LoadedWorkshop,
    pairs: list[ReviewPair],
    language: str,
    threshold: float,
    ask: Callable[[ReviewPair, str, str], str],
) -> int:
    """Ask about each pair with ``ask(pair, header, language) -> 'join'|'apart'|'skip'|'quit'``;
    append each decision to merges.yaml at once. Returns the number of decisions saved.
    """
    from swot.files.decisions import MERGES_FILE
    from swot.files.located import display_path
    from swot.i18n import format_number
    from swot.jobs.review import record_answer

    out = console()
    path_shown = display_path(loaded.folder / MERGES_FILE)
    shown_threshold = format_number(threshold, language, 0)
    if not pairs:
        out.print(say(MESSAGES, "review.none", language, similarity=shown_threshold), markup=False)
        return 0
    intro = say(
        MESSAGES,
        "review.intro",
        language,
        count=len(pairs),
        similarity=shown_threshold,
        file=path_shown,
    )
    out.print(intro, markup=False)
    saved = 0
    for number, pair in enumerate(pairs, start=1):
        answer = ask(pair, _header(loaded, pair, number, len(pairs), language), language)
        if answer == "quit":
            break
        if record_answer(loaded, pair, answer, language):
            saved += 1
            out.print(say(MESSAGES, "review.saved", language, file=path_shown), markup=False)
    out.print(say(MESSAGES, "review.done", language, count=saved, file=path_shown), markup=False)
    return saved


def _header(loaded: LoadedWorkshop, pair: ReviewPair, number: int, count: int, lang: str) -> str:
    """'3/12 · Gender equality · Weaknesses · similarity 84.2 · now separate'."""
    from swot.i18n import format_number
    from swot.vocabulary import quadrant_name

    return say(
        MESSAGES,
        "review.pair",
        lang,
        number=number,
        count=count,
        theme=loaded.workshop.theme(pair.theme).name(lang),
        quadrant=quadrant_name(pair.quadrant, lang),
        score=format_number(pair.score, lang),
        state=say(MESSAGES, "review.together" if pair.together else "review.apart", lang),
    )


def ask_pair(pair: ReviewPair, header: str, language: str) -> str:
    """Show two wordings and ask whether they say the same thing."""
    import questionary

    out = console()
    out.print()
    out.print(header, markup=False)
    out.print(f"  A: {pair.left}", markup=False)
    out.print(f"  B: {pair.right}", markup=False)
    choices = [
        questionary.Choice(say(MESSAGES, "review.join", language), value="join"),
        questionary.Choice(say(MESSAGES, "review.keep_apart", language), value="apart"),
        questionary.Choice(say(MESSAGES, "review.skip", language), value="skip"),
        questionary.Choice(say(MESSAGES, "review.quit", language), value="quit"),
    ]
    answer: str = questionary.select(
        say(MESSAGES, "review.question", language),
        choices=choices,
        default=choices[0 if pair.together else 1],
    ).unsafe_ask()
    return answer
