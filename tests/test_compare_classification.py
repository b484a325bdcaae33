"""`compare_rounds`: items classified as resolved, new or persisting, with breadth and importance
change, on small hand-built rounds."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from swot.analysis.changes import BucketChange
from swot.errors import UsageError
from swot.files.workshop import load_workshop
from swot.jobs.compare import compare_rounds
from swot.vocabulary import Quadrant

ROUNDS = {"baseline": {"hoganas": 2, "bjuv": 2}, "followup": {"hoganas": 2, "bjuv": 2}}


def entry(text: str, importance: int | None = None, respondent: str = "r1", **keys: str) -> str:
    lines = [
        f"- theme: {keys.get('theme', 'equality')}",
        f"  quadrant: {keys.get('quadrant', 'weaknesses')}",
        f"  text: {text}",
        f"  respondent: {respondent}",
    ]
    if importance is not None:
        lines.append(f"  importance: {importance}")
    return "\n".join(lines) + "\n"


@pytest.fixture
def rounds(make_workshop: Callable[..., Path]) -> Path:
    """Baseline: A (both units), B, C. Follow-up: A reworded (one unit) and a new D."""
    return make_workshop(
        entries={
            "baseline/hoganas": entry("Ingen plan för jämställdhet", 4)
            + entry("Vi saknar utbildning i jämställdhet", 3),
            "baseline/bjuv": entry("Ingen plan för jämställdhet", 5)
            + entry("Könsstereotypa praktikplatser", 2),
            "followup/hoganas": entry("ingen plan för jämställdhet.", 3),
            "followup/bjuv": entry("Chefen prioriterar inte frågan", 4),
        },
        rounds=ROUNDS,
    )


def weaknesses(folder: Path, similarity: float | None = None) -> BucketChange:
    comparison = compare_rounds(
        load_workshop(folder), "baseline", "followup", similarity=similarity
    )
    return comparison.bucket("equality", Quadrant.WEAKNESSES)


def test_baseline_items_no_longer_raised_are_resolved(rounds: Path) -> None:
    bucket = weaknesses(rounds)
    assert [c.text for c in bucket.resolved] == [
        "Vi saknar utbildning i jämställdhet",
        "Könsstereotypa praktikplatser",
    ]


def test_items_only_in_the_followup_are_new(rounds: Path) -> None:
    assert [c.text for c in weaknesses(rounds).new] == ["Chefen prioriterar inte frågan"]


def test_items_in_both_rounds_persist_with_the_followup_wording(rounds: Path) -> None:
    [persisting] = weaknesses(rounds).persisting
    assert (persisting.text, persisting.earlier_text) == (
        "ingen plan för jämställdhet.",
        "Ingen plan för jämställdhet",
    )


def test_persisting_item_reports_breadth_change(rounds: Path) -> None:
    [persisting] = weaknesses(rounds).persisting
    assert persisting.before and persisting.after
    assert (persisting.before.breadth, persisting.after.breadth, persisting.breadth_change) == (
        2,
        1,
        -1,
    )


def test_persisting_item_reports_mean_importance_change(rounds: Path) -> None:
    [persisting] = weaknesses(rounds).persisting
    assert persisting.importance_change == pytest.approx(-1.5)  # 4.5 → 3.0


def test_importance_change_is_none_when_a_round_gave_no_importance(
    make_workshop: Callable[..., Path],
) -> None:
    folder = make_workshop(
        entries={
            "baseline/hoganas": entry("Ingen plan", 4),
            "followup/hoganas": entry("Ingen plan"),
        },
        rounds=ROUNDS,
    )
    [persisting] = weaknesses(folder).persisting
    assert persisting.importance_change is None


def test_counts_before_and_after_add_up(rounds: Path) -> None:
    bucket = weaknesses(rounds)
    assert (bucket.before, bucket.after, bucket.change) == (3, 2, -1)
    assert bucket.before == len(bucket.resolved) + len(bucket.persisting)
    assert bucket.after == len(bucket.new) + len(bucket.persisting)


def test_weaknesses_that_became_fewer_are_needs_that_decreased(rounds: Path) -> None:
    assert weaknesses(rounds).needs_decreased is True


def test_strengths_have_no_needs_verdict(rounds: Path) -> None:
    comparison = compare_rounds(load_workshop(rounds), "baseline", "followup")
    assert comparison.bucket("equality", Quadrant.STRENGTHS).needs_decreased is None


def test_items_are_matched_only_within_the_same_theme_and_quadrant(
    make_workshop: Callable[..., Path],
) -> None:
    folder = make_workshop(
        entries={
            "baseline/hoganas": entry("Ingen plan"),
            "followup/hoganas": entry("Ingen plan", quadrant="threats"),
        },
        rounds=ROUNDS,
    )
    comparison = compare_rounds(load_workshop(folder), "baseline", "followup")
    assert len(comparison.bucket("equality", Quadrant.WEAKNESSES).resolved) == 1
    assert len(comparison.bucket("equality", Quadrant.THREATS).new) == 1


def test_similarity_option_decides_what_counts_as_the_same_item(
    make_workshop: Callable[..., Path],
) -> None:
    folder = make_workshop(
        entries={
            "baseline/hoganas": entry(
                "Ingen plan för jämställdhet och mångfald i verksamheten på enheten"
            ),
            "followup/hoganas": entry(
                "Ingen skriven plan för jämställdhet och mångfald i verksamheten på enheten"
            ),  # scores 86.7: one more word, "skriven", beside six shared
        },
        rounds=ROUNDS,
    )
    assert len(weaknesses(folder).persisting) == 1
    assert len(weaknesses(folder, similarity=95).persisting) == 0


MERGES = """\
- decision: {kind}
  theme: equality
  quadrant: weaknesses
  texts:
    - {left}
    - {right}
"""


def test_a_join_decision_in_merges_yaml_matches_items_across_rounds(
    make_workshop: Callable[..., Path],
) -> None:
    folder = make_workshop(
        entries={
            "baseline/hoganas": entry("Lokalerna är otillgängliga"),
            "followup/hoganas": entry("Hissen saknas"),
        },
        rounds=ROUNDS,
    )
    (folder / "merges.yaml").write_text(
        MERGES.format(kind="join", left="Lokalerna är otillgängliga", right="Hissen saknas"),
        encoding="utf-8",
    )
    assert [c.text for c in weaknesses(folder).persisting] == ["Hissen saknas"]


def test_an_apart_decision_in_merges_yaml_keeps_similar_items_apart_across_rounds(
    make_workshop: Callable[..., Path],
) -> None:
    folder = make_workshop(
        entries={
            "baseline/hoganas": entry("Ingen plan för jämställdhet"),
            "followup/hoganas": entry("Ingen plan för jämstäldhet finns"),
        },
        rounds=ROUNDS,
    )
    (folder / "merges.yaml").write_text(
        MERGES.format(
            kind="apart",
            left="Ingen plan för jämställdhet",
            right="Ingen plan för jämstäldhet finns",
        ),
        encoding="utf-8",
    )
    bucket = weaknesses(folder)
    assert (len(bucket.resolved), len(bucket.new), len(bucket.persisting)) == (1, 1, 0)


def test_entries_of_a_file_named_after_no_unit_are_left_out(
    make_workshop: Callable[..., Path],
) -> None:
    folder = make_workshop(
        entries={
            "baseline/hoganas": entry("Ingen plan"),
            "followup/hoganas": entry("Lönekartläggningen görs inte"),
            "baseline/lund": entry("Annat"),
        },
        rounds=ROUNDS,
    )
    comparison = compare_rounds(load_workshop(folder), "baseline", "followup")
    assert [c.text for c in comparison.bucket("equality", Quadrant.WEAKNESSES).resolved] == [
        "Ingen plan"
    ]
    assert [p.code for p in comparison.problems] == ["unit_not_in_workshop"]


def test_comparing_a_round_with_itself_is_a_usage_error(rounds: Path) -> None:
    with pytest.raises(UsageError) as raised:
        compare_rounds(load_workshop(rounds), "baseline", "baseline")
    assert raised.value.format() == (
        "the baseline and the follow-up are the same round ('baseline')\n"
        "  → name two different rounds, e.g. swot compare baseline followup"
    )


def test_unknown_round_is_a_usage_error_with_a_suggestion(rounds: Path) -> None:
    with pytest.raises(UsageError) as raised:
        compare_rounds(load_workshop(rounds), "baseline", "folowup", lang="sv")
    assert raised.value.format() == (
        "'folowup' är ingen omgång i den här workshoppen; menade du 'followup'?\n"
        "  → ange id eller titel för en omgång i workshop.yaml: baseline, followup"
    )


def test_response_rates_of_both_rounds_are_side_by_side(rounds: Path) -> None:
    comparison = compare_rounds(load_workshop(rounds), "baseline", "followup")
    rates = {
        r.unit: (r.before.respondents, r.after.respondents, r.points) for r in comparison.rates()
    }
    assert rates == {"hoganas": (1, 1, 0), "bjuv": (1, 1, 0)}
