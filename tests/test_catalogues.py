"""Every message exists in Swedish and English with the same placeholders, and is written once.

The catalogues are the files ``swot/locale/**/*.yaml`` (key → sv and en, or ``same as`` another
entry), and the few ``{"sv": text, "en": text}`` dict literals left in ``swot/`` (names of
quadrants and decisions, next to their enums). The texts are read as written (an entry that is
``same as`` another is not a second copy), so two places that say the same thing must share one
entry — then they cannot drift apart.
"""

from __future__ import annotations

import ast
import re
import string
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

from swot.i18n import LOCALE, SAME_AS, Catalogue

SWOT = Path(__file__).resolve().parent.parent / "swot"
CATALOGUE_CALL = re.compile(r"""\bcatalogue\(\s*["']([^"']+)["']\s*\)""")


def locale_files() -> dict[str, dict]:
    """name → the raw mapping of every ``locale/<name>.yaml``."""
    return {
        path.relative_to(LOCALE).with_suffix("").as_posix(): yaml.safe_load(
            path.read_text(encoding="utf-8")
        )
        for path in sorted(LOCALE.rglob("*.yaml"))
    }


def yaml_texts() -> list[tuple[str, str, dict[str, str]]]:
    """(file, key, texts) of every entry written out in a locale file (not the 'same as' ones)."""
    return [
        (f"swot/locale/{name}.yaml", str(key), value)
        for name, data in locale_files().items()
        for key, value in data.items()
        if SAME_AS not in value
    ]


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
    """Every text of the locale files and of the {"sv", "en"} dict literals in swot/."""
    return yaml_texts() + literal_texts()


def literal_texts() -> list[tuple[str, str, dict[str, str]]]:
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


def test_every_locale_file_is_a_table_of_texts() -> None:
    wrong = []
    for name, data in locale_files().items():
        if not isinstance(data, dict) or not data:
            wrong.append(f"{name}: not a table of keys")
            continue
        for key, value in data.items():
            if not isinstance(key, str):
                wrong.append(f"{name} {key!r}: the key is not a text (quote it)")
            elif not isinstance(value, dict) or not (
                set(value) == {SAME_AS} or set(value) <= {"sv", "en"}
            ):
                wrong.append(f"{name} {key}: neither sv/en texts nor '{SAME_AS}'")
            elif not all(isinstance(text, str) for text in value.values()):
                wrong.append(f"{name} {key}: a text that is not a string")
    assert wrong == []


def test_no_key_is_written_twice_in_a_locale_file() -> None:
    """YAML keeps the last of two equal keys without a word: the first text would be lost."""
    twice = []
    for path in sorted(LOCALE.rglob("*.yaml")):
        keys = re.findall(r"^([^\s#][^:]*):", path.read_text(encoding="utf-8"), re.MULTILINE)
        twice += [f"{path.name}: {key}" for key in sorted(set(keys)) if keys.count(key) > 1]
    assert twice == []


def test_every_same_as_names_an_entry_that_exists() -> None:
    files = locale_files()
    wrong = []
    for name, data in files.items():
        for key, value in data.items():
            if SAME_AS in value:
                other, _, other_key = value[SAME_AS].partition(":")
                if other_key not in files.get(other, {}):
                    wrong.append(f"{name} {key}: {value[SAME_AS]} does not exist")
    assert wrong == []


def test_every_catalogue_is_used_and_every_use_has_a_file() -> None:
    used = {
        match
        for path in SWOT.rglob("*.py")
        for match in CATALOGUE_CALL.findall(path.read_text(encoding="utf-8"))
    }
    used |= {
        value[SAME_AS].partition(":")[0]
        for data in locale_files().values()
        for value in data.values()
        if SAME_AS in value
    }
    assert sorted(used - set(locale_files())) == []
    assert sorted(set(locale_files()) - used) == []


@pytest.mark.parametrize("name", sorted(locale_files()))
def test_every_entry_resolves_to_both_languages(name: str) -> None:
    catalogue = Catalogue(name)
    assert all(set(catalogue[key]) == {"sv", "en"} for key in catalogue)


def test_the_check_sees_a_copy() -> None:
    copy = ast.parse('A = {"k": {"sv": "Enhet", "en": "Unit"}, "j": {"sv": "Enhet", "en": "Unit"}}')
    values = copy.body[0].value  # type: ignore[attr-defined]
    assert [_literal_texts(v) for v in values.values] == [{"sv": "Enhet", "en": "Unit"}] * 2


@pytest.mark.parametrize("name", sorted(locale_files()))
def test_every_locale_file_is_read_without_yaml_and_as_yaml_reads_it(name: str) -> None:
    """`swot --help` reads its texts without importing PyYAML (~25 ms): the shipped files are
    in the line format, and reading it gives exactly what PyYAML gives."""
    from swot.i18n import read_locale_lines

    text = (LOCALE / f"{name}.yaml").read_text(encoding="utf-8")
    assert read_locale_lines(text) == {str(k): v for k, v in yaml.safe_load(text).items()}


def test_a_locale_file_written_by_hand_in_plain_yaml_is_read_by_yaml(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from swot import i18n

    (tmp_path / "x.yaml").write_text("hej:\n  sv: Hej på dig\n  en: Hello\n", encoding="utf-8")
    monkeypatch.setattr(i18n, "LOCALE", tmp_path)
    assert i18n.read_locale_lines((tmp_path / "x.yaml").read_text(encoding="utf-8")) is None
    assert dict(Catalogue("x")) == {"hej": {"sv": "Hej på dig", "en": "Hello"}}


def test_swot_help_does_not_import_yaml() -> None:
    import subprocess
    import sys

    code = "import sys, swot.cli; swot.cli.app(['--help'], standalone_mode=False); print('yaml' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.stdout.strip().splitlines()[-1] == "False", result.stdout + result.stderr


@pytest.mark.parametrize(
    ("value", "lang", "shown"),
    [
        (5852, "sv", "5852"),  # four digits: no space (Språkrådet)
        (50000, "sv", "50\u00a0000"),  # a space that does not break the line
        (1234567, "sv", "1\u00a0234\u00a0567"),
        (999, "en", "999"),
        (5852, "en", "5,852"),
        (50000, "en", "50,000"),
    ],
)
def test_a_count_is_grouped_as_each_language_writes_it(value: int, lang: str, shown: str) -> None:
    from swot.i18n import format_count

    assert format_count(value, lang) == shown
