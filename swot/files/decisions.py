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

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from swot.errors import DataError, Problem, shorten
from swot.files.located import ProblemCollector, canonical_keys, display_path, parse_yaml, read_text
from swot.files.storage import appended_bytes, atomic_write_bytes, locked, yaml_scalar
from swot.files.workshop import LoadedWorkshop
from swot.files.yamltree import MappingNode, Node, ScalarNode, SequenceNode
from swot.i18n import catalogue, say
from swot.models import Entry
from swot.texts import normalise, strip_control
from swot.vocabulary import QUADRANT_LOOKUP, QUADRANT_NAMES, Quadrant, did_you_mean, fold

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


@dataclass
class Votes:
    """Every vote of votes.yaml."""

    votes: list[Vote] = field(default_factory=list)
    path: Path | None = None

    def for_round(self, round_id: str) -> list[Vote]:
        return [v for v in self.votes if v.round in (None, round_id)]


class _Reader:
    """Shared reading of merges.yaml and votes.yaml: a list of mappings with located problems."""

    def __init__(self, path: Path, workshop: LoadedWorkshop, lang: str) -> None:
        self.path = path
        self.workshop = workshop
        self.lang = lang
        self.collector = ProblemCollector(path, lang)
        self.themes = workshop.workshop.theme_lookup()

    def items(self, table: dict[str, tuple[str, ...]]) -> list[tuple[int, dict[str, tuple]]]:
        """(1-based line, canonical key -> (key node, value node)) for each item of the list."""
        text = read_text(self.path, self.collector)
        root = parse_yaml(text, self.collector, "entries") if text is not None else None
        if root is None:
            return []
        if not isinstance(root, SequenceNode):
            self.add("not_list", root, file=self.path.name)
            return []
        found = []
        for index, item in enumerate(root.items):
            where = say(MESSAGES, "item", self.lang, number=index + 1)
            if not isinstance(item, MappingNode):
                self.add("item_not_mapping", item, where=where)
                continue
            found.append((item.line + 1, canonical_keys(item, table, self.collector, where)))
        return found

    def add(self, code: str, node: Node, where: str = "", **params: object) -> None:
        hint_key = code + ".hint"
        self.collector.problems.append(
            Problem(
                file=self.collector.file,
                line=node.line + 1,
                column=node.column + 1,
                where=where,
                message=say(MESSAGES, code, self.lang, **params),
                hint=say(MESSAGES, hint_key, self.lang, **params) if hint_key in MESSAGES else "",
                code=code,
            )
        )

    def scalar(self, pairs: dict, key: str, where: str, item_line: int) -> str | None:
        if key not in pairs:
            return None
        key_node, value = pairs[key]
        if not isinstance(value, ScalarNode) or value.python() is None:
            self.add("not_text", value if isinstance(value, Node) else key_node, where=where)
            return None
        return strip_control(value.value)

    def require(self, pairs: dict, key: str, where: str, item_node_line: int) -> bool:
        if key in pairs:
            return True
        name = key if self.lang == "en" else DECISION_KEYS.get(key, VOTE_KEYS.get(key, (key,)))[0]
        self.collector.problems.append(
            Problem(
                file=self.collector.file,
                line=item_node_line,
                where=where,
                message=say(MESSAGES, "missing", self.lang, key=name),
                hint=say(MESSAGES, "missing.hint", self.lang, key=name),
                code="missing",
            )
        )
        return False

    def theme(self, pairs: dict, where: str) -> str | None:
        value = self.scalar(pairs, "theme", where, 0)
        if value is None:
            return None
        found = self.themes.get(fold(value))
        if found is None:
            choices = [t.id for t in self.workshop.workshop.themes]
            self.add(
                "unknown_theme",
                pairs["theme"][1],
                where=where,
                value=shorten(value),
                suggestion=self._suggest(did_you_mean(value, list(self.themes))),
                choices=", ".join(choices),
            )
        return found

    def quadrant(self, pairs: dict, where: str) -> Quadrant | None:
        return self.word(pairs, "quadrant", QUADRANT_LOOKUP, "unknown_quadrant", where)

    def word(self, pairs: dict, key: str, lookup: dict, code: str, where: str) -> Any:
        """The value of ``key`` looked up (folded) in ``lookup``; a located problem if unknown."""
        value = self.scalar(pairs, key, where, 0)
        if value is None:
            return None
        found = lookup.get(fold(value))
        if found is None:
            self.add(
                code,
                pairs[key][1],
                where=where,
                value=shorten(value),
                suggestion=self._suggest(did_you_mean(value, list(lookup))),
            )
        return found

    def _suggest(self, word: str | None) -> str:
        return say(MESSAGES, "did_you_mean", self.lang, word=word) if word else ""

    def raise_errors(self) -> None:
        errors = [p for p in self.collector.problems if p.severity == "error"]
        if errors:
            self.collector.problems = errors
            raise DataError(self.collector.capped())


def load_decisions(workshop: LoadedWorkshop, lang: str | None = None) -> MergeDecisions:
    """The decisions in the workshop's merges.yaml (none if there is no file).

    Raises ``DataError`` naming file, line and fix for each problem: a merge that silently
    ignored a reviewed decision would print a different handout than the one agreed on.
    """
    path = workshop.folder / MERGES_FILE
    result = MergeDecisions(path=path)
    if not path.exists():
        return result
    reader = _Reader(path, workshop, lang or workshop.language)
    for line, pairs in reader.items(DECISION_KEYS):
        where = say(MESSAGES, "item", reader.lang, number=len(result.decisions) + 1)
        present = [reader.require(pairs, key, where, line) for key in ("decision", "theme")]
        present += [reader.require(pairs, key, where, line) for key in ("quadrant", "texts")]
        kind = _decision_kind(reader, pairs, where)
        theme = reader.theme(pairs, where)
        quadrant = reader.quadrant(pairs, where)
        texts = _texts(reader, pairs, where)
        wording = reader.scalar(pairs, "wording", where, line)
        if not all(present) or kind is None or theme is None or quadrant is None:
            continue
        if texts is None:
            continue
        if kind in (JOIN, APART) and len(texts) < 2:
            reader.add(
                "too_few_texts",
                pairs["texts"][1],
                where=where,
                decision=DECISION_NAMES[kind][reader.lang],
                count=len(texts),
            )
            continue
        if kind == WORDING and not wording:
            reader.add("no_wording", pairs["decision"][1], where=where)
            continue
        result.decisions.append(MergeDecision(kind, theme, quadrant, texts, wording, line))
    reader.raise_errors()
    return result


def _decision_kind(reader: _Reader, pairs: dict, where: str) -> str | None:
    kind: str | None = reader.word(pairs, "decision", DECISION_LOOKUP, "unknown_decision", where)
    return kind


def _texts(reader: _Reader, pairs: dict, where: str) -> tuple[str, ...] | None:
    if "texts" not in pairs:
        return None
    node = pairs["texts"][1]
    if isinstance(node, ScalarNode) and node.python() is not None:
        return (strip_control(node.value),)
    if not isinstance(node, SequenceNode):
        reader.add("not_text", node, where=where)
        return None
    texts: list[str] = []
    for item in node.items:
        if not isinstance(item, ScalarNode) or item.python() is None:
            reader.add("not_text", item, where=where)
            return None
        texts.append(strip_control(item.value))
    return tuple(texts)


def load_votes(workshop: LoadedWorkshop, lang: str | None = None) -> Votes:
    """Dot votes from the workshop's votes.yaml (none if there is no file); raises DataError."""
    path = workshop.folder / VOTES_FILE
    result = Votes(path=path)
    if not path.exists():
        return result
    reader = _Reader(path, workshop, lang or workshop.language)
    rounds = [r.id for r in workshop.workshop.rounds]
    for number, (line, pairs) in enumerate(reader.items(VOTE_KEYS), start=1):
        where = say(MESSAGES, "item", reader.lang, number=number)
        present = [reader.require(pairs, key, where, line) for key in ("theme", "quadrant")]
        present.append(reader.require(pairs, "votes", where, line))
        theme = reader.theme(pairs, where)
        quadrant = reader.quadrant(pairs, where)
        text = reader.scalar(pairs, "text", where, line)
        key = reader.scalar(pairs, "key", where, line)
        round_id = reader.scalar(pairs, "round", where, line)
        if round_id is not None and round_id not in rounds:
            reader.add(
                "unknown_round",
                pairs["round"][1],
                where=where,
                value=shorten(round_id),
                suggestion=reader._suggest(did_you_mean(round_id, rounds)),
                choices=", ".join(rounds),
            )
            continue
        count = _vote_count(reader, pairs, where)
        if text is None and key is None and "text" not in pairs and "key" not in pairs:
            reader.collector.problems.append(
                Problem(
                    file=reader.collector.file,
                    line=line,
                    where=where,
                    message=say(MESSAGES, "no_target", reader.lang),
                    hint=say(MESSAGES, "no_target.hint", reader.lang),
                    code="no_target",
                )
            )
            continue
        if not all(present) or theme is None or quadrant is None or count is None:
            continue
        result.votes.append(Vote(theme, quadrant, count, text, key, round_id, line))
    reader.raise_errors()
    return result


def _vote_count(reader: _Reader, pairs: dict, where: str) -> int | None:
    if "votes" not in pairs:
        return None
    node = pairs["votes"][1]
    value = node.value if isinstance(node, ScalarNode) else "…"
    try:
        count = int(value.strip())
    except ValueError:
        count = -1
    if not 0 <= count <= 10_000:
        reader.add("bad_votes", node, where=where, value=shorten(value))
        return None
    return count


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
        old = path.read_bytes() if path.exists() else say(MESSAGES, "header", lang).encode()
        atomic_write_bytes(path, appended_bytes(old, addition, path, lang))
    return path
