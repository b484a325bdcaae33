"""The ``swot`` command line. Each command lives in its own module and registers on ``app``."""

from __future__ import annotations

from swot.cli import (
    collect_command,  # noqa: F401  (registers collect)
    import_command,  # noqa: F401  (registers import)
    merge_commands,  # noqa: F401  (registers merge, export, review)
    prioritise_command,  # noqa: F401  (registers prioritise, vote)
    round_commands,  # noqa: F401  (registers status, compare, report)
    survey_command,  # noqa: F401  (registers survey)
    workshop_commands,  # noqa: F401  (registers init, validate, schema)
)
from swot.cli.app import app

# The order a workshop goes through, which is also the order of `swot --help`.
COMMAND_ORDER = [
    "init",
    "collect",
    "survey",
    "import",
    "validate",
    "status",
    "merge",
    "review",
    "vote",
    "prioritise",
    "compare",
    "report",
    "export",
    "schema",
]
app.registered_commands.sort(
    key=lambda c: COMMAND_ORDER.index(c.name) if c.name in COMMAND_ORDER else len(COMMAND_ORDER)
)


def main() -> None:
    """Entry point of the ``swot`` console script."""
    app(prog_name="swot")
