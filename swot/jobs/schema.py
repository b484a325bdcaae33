"""The schema job: the JSON Schemas of the files staff edit, written or returned."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from swot.i18n import catalogue, say

MESSAGES = catalogue("jobs/schema")
SCHEMAS = ("workshop", "entries", "merges", "votes", "priorities")  # files/schema.SCHEMA_FILES


@dataclass
class SchemaRequest:
    """``swot schema``: write every schema into ``folder``, or return one (``print_name``)."""

    folder: Path = Path(".")
    print_name: str | None = None

    def check(self, lang: str) -> None:
        from swot.errors import UsageError
        from swot.vocabulary import did_you_mean

        if self.print_name is not None and self.print_name not in SCHEMAS:
            guess = did_you_mean(self.print_name, list(SCHEMAS))
            raise UsageError(
                say(MESSAGES, "bad_print", lang, value=self.print_name, names=", ".join(SCHEMAS))
                + (say(MESSAGES, "did_you_mean", lang, word=guess) if guess else ""),
                say(MESSAGES, "bad_print.hint", lang),
            )


@dataclass
class SchemaResult:
    """The schema asked for (to print), or the files written."""

    schema: dict | None = None
    written: list[Path] = field(default_factory=list)


def run(request: SchemaRequest, lang: str = "en") -> SchemaResult:
    """``swot schema``."""
    from swot.files.schema import schema_named, write_schemas
    from swot.files.workshop import load_workshop

    request.check(lang)
    if request.print_name is not None:
        return SchemaResult(schema=schema_named(request.print_name))
    return SchemaResult(written=write_schemas(load_workshop(request.folder)))
