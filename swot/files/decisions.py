"""Decisions people made about the merge (``merges.yaml``) and dot votes (``votes.yaml``).

Both files are top-level lists, like entries files, so ``swot review`` adds a decision by
appending text and never touches what a person wrote. Keys and values may be Swedish or English:

```yaml
- beslut: slå ihop            # join | apart | wording  (slå ihop | håll isär | formulering)
  tema: tillgänglighet
  kvadrant: svagheter
  texter:
    - Okunskap om NPF
    - Bristande kunskap om neuropsykiatriska funktionsnedsättningar
  formulering: Bristande kunskap om NPF   # optional for join, required for wording
```

Texts are matched after normalisation (case, punctuation and spacing do not matter)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from swot.errors import DataError, Problem, shorten
from swot.files.located import ProblemCollector, display_path, read_list, validate_item
from swot.files.messages import MESSAGES as FILE_MESSAGES
from swot.files.schema_lines import DECISIONS_SCHEMA, VOTES_SCHEMA, new_file_header
from swot.files.storage import appended_bytes, atomic_write_bytes, locked, yaml_scalar
from swot.files.workshop import LoadedWorkshop
from swot.files.yamltree import MappingNode
from swot.i18n import catalogue, say
from swot.models import Entry, ShownText, enum_value, workshop_theme
from swot.texts import normalise, strip_control
from swot.vocabulary import (
    QUADRANT_LOOKUP,
    QUADRANT_NAMES,
    QUADRANT_SPELLINGS,
    Quadrant,
    did_you_mean,
    fold,
)

MERGES_FILE = "merges.yaml"
VOTES_FILE = "votes.yaml"

JOIN, APART, WORDING = "join", "apart", "wording"
DECISION_SPELLINGS: dict[str, tuple[str, ...]] = {
    JOIN: ("join", "merge", "slå ihop", "sammanfoga", "ihop"),
    APART: ("apart", "keep apart", "split", "håll isär", "isär", "dela"),
    WORDING: ("wording", "rename", "formulering", "ny formulering"),
}
DECISION_NAMES = {
    JOIN: {"sv": "slå ihop", "en": "join"},
    APART: {"sv": "håll isär", "en": "apart"},
    WORDING: {"sv": "formulering", "en": "wording"},
}
DECISION_KEYS: dict[str, tuple[str, ...]] = {
    "decision": ("beslut",),
    "theme": ("tema",),
    "quadrant": ("kvadrant", "ruta"),
    "texts": ("texter", "text"),
    "wording": ("formulering", "ny formulering"),
    "note": ("anteckning", "kommentar"),
}
VOTE_KEYS: dict[str, tuple[str, ...]] = {
    "round": ("omgång",),
    "theme": ("tema",),
    "quadrant": ("kvadrant", "ruta"),
    "text": ("texten",),
    "key": ("id", "nyckel"),
    "votes": ("röster", "prickar", "poäng"),
    "note": ("anteckning", "kommentar"),
}

MESSAGES = catalogue("files/decisions")

DECISION_LOOKUP = {
    fold(s): kind for kind, spellings in DECISION_SPELLINGS.items() for s in spellings
}
DECISION_WORDS = [s for spellings in DECISION_SPELLINGS.values() for s in spellings]
MAX_VOTES = 10_000
ItemT = TypeVar("ItemT", bound=BaseModel)


@dataclass(frozen=True)
class MergeDecision:
    """One decision from merges.yaml."""

    kind: str
    theme: str
    quadrant: Quadrant
    texts: tuple[str, ...]
    wording: str | None = None
    line: int = 0

    @property
    def normalised(self) -> tuple[str, ...]:
        """The texts in the form they are matched in."""
        return tuple(normalise(text) for text in self.texts)


@dataclass
class MergeDecisions:
    """Every decision of merges.yaml, in file order."""

    decisions: list[MergeDecision] = field(default_factory=list)
    path: Path | None = None

    def for_bucket(self, theme: str, quadrant: Quadrant) -> list[MergeDecision]:
        return [d for d in self.decisions if d.theme == theme and d.quadrant == quadrant]

    def unmatched(self, entries: Iterable[Entry], round_id: str | None, lang: str) -> list[Problem]:
        """Warnings for decisions that no longer match the entries of a round.

        With ``round_id=None`` the entries are those of every round, and the warnings say so.
        """
        if not self.decisions:
            return []
        present: dict[tuple[str, Quadrant], set[str]] = {}
        for entry in entries:
            present.setdefault((entry.theme, entry.quadrant), set()).add(normalise(entry.text))
        file = display_path(self.path) if self.path else MERGES_FILE
        warnings: list[Problem] = []
        for decision in self.decisions:
            texts = present.get((decision.theme, decision.quadrant), set())
            missing = [
                t
                for t, n in zip(decision.texts, decision.normalised, strict=True)
                if n not in texts
            ]
            if not missing:
                continue
            needed = 1 if decision.kind == WORDING else 2
            found = len(decision.texts) - len(missing)
            if found >= needed and found > 0:
                message = say(
                    MESSAGES,
                    "partly_matched" if round_id else "partly_matched_anywhere",
                    lang,
                    found=found,
                    count=len(decision.texts),
                    round=round_id,
                    missing=", ".join(f"'{shorten(t)}'" for t in missing),
                )
            elif round_id:
                message = say(MESSAGES, "unmatched", lang, round=round_id)
            else:
                message = say(MESSAGES, "unmatched_anywhere", lang)
            warnings.append(
                Problem(
                    file=file,
                    line=decision.line,
                    message=message,
                    hint=say(MESSAGES, "unmatched.hint", lang),
                    code="decision_unmatched",
                    severity="warning",
                )
            )
        return warnings


@dataclass(frozen=True)
class Vote:
    """Dot votes for one merged item, from votes.yaml."""

    theme: str
    quadrant: Quadrant
    votes: int
    text: str | None = None
    key: str | None = None
    round: str | None = None
    line: int = 0
    note: str | None = None


@dataclass
class Votes:
    """Every vote of votes.yaml."""

    votes: list[Vote] = field(default_factory=list)
    path: Path | None = None

    def for_round(self, round_id: str) -> list[Vote]:
        return [v for v in self.votes if v.round == round_id]


def _quadrant(value: object) -> object:
    return enum_value(QUADRANT_LOOKUP, "quadrant", QUADRANT_SPELLINGS, value)


def known_round(value: str | None, info: ValidationInfo) -> str | None:
    """A round id of the workshop (``info.context["rounds"]``), or an error naming the choices."""
    rounds: list[str] = (info.context or {}).get("rounds", [])
    if value is not None and value not in rounds:
        raise PydanticCustomError(
            "unknown_round",
            "'{value}' is not a round of this workshop",
            {
                "value": value,
                "suggestion": did_you_mean(value, rounds) or "",
                "choices": ", ".join(rounds),
            },
        )
    return value


# The theme and quadrant of a decision or a vote, read like those of an entry.
ThemeId = Annotated[str, BeforeValidator(workshop_theme)]
QuadrantName = Annotated[Quadrant, BeforeValidator(_quadrant)]
Text = Annotated[ShownText, AfterValidator(strip_control)]


class DecisionItem(BaseModel):
    """One item of merges.yaml as written (keys in any spelling of ``DECISION_KEYS``)."""

    model_config = ConfigDict(extra="forbid")

    decision: str
    theme: ThemeId
    quadrant: QuadrantName
    texts: list[Text]
    wording: Text | None = None
    note: Text | None = None

    @field_validator("decision", mode="before")
    @classmethod
    def _decision(cls, value: object) -> object:
        if not isinstance(value, str):
            return value
        found = DECISION_LOOKUP.get(fold(value))
        if found is None:
            raise PydanticCustomError(
                "unknown_decision",
                "'{value}' is not a decision",
                {"value": value, "suggestion": did_you_mean(value, DECISION_WORDS) or ""},
            )
        return found

    @field_validator("texts", mode="before")
    @classmethod
    def _one_text(cls, value: object) -> object:
        return [value] if isinstance(value, str) else value  # 'texts: one' is a list of one

    @model_validator(mode="after")
    def _complete(self, info: ValidationInfo) -> DecisionItem:
        lang = (info.context or {}).get("lang", "en")
        if self.decision in (JOIN, APART) and len(self.texts) < 2:
            raise PydanticCustomError(
                "too_few_texts",
                "needs at least two texts",
                {
                    "at": "texts",
                    "decision": DECISION_NAMES[self.decision][lang],
                    "count": len(self.texts),
                },
            )
        if self.decision == WORDING and not self.wording:
            raise PydanticCustomError("no_wording", "needs a wording", {"at": "decision"})
        return self


class VoteItem(BaseModel):
    """One item of votes.yaml as written (keys in any spelling of ``VOTE_KEYS``)."""

    model_config = ConfigDict(extra="forbid")

    round: Text | None = Field(default=None, validate_default=True)
    theme: ThemeId
    quadrant: QuadrantName
    text: Text | None = None
    key: Text | None = None
    votes: int
    note: Text | None = None

    @field_validator("round")
    @classmethod
    def _known_round(cls, value: str | None, info: ValidationInfo) -> str | None:
        """Votes belong to a round: the one named, or the workshop's only round."""
        rounds: list[str] = (info.context or {}).get("rounds", [])
        if value is None and len(rounds) == 1:
            return rounds[0]
        if value is None and rounds:
            raise PydanticCustomError(
                "vote_without_round", "which round?", {"choices": ", ".join(rounds)}
            )
        return known_round(value, info)

    @field_validator("votes", mode="before")
    @classmethod
    def _count(cls, value: object) -> int:
        text = value.strip() if isinstance(value, str) else "…"
        count = int(text) if text.isascii() and text.lstrip("-").isdigit() else -1
        if not 0 <= count <= MAX_VOTES:
            raise PydanticCustomError("bad_votes", "not a number of votes", {"value": text})
        return count

    @model_validator(mode="after")
    def _target(self) -> VoteItem:
        if self.text is None and self.key is None:
            raise PydanticCustomError("no_target", "a vote needs a text or a key")
        return self


def _items(
    path: Path, lang: str, kind: str
) -> Iterator[tuple[MappingNode, ProblemCollector, Callable[[], str]]]:
    """(item, problems, label) of each item of merges.yaml or votes.yaml (``kind`` is
    "decision" or "vote"); a file that is not a list, or an item that is not a mapping, is a
    located problem. Raises DataError with every problem once the caller has seen every item."""
    problems = ProblemCollector(path, lang)
    root = read_list(path, problems, f"{kind}s_not_list")
    for number, item in enumerate(root.items if root else [], start=1):

        def label(number: int = number) -> str:
            return say(FILE_MESSAGES, f"{kind}_label", lang, number=number)

        if isinstance(item, MappingNode):
            yield item, problems, label
        else:
            problems.add(f"{kind}_not_mapping", item, where=label)
    errors = [p for p in problems.problems if p.severity == "error"]
    if errors:
        problems.problems = errors
        raise DataError(problems.capped())


def load_decisions(workshop: LoadedWorkshop, lang: str | None = None) -> MergeDecisions:
    """The decisions in the workshop's merges.yaml (none if there is no file).

    Raises ``DataError`` naming file, line and fix for each problem: a merge that silently
    ignored a reviewed decision would print a different handout than the one agreed on.
    """
    path = workshop.folder / MERGES_FILE
    items = _read(path, workshop, lang, "decision", DECISION_KEYS, DecisionItem)
    return MergeDecisions(
        [
            MergeDecision(i.decision, i.theme, i.quadrant, tuple(i.texts), i.wording, line)
            for line, i in items
        ],
        path=path,
    )


def load_votes(workshop: LoadedWorkshop, lang: str | None = None) -> Votes:
    """Dot votes from the workshop's votes.yaml (none if there is no file); raises DataError."""
    path = workshop.folder / VOTES_FILE
    items = _read(path, workshop, lang, "vote", VOTE_KEYS, VoteItem)
    return Votes(
        [
            Vote(i.theme, i.quadrant, i.votes, i.text, i.key, i.round, line, i.note)
            for line, i in items
        ],
        path=path,
    )


def _read(
    path: Path,
    workshop: LoadedWorkshop,
    lang: str | None,
    kind: str,
    keys: dict[str, tuple[str, ...]],
    model: type[ItemT],
) -> list[tuple[int, ItemT]]:
    """(line, item) of every item of merges.yaml or votes.yaml, through the path every file
    takes (``validate_item``); [] when there is no file; DataError with every problem."""
    if not path.exists():
        return []
    language = lang or workshop.language
    rounds = [r.id for r in workshop.workshop.rounds]
    context = {**workshop.workshop.entry_context(language), "lang": language, "rounds": rounds}
    found = []
    for node, problems, label in _items(path, language, kind):
        item = validate_item(node, keys, model, problems, label, context)
        if item is not None:
            found.append((node.line + 1, item))
    return found


def format_decision(decision: MergeDecision, lang: str, theme_name: str) -> str:
    """One decision as YAML list item text, in the workshop's language."""
    sv = lang == "sv"
    lines = [
        f"- {'beslut' if sv else 'decision'}: {DECISION_NAMES[decision.kind][lang]}",
        f"  {'tema' if sv else 'theme'}: {yaml_scalar(theme_name if sv else decision.theme)}",
        f"  {'kvadrant' if sv else 'quadrant'}: "
        + (QUADRANT_NAMES[decision.quadrant]["sv"].lower() if sv else decision.quadrant.value),
        f"  {'texter' if sv else 'texts'}:",
        *(f"    - {yaml_scalar(text)}" for text in decision.texts),
    ]
    if decision.wording:
        lines.append(f"  {'formulering' if sv else 'wording'}: {yaml_scalar(decision.wording)}")
    return "\n".join(lines) + "\n"


def append_decisions(
    workshop: LoadedWorkshop, decisions: Iterable[MergeDecision], lang: str
) -> Path:
    """Append decisions to merges.yaml, keeping every byte a person wrote; returns the path."""
    path = workshop.folder / MERGES_FILE
    addition = "".join(
        format_decision(d, lang, workshop.workshop.theme(d.theme).name(lang).lower())
        for d in decisions
    )
    with locked(path):
        old = (
            path.read_bytes()
            if path.exists()
            else new_file_header(workshop.folder, DECISIONS_SCHEMA, say(MESSAGES, "header", lang))
        )
        atomic_write_bytes(path, appended_bytes(old, addition, path, lang))
    return path


def format_vote(vote: Vote, lang: str, theme_name: str) -> str:
    """One vote as YAML list item text, in the workshop's language (its round always named)."""
    sv = lang == "sv"
    lines = [
        f"- {'omgång' if sv else 'round'}: {yaml_scalar(vote.round or '')}",
        f"  {'tema' if sv else 'theme'}: {yaml_scalar(theme_name if sv else vote.theme)}",
        f"  {'kvadrant' if sv else 'quadrant'}: "
        + (QUADRANT_NAMES[vote.quadrant]["sv"].lower() if sv else vote.quadrant.value),
    ]
    if vote.text:
        lines.append(f"  text: {yaml_scalar(vote.text)}")
    if vote.key:
        lines.append(f"  {'id' if sv else 'key'}: {yaml_scalar(vote.key)}")
    lines.append(f"  {'röster' if sv else 'votes'}: {vote.votes}")
    if vote.note:
        lines.append(f"  {'anteckning' if sv else 'note'}: {yaml_scalar(vote.note)}")
    return "\n".join(lines) + "\n"


def append_votes(workshop: LoadedWorkshop, votes: Iterable[Vote], lang: str) -> Path:
    """Append votes to votes.yaml, keeping every byte a person wrote; returns the path."""
    path = workshop.folder / VOTES_FILE
    language = workshop.language
    addition = "".join(
        format_vote(v, language, workshop.workshop.theme(v.theme).name(language).lower())
        for v in votes
    )
    with locked(path):
        header = say(MESSAGES, "votes_header", language)
        old = (
            path.read_bytes()
            if path.exists()
            else new_file_header(workshop.folder, VOTES_SCHEMA, header)
        )
        atomic_write_bytes(path, appended_bytes(old, addition, path, lang))
    return path
