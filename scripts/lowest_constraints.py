"""Print pip constraints that pin every runtime dependency to the lowest version pyproject allows.

CI installs the project once with these (``pip install -c FILE -e '.[test]'``) and runs the suite,
so the lower bounds in ``pyproject.toml`` are tested, not assumed. Read from pyproject itself, the
constraints cannot drift from it.

Example: python scripts/lowest_constraints.py > /tmp/lowest.txt
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"
REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9_.-]+)(\[[^\]]*\])?\s*(.*)$")


def lowest_constraints(pyproject: Path = PYPROJECT) -> list[str]:
    """``name==lowest`` for each runtime dependency that states a lower bound (``>=``)."""
    text = pyproject.read_text(encoding="utf-8")
    # tomllib is Python ≥ 3.11; the project's own dependency list is simple enough to read.
    block = re.search(r"^dependencies = \[(.*?)^\]", text, re.MULTILINE | re.DOTALL)
    if block is None:
        raise SystemExit("pyproject.toml: no 'dependencies = [' list under [project]")
    lines = []
    for requirement in re.findall(r'"([^"]+)"', block.group(1)):
        match = REQUIREMENT.match(requirement)
        if match is None:
            raise SystemExit(f"pyproject.toml: cannot read the dependency {requirement!r}")
        name, _extras, specifiers = match.groups()
        lower = re.search(r">=\s*([0-9][^,;\s]*)", specifiers)
        if lower is None:
            raise SystemExit(f"pyproject.toml: {name} has no lower bound (>=); give it one")
        lines.append(f"{name}=={lower.group(1)}")
    return lines


if __name__ == "__main__":
    sys.stdout.write("".join(line + "\n" for line in lowest_constraints()))
