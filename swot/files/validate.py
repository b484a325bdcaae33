"""``swot validate``: check any of a workshop's files and report every problem with its place."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from swot.errors import DataError, Problem
from swot.i18n import default_language

if TYPE_CHECKING:
    pass
from swot.files.entries import read_entries_file
from swot.files.located import ProblemCollector
from swot.files.workshop import (
    ENTRIES_DIR,
    WORKSHOP_FILE,
    LoadedWorkshop,
    check_workshop_file,
    declared_language,
    find_workshop_folder,
    load_workshop,
)


def validate_paths(
    paths: Iterable[Path], lang: str | None = None
) -> tuple[list[Path], list[Problem]]:
    """Check workshops, folders or files; return the files checked and every problem found."""
    checked: list[Path] = []
    found: list[Problem] = []
    for path in paths:
        before = len(checked)
        for file_path, problems in _validate_one(Path(path), lang):
            checked.append(file_path)
            found.extend(problems)
        if len(checked) == before:  # never an all-clear for nothing checked
            folder = find_workshop_folder(Path(path))
            declared = declared_language(folder / WORKSHOP_FILE) if folder else None
            collector = ProblemCollector(Path(path), lang or declared or default_language())
            collector.add("nothing_to_check")
            found.extend(collector.problems)
    return checked, found


def _validate_one(path: Path, lang: str | None) -> Iterable[tuple[Path, list[Problem]]]:
    folder = find_workshop_folder(path if path.exists() else path.parent)
    if folder is None:
        if path.suffix in {".yaml", ".yml"} and path.is_file():
            result = read_entries_file(path, None, lang)
            yield path, result.problems
            return
        try:
            load_workshop(path, lang)
        except DataError as error:
            yield path, error.problems
        return
    workshop_path = folder / WORKSHOP_FILE
    workshop, problems = check_workshop_file(workshop_path, lang)
    language = lang or (workshop.language.value if workshop else declared_language(workshop_path))
    loaded = LoadedWorkshop(folder, workshop) if workshop else None
    decision_files = [folder / name for name in ("merges.yaml", "votes.yaml", "priorities.yaml")]
    if path.resolve() in {p.resolve() for p in decision_files}:
        yield workshop_path, problems
        if loaded is not None:
            yield path, _decision_file_problems(path, loaded, language)
        return
    if path.resolve() in {folder.resolve(), workshop_path.resolve()}:
        yield workshop_path, problems
        targets = sorted((folder / ENTRIES_DIR).glob("*/*.y*ml")) if path.is_dir() else []
        if path.is_dir() and loaded is not None:
            targets += [p for p in decision_files if p.is_file()]
    elif path.is_dir():
        targets = sorted(path.rglob("*.y*ml"))
    else:
        targets = [path]
    if loaded is None and targets and path.resolve() != folder.resolve():
        yield workshop_path, problems
    for target in targets:
        if target in decision_files and loaded is not None:
            yield target, _decision_file_problems(target, loaded, language)
            continue
        real = target.resolve()  # "hoganas.yaml" typed inside entries/<round>/ has no parents
        if real == workshop_path.resolve() or "handouts" in real.parts[len(folder.parts) :]:
            continue
        if real.parent.parent.name != ENTRIES_DIR and real.parent.name != ENTRIES_DIR:
            continue
        yield target, read_entries_file(real, loaded, language).problems


def _decision_file_problems(
    path: Path, workshop: LoadedWorkshop, lang: str | None
) -> list[Problem]:
    """Problems of merges.yaml, votes.yaml or priorities.yaml, read by the same reader
    ``swot merge`` uses (warnings too, such as a judgment written twice)."""
    from swot.files.decisions import load_decisions, load_votes
    from swot.files.priorities import load_priorities

    try:
        if path.name == "priorities.yaml":
            return load_priorities(workshop, lang).warnings
        (load_decisions if path.name == "merges.yaml" else load_votes)(workshop, lang)
    except DataError as error:
        return error.problems
    return []
