"""The ``swot`` command line. Each command lives in its own module and registers on ``app``."""

from __future__ import annotations

from swot.cli import round_commands  # noqa: F401  (registers status, compare)
from swot.cli import workshop_commands  # noqa: F401  (registers init, validate, schema)
from swot.cli.app import app


def main() -> None:
    """Entry point of the ``swot`` console script."""
    app(prog_name="swot")
