"""merges.yaml: decisions a person made are followed on every run, and stale ones reported."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from swot.analysis.grouping import merge_entries, review_pairs
from swot.errors import DataError
from swot.files.decisions import APART, JOIN, MergeDecision, append_decisions, load_decisions
from swot.files.workshop import load_workshop
from swot.rounds.load import load_round
from swot.vocabulary import Quadrant

ENTRIES = """\
- theme: accessibility
  quadrant: weaknesses
  text: Okunskap om NPF
  importance: 4
- theme: accessibility
  quadrant: weaknesses
  text: Bristande kunskap om neuropsykiatriska funktionsnedsättningar
  importance: 5
- theme: accessibility
  quadrant: weaknesses
  text: Hörslinga saknas
- theme: accessibility
  quadrant: weaknesses
  text: Hörslinga sakas
"""


@pytest.fixture
def workshop(make_workshop: Callable[..., Path]) -> Path:
    return make_workshop({"baseline/hoganas": ENTRIES})


def merged(folder: Path) -> list[list[str]]:
    loaded = load_workshop(folder)
    decisions = load_decisions(loaded)
    items = merge_entries(load_round(loaded, "baseline").entries, decisions=decisions)
    return sorted(sorted(e.text for e in item.entries) for item in items)


def test_without_merges_yaml_similar_texts_merge_and_different_ones_do_not(workshop: Path) -> None:
    assert merged(workshop) == [
        ["Bristande kunskap om neuropsykiatriska funktionsnedsättningar"],
        ["Hörslinga sakas", "Hörslinga saknas"],
        ["Okunskap om NPF"],
    ]


def test_join_decision_merges_texts_that_are_not_alike(workshop: Path) -> None:
    (workshop / "merges.yaml").write_text(
        "- beslut: slå ihop\n  tema: tillgänglighet\n  kvadrant: svagheter\n  texter:\n"
        "    - okunskap om npf\n"
        "    - Bristande kunskap om neuropsykiatriska funktionsnedsättningar.\n",
        encoding="utf-8",
    )
    assert [
        "Bristande kunskap om neuropsykiatriska funktionsnedsättningar",
        "Okunskap om NPF",
    ] in merged(workshop)


def test_typo_of_a_decided_text_joins_the_decided_group(
    make_workshop: Callable[..., Path],
) -> None:
    # The decided texts share few words: were the decided group one cluster of the average
    # linkage, the typo's average similarity to it would stay far below the threshold.
    typo = "- theme: accessibility\n  quadrant: weaknesses\n  text: {}\n"
    folder = make_workshop(
        {
            "baseline/hoganas": ENTRIES
            + typo.format("Vi vet för lite om adhd och autism")
            + typo.format("Bristande kunskap om neuropsykiatriska funktionsnedsättingar")
        }
    )
    (folder / "merges.yaml").write_text(
        "- beslut: slå ihop\n  tema: tillgänglighet\n  kvadrant: svagheter\n  texter:\n"
        "    - Okunskap om NPF\n    - Vi vet för lite om adhd och autism\n"
        "    - Bristande kunskap om neuropsykiatriska funktionsnedsättningar\n",
        encoding="utf-8",
    )
    assert [
        "Bristande kunskap om neuropsykiatriska funktionsnedsättingar",
        "Bristande kunskap om neuropsykiatriska funktionsnedsättningar",
        "Okunskap om NPF",
        "Vi vet för lite om adhd och autism",
    ] in merged(folder)


def test_apart_decision_keeps_similar_texts_apart(workshop: Path) -> None:
    (workshop / "merges.yaml").write_text(
        "- decision: apart\n  theme: accessibility\n  quadrant: weaknesses\n  texts:\n"
        "    - Hörslinga saknas\n    - Hörslinga sakas\n",
        encoding="utf-8",
    )
    assert ["Hörslinga saknas"] in merged(workshop)
    assert ["Hörslinga sakas"] in merged(workshop)


def test_wording_decision_sets_the_text_of_the_group(workshop: Path) -> None:
    (workshop / "merges.yaml").write_text(
        "- decision: wording\n  theme: accessibility\n  quadrant: weaknesses\n"
        "  text: hörslinga sakas\n  wording: Hörslinga saknas i mötesrummen\n",
        encoding="utf-8",
    )
    loaded = load_workshop(workshop)
    items = merge_entries(load_round(loaded, "baseline").entries, decisions=load_decisions(loaded))
    assert "Hörslinga saknas i mötesrummen" in [i.text for i in items]


def test_decision_that_matches_no_entry_is_reported_with_its_line(workshop: Path) -> None:
    (workshop / "merges.yaml").write_text(
        "# reviewed 2025-11-13\n"
        "- decision: join\n  theme: accessibility\n  quadrant: weaknesses\n  texts:\n"
        "    - Ett borttaget påstående\n    - Ett annat borttaget\n",
        encoding="utf-8",
    )
    loaded = load_workshop(workshop)
    warnings = load_decisions(loaded).unmatched(
        load_round(loaded, "baseline").entries, "baseline", "en"
    )
    assert [w.format() for w in warnings] == [
        f"{workshop / 'merges.yaml'}:2: this decision matches no entry of round 'baseline' any "
        "more\n  → the texts may have been changed or removed; update the texts or delete the "
        "decision"
    ]


def test_broken_merges_yaml_names_file_line_and_fix(workshop: Path) -> None:
    (workshop / "merges.yaml").write_text(
        "- decision: joinn\n  theme: accessibility\n  quadrant: weaknesses\n  texts: [a, b]\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError) as raised:
        load_decisions(load_workshop(workshop))
    assert raised.value.format() == (
        f"{workshop / 'merges.yaml'}:1:13: decision 1 → decision: 'joinn' is not a decision; "
        "did you mean "
        "'join'?\n  → use join, apart or wording (slå ihop, håll isär, formulering)"
    )


def test_join_with_one_text_is_an_error(workshop: Path) -> None:
    (workshop / "merges.yaml").write_text(
        "- decision: join\n  theme: accessibility\n  quadrant: weaknesses\n  texts:\n    - a\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError) as raised:
        load_decisions(load_workshop(workshop))
    assert "'join' needs at least two texts, found 1" in raised.value.format()


def test_appended_decisions_read_back_and_keep_what_a_person_wrote(workshop: Path) -> None:
    path = workshop / "merges.yaml"
    path.write_text("# written by hand: keep me\n", encoding="utf-8")
    loaded = load_workshop(workshop)
    decision = MergeDecision(
        APART, "accessibility", Quadrant.WEAKNESSES, ("Hörslinga saknas", "Hörslinga sakas")
    )
    append_decisions(loaded, [decision], "sv")
    assert path.read_text(encoding="utf-8").startswith(
        "# written by hand: keep me\n- beslut: håll isär\n"
    )
    (read,) = load_decisions(loaded).decisions
    assert (read.kind, read.texts) == (APART, decision.texts)


def test_review_offers_pairs_near_the_threshold_and_skips_decided_ones(
    make_workshop: Callable[..., Path],
) -> None:
    folder = make_workshop(
        {
            "baseline/hoganas": "- theme: equality\n  quadrant: weaknesses\n"
            "  text: Saknar statistik på kön\n"
            "- theme: equality\n  quadrant: weaknesses\n  text: Vi saknar könsuppdelad statistik\n"
        }
    )
    loaded = load_workshop(folder)
    entries = load_round(loaded, "baseline").entries
    (pair,) = review_pairs(entries)
    assert (pair.score, pair.together) == (50.3, False)
    assert pair.reasons == ("saknar 50 %", "statistik 50 %")
    append_decisions(
        loaded,
        [MergeDecision(JOIN, "equality", Quadrant.WEAKNESSES, (pair.left, pair.right))],
        "en",
    )
    assert review_pairs(entries, decisions=load_decisions(loaded)) == []


def test_decision_for_a_need_gone_in_the_follow_up_is_not_reported_as_stale(
    make_workshop: Callable[..., Path],
) -> None:
    from swot.jobs.merge import merge_round

    folder = make_workshop(
        {
            "baseline/hoganas": ENTRIES,
            "followup/hoganas": "- theme: equality\n  quadrant: S\n  text: Bra\n",
        },
        rounds={"baseline": {"hoganas": 4}, "followup": {"hoganas": 4}},
    )
    (folder / "merges.yaml").write_text(
        "- decision: join\n  theme: accessibility\n  quadrant: weaknesses\n  texts:\n"
        "    - Okunskap om NPF\n    - Bristande kunskap om neuropsykiatriska funktionsnedsättningar\n"
        "- decision: join\n  theme: accessibility\n  quadrant: weaknesses\n  texts:\n"
        "    - Finns inte i någon omgång\n    - Inte heller den här\n",
        encoding="utf-8",
    )
    result = merge_round(load_workshop(folder), "followup", lang="en")
    stale = [w for w in result.warnings if w.code == "decision_unmatched"]
    assert [(w.line, w.message) for w in stale] == [
        (7, "this decision matches no entry of any round any more")
    ]
