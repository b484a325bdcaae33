"""--help speaks the workshop's language (or SWOT_LANG/LANG outside a workshop): the options,
the commands and Click's own words; and never shows Typer's type names (<path>, <list[str]>)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from swot.cli import COMMAND_ORDER

# Words that give away the other language (ids, option names and file names aside).
ENGLISH = re.compile(
    r"\b(the|and|of|to|is|are|for|with|every|each|default|folder|file|files|"
    r"round|unit|units|entries|show|print|write|writes|help|this|message|exit|"
    r"usage|options|arguments|commands|example|required)\b",
    re.IGNORECASE,
)
SWEDISH = re.compile(
    r"\b(och|för|med|varje|alla|mapp|mappen|omgång|omgången|enhet|enheter|"
    r"skriv|visa|hjälp|avsluta|användning|flaggor|exempel|standard|krävs)\b",
    re.IGNORECASE,
)
ALLOWED = re.compile(
    r"--?[a-z][a-z-]*|swot \w+|\S+\.(?:yaml|csv|xlsx|json|html|md|txt|tsv)\S*|<[^>]*>|"
    r"workshops/\S+|\b[\w-]+/|eller entries|\b(?:breadth|votes|borda|survey|workshop|csv|xlsx|json|sv|en|equality|"
    r"strengths\|weaknesses\|opportunities\|threats|baseline|schema|entries/|handouts/|"
    r"yaml-language-server|VS Code|YAML|HTML|Markdown|JSON|CSV|XLSX|Ctrl-C|Ctrl-D|id|ID)\b"
)


def help_text(folder: Path, *args: str, **env: str) -> str:
    environment = {k: v for k, v in os.environ.items() if k not in ("SWOT_LANG", "LC_ALL", "LANG")}
    environment.update(env, COLUMNS="100")
    result = subprocess.run(
        [sys.executable, "-m", "swot", *args, "--help"],
        cwd=folder,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def words_of_the_other_language(text: str, other: re.Pattern[str]) -> list[str]:
    """Words of ``other`` in ``text`` once option names, commands, files and ids are left out."""
    prose = ALLOWED.sub(" ", text)
    prose = re.sub(r"(?m)^\s+-\w.*?\s{2,}", " ", prose)  # the option column
    return sorted({w.lower() for w in other.findall(prose)})


@pytest.mark.parametrize("command", [[], *([c] for c in COMMAND_ORDER)])
def test_swedish_help_has_no_english_and_english_help_no_swedish(
    tmp_path: Path, command: list[str]
) -> None:
    swedish = help_text(tmp_path, *command, SWOT_LANG="sv")
    english = help_text(tmp_path, *command, SWOT_LANG="en")
    assert words_of_the_other_language(swedish, ENGLISH) == [], swedish
    assert words_of_the_other_language(english, SWEDISH) == [], english
    for text in (swedish, english):
        assert not re.search(r"<(path|str|int|float|list\[str\])>|\{folder\}", text), text


def test_in_a_swedish_workshop_help_is_swedish_without_swot_lang(
    make_workshop: Callable[..., Path],
) -> None:
    folder = make_workshop(language="sv")
    inside = folder / "entries"
    inside.mkdir(exist_ok=True)
    text = help_text(inside, "merge", LANG="C.UTF-8")
    # Typer before 0.20 writes an optional argument's own metavar without brackets
    assert text.splitlines()[0] in (
        "Användning: swot merge [FLAGGOR] [MAPP]",
        "Användning: swot merge [FLAGGOR] MAPP",
    )
    assert "Flaggor:" in text and "Visa den här hjälpen och avsluta." in text
    english = help_text(make_workshop(folder="en", language="en"), "merge", LANG="sv_SE.UTF-8")
    assert english.splitlines()[0] in (
        "Usage: swot merge [OPTIONS] [FOLDER]",
        "Usage: swot merge [OPTIONS] FOLDER",
    )
