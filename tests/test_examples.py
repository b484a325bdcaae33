"""The bundled example workshops are valid, and editors' JSON Schemas accept every file in them."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest

from swot.cli import app
from swot.files.schema import entries_schema, workshop_schema
from swot.files.workshop import load_workshop
from swot.files.yamltree import MappingNode, Node, ScalarNode, SequenceNode, parse_document
from swot.rounds.load import load_round

CORE_BOOLEANS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False}


def as_yaml_12(node: Node | None) -> object:
    """Data typed as VS Code's YAML 1.2 core schema types it (no dates, no 'no' booleans)."""
    if isinstance(node, SequenceNode):
        return [as_yaml_12(item) for item in node.items]
    if isinstance(node, MappingNode):
        return {k.value: as_yaml_12(v) for k, v in node.pairs if isinstance(k, ScalarNode)}
    if isinstance(node, ScalarNode):
        value = node.python()
        if value is None or node.quoted:
            return value
        if value in CORE_BOOLEANS:
            return CORE_BOOLEANS[value]
        try:
            return int(value)
        except ValueError:
            return value
    return None


EXAMPLES = Path(__file__).resolve().parent.parent / "workshops"
WORKSHOPS = ["hoganasmodellen", "ameis-skane-nordvast"]


@pytest.mark.parametrize("name", WORKSHOPS)
def test_example_workshop_validates(name: str, runner) -> None:
    result = runner.invoke(app, ["validate", str(EXAMPLES / name)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("✓ ") and "inga fel" in result.output


@pytest.mark.parametrize("name", WORKSHOPS)
def test_json_schema_accepts_every_example_file(name: str) -> None:
    folder = EXAMPLES / name
    workshop = load_workshop(folder).workshop
    checker = jsonschema.Draft7Validator(entries_schema(workshop))
    workshop_checker = jsonschema.Draft7Validator(workshop_schema())
    data = as_yaml_12(parse_document((folder / "workshop.yaml").read_text(encoding="utf-8")).root)
    assert list(workshop_checker.iter_errors(data)) == []
    files = sorted((folder / "entries").glob("*/*.yaml"))
    assert files
    for path in files:
        entries = as_yaml_12(parse_document(path.read_text(encoding="utf-8")).root)
        errors = [e.message for e in checker.iter_errors(entries)]
        assert errors == [], path


def test_json_schema_rejects_an_unknown_quadrant() -> None:
    checker = jsonschema.Draft7Validator(entries_schema())
    bad = [{"tema": "jämställdhet", "kvadrant": "svagheterr", "text": "x"}]
    assert [e.validator for e in checker.iter_errors(bad)] == ["enum"]


def test_hoganasmodellen_expects_112_respondents_at_baseline() -> None:
    workshop = load_workshop(EXAMPLES / "hoganasmodellen").workshop
    assert [u.name for u in workshop.units] == [
        "Höganäs",
        "Lund",
        "Ängelholm",
        "Landskrona",
        "Bjuv",
        "Svalöv",
        "Båstad",
        "Kristianstad",
    ]
    assert sum(workshop.round("forprojektering").expected.values()) == 112


def test_ameis_has_eleven_units_and_quarterly_rounds() -> None:
    loaded = load_workshop(EXAMPLES / "ameis-skane-nordvast")
    assert len(loaded.workshop.units) == 11
    assert len(loaded.workshop.rounds) >= 2
    for round_ in loaded.workshop.rounds[:2]:
        assert load_round(loaded, round_.id).missing_units == []
