"""Grouping near-duplicates: what is merged, what is kept apart, and that it is deterministic."""

from __future__ import annotations

import random

import pytest

from swot.analysis.grouping import match_texts, merge_entries
from swot.analysis.similarity import DEFAULT_SIMILARITY, candidate_pairs, score_pairs
from swot.models import Entry
from swot.texts import normalise
from swot.vocabulary import Quadrant


def entry(text: str, unit: str = "hoganas", importance: int | None = 3, **extra: object) -> Entry:
    fields: dict = {
        "theme": "accessibility",
        "quadrant": Quadrant.WEAKNESSES,
        "text": text,
        "importance": importance,
        "unit": unit,
        "round": "baseline",
        "line": 1,
    }
    fields.update(extra)
    return Entry(**fields)


def grouped(left: str, right: str) -> bool:
    items = merge_entries([entry(left, "hoganas"), entry(right, "bjuv")])
    return len(items) == 1


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Hörslinga saknas", "Hörslinga sakas"),  # typo
        ("Vi har en jämställdhetsplan men genomför inga aktiviteter",
         "Jämställdhetsplanen finns men inga aktiviteter genomförs"),  # word order
        ("Okunskap om NPF", "okunskap om npf"),  # case
        ("Lokalerna är inte tillgängliga.", "Lokalerna är inte tillgängliga!"),  # punctuation
        ("Trappor och   ingen hiss", "Trappor och ingen hiss"),  # whitespace
        ("Tillga\u0308ngliga lokaler saknas", "Tillgängliga lokaler saknas"),  # NFD vs NFC
        ("Vi vet för lite om adhd och autism", "Vi vet för lite om adhd autism"),  # a missing 'och'
        ("Engagerade handledare", "Våra handledare är väldigt engagerade"),  # filler words
        ("Jämställdhetsplanen följs inte upp", "Planen för jämställdhet följs inte upp"),  # compound
        ("Handledarna saknar kunskap om NPF", "Handledare saknar kunskap om npf"),  # inflection
        ("Handledarutbildning behövs", "Utbildning för handledare behövs"),  # a compound's joint
        ("Språkstödet är för litet", "Stödet i språket är för litet"),  # -et Snowball leaves
        ("Lokalerna är otillgängliga", "Lokalerna är inte tillgängliga"),  # a negating prefix
        ("Vi saknar könsuppdelad statistik", "Ingen könsuppdelad statistik"),  # negation words
    ],
)  # fmt: skip
def test_near_duplicates_are_grouped(left: str, right: str) -> None:
    assert grouped(left, right)


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Lokalerna är inte tillgängliga", "Webbplatsen är inte tillgänglig"),
        ("Ingen har gått utbildning i jämställdhetsintegrering",
         "Vi har fått utbildning i jämställdhetsintegrering"),  # a statement and its negation
        ("All personal har gått utbildning i jämställdhetsintegrering",
         "Vi har fått utbildning i jämställdhetsintegrering"),
        ("Lokalerna är otillgängliga", "Lokalerna är tillgängliga"),  # a negating prefix
        ("Otydliga rutiner för anpassningar", "Tydliga rutiner för anpassningar"),
    ],
)  # fmt: skip
def test_different_meanings_with_shared_words_stay_apart(left: str, right: str) -> None:
    assert not grouped(left, right)


def test_groups_only_within_the_same_theme_and_quadrant() -> None:
    items = merge_entries(
        [
            entry("Okunskap om NPF"),
            entry("Okunskap om NPF", quadrant=Quadrant.THREATS),
            entry("Okunskap om NPF", theme="equality"),
        ]
    )
    assert len(items) == 3


def test_merged_item_keeps_every_entry_with_its_unit() -> None:
    items = merge_entries(
        [
            entry("Okunskap om NPF", "lund"),
            entry("okunskap om npf.", "bjuv"),
            entry("Okunskap om NPF", "bjuv"),
        ]
    )
    (item,) = items
    assert [e.unit for e in item.entries] == ["bjuv", "bjuv", "lund"]
    assert (item.units, item.breadth, item.mentions) == (["bjuv", "lund"], 2, 3)


def test_representative_is_the_most_common_wording() -> None:
    items = merge_entries(
        [entry("Hörslinga sakas"), entry("Hörslinga saknas"), entry("hörslinga saknas", "bjuv")]
    )
    assert items[0].text == "Hörslinga saknas"


def test_representative_prefers_the_correctly_spelled_of_two_equally_common_wordings() -> None:
    items = merge_entries(
        [
            entry("jämställdhetsplnen är inte känd", "lund"),
            entry("Jämställdhetsplanen är inte känd", "bjuv"),
            entry("Jämställdhetsplanen ligger i en pärm", "bjuv"),
        ]
    )
    assert "Jämställdhetsplanen är inte känd" in [i.text for i in items]


def test_mean_importance_ignores_entries_without_one() -> None:
    (item,) = merge_entries(
        [entry("A text here", importance=4), entry("A text here", importance=None)]
    )
    assert item.mean_importance == 4.0


def test_keys_and_order_do_not_depend_on_input_order() -> None:
    entries = [entry(f"Brist på {word} i lokalerna", unit) for word in ("ramp", "hiss", "rampar")
               for unit in ("lund", "bjuv")]  # fmt: skip
    first = merge_entries(entries)
    shuffled = entries[:]
    random.Random(4).shuffle(shuffled)
    second = merge_entries(shuffled)
    assert [(i.key, i.text, [e.unit for e in i.entries]) for i in first] == [
        (i.key, i.text, [e.unit for e in i.entries]) for i in second
    ]


def test_default_similarity_is_the_documented_85() -> None:
    assert DEFAULT_SIMILARITY == 85.0


def test_a_lower_similarity_merges_more() -> None:
    pair = [entry("Saknar statistik på kön"), entry("Vi saknar könsuppdelad statistik", "bjuv")]
    assert len(merge_entries(pair)) == 2
    assert len(merge_entries(pair, similarity=50)) == 1


def test_normalise_folds_case_punctuation_whitespace_and_controls() -> None:
    assert normalise("  Okunskap\tom\u0000 NPF!!  ") == "okunskap om npf"


def test_blocking_finds_every_pair_that_all_pairs_scoring_finds() -> None:
    rng = random.Random(7)
    base = [
        "Lokalerna är inte tillgängliga för rullstol",
        "Vi saknar information på lättläst svenska",
        "Handledarna har för lite kunskap om NPF",
        "Budgeten för anpassningar minskar nästa år",
        "Hörslingan i mötesrummet fungerar inte",
    ]
    texts = []
    for sentence in base:
        for _ in range(6):
            chars = list(sentence)
            position = rng.randrange(len(chars))
            chars[position] = rng.choice("aeiounrst")
            texts.append(normalise("".join(chars)))
    everything = [(i, j) for i in range(len(texts)) for j in range(i + 1, len(texts))]
    truth = {(i, j) for i, j, s in score_pairs(texts, everything) if s >= DEFAULT_SIMILARITY}
    found = {
        (i, j) for i, j, s in score_pairs(texts, candidate_pairs(texts)) if s >= DEFAULT_SIMILARITY
    }
    assert truth and truth <= found


def test_match_texts_pairs_each_index_once_best_first() -> None:
    left = ["Hörslinga saknas", "Okunskap om NPF", "Budgeten minskar"]
    right = ["okunskap om npf", "Hörslinga sakas", "Hörslingan saknas", "Något helt annat"]
    matches = match_texts(left, right)
    # "Hörslinga sakas" is read as a typo of "Hörslinga saknas": both score 100 with it.
    assert {(i, j) for i, j, _ in matches} in ({(1, 0), (0, 2)}, {(1, 0), (0, 1)})
    assert [score for _, _, score in matches] == sorted((s for _, _, s in matches), reverse=True)
    assert matches[0][2] == 100.0
    assert len({j for _, j, _ in matches}) == len(matches)


def test_match_texts_leaves_dissimilar_texts_unmatched() -> None:
    assert match_texts(["Budgeten minskar"], ["Trappor och ingen hiss"]) == []


def test_a_chain_of_similar_pairs_is_split_where_its_ends_differ() -> None:
    texts = [
        "Brist på tolk och hörslinga",
        "Brist på tolk, hörslinga och ramp",
        "Brist på ramp och hörslinga",
        "Brist på ramp",
    ]
    normalised = [normalise(t) for t in texts]
    links = {(i, j): s for i, j, s in score_pairs(normalised, [(0, 1), (1, 2), (2, 3), (0, 3)])}
    # Each link of the chain reaches the threshold; its two ends share little.
    threshold = 78.0
    assert min(links[(0, 1)], links[(1, 2)], links[(2, 3)]) >= threshold
    assert links[(0, 3)] < threshold / 2
    bucket = [entry(text, unit) for text, unit in zip(texts, "abcd", strict=True)]
    items = merge_entries(bucket, similarity=threshold)
    groups = sorted(sorted(e.text for e in item.entries) for item in items)
    assert groups == sorted([sorted(texts[:2]), sorted(texts[2:])])


def test_a_changed_scorer_changes_every_cache_key() -> None:
    from swot.analysis import grouping

    bucket = grouping._Bucket("equality", Quadrant.WEAKNESSES, [entry("Okunskap om NPF")], [])
    before = (bucket.key(78.0), bucket.texts_key(78.0))
    original = grouping.SCORER_VERSION
    try:
        grouping.SCORER_VERSION = "another scorer"
        after = (bucket.key(78.0), bucket.texts_key(78.0))
    finally:
        grouping.SCORER_VERSION = original
    assert before[0] != after[0] and before[1] != after[1]
