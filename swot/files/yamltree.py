"""Safe YAML parsing into a tree of nodes that remember where they stood in the file.

We never let PyYAML build Python objects. We read its event stream (C parser when present)
and build the tree ourselves, iteratively, so that we can refuse hostile input *before* it
costs anything: nesting deeper than ``MAX_DEPTH`` (PyYAML's own composer segfaults near
30,000 levels), aliases (the "billion laughs"), and tags such as ``!!python/object``.

Scalars stay strings exactly as written (``no``, ``12:30``, ``0123`` are text, not a boolean,
a sexagesimal number and an octal); only an empty value, ``~`` or ``null`` becomes ``None``.
Typing happens later, in the models, against the field that is being read."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

try:  # The C parser is ~8x faster; both are safe because we only read events.
    from yaml import CSafeLoader as _EventLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _EventLoader  # type: ignore[assignment]

MAX_DEPTH = 16
NULL_SPELLINGS = frozenset({"", "~", "null", "Null", "NULL"})
ALLOWED_TAGS = frozenset(
    {
        "tag:yaml.org,2002:str",
        "tag:yaml.org,2002:int",
        "tag:yaml.org,2002:float",
        "tag:yaml.org,2002:bool",
        "tag:yaml.org,2002:null",
        "tag:yaml.org,2002:seq",
        "tag:yaml.org,2002:map",
        "!",  # the non-specific tag of a quoted scalar
    }
)


@dataclass(slots=True)
class Node:
    """A YAML node and its position (0-based line and column, as PyYAML counts)."""

    line: int
    column: int


@dataclass(slots=True)
class ScalarNode(Node):
    value: str
    quoted: bool = False

    def python(self) -> str | None:
        """The value as Python: a string, or None for an empty or null plain value."""
        if not self.quoted and self.value in NULL_SPELLINGS:
            return None
        return self.value


@dataclass(slots=True)
class SequenceNode(Node):
    items: list[Node] = field(default_factory=list)


@dataclass(slots=True)
class MappingNode(Node):
    pairs: list[tuple[Node, Node]] = field(default_factory=list)

    def get(self, key: str) -> Node | None:
        """The value node under a scalar key, if present."""
        for k, v in self.pairs:
            if isinstance(k, ScalarNode) and k.value == key:
                return v
        return None


class SyntaxProblem(Exception):
    """The text is not valid YAML, or uses a YAML feature we refuse. Position is 0-based."""

    def __init__(self, kind: str, line: int, column: int, detail: str = "") -> None:
        super().__init__(f"{kind} at {line}:{column} {detail}")
        self.kind = kind
        self.line = line
        self.column = column
        self.detail = detail


@dataclass
class ParsedDocument:
    """The root node (None for an empty document) and problems that did not stop parsing."""

    root: Node | None
    problems: list[SyntaxProblem]


def to_python(node: Node | None) -> object:
    """Plain Python data (dict/list/str/None) from a node tree; keys become strings."""
    if node is None:
        return None
    if isinstance(node, ScalarNode):
        return node.python()
    if isinstance(node, SequenceNode):
        return [to_python(item) for item in node.items]
    assert isinstance(node, MappingNode)
    return {key_text(k): to_python(v) for k, v in node.pairs}


def key_text(node: Node) -> str:
    """A mapping key as text (complex keys are shown as a placeholder and rejected later)."""
    return node.value if isinstance(node, ScalarNode) else "<complex key>"


def parse_document(text: str) -> ParsedDocument:
    """Parse one YAML document into located nodes.

    Raises ``SyntaxProblem`` for text that is not YAML, nesting beyond ``MAX_DEPTH``,
    aliases and unsafe tags. Duplicate keys are collected as problems and parsing goes on.
    """
    loader = _EventLoader(text)
    problems: list[SyntaxProblem] = []
    try:
        root = _build_tree(loader, problems)
    except yaml.MarkedYAMLError as error:
        limit = error.problem_mark
        if "maximum nesting depth" in str(error.problem) and limit is not None and limit.index:
            # libyaml ≥ 0.2.5 (PyYAML ≥ 6.0.2 wheels) has a nesting limit of its own (1,000),
            # met while its scanner looks ahead, before swot sees any event. The text up to that
            # point holds the same first 16 levels, so parsing it meets swot's own limit with the
            # same message and position, whatever PyYAML version is installed.
            return parse_document(text[: min(limit.index, len(text) - 1)])
        raise _not_yaml(error) from None
    except yaml.YAMLError as error:  # e.g. a reader error on a control character
        raise SyntaxProblem("not_yaml", 0, 0, str(error)) from None
    finally:
        loader.dispose()
    return ParsedDocument(root, problems)


def _build_tree(loader: _EventLoader, problems: list[SyntaxProblem]) -> Node | None:
    """The root node of the one document in ``loader``'s events (None for an empty text)."""
    stack: list[Node] = []
    pending_keys: list[Node | None] = []
    root: Node | None = None
    documents = 0
    while True:
        event = loader.get_event()
        if event is None or isinstance(event, yaml.StreamEndEvent):
            return root
        mark: Any = event.start_mark
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise SyntaxProblem("several_documents", mark.line, mark.column)
            continue
        if isinstance(event, yaml.StreamStartEvent | yaml.DocumentEndEvent):
            continue
        if isinstance(event, yaml.AliasEvent):
            raise SyntaxProblem("alias", mark.line, mark.column, event.anchor or "")
        if isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            finished = stack.pop()
            if isinstance(finished, MappingNode):
                pending_keys.pop()
            root = _attach(finished, stack, pending_keys, problems, root)
            continue
        tag = getattr(event, "tag", None)
        if tag is not None and tag not in ALLOWED_TAGS:
            raise SyntaxProblem("tag", mark.line, mark.column, tag)
        if isinstance(event, yaml.ScalarEvent):
            quoted = bool(event.style) or tag == "tag:yaml.org,2002:str"
            node: Node = ScalarNode(mark.line, mark.column, event.value, quoted)
            root = _attach(node, stack, pending_keys, problems, root)
            continue
        # A collection starts: check depth before anything is built below it.
        if len(stack) >= MAX_DEPTH:
            raise SyntaxProblem("too_deep", mark.line, mark.column, str(MAX_DEPTH))
        if isinstance(event, yaml.SequenceStartEvent):
            stack.append(SequenceNode(mark.line, mark.column))
        else:
            stack.append(MappingNode(mark.line, mark.column))
            pending_keys.append(None)


def _not_yaml(error: yaml.MarkedYAMLError) -> SyntaxProblem:
    """PyYAML's error as swot's: where it is (an unclosed quote: where it opened) and what."""
    position = error.problem_mark or error.context_mark
    if error.context_mark is not None and "end of stream" in str(error.problem):
        position = error.context_mark  # where the unclosed quote started
    line = position.line if position is not None else 0
    column = position.column if position is not None else 0
    detail = " ".join(str(part) for part in (error.context, error.problem) if part)
    return SyntaxProblem("not_yaml", line, column, detail)


def _attach(
    node: Node,
    stack: list[Node],
    pending_keys: list[Node | None],
    problems: list[SyntaxProblem],
    root: Node | None,
) -> Node | None:
    """Put a finished node under its parent (or make it the root); note duplicate keys."""
    if not stack:
        return node
    parent = stack[-1]
    if isinstance(parent, SequenceNode):
        parent.items.append(node)
        return root
    assert isinstance(parent, MappingNode)
    key = pending_keys[-1]
    if key is None:
        pending_keys[-1] = node
        return root
    if isinstance(key, ScalarNode):
        for earlier, _ in parent.pairs:
            if isinstance(earlier, ScalarNode) and earlier.value == key.value:
                problems.append(
                    SyntaxProblem(
                        "duplicate_key", key.line, key.column, f"{key.value}\t{earlier.line}"
                    )
                )
                break
        else:
            parent.pairs.append((key, node))
    else:
        problems.append(SyntaxProblem("complex_key", key.line, key.column))
    pending_keys[-1] = None
    return root


# ---------------------------------------------------------------- the common shape, read fast

# An entries file as swot writes it and as people type it: a list of flat mappings, one
# "key: value" per line. Parsing YAML through PyYAML's events costs more than PyYAML's own
# loader (each event and its marks is a Python object); this reads that one shape line by line
# and gives the tree ``parse_document`` would give. Anything else - a quote with an escape, a
# value over two lines, a nested list, a tab, an anchor, a duplicate key - makes it give up
# (return None) so that the full parser reads the file, with all its checks and messages.
_LINE = re.compile(
    r"(?P<indent> *)(?:(?P<dash>-) +)?(?P<key>[^\W\d][\w-]*):(?: +(?P<value>.*?))? *"
)
_BLANK_OR_COMMENT = re.compile(r" *(?:#.*)?")
_PLAIN_START = frozenset("-?:,[]{}#&*!|>'\"%@`")


def parse_simple_entries(text: str) -> SequenceNode | None:
    """The tree of an entries file in the common shape, or None: then use ``parse_document``."""
    lines = _simple_lines(text)
    if lines is None:
        return None
    root = SequenceNode(lines[0][0], lines[0][1][0])
    item = MappingNode(0, 0)
    for number, (dash, key, key_column, value, value_column, quoted, _) in lines:
        if dash >= 0:
            item = MappingNode(number, key_column)
            root.items.append(item)
        item.pairs.append(
            (ScalarNode(number, key_column, key), ScalarNode(number, value_column, value, quoted))
        )
    return root


def simple_entry_items(text: str) -> list[tuple[int, list[tuple[str, str | None]]]] | None:
    """The entries of a file in the common shape as (0-based line, [(key, value), …]), values as
    ``ScalarNode.python`` gives them; None: read the file with ``parse_document``."""
    lines = _simple_lines(text)
    if lines is None:
        return None
    items: list[tuple[int, list[tuple[str, str | None]]]] = []
    pairs: list[tuple[str, str | None]] = []
    for number, parsed in lines:
        if parsed[0] >= 0:  # a dash: a new entry
            pairs = []
            items.append((number, pairs))
        pairs.append(parsed[6])
    return items


def _simple_lines(text: str) -> list[tuple[int, _Line]] | None:
    """(line, what ``_simple_line`` reads of it) of each "key: value" line of a file in the
    common shape; None if the file is not in that shape."""
    if not text.replace("\n", "").isprintable():  # control or line-break characters, tabs
        return None
    result: list[tuple[int, _Line]] = []
    keys: set[str] = set()
    key_column = -1
    dash_column = -1
    # Most lines of an entries file stand in it many times ("  kvadrant: hot", "  vikt: 4"):
    # each distinct line is read once.
    seen: dict[str, _Line | bool] = {}
    for number, line in enumerate(text.split("\n")):
        parsed = seen.get(line)
        if parsed is None:
            parsed = seen[line] = _simple_line(line)
        if parsed is True:  # blank, or a comment
            continue
        if parsed is False:
            return None
        dash, key, key_start = parsed[:3]
        if dash >= 0:
            if dash_column < 0:
                dash_column = dash
            elif dash != dash_column:
                return None
            keys = set()
            key_column = key_start
        elif key_start != key_column:
            return None
        if key in keys:
            return None  # the full parser names both lines
        keys.add(key)
        result.append((number, parsed))
    return result or None


# (dash column or -1, key, key column, value, value column, quoted, (key, value as
# ``ScalarNode.python`` gives it)): worked out once for each distinct line of a file.
_Line = tuple[int, str, int, str, int, bool, tuple[str, str | None]]


def _simple_line(line: str) -> _Line | bool:
    """One line of a file in the common shape, on its own (see ``_Line``); True for a blank
    line or a comment; False for a line the shape does not have (then the full parser reads
    the file)."""
    match = _LINE.fullmatch(line)
    if match is None:
        return not line or _BLANK_OR_COMMENT.fullmatch(line) is not None
    indent, dash, key, raw = match.groups()
    if not raw:
        return False  # an empty value, or a nested block below it
    key_start = match.start(3)
    dash_column = -1 if dash is None else len(indent)
    value_column = match.start(4)
    first = raw[0]
    if first == '"' or first == "'":
        end = raw.find(first, 1)
        if end < 0 or (first == '"' and "\\" in raw[:end]):
            return False
        rest = raw[end + 1 :]
        if rest and (rest[0] != " " or not _BLANK_OR_COMMENT.fullmatch(rest)):
            return False
        value = raw[1:end]
        return dash_column, key, key_start, value, value_column, True, (key, value)
    if first in _PLAIN_START:
        return False
    comment = raw.find(" #")
    if comment >= 0:
        raw = raw[:comment].rstrip(" ")
    if ": " in raw or raw.endswith(":"):
        return False
    pair = (key, None if raw in NULL_SPELLINGS else raw)
    return dash_column, key, key_start, raw, value_column, False, pair


@dataclass(slots=True)
class SimpleShapes:
    """A file in the common shape summed up without a Python step per line (see
    ``simple_shapes``): what ``simple_entry_items`` gives, but each thing once."""

    count: int  # the items
    keys: set[tuple[str, ...]]  # the keys of each item in order, each distinct list once
    values: dict[str, set[str | None]]  # every value under a key, as ``ScalarNode.python``


# (head, key, key column, dash column or -1, code): what the text before a "key: value" line's
# first ": " (its head) says, once per distinct head, with the code that stands for such lines
# in a file's outline (one character; a line break before it for a dash line).
_Head = tuple[str, str, int, int, str]


def simple_shapes(text: str) -> SimpleShapes | None:
    """``simple_entry_items(text)`` summed up: how many items, the distinct lists of keys of an
    item and the distinct values of each key; None exactly when that gives None.

    ``simple_entry_items`` takes a Python step for each line (≈ 2 s for the 1 million lines of
    20 MB). Here the work per line is done in C: the text is split into lines, and each line is
    looked up in a dict that reads a line the first time it meets it (most lines stand in a
    file many times) and gives its code in the file's outline: one character for a "key: value"
    line, standing for its head (dash, key and columns), "" for a blank line or a comment, and
    a line break before each dash line. The outline, joined in C, is split into items, and each
    distinct item checked once: one dash column, an item's keys in its dash line's column, no
    key twice in an item."""
    lines = text.split("\n")
    outline = _Outline()
    try:
        items = "".join(map(outline.__getitem__, lines)).split("\n")
    except _NotSimple:
        return None
    heads = outline.heads.values()
    if (
        not "".join(outline).isprintable()  # control or line-break characters, tabs
        or len({head[3] for head in heads if head[3] >= 0}) > 1  # dashes out of line
        or items[0]  # a key before the first dash
        or len(items) == 1  # no key at all
    ):
        return None
    by_code = {head[4][-1]: head for head in heads}
    keys = set()
    for codes in set(items[1:]):
        item = [by_code[code] for code in codes]
        names = tuple(head[1] for head in item)
        if len(set(names)) < len(names) or any(head[2] != item[0][2] for head in item):
            return None  # a key twice (the full parser names both lines), a key out of line
        keys.add(names)
    return SimpleShapes(len(items) - 1, keys, outline.by_key)


class _NotSimple(Exception):
    """A line ``_simple_line`` does not read: the file is not in the common shape."""


class _Outline(dict[str, str]):
    """A distinct line → its code in a file's outline (see ``simple_shapes``), worked out when
    it is first looked up; the heads met (``_Head``), and the values under each key (``by_key``)."""

    def __init__(self) -> None:
        super().__init__()
        self.heads: dict[str, _Head] = {}
        self.by_key: dict[str, set[str | None]] = {}

    def __missing__(self, line: str) -> str:
        """The code of a line not met before. A "key: value" line whose head was met before and
        whose value is plainly a plain scalar (not empty, not starting with a space or a
        character YAML gives a meaning, not ending in a space or a colon, holding no comment
        and no ": ") is read here; any other line by ``_simple_line``, which reads those the
        same way (``tests/test_bulk_entries_check.py`` checks it)."""
        if line[:1] == "#":  # a comment at the margin, as swot writes its import marks
            self[line] = ""
            return ""
        head, _, raw = line.partition(": ")
        known = self.heads.get(head)
        if (
            known is not None
            and raw[:1] not in _PLAIN_START_OR_SPACE
            and raw[-1] not in " :"
            and " #" not in raw
            and ": " not in raw
        ):
            self.by_key[known[1]].add(None if raw in NULL_SPELLINGS else raw)
        else:
            known = self._read(line)
        code = self[line] = "" if known is None else known[4]
        return code

    def _read(self, line: str) -> _Head | None:
        """The head of a "key: value" line read by ``_simple_line`` (noted when new, its value
        put in ``values``); None for a blank line or a comment."""
        parsed = _simple_line(line)
        if parsed is True:
            return None
        if parsed is False:
            raise _NotSimple
        dash, key, key_column = parsed[:3]
        head = line[: key_column + len(key)]
        known = self.heads.get(head)
        if known is None:
            code = chr(0x100 + len(self.heads))
            dashed = "\n" + code if dash >= 0 else code
            known = self.heads[head] = (head, key, key_column, dash, dashed)
            self.by_key.setdefault(key, set())
        self.by_key[key].add(parsed[6][1])
        return known


_PLAIN_START_OR_SPACE = _PLAIN_START | {" ", ""}  # "": an empty value


def top_level_items(text: str) -> list[tuple[int, str]] | None:
    """The items of a block list written at the left margin, as (0-based first line, text).

    None when the text is not such a list (anything but blank lines, comments and a ``---``
    before the first ``- ``). Used to read the other entries of a file where one entry is not
    valid YAML: each item is parsed on its own, so a typo removes one entry, not the file.
    """
    items: list[tuple[int, list[str]]] = []
    for number, line in enumerate(text.splitlines(keepends=True)):
        if line.startswith("-") and line[1:2] in ("", " ", "\n", "\r"):
            items.append((number, [line]))
        elif items:
            items[-1][1].append(line)
        elif line.strip() and not line.lstrip().startswith("#") and line.rstrip() != "---":
            return None
    return [(start, "".join(lines)) for start, lines in items]


def shift_lines(node: Node, offset: int) -> None:
    """Move a node and everything below it down by ``offset`` lines (0-based positions)."""
    node.line += offset
    if isinstance(node, SequenceNode):
        for item in node.items:
            shift_lines(item, offset)
    elif isinstance(node, MappingNode):
        for key, value in node.pairs:
            shift_lines(key, offset)
            shift_lines(value, offset)
