"""Where a workshop's JSON Schemas live, and the first line of a file that points an editor
at one (apart from files/schema.py, which builds the schemas from the readers' models, so
that those readers can write the line without depending on the schema builder)."""

from __future__ import annotations

from pathlib import Path

SCHEMA_DIR = "schema"
WORKSHOP_SCHEMA = "workshop.schema.json"
ENTRIES_SCHEMA = "entries.schema.json"
DECISIONS_SCHEMA = "merges.schema.json"
VOTES_SCHEMA = "votes.schema.json"
PRIORITIES_SCHEMA = "priorities.schema.json"


def modeline(schema_name: str, depth: int) -> str:
    """The line that points VS Code at a schema, from a file ``depth`` folders below the workshop."""
    prefix = "../" * depth
    return f"# yaml-language-server: $schema={prefix}{SCHEMA_DIR}/{schema_name}\n"


def new_file_header(workshop_folder: Path, schema_name: str, header: str) -> bytes:
    """The first bytes of a new file at the top of a workshop: its comment ``header``, after the
    schema line when the workshop has that schema (a line pointing at a missing schema would
    be an error in the editor; ``swot schema`` writes them all)."""
    if (workshop_folder / SCHEMA_DIR / schema_name).is_file():
        header = modeline(schema_name, 0) + header
    return header.encode()
