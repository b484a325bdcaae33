"""The trend report (``swot compare`` with three or more rounds): per theme × quadrant the
figures of each step, the items followed across rounds, and response rates per unit over
time; each as small multiples of inline SVG (patterns and labels, not colour) with a table of
the same figures. Files: ``<workshop>/handouts/trend-<first>-<last>/trend.{html,md}``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from swot.analysis.changes import signed
from swot.analysis.status import format_percent
from swot.i18n import catalogue, format_number, say
from swot.output.charts import Bar, BarGroup, Marker, Segment, bar_chart
from swot.output.documents import print_stylesheet
from swot.output.report import chart_rate, rate_cell, rate_percent
from swot.output.unit_report import _figure, renderers_of, write_rendered
from swot.vocabulary import quadrant_name

if TYPE_CHECKING:
    from swot.analysis.changes import BucketChange, Comparison
    from swot.analysis.trend import FollowedItem, Trend

WORDS = catalogue("output/trend")
FOLLOWED_SHOWN = 8  # followed items drawn per theme (the table lists them all)
TEMPLATES = (("html", "trend.html.j2"), ("md", "trend.md.j2"))


def _w(key: str, lang: str, **params: object) -> str:
    return say(WORDS, key, lang, **params)


def trend_folder(trend: Trend) -> Path:
    """``<workshop>/handouts/trend-<first>-<last>/``."""
    rounds = trend.rounds
    return trend.steps[0].workshop.folder / "handouts" / f"trend-{rounds[0].id}-{rounds[-1].id}"


def write_trend_reports(
    trend: Trend, folder: Path | None = None, formats: tuple[str, ...] = ("html", "md")
) -> list[Path]:
    """Write the trend's reports in ``formats``; return their paths."""
    workshop = trend.steps[0].workshop
    renderers = renderers_of(workshop.folder, TEMPLATES)
    context = trend_view(trend)
    documents = {ext: render(context) for ext, render in renderers.items()}
    target = folder or trend_folder(trend)
    return write_rendered(target, "trend", documents, formats, workshop=workshop)


def _step_name(step: Comparison) -> str:
    return f"{step.baseline.round.title()} → {step.followup.round.title()}"


def trend_view(trend: Trend) -> dict[str, Any]:
    """Everything the trend templates show, worded in the language."""
    lang = trend.lang
    workshop = trend.steps[0].workshop
    names = [r.title() for r in trend.rounds]
    return {
        "lang": lang,
        "title": _w("title", lang, first=names[0], last=names[-1], count=len(names)),
        "workshop": workshop.workshop.name,
        "print_css": print_stylesheet(workshop.workshop.name, lang),
        "intro": _w("intro", lang, rounds=", ".join(names), workshop=workshop.workshop.name),
        "words": {k: _w(k, lang) for k in WORDS if "{" not in WORDS[k]["en"]},
        "steps": [_step_name(s) for s in trend.steps],
        "round_names": names,
        "themes": [theme_view(trend, t.id, t.name(lang)) for t in workshop.workshop.themes],
        "rates": rates_view(trend),
        "notes": [n for n in dict.fromkeys(s.not_compared_text() for s in trend.steps) if n],
        "method": _w(
            "method.text", lang, similarity=format_number(trend.steps[0].similarity, lang, 0)
        ),
        "generated": _w("generated", lang, rounds=" ".join(r.id for r in trend.rounds)),
    }


def theme_view(trend: Trend, theme: str, theme_name: str) -> dict[str, Any]:
    """A theme: each quadrant's figures per step (chart + table) and its followed items."""
    lang = trend.lang
    rows = []
    for quadrant_buckets in zip(*(s.buckets_of(theme) for s in trend.steps), strict=True):
        rows.append(
            {
                "quadrant": quadrant_name(quadrant_buckets[0].quadrant, lang),
                "cells": [_step_cell(b, lang) for b in quadrant_buckets],
            }
        )
    followed = [f for f in trend.followed if f.theme == theme]
    return {
        "id": theme,
        "name": theme_name,
        "rows": rows,
        "chart": steps_chart(trend, theme, theme_name),
        "caption": _w("caption.items", lang, theme=theme_name.lower()),
        "followed": [followed_row(f, lang) for f in followed],
        "followed_chart": followed_chart(trend, theme, theme_name, followed) if followed else "",
        "followed_caption": _w("caption.followed", lang, theme=theme_name.lower()),
    }


def _step_cell(bucket: BucketChange, lang: str) -> dict[str, Any]:
    return {
        "counts": _figure(f"{bucket.before} → {bucket.after} ({signed(bucket.change, lang)})"),
        "parts": _w(
            "parts",
            lang,
            gone=len(bucket.resolved),
            new=len(bucket.new),
            persisting=len(bucket.persisting),
        ),
    }


def steps_chart(trend: Trend, theme: str, theme_name: str) -> str:
    """One small chart per quadrant: a bar per step, split into persisting, gone and new."""
    lang = trend.lang
    groups = []
    for buckets in zip(*(s.buckets_of(theme) for s in trend.steps), strict=True):
        bars = [
            Bar(
                f"{s.baseline.round.id} → {s.followup.round.id}",
                [
                    Segment(len(b.persisting), "light", str(len(b.persisting))),
                    Segment(len(b.resolved), "hatch", str(len(b.resolved))),
                    Segment(len(b.new), "dots", str(len(b.new))),
                ],
                f"{b.before} → {b.after}",
            )
            for s, b in zip(trend.steps, buckets, strict=True)
        ]
        groups.append(BarGroup(quadrant_name(buckets[0].quadrant, lang), bars))
    highest = max(
        [
            1,
            *(
                len(b.persisting) + len(b.resolved) + len(b.new)
                for s in trend.steps
                for b in s.buckets_of(theme)
            ),
        ]
    )
    return bar_chart(
        f"chart-steps-{theme}",
        _w("chart.items", lang, theme=theme_name.lower()),
        _w("chart.items.desc", lang),
        groups,
        [
            ("light", _w("legend.persisting", lang)),
            ("hatch", _w("legend.gone", lang)),
            ("dots", _w("legend.new", lang)),
        ],
        highest,
    )


def followed_row(item: FollowedItem, lang: str) -> dict[str, Any]:
    return {
        "text": item.text,
        "quadrant": quadrant_name(item.quadrant, lang),
        "breadths": ["–" if b is None else str(b) for b in item.breadths],
    }


def followed_chart(trend: Trend, theme: str, theme_name: str, followed: list[FollowedItem]) -> str:
    """The widest followed items of a theme, one small chart each: a bar per round."""
    lang = trend.lang
    groups = [
        BarGroup(
            f"{quadrant_name(f.quadrant, lang)}: {f.text}",
            [
                Bar(
                    r.id,
                    [Segment(b or 0, "solid" if i == len(f.breadths) - 1 else "light")],
                    "–" if b is None else str(b),
                )
                for i, (r, b) in enumerate(zip(trend.rounds, f.breadths, strict=True))
            ],
        )
        for f in followed[:FOLLOWED_SHOWN]
    ]
    highest = max([1, *(b or 0 for f in followed for b in f.breadths)])
    return bar_chart(
        f"chart-followed-{theme}",
        _w(
            "chart.followed",
            lang,
            theme=theme_name.lower(),
            count=min(FOLLOWED_SHOWN, len(followed)),
        ),
        _w("chart.followed.desc", lang),
        groups,
        [("light", _w("legend.earlier", lang)), ("solid", _w("legend.latest", lang))],
        highest,
    )


def rates_view(trend: Trend) -> dict[str, Any]:
    """Response rate per unit in each round: a small chart per unit and the table."""
    lang = trend.lang
    target_value = trend.statuses[0].target
    target = format_percent(target_value / 100, lang)
    rates = trend.rates()
    groups = [
        BarGroup(
            name,
            [
                Bar(
                    r.id,
                    [Segment(rate_percent(s), "solid" if i == len(statuses) - 1 else "light")],
                    chart_rate(s, lang),
                )
                for i, (r, s) in enumerate(zip(trend.rounds, statuses, strict=True))
            ],
        )
        for _, name, statuses in rates
    ]
    highest = max([100.0, *(rate_percent(s) for _, _, st in rates for s in st)])
    chart = bar_chart(
        "chart-rates",
        _w("chart.rates", lang, target=target),
        _w("chart.rates.desc", lang),
        groups,
        [("light", _w("legend.earlier", lang)), ("solid", _w("legend.latest", lang))],
        highest,
        Marker(target_value, say(catalogue("output/report"), "target", lang, target=target)),
    )
    rows = [
        {"unit": name, "cells": [_figure(rate_cell(s, lang)) for s in statuses]}
        for _, name, statuses in rates
    ]
    return {"chart": chart, "rows": rows, "caption": _w("caption.rates", lang, target=target)}
