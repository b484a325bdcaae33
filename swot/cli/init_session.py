"""``swot init``'s questions: language, name, units, rounds (with their dates), themes and the
expected respondents, each only when not given as an option; asked through the collect
``Prompter``, so instructions and errors are in the workshop's language."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from swot.i18n import catalogue, say

if TYPE_CHECKING:
    from swot.cli.prompts import Prompter
    from swot.jobs.init import InitRequest

MESSAGES = catalogue("cli/init_session")
THEME_CHOICES = {
    "both": ["equality", "accessibility"],
    "equality": ["equality"],
    "accessibility": ["accessibility"],
}


def ask_init(request: InitRequest, ask: Prompter | None = None) -> InitRequest:
    """``request`` with what was not given answered (a scripted Prompter in tests)."""
    from swot.cli.prompts import Prompter

    language = request.language or (ask or Prompter("sv")).select(
        say(MESSAGES, "language", "sv"), [("Svenska", "sv"), ("English", "en")], "sv"
    )
    ask = ask or Prompter(language)
    ask.lang = language
    name = request.name or _required(ask, "name", language)
    units = request.units or _list(_required(ask, "units", language))
    rounds = request.rounds or _list(_optional(ask, "rounds", language)) or [_first(language)]
    dates = dict(request.round_dates)
    if not request.rounds:
        for given in rounds:
            answer = _optional(ask, "date", language, check=_date_error, round=given)
            if answer:
                dates[given] = dt.date.fromisoformat(answer)
    themes = request.themes or THEME_CHOICES[_theme_choice(ask, language)]
    expected = request.expected
    if expected is None:  # the response rate needs it: one number per unit, edited later
        answer = _optional(ask, "expected", language, check=_number_error)
        expected = int(answer) if answer else None
    return dataclasses.replace(
        request,
        name=name,
        language=language,
        units=units,
        rounds=rounds,
        round_dates=dates,
        themes=themes,
        expected=expected,
    )


def _required(ask: Prompter, key: str, lang: str) -> str:
    def check(text: str) -> str | None:
        return None if text.strip() else say(MESSAGES, f"{key}.missing", lang)

    return ask.text(say(MESSAGES, key, lang), "", check).strip()


def _optional(
    ask: Prompter,
    key: str,
    lang: str,
    check: Callable[[str, str], str | None] | None = None,
    **params: object,
) -> str:
    def validate(text: str) -> str | None:
        return check(text.strip(), lang) if check and text.strip() else None

    instruction = say(MESSAGES, f"{key}.instruction", lang, **params)
    return ask.text(say(MESSAGES, key, lang, **params), instruction, validate).strip()


def _theme_choice(ask: Prompter, lang: str) -> str:
    choices = [(say(MESSAGES, f"themes.{key}", lang), key) for key in THEME_CHOICES]
    return str(ask.select(say(MESSAGES, "themes", lang), choices, "both"))


def _list(answer: str) -> list[str]:
    return [part.strip() for part in answer.split(",") if part.strip()]


def _first(lang: str) -> str:
    return "forprojektering" if lang == "sv" else "baseline"


def _date_error(text: str, lang: str) -> str | None:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return say(MESSAGES, "date.bad", lang, value=text)
    return None


def _number_error(text: str, lang: str) -> str | None:
    return None if text.isdigit() else say(MESSAGES, "expected.bad", lang)
