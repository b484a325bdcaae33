"""JSON Schema of workshop.yaml and entries files, so editors check while staff type.

The schemas come from the pydantic models, widened to what the loader accepts: Swedish keys
beside English ones, and every spelling of a quadrant, theme and source. VS Code's YAML
extension finds them through the ``# yaml-language-server: $schema=…`` line at the top of
every file swot writes."""

from __future__ import annotations

import copy
import json
from pathlib import Path

from swot.files.located import ENTRY_KEYS, ROUND_KEYS, THEME_KEYS, UNIT_KEYS, WORKSHOP_KEYS
from swot.files.storage import atomic_write_text
from swot.files.workshop import LoadedWorkshop
from swot.models import Entry, Workshop
from swot.vocabulary import (
    BUILTIN_THEME_SPELLINGS,
    LANGUAGE_SPELLINGS,
    QUADRANT_SPELLINGS,
    SOURCE_SPELLINGS,
)

SCHEMA_DIR = "schema"
WORKSHOP_SCHEMA = "workshop.schema.json"
ENTRIES_SCHEMA = "entries.schema.json"
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


def entries_schema(workshop: Workshop | None = None) -> dict:
    """JSON Schema of an entries file: a list of entries, keys and values in sv or en."""
    entry = _inline_refs(Entry.model_json_schema())
    properties = entry["properties"]
    theme_words: list[str] = []
    if workshop is not None:
        for theme in workshop.themes:
            theme_words += [w for w in (theme.id, theme.sv, theme.en, *theme.aliases) if w]
            theme_words += list(BUILTIN_THEME_SPELLINGS.get(theme.id, ()))
    else:
        theme_words = [w for words in BUILTIN_THEME_SPELLINGS.values() for w in words]
    properties["theme"] = {
        "type": "string",
        "enum": _casings(theme_words),
        "description": properties["theme"].get("description", ""),
    }
    properties["quadrant"] = {
        "type": "string",
        "enum": _casings([w for words in QUADRANT_SPELLINGS.values() for w in words]),
        "description": "styrkor | svagheter | möjligheter | hot (strengths | weaknesses | "
        "opportunities | threats, S/W/O/T)",
    }
    properties["source"] = {
        "type": "string",
        "enum": _casings([w for words in SOURCE_SPELLINGS.values() for w in words]),
        "description": "enkät | workshop (survey | workshop)",
    }
    properties["text"]["minLength"] = 1
    _add_aliases(entry, ENTRY_KEYS)
    entry["additionalProperties"] = False
    entry.pop("title", None)
    return {
        "$schema": DIALECT,
        "title": "swot entries file (entries/<round>/<unit>.yaml)",
        "description": "A list of SWOT entries. Unit and round come from the file's path.",
        "type": ["array", "null"],
        "items": entry,
    }


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
    """Write both schemas into the workshop's ``schema/`` folder; return the paths written."""
    folder = workshop.folder / SCHEMA_DIR
    written = []
    for name, schema in (
        (WORKSHOP_SCHEMA, workshop_schema()),
        (ENTRIES_SCHEMA, entries_schema(workshop.workshop)),
    ):
        path = folder / name
        atomic_write_text(path, json.dumps(schema, ensure_ascii=False, indent=2) + "\n")
        written.append(path)
    return written


def modeline(schema_name: str, depth: int) -> str:
    """The line that points VS Code at a schema, from a file ``depth`` folders below the workshop."""
    prefix = "../" * depth
    return f"# yaml-language-server: $schema={prefix}{SCHEMA_DIR}/{schema_name}\n"
