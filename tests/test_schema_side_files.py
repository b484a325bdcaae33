"""The JSON Schemas of merges.yaml, votes.yaml and priorities.yaml accept what swot's readers
accept (English and Swedish keys and values) and refuse what they refuse, so VS Code flags a
mistake while staff type; and new files point at them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest
import yaml

from swot.files.decisions import MergeDecision, append_decisions, load_decisions
from swot.files.schema import decisions_schema, priorities_schema, votes_schema, write_schemas
from swot.files.workshop import load_workshop
from swot.vocabulary import Quadrant

REPO = Path(__file__).resolve().parent.parent

MERGES_SV = """\
- beslut: slå ihop
  tema: jämställdhet
  kvadrant: svagheter
  texter:
    - Ingen plan
    - Saknar plan
- beslut: formulering
  tema: Tillgänglighet
  ruta: Hot
  text: Besparingar
  formulering: Besparingar i kommunen
"""
VOTES_SV = """\
- omgång: baseline
  tema: jämställdhet
  kvadrant: S
  text: Tydlig plan
  röster: 7
"""
PRIORITIES_SV = """\
- omgång: baseline
  tema: jämställdhet
  bedömare: rummet
  jämför: kvadranter
  a: styrkor
  b: hot
  värde: 1/3
- omgång: baseline
  tema: equality
  rater: the room
  compare: weaknesses
  a: No plan
  b: No training
  value: 5
"""


def valid(schema: dict, text: str) -> list[str]:
    """The schema's complaints about a YAML text (none when an editor would accept it)."""
    validator = jsonschema.Draft7Validator(schema)
    return [error.message for error in validator.iter_errors(yaml.safe_load(text))]


@pytest.mark.parametrize(
    ("schema", "text"),
    [
        (decisions_schema(), MERGES_SV),
        (votes_schema(), VOTES_SV),
        (priorities_schema(), PRIORITIES_SV),
        (decisions_schema(), (REPO / "workshops/hoganasmodellen/merges.yaml").read_text("utf-8")),
    ],
    ids=["merges-sv", "votes-sv", "priorities-sv-and-en", "shipped-merges"],
)
def test_what_the_readers_accept_the_schema_accepts(schema: dict, text: str) -> None:
    assert valid(schema, text) == []


@pytest.mark.parametrize(
    ("schema", "text", "complaint"),
    [
        (
            decisions_schema(),
            MERGES_SV.replace("svagheter", "svaghter"),
            "'svaghter' is not one of",
        ),
        (
            decisions_schema(),
            MERGES_SV.replace("slå ihop", "slå ihopp"),
            "'slå ihopp' is not one of",
        ),
        (votes_schema(), VOTES_SV.replace("röster: 7", "röster: många"), "'många' is not of type"),
        (votes_schema(), VOTES_SV + "  färg: röd\n", "Additional properties are not allowed"),
        (priorities_schema(), PRIORITIES_SV.replace("1/3", "tre"), "'tre' is not valid"),
    ],
    ids=["unknown-quadrant", "unknown-decision", "votes-not-a-number", "unknown-key", "bad-value"],
)
def test_a_mistake_the_readers_refuse_the_schema_flags(
    schema: dict, text: str, complaint: str
) -> None:
    assert any(complaint in message for message in valid(schema, text))


def test_a_new_merges_file_points_at_its_schema_when_the_workshop_has_it(
    make_workshop: Callable[..., Path],
) -> None:
    workshop = load_workshop(make_workshop())
    decision = MergeDecision("join", "equality", Quadrant.WEAKNESSES, ("No plan", "Lacks a plan"))
    plain = append_decisions(workshop, [decision], "en").read_text("utf-8")
    assert plain.startswith("# Merge decisions for this workshop.")
    (workshop.folder / "merges.yaml").unlink()
    write_schemas(workshop)
    pointed = append_decisions(workshop, [decision], "en").read_text("utf-8")
    assert pointed == "# yaml-language-server: $schema=schema/merges.schema.json\n" + plain
    assert len(load_decisions(workshop, "en").decisions) == 1
