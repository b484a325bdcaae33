"""A'WOT judgments (``priorities.yaml``): the pairwise comparisons a room made, one per item.

The file is a top-level list, like entries files, so ``swot prioritise`` adds a judgment by
appending text and never touches what a person wrote. Keys and values may be Swedish or English:

```yaml
- omgång: baseline
  tema: jämställdhet
  bedömare: rummet            # rater: the room, a unit, or a group's name
  jämför: svagheter           # the factors of a quadrant, or 'kvadranter' for the quadrants
  a: Planen för jämställdhet följs inte upp
  a-id: w-1a2b3c4             # the item's id in the handout (optional; the text decides)
  b: Ingen utbildning i jämställdhet
  b-id: w-5d6e7f8
  värde: 3                    # how many times more a weighs than b: 1–9, or 1/2 … 1/9
```

A pair is judged once per rater (either way round); two judgments of one pair that disagree
are an error at the second one's line, two that agree a warning."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from swot.errors import DataError, Problem, SwotError, shorten
from swot.files.decisions import Text, ThemeId, known_round
from swot.files.located import (
    ProblemCollector,
    canonical_keys,
    display_path,
    read_list,
    validate_item,
)
from swot.files.messages import MESSAGES as FILE_MESSAGES
from swot.files.schema_lines import PRIORITIES_SCHEMA, new_file_header
from swot.files.storage import appended_bytes, atomic_write_bytes, locked_for, yaml_scalar
from swot.files.workshop import LoadedWorkshop
from swot.files.yamltree import MappingNode, ScalarNode
from swot.i18n import catalogue, format_number, say
from swot.models import enum_value
from swot.vocabulary import (
    QUADRANT_LOOKUP,
    QUADRANT_NAMES,
    QUADRANT_SPELLINGS,
    Quadrant,
    did_you_mean,
    fold,
)

PRIORITIES_FILE = "priorities.yaml"
QUADRANTS = "quadrants"  # the matrix of the four quadrants themselves
QUADRANTS_SPELLINGS = ("quadrants", "kvadranter", "kvadranterna", "alla kvadranter")
ROOM = "room"  # the rater "the whole room"
ROOM_SPELLINGS = ("the room", "room", "rummet", "alla", "everyone", "hela rummet")
LOWEST, HIGHEST = 1 / 9, 9.0
_TOLERANCE = 0.005  # "0.11" is 1/9 as a person writes it
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")  # a line and its ending, as YAML counts

JUDGMENT_KEYS: dict[str, tuple[str, ...]] = {
    "round": ("omgång",),
    "theme": ("tema",),
    "rater": ("bedömare", "bedömd av", "grupp"),
    "compare": ("jämför", "jämförelse"),
    "a": (),
    "a_id": ("a-id", "a id"),
    "b": (),
    "b_id": ("b-id", "b id"),
    "value": ("värde", "kvot"),
    "note": ("anteckning", "kommentar"),
}
_WRITTEN_KEYS = {  # canonical key -> the key swot writes, per language
    "sv": {
        "round": "omgång",
        "theme": "tema",
        "rater": "bedömare",
        "compare": "jämför",
        "a": "a",
        "a_id": "a-id",
        "b": "b",
        "b_id": "b-id",
        "value": "värde",
    },
    "en": {key: key for key in JUDGMENT_KEYS},
}

MESSAGES = catalogue("files/priorities")
_QUADRANTS_LOOKUP = {fold(s) for s in QUADRANTS_SPELLINGS}
_ROOM_LOOKUP = {fold(s) for s in ROOM_SPELLINGS}


def parse_ratio(text: str) -> float | None:
    """'3', '1/3', '2.5' or '2,5' as a number (None if it is none of these)."""
    cleaned = text.strip().replace(",", ".").replace(" ", "")
    top, slash, bottom = cleaned.partition("/")
    try:
        value = float(top) / float(bottom) if slash else float(cleaned)
    except (ValueError, ZeroDivisionError):
        return None
    return value if math.isfinite(value) else None


def format_ratio(value: float, lang: str) -> str:
    """A judgment as a person writes it: '3', '1/3', or '2,5' (Swedish) / '2.5'."""
    if abs(value - round(value)) < 1e-9:
        return str(round(value))
    if value < 1 and abs(1 / value - round(1 / value)) < 1e-6:
        return f"1/{round(1 / value)}"
    return format_number(value, lang, 2)


def _ratio(value: object) -> object:
    if not isinstance(value, str):
        return value
    number = parse_ratio(value)
    if number is None:
        raise PydanticCustomError("judgment_not_number", "not a judgment", {"value": value})
    if not LOWEST - _TOLERANCE <= number <= HIGHEST:
        raise PydanticCustomError("judgment_out_of_range", "outside 1/9–9", {"value": value})
    return number


def _compare(value: object) -> object:
    if isinstance(value, str) and fold(value) in _QUADRANTS_LOOKUP:
        return QUADRANTS
    found = enum_value(QUADRANT_LOOKUP, "compare", QUADRANT_SPELLINGS, value)
    return found.value if isinstance(found, Quadrant) else found


Ratio = Annotated[float, BeforeValidator(_ratio)]
Compared = Annotated[str, BeforeValidator(_compare)]


class JudgmentItem(BaseModel):
    """One item of priorities.yaml as written (keys in any spelling of ``JUDGMENT_KEYS``)."""

    model_config = ConfigDict(extra="forbid")

    round: Text
    theme: ThemeId
    rater: Text | None = Field(default=None, validate_default=True)
    compare: Compared
    a: Text
    a_id: Text | None = None
    b: Text
    b_id: Text | None = None
    value: Ratio
    note: Text | None = None

    @field_validator("round")
    @classmethod
    def _known_round(cls, value: str, info: ValidationInfo) -> str:
        return str(known_round(value, info))

    @field_validator("rater")
    @classmethod
    def _someone(cls, value: str | None) -> str:
        # Checked here, not as a required field, to say what a rater can be.
        if not value:
            raise PydanticCustomError("no_rater", "who judged?")
        return value

    @field_validator("a", "b")
    @classmethod
    def _side(cls, value: str, info: ValidationInfo) -> str:
        """In the matrix of the quadrants, a and b are quadrants (any spelling)."""
        if info.data.get("compare") != QUADRANTS:
            return value
        found = QUADRANT_LOOKUP.get(fold(value))
        if found is None:
            words = [w for group in QUADRANT_SPELLINGS.values() for w in group if len(w) > 1]
            raise PydanticCustomError(
                "unknown_quadrant",
                "not a quadrant",
                {"value": value, "suggestion": did_you_mean(value, words) or ""},
            )
        return found.value

    @model_validator(mode="after")
    def _two_sides(self) -> JudgmentItem:
        if fold(self.a) == fold(self.b) and (self.a_id or "") == (self.b_id or ""):
            raise PydanticCustomError("same_both_sides", "a and b are the same", {"at": "b"})
        return self


@dataclass(frozen=True)
class Judgment:
    """One pairwise judgment: in round ``round`` and theme ``theme``, rater ``rater`` found that
    ``a`` weighs ``value`` times as much as ``b``, both in ``matrix`` (a quadrant's value, or
    ``QUADRANTS``: then ``a`` and ``b`` are quadrant values)."""

    round: str
    theme: str
    rater: str
    matrix: str
    a: str
    b: str
    value: float
    a_id: str | None = None
    b_id: str | None = None
    line: int = 0
    value_at: tuple[int, int] = (0, 0)  # 1-based line and column of the value as written
    value_written: str = ""
    number: int = 0  # its place in the file (judgment 3)

    @property
    def rater_key(self) -> str:
        """Who judged, as compared (see ``rater_key``)."""
        return rater_key(self.rater)

    def pair(self) -> tuple[str, str]:
        """The two sides as compared (folded texts), in a fixed order."""
        return tuple(sorted((fold(self.a), fold(self.b))))  # type: ignore[return-value]

    def value_for(self, first: str) -> float:
        """How many times the side whose folded text is ``first`` weighs the other."""
        return self.value if fold(self.a) == first else 1 / self.value


@dataclass
class Priorities:
    """Every judgment of priorities.yaml, in file order, and the warnings reading it gave."""

    judgments: list[Judgment] = field(default_factory=list)
    path: Path | None = None
    warnings: list[Problem] = field(default_factory=list)

    def of(self, round_id: str, theme: str | None = None) -> list[Judgment]:
        """The judgments of one round (and theme)."""
        return [j for j in self.judgments if j.round == round_id and theme in (None, j.theme)]


def rater_key(name: str) -> str:
    """How a rater's name is compared: 'room' for the room in any spelling, else the folded
    name (case and accents do not make two raters)."""
    folded = fold(name)
    return ROOM if folded in _ROOM_LOOKUP else folded


def load_priorities(workshop: LoadedWorkshop, lang: str | None = None) -> Priorities:
    """The judgments in the workshop's priorities.yaml (none if there is no file).

    Raises ``DataError`` naming file, line and fix for each problem, like merges.yaml: a handout
    ranked by judgments swot silently skipped would not be the one the room agreed on."""
    path = workshop.folder / PRIORITIES_FILE
    if not path.exists():
        return Priorities(path=path)
    return read_priorities(path, workshop, lang)


def read_priorities(path: Path, workshop: LoadedWorkshop, lang: str | None = None) -> Priorities:
    """The judgments of a priorities file; DataError with every problem."""
    language = lang or workshop.language
    problems = ProblemCollector(path, language)
    root = read_list(path, problems, "judgments_not_list")
    rounds = [r.id for r in workshop.workshop.rounds]
    context = {**workshop.workshop.entry_context(language), "lang": language, "rounds": rounds}
    judgments: list[Judgment] = []
    for number, node in enumerate(root.items if root else [], start=1):

        def label(number: int = number) -> str:
            return say(FILE_MESSAGES, "judgment_label", language, number=number)

        if not isinstance(node, MappingNode):
            problems.add("judgment_not_mapping", node, where=label)
            continue
        item = validate_item(node, JUDGMENT_KEYS, JudgmentItem, problems, label, context)
        if item is not None:
            judgments.append(_judgment(item, node, number, problems))
    _check_pairs(judgments, problems)
    errors = [p for p in problems.problems if p.severity == "error"]
    if errors:
        problems.problems = errors
        raise DataError(problems.capped())
    return Priorities(judgments, path, [p for p in problems.problems if p.severity != "error"])


def _judgment(
    item: JudgmentItem, node: MappingNode, number: int, problems: ProblemCollector
) -> Judgment:
    """The judgment of a checked item, with where its value is written (to revise it)."""
    scratch = ProblemCollector(problems.path, problems.lang)  # its key problems are known
    value_node = canonical_keys(node, JUDGMENT_KEYS, scratch, "")["value"][1]
    written = value_node.value if isinstance(value_node, ScalarNode) else ""
    if isinstance(value_node, ScalarNode) and value_node.quoted:
        written = ""  # a quoted value is revised by hand, not by swot
    return Judgment(
        round=item.round,
        theme=item.theme,
        rater=item.rater or "",
        matrix=item.compare,
        a=item.a,
        b=item.b,
        value=item.value,
        a_id=item.a_id,
        b_id=item.b_id,
        line=node.line + 1,
        value_at=(value_node.line + 1, value_node.column + 1),
        value_written=written,
        number=number,
    )


def _check_pairs(judgments: list[Judgment], problems: ProblemCollector) -> None:
    """A pair judged twice by one rater: an error where the two disagree, else a warning."""
    first: dict[tuple[str, str, str, str, tuple[str, str]], Judgment] = {}
    for judgment in judgments:
        key = (judgment.round, judgment.theme, judgment.rater_key, judgment.matrix, judgment.pair())
        earlier = first.setdefault(key, judgment)
        if earlier is judgment:
            continue
        there = earlier.value
        here = judgment.value_for(fold(earlier.a))
        line, column = judgment.value_at
        where = say(FILE_MESSAGES, "judgment_label", problems.lang, number=judgment.number)
        if abs(math.log(there) - math.log(here)) < 1e-6:
            problems.add(
                "judgment_twice", line, column, where, severity="warning", first=earlier.line
            )
            continue
        problems.add(
            "judgment_contradicts",
            line,
            column,
            where,
            first=earlier.line,
            a=shorten(earlier.a),
            b=shorten(earlier.b),
            there=format_ratio(there, problems.lang),
            here=format_ratio(here, problems.lang),
        )


# ---------------------------------------------------------------- writing


def format_judgment(judgment: Judgment, lang: str, theme_name: str) -> str:
    """One judgment as the text of a YAML list item, in the workshop's language."""
    keys = _WRITTEN_KEYS[lang]
    sv = lang == "sv"

    def side(value: str) -> str:
        if judgment.matrix == QUADRANTS:
            return _quadrant_word(Quadrant(value), lang)
        return yaml_scalar(value)

    compare = (
        ("kvadranter" if sv else QUADRANTS)
        if judgment.matrix == QUADRANTS
        else _quadrant_word(Quadrant(judgment.matrix), lang)
    )
    lines = [
        f"- {keys['round']}: {yaml_scalar(judgment.round)}",
        f"  {keys['theme']}: {yaml_scalar(theme_name if sv else judgment.theme)}",
        f"  {keys['rater']}: {yaml_scalar(judgment.rater)}",
        f"  {keys['compare']}: {compare}",
        f"  {keys['a']}: {side(judgment.a)}",
    ]
    if judgment.a_id:
        lines.append(f"  {keys['a_id']}: {yaml_scalar(judgment.a_id)}")
    lines.append(f"  {keys['b']}: {side(judgment.b)}")
    if judgment.b_id:
        lines.append(f"  {keys['b_id']}: {yaml_scalar(judgment.b_id)}")
    lines.append(f"  {keys['value']}: {format_ratio(judgment.value, 'en')}")
    return "\n".join(lines) + "\n"


def _quadrant_word(quadrant: Quadrant, lang: str) -> str:
    return QUADRANT_NAMES[quadrant]["sv"].lower() if lang == "sv" else quadrant.value


class PrioritiesFileBroken(SwotError):
    """priorities.yaml has mistakes now: nothing is added to it; the judgment is shown to keep."""

    def __init__(self, path: Path, problems: list[Problem], unsaved: str, lang: str) -> None:
        body = "\n".join(p.format() for p in problems)
        head = say(MESSAGES, "broken", lang, file=display_path(path))
        super().__init__(
            f"{head}\n{body}", say(MESSAGES, "broken.hint", lang, judgment=unsaved.rstrip())
        )


def append_judgment(
    workshop: LoadedWorkshop, judgment: Judgment, lang: str, theme_name: str
) -> Path:
    """Append one judgment to priorities.yaml, keeping every byte a person wrote; returns the
    path. Refuses (``PrioritiesFileBroken``) a file that has mistakes now."""
    path = workshop.folder / PRIORITIES_FILE
    addition = format_judgment(judgment, workshop.language, theme_name)
    with locked_for(path, lang):
        if path.exists():
            _refuse_broken(path, workshop, lang, addition)
            old = path.read_bytes()
        else:
            header = say(MESSAGES, "header", workshop.language)
            old = new_file_header(workshop.folder, PRIORITIES_SCHEMA, header)
        atomic_write_bytes(
            path,
            appended_bytes(old, addition, path, lang),
            _still_valid(path, workshop, lang, addition),
        )
    return path


def _refuse_broken(path: Path, workshop: LoadedWorkshop, lang: str, addition: str) -> None:
    try:
        read_priorities(path, workshop, lang)
    except DataError as error:
        raise PrioritiesFileBroken(path, error.problems, addition, lang) from None


def _still_valid(
    path: Path, workshop: LoadedWorkshop, lang: str, addition: str
) -> Callable[[Path], None]:
    """A check of the new file (a temp path) before it replaces the old one."""

    def verify(temp: Path) -> None:
        try:
            read_priorities(temp, workshop, lang)
        except DataError as error:
            problems = [
                Problem(display_path(path), p.message, p.hint, p.line, p.column, p.where)
                for p in error.problems
            ]
            raise PrioritiesFileBroken(path, problems, addition, lang) from None

    return verify


class _NotRevised(Exception):
    """The new file would not hold the judgment with its new value where it was."""


def revise_judgment(workshop: LoadedWorkshop, judgment: Judgment, value: float, lang: str) -> bool:
    """Put ``value`` in place of a judgment's value in priorities.yaml, every other byte as it
    was. False (nothing written) when the value is no longer written where it was read (the
    file was edited since, or the value is quoted): then a person changes it by hand."""
    path = workshop.folder / PRIORITIES_FILE
    with locked_for(path, lang):
        old = path.read_bytes() if path.exists() else b""
        new = _replaced(old, judgment, format_ratio(value, "en"))
        if new is None:
            return False

        def verify(temp: Path) -> None:
            try:
                found = read_priorities(temp, workshop, lang).judgments
            except DataError:
                raise _NotRevised from None
            if not any(j.line == judgment.line and j.value == value for j in found):
                raise _NotRevised

        try:
            atomic_write_bytes(path, new, verify)
        except _NotRevised:
            return False
    return True


def _replaced(old: bytes, judgment: Judgment, replacement: str) -> bytes | None:
    """``old`` with the judgment's value replaced, in the file's own encoding; None if the value
    is not where it was read."""
    if not judgment.value_written:
        return None
    bom, codec = _encoding(old)
    try:
        text = old[len(bom) :].decode(codec)
    except UnicodeDecodeError:
        return None
    lines = _LINE.findall(text)
    number, column = judgment.value_at
    if not 1 <= number <= len(lines):
        return None
    line = lines[number - 1]
    start = column - 1
    end = start + len(judgment.value_written)
    after = line[end : end + 1]
    if line[start:end] != judgment.value_written or (after and after not in " \t\r\n#"):
        return None
    lines[number - 1] = line[:start] + replacement + line[end:]
    return bom + "".join(lines).encode(codec)


def _encoding(data: bytes) -> tuple[bytes, str]:
    for mark, codec in (
        (b"\xef\xbb\xbf", "utf-8"),
        (b"\xff\xfe\x00\x00", "utf-32-le"),
        (b"\x00\x00\xfe\xff", "utf-32-be"),
        (b"\xff\xfe", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be"),
    ):
        if data.startswith(mark):
            return mark, codec
    return b"", "utf-8"
