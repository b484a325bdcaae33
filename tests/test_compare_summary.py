"""The per-theme summary in plain words, in Swedish and English."""

from __future__ import annotations

import pytest

from swot.analysis.changes import NEW, PERSISTING, RESOLVED, BucketChange, ItemChange, signed
from swot.vocabulary import Quadrant


def bucket(quadrant: Quadrant, resolved: int, new: int, persisting: int) -> BucketChange:
    """A bucket with the given numbers of items (the summary only counts them)."""
    return BucketChange(
        "equality",
        quadrant,
        resolved=[ItemChange(RESOLVED, None, None) for _ in range(resolved)],
        new=[ItemChange(NEW, None, None) for _ in range(new)],
        persisting=[ItemChange(PERSISTING, None, None) for _ in range(persisting)],
    )


@pytest.mark.parametrize(
    ("quadrant", "counts", "lang", "theme", "text"),
    [
        (
            Quadrant.WEAKNESSES,
            (4, 1, 8),
            "sv",
            "Jämställdhet",
            "Svagheter inom jämställdhet: 12 → 9 (−3); 4 lösta, 1 nytt. "
            "Utvecklingsbehoven har minskat.",
        ),
        (
            Quadrant.WEAKNESSES,
            (4, 1, 8),
            "en",
            "Gender equality",
            "Weaknesses in gender equality: 12 → 9 (−3); 4 resolved, 1 new. "
            "Development needs have decreased.",
        ),
        (
            Quadrant.THREATS,
            (1, 3, 2),
            "sv",
            "Tillgänglighet",
            "Hot inom tillgänglighet: 3 → 5 (+2); 1 löst, 3 nya. Hoten har ökat.",
        ),
        (
            Quadrant.THREATS,
            (1, 3, 2),
            "en",
            "Accessibility",
            "Threats in accessibility: 3 → 5 (+2); 1 resolved, 3 new. Threats have increased.",
        ),
        (
            Quadrant.WEAKNESSES,
            (2, 2, 0),
            "sv",
            "Jämställdhet",
            "Svagheter inom jämställdhet: 2 → 2 (±0); 2 lösta, 2 nya. "
            "Lika många utvecklingsbehov som tidigare.",
        ),
        (
            Quadrant.THREATS,
            (0, 0, 1),
            "en",
            "Gender equality",
            "Threats in gender equality: 1 → 1 (±0); 0 resolved, 0 new. As many threats as before.",
        ),
        (
            Quadrant.STRENGTHS,
            (2, 5, 3),
            "sv",
            "Jämställdhet",
            "Styrkor inom jämställdhet: 5 → 8 (+3); 2 nämns inte längre, 5 nya",
        ),
        (
            Quadrant.OPPORTUNITIES,
            (1, 0, 0),
            "en",
            "Gender equality",
            "Opportunities in gender equality: 1 → 0 (−1); 1 no longer raised, 0 new",
        ),
    ],
)
def test_summary_wording(
    quadrant: Quadrant, counts: tuple[int, int, int], lang: str, theme: str, text: str
) -> None:
    assert bucket(quadrant, *counts).summary(theme, lang) == text


@pytest.mark.parametrize(
    ("value", "lang", "decimals", "text"),
    [
        (-5, "sv", 0, "−5"),
        (3, "en", 0, "+3"),
        (0, "sv", 0, "±0"),
        (-0.4, "sv", 1, "−0,4"),
        (1.26, "en", 1, "+1.3"),
        (0.04, "sv", 1, "±0,0"),
    ],
)
def test_changes_are_written_with_a_sign(value: float, lang: str, decimals: int, text: str) -> None:
    assert signed(value, lang, decimals) == text
