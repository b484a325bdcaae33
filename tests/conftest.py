"""Shared fixtures: small workshops built under tmp_path, and a CLI runner with a fixed width."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "workshops"

# Rich must not wrap or colour differently on a developer's terminal and in CI.
os.environ["COLUMNS"] = "120"
os.environ["NO_COLOR"] = "1"
os.environ.pop("FORCE_COLOR", None)
os.environ["TERM"] = "dumb"
os.environ["SWOT_LANG"] = "en"


WORKSHOP_YAML = """\
name: {name}
language: {language}
units:
{units}
rounds:
{rounds}
"""


def workshop_text(
    name: str = "Test",
    language: str = "en",
    units: dict[str, str] | None = None,
    rounds: dict[str, dict[str, int]] | None = None,
) -> str:
    """workshop.yaml text for a small workshop."""
    units = units or {"hoganas": "Höganäs", "bjuv": "Bjuv"}
    rounds = rounds if rounds is not None else {"baseline": {u: 4 for u in units}}
    unit_lines = "\n".join(f"  - id: {uid}\n    name: {name}" for uid, name in units.items())
    round_lines = []
    for rid, expected in rounds.items():
        round_lines.append(f"  - id: {rid}")
        if expected:
            round_lines.append("    expected:")
            round_lines += [f"      {u}: {n}" for u, n in expected.items()]
    return WORKSHOP_YAML.format(
        name=name, language=language, units=unit_lines, rounds="\n".join(round_lines)
    )


@pytest.fixture
def make_workshop(tmp_path: Path) -> Callable[..., Path]:
    """Build a workshop folder: ``make_workshop(entries={"baseline/hoganas": "- theme: …"})``."""

    def build(
        entries: dict[str, str] | None = None,
        folder: str = "ws",
        **workshop: object,
    ) -> Path:
        root = tmp_path / folder
        root.mkdir(parents=True, exist_ok=True)
        (root / "workshop.yaml").write_text(workshop_text(**workshop), encoding="utf-8")  # type: ignore[arg-type]
        for place, text in (entries or {}).items():
            path = root / "entries" / f"{place}.yaml"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        return root

    return build


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def swot_command() -> list[str]:
    """How to start swot in a subprocess (pexpect, concurrency tests)."""
    return [sys.executable, "-m", "swot"]
