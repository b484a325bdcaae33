"""Text normalisation, candidate blocking and scoring for finding near-duplicate entries.

Why this scorer and threshold
-----------------------------
Two entries are scored by how much of their *weighted meaning-bearing words* they share: the
cosine of their TF-IDF vectors (0–100), where

* a word is reduced to its stem with Snowball's stemmer for the bucket's language
  (``snowballstemmer``; Swedish unless the bucket's function words are mostly English), so
  "handledarna" / "handledare" and "kvinnor" / "kvinnorna" are one word;
* function words ("och", "vi", "har", "det", "the", "we", …: Snowball's stop lists, without the
  negations) and filler ("väldigt", "tyvärr", …) carry no weight, so "Våra handledare är väldigt
  engagerade" is "Engagerade handledare";
* a Snowball stem left with an ending it does not strip (Swedish "-et" in Snowball 2.x:
  "stödet", "språket"; "-a" of a short adjective, "nya") is read as the bucket's shorter stem
  when some word or compound part gave that stem (``ENDINGS``);
* a compound is split when both parts are words of the same bucket (the first through a joint,
  ``JOINTS``: "handledar-" is "handledare", "kvinno-" "kvinna", "jämställdhets-" "jämställdhet")
  and one part is written alone at least as often as the compound, so "jämställdhetsplan" is
  "plan för jämställdhet" and "språkstödet" "stödet i språket", but "deltagare" stays one word;
* every negation word ("inte", "ingen", "saknar", "brist", …) is one feature, so "Vi saknar
  könsuppdelad statistik" is "Ingen könsuppdelad statistik", and a negating prefix before a word
  of the bucket reads as a negation ("otillgängliga" is "inte tillgängliga", "unclear" "not
  clear"; ``NEGATING_PREFIXES``);
* a word written only a few times is read as the more common word of the bucket it is a typo of
  (same first two letters, rapidfuzz ``ratio`` ≥ ``TYPO_SIMILARITY``): "utbilding" is
  "utbildning"; the first letters must agree so "otydlig" is never taken for a typo of "tydlig";
* each word weighs its inverse document frequency within the bucket (a theme × quadrant of a
  round): "npf" or "besparingskrav" say more than "brist" or "personal" do.

Measured on ``tests/data/similarity_pairs_sv.csv`` (335 Swedish pairs written like the example
workshops' entries: paraphrases and hard negatives), methods and threshold chosen on the "tune"
half, figures of the held-out "test" half (``python benchmarks/similarity_pairs.py`` prints the
whole table). The old scorer (rapidfuzz ``token_sort_ratio``, −20 for one negation) never reaches
precision 0.95 there ("Kvinnor får mindre praktik än män" / "Män får mindre praktik än kvinnor"
scores 100): at 85 it has precision 0.80 and recall 0.49, at its most precise threshold (93.3)
precision 0.92 and recall 0.40. This one at ``DEFAULT_SIMILARITY`` has precision 0.97 and recall
0.64, 1.6× the old scorer's recall at its best precision (its best recall at any threshold with
precision ≥ 0.95 is 0.67, at 78.7). 85 is kept, not the tune half's 83.3: the same recall on the
test half, with more room above 0.95. What it misses is meaning: synonyms ("Otillräcklig
bemanning" / "För lite personal"), abbreviations ("AF" / "Arbetsförmedlingen") and derivations
("Skyltningen är dålig" / "Dåliga skyltar"), which ``swot review`` offers. Character n-grams were
measured too: alone they never reach precision 0.97 on the tune half; mixed in (0.3) they found
one pair more there, fell to precision 0.92 on the test half at the tune half's threshold, and
cost five times the features, so they are not used.

String similarity cannot read meaning, and the costliest mistake is merging a statement with its
opposite ("Ingen har gått utbildning i jämställdhetsintegrering" / "Vi har fått utbildning i
jämställdhetsintegrering"). So a pair where only one text is negated (inte, ingen, saknas, not,
no, lack, …, and no typo of that word in the other text), or where one text has a word whose
opposite only the other has (kvinnor/män, hög/låg, bra/dålig, ökar/minskar, women/men, …), loses
``GUARD_PENALTY`` points.

Why blocking
------------
Scoring all pairs of a bucket grows with its square (20,000 texts: 200 million pairs). Instead
each text offers its ``RARE_TOKENS`` rarest features (stems after typos and compounds) that some
other text also has, and only texts that offer the same feature are scored: two texts that share
none of their rarest words cannot reach the threshold but in rare cases;
``benchmarks/merge_blocking.py`` measures how many of the pairs scoring everything finds are found
(≥ 98 %)."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from functools import lru_cache, reduce
from itertools import chain, repeat
from operator import add, mul
from typing import Any, NamedTuple

from swot.i18n import catalogue, say
from swot.texts import TEXT_CACHE_SIZE, normalise

DEFAULT_SIMILARITY = 85.0
# The thresholds --similarity accepts: one range, checked in one place (``check_similarity``)
# for merge, export, review and compare.
SIMILARITY_RANGE = (50, 100)
RARE_TOKENS = 3
GUARD_PENALTY = 30.0
TYPO_SIMILARITY = 85.0
TYPO_LENGTH = 5  # shorter words are never read as typos ("hög" / "låg", "män" / "man")
COMPOUND_PART = 3  # the shortest part a compound is split into
# Part of every cache key of grouped texts: a changed scorer never reuses old groups.
SCORER_VERSION = "tfidf-stems-3"

MESSAGES = catalogue("analysis/similarity")


def check_similarity(value: float | None, lang: str) -> float:
    """The threshold to merge at: ``value`` (None: the default) if it lies in
    ``SIMILARITY_RANGE``; otherwise a usage error in ``lang``."""
    threshold = DEFAULT_SIMILARITY if value is None else value
    low, high = SIMILARITY_RANGE
    if not low <= threshold <= high:
        from swot.errors import UsageError

        raise UsageError(
            say(MESSAGES, "bad_similarity", lang, low=low, high=high, value=threshold),
            say(MESSAGES, "bad_similarity.hint", lang, default=int(DEFAULT_SIMILARITY)),
        )
    return threshold


NEGATIONS = frozenset(
    {
        # Swedish
        "inte", "ej", "ingen", "inget", "inga", "aldrig", "saknar", "saknas", "utan", "brist",
        "bristande", "bristen", "icke", "varken",
        # English
        "not", "no", "never", "none", "nothing", "lack", "lacks", "lacking", "missing",
        "without", "cannot", "cant", "dont", "doesnt", "isnt", "arent", "wont", "nor",
    }
)  # fmt: skip

# Function words (Snowball's stop lists, without the negations and the words of OPPOSITES) and
# filler; they carry no weight.
STOP_WORDS = {
    "sv": frozenset(
        [
            "och",
            "det",
            "att",
            "i",
            "en",
            "jag",
            "hon",
            "som",
            "han",
            "på",
            "den",
            "med",
            "var",
            "sig",
            "för",
            "så",
            "till",
            "är",
            "men",
            "ett",
            "om",
            "hade",
            "de",
            "av",
            "mig",
            "du",
            "henne",
            "då",
            "sin",
            "nu",
            "har",
            "hans",
            "honom",
            "skulle",
            "hennes",
            "där",
            "min",
            "man",
            "vid",
            "kunde",
            "något",
            "från",
            "ut",
            "när",
            "efter",
            "upp",
            "vi",
            "dem",
            "vara",
            "vad",
            "över",
            "än",
            "dig",
            "kan",
            "sina",
            "här",
            "ha",
            "mot",
            "alla",
            "under",
            "någon",
            "eller",
            "allt",
            "mycket",
            "sedan",
            "ju",
            "denna",
            "själv",
            "detta",
            "åt",
            "varit",
            "hur",
            "mitt",
            "ni",
            "bli",
            "blev",
            "oss",
            "din",
            "dessa",
            "några",
            "deras",
            "blir",
            "mina",
            "samma",
            "vilken",
            "er",
            "sådan",
            "vår",
            "blivit",
            "dess",
            "inom",
            "mellan",
            "sådant",
            "varför",
            "varje",
            "vilka",
            "ditt",
            "vem",
            "vilket",
            "sitta",
            "sådana",
            "vart",
            "dina",
            "vars",
            "vårt",
            "våra",
            "ert",
            "era",
            "vilkas",
            "ska",
            "finns",
            "också",
            "även",
            "väldigt",
            "ganska",
            "riktigt",
            "faktiskt",
            "tyvärr",
            "egentligen",
            "just",
            "helt",
            "alls",
            "generellt",
            "fortfarande",
            "både",
            "lite",
            "flesta",
        ]
    ),
    "en": frozenset(
        [
            "i",
            "me",
            "my",
            "myself",
            "we",
            "our",
            "ours",
            "ourselves",
            "you",
            "your",
            "yours",
            "he",
            "him",
            "his",
            "she",
            "her",
            "hers",
            "it",
            "its",
            "they",
            "them",
            "their",
            "theirs",
            "what",
            "which",
            "who",
            "whom",
            "this",
            "that",
            "these",
            "those",
            "am",
            "is",
            "are",
            "was",
            "were",
            "be",
            "been",
            "being",
            "have",
            "has",
            "had",
            "having",
            "do",
            "does",
            "did",
            "doing",
            "a",
            "an",
            "the",
            "and",
            "but",
            "if",
            "or",
            "because",
            "as",
            "until",
            "while",
            "of",
            "at",
            "by",
            "for",
            "with",
            "about",
            "against",
            "between",
            "into",
            "through",
            "during",
            "before",
            "after",
            "above",
            "below",
            "to",
            "from",
            "up",
            "down",
            "in",
            "out",
            "on",
            "off",
            "over",
            "under",
            "again",
            "further",
            "then",
            "once",
            "here",
            "there",
            "when",
            "where",
            "why",
            "how",
            "all",
            "any",
            "both",
            "each",
            "some",
            "such",
            "only",
            "own",
            "same",
            "so",
            "than",
            "too",
            "very",
            "s",
            "t",
            "can",
            "will",
            "just",
            "should",
            "now",
            "there",
            "really",
            "quite",
            "actually",
            "unfortunately",
            "generally",
            "also",
            "still",
        ]
    ),
}

# Words whose opposite, written in the other text only, makes a pair suspect like a negation.
OPPOSITES = (
    ("kvinna kvinnor kvinnorna kvinnlig kvinnliga kvinnodominerad kvinnodominerade",
     "män männen manlig manliga mansdominerad mansdominerade"),
    ("flicka flickor tjej tjejer", "pojke pojkar kille killar"),
    ("mamma mammor mödrar", "pappa pappor fäder"),
    ("hög höga högt högre", "låg låga lågt lägre"),
    ("bra god goda gott bättre", "dålig dåliga dåligt sämre"),
    ("fler flera många mer mera", "färre få mindre"),
    ("ökar ökat ökad ökade öka ökning", "minskar minskat minskad minskade minska minskning"),
    ("lätt lätta enkelt enkla enkel", "svårt svåra svår"),
    ("stor stora större", "liten lilla små"),
    ("lång långa långt längre", "kort korta kortare"),
    ("snabb snabba snabbt", "långsam långsamma långsamt"),
    ("stark starkt starka", "svag svagt svaga"),
    ("positiv positiva positivt", "negativ negativa negativt"),
    ("women woman female girls mothers", "men man male boys fathers"),
    ("good better easy easier", "poor bad worse hard harder difficult"),
    ("high higher more many increase increases increased",
     "low lower fewer less few decrease decreases decreased"),
    ("long longer", "short shorter"),
    ("stable strong", "uncertain weak"),
)  # fmt: skip
_SIDES: dict[str, frozenset[tuple[int, int]]] = {}
for _number, _pair in enumerate(OPPOSITES):
    for _side, _words in enumerate(_pair):
        for _word in _words.split():
            _SIDES[_word] = _SIDES.get(_word, frozenset()) | {(_number, _side)}


@lru_cache(maxsize=4)
def _stemmer(language: str) -> Any:
    import snowballstemmer

    stemmer = snowballstemmer.stemmer("swedish" if language == "sv" else "english")
    return lru_cache(maxsize=200_000)(stemmer.stemWord)


def language_of(texts: Sequence[str]) -> str:
    """ "en" when a bucket's function words are mostly English, else "sv"."""
    words = " ".join(texts[:2000]).split()
    english = sum(map(STOP_WORDS["en"].__contains__, words))
    swedish = sum(map(STOP_WORDS["sv"].__contains__, words))
    return "en" if english > swedish else "sv"


class Guard(NamedTuple):
    """What makes a pair suspect: the negation words of a text, the sides of OPPOSITES it has."""

    negations: tuple[str, ...]
    sides: frozenset[tuple[int, int]]


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def guard_of(text: str) -> Guard:
    words = text.split()
    sides = [_SIDES[word] for word in words if word in _SIDES]
    return Guard(
        tuple(filter(NEGATIONS.__contains__, words)),
        frozenset().union(*sides) if sides else frozenset(),
    )


def opposed(left: Guard, right: Guard) -> bool:
    """Whether one text has a word whose opposite only the other has."""
    only_left, only_right = left.sides - right.sides, right.sides - left.sides
    return any((number, 1 - side) in only_right for number, side in only_left)


def negation_differs(left: str, right: str) -> bool:
    """Whether exactly one of two normalised texts is negated (a typo of the word still counts)."""
    left_negations, right_negations = guard_of(left).negations, guard_of(right).negations
    if bool(left_negations) == bool(right_negations):
        return False
    negations, other = (
        (left_negations, right.split()) if left_negations else (right_negations, left.split())
    )
    from rapidfuzz import fuzz

    return not any(fuzz.ratio(word, token) >= 80 for word in negations for token in other)


Signature = tuple[bool, frozenset[tuple[int, int]]]


def signature(text: str) -> Signature:
    """Whether a normalised text is negated, and the sides of OPPOSITES it has."""
    guard = guard_of(text)
    return bool(guard.negations), guard.sides


@lru_cache(maxsize=4096)
def suspect(left: Signature, right: Signature) -> bool:
    """Whether two texts of these signatures lose ``GUARD_PENALTY`` (typos of a negation word
    aside, which only ``guarded`` reads)."""
    return left[0] != right[0] or opposed(Guard((), left[1]), Guard((), right[1]))


def guarded(left: str, right: str) -> bool:
    """Whether a pair loses ``GUARD_PENALTY``: one side negated, or opposite words."""
    return negation_differs(left, right) or opposed(guard_of(left), guard_of(right))


NEGATION = "¬"  # the feature of every negation: "saknar", "ingen", "inte" say one thing
NOT = "inte"  # how the guard reads a negating prefix
# Prefixes that negate a word of the bucket: "otillgänglig" is "inte tillgänglig", "unclear"
# is "not clear" (only when the rest is a word of the bucket too, and at least NEGATED_REST long).
NEGATING_PREFIXES = {"sv": ("o",), "en": ("un",)}
NEGATED_REST = 5
# Endings Snowball leaves on a stem: the neuter definite "-et" ("stödet", "språket") and the
# plural or definite "-a" of short adjectives ("nya"); a stem read as the bucket's shorter stem.
ENDINGS = {"sv": ("et", "a"), "en": ()}
# The joints of a Swedish compound (fogemorfem): "handledarutbildning" is "handledare" +
# "utbildning", "kvinnofrid" "kvinna" + "frid", "jämställdhetsplan" "jämställdhet" + "plan".
JOINTS = {"sv": (("s", ""), ("", "e"), ("", "a"), ("o", "a"), ("u", "a"), ("e", "")), "en": ()}


def _heads(head: str, language: str) -> list[str]:
    """The words a compound's first part may be written for: itself, or through a joint."""
    found = [head]
    for joint, ending in JOINTS[language]:
        if head.endswith(joint) and (joint or ending):
            found.append(head[: len(head) - len(joint)] + ending)
    return found


def _shorter(stem_df: Counter[str], endings: tuple[str, ...]) -> dict[str, str]:
    """Stems read as a shorter stem of the bucket: the same stem with one of ``endings``."""
    shorter = {}
    for stem in stem_df:
        for ending in endings:
            short = stem[: -len(ending)]
            if stem.endswith(ending) and len(short) >= 2 and short in stem_df:
                shorter[stem] = short
                break
    return shorter


def _negated(word_df: Counter[str], known: set[str], prefixes: tuple[str, ...]) -> dict[str, str]:
    """Words with a negating prefix whose rest is a word of the bucket: word -> the rest."""
    return {
        word: word[len(prefix) :]
        for word in word_df
        for prefix in prefixes
        if word.startswith(prefix)
        and len(word) - len(prefix) >= NEGATED_REST
        and word[len(prefix) :] in known
    }


def dot(short: dict[int, float], other: dict[int, float]) -> float:
    """The dot product of two sparse vectors, the products added one after the other in the
    order of ``short``'s features (``sum`` of Python 3.12 compensates, numpy's scorer adds in
    order: both paths add alike)."""
    return reduce(add, map(mul, short.values(), map(other.get, short, repeat(0.0))), 0.0)


class Model:
    """The texts of a bucket as weighted features: stems, with typos, inflections, compounds and
    negations read against the bucket's own words, each weighing its IDF in the bucket; one unit
    vector per text."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.texts = texts
        self.language = language_of(texts)
        self.stop = STOP_WORDS[self.language]
        self.stem = _stemmer(self.language)
        words = [[w for w in text.split() if w not in self.stop] for text in texts]
        word_df = Counter(chain.from_iterable(set(ws) for ws in words))
        self.spelling = _spelling(word_df)
        stem_df: Counter[str] = Counter()
        for word, count in word_df.items():
            stem_df[self.stem(self.spelling.get(word, word))] += count
        self.shorter = _shorter(stem_df, ENDINGS[self.language])
        self.stem_df: Counter[str] = Counter()
        for stem, count in stem_df.items():
            self.stem_df[self.shorter.get(stem, stem)] += count
        self.known = set(self.stem_df) | set(word_df)
        self.negated = _negated(word_df, self.known, NEGATING_PREFIXES[self.language])
        parts = {word: self._parts(word) for word in word_df}
        # A stem left with an ending reads as a shorter stem any word or compound part gave:
        # "språket" is "språk" of "språkstöd".
        fold = _shorter(Counter(chain.from_iterable(parts.values())), ENDINGS[self.language])
        self.parts = {w: tuple(fold.get(f, f) for f in fs) for w, fs in parts.items()}
        features = [[f for w in ws for f in self.parts[w]] for ws in words]
        df = Counter(chain.from_iterable(set(fs) for fs in features))
        self.ids = {feature: number for number, feature in enumerate(sorted(df))}
        count = len(texts)
        self.weight = {f: math.log((count + 1) / (n + 1)) + 1.0 for f, n in df.items()}
        self.df = df
        self.vectors = [self._vector(fs) for fs in features]
        # What the guard reads: a negating prefix written out as a negation word.
        negated = self.negated
        self.guard_texts = [
            text
            if negated.keys().isdisjoint(text.split())
            else " ".join(f"{NOT} {negated[w]}" if w in negated else w for w in text.split())
            for text in texts
        ]
        self.signatures = [signature(text) for text in self.guard_texts]

    def _stem(self, word: str) -> str:
        stem = self.stem(word)
        return self.shorter.get(stem, stem)

    def _parts(self, word: str) -> tuple[str, ...]:
        """The features of one word: its stem, or the stems of a compound's two parts; a
        negation (or a negating prefix, "otillgänglig") is the one feature ``NEGATION``."""
        spelled = self.spelling.get(word, word)
        if spelled in NEGATIONS:
            return (NEGATION,)
        if spelled in self.negated:
            return (NEGATION, *self._parts(self.negated[spelled]))
        whole = self._stem(spelled)
        if len(spelled) >= 2 * COMPOUND_PART + 2:
            for cut in range(len(spelled) - COMPOUND_PART, COMPOUND_PART - 1, -1):
                head, tail = spelled[:cut], spelled[cut:]
                if not self._is_known(tail):
                    continue
                for part in _heads(head, self.language):
                    if len(part) < COMPOUND_PART or not self._is_known(part):
                        continue
                    # Split when a part is written alone at least as often as the whole
                    # (Koehn & Knight's product rule kept frequent compounds such as
                    # "jämställdhetsplan" whole: measured, it found fewer pairs).
                    if max(self._often(part), self._often(tail)) >= self.stem_df[whole]:
                        return (self._stem(part), self._stem(tail))
        return (whole,)

    def _often(self, part: str) -> int:
        """In how many texts a piece of a compound is written as a word (with any ending)."""
        return self.stem_df[self._stem(part)] + sum(
            self.stem_df[part + ending] for ending in ENDINGS[self.language]
        )

    def _is_known(self, part: str) -> bool:
        """Whether a piece of a compound is a word of the bucket, perhaps with an ending."""
        return (
            part in self.known
            or self._stem(part) in self.stem_df
            or any(part + ending in self.known for ending in ENDINGS[self.language])
        )

    def _vector(self, features: list[str]) -> dict[int, float]:
        ids, weight = self.ids, self.weight
        if len(set(features)) == len(features):  # most texts: each feature once
            vector = {ids[f]: weight[f] for f in features}
        else:
            counts: dict[str, int] = {}  # a plain dict: Counter() costs more for a few words
            for feature in features:
                counts[feature] = counts.get(feature, 0) + 1
            vector = {ids[f]: n * weight[f] for f, n in counts.items()}
        values = vector.values()
        norm = math.sqrt(sum(map(mul, values, values))) or 1.0
        return {f: vector[f] / norm for f in sorted(vector)}

    def keys(self) -> list[list[int]]:
        """Each text's features (ids), the keys blocking finds it under."""
        return [list(vector) for vector in self.vectors]

    def cosine(self, left: int, right: int) -> float:
        a, b = self.vectors[left], self.vectors[right]
        if len(b) < len(a):
            a, b = b, a
        return dot(a, b)

    def explain(self, left: int, right: int) -> list[tuple[str, str, float]]:
        """What a pair shares, most weight first: (word of left, word of right, share of the
        score in %). Two different words are a shared stem, compound part or typo."""
        a, b = self._origins(left), self._origins(right)
        va, vb = self.vectors[left], self.vectors[right]
        total = self.cosine(left, right) or 1.0
        shares: dict[tuple[str, str], float] = {}  # two parts of one compound: one line
        for feature in a:
            if feature in b:
                number = self.ids[feature]
                words = (a[feature], b[feature])
                shares[words] = shares.get(words, 0.0) + 100.0 * va[number] * vb[number] / total
        shared = [
            (left_word, right_word, share) for (left_word, right_word), share in shares.items()
        ]
        return sorted(shared, key=lambda s: (-s[2], s[0], s[1]))

    def _origins(self, index: int) -> dict[str, str]:
        """Feature -> the first word of a text that gave it."""
        origins: dict[str, str] = {}
        for word in self.texts[index].split():
            if word not in self.stop:
                for feature in self.parts[word]:
                    origins.setdefault(feature, word)
        return origins


def _spelling(word_df: Counter[str]) -> dict[str, str]:
    """Rarer words read as the more common word they are a typo of: same first two letters,
    rapidfuzz ``ratio`` ≥ ``TYPO_SIMILARITY``; each word maps to a word that maps to nothing."""
    by_start: dict[str, list[str]] = defaultdict(list)
    for word in sorted(word_df, key=lambda w: (-word_df[w], w)):
        if len(word) >= TYPO_LENGTH:
            by_start[word[:2]].append(word)
    spelling: dict[str, str] = {}
    for words in by_start.values():
        if len(words) < 2:
            continue
        for first, later in _alike(words):
            if words[later] not in spelling and words[first] not in spelling:
                spelling[words[later]] = words[first]
    return spelling


SMALL_WORDS = 300  # below this many words of one start, no numpy (a regional round's bucket)


def _alike(words: list[str]) -> list[tuple[int, int]]:
    """Index pairs (i < j, in order) of words with rapidfuzz ``ratio`` ≥ ``TYPO_SIMILARITY``."""
    from rapidfuzz import fuzz

    if len(words) < SMALL_WORDS:
        ratio = fuzz.ratio
        return [
            (i, j)
            for i, word in enumerate(words)
            for j in range(i + 1, len(words))
            if ratio(word, words[j], score_cutoff=TYPO_SIMILARITY)
        ]
    from rapidfuzz import process

    scores = process.cdist(words, words, scorer=fuzz.ratio, score_cutoff=TYPO_SIMILARITY, workers=1)
    return [(int(i), int(j)) for i, j in zip(*scores.nonzero(), strict=True) if i < j]


def candidate_pairs(
    texts: Sequence[str], rare: int = RARE_TOKENS, model: Model | None = None
) -> list[tuple[int, int]]:
    """Index pairs (i < j) of normalised texts worth scoring: they share one of their rarest
    features. Sorted, so the result does not depend on hashing."""
    left, right = _candidates((model or Model(texts)).keys(), rare)
    if not isinstance(left, list):
        left, right = left.tolist(), right.tolist()
    return list(zip(left, right, strict=True))


def similar_pairs(
    texts: Sequence[str], floor: float, rare: int = RARE_TOKENS, model: Model | None = None
) -> list[tuple[int, int, float]]:
    """Pairs (i < j, score) of normalised texts that score at least ``floor``, found by blocking;
    best first (then by i and j)."""
    model = model or Model(texts)
    left, right = _candidates(model.keys(), rare)
    return _score(model, left, right, floor)


def score_pairs(
    texts: Sequence[str],
    pairs: Sequence[tuple[int, int]],
    floor: float = 0.0,
    model: Model | None = None,
) -> list[tuple[int, int, float]]:
    """The score (0–100, less ``GUARD_PENALTY`` for a negation or opposite on one side only) of
    each pair of normalised texts, best first; pairs scoring below ``floor`` are left out."""
    if not pairs:
        return []
    model = model or Model(texts)
    if len(pairs) < SMALL_PAIRS:
        return _score(model, [i for i, _ in pairs], [j for _, j in pairs], floor)
    import numpy as np

    indexes = np.asarray(pairs, dtype=np.int64)
    return _score(model, indexes[:, 0], indexes[:, 1], floor)


# Scores are rounded to one decimal: a raw score this far below the floor may still reach it.
ROUNDING = 0.05


# Below this many candidate pairs, blocking and scoring run in plain Python (numpy is not
# imported); above it, with numpy arrays. Both give the same pairs and the same scores.
SMALL_PAIRS = 20_000


# Below this many texts, blocking picks each text's rarest keys in plain Python (and numpy is
# not imported unless the pairs are many); above it, with numpy arrays. The same pairs.
SMALL_TEXTS = 2_000


def _candidates(keys: list[list[int]], rare: int) -> tuple[Any, Any]:
    """Sorted, distinct index pairs of texts sharing a rare key, as two lists or numpy arrays."""
    if len(keys) >= SMALL_TEXTS:
        return _pairs_within(*_postings_arrays(keys, rare), len(keys))
    frequency = Counter(chain.from_iterable(keys))
    postings: dict[int, list[int]] = defaultdict(list)
    for index, text_keys in enumerate(keys):
        # A key no other text has cannot pair this text with anything: skip it, or a typo
        # (a word only this text has) would use up one of its few chances.
        shared = sorted(k for k in text_keys if frequency[k] > 1)
        for key in sorted(shared, key=frequency.__getitem__)[:rare]:  # rarest first, stable
            postings[key].append(index)
    if sum(len(m) * (len(m) - 1) // 2 for m in postings.values()) < SMALL_PAIRS:
        # A regional round: plain Python, and no numpy to import (≈ 70 ms).
        pairs = sorted(
            {
                (left, right)
                for m in postings.values()
                for k, left in enumerate(m)
                for right in m[k + 1 :]
            }
        )
        return [i for i, _ in pairs], [j for _, j in pairs]
    import numpy as np

    lists = list(postings.values())
    sizes = np.fromiter(map(len, lists), dtype=np.int64, count=len(lists))
    members = np.fromiter(chain.from_iterable(lists), dtype=np.int64, count=int(sizes.sum()))
    return _pairs_within(sizes, members, len(keys))


def _postings_arrays(keys: list[list[int]], rare: int) -> tuple[Any, Any]:
    """The posting lists of ``_candidates`` as numpy arrays: their sizes, and their members one
    list after the other (each list's texts in order)."""
    import numpy as np

    sizes = np.fromiter(map(len, keys), dtype=np.int64, count=len(keys))
    flat = np.fromiter(chain.from_iterable(keys), dtype=np.int64, count=int(sizes.sum()))
    owner = np.repeat(np.arange(len(keys), dtype=np.int64), sizes)
    frequency = np.bincount(flat)[flat] if len(flat) else flat
    shared = np.flatnonzero(frequency > 1)
    flat, owner, frequency = flat[shared], owner[shared], frequency[shared]
    # Each text's keys rarest first (then by key), and its first ``rare`` of them.
    order = np.lexsort((flat, frequency, owner))
    flat, owner = flat[order], owner[order]
    chosen = np.arange(len(owner)) - np.searchsorted(owner, owner) < rare
    flat, owner = flat[chosen], owner[chosen]
    order = np.lexsort((owner, flat))
    flat, owner = flat[order], owner[order]
    starts = np.flatnonzero(np.concatenate(([True], flat[1:] != flat[:-1])))
    return np.diff(np.append(starts, len(flat))), owner


def _pairs_within(sizes: Any, members: Any, count: int) -> tuple[Any, Any]:
    """Sorted distinct pairs (i < j, as two numpy arrays) of texts within each posting list
    (``sizes`` and ``members`` as ``_postings_arrays`` gives them)."""
    import numpy as np

    # Each member pairs with those after it in its list; a pair is coded as i × n + j so that
    # duplicates (texts sharing several keys) fall out in one sort.
    position = np.arange(len(members), dtype=np.int64)
    later = np.repeat(np.cumsum(sizes), sizes) - position - 1
    other = np.arange(int(later.sum()), dtype=np.int64)  # in place below: pairs are many
    other += np.repeat(position + 1 - (np.cumsum(later) - later), later)
    codes = np.repeat(members, later)
    codes *= count
    codes += members[other]
    del other
    unique = _distinct(codes)
    del codes
    return unique // count, unique % count


def _distinct(values: Any) -> Any:
    """Sorted distinct values of an integer array (``np.unique`` hashes, which is slower here)."""
    import numpy as np

    values = np.sort(values)
    if len(values) < 2:
        return values
    keep = np.empty(len(values), dtype=bool)
    keep[0] = True
    np.not_equal(values[1:], values[:-1], out=keep[1:])
    return values[keep]


def _score(model: Model, left: Any, right: Any, floor: float) -> list[tuple[int, int, float]]:
    """Score index pairs (lists or numpy arrays); keep those reaching ``floor``, best first."""
    if not len(left):
        return []
    if not isinstance(left, list):
        return _score_arrays(model, left, right, floor)
    raw = [100.0 * model.cosine(i, j) for i, j in zip(left, right, strict=True)]
    guards, signatures = model.guard_texts, model.signatures
    result = []
    for i, j, score in zip(left, right, raw, strict=True):
        if score < floor - ROUNDING:
            continue
        # Texts of one signature (most pairs) never lose the penalty: no need to look closer.
        if signatures[i] != signatures[j] and guarded(guards[i], guards[j]):
            score = max(0.0, score - GUARD_PENALTY)
        rounded = round(min(score, 100.0), 1)
        if rounded >= floor:
            result.append((i, j, rounded))
    result.sort(key=lambda pair: (-pair[2], pair[0], pair[1]))
    return result


def _score_arrays(
    model: Model, left: Any, right: Any, floor: float
) -> list[tuple[int, int, float]]:
    """``_score`` of numpy arrays of pairs, the same arithmetic on arrays: the same scores to
    the last bit, in the same order."""
    import numpy as np

    score = _cosines(model, left, right)
    near = np.flatnonzero(score >= floor - ROUNDING)
    left, right, score = left[near], right[near], score[near]
    # Only pairs of texts with different signatures can lose the penalty; of those, a pair whose
    # texts are both negated or both not is judged by its signatures alone (``suspect``).
    signatures = model.signatures
    kinds = {s: k for k, s in enumerate(dict.fromkeys(signatures))}
    kind = np.fromiter(map(kinds.__getitem__, signatures), dtype=np.int64, count=len(signatures))
    differ = np.flatnonzero(kind[left] != kind[right])
    guards = model.guard_texts
    penalised = [
        k
        for k, i, j in zip(
            differ.tolist(), left[differ].tolist(), right[differ].tolist(), strict=True
        )
        if (
            suspect(signatures[i], signatures[j])
            if signatures[i][0] == signatures[j][0]
            else guarded(guards[i], guards[j])
        )
    ]
    score[penalised] = np.maximum(0.0, score[penalised] - GUARD_PENALTY)
    rounded = _round_tenths(np.minimum(score, 100.0))
    keep = np.flatnonzero(rounded >= floor)
    left, right, rounded = left[keep], right[keep], rounded[keep]
    order = np.lexsort((right, left, -rounded))
    return list(
        zip(left[order].tolist(), right[order].tolist(), rounded[order].tolist(), strict=True)
    )


def _round_tenths(values: Any) -> Any:
    """``round(value, 1)`` of each non-negative value of a numpy array, to the last bit: the
    nearest tenth, found with ``rint`` where the value is not within a hair of a tie, and by
    ``round`` itself where it is (it rounds the exact binary value, ``rint`` ten times it)."""
    import numpy as np

    tenths = values * 10.0
    rounded = np.rint(tenths) / 10.0
    ties = np.flatnonzero(np.abs(tenths - np.floor(tenths) - 0.5) < 1e-6)
    rounded[ties] = [round(value, 1) for value in values[ties].tolist()]
    return rounded


# Memory: a slice of pairs holds about this many left features in each of its arrays; the
# table of the right texts' features (``_Table``) at most ``TABLE_CELLS`` cells.
SLICE_FEATURES = 100_000
TABLE_CELLS = 1 << 24


def _cosines(model: Model, left: Any, right: Any) -> Any:
    """100 × the cosine of each index pair (numpy arrays), summed as ``Model.cosine`` sums:
    the products of the shared features in the order of the features, one after the other."""
    import numpy as np

    table = _Table(model)
    # Pairs by block of right texts (those whose rows of the feature table fit at once), then
    # by the left text's number of features (each slice one rectangle of features): one sort
    # of one key, and only the sorted positions and the scores kept (a pair array each).
    rows = max(1, TABLE_CELLS // table.width)
    kinds = table.longest + 1
    key = right // rows * kinds + table.sizes[left]
    counts = np.bincount(key)
    order = np.argsort(key, kind="stable")
    del key
    ends = np.cumsum(counts).tolist()
    score = np.zeros(len(left), dtype=np.float64)
    ranks, first = None, -1
    for kind in np.flatnonzero(counts).tolist():
        block, size = divmod(kind, kinds)
        if size == 0:
            continue  # a left text of no features: 0
        if block * rows != first:
            first = block * rows
            ranks = table.ranks(first, first + rows)
        step = max(1, SLICE_FEATURES // size)
        for begin in range(ends[kind] - int(counts[kind]), ends[kind], step):
            pairs = order[begin : min(begin + step, ends[kind])]
            score[pairs] = table.dot(left[pairs], right[pairs], size, ranks, first)
    score *= 100.0
    return score


class _Table:
    """The features of a model's texts as numpy arrays: per text its feature ids and weights in
    order, padded (features with the id of no feature, weights with 0.0) to the longest text."""

    def __init__(self, model: Model) -> None:
        import numpy as np

        vectors = model.vectors
        self.sizes = np.fromiter(map(len, vectors), dtype=np.int64, count=len(vectors))
        total = int(self.sizes.sum())
        self.longest = int(self.sizes.max()) if len(vectors) else 0
        self.width = len(model.ids) + 1  # the last id: no feature
        self.owner = np.repeat(np.arange(len(vectors), dtype=np.int64), self.sizes)
        self.column = np.arange(total, dtype=np.int64) - np.repeat(
            np.cumsum(self.sizes) - self.sizes, self.sizes
        )
        self.flat = np.fromiter(chain.from_iterable(vectors), dtype=np.int64, count=total)
        self.features = np.full((len(vectors), self.longest), self.width - 1, dtype=np.int64)
        self.features[self.owner, self.column] = self.flat
        # One more column of 0.0: the weight of a feature a text does not have.
        self.weights = np.zeros((len(vectors), self.longest + 1), dtype=np.float64)
        self.weights[self.owner, self.column] = np.fromiter(
            chain.from_iterable(v.values() for v in vectors), dtype=np.float64, count=total
        )

    def ranks(self, first: int, stop: int) -> Any:
        """For texts ``first`` to ``stop``: the column of each feature id in the text's row
        (``longest``, the column of 0.0, for the features it does not have)."""
        import numpy as np

        kind = np.uint8 if self.longest < 255 else np.int64
        ranks = np.full((min(stop, len(self.sizes)) - first, self.width), self.longest, dtype=kind)
        lo, hi = np.searchsorted(self.owner, [first, stop])
        ranks[self.owner[lo:hi] - first, self.flat[lo:hi]] = self.column[lo:hi]
        return ranks

    def dot(self, left: Any, right: Any, size: int, ranks: Any, first: int) -> Any:
        """The dot products of pairs whose left texts have ``size`` features, summed from the
        first feature to the last (a pairwise sum of numpy's would add them in another order)."""
        import numpy as np

        # Flat indexes (``take``) cost less than numpy's two-dimensional fancy indexing.
        features = self.features[left, :size]
        found = np.take(ranks, ((right - first) * self.width)[:, None] + features)
        columns = self.longest + 1
        mine = np.take(self.weights, (left * columns)[:, None] + np.arange(size))
        theirs = np.take(self.weights, (right * columns)[:, None] + found)
        products = mine * theirs
        total = products[:, 0].copy()
        for column in range(1, size):
            total += products[:, column]
        return total


def similarity(left: str, right: str) -> float:
    """The score of two raw texts, as grouping computes it when they are a bucket's only two."""
    scored = score_pairs([normalise(left), normalise(right)], [(0, 1)])
    return scored[0][2]
