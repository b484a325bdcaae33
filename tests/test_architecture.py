"""The layout is a rule, not a hope: layers only call downward, no cycles, the UI stays in cli/.

Every ``import`` in ``swot/`` counts, also those inside functions (kept there for start-up time)
and under ``TYPE_CHECKING``: a lazy import is still a dependency.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SWOT = Path(__file__).resolve().parent.parent / "swot"

# Lower layers first; a module may import its own package and the layers before it.
LAYERS = ["base", "files", "rounds", "analysis", "output", "survey", "jobs", "cli"]
BASE = {
    "swot",
    "swot.vocabulary",
    "swot.models",
    "swot.errors",
    "swot.i18n",
    "swot.texts",
    "swot.words",
}
UI_LIBRARIES = {"typer", "rich", "questionary", "prompt_toolkit", "click"}


def module_name(path: Path) -> str:
    parts = path.relative_to(SWOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """Every module ``path`` imports (absolute names), wherever the import statement is."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                target = f"{base}.{node.module}" if node.module else base
            else:
                target = node.module or ""
            found.add(target)
            # "from swot.files import entries" imports the module swot.files.entries
            found |= {f"{target}.{a.name}" for a in node.names if f"{target}.{a.name}" in MODULES}
    return found


MODULES = {module_name(p): p for p in sorted(SWOT.rglob("*.py"))}
GRAPH = {
    name: {m for m in imports_of(path) if m in MODULES and m != name}
    for name, path in MODULES.items()
}


def layer_of(module: str) -> str:
    if module in BASE or module == "swot.__main__":
        return "cli" if module == "swot.__main__" else "base"
    package = module.split(".")[1]
    assert package in LAYERS, f"{module} is in no layer: add its package to LAYERS"
    return package


def test_every_module_is_in_a_layer() -> None:
    for module in MODULES:
        layer_of(module)


def test_modules_import_only_their_own_layer_and_the_layers_below() -> None:
    wrong = []
    for module, imported in GRAPH.items():
        rank = LAYERS.index(layer_of(module))
        for other in sorted(imported):
            if other in {"swot"}:
                continue
            if LAYERS.index(layer_of(other)) > rank:
                wrong.append(
                    f"{module} imports {other} ({layer_of(other)} is above {layer_of(module)})"
                )
    assert wrong == []


def test_there_is_no_import_cycle() -> None:
    cycles = []
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    path: list[str] = []

    def visit(module: str) -> None:
        state[module] = 1
        path.append(module)
        for other in sorted(GRAPH[module]):
            if state.get(other) == 1:
                cycles.append(" → ".join([*path[path.index(other) :], other]))
            elif other not in state:
                visit(other)
        path.pop()
        state[module] = 2

    for module in sorted(GRAPH):
        if module not in state:
            visit(module)
    assert cycles == []


def test_the_terminal_libraries_are_imported_only_in_cli() -> None:
    wrong = []
    for module, path in MODULES.items():
        if layer_of(module) == "cli":
            continue
        for imported in sorted(imports_of(path)):
            if imported.split(".")[0] in UI_LIBRARIES:
                wrong.append(f"{module} imports {imported}")
    assert wrong == []


@pytest.mark.parametrize(
    ("module", "imported"),
    [("swot.analysis.grouping", "swot.cli.app"), ("swot.files.entries", "swot.jobs.merge")],
)
def test_the_layer_check_would_see_an_upward_import(module: str, imported: str) -> None:
    assert LAYERS.index(layer_of(imported)) > LAYERS.index(layer_of(module))


def test_the_cache_keys_name_files_that_exist() -> None:
    """The caches are keyed by the code that reads and groups: a moved module must not quietly
    drop out of the key (then a changed reader would serve stale entries)."""
    from swot.rounds import cache

    for name in (*cache._READING_CODE, *cache._GROUPING_CODE):
        assert (SWOT / name).is_file(), name
