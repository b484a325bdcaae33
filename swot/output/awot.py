"""The handout's A'WOT page of a theme: the quadrants' weights and each factor's local and global
priority, each as a bar chart (inline SVG, readable in black and white) with a table of the same
figures, and the consistency ratio of every comparison matrix with the judgment to revisit."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from swot.errors import shorten
from swot.i18n import catalogue, format_number, say
from swot.output.charts import Bar, BarGroup, Segment, bar_chart
from swot.texts import strip_control
from swot.vocabulary import QUADRANT_NAMES, QUADRANT_ORDER, Quadrant

if TYPE_CHECKING:
    from swot.analysis.awot import MatrixResult, ThemeAwot
    from swot.analysis.round_merge import RoundMerge
    from swot.models import ThemeSpec

LABELS = catalogue("output/awot")
CHART_LABEL = 34  # characters of a factor's text beside its bar (the table has all of it)


def priority(value: float | None, lang: str) -> str:
    """A priority as the handout prints it: '0,152' (three decimals, as AHP reports it)."""
    return "–" if value is None else format_number(value, lang, 3)


def awot_by_theme(merge: RoundMerge, lang: str) -> dict[str, dict[str, Any]]:
    """Theme id → the view of its A'WOT page, for the themes with judgments in this round."""
    if merge.awot is None:
        return {}
    return {
        theme.id: awot_view(theme, merge.awot.themes[theme.id], lang)
        for theme in merge.workshop.workshop.themes
        if theme.id in merge.awot.themes
    }


def awot_view(theme: ThemeSpec, awot: ThemeAwot, lang: str) -> dict[str, Any]:
    """One theme's A'WOT page."""
    name = strip_control(theme.name(lang))
    factors = factor_rows(awot, lang)
    return {
        "heading": say(LABELS, "heading", lang, theme=name),
        "lead": lead(awot, lang),
        "quadrants": quadrant_rows(awot, lang),
        "quadrants_caption": say(LABELS, "quadrants_caption", lang, theme=_in_sentence(name, lang)),
        "quadrants_chart": quadrants_chart(theme.id, name, awot, lang),
        "factors": factors,
        "factors_caption": say(LABELS, "factors_caption", lang, theme=_in_sentence(name, lang)),
        "factors_chart": factors_chart(theme.id, name, awot, lang) if factors else "",
        "matrices": matrix_rows(awot, lang),
        "matrices_caption": say(LABELS, "matrices_caption", lang),
        "cr_note": say(LABELS, "cr_note", lang),
        "t": {key: say(LABELS, key, lang) for key in LABELS if key.startswith("col_")},
    }


def _in_sentence(name: str, lang: str) -> str:
    return name.lower() if lang == "sv" else name


def lead(awot: ThemeAwot, lang: str) -> str:
    """Who judged, and how several raters were combined."""
    raters = [strip_control(r) for r in awot.raters]
    if len(raters) == 1:
        return say(LABELS, "lead.one", lang, rater=raters[0])
    return say(LABELS, "lead.group", lang, count=len(raters), raters=", ".join(raters))


def _quadrant_label(quadrant: Quadrant, lang: str) -> str:
    """'S – Styrkor': the letter and the name, so no meaning rests on colour."""
    return f"{'SWOT'[QUADRANT_ORDER.index(quadrant)]} – {QUADRANT_NAMES[quadrant][lang]}"


def quadrant_rows(awot: ThemeAwot, lang: str) -> list[dict[str, str]]:
    """Each compared quadrant's weight."""
    if awot.quadrants is None:
        return []
    return [
        {
            "quadrant": _quadrant_label(factor.quadrant, lang),
            "weight": priority(awot.weight(factor.quadrant), lang),
        }
        for factor in awot.quadrants.factors
    ]


def factor_rows(awot: ThemeAwot, lang: str) -> list[dict[str, Any]]:
    """Every compared factor of a complete matrix, by quadrant and then by priority."""
    rows = []
    for quadrant, result in awot.factors.items():
        if result.group is None:
            continue
        ordered = sorted(
            zip(result.factors, result.group.weights, strict=True), key=lambda fw: -fw[1]
        )
        for place, (factor, _weight) in enumerate(ordered, start=1):
            local, overall = awot.priority(factor.key) or (None, None)
            spread = result.spread(factor.key)
            rows.append(
                {
                    "quadrant": _quadrant_label(quadrant, lang),
                    "rank": place,
                    "text": strip_control(factor.text),
                    "local": priority(local, lang),
                    "global": priority(overall, lang),
                    "spread": "–"
                    if spread is None
                    else f"{priority(spread[0], lang)}–{priority(spread[1], lang)}",
                    "key": factor.key,
                    "local_value": local or 0.0,
                    "global_value": overall,
                }
            )
    return rows


def matrix_rows(awot: ThemeAwot, lang: str) -> list[dict[str, str]]:
    """Each comparison matrix: how many pairs are judged, its CR and what it means."""
    results: list[tuple[str, MatrixResult]] = []
    if awot.quadrants is not None:
        results.append((say(LABELS, "matrix.quadrants", lang), awot.quadrants))
    results += [(_quadrant_label(q, lang), r) for q, r in awot.factors.items()]
    return [
        {
            "matrix": name,
            "judged": say(LABELS, "judged", lang, judged=result.judged, pairs=result.pairs),
            "cr": "–" if result.group is None else format_number(result.group.cr, lang, 2),
            "verdict": verdict(result, lang),
        }
        for name, result in results
    ]


def verdict(result: MatrixResult, lang: str) -> str:
    """'holds together', 'incomplete', or which judgment to look at again."""
    from swot.analysis.ahp import nearest_on_scale
    from swot.files.priorities import format_ratio

    if result.group is None:
        return say(LABELS, "verdict.incomplete", lang)
    if result.group.consistent or result.inconsistency is None:
        return say(LABELS, "verdict.consistent", lang)
    found = result.inconsistency
    first, second = result.factors[found.row], result.factors[found.column]
    return say(
        LABELS,
        "verdict.revisit",
        lang,
        a=_side_name(first.text, result.name, lang),
        b=_side_name(second.text, result.name, lang),
        given=format_ratio(found.given, lang),
        implied=format_ratio(nearest_on_scale(found.implied), lang),
    )


def _side_name(text: str, matrix: str, lang: str) -> str:
    from swot.files.priorities import QUADRANTS

    if matrix == QUADRANTS:
        return QUADRANT_NAMES[Quadrant(text)][lang]
    return shorten(strip_control(text), 50)


def quadrants_chart(theme_id: str, name: str, awot: ThemeAwot, lang: str) -> str:
    """The SVG of the quadrants' weights (empty while their matrix is incomplete)."""
    if awot.quadrants is None or awot.quadrants.group is None:
        return ""
    weights = [(f.quadrant, awot.weight(f.quadrant) or 0.0) for f in awot.quadrants.factors]
    bars = [
        Bar(_quadrant_label(q, lang), [Segment(w, "solid")], priority(w, lang)) for q, w in weights
    ]
    return bar_chart(
        f"awot-quadrants-{theme_id}",
        say(LABELS, "chart.quadrants", lang, theme=_in_sentence(name, lang)),
        say(LABELS, "chart.quadrants.desc", lang),
        [BarGroup(say(LABELS, "chart.weights", lang), bars)],
        [("solid", say(LABELS, "legend.weight", lang))],
        max(w for _, w in weights) * 1.15,
    )


def factors_chart(theme_id: str, name: str, awot: ThemeAwot, lang: str) -> str:
    """The SVG of each factor's local priority (light) and global priority (solid)."""
    groups: dict[str, BarGroup] = {}
    highest = 0.0
    for row in factor_rows(awot, lang):
        group = groups.setdefault(row["quadrant"], BarGroup(row["quadrant"]))
        label = f"{row['rank']}. {shorten(row['text'], CHART_LABEL)}"
        group.bars.append(
            Bar(
                label,
                [Segment(row["local_value"], "light")],
                say(LABELS, "bar.local", lang, value=row["local"]),
            )
        )
        if row["global_value"] is not None:
            group.bars.append(
                Bar(
                    "",
                    [Segment(row["global_value"], "solid")],
                    say(LABELS, "bar.global", lang, value=row["global"]),
                )
            )
        highest = max(highest, row["local_value"])
    legend = [("light", say(LABELS, "legend.local", lang))]
    if any(row["global_value"] is not None for row in factor_rows(awot, lang)):
        legend.append(("solid", say(LABELS, "legend.global", lang)))
    return bar_chart(
        f"awot-factors-{theme_id}",
        say(LABELS, "chart.factors", lang, theme=_in_sentence(name, lang)),
        say(LABELS, "chart.factors.desc", lang),
        list(groups.values()),
        legend,
        highest * 1.25,
    )


def method_paragraph(merge: RoundMerge, lang: str) -> list[str]:
    """About A'WOT on the method page, when the round has judgments."""
    if merge.awot is None or not merge.awot.themes:
        return []
    return [say(LABELS, "method", lang)]
