"""Every message exists in Swedish and English with the same placeholders, and is written once.

A catalogue is any module-level dict of ``key -> {"sv": text, "en": text}`` in ``swot/``. The
texts are read from the source (a reference to another catalogue's entry is not a second copy),
so two places that say the same thing must share one entry — then they cannot drift apart.
"""

from __future__ import annotations

import ast
import string
from collections import defaultdict
from pathlib import Path

SWOT = Path(__file__).resolve().parent.parent / "swot"


def _literal_texts(node: ast.AST) -> dict[str, str] | None:
    """{"sv": ..., "en": ...} when ``node`` is such a dict literal (string values), else None."""
    if not isinstance(node, ast.Dict) or not node.keys:
        return None
    pairs = {}
    for key, value in zip(node.keys, node.values, strict=True):
        if not (isinstance(key, ast.Constant) and key.value in ("sv", "en")):
            return None
        try:
            text = ast.literal_eval(value)
        except ValueError:
            return None
        if not isinstance(text, str):
            return None
        pairs[key.value] = text
    return pairs


def catalogue_texts() -> list[tuple[str, str, dict[str, str]]]:
    """(module path, key or name, texts) of every {"sv", "en"} dict literal at module level."""
    found = []
    for path in sorted(SWOT.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for statement in tree.body:
            if not isinstance(statement, (ast.Assign, ast.AnnAssign)) or statement.value is None:
                continue
            name = ast.unparse(
                statement.targets[0] if isinstance(statement, ast.Assign) else statement.target
            )
            where = str(path.relative_to(SWOT.parent))
            for node in ast.walk(statement.value):
                if isinstance(node, ast.Dict):
                    for key, value in zip(node.keys, node.values, strict=True):
                        texts = _literal_texts(value)
                        if texts is not None:
                            label = key.value if isinstance(key, ast.Constant) else "?"
                            found.append((where, f"{name}[{label}]", texts))
            texts = _literal_texts(statement.value)
            if texts is not None:
                found.append((where, name, texts))
    return found


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def test_there_are_catalogues_to_check() -> None:
    assert len(catalogue_texts()) > 300


def test_every_message_is_in_swedish_and_english_with_the_same_placeholders() -> None:
    wrong = []
    for where, key, texts in catalogue_texts():
        if set(texts) != {"sv", "en"}:
            wrong.append(f"{where} {key}: only {sorted(texts)}")
        elif placeholders(texts["sv"]) != placeholders(texts["en"]):
            sv, en = sorted(placeholders(texts["sv"])), sorted(placeholders(texts["en"]))
            wrong.append(f"{where} {key}: sv {sv} ≠ en {en}")
    assert wrong == []


def test_no_message_is_written_twice() -> None:
    """The same Swedish and English text in two entries is one message written twice.

    Singular and plural forms of one message (``x.one`` / ``x.many``) may share a text in one
    language; they differ in the other.
    """
    seen: dict[tuple[str, str], list[str]] = defaultdict(list)
    for where, key, texts in catalogue_texts():
        seen[(texts.get("sv", ""), texts.get("en", ""))].append(f"{where} {key}")
    twice = {texts: places for texts, places in seen.items() if len(places) > 1}
    assert twice == {}


def test_the_check_sees_a_copy() -> None:
    copy = ast.parse('A = {"k": {"sv": "Enhet", "en": "Unit"}, "j": {"sv": "Enhet", "en": "Unit"}}')
    values = copy.body[0].value  # type: ignore[attr-defined]
    assert [_literal_texts(v) for v in values.values] == [{"sv": "Enhet", "en": "Unit"}] * 2
