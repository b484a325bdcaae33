"""The survey job: check the options, open the workshop, start serving the form
(``swot.survey.server``) and, with ``--poster``, write the poster; the CLI then shows the live
figures until Ctrl-C and stops the server."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from swot.i18n import catalogue, say

if TYPE_CHECKING:
    from swot.survey.server import RunningSurvey

MESSAGES = catalogue("jobs/survey")


@dataclass
class SurveyRequest:
    """``swot survey``: which workshop, round and unit; who may connect; where."""

    folder: Path = Path(".")
    lang: str | None = None
    round_id: str | None = None
    unit: str | None = None
    lan: bool = False
    port: int | None = None
    poster: bool = False

    def check(self, lang: str) -> None:
        from swot.errors import UsageError

        if self.port is not None and not 1 <= self.port <= 65535:
            raise UsageError(
                say(MESSAGES, "bad_port", lang, port=self.port),
                say(MESSAGES, "bad_port.hint", lang),
            )


def run(request: SurveyRequest) -> RunningSurvey:
    """``swot survey``: the form is being served when this returns (stop it with ``stop()``)."""
    from swot.files.workshop import find_round, find_unit
    from swot.jobs.workshop import open_workshop
    from swot.survey.server import start_survey, write_poster

    loaded, language = open_workshop(request.folder, request.lang)
    request.check(language)
    round_ = find_round(loaded, request.round_id, language)
    unit = find_unit(loaded, request.unit, language) if request.unit else None
    survey = start_survey(loaded, round_.id, language, unit, request.lan, request.port)
    if request.poster:
        survey.poster_path = write_poster(survey)
    return survey
