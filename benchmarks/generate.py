#!/usr/bin/env python3
"""A national-scale workshop for benchmarks: 290 units × 200 entries, in Swedish, deterministic.

    python benchmarks/generate.py OUT [--units 290] [--per-unit 200] [--scale 1] [--seed 2026]

Writes a complete workshop folder (``workshop.yaml`` in Swedish and ``entries/<round>/<unit>.yaml``
for every unit, one round) the way people's files look: Swedish keys, a comment header, one
respondent after another, quoting only where YAML needs it. At the default size that is about
58,000 entries in 290 files, ≈ 12 MB of YAML.

The texts come from the phrase banks in ``scripts/make_examples.py`` (real Swedish variants of
what people in the network say), composed into a population of about ten thousand statements
(a variant alone, or with a place, a group or a second sentence). Each entry draws a statement
with Zipf-like popularity, so a few statements are said all over the country and thousands are
said once or twice; about half of the entries are then typed with a slip: a typo, a dropped or
added word, swapped words, a different case or full stop. Near-duplicates therefore fall
across units, as in a real national round.

``--scale K`` gives K × the units with the same per-unit size and the same statement
population: unit n's file depends only on the seed, n and ``--per-unit``, so the 2× round is the
1× round plus 290 more units of the same kind. Same arguments → byte-identical files.
Standard library only.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import sys
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from pathlib import Path
from random import Random
from types import ModuleType

REPO = Path(__file__).resolve().parent.parent
EXAMPLES_SCRIPT = REPO / "scripts" / "make_examples.py"

DEFAULT_SEED = 2026
ROUND_ID = "2026-nationell"
ROUND_NAME = "Nationell kartläggning 2026"
ROUND_DATE = "2026-03-19"
WORKSHOP_NOTE = "# Workshop 19 mars 2026 – enhetens gemensamma poster"
ZIPF_EXPONENT = 1.0  # popularity of the statement at rank r ∝ 1 / (r + ZIPF_OFFSET) ** exponent
ZIPF_OFFSET = 3
LOCAL_SHARE = 0.15  # share of a unit's entries about its own local concerns
MAX_TEXT = 400  # well under swot's MAX_TEXT_LENGTH (2000); a survey answer, not an essay


def _load_examples() -> ModuleType:
    """``scripts/make_examples.py`` as a module (it is a script, not part of the package)."""
    name = "swot_make_examples"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, EXAMPLES_SCRIPT)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {EXAMPLES_SCRIPT}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the file executes
    spec.loader.exec_module(module)
    return module


EX = _load_examples()
EQ, AC = EX.EQ, EX.AC
STR, WEAK, OPP, THR = EX.STR, EX.WEAK, EX.OPP, EX.THR

# fmt: off
# Phrases that people add to a statement. A place or a group at the end:
SUFFIX_COMMON = (
    "hos oss", "i vår verksamhet", "på vår enhet", "i kommunen", "just nu", "i dagsläget",
    "på arbetsplatsen", "i vardagen", "enligt min erfarenhet", "på arbetsträningsplatserna",
)
SUFFIX_THEME = {
    EQ: ("för både kvinnor och män", "bland deltagarna", "i personalgruppen",
         "för kvinnor med utländsk bakgrund", "i verkstaden och köket"),
    AC: ("för deltagare med funktionsnedsättning", "för personer med NPF",
         "för deltagare som använder rullstol", "för den som har nedsatt syn eller hörsel",
         "i lokalerna"),
}
# A second sentence that says why it matters:
SECOND_SENTENCE = {
    STR: ("Det vill vi behålla även när budgeten krymper.",
          "Det märks i vardagen och deltagarna säger det själva.",
          "Det är något vi är stolta över och gärna visar upp.",
          "Det ger deltagarna trygghet och gör att fler stannar kvar.",
          "Det har blivit bättre det senaste året.",
          "Deltagarna lyfter det ofta i utvärderingarna.",
          "Det bygger på att några eldsjälar driver på.",
          "Det är en bra grund att bygga vidare på."),
    WEAK: ("Det har varit så länge och ingen verkar veta hur det ska lösas.",
           "Det drabbar deltagarna mest, särskilt de som redan har det svårt.",
           "Vi har tagit upp det flera gånger på APT utan att något har hänt.",
           "Det behöver vi jobba med under året.",
           "Ingen verkar ha ansvar för det.",
           "Det gör att en del deltagare avbryter i förtid.",
           "Det är svårt att hinna med när vi är så få i personalgruppen.",
           "Det har blivit sämre sedan förra kartläggningen."),
    OPP: ("Det skulle kunna ge mycket utan att kosta särskilt mycket.",
          "Här finns mycket att vinna om vi gör det tillsammans i nätverket.",
          "Det borde vi ta vara på redan nu.",
          "Det skulle gynna alla deltagare, inte bara några.",
          "Då kan vi lära av varandra i stället för att börja om från noll.",
          "Ett första steg vore att ta upp det på nästa ledningsmöte.",
          "Det finns pengar att söka för sådant.",
          "Det skulle också göra det lättare att rekrytera personal."),
    THR: ("Det oroar många i personalgruppen.",
          "Det kan slå hårt mot de deltagare som behöver mest stöd.",
          "Det märks redan i år i form av färre platser.",
          "Vi vet inte hur det blir nästa år.",
          "Då riskerar arbetet att stanna av helt.",
          "Det kan göra att vi tappar det vi har byggt upp.",
          "Ingen vet i dag vem som ska ta över ansvaret.",
          "Det är svårt att planera långsiktigt när allt är så osäkert."),
}
# What the most talkative respondents add after that:
ELABORATION = (
    "Jag har jobbat här i många år och sett det förändras.",
    "Det är min personliga uppfattning, men jag tror att fler håller med.",
    "Det gäller inte alla, men det är vanligt.",
    "Vi har pratat om det i arbetslaget men inte kommit vidare.",
    "Jag vet att andra enheter i nätverket har samma erfarenhet.",
    "Det är viktigt att ledningen förstår det.",
)
# A lead-in (these make YAML quote the text: ': ' inside a plain scalar is not allowed):
PREFIXES = ("Generellt: ", "Min upplevelse: ", "Kort sagt: ")
# Words people leave out or add when they type the same thing again.
DROPPABLE = ("väldigt", "riktigt", "mycket", "också", "ofta", "alltid", "faktiskt", "verkligen",
             "bara", "lite", "ganska", "nog", "alla", "våra", "vår")
ADDED_AT_END = {
    STR: (" också", " överlag", " generellt"),
    WEAK: (", tyvärr", " fortfarande", " ibland", " överlag"),
    OPP: (" också", " på sikt", " framöver"),
    THR: (", tyvärr", " på sikt", " framöver"),
}
NOTES = (
    "inskrivet av facilitator från pappersenkät", "lämnat muntligt, inskrivet av handledare",
    "svaret kom via mejl", "gäller främst verkstaden", "gäller främst lokalerna på huvudkontoret",
    "samma som förra året, inget har hänt", "oklart om det gäller jämställdhet eller tillgänglighet",
    "sagt av flera i gruppen", "deltagaren ville förtydliga: gäller både kvinnor och män",
    "översatt från arabiska av tolk", "från fokusgruppen med deltagare",
    "ska tas upp på nästa APT",
)
# What one respondent writes: number of entries -> relative frequency (as in the examples).
ANSWERS_PER_RESPONDENT = {2: 34, 3: 30, 4: 18, 5: 10, 6: 5, 7: 2, 8: 1}
# Municipality-style names: a first part and an ending, e.g. Björkfors, Ekeby, Granvik.
NAME_FIRST = (
    "Alm", "Asp", "Björk", "Ek", "Gran", "Hassel", "Lind", "Tall", "Rönn", "Sälg", "Sten",
    "Sand", "Berg", "Kvarn", "Mal", "Ros", "Häst", "Ulv", "Örn", "Tran", "Svan", "Ljung", "Hed",
    "Mo", "Vall", "Äng", "Kull", "Lång", "Bred", "Hög", "Stor", "Lill", "Norr", "Söder",
    "Väster", "Öster", "Sjö", "Ås", "Dal", "Fors",
)
NAME_END = (
    "by", "köping", "hamn", "torp", "stad", "berg", "vik", "holm", "dal", "näs", "lund", "fors",
    "hult", "ryd", "mark", "sund", "å", "ås", "sjö", "bo", "tuna", "inge", "löv", "ed", "ängen",
)
NAME_DIRECTIONS = ("Norra", "Södra", "Östra", "Västra", "Övre", "Nedre")
# fmt: on
THEME_NAMES = EX.SV_THEME
QUADRANT_NAMES = EX.SV_QUADRANT
ACRONYM = re.compile(r"^[A-ZÅÄÖ]{2,}")
WORD = re.compile(r"\w+")
PAIR = re.compile(r"\b(\w+) och (\w+)\b")


@dataclass(frozen=True)
class Statement:
    """One base statement of the population: what a person means, before typing slips."""

    theme: str  # EQ | AC (make_examples codes)
    quadrant: str  # STR | WEAK | OPP | THR
    text: str
    importance: float  # typical importance 1–5


@dataclass(frozen=True)
class Summary:
    """What ``build`` wrote."""

    folder: Path
    round_id: str
    units: int
    files: int
    entries: int
    bytes: int  # bytes of the entries files (the YAML a merge reads)
    distinct_texts: int  # distinct entry texts as typed
    statements_used: int  # distinct base statements behind them
    population: int  # base statements that could be drawn


# ---------------------------------------------------------------------------------------------
# The statement population
# ---------------------------------------------------------------------------------------------
def _lower_first(text: str) -> str:
    """'Lokalerna är…' -> 'lokalerna är…', but names and acronyms keep their capital."""
    first = text.split()[0].strip(",.:!?()")
    if ACRONYM.match(first) or first in EX.KEEP_CAPITAL:
        return text
    return text[0].lower() + text[1:]


SUFFIX_STOPWORDS = {"i", "på", "för", "med", "hos", "och", "den", "som", "har", "min", "vår", "om"}


def _with_suffix(text: str, suffix: str) -> str | None:
    """Text with a place or group at the end; None where it would read badly."""
    if text[-1] in ")?" or ":" in text or "." in text.rstrip("."):
        return None
    words = {w.lower() for w in WORD.findall(text)}
    for word in WORD.findall(suffix):
        if word not in SUFFIX_STOPWORDS and (word in words or word[:-1] in words):
            return None  # 'i kommunen' after a text about the kommun says it twice
    if words & {"nu", "dag", "dagsläget"} and suffix in ("just nu", "i dagsläget"):
        return None
    body = text.rstrip(".!")
    return f"{body} {suffix}{text[len(body) :]}"


def _with_sentence(text: str, sentence: str) -> str:
    end = "" if text[-1] in ".!?" else "."
    return f"{text}{end} {sentence}"


# How often each kind of statement comes up, relative to a plain variant from the banks.
KIND_WEIGHT = {
    "plain": 1.0, "suffix": 0.5, "sentence": 4.0, "both": 4.0, "long": 6.0, "prefix": 0.5,
}  # fmt: skip


@lru_cache(maxsize=8)
def population(seed: int = DEFAULT_SEED) -> tuple[Statement, ...]:
    """Every base statement, most popular first (the order is the Zipf rank).

    A statement is a variant from the phrase banks alone, or with a place or group at the end,
    a second sentence, both, a second and a third sentence, or a lead-in. Its rank mixes chance, how widely the bank item is
    raised, and how common that kind of statement is.
    """
    rng = Random(f"swot-bench:{seed}:population")
    scored: list[tuple[float, Statement]] = []
    for item in [*EX.BANK, *EX.AMEIS_BANK]:
        suffixes = SUFFIX_COMMON + SUFFIX_THEME[item.theme]
        sentences = SECOND_SENTENCE[item.quadrant]
        for variant in item.variants:
            variant = " ".join(variant.split())
            kinds: list[tuple[str, str | None]] = [("plain", variant)]
            kinds += [("suffix", _with_suffix(variant, s)) for s in suffixes]
            kinds += [("sentence", _with_sentence(variant, s)) for s in sentences]
            for suffix, sentence in zip(
                rng.sample(suffixes, 4), rng.sample(sentences, 4), strict=True
            ):
                with_suffix = _with_suffix(variant, suffix)
                if with_suffix:
                    kinds.append(("both", _with_sentence(with_suffix, sentence)))
            for sentence, more in zip(
                rng.sample(sentences, 2), rng.sample(ELABORATION, 2), strict=True
            ):
                kinds.append(("long", _with_sentence(_with_sentence(variant, sentence), more)))
            kinds += [("prefix", p + _lower_first(variant)) for p in PREFIXES]
            for kind, text in kinds:
                if text and len(text) <= MAX_TEXT:
                    # smaller sorts first; an exponential draw gives a smooth, mixed order
                    score = rng.expovariate(1.0) / (KIND_WEIGHT[kind] * max(item.breadth, 0.1))
                    scored.append(
                        (score, Statement(item.theme, item.quadrant, text, item.importance))
                    )
    scored.sort(key=lambda pair: pair[0])
    seen: set[str] = set()
    unique = []
    for _, statement in scored:
        if statement.text not in seen:
            seen.add(statement.text)
            unique.append(statement)
    return tuple(unique)


@lru_cache(maxsize=8)
def _cumulative_weights(size: int) -> tuple[float, ...]:
    return tuple(accumulate(1.0 / (rank + ZIPF_OFFSET) ** ZIPF_EXPONENT for rank in range(size)))


# ---------------------------------------------------------------------------------------------
# How people type the same statement
# ---------------------------------------------------------------------------------------------
def _typo(text: str, rng: Random) -> str:
    known = [w for w in EX.TYPOS if w in text]
    if known and rng.random() < 0.6:
        word = rng.choice(known)
        return text.replace(word, EX.TYPOS[word], 1)
    words = [m for m in WORD.finditer(text) if len(m.group()) >= 5]
    if not words:
        return text
    m = rng.choice(words)
    w = m.group()
    i = rng.randrange(1, len(w) - 1)
    kind = rng.random()
    if kind < 0.3:  # a letter dropped
        new = w[:i] + w[i + 1 :]
    elif kind < 0.55:  # two letters swapped
        new = w[: i - 1] + w[i] + w[i - 1] + w[i + 1 :]
    elif kind < 0.75:  # a letter doubled
        new = w[:i] + w[i] + w[i:]
    else:  # typed on a keyboard without å, ä, ö (or a letter dropped if there are none)
        new = w.translate(str.maketrans("åäöÅÄÖ", "aaoAAO"))
        if new == w:
            new = w[:i] + w[i + 1 :]
    return text[: m.start()] + new + text[m.end() :]


def _drop_word(text: str, rng: Random) -> str:
    words = text.split(" ")
    droppable = [i for i, w in enumerate(words) if i > 0 and w.lower() in DROPPABLE]
    if not droppable and len(words) > 6:
        droppable = [i for i in range(2, len(words) - 1) if len(words[i]) > 2]
    if not droppable:
        return text
    del words[rng.choice(droppable)]
    return " ".join(words)


def _add_word(text: str, quadrant: str, rng: Random) -> str:
    body = text.rstrip(".!")
    addition = rng.choice(ADDED_AT_END[quadrant])
    if addition.strip(", ") in body.lower():
        return text
    return body + addition + text[len(body) :]


def _swap_words(text: str, rng: Random) -> str:
    """'kvinnor och män' -> 'män och kvinnor'; otherwise the first two words of a clause."""
    pairs = [m for m in PAIR.finditer(text) if m.group(1).lower() != m.group(2).lower()]
    if pairs:
        m = rng.choice(pairs)
        left, right = m.group(1), m.group(2)
        if m.start() == 0 and left[0].isupper() and not ACRONYM.match(left):
            left, right = left.lower(), right[0].upper() + right[1:]
        return text[: m.start()] + f"{right} och {left}" + text[m.end() :]
    words = text.split(" ")
    if len(words) > 4:
        i = rng.randrange(1, len(words) - 2)
        if words[i].isalpha() and words[i + 1].isalpha():
            words[i], words[i + 1] = words[i + 1], words[i]
    return " ".join(words)


def _case_and_punctuation(text: str, rng: Random) -> str:
    x = rng.random()
    if x < 0.35:
        return _lower_first(text)
    if x < 0.45:
        return text.lower()
    if x < 0.75:
        return text + "." if text[-1].isalnum() else text.rstrip(".")
    if x < 0.82:
        return text.rstrip(".") + "!"
    if " och " in text:
        return text.replace(" och ", " & ", 1)
    return text.replace(",", "")


def typed(statement: Statement, rng: Random) -> str:
    """The statement as one person typed it: about half unchanged, the rest with 1–2 slips."""
    text = statement.text
    if rng.random() < 0.5:
        return text
    for _ in range(1 if rng.random() < 0.75 else 2):
        x = rng.random()
        if x < 0.35:
            text = _case_and_punctuation(text, rng)
        elif x < 0.65:
            text = _typo(text, rng)
        elif x < 0.78:
            text = _drop_word(text, rng)
        elif x < 0.9:
            text = _add_word(text, statement.quadrant, rng)
        else:
            text = _swap_words(text, rng)
    return text.strip() or statement.text


# ---------------------------------------------------------------------------------------------
# Units and files
# ---------------------------------------------------------------------------------------------
def safe_id(name: str) -> str:
    """'Östra Björkfors' -> 'ostra-bjorkfors' (what swot's ids allow)."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    ascii_name = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-")


@lru_cache(maxsize=8)
def unit_names(count: int, seed: int = DEFAULT_SEED) -> tuple[tuple[str, str], ...]:
    """``count`` (id, name) pairs; the first n are the same whatever ``count`` is."""
    rng = Random(f"swot-bench:{seed}:names")
    base = [
        first + end
        for first in NAME_FIRST
        for end in NAME_END
        if end != first.lower() and not first.lower().endswith(end)
    ]
    rng.shuffle(base)
    names = list(base)
    for direction in NAME_DIRECTIONS:
        if len(names) >= count:
            break
        names += [f"{direction} {name}" for name in base]
    if count > len(names):
        names += [f"Kommun {n:04d}" for n in range(len(names), count)]
    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    for name in names:
        uid = safe_id(name)
        if uid not in seen:
            seen.add(uid)
            out.append((uid, name))
        if len(out) == count:
            break
    return tuple(out)


def _draw_respondent_sizes(total: int, rng: Random) -> list[int]:
    counts, freqs = list(ANSWERS_PER_RESPONDENT), list(ANSWERS_PER_RESPONDENT.values())
    sizes: list[int] = []
    while sum(sizes) < total:
        sizes.append(rng.choices(counts, freqs)[0])
    sizes[-1] -= sum(sizes) - total
    return [s for s in sizes if s > 0]


def _importance(statement: Statement, rng: Random, none_chance: float) -> int | None:
    if rng.random() < none_chance:
        return None
    return max(1, min(5, round(rng.gauss(statement.importance, 0.9))))


def _entry_yaml(
    statement: Statement, text: str, importance: int | None, source: str,
    respondent: str | None, note: str | None,
) -> str:  # fmt: skip
    lines = [
        f"- tema: {THEME_NAMES[statement.theme]}",
        f"  kvadrant: {QUADRANT_NAMES[statement.quadrant]}",
        f"  text: {EX.scalar(text)}",
    ]
    if importance is not None:
        lines.append(f"  vikt: {importance}")
    lines.append(f"  källa: {source}")
    if respondent:
        lines.append(f"  svarande: {respondent}")
    if note:
        lines.append(f"  anteckning: {EX.scalar(note)}")
    return "\n".join(lines) + "\n"


def unit_file(
    index: int, unit_name: str, per_unit: int, seed: int = DEFAULT_SEED
) -> tuple[str, int, list[tuple[str, str]]]:
    """The text of unit ``index``'s entries file, its respondents, and (statement, text) pairs.

    Depends only on the seed, the index and ``per_unit``: a larger scale adds units, it does not
    change the ones already there.
    """
    rng = Random(f"swot-bench:{seed}:unit:{index}")
    statements = population(seed)
    weights = _cumulative_weights(len(statements))
    local = rng.sample(statements[50:3000], 12)  # what this unit worries about more than others
    size = max(1, round(per_unit * rng.uniform(0.8, 1.2)))
    n_workshop = min(size - 1, round(size * rng.uniform(0.03, 0.1))) if size > 10 else 0
    order = {q: i for i, q in enumerate(EX.QUADRANTS)}

    def draw() -> Statement:
        if rng.random() < LOCAL_SHARE:
            return rng.choice(local)
        return rng.choices(statements, cum_weights=weights)[0]

    head = [
        "# yaml-language-server: $schema=../../schema/entries.schema.json",
        f"# {unit_name} · {ROUND_NAME}",
        "# En post per streck (-). Nya poster läggs till längst ned.",
        "# tema: jämställdhet | tillgänglighet",
        "# kvadrant: styrkor | svagheter | möjligheter | hot",
        "# vikt: 1–5 (valfri) · källa: enkät | workshop · svarande: anonymt id",
    ]
    parts = ["\n".join(head) + "\n"]
    pairs: list[tuple[str, str]] = []
    sizes = _draw_respondent_sizes(size - n_workshop, rng)
    for number, k in enumerate(sizes, start=1):
        chosen: list[Statement] = []
        while len(chosen) < k:
            statement = draw()
            if statement not in chosen:
                chosen.append(statement)
        if rng.random() < 0.85:  # most people follow the form's order
            chosen.sort(key=lambda s: (EX.THEMES.index(s.theme), order[s.quadrant]))
        parts.append("\n")
        for statement in chosen:
            text = typed(statement, rng)
            none_chance = 0.18 if statement.quadrant == STR else 0.12
            note = rng.choice(NOTES) if rng.random() < 0.1 else None
            parts.append(_entry_yaml(
                statement, text, _importance(statement, rng, none_chance), "enkät",
                f"r{number:02d}", note,
            ))  # fmt: skip
            pairs.append((statement.text, text))
    if n_workshop:
        parts.append("\n" + WORKSHOP_NOTE + "\n")
        for _ in range(n_workshop):
            statement = draw()
            # written by the facilitator: the agreed wording, at most a case or full-stop change
            text = _case_and_punctuation(statement.text, rng) if rng.random() < 0.2 else None
            text = text or statement.text
            parts.append(_entry_yaml(
                statement, text, _importance(statement, rng, 0.06), "workshop", None, None
            ))  # fmt: skip
            pairs.append((statement.text, text))
    return "".join(parts), len(sizes), pairs


def workshop_yaml(units: tuple[tuple[str, str], ...], expected: dict[str, int]) -> str:
    lines = [
        "# yaml-language-server: $schema=schema/workshop.schema.json",
        "# Workshop: nationell kartläggning (syntetiska data för prestandamätning)",
        "# Redigera i en vanlig texteditor (Anteckningar, VS Code). Spara som UTF-8.",
        "# Indrag görs med mellanslag, aldrig tabb. Kör `swot validate` efteråt.",
        "name: Nationella nätverket – jämställdhet och tillgänglighet",
        "language: sv",
        "response_target: 75          # procent svarande som krävs per enhet",
        "themes: [equality, accessibility]",
        "units:",
    ]
    for i, (uid, name) in enumerate(units):
        line = f"  - id: {uid}"
        if i == 0:
            line = line.ljust(29) + "# a–z, 0–9 och '-', inga å ä ö (id är filnamnet)"
        lines += [line, f"    name: {name}", f"    municipality: {name}"]
    lines += [
        "rounds:                      # i tidsordning; den sista är den senaste",
        f"  - id: {ROUND_ID}",
        f"    name: {ROUND_NAME}",
        f"    date: {ROUND_DATE}",
        "    expected:                # förväntat antal svarande per enhet",
    ]
    width = max(len(uid) for uid, _ in units)
    lines += [f"      {uid}:{' ' * (width - len(uid))} {expected[uid]}" for uid, _ in units]
    return "\n".join(lines) + "\n"


def build(
    folder: Path | str,
    units: int = 290,
    per_unit: int = 200,
    seed: int = DEFAULT_SEED,
    scale: int = 1,
) -> Summary:
    """Write a workshop with one round of ``units × scale`` files of ≈ ``per_unit`` entries.

    ``folder`` is created (it must not hold a workshop already). Returns what was written.
    """
    folder = Path(folder)
    count = units * scale
    if count < 1 or per_unit < 1:
        raise ValueError("units, per_unit and scale must be at least 1")
    names = unit_names(count, seed)
    entries_dir = folder / "entries" / ROUND_ID
    entries_dir.mkdir(parents=True)
    expected: dict[str, int] = {}
    total_entries = total_bytes = 0
    texts: set[str] = set()
    statements: set[str] = set()
    for index, (uid, name) in enumerate(names):
        text, respondents, pairs = unit_file(index, name, per_unit, seed)
        data = text.encode("utf-8")
        (entries_dir / f"{uid}.yaml").write_bytes(data)
        rate = Random(f"swot-bench:{seed}:rate:{index}").uniform(0.62, 1.0)
        expected[uid] = max(respondents, round(respondents / rate))
        total_entries += len(pairs)
        total_bytes += len(data)
        statements.update(s for s, _ in pairs)
        texts.update(t for _, t in pairs)
    (folder / "workshop.yaml").write_bytes(workshop_yaml(names, expected).encode("utf-8"))
    return Summary(
        folder=folder,
        round_id=ROUND_ID,
        units=count,
        files=count,
        entries=total_entries,
        bytes=total_bytes,
        distinct_texts=len(texts),
        statements_used=len(statements),
        population=len(population(seed)),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder to create (must not exist yet)")
    parser.add_argument("--units", type=int, default=290, help="units at scale 1 (default 290)")
    parser.add_argument(
        "--per-unit", type=int, default=200, help="entries per unit (≈, default 200)"
    )
    parser.add_argument("--scale", type=int, default=1, help="K × the units (default 1)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"default {DEFAULT_SEED}")
    args = parser.parse_args(argv)
    if args.out.exists() and any(args.out.iterdir()):
        parser.error(f"{args.out} exists and is not empty")
    summary = build(args.out, args.units, args.per_unit, args.seed, args.scale)
    print(
        f"{summary.folder}: {summary.entries:,} entries in {summary.files} files, "
        f"{summary.bytes / 1e6:.1f} MB of YAML; {summary.distinct_texts:,} distinct texts from "
        f"{summary.statements_used:,} of {summary.population:,} base statements "
        f"(round {summary.round_id})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
