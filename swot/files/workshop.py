"""workshop.yaml: find it, check it, load it; look up a round or a unit as a person types it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from swot.errors import DataError, Problem, UsageError
from swot.files.located import (
    ROUND_KEYS,
    THEME_KEYS,
    UNIT_KEYS,
    WORKSHOP_KEYS,
    ProblemCollector,
    _canonical_python,
    _rename_keys,
    _report_validation,
    canonical_keys,
    display_path,
    parse_yaml,
    read_text,
    suggestion_text,
)
from swot.files.messages import MESSAGES
from swot.files.yamltree import (
    MappingNode,
    ScalarNode,
    SequenceNode,
    to_python,
)
from swot.i18n import catalogue, default_language, say
from swot.models import (
    Round,
    Workshop,
)
from swot.vocabulary import LANGUAGE_LOOKUP, fold

WORKSHOP_FILE = "workshop.yaml"

ENTRIES_DIR = "entries"

# Where nested key tables apply inside workshop.yaml.
WORKSHOP_CHILD_KEYS = {"units": UNIT_KEYS, "rounds": ROUND_KEYS, "themes": THEME_KEYS}


LOOKUP_MESSAGES = catalogue("files/workshop")

# ---------------------------------------------------------------- workshop.yaml


@dataclass
class LoadedWorkshop:
    """A workshop read from its folder."""

    folder: Path
    workshop: Workshop
    cache: bool = False  # keep validated entries in <folder>/.swot-cache (see swot.rounds.cache)

    @property
    def language(self) -> str:
        return self.workshop.language.value

    def entries_file(self, round_id: str, unit_id: str) -> Path:
        return self.folder / ENTRIES_DIR / round_id / f"{unit_id}.yaml"


def find_workshop_folder(start: Path) -> Path | None:
    """The folder holding workshop.yaml: ``start`` itself, or the nearest parent."""
    start = start.resolve()
    if start.is_file():
        start = start.parent
    for folder in (start, *start.parents):
        if (folder / WORKSHOP_FILE).is_file():
            return folder
    return None


def check_workshop_file(
    path: Path, lang: str | None = None
) -> tuple[Workshop | None, list[Problem]]:
    """Read and validate ``workshop.yaml``; every problem is returned, none raised."""
    problems = ProblemCollector(path, lang or default_language())
    text = read_text(path, problems)
    root = parse_yaml(text, problems, "workshop") if text is not None else None
    if root is None:
        return None, problems.capped()
    if not isinstance(root, MappingNode):
        problems.add("workshop_not_mapping", root)
        return None, problems.capped()
    if lang is None:
        problems.lang = _declared_language(root) or problems.lang
    pairs = canonical_keys(root, WORKSHOP_KEYS, problems, "")
    renamed = _rename_keys(root, pairs)
    data = _canonical_python(pairs)
    for child, table in WORKSHOP_CHILD_KEYS.items():
        if child not in pairs:
            continue
        items = pairs[child][1]
        if not isinstance(items, SequenceNode):
            continue
        new_items: list[object] = []
        for index, item in enumerate(items.items):
            if isinstance(item, MappingNode):
                where = f"{pairs[child][0].value} {index + 1}"
                item_pairs = canonical_keys(item, table, problems, where)
                items.items[index] = _rename_keys(item, item_pairs)
                new_items.append(_canonical_python(item_pairs))
            else:
                new_items.append(to_python(item))
        data[child] = new_items
    workshop: Workshop | None = None
    try:
        workshop = Workshop.model_validate(data)
    except ValidationError as error:
        _report_validation(error, problems, renamed, _workshop_where)
        workshop = None
    if problems.problems and any(p.severity == "error" for p in problems.problems):
        workshop = None
    return workshop, problems.capped()


def declared_language(path: Path) -> str | None:
    """The language a (possibly broken) workshop.yaml asks for, if it can be read at all."""
    problems = ProblemCollector(path, "en")
    text = read_text(path, problems)
    root = parse_yaml(text, problems, "workshop") if text is not None else None
    return _declared_language(root) if isinstance(root, MappingNode) else None


def _declared_language(root: MappingNode) -> str | None:
    """The language workshop.yaml asks for, read before validation so errors speak it."""
    for key, value in root.pairs:
        if (
            isinstance(key, ScalarNode)
            and fold(key.value) in {"language", "sprak"}
            and isinstance(value, ScalarNode)
        ):
            found = LANGUAGE_LOOKUP.get(fold(value.value))
            return found.value if found else None
    return None


def _workshop_where(loc: tuple, key_shown: str) -> str:
    words: list[str] = []
    for part in loc[:-1]:
        if isinstance(part, int) and words:
            words[-1] += f" {part + 1}"  # 'units 2', the second unit
        else:
            words.append(str(part))
    if key_shown:
        words.append(key_shown)
    return " → ".join(words)


def load_workshop(
    path: Path | str = ".", lang: str | None = None, *, cache: bool = False
) -> LoadedWorkshop:
    """The workshop in ``path`` (a folder, its workshop.yaml, or a folder below it).

    With ``cache``, rounds are read through the cache of validated entries (``swot.rounds.cache``).
    Raises ``DataError`` with every problem if it cannot be used.
    """
    path = Path(path)
    folder = find_workshop_folder(path)
    if folder is None:
        language = lang or default_language()
        raise DataError(
            [
                Problem(
                    file=display_path(path),
                    message=say(MESSAGES, "no_workshop", language, folder=display_path(path)),
                    hint=say(MESSAGES, "no_workshop.hint", language),
                    code="no_workshop",
                )
            ]
        )
    workshop, problems = check_workshop_file(folder / WORKSHOP_FILE, lang)
    if workshop is None:
        raise DataError(problems)
    return LoadedWorkshop(folder, workshop, cache)


def find_round(workshop: LoadedWorkshop, value: str | None, lang: str) -> Round:
    """The round whose id or title is ``value`` (any case, with or without å ä ö; default: the
    latest round), or a usage error with a did-you-mean and the choices."""
    if value is None:
        return workshop.workshop.latest_round
    rounds = workshop.workshop.rounds
    for round_ in rounds:
        if fold(value) in {fold(round_.id), fold(round_.title())}:
            return round_
    ids = [r.id for r in rounds]
    raise UsageError(
        say(
            LOOKUP_MESSAGES,
            "unknown_round",
            lang,
            value=value,
            suggestion=suggestion_text(value, ids, lang),
        ),
        say(LOOKUP_MESSAGES, "unknown_round.hint", lang, choices=", ".join(ids)),
    )


# ---------------------------------------------------------------- choosing from options


def find_unit(workshop: LoadedWorkshop, value: str, lang: str) -> str:
    """A unit id from its id or name as typed (any case, with or without å ä ö)."""
    found = _unit_lookup(workshop).get(fold(value))
    if found is None:
        units = [u.id for u in workshop.workshop.units]
        suggestion = suggestion_text(value, units + [u.name for u in workshop.workshop.units], lang)
        raise UsageError(
            say(LOOKUP_MESSAGES, "unknown_unit", lang, value=value, suggestion=suggestion),
            say(LOOKUP_MESSAGES, "unknown_unit.hint", lang, choices=", ".join(units)),
        )
    return found


def _unit_lookup(workshop: LoadedWorkshop) -> dict[str, str]:
    lookup = {}
    for unit in workshop.workshop.units:
        for word in (unit.id, unit.name, unit.municipality):
            if word:
                lookup[fold(word)] = unit.id
    return lookup


def find_theme(workshop: LoadedWorkshop, value: str, lang: str) -> str:
    """A theme id from any spelling the workshop accepts (``jämställdhet``, ``equality``)."""
    found = workshop.workshop.theme_lookup().get(fold(value))
    if found is None:
        themes = workshop.workshop.themes
        words = [t.id for t in themes] + [t.name(lang) for t in themes]
        raise UsageError(
            say(
                LOOKUP_MESSAGES,
                "unknown_theme",
                lang,
                value=value,
                suggestion=suggestion_text(value, words, lang),
            ),
            say(
                LOOKUP_MESSAGES,
                "unknown_theme.hint",
                lang,
                choices=", ".join(t.name(lang).lower() for t in themes),
            ),
        )
    return found
