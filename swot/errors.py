"""The project's exceptions. Each carries what a user needs: which file, where, what, how to fix.

Exceptions become messages and exit codes in exactly one place: ``swot.cli.main``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path

EXIT_OK = 0
EXIT_DATA_ERROR = 1
EXIT_USAGE = 2
EXIT_BUG = 3
EXIT_INTERRUPTED = 130

MAX_SHOWN_VALUE = 40


def shorten(value: object, limit: int = MAX_SHOWN_VALUE) -> str:
    """A value as it may appear in a message: one line, never longer than ``limit``."""
    text = str(value).replace("\r", " ").replace("\n", " ")
    text = "".join(ch if ch.isprintable() else "?" for ch in text[: limit * 2])
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one file, located as precisely as we know.

    ``line`` and ``column`` are 1-based. ``where`` is the path of the bad value in words,
    e.g. ``entry 3 (text 'Vi har en…') → quadrant``.
    """

    file: str
    message: str
    hint: str = ""
    line: int | None = None
    column: int | None = None
    where: str = ""
    code: str = "error"
    severity: str = "error"

    def location(self) -> str:
        """``file:line:column`` with the parts we know."""
        parts = [self.file]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def format(self) -> str:
        """The problem as printed: location, path of the value, what is wrong, how to fix it."""
        head = self.location() + ": "
        if self.where:
            head += self.where + ": "
        text = head + self.message
        if self.hint:
            text += "\n  → " + self.hint
        return text

    def as_dict(self) -> dict:
        """The problem for ``--json`` output."""
        return asdict(self)


class SwotError(Exception):
    """An error the user can fix; the CLI prints it and exits with ``exit_code``."""

    exit_code = EXIT_DATA_ERROR

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def format(self) -> str:
        """The message as printed to the user."""
        return self.message + (f"\n  → {self.hint}" if self.hint else "")


class DataError(SwotError):
    """One or more files are wrong; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(p.format() for p in problems))

    def format(self) -> str:
        return self.message


class UsageError(SwotError):
    """The command was called wrongly (missing option, no terminal to prompt on)."""

    exit_code = EXIT_USAGE


@dataclass
class FileReport:
    """The outcome of reading one file: its problems (possibly none) and what was read."""

    path: Path
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)
