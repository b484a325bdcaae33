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


Answer = str | tuple[str, str]  # 'join', 'apart', 'skip', 'quit', or ('join', new wording)


def run_review(
    loaded: LoadedWorkshop,
    pairs: list[ReviewPair],
    language: str,
    threshold: float,
    ask: Callable[[ReviewPair, str, str], Answer],
) -> int:
    """Ask about each pair with ``ask(pair, header, language)`` (the pair shows the names of the
    units behind each wording); append each decision to merges.yaml at once. Returns the
    number of decisions saved.
    """
    import dataclasses

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
    names = {u.id: u.name for u in loaded.workshop.units}
    for number, pair in enumerate(pairs, start=1):
        shown = dataclasses.replace(
            pair,
            left_units=tuple(names.get(u, u) for u in pair.left_units),
            right_units=tuple(names.get(u, u) for u in pair.right_units),
        )
        answer = ask(shown, _header(loaded, pair, number, len(pairs), language), language)
        answer, wording = answer if isinstance(answer, tuple) else (answer, None)
        if answer == "quit":
            break
        if record_answer(loaded, pair, answer, language, wording):
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


def ask_pair(pair: ReviewPair, header: str, language: str) -> Answer:
    """Show two wordings, with the units that wrote each, and ask whether they say the same
    thing; a merge may get the wording the handout shows for the group."""
    from swot.cli.prompts import Prompter
    from swot.files.appending import text_error

    out = console()
    out.print()
    out.print(header, markup=False)
    for letter, text, units in (
        ("A", pair.left, pair.left_units),
        ("B", pair.right, pair.right_units),
    ):
        out.print(f"  {letter}: {text}", markup=False)
        if units:
            out.print(f"     ({', '.join(units)})", markup=False)
    if pair.reasons:
        shared = say(MESSAGES, "review.shared", language, shared=", ".join(pair.reasons))
        out.print(f"  {shared}", markup=False)
    ask = Prompter(language)
    choices = [
        (say(MESSAGES, "review.join", language), "join"),
        (say(MESSAGES, "review.join_wording", language), "wording"),
        (say(MESSAGES, "review.keep_apart", language), "apart"),
        (say(MESSAGES, "review.skip", language), "skip"),
        (say(MESSAGES, "review.quit", language), "quit"),
    ]
    default = "join" if pair.together else "apart"
    answer: str = ask.select(say(MESSAGES, "review.question", language), choices, default)
    if answer != "wording":
        return answer
    wording = ask.text(
        say(MESSAGES, "review.wording", language),
        say(MESSAGES, "review.wording.instruction", language),
        lambda text: text_error(text, language),
        pair.left,
    ).strip()
    return ("join", wording) if wording else "join"
