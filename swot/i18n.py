"""Swedish and English text for messages. Each module keeps its own catalogue of messages.

A catalogue maps a message key to its text in each language; ``say`` picks one and fills in
the placeholders. Missing languages fall back to English so a message is never lost.
"""

from __future__ import annotations

import os

Catalogue = dict[str, dict[str, str]]

LANGUAGES = ("sv", "en")


def say(catalogue: Catalogue, key: str, lang: str = "en", /, **params: object) -> str:
    """The message ``key`` in ``lang`` with ``params`` filled in."""
    texts = catalogue[key]
    template = texts.get(lang) or texts["en"]
    return template.format(**params) if params else template


def default_language() -> str:
    """The language to speak before a workshop tells us: Swedish if the system is Swedish."""
    for variable in ("SWOT_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if value:
            return "sv" if value.lower().startswith("sv") else "en"
    return "en"


def format_number(value: float, lang: str, decimals: int = 1) -> str:
    """A number as a Swede or an English reader writes it: 4,2 or 4.2."""
    text = f"{value:.{decimals}f}"
    return text.replace(".", ",") if lang == "sv" else text
