"""The init job: a new workshop folder from a name, a language, units and rounds."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from swot.jobs.workshop import no_terminal

if TYPE_CHECKING:
    from swot.files.create import NewWorkshop
    from swot.files.workshop import LoadedWorkshop


@dataclass
class InitRequest:
    """``swot init``: what is not given (name, language, units) is asked for when someone can
    answer (``is_terminal``)."""

    folder: Path
    name: str | None = None
    language: str | None = None
    units: list[str] | None = None
    rounds: list[str] | None = None
    expected: int | None = None
    is_terminal: Callable[[], bool] = no_terminal
    round_dates: dict[str, dt.date] = field(default_factory=dict)
    themes: list[str] | None = None

    def missing(self) -> list[str]:
        """The options that must be asked for (rounds, dates and themes are asked too when
        someone can answer, but have defaults)."""
        given = (("--name", self.name), ("--language", self.language), ("--unit", self.units))
        return [flag for flag, value in given if not value]

    def check(self) -> None:
        """Without a terminal, every option that would be asked for must be given."""
        from swot.errors import UsageError

        missing = self.missing()
        if missing and not self.is_terminal():
            raise UsageError(
                f"swot init needs {', '.join(missing)} when it cannot ask (no terminal).",
                'example: swot init DIR --name "Nordväst" --language sv --unit Höganäs '
                "--unit Bjuv --round forprojektering",
            )


@dataclass
class InitResult:
    """The workshop created, from which description, in which folder."""

    workshop: LoadedWorkshop
    spec: NewWorkshop
    folder: Path


def run(request: InitRequest, ask: Callable[[InitRequest], InitRequest]) -> InitResult:
    """``swot init``; ``ask(request)`` returns the request with the missing values answered."""
    from swot.files.create import NewWorkshop, create_workshop
    from swot.jobs.workshop import check_lang

    request.check()
    if request.missing():
        request = ask(request)
    lang = check_lang(request.language) or "sv"
    spec = NewWorkshop(
        name=request.name or request.folder.name,
        language=lang,
        unit_names=[u for u in (request.units or []) if u.strip()],
        round_ids=request.rounds or (["forprojektering"] if lang == "sv" else ["baseline"]),
        expected=request.expected,
        round_dates=request.round_dates,
        themes=request.themes or ["equality", "accessibility"],
    )
    return InitResult(create_workshop(request.folder, spec), spec, request.folder)
