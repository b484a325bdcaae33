"""Creating a workshop folder, and the comment headers that tell staff how to edit each file."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from swot.errors import SwotError
from swot.files.schema import write_schemas
from swot.files.schema_lines import ENTRIES_SCHEMA, WORKSHOP_SCHEMA, modeline
from swot.files.storage import atomic_write_text, yaml_scalar
from swot.files.workshop import ENTRIES_DIR, WORKSHOP_FILE, LoadedWorkshop, load_workshop
from swot.i18n import catalogue, say
from swot.models import Round, Unit, suggest_id

MESSAGES = catalogue("files/create")


@dataclass
class NewWorkshop:
    """What ``swot init`` needs to know."""

    name: str
    language: str
    unit_names: list[str]
    round_ids: list[str]  # ids, or names ("Kvartal 1 2026") an id is made from
    expected: int | None = None
    round_dates: dict[str, dt.date] = field(default_factory=dict)  # by the round as given
    themes: list[str] = field(default_factory=lambda: ["equality", "accessibility"])


def units_from_names(names: list[str]) -> list[Unit]:
    """Units with safe ids made from their display names; clashing ids get a number."""
    units: list[Unit] = []
    used: set[str] = set()
    for name in names:
        base = suggest_id(name)
        unit_id, number = base, 2
        while unit_id in used:
            unit_id, number = f"{base}-{number}", number + 1
        used.add(unit_id)
        units.append(Unit(id=unit_id, name=name.strip(), municipality=name.strip()))
    return units


def workshop_yaml_text(spec: NewWorkshop) -> str:
    """workshop.yaml for a new workshop, with a header telling staff how to edit it."""
    units = units_from_names(spec.unit_names)
    rounds = [Round(id=suggest_id(r)) for r in spec.round_ids]
    given = dict(zip([r.id for r in rounds], spec.round_ids, strict=True))
    lines = [
        modeline(WORKSHOP_SCHEMA, 0).rstrip("\n"),
        say(MESSAGES, "workshop_header", spec.language, name=spec.name).rstrip("\n"),
        f"name: {yaml_scalar(spec.name)}",
        f"language: {spec.language}",
        "response_target: 75",
        f"themes: [{', '.join(spec.themes)}]",
        "units:",
    ]
    for unit in units:
        lines += [
            f"  - id: {unit.id}",
            f"    name: {yaml_scalar(unit.name)}",
            f"    municipality: {yaml_scalar(unit.municipality or unit.name)}",
        ]
    lines.append("rounds:")
    for round_ in rounds:
        lines.append(f"  - id: {round_.id}")
        written = given[round_.id].strip()
        if written != round_.id:  # a name was given: keep it, the id is made from it
            lines.append(f"    name: {yaml_scalar(written)}")
        if given[round_.id] in spec.round_dates:
            lines.append(f"    date: {spec.round_dates[given[round_.id]].isoformat()}")
        if spec.expected is not None:
            lines.append("    expected:")
            lines += [f"      {unit.id}: {spec.expected}" for unit in units]
    return "\n".join(lines) + "\n"


def create_workshop(folder: Path, spec: NewWorkshop) -> LoadedWorkshop:
    """Create a workshop folder with workshop.yaml, entries/ and the JSON schemas."""
    target = folder / WORKSHOP_FILE
    if target.exists():
        raise SwotError(
            say(MESSAGES, "exists", spec.language, path=target),
            say(MESSAGES, "exists.hint", spec.language),
        )
    atomic_write_text(target, workshop_yaml_text(spec))
    workshop = load_workshop(folder)
    for round_ in workshop.workshop.rounds:
        (folder / ENTRIES_DIR / round_.id).mkdir(parents=True, exist_ok=True)
    write_schemas(workshop)
    return workshop


def entries_header(workshop: LoadedWorkshop, unit_id: str, round_id: str) -> str:
    """The comment block at the top of a new entries file, in the workshop's language."""
    lang = workshop.language
    unit = workshop.workshop.unit(unit_id)
    round_ = workshop.workshop.round(round_id)
    themes = " | ".join(
        t.name(lang).lower() if lang == "sv" else t.id for t in workshop.workshop.themes
    )
    return modeline(ENTRIES_SCHEMA, 2) + say(
        MESSAGES,
        "entries_header",
        lang,
        unit=unit.name if unit else unit_id,
        round=round_.title() if round_ else round_id,
        themes=themes,
    )
