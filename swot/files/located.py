"""Reading a file a person edits, with located problems: bytes and encodings, YAML with its
errors explained, Swedish and English key names, pydantic errors mapped to the line they are on.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from swot.errors import Problem, shorten
from swot.files.messages import FIELD_NAMES_SV, MESSAGES, YAML_ERROR_WORDS
from swot.files.yamltree import (
    MAX_DEPTH,
    MappingNode,
    Node,
    ScalarNode,
    SequenceNode,
    SyntaxProblem,
    parse_document,
    to_python,
)
from swot.i18n import say
from swot.vocabulary import QUADRANT_SPELLINGS, did_you_mean, fold
from swot.words import WORDS

ModelT = TypeVar("ModelT", bound=BaseModel)

MAX_FILE_BYTES = 8 * 1024 * 1024

MAX_PROBLEMS_PER_FILE = 50

_KEY_LOOKUPS: dict[int, dict[str, str]] = {}


# Canonical key -> other accepted spellings (matched after folding case and diacritics).
ENTRY_KEYS: dict[str, tuple[str, ...]] = {
    "theme": ("tema",),
    "quadrant": ("kvadrant", "ruta"),
    "text": ("texten", "beskrivning"),
    "importance": ("vikt", "viktighet", "prioritet", "betydelse"),
    "source": ("källa",),
    "respondent": ("svarande", "respondent id"),
    "note": ("anteckning", "kommentar", "notering"),
}
WORKSHOP_KEYS: dict[str, tuple[str, ...]] = {
    "name": ("namn",),
    "language": ("språk",),
    "response_target": ("svarsmål", "målnivå"),
    "importance": ("vikt",),
    "themes": ("teman",),
    "units": ("enheter",),
    "rounds": ("omgångar", "omgångarna"),
}
UNIT_KEYS: dict[str, tuple[str, ...]] = {
    "id": (),
    "name": ("namn",),
    "municipality": ("kommun",),
}
ROUND_KEYS: dict[str, tuple[str, ...]] = {
    "id": (),
    "name": ("namn",),
    "date": ("datum",),
    "expected": ("förväntade", "förväntat", "förväntade svarande"),
}
THEME_KEYS: dict[str, tuple[str, ...]] = {
    "id": (),
    "sv": ("svenska",),
    "en": ("engelska", "english"),
    "aliases": ("alias", "andra stavningar"),
}


def display_path(path: Path) -> str:
    """A path as the user would type it: relative to the current folder when inside it. When
    it goes through a link inside that folder (an entries file or ``handouts/`` linked to a
    shared drive) the real place follows: ``entries/b/lund.yaml (→ /mnt/delad/lund.yaml)``."""
    absolute = Path(os.path.abspath(path))
    here = Path(os.path.abspath(Path.cwd()))
    try:
        shown = str(absolute.relative_to(here))
    except ValueError:
        try:  # the current folder itself may be reached through a link (macOS /tmp)
            return str(path.resolve().relative_to(Path.cwd().resolve()))
        except ValueError:
            return str(path)
    linked = any(p.is_symlink() for p in (absolute, *absolute.parents) if here in p.parents)
    return f"{shown} (→ {os.path.realpath(absolute)})" if linked else shown


def suggestion_text(value: str, choices: list[str], lang: str) -> str:
    """The "; did you mean 'x'?" for the choice closest to ``value``, or nothing."""
    word = did_you_mean(value, choices) if value else None
    return say(MESSAGES, "did_you_mean", lang, word=word) if word else ""


class ProblemCollector:
    """Gathers the problems of one file in the language the user reads."""

    def __init__(self, path: Path, lang: str) -> None:
        self.path = path
        self.file = display_path(path)
        self.lang = lang
        self.problems: list[Problem] = []

    def add(
        self,
        code: str,
        node_or_line: Node | int | None = None,
        column: int | None = None,
        where: str | Callable[[], str] = "",
        severity: str = "error",
        hint_code: str | None = None,
        **params: object,
    ) -> None:
        """Record a problem; a node gives its position, or pass 1-based line and column."""
        line = None
        if isinstance(node_or_line, Node):
            line, column = node_or_line.line + 1, node_or_line.column + 1
        elif isinstance(node_or_line, int):
            line = node_or_line
        hint_key = (hint_code or code) + ".hint"
        hint = say(MESSAGES, hint_key, self.lang, **params) if hint_key in MESSAGES else ""
        self.problems.append(
            Problem(
                file=self.file,
                message=say(MESSAGES, code, self.lang, **params),
                hint=hint,
                line=line,
                column=column,
                where=where() if callable(where) else where,
                code=code,
                severity=severity,
            )
        )

    def suggestion(self, word: str | None) -> str:
        return say(MESSAGES, "did_you_mean", self.lang, word=word) if word else ""

    def capped(self) -> list[Problem]:
        """At most ``MAX_PROBLEMS_PER_FILE`` problems, then one line saying how many more."""
        self.problems.sort(key=lambda p: (p.line or 0, p.column or 0))
        if len(self.problems) <= MAX_PROBLEMS_PER_FILE:
            return self.problems
        rest = len(self.problems) - MAX_PROBLEMS_PER_FILE
        kept = self.problems[:MAX_PROBLEMS_PER_FILE]
        kept.append(
            Problem(self.file, say(MESSAGES, "too_many", self.lang, count=rest), code="too_many")
        )
        return kept


# ---------------------------------------------------------------- gate 1: bytes → text


def read_text(path: Path, problems: ProblemCollector) -> str | None:
    """The file's text with LF line endings, or None after recording why it cannot be read."""
    data = read_bytes(path, problems)
    return None if data is None else text_of(data, problems)


def read_bytes(path: Path, problems: ProblemCollector) -> bytes | None:
    """The file's bytes, or None after recording why they cannot be read (missing, too big…)."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        problems.add("missing")
        return None
    except OSError as error:
        problems.add("unreadable", detail=error.strerror or str(error))
        return None
    if size > MAX_FILE_BYTES:
        problems.add("too_big", size=f"{size / 1e6:.1f}", limit=f"{MAX_FILE_BYTES / 1e6:.0f}")
        return None
    try:
        return path.read_bytes()
    except OSError as error:
        problems.add("unreadable", detail=error.strerror or str(error))
        return None


def text_of(data: bytes, problems: ProblemCollector) -> str | None:
    """Decoded text with LF line endings, or None after recording why it cannot be decoded."""
    text = decode(data, problems)
    if text is None:
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode(data: bytes, problems: ProblemCollector) -> str | None:
    """Text from bytes: UTF-8 (BOM optional), or UTF-16/32 with a BOM as Windows writes it."""
    for bom, codec in (
        (b"\xef\xbb\xbf", "utf-8"),
        (b"\xff\xfe\x00\x00", "utf-32-le"),
        (b"\x00\x00\xfe\xff", "utf-32-be"),
        (b"\xff\xfe", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be"),
    ):
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec)
            except UnicodeDecodeError as error:
                _report_bad_byte(data[len(bom) :], error, problems)
                return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        if data[:200].count(b"\x00") > 10:
            problems.add("utf16_no_bom", 1, 1, hint_code="not_utf8")
            return None
        _report_bad_byte(data, error, problems)
        return None


def _report_bad_byte(data: bytes, error: UnicodeDecodeError, problems: ProblemCollector) -> None:
    before = data[: error.start]
    line = before.count(b"\n") + 1
    line_start = before.rfind(b"\n") + 1
    column = len(before[line_start:].decode("utf-8", errors="replace")) + 1
    byte = data[error.start]
    char = bytes([byte]).decode("cp1252", errors="replace")
    guess = (
        say(MESSAGES, "not_utf8.guess", problems.lang, char=char)
        if char.isprintable() and byte >= 0x80
        else ""
    )
    problems.add("not_utf8", line, column, byte=f"{byte:02X}", guess=guess)


# ---------------------------------------------------------------- gate 2: text → nodes


def parse_yaml(text: str, problems: ProblemCollector, kind: str) -> Node | None:
    """Located nodes from YAML text; None (with problems recorded) if there is nothing to use."""
    tabs = _tab_indented_lines(text)
    if tabs:
        for line, column in tabs:
            problems.add("tabs", line, column)
        return None
    try:
        document = parse_document(text)
    except SyntaxProblem as refused:
        params: dict[str, Any] = {"detail": shorten(refused.detail, 80)}
        if refused.kind == "too_deep":
            params["detail"] = MAX_DEPTH
        elif refused.kind == "tag":
            params["detail"] = shorten(refused.detail.replace("tag:yaml.org,2002:", "!!"), 60)
        elif refused.kind == "not_yaml":
            params["detail"] = explain_yaml_error(refused.detail, problems.lang)
        problems.add(refused.kind, refused.line + 1, refused.column + 1, **params)
        return None
    for problem in document.problems:
        if problem.kind == "duplicate_key":
            key, first = problem.detail.split("\t")
            problems.add(
                "duplicate_key",
                problem.line + 1,
                problem.column + 1,
                key=shorten(key),
                first=int(first) + 1,
            )
        else:
            problems.add(problem.kind, problem.line + 1, problem.column + 1)
    if document.root is None:
        empty = "comments_only" if text.strip() else "empty"
        if kind == "entries":
            problems.add(empty, severity="warning", hint_code="empty_entries")
        else:
            problems.add(empty, hint_code="empty_workshop")
    return document.root


def explain_yaml_error(detail: str, lang: str) -> str:
    """PyYAML's complaint in words a person editing a form understands (original if unknown)."""
    for words, explanation in YAML_ERROR_WORDS:
        if words in detail:
            return explanation[lang]
    return shorten(detail, 80)


def _tab_indented_lines(text: str) -> list[tuple[int, int]]:
    """(line, column) of every tab in a line's leading whitespace, 1-based."""
    if "\t" not in text:
        return []
    found = []
    for number, line in enumerate(text.split("\n"), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent and line.strip():
            found.append((number, indent.index("\t") + 1))
    return found


# ---------------------------------------------------------------- gate 3: nodes → shape


def canonical_keys(
    node: MappingNode,
    table: dict[str, tuple[str, ...]],
    problems: ProblemCollector,
    where: str | Callable[[], str],
) -> dict[str, tuple[ScalarNode, Node]]:
    """Canonical key -> (key node as written, value node); unknown keys become problems."""
    lookup = _key_lookup(table)
    found: dict[str, tuple[ScalarNode, Node]] = {}
    for key_node, value_node in node.pairs:
        if not isinstance(key_node, ScalarNode):
            problems.add("complex_key", key_node, where=where)
            continue
        canonical = lookup.get(fold(key_node.value))
        if canonical is None:
            names = list(table) + [a for aliases in table.values() for a in aliases]
            problems.add(
                "unknown_key",
                key_node,
                where=where,
                key=shorten(key_node.value),
                suggestion=problems.suggestion(did_you_mean(key_node.value, names)),
                choices=", ".join(_key_choices(table, problems.lang)),
            )
            continue
        if canonical in found:
            earlier = found[canonical][0]
            problems.add(
                "key_twice",
                key_node,
                where=where,
                key=shorten(key_node.value),
                other=earlier.value,
                first=earlier.line + 1,
            )
            continue
        found[canonical] = (key_node, value_node)
    return found


def _key_lookup(table: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """Folded spelling -> canonical key, built once per key table."""
    lookup = _KEY_LOOKUPS.get(id(table))
    if lookup is None:
        lookup = {fold(alias): key for key, aliases in table.items() for alias in (key, *aliases)}
        _KEY_LOOKUPS[id(table)] = lookup
    return lookup


def _key_choices(table: dict[str, tuple[str, ...]], lang: str) -> list[str]:
    if lang == "sv":
        return [FIELD_NAMES_SV.get(key, key) for key in table]
    return list(table)


def _canonical_python(pairs: dict[str, tuple[ScalarNode, Node]]) -> dict[str, object]:
    return {key: to_python(value) for key, (_, value) in pairs.items()}


# ---------------------------------------------------------------- gate 4: shape → values


def read_list(path: Path, problems: ProblemCollector, not_list: str) -> SequenceNode | None:
    """The top-level list of a file of items (entries, decisions, votes), or None with problems.

    ``not_list`` is the code of the message for a file that is something else than a list.
    """
    text = read_text(path, problems)
    root = parse_yaml(text, problems, "entries") if text is not None else None
    if root is None:
        return None
    if not isinstance(root, SequenceNode):
        problems.add(not_list, root, file=path.name)
        return None
    return root


def validate_item(
    item: MappingNode,
    keys: dict[str, tuple[str, ...]],
    model: type[ModelT],
    problems: ProblemCollector,
    label: Callable[[], str],
    context: dict | None = None,
    **given: object,
) -> ModelT | None:
    """One item of a list through the one path every file takes: its keys in any spelling
    (``keys``), its values checked by ``model``, each problem at the line of its node and named
    ``label() → key``. ``given`` are values that are not written in the file (a line, a unit)."""
    pairs = canonical_keys(item, keys, problems, label)
    data = _canonical_python(pairs)
    data.update(given)
    try:
        return model.model_validate(data, context=context)
    except ValidationError as error:
        renamed = _rename_keys(item, pairs)

        def where_of(loc: tuple, key_shown: str) -> str:
            return f"{label()} → {key_shown}" if key_shown else label()

        _report_validation(error, problems, renamed, where_of)
        return None


def _report_validation(
    error: ValidationError,
    problems: ProblemCollector,
    root: Node,
    where_of: Callable[[tuple, str], str],
) -> None:
    """One problem per pydantic error, at the line of the YAML node it is about."""
    for item in error.errors(include_url=False, include_input=False):
        _report_error(dict(item), problems, root, where_of)


@dataclass(frozen=True)
class _Error:
    """One pydantic error, placed: the node it is about and how its place is named."""

    kind: str
    node: Node
    where: str
    ctx: dict[str, Any]
    params: dict[str, Any]  # the value as shown, and what the message adds to it
    loc: tuple
    detail: str


def _report_error(
    item: dict[str, Any],
    problems: ProblemCollector,
    root: Node,
    where_of: Callable[[tuple, str], str],
) -> None:
    loc = tuple(item["loc"])
    ctx = dict(item.get("ctx") or {})
    if not loc and "at" in ctx:  # a rule about the whole item, shown at the key it is about
        loc = (ctx.pop("at"),)
    node, _key_node, key_written = _locate(root, loc)
    kind = item["type"]
    field_name = str(loc[-1]) if loc and isinstance(loc[-1], str) else ""
    key_shown = key_written or (
        FIELD_NAMES_SV.get(field_name, field_name) if problems.lang == "sv" else field_name
    )
    value = node.value if isinstance(node, ScalarNode) else ""
    params: dict[str, Any] = {"value": shorten(ctx.get("value", value))}
    if kind == "missing":
        problems.add("missing_field", node, where=where_of(loc[:-1], ""), key=key_shown)
    elif kind in {"duplicate_id", "unknown_unit_in_expected"}:
        target = _find_scalar(root, str(ctx.get("value", "")), second=kind == "duplicate_id")
        ctx["suggestion"] = problems.suggestion(ctx.get("suggestion") or None)
        ctx["value"] = shorten(ctx.get("value", ""))
        if "kind" in ctx:  # unit, round or theme, in the reader's language
            ctx["kind"] = WORDS[str(ctx["kind"])][problems.lang].lower()
        problems.add(kind, target or node, where="", **ctx)
    else:
        error = _Error(kind, node, where_of(loc, key_shown), ctx, params, loc, item["msg"])
        if not _report_word(error, problems):
            _report_shape(error, problems)


def _report_word(error: _Error, problems: ProblemCollector) -> bool:
    """A word swot does not know (quadrant, theme, source, language) or an unsafe id."""
    kind, node, where, params = error.kind, error.node, error.where, error.params
    if kind in {"unknown_quadrant", "unknown_theme", "unknown_source"}:
        params["suggestion"] = problems.suggestion(error.ctx.get("suggestion") or None)
        params["choices"] = error.ctx.get("choices", "")
        problems.add(kind, node, where=where, **params)
    elif kind in {"unknown_language", "blank_text"}:
        problems.add(kind, node, where=where, **params)
    elif kind == "unsafe_id":
        from swot.models import suggest_id

        value = node.value if isinstance(node, ScalarNode) else ""
        problems.add(kind, node, where=where, suggestion=suggest_id(value or "x"), **params)
    else:
        return False
    return True


def _report_shape(error: _Error, problems: ProblemCollector) -> None:
    """A value of the wrong type, size or shape."""
    kind, node, where, params = error.kind, error.node, error.where, error.params
    if kind in {"int_parsing", "int_type", "int_from_float"}:
        problems.add("int", node, where=where, **params)
    elif kind in {"greater_than_equal", "less_than_equal"}:
        low, high = _bounds(error.loc)
        problems.add("range", node, where=where, low=low, high=high, **params)
    elif kind == "string_too_long":
        length = len(node.value) if isinstance(node, ScalarNode) else 0
        limit = error.ctx.get("max_length", "?")
        problems.add("too_long", node, where=where, length=length, limit=limit)
    elif kind in {"string_too_short", "too_short"}:
        problems.add("too_short", node, where=where)
    elif kind in {"string_type", "str_type"} and isinstance(node, ScalarNode):
        problems.add("empty_value", node, where=where)  # '~', 'null' or nothing after the key
    elif kind in {"string_type", "str_type"}:
        found = "list" if isinstance(node, SequenceNode) else "mapping"
        if problems.lang == "sv":
            found = "lista" if isinstance(node, SequenceNode) else "nyckel-värde-tabell"
        problems.add("not_text", node, where=where, found=found)
    elif kind == "list_type":
        problems.add("not_list", node, where=where)
    elif kind in {"dict_type", "model_type", "model_attributes_type"}:
        problems.add("not_mapping", node, where=where)
    elif kind.startswith("date"):
        problems.add("date", node, where=where, **params)
    elif kind in {"literal_error", "enum"}:
        problems.add("choice", node, where=where, choices=error.ctx.get("expected", ""), **params)
    elif kind in MESSAGES:  # a rule of swot's own (PydanticCustomError with a message code)
        ctx = {**error.ctx, **params}
        ctx["suggestion"] = problems.suggestion(error.ctx.get("suggestion") or None)
        problems.add(kind, node, where=where, **ctx)
    else:
        problems.add("other", node, where=where, detail=error.detail)


def _bounds(loc: tuple) -> tuple[int, int]:
    name = loc[-1] if loc else ""
    if name == "importance":
        return 1, 5
    if name == "response_target":
        return 0, 100
    return 0, 100_000


def _locate(root: Node, loc: tuple) -> tuple[Node, ScalarNode | None, str]:
    """The node a pydantic error location points at, with the key node as the user wrote it."""
    node = root
    key_node: ScalarNode | None = None
    for part in loc:
        if isinstance(node, SequenceNode) and isinstance(part, int) and part < len(node.items):
            node, key_node = node.items[part], None
        elif isinstance(node, MappingNode) and isinstance(part, str):
            pair = next(
                ((k, v) for k, v in node.pairs if isinstance(k, ScalarNode) and k.value == part),
                None,
            )
            if pair is None:
                break
            key_node = pair[0] if isinstance(pair[0], ScalarNode) else None
            node = pair[1]
        else:
            break
    written = getattr(key_node, "written", None) or (key_node.value if key_node else "")
    return node, key_node, written


def _find_scalar(root: Node, value: str, second: bool) -> Node | None:
    """A scalar with this value (the second occurrence for 'used twice'), searched in order."""
    seen = 0
    stack: list[Node] = [root]
    ordered: list[ScalarNode] = []
    while stack:
        node = stack.pop()
        if isinstance(node, ScalarNode):
            ordered.append(node)
        elif isinstance(node, SequenceNode):
            stack.extend(reversed(node.items))
        elif isinstance(node, MappingNode):
            for k, v in reversed(node.pairs):
                stack.extend((v, k))
    for node in ordered:
        if node.value == value:
            seen += 1
            if seen == (2 if second else 1):
                return node
    return None


def _rename_keys(node: MappingNode, pairs: dict[str, tuple[ScalarNode, Node]]) -> MappingNode:
    """A copy of a mapping with canonical key names, remembering how each key was written."""
    renamed = MappingNode(node.line, node.column)
    for canonical, (key_node, value) in pairs.items():
        key = _WrittenKey(key_node.line, key_node.column, canonical)
        key.written = key_node.value
        renamed.pairs.append((key, value))
    return renamed


class _WrittenKey(ScalarNode):
    """A canonical key that remembers the spelling the user wrote."""

    __slots__ = ("written",)

    written: str


def quadrant_words() -> list[str]:
    """Every accepted spelling of a quadrant, for prompts and completion."""
    return [w for words in QUADRANT_SPELLINGS.values() for w in words]
