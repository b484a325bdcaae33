"""The validate job: every file of the workshops or files given, checked, with every problem."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from swot.errors import Problem


@dataclass
class ValidateRequest:
    """``swot validate``: workshop folders or files, and ``--lang``."""

    paths: list[Path]
    lang: str | None = None


@dataclass
class ValidateResult:
    """The files checked and the problems found (errors and warnings)."""

    paths: list[Path]
    checked: list[Path]
    problems: list[Problem]
    lang: str | None

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity != "error"]

    def summary_language(self) -> str:
        """``--lang``, else the first workshop's among the paths, else the system's."""
        return self.lang or guess_language(self.paths)


def run(request: ValidateRequest) -> ValidateResult:
    """``swot validate``: never raises for a broken file; every problem is in the result."""
    from swot.files.validate import validate_paths
    from swot.jobs.workshop import check_lang

    language = check_lang(request.lang)
    checked, problems = validate_paths(request.paths, language)
    return ValidateResult(request.paths, checked, problems, language)


def guess_language(paths: list[Path]) -> str:
    """The language of the first workshop among the paths, else the system's."""
    from swot.files.workshop import declared_language, find_workshop_folder
    from swot.i18n import default_language

    for path in paths:
        folder = find_workshop_folder(path if path.exists() else path.parent)
        if folder is not None:
            return declared_language(folder / "workshop.yaml") or default_language()
    return default_language()
