"""One way to name a round, for every command: its id or its title, any case, å ä ö or not."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from swot.cli import app
from swot.errors import UsageError
from swot.files.workshop import find_round, load_workshop

EXAMPLE = Path(__file__).resolve().parent.parent / "workshops" / "ameis-skane-nordvast"


@pytest.fixture
def example(tmp_path: Path) -> Path:
    return Path(shutil.copytree(EXAMPLE, tmp_path / "ameis"))


@pytest.mark.parametrize("typed", ["2025-kv3", "Kvartal 3 2025", "kvartal 3 2025", "2025-KV3"])
def test_a_round_is_found_by_id_or_title(example: Path, typed: str) -> None:
    assert find_round(load_workshop(example), typed, "sv").id == "2025-kv3"


def test_no_round_named_means_the_latest(example: Path) -> None:
    workshop = load_workshop(example)
    assert find_round(workshop, None, "sv") == workshop.workshop.latest_round


def test_an_unknown_round_suggests_the_closest_and_lists_the_ids(example: Path) -> None:
    with pytest.raises(UsageError) as raised:
        find_round(load_workshop(example), "2026-kv3", "en")
    assert str(raised.value).startswith("'2026-kv3' is not a round of this workshop; did you mean")
    assert "2025-kv3" in raised.value.hint


@pytest.mark.parametrize("command", ["merge", "status", "export"])
def test_every_command_takes_a_round_title(example: Path, runner, command: str) -> None:
    args = [command, str(example), "--round", "Kvartal 3 2025"]
    if command == "export":
        args += ["--format", "json", "--output", str(example / "out.json")]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
