"""Swedish and English text for messages: catalogues in ``swot/locale/*.yaml``, and ``say``.

A catalogue maps a message key to its text in each language; ``say`` picks one and fills in
the placeholders. Missing languages fall back to English so a message is never lost. The texts
are data, one file per module that speaks (``locale/jobs/merge.yaml`` for ``swot/jobs/merge.py``),
so that a translator reads and edits the Swedish of a whole command in one place, and an entry
written ``{same as: "words:unit"}`` uses a text of another catalogue instead of writing it twice.
A catalogue is read on first use: a command that never speaks of something never reads it.
"""

from __future__ import annotations

import functools
import json
import os
import re
from collections.abc import Iterator, Mapping
from pathlib import Path

LOCALE = Path(__file__).resolve().parent / "locale"
SAME_AS = "same as"


class Catalogue(Mapping[str, Mapping[str, str]]):
    """The texts of one ``locale/<name>.yaml``: key → {"sv": text, "en": text}."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._texts: dict[str, Mapping[str, str]] | None = None

    @property
    def path(self) -> Path:
        return LOCALE / f"{self.name}.yaml"

    def _load(self) -> dict[str, Mapping[str, str]]:
        if self._texts is None:
            text = self.path.read_text(encoding="utf-8")
            data: dict | None = read_locale_lines(text)
            if data is None:  # written by hand in another YAML style: PyYAML reads it
                data = _read_yaml(text)
            texts: dict[str, Mapping[str, str]] = {str(k): v for k, v in data.items()}
            self._texts = texts
            for key, value in texts.items():  # after: an entry may use one of its own file
                texts[key] = _resolve(value)
        return texts if self._texts is None else self._texts

    def __getitem__(self, key: str) -> Mapping[str, str]:
        return self._load()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._load())

    def __len__(self) -> int:
        return len(self._load())

    def __repr__(self) -> str:
        return f"Catalogue({self.name!r})"


_KEY = r'(?P<key>[^\s#"][^:]*|"(?:[^"\\]|\\.)*")'
_STRING = r'"(?:[^"\\]|\\.)*"'
_ENTRY = re.compile(rf"{_KEY}:\s*")
_TEXT = re.compile(rf"  (?P<lang>sv|en): (?P<text>{_STRING})\s*")
_SAME = re.compile(rf"{_KEY}: \{{same as: (?P<ref>{_STRING})\}}\s*")


def read_locale_lines(text: str) -> dict[str, dict[str, str]] | None:
    """The locale files as swot writes them (``key:`` then ``  sv: "…"`` and ``  en: "…"``, or
    ``key: {same as: "file:key"}``, strings in double quotes), read line by line: ``swot
    --help`` then needs no YAML parser (importing PyYAML costs ~25 ms). None for any other
    YAML, which PyYAML then reads (``tests/test_catalogues.py`` checks both give the same)."""
    data: dict[str, dict[str, str]] = {}
    current: dict[str, str] | None = None
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if found := _TEXT.fullmatch(line):
            if current is None or found["lang"] in current:
                return None
            current[found["lang"]] = json.loads(found["text"])
        elif found := _SAME.fullmatch(line):
            data[_key(found["key"])] = {SAME_AS: json.loads(found["ref"])}
            current = None
        elif found := _ENTRY.fullmatch(line):
            key = _key(found["key"])
            if key in data:
                return None
            current = data[key] = {}
        else:
            return None
    return data


def _key(written: str) -> str:
    return json.loads(written) if written.startswith('"') else written.strip()


def _read_yaml(text: str) -> dict:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    try:
        return loader.get_single_data() or {}
    finally:
        loader.dispose()


def _resolve(value: Mapping[str, str]) -> Mapping[str, str]:
    """The texts an entry stands for: its own, or those of the entry it is the same as."""
    while SAME_AS in value:
        name, _, key = value[SAME_AS].partition(":")
        value = catalogue(name)._load()[key]
    return value


@functools.cache
def catalogue(name: str) -> Catalogue:
    """The catalogue ``locale/<name>.yaml`` (one object per name, read when first used)."""
    return Catalogue(name)


LANGUAGES = ("sv", "en")


def say(catalogue: Catalogue, key: str, lang: str = "en", /, **params: object) -> str:
    """The message ``key`` in ``lang`` with ``params`` filled in."""
    texts = catalogue[key]
    template = texts.get(lang) or texts["en"]
    return template.format(**params) if params else template


_spoken: list[str] = []  # the language of the workshop a command opened (see ``speak``)


def speak(lang: str) -> None:
    """Remember the language of the workshop a command works on, for messages that come from
    outside the workshop's code (a full disk, said where the command ends)."""
    _spoken[:] = [lang]


def spoken_language() -> str:
    """The language of the workshop the command opened (``speak``), else ``default_language``."""
    return _spoken[0] if _spoken else default_language()


def default_language() -> str:
    """The language to speak before a workshop tells us: Swedish if the system is Swedish."""
    for variable in ("SWOT_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if value:
            return "sv" if value.lower().startswith("sv") else "en"
    return "en"


def format_count(value: int, lang: str) -> str:
    """A count as it is written in running text: '50 000' in Swedish (a space, not breaking,
    from five digits on, as Språkrådet advises), '50,000' in English (from four)."""
    if lang == "sv":
        return f"{value:,}".replace(",", "\u00a0") if abs(value) >= 10_000 else str(value)
    return f"{value:,}"


def format_number(value: float, lang: str, decimals: int = 1) -> str:
    """A number as a Swede or an English reader writes it: 4,2 or 4.2."""
    text = f"{value:.{decimals}f}"
    return text.replace(".", ",") if lang == "sv" else text
