"""JSON Schemas of the files staff edit (workshop.yaml, entries files, merges.yaml, votes.yaml,
priorities.yaml), so editors check while staff type.

The schemas come from the pydantic models, widened to what the loader accepts: Swedish keys
beside English ones, and every spelling of a quadrant, theme and source. VS Code's YAML
extension finds them through the ``# yaml-language-server: $schema=…`` line at the top of
every file swot writes."""

from __future__ import annotations

import copy
import json
from pathlib import Path

from pydantic import BaseModel

from swot.files.decisions import (
    DECISION_KEYS,
    DECISION_SPELLINGS,
    MAX_VOTES,
    VOTE_KEYS,
    DecisionItem,
    VoteItem,
)
from swot.files.located import ENTRY_KEYS, ROUND_KEYS, THEME_KEYS, UNIT_KEYS, WORKSHOP_KEYS
from swot.files.priorities import JUDGMENT_KEYS, QUADRANTS_SPELLINGS, JudgmentItem
from swot.files.schema_lines import (
    DECISIONS_SCHEMA,
    ENTRIES_SCHEMA,
    PRIORITIES_SCHEMA,
    SCHEMA_DIR,
    VOTES_SCHEMA,
    WORKSHOP_SCHEMA,
)
from swot.files.storage import atomic_write_text
from swot.files.workshop import LoadedWorkshop
from swot.models import Entry, Workshop
from swot.vocabulary import (
    BUILTIN_THEME_SPELLINGS,
    LANGUAGE_SPELLINGS,
    QUADRANT_SPELLINGS,
    SOURCE_SPELLINGS,
)

DIALECT = "http://json-schema.org/draft-07/schema#"


def _casings(words: list[str] | tuple[str, ...]) -> list[str]:
    """Spellings as people type them: lower case, Capitalised and UPPER."""
    seen: dict[str, None] = {}
    for word in words:
        for variant in (word, word.capitalize(), word.upper()):
            seen.setdefault(variant, None)
    return list(seen)


def _add_aliases(schema: dict, table: dict[str, tuple[str, ...]]) -> None:
    """Accept every alias of a key with the same value schema as the key itself."""
    properties = schema.get("properties", {})
    for key, aliases in table.items():
        if key not in properties:
            continue
        for alias in aliases:
            if " " not in alias:
                properties.setdefault(alias, copy.deepcopy(properties[key]))
    required = schema.pop("required", None)
    if required:
        # A required key may be spelled either way: require one of its spellings.
        schema["allOf"] = [
            {
                "anyOf": [
                    {"required": [name]} for name in (key, *table.get(key, ())) if " " not in name
                ]
            }
            for key in required
        ]


def _inline_refs(schema: dict) -> dict:
    """Resolve local ``$ref``s so the alias copies stay self-contained and simple."""
    definitions = schema.pop("$defs", {})

    def resolve(node: object) -> object:
        if isinstance(node, dict):
            if "$ref" in node and node["$ref"].startswith("#/$defs/"):
                target = copy.deepcopy(definitions[node["$ref"].split("/")[-1]])
                rest = {k: v for k, v in node.items() if k != "$ref"}
                return resolve({**target, **rest})
            return {k: resolve(v) for k, v in node.items()}
        if isinstance(node, list):
            return [resolve(v) for v in node]
        return node

    return resolve(schema)  # type: ignore[return-value]


def _theme_property(workshop: Workshop | None, description: str = "") -> dict:
    """A theme as it may be written: the workshop's ids, names and aliases, any casing."""
    theme_words: list[str] = []
    if workshop is not None:
        for theme in workshop.themes:
            theme_words += [w for w in (theme.id, theme.sv, theme.en, *theme.aliases) if w]
            theme_words += list(BUILTIN_THEME_SPELLINGS.get(theme.id, ()))
    else:
        theme_words = [w for words in BUILTIN_THEME_SPELLINGS.values() for w in words]
    return {"type": "string", "enum": _casings(theme_words), "description": description}


QUADRANT_WORDS = _casings([w for words in QUADRANT_SPELLINGS.values() for w in words])
QUADRANT_PROPERTY = {
    "type": "string",
    "enum": QUADRANT_WORDS,
    "description": "styrkor | svagheter | möjligheter | hot (strengths | weaknesses | "
    "opportunities | threats, S/W/O/T)",
}
TEXT_PROPERTY = {"type": "string", "minLength": 1}


def _list_of(item: dict, keys: dict[str, tuple[str, ...]], title: str, description: str) -> dict:
    """A file that is a list of ``item``s, each key also in its Swedish spellings."""
    _add_aliases(item, keys)
    item["additionalProperties"] = False
    item.pop("title", None)
    return {
        "$schema": DIALECT,
        "title": title,
        "description": description,
        "type": ["array", "null"],
        "items": item,
    }


def _item_of(model: type[BaseModel], workshop: Workshop | None) -> tuple[dict, dict]:
    """The schema of one list item from its pydantic model, its theme (and quadrant, where it
    has one) widened to every spelling; and its properties, to widen further."""
    item = _inline_refs(model.model_json_schema())
    properties = item["properties"]
    properties["theme"] = _theme_property(workshop, properties["theme"].get("description", ""))
    if "quadrant" in properties:
        properties["quadrant"] = dict(QUADRANT_PROPERTY)
    return item, properties


def entries_schema(workshop: Workshop | None = None) -> dict:
    """JSON Schema of an entries file: a list of entries, keys and values in sv or en."""
    entry, properties = _item_of(Entry, workshop)
    properties["source"] = {
        "type": "string",
        "enum": _casings([w for words in SOURCE_SPELLINGS.values() for w in words]),
        "description": "enkät | workshop (survey | workshop)",
    }
    properties["text"]["minLength"] = 1
    return _list_of(
        entry,
        ENTRY_KEYS,
        "swot entries file (entries/<round>/<unit>.yaml)",
        "A list of SWOT entries. Unit and round come from the file's path.",
    )


def decisions_schema(workshop: Workshop | None = None) -> dict:
    """JSON Schema of merges.yaml: join, keep apart or reword texts of one theme × quadrant."""
    item, properties = _item_of(DecisionItem, workshop)
    properties["decision"] = {
        "type": "string",
        "enum": _casings([w for words in DECISION_SPELLINGS.values() for w in words]),
        "description": "slå ihop | håll isär | formulering (join | apart | wording)",
    }
    properties["texts"] = {
        "anyOf": [TEXT_PROPERTY, {"type": "array", "items": TEXT_PROPERTY, "minItems": 1}],
        "description": "the texts exactly as the entries have them (two or more to join)",
    }
    return _list_of(
        item,
        DECISION_KEYS,
        "swot merges.yaml",
        "Reviewed merge decisions; swot merge and swot review respect them.",
    )


def votes_schema(workshop: Workshop | None = None) -> dict:
    """JSON Schema of votes.yaml: dot votes per item of a round."""
    item, properties = _item_of(VoteItem, workshop)
    properties["votes"] = {"type": "integer", "minimum": 0, "maximum": MAX_VOTES}
    return _list_of(
        item,
        VOTE_KEYS,
        "swot votes.yaml",
        "Dot votes from the workshop (swot vote writes them; swot merge --rank votes uses them).",
    )


def priorities_schema(workshop: Workshop | None = None) -> dict:
    """JSON Schema of priorities.yaml: A'WOT pairwise judgments."""
    item, properties = _item_of(JudgmentItem, workshop)
    properties["compare"] = {
        "type": "string",
        "enum": [*QUADRANT_WORDS, *_casings(QUADRANTS_SPELLINGS)],
        "description": "a quadrant, or kvadranter (quadrants) to compare the four",
    }
    properties["value"] = {
        "anyOf": [
            {"type": "number", "exclusiveMinimum": 0},
            {
                "type": "string",
                "pattern": r"^\s*[0-9]+([.,][0-9]+)?(\s*/\s*[0-9]+([.,][0-9]+)?)?\s*$",
            },
        ],
        "description": "how many times more important a is than b: 1–9, or 1/3 when b is",
    }
    return _list_of(
        item,
        JUDGMENT_KEYS,
        "swot priorities.yaml",
        "A'WOT pairwise judgments (swot prioritise writes them).",
    )


SCHEMA_FILES = {  # what swot schema --print takes, and the file each is written to
    "workshop": WORKSHOP_SCHEMA,
    "entries": ENTRIES_SCHEMA,
    "merges": DECISIONS_SCHEMA,
    "votes": VOTES_SCHEMA,
    "priorities": PRIORITIES_SCHEMA,
}


def schema_named(name: str, workshop: Workshop | None = None) -> dict:
    """The schema ``swot schema --print NAME`` prints (a key of ``SCHEMA_FILES``)."""
    if name == "workshop":
        return workshop_schema()
    makers = {
        "entries": entries_schema,
        "merges": decisions_schema,
        "votes": votes_schema,
        "priorities": priorities_schema,
    }
    return makers[name](workshop)


def workshop_schema() -> dict:
    """JSON Schema of workshop.yaml, with Swedish keys accepted beside English ones."""
    schema = _inline_refs(Workshop.model_json_schema())
    properties = schema["properties"]
    properties["language"] = {
        "type": "string",
        "enum": _casings([w for words in LANGUAGE_SPELLINGS.values() for w in words]),
        "description": "sv | en",
    }
    theme_items = properties["themes"]["items"]
    properties["themes"]["items"] = {"anyOf": [{"type": "string"}, theme_items]}
    for key, table in (("units", UNIT_KEYS), ("rounds", ROUND_KEYS)):
        _add_aliases(properties[key]["items"], table)
    _add_aliases(theme_items, THEME_KEYS)
    _add_aliases(schema, WORKSHOP_KEYS)
    schema["$schema"] = DIALECT
    schema["title"] = "swot workshop.yaml"
    return schema


def write_schemas(workshop: LoadedWorkshop) -> list[Path]:
    """Write every schema into the workshop's ``schema/`` folder; return the paths written."""
    folder = workshop.folder / SCHEMA_DIR
    written = []
    for name, file_name in SCHEMA_FILES.items():
        path = folder / file_name
        schema = schema_named(name, workshop.workshop)
        atomic_write_text(path, json.dumps(schema, ensure_ascii=False, indent=2) + "\n")
        written.append(path)
    return written
