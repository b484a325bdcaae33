"""Entries files: read one with located problems (the full reader or the fast line reader),
keep the good entries of a list with one broken entry, and list the files of a round.

Reading a file (here and in ``swot.files.located``) goes through four gates, each with its own kind of message:
1. bytes → text: size cap, encoding (UTF-8 with or without BOM, UTF-16/32 with BOM; a
   Windows "ANSI" file is refused with the line of its first bad byte), line endings;
2. text → YAML nodes: not valid YAML, tabs, aliases, tags, depth, duplicate keys (``yamltree``);
3. nodes → shape: a list of entries, a mapping per entry, known keys in Swedish or English;
4. shape → values: pydantic models, each error mapped back to the line of its YAML node."""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError

from swot.errors import Problem, shorten
from swot.files.yamltree import (
    MappingNode,
    Node,
    ScalarNode,
    SequenceNode,
    shift_lines,
    simple_entry_items,
    simple_shapes,
    top_level_items,
)
from swot.i18n import default_language, say
from swot.models import (
    PLAIN_REQUIRED_FIELDS,
    Entry,
    compact_entry,
    entry_from_strings,
    plain_values_accepted,
)
from swot.vocabulary import did_you_mean, fold

if TYPE_CHECKING:
    pass
from swot.files.located import (
    ENTRY_KEYS,
    ProblemCollector,
    _key_lookup,
    parse_yaml,
    read_bytes,
    text_of,
    validate_item,
)
from swot.files.messages import MESSAGES
from swot.files.workshop import ENTRIES_DIR, LoadedWorkshop

# ---------------------------------------------------------------- entries files


@dataclass
class EntriesFile:
    """What one entries file holds: valid entries, and problems with the rest."""

    path: Path
    unit: str
    round: str
    entries: list[Entry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    digest: str = ""  # of the bytes the entries were read from ("" if they could not be read)
    left_out: int = 0  # list items that gave no entry (each reported among the problems)

    @property
    def ok(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)


def entry_label(index: int, node: Node, lang: str) -> str:
    """How an entry is named in messages: by number and the start of its text."""
    label = say(MESSAGES, "entry", lang, number=index + 1)
    if isinstance(node, MappingNode):
        for key, value in node.pairs:
            if (
                isinstance(key, ScalarNode)
                and fold(key.value) in {"text", "texten"}
                and isinstance(value, ScalarNode)
                and value.value.strip()
            ):
                label += f" (text '{shorten(value.value, 24)}')"
                break
    return label


def read_entries_file(
    path: Path,
    workshop: LoadedWorkshop | None = None,
    lang: str | None = None,
    unit: str | None = None,
    round_id: str | None = None,
    simple: bool = True,
) -> EntriesFile:
    """Read ``entries/<round>/<unit>.yaml``: every valid entry and every problem, none raised.

    ``simple=False`` skips the fast reader (for a file it has already declined).

    Unit and round come from the path unless given. With a workshop, theme names and the
    unit and round ids are checked against it.
    """
    language = lang or (workshop.language if workshop else default_language())
    problems = ProblemCollector(path, language)
    unit = unit or path.stem
    round_id = round_id or path.parent.name
    result = EntriesFile(path, unit, round_id)
    if workshop is not None:
        _check_place(workshop, unit, round_id, problems)
    data = read_bytes(path, problems)
    if data is not None:
        result.digest = content_digest(data)
    text = text_of(data, problems) if data is not None else None
    context = workshop.workshop.entry_context(language) if workshop else None
    # Most files are plain lists of valid entries: read those the fast way.
    quick = _simple_entries(text, context, unit, round_id) if simple and text else None
    if quick is not None:
        result.entries = quick
        result.problems = problems.capped()
        return result
    return _read_fully(result, text, problems, context)


def read_simple_entries_file(
    path: Path, workshop: LoadedWorkshop, lang: str | None = None
) -> EntriesFile | None:
    """``read_entries_file`` for a file in the common shape with nothing wrong in it; None
    for any other file (then ``read_entries_file`` reads it and says what is wrong)."""
    problems = ProblemCollector(path, lang or workshop.language)
    unit, round_id = path.stem, path.parent.name
    _check_place(workshop, unit, round_id, problems)
    data = read_bytes(path, problems)
    text = text_of(data, problems) if data is not None else None
    if text is None or problems.problems:
        return None
    context = workshop.workshop.entry_context(problems.lang)
    entries = _simple_entries(text, context, unit, round_id)
    if entries is None:
        return None
    return EntriesFile(path, unit, round_id, entries, [], content_digest(data or b""))


def count_simple_entries_file(
    path: Path, workshop: LoadedWorkshop, unit: str, round_id: str, lang: str | None = None
) -> int | None:
    """How many entries ``read_entries_file`` reads from a file in the common shape with
    nothing wrong in it, without making them (a save checks the file it is about to put in
    place); None for any other file, which ``read_entries_file`` then reads."""
    found = text_to_check(path, workshop, unit, round_id, lang)
    return None if found is None else count_simple_entries(*found)


def text_to_check(
    path: Path, workshop: LoadedWorkshop, unit: str, round_id: str, lang: str | None = None
) -> tuple[str, dict] | None:
    """The text of an entries file and the context its entries are checked in, if nothing is
    wrong with its place, size or encoding; None otherwise."""
    problems = ProblemCollector(path, lang or workshop.language)
    _check_place(workshop, unit, round_id, problems)
    data = read_bytes(path, problems)
    text = text_of(data, problems) if data is not None else None
    if text is None or problems.problems:
        return None
    return text, workshop.workshop.entry_context(problems.lang)


def count_simple_entries(text: str, context: dict | None) -> int | None:
    """How many entries a text in the common shape holds when ``entry_from_strings`` makes
    each of them (``_simple_entries`` would read them all); None otherwise (perhaps valid all
    the same: the full reader says). Each distinct list of keys and each distinct value of a
    field is checked once (``simple_shapes``), not each entry."""
    shapes = simple_shapes(text)
    if shapes is None:
        return None
    keys = _EntryKeys()
    for names in shapes.keys:
        fields = keys.data([(name, None) for name in names])
        if fields is None or not fields.keys() >= PLAIN_REQUIRED_FIELDS:
            return None
    by_field: dict[str, set[str | None]] = {}
    for name, values in shapes.values.items():
        by_field.setdefault(keys.known[name], set()).update(values)
    for name, values in by_field.items():
        if not plain_values_accepted(name, values, context):
            return None
    return shapes.count


class _EntryKeys:
    """An entry's values by their field names (``theme``, …) from its keys as written, each
    spelling of a key folded once (a file of 20,000 entries has a handful)."""

    def __init__(self) -> None:
        self.lookup = _key_lookup(ENTRY_KEYS)
        self.known: dict[str, str] = {}  # a key as written → its field name ("": none)

    def data(self, pairs: list[tuple[str, str | None]]) -> dict[str, str | None] | None:
        """The values of one entry; None if a key is unknown or given twice."""
        data: dict[str, str | None] = {}
        known = self.known
        for key, value in pairs:
            canonical = known.get(key)
            if canonical is None:
                canonical = known[key] = self.lookup.get(fold(key), "")
            if not canonical or canonical in data:
                return None
            data[canonical] = value
        return data


def _read_fully(
    result: EntriesFile, text: str | None, problems: ProblemCollector, context: dict | None
) -> EntriesFile:
    """The entries of a file through the located tree, with every problem where it stands."""
    unit, round_id = result.unit, result.round
    before = len(problems.problems)
    root = parse_yaml(text, problems, "entries") if text is not None else None
    if root is None and text is not None and _one_entry_not_yaml(problems, before):
        root = _salvage_entries(text, problems, before)
    if root is not None and not isinstance(root, SequenceNode):
        problems.add("entries_not_list", root)
        root = None
    if root is not None:
        for index, item in enumerate(root.items):
            entry = _read_entry(index, item, problems, context, unit, round_id)
            if entry is not None:
                result.entries.append(entry)
        result.left_out = len(root.items) - len(result.entries)
    result.problems = problems.capped()
    return result


def _one_entry_not_yaml(problems: ProblemCollector, before: int) -> bool:
    """Whether parsing stopped at text that is not YAML (not at a refused, hostile feature)."""
    found = problems.problems[before:]
    return len(found) == 1 and found[0].code == "not_yaml"


def _salvage_entries(text: str, problems: ProblemCollector, before: int) -> SequenceNode | None:
    """The list of a file where some entries are not valid YAML: each entry parsed on its own.

    Each broken entry gets its own located problem (replacing the one for the whole file) and
    is left out; the file still counts as having errors, so nothing is appended to it.
    """
    items = top_level_items(text)
    if items is None or len(items) < 2:
        return None
    del problems.problems[before:]
    root = SequenceNode(items[0][0], 0)
    for index, (start, chunk) in enumerate(items):
        own = ProblemCollector(problems.path, problems.lang)
        parsed = parse_yaml(chunk, own, "entries")
        if isinstance(parsed, SequenceNode) and len(parsed.items) == 1:
            shift_lines(parsed.items[0], start)
            root.items.append(parsed.items[0])
            continue
        label = say(MESSAGES, "entry", problems.lang, number=index + 1)
        for problem in own.problems:
            line = None if problem.line is None else problem.line + start
            problems.problems.append(dataclasses.replace(problem, line=line, where=label))
        root.items.append(_LeftOut(start, 0))
    return root


@dataclass(slots=True)
class _LeftOut(Node):
    """Stands in the salvaged list for an entry that is not valid YAML (already reported)."""


def content_digest(data: bytes) -> str:
    """A fingerprint of a file's bytes (the entries cache is keyed by it)."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _simple_entries(
    text: str, context: dict | None, unit: str, round_id: str
) -> list[Entry] | None:
    """The entries of a file in the common shape whose every entry is valid, read without
    building a located tree (``swot.files.yamltree.simple_entry_items``); None otherwise: then the
    file is read the full way, which says where each problem is."""
    items = simple_entry_items(text)
    if items is None:
        return None
    keys = _EntryKeys()
    entries = []
    for line, pairs in items:
        data = keys.data(pairs)
        if data is None:
            return None
        quick = entry_from_strings(data, context, unit, round_id, line + 1)
        if quick is not None:
            entries.append(quick)
            continue
        try:
            entry = Entry.model_validate(
                {**data, "unit": unit, "round": round_id, "line": line + 1}, context=context
            )
        except ValidationError:
            return None
        entries.append(compact_entry(entry))
    return entries


def read_entry_nodes(
    path: Path,
    root: SequenceNode,
    workshop: LoadedWorkshop,
    unit: str,
    round_id: str,
    lang: str | None = None,
) -> EntriesFile:
    """Entries from nodes another reader built (e.g. the rows of a CSV file), checked exactly
    like the entries of a YAML file; problems are located at the nodes' lines and columns."""
    language = lang or workshop.language
    problems = ProblemCollector(path, language)
    result = EntriesFile(path, unit, round_id)
    context = workshop.workshop.entry_context(language)
    for index, item in enumerate(root.items):
        entry = _read_entry(index, item, problems, context, unit, round_id)
        if entry is not None:
            result.entries.append(entry)
    result.problems = problems.capped()
    return result


def _check_place(
    workshop: LoadedWorkshop, unit: str, round_id: str, problems: ProblemCollector
) -> None:
    """The file's unit and round (from its path) must be listed in workshop.yaml."""
    for code, value, known in (
        ("unit_not_in_workshop", unit, [u.id for u in workshop.workshop.units]),
        ("round_not_in_workshop", round_id, [r.id for r in workshop.workshop.rounds]),
    ):
        if value not in known:
            problems.add(
                code,
                value=shorten(value),
                suggestion=problems.suggestion(did_you_mean(value, known)),
                choices=", ".join(known),
            )


def _read_entry(
    index: int,
    item: Node,
    problems: ProblemCollector,
    context: dict | None,
    unit: str,
    round_id: str,
) -> Entry | None:
    def label() -> str:  # built only when there is a problem to name the entry in
        return entry_label(index, item, problems.lang)

    if isinstance(item, _LeftOut):
        return None
    if not isinstance(item, MappingNode):
        problems.add("entry_not_mapping", item, where=label)
        return None
    before = len(problems.problems)
    entry = validate_item(
        item,
        ENTRY_KEYS,
        Entry,
        problems,
        label,
        context,
        unit=unit,
        round=round_id,
        line=item.line + 1,
    )
    if entry is None:
        return None
    return compact_entry(entry) if len(problems.problems) == before else None


def entries_files(workshop: LoadedWorkshop, round_id: str) -> list[Path]:
    """The entries files of a round, sorted by name."""
    folder = workshop.folder / ENTRIES_DIR / round_id
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in {".yaml", ".yml"} and p.is_file())
