"""The ``swot`` command line. Each command lives in its own module and registers on ``app``."""

from __future__ import annotations

from swot.cli import (
    collect_command,  # noqa: F401  (registers collect)
    merge_commands,  # noqa: F401  (registers merge, export, review)
    round_commands,  # noqa: F401  (registers status, compare)
    workshop_commands,  # noqa: F401  (registers init, validate, schema)
)
from swot.cli.app import app


def main() -> None:
    """Entry point of the ``swot`` console script."""
    app(prog_name="swot")
