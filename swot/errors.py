"""The project's exceptions. Each carries what a user needs: which file, where, what, how to fix.

Exceptions become messages and exit codes in exactly one place: ``swot.cli.main``.
"""

from __future__ import annotations

import errno
from dataclasses import asdict, dataclass, field
from pathlib import Path

from swot.i18n import catalogue, say

EXIT_OK = 0
EXIT_DATA_ERROR = 1
EXIT_USAGE = 2
EXIT_BUG = 3
EXIT_INTERRUPTED = 130

MAX_SHOWN_VALUE = 40


def shorten(value: object, limit: int = MAX_SHOWN_VALUE) -> str:
    """A value as it may appear in a message: one line, never longer than ``limit``."""
    text = str(value).replace("\r", " ").replace("\n", " ")
    text = printable(text[: limit * 2])
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def printable(text: str) -> str:
    """``text`` safe to print to a terminal: every character that is not printable (escape
    sequences, bidi overrides, other control characters) becomes '?', line breaks stay.
    Everything swot prints that comes from a file passes through here (``Problem.format``,
    ``SwotError.format``) or is refused when read (names in workshop.yaml)."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() or ch == "\n" else "?" for ch in text)


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
        return printable(text)

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
        return printable(self.message + (f"\n  → {self.hint}" if self.hint else ""))


class DataError(SwotError):
    """One or more files are wrong; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(p.format() for p in problems))

    def format(self) -> str:
        return self.message


# What an operating-system error means for a person, by errno (and by Windows' own codes,
# which Python gives as ``winerror``: 32 and 33 are a file another program holds open).
OS_ERROR_KINDS = {
    errno.ENOSPC: "disk_full",
    errno.EDQUOT: "disk_full",
    errno.EFBIG: "disk_full",
    errno.EROFS: "read_only",
    errno.EACCES: "denied",
    errno.EPERM: "denied",
    errno.EBUSY: "in_use",
    errno.ETXTBSY: "in_use",
    errno.ENAMETOOLONG: "too_long",
    errno.ENOENT: "gone",
    errno.ENOTDIR: "gone",
    errno.ENODEV: "gone",
    errno.ENXIO: "gone",
    errno.ESTALE: "gone",
    errno.EIO: "io",
}
WINDOWS_ERROR_KINDS = {5: "denied", 19: "read_only", 32: "in_use", 33: "in_use", 112: "disk_full"}
WINDOWS_ERROR_KINDS |= {3: "gone", 21: "gone", 53: "gone", 206: "too_long"}
MESSAGES = catalogue("errors")


class FileSystemError(SwotError):
    """The machine, not swot or the files: a full disk, a read-only folder, a file another
    program holds, a drive that went away. Said in the user's words, with what to do."""

    def __init__(self, error: OSError, lang: str) -> None:
        self.kind = _os_error_kind(error)
        file = printable(_shown_path(error.filename))
        needed = getattr(error, "swot_bytes", None)
        message = say(MESSAGES, f"os.{self.kind}", lang, file=file, detail=error.strerror or "")
        if self.kind == "disk_full" and needed:
            message += " " + say(MESSAGES, "os.needed", lang, size=_size(needed, lang))
        super().__init__(message, say(MESSAGES, f"os.{self.kind}.hint", lang))


def _shown_path(filename: object) -> str:
    """The path an error is about, relative to the current folder when inside it."""
    if not filename:
        return "?"
    path = Path(str(filename))
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)


def _os_error_kind(error: OSError) -> str:
    winerror = getattr(error, "winerror", None)
    if winerror in WINDOWS_ERROR_KINDS:
        return WINDOWS_ERROR_KINDS[winerror]
    return OS_ERROR_KINDS.get(error.errno or 0, "other")


def _size(count: int, lang: str) -> str:
    value, unit = (count / 1024, "KB") if count < 1024 * 1024 else (count / 1024**2, "MB")
    text = f"{max(value, 0.1):.1f}"
    return f"{text.replace('.', ',') if lang == 'sv' else text} {unit}"


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
