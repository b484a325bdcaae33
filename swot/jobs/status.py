"""The status job: response rates, entries per theme and quadrant, and problems of one round or
of every round."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from swot.i18n import catalogue, say

if TYPE_CHECKING:
    from swot.analysis.status import RoundStatus
    from swot.files.workshop import LoadedWorkshop

MESSAGES = catalogue("jobs/status")


@dataclass
class StatusRequest:
    """``swot status``: one round (None: the latest) or ``all_rounds``, not both."""

    folder: Path = Path(".")
    lang: str | None = None
    round_id: str | None = None
    all_rounds: bool = False

    def check(self, lang: str) -> None:
        from swot.errors import UsageError

        if self.all_rounds and self.round_id:
            raise UsageError(
                say(MESSAGES, "round_and_all", lang), say(MESSAGES, "round_and_all.hint", lang)
            )


@dataclass
class StatusResult:
    """The workshop, the language to speak, and the status of each round asked for."""

    workshop: LoadedWorkshop
    language: str
    rounds: list[RoundStatus]


def run(request: StatusRequest) -> StatusResult:
    """``swot status``: every figure of the round(s); files with errors are counted, not fatal."""
    from swot.analysis.status import round_status, workshop_status
    from swot.jobs.workshop import open_workshop

    loaded, language = open_workshop(request.folder, request.lang, cache=True)
    request.check(language)
    if request.all_rounds:
        rounds = workshop_status(loaded, lang=language)
    else:
        rounds = [round_status(loaded, request.round_id, language)]
    return StatusResult(loaded, language, rounds)
