"""The schema job: the JSON Schemas of workshop.yaml and entries files, written or returned."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

SCHEMAS = ("workshop", "entries")


@dataclass
class SchemaRequest:
    """``swot schema``: write both schemas into ``folder``, or return one (``print_name``)."""

    folder: Path = Path(".")
    print_name: str | None = None

    def check(self) -> None:
        from swot.errors import UsageError

        if self.print_name is not None and self.print_name not in SCHEMAS:
            raise UsageError(
                f"--print takes workshop or entries, not '{self.print_name}'",
                "example: swot schema --print entries",
            )


@dataclass
class SchemaResult:
    """The schema asked for (to print), or the files written."""

    schema: dict | None = None
    written: list[Path] = field(default_factory=list)


def run(request: SchemaRequest) -> SchemaResult:
    """``swot schema``."""
    from swot.files.schema import entries_schema, workshop_schema, write_schemas
    from swot.files.workshop import load_workshop

    request.check()
    if request.print_name is not None:
        schema = workshop_schema() if request.print_name == "workshop" else entries_schema()
        return SchemaResult(schema=schema)
    return SchemaResult(written=write_schemas(load_workshop(request.folder)))
