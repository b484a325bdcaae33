"""Opening the workshop a job works on, and ``--lang``, which every job is told."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from swot.files.workshop import LoadedWorkshop


def check_lang(lang: str | None) -> str | None:
    """Validate ``--lang``."""
    if lang is None:
        return None
    from swot.errors import UsageError

    value = lang.strip().lower()
    if value not in {"sv", "en"}:
        raise UsageError(f"--lang must be sv or en, not '{lang}'", "example: --lang sv")
    return value


def open_workshop(
    folder: Path, lang: str | None, *, cache: bool = False
) -> tuple[LoadedWorkshop, str]:
    """The workshop in ``folder`` and the language to speak: ``--lang``, else the workshop's."""
    from swot.files.workshop import load_workshop
    from swot.i18n import speak

    language = check_lang(lang)
    loaded = load_workshop(folder, language, cache=cache)
    speak(language or loaded.language)
    return loaded, language or loaded.language


def no_terminal() -> bool:
    """The default answer to "can someone answer questions?" for a job run from code."""
    return False
