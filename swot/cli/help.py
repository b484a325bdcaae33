"""What ``--help`` says, in Swedish or English: the options' and commands' texts are
``locale/cli/help.yaml``, and the words of Click itself ("Usage:", "Options", "Show this message
and exit.") are translated here.

The language is chosen when swot starts, before any workshop is read: ``SWOT_LANG`` if set,
else the language of the workshop in (or above) the current folder, else ``LC_ALL``/``LANG``.
"""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path
from typing import Any

from typer.core import TyperCommand, TyperGroup

from swot.i18n import catalogue, default_language, say

HELP = catalogue("cli/help")

# Click's own words in --help, as printed (typer 0.20+ prints them without gettext, so the
# printed help is translated, not Click's message catalogue).
HELP_WORDS_SV = (
    ("Usage: ", "Användning: "),
    (" [OPTIONS]", " [FLAGGOR]"),
    (" COMMAND [ARGS]...", " KOMMANDO [ARGUMENT]..."),
    ("\nArguments:\n", "\nArgument:\n"),
    ("\nOptions:\n", "\nFlaggor:\n"),
    ("\nCommands:\n", "\nKommandon:\n"),
    ("Show this message and exit.", "Visa den här hjälpen och avsluta."),
    ("[required]", "[krävs]"),
)
# Typer adds its own type names after an argument's name: 'MAPP <path>', '<list[str]>'.
BRACED = re.compile(r"\{([A-ZÅÄÖ_-]+)\}")  # a required argument in the usage line: {FOLDER}
TYPE_NAMES = re.compile(r" <(?:path|str|int|float|bool|list\[[a-z]+\]|[a-z]+ range)>")


@functools.cache
def help_language() -> str:
    """The language --help speaks (see the module's docstring)."""
    if os.environ.get("SWOT_LANG"):
        return default_language()
    declared = _workshop_language(Path.cwd())
    return declared or default_language()


def _workshop_language(folder: Path) -> str | None:
    """``language:`` of the workshop.yaml in ``folder`` or above it, read as plain lines."""
    for candidate in (folder, *folder.parents):
        path = candidate / "workshop.yaml"
        try:
            text = path.read_text(encoding="utf-8-sig")[:20_000]
        except OSError:
            continue
        for line in text.splitlines():
            key, _, value = line.partition(":")
            if key.strip() in ("language", "språk") and not line.startswith((" ", "\t")):
                word = value.split("#")[0].strip().strip("'\"").lower()
                return "sv" if word.startswith(("sv", "swe")) else "en"
        return None
    return None


def h(key: str) -> str:
    """The help text ``key`` (``opt.workshop``, ``cmd.merge``) in the help language."""
    return say(HELP, key, help_language())


def m(key: str) -> str:
    """The placeholder of an option's value (``MAPP``/``FOLDER``) in the help language."""
    return say(HELP, f"meta.{key}", help_language())


def printed_help(text: str) -> str:
    """The help Click formatted, in the help language and without Typer's type names."""
    # blanks of the same width: the help column stays aligned with the lines that follow
    text = BRACED.sub(r"\1", TYPE_NAMES.sub(lambda found: " " * len(found[0]), text))
    if help_language() == "sv":
        for english, swedish in HELP_WORDS_SV:
            text = text.replace(english, swedish)
        text = re.sub(r"\[default:(\s)", r"[standard:\1", text)  # also where a line breaks
    return text


class HelpCommand(TyperCommand):
    """A command whose --help is ``printed_help``."""

    def get_help(self, ctx: Any) -> str:
        return printed_help(super().get_help(ctx))


class HelpGroup(TyperGroup):
    """The ``swot`` group, its --help likewise."""

    def get_help(self, ctx: Any) -> str:
        return printed_help(super().get_help(ctx))
