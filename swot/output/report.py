"""The compare report: the view of a ``Comparison`` (per bucket changes, rates, charts) and its
HTML and Markdown files.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from swot.analysis.changes import (
    MESSAGES,
    NEEDS_QUADRANTS,
    NEW,
    PERSISTING,
    RESOLVED,
    BucketChange,
    Comparison,
    ItemChange,
    RateChange,
    signed,
)
from swot.analysis.status import UnitStatus, format_percent
from swot.i18n import catalogue, format_number, say
from swot.output.charts import Bar, BarGroup, Marker, Segment, bar_chart
from swot.vocabulary import quadrant_name

# ---------------------------------------------------------------- reports


def report_folder(comparison: Comparison) -> Path:
    """``<workshop>/handouts/compare-<baseline>-<followup>/``."""
    return (
        comparison.workshop.folder
        / "handouts"
        / f"compare-{comparison.baseline.round.id}-{comparison.followup.round.id}"
    )


def write_reports(
    comparison: Comparison,
    folder: Path | None = None,
    formats: tuple[str, ...] = ("html", "md"),
) -> list[Path]:
    """Write the reports of ``formats`` (Word and PDF made from the HTML); return their paths."""
    from swot.files.storage import atomic_write_text
    from swot.output.documents import write_documents

    target = folder or report_folder(comparison)
    target.mkdir(parents=True, exist_ok=True)
    view = report_view(comparison)
    html = render_report(comparison, "compare.html.j2", view)
    written = []
    if "html" in formats:
        atomic_write_text(target / "compare.html", html)
        written.append(target / "compare.html")
    written += write_documents(
        html,
        target,
        "compare",
        formats,
        workshop_name=view["workshop"],
        workshop_folder=comparison.workshop.folder,
    )
    if "md" in formats:
        atomic_write_text(target / "compare.md", render_report(comparison, "compare.md.j2", view))
        written.append(target / "compare.md")
    return written


def render_report(comparison: Comparison, template: str, view: dict[str, Any] | None = None) -> str:
    """Render one report template with the comparison's view.

    Uses the handouts' Jinja2 environments (HTML autoescaped, every Markdown value escaped) and
    their template lookup, so a workshop's own ``templates/`` folder overrides these too.
    """
    from swot.output.templates import (
        html_environment,
        markdown_environment,
        render_template,
        template_dirs,
    )

    dirs = template_dirs(comparison.workshop.folder)
    html = template.endswith(".html.j2")
    environment = html_environment(dirs) if html else markdown_environment(dirs)
    # The report templates put one tag per line; without these, tables in Markdown break.
    environment.trim_blocks = True
    environment.lstrip_blocks = True
    return render_template(environment, template, view or report_view(comparison), comparison.lang)


VIEW_WORDS = catalogue("output/report")


def _figure(text: str) -> str:
    """Figures we wrote ourselves ('4.0 → 3.5 (−0.5)'): Markdown shows them without escapes."""
    from swot.output.templates import MarkdownText

    return MarkdownText(text)


def _w(key: str, lang: str, **params: object) -> str:
    return say(VIEW_WORDS, key, lang, **params)


def _importance(value: float | None, lang: str) -> str:
    return "–" if value is None else format_number(value, lang)


def _importance_change(before: float | None, after: float | None, lang: str) -> str:
    if before is None or after is None:
        return f"{_importance(before, lang)} → {_importance(after, lang)}"
    return (
        f"{_importance(before, lang)} → {_importance(after, lang)} "
        f"({signed(after - before, lang, 1)})"
    )


def _unit_names(comparison: Comparison, ids: list[str]) -> str:
    names = {u.id: u.name for u in comparison.workshop.workshop.units}
    return ", ".join(names.get(i, i) for i in ids)


def _item_view(comparison: Comparison, change: ItemChange) -> dict[str, Any]:
    lang = comparison.lang
    before, after = change.before, change.after
    total = len(comparison.compared_units)
    main = after or before
    assert main is not None
    view: dict[str, Any] = {
        "text": change.text,
        "earlier": _w("earlier", lang, text=change.earlier_text) if change.earlier_text else "",
        "units": _unit_names(comparison, main.units),
        "breadth": say(MESSAGES, "units_of", lang, count=main.breadth, total=total),
        "importance": _figure(_importance(main.mean_importance, lang)),
    }
    if before and after:
        view["breadth_change"] = _figure(
            f"{before.breadth} → {after.breadth} ({signed(change.breadth_change, lang)})"
        )
        view["importance_change"] = _figure(
            _importance_change(before.mean_importance, after.mean_importance, lang)
        )
        view["units"] = _unit_names(comparison, sorted(set(before.units) | set(after.units)))
    return view


def rate_cell(status: UnitStatus | None, lang: str) -> str:
    """'15 av 16 (93 %)', 'ingen fil', '3 av – (–)'; '–' in a round the unit is not part of."""
    if status is None:
        return "–"
    if not status.has_file:
        return _w("no_file", lang)
    expected = "–" if status.expected is None else str(status.expected)
    rate = "–" if status.rate is None else format_percent(status.rate, lang)
    return _w("rate_cell", lang, count=status.respondents, expected=expected, rate=rate)


def chart_rate(status: UnitStatus | None, lang: str) -> str:
    if status is None:
        return "–"
    if not status.has_file:
        return _w("no_file", lang)
    return "–" if status.rate is None else format_percent(status.rate, lang)


def rate_percent(status: UnitStatus | None) -> float:
    return (status.rate or 0) * 100 if status is not None else 0.0


def report_view(comparison: Comparison) -> dict[str, Any]:
    """Everything the report templates show, already worded and formatted in the language."""
    from swot.output.documents import print_stylesheet

    lang = comparison.lang
    basis = comparison.basis()
    rates = comparison.rates()
    return {
        **report_cover(comparison),
        "print_css": print_stylesheet(comparison.workshop.workshop.name, lang),
        "themes": [theme_view(comparison, t, name, basis) for t, name in comparison.themes],
        "rates": [rate_row(rate, lang) for rate in rates],
        "rates_chart": rates_chart(comparison, rates),
        "problems": [p.format() for p in comparison.problems if p.severity == "error"],
        "not_compared": not_compared_note(comparison, basis),
        "words": report_words(lang),
        "method": method_note(comparison),
        **column_words(comparison),
    }


def _round_names(comparison: Comparison) -> tuple[str, str]:
    """The titles of the baseline and the follow-up round."""
    return comparison.baseline.round.title(), comparison.followup.round.title()


def _target(comparison: Comparison) -> str:
    """The response-rate target as the report writes it ('75 %')."""
    return format_percent(comparison.baseline.target / 100, comparison.lang)


def report_cover(comparison: Comparison) -> dict[str, Any]:
    """The report's heading: title, workshop, the sentence naming both rounds and their dates."""
    lang = comparison.lang
    before_round, after_round = comparison.baseline.round, comparison.followup.round
    before_name, after_name = _round_names(comparison)
    no_date = _w("no_date", lang)
    return {
        "lang": lang,
        "title": _w("title", lang, before=before_name, after=after_name),
        "workshop": comparison.workshop.workshop.name,
        "intro": _w(
            "intro",
            lang,
            before=before_name,
            after=after_name,
            before_date=before_round.date.isoformat() if before_round.date else no_date,
            after_date=after_round.date.isoformat() if after_round.date else no_date,
            workshop=comparison.workshop.workshop.name,
        ),
        "before_name": before_name,
        "after_name": after_name,
    }


def report_words(lang: str) -> dict[str, str]:
    """The fixed words of the report (headings, column names) in the language."""
    return {key: _w(key, lang) for key in VIEW_WORDS if "{" not in VIEW_WORDS[key]["en"]}


def column_words(comparison: Comparison) -> dict[str, str]:
    """The words that name the rounds or the target, and the closing line."""
    lang = comparison.lang
    before_name, after_name = _round_names(comparison)
    target = _target(comparison)
    return {
        "target_label": _w("col.target_short", lang, target=target),
        "rounds_legend": _w("rounds_legend", lang, before=before_name, after=after_name),
        "col_target": _w("col.target", lang, target=target, round=after_name),
        "generated": _w(
            "generated",
            lang,
            before=comparison.baseline.round.id,
            after=comparison.followup.round.id,
        ),
    }


def theme_view(
    comparison: Comparison, theme: str, theme_name: str, basis: str | None
) -> dict[str, Any]:
    """One theme of the report: a row per quadrant, their summaries and the theme's chart."""
    buckets = comparison.buckets_of(theme)
    rows = [bucket_row(comparison, theme, theme_name, bucket, basis) for bucket in buckets]
    return {
        "id": theme,
        "name": theme_name,
        "summaries": [row["summary"] for row in rows],
        "rows": rows,
        "chart": items_chart(comparison, theme, theme_name, buckets),
        "caption": _w("caption.items", comparison.lang, theme=theme_name.lower()),
    }


def bucket_row(
    comparison: Comparison, theme: str, theme_name: str, bucket: BucketChange, basis: str | None
) -> dict[str, Any]:
    """One theme × quadrant: its counts before and after, the change, and its item lists."""
    lang = comparison.lang
    imp_before, imp_after = bucket.persisting_importance()
    return {
        "quadrant": quadrant_name(bucket.quadrant, lang),
        "before": bucket.before,
        "after": bucket.after,
        "change": _figure(signed(bucket.change, lang)),
        "gone": len(bucket.resolved),
        "new": len(bucket.new),
        "persisting": len(bucket.persisting),
        "importance": _figure(_importance_change(imp_before, imp_after, lang)),
        "summary": bucket.summary(theme_name, lang, basis),
        "id": f"{theme}-{bucket.quadrant.value}",
        "lists": change_lists(comparison, bucket),
    }


def change_lists(comparison: Comparison, bucket: BucketChange) -> list[dict[str, Any]]:
    """The resolved (or no longer raised), new and persisting items of one bucket."""
    lang = comparison.lang
    gone_key = "heading.resolved" if bucket.quadrant in NEEDS_QUADRANTS else "heading.dropped"
    return [
        {
            "heading": say(MESSAGES, heading, lang),
            "kind": kind,
            "items": [_item_view(comparison, change) for change in changes],
        }
        for heading, kind, changes in (
            (gone_key, RESOLVED, bucket.resolved),
            ("heading.new", NEW, bucket.new),
            ("heading.persisting", PERSISTING, bucket.persisting),
        )
    ]


def bucket_bars(bucket: BucketChange, lang: str, before_name: str, after_name: str) -> BarGroup:
    """A quadrant's two bars: before split into persisting and resolved, after into persisting
    and new."""
    persisting = len(bucket.persisting)
    resolved, new = len(bucket.resolved), len(bucket.new)
    return BarGroup(
        quadrant_name(bucket.quadrant, lang),
        [
            Bar(
                before_name,
                [
                    Segment(persisting, "light", str(persisting)),
                    Segment(resolved, "hatch", str(resolved)),
                ],
                str(bucket.before),
            ),
            Bar(
                after_name,
                [Segment(persisting, "light", str(persisting)), Segment(new, "dots", str(new))],
                str(bucket.after),
            ),
        ],
    )


def items_chart(
    comparison: Comparison, theme: str, theme_name: str, buckets: list[BucketChange]
) -> str:
    """The SVG of a theme's items per quadrant, before and after."""
    lang = comparison.lang
    before_name, after_name = _round_names(comparison)
    return bar_chart(
        f"chart-{theme}",
        _w("chart.items", lang, theme=theme_name.lower(), before=before_name, after=after_name),
        _w("chart.items.desc", lang),
        [bucket_bars(bucket, lang, before_name, after_name) for bucket in buckets],
        [
            ("light", _w("legend.persisting", lang)),
            ("hatch", _w("legend.gone", lang)),
            ("dots", _w("legend.new", lang)),
        ],
        max([1, *(max(b.before, b.after) for b in buckets)]),
    )


def rate_row(rate: RateChange, lang: str) -> dict[str, Any]:
    """One unit's line of the response-rate table."""
    met = rate.after.met if rate.after else None
    target_key = "target.unknown" if met is None else "target.met" if met else "target.not_met"
    return {
        "unit": rate.name,
        "before": _figure(rate_cell(rate.before, lang)),
        "after": _figure(rate_cell(rate.after, lang)),
        "points": _figure("–" if rate.points is None else signed(rate.points, lang)),
        "target": _w(target_key, lang),
        "below": met is False,
    }


def rate_bars(rate: RateChange, lang: str, before_name: str, after_name: str) -> BarGroup:
    """A unit's two bars: its response rate in each round."""
    return BarGroup(
        rate.name,
        [
            Bar(
                before_name,
                [Segment(rate_percent(rate.before), "light")],
                chart_rate(rate.before, lang),
            ),
            Bar(
                after_name,
                [Segment(rate_percent(rate.after), "solid")],
                chart_rate(rate.after, lang),
            ),
        ],
    )


def rates_chart(comparison: Comparison, rates: list[RateChange]) -> str:
    """The SVG of every unit's response rate in both rounds, with the target as a line."""
    lang = comparison.lang
    before_name, after_name = _round_names(comparison)
    target = _target(comparison)
    highest = max(
        [100.0, *(rate_percent(r.before) for r in rates)] + [rate_percent(r.after) for r in rates]
    )
    return bar_chart(
        "chart-rates",
        _w("chart.rates", lang, before=before_name, after=after_name, target=target),
        _w("chart.rates.desc", lang),
        [rate_bars(rate, lang, before_name, after_name) for rate in rates],
        [("light", before_name), ("solid", after_name)],
        highest,
        Marker(comparison.baseline.target, _w("target", lang, target=target)),
    )


def not_compared_note(comparison: Comparison, basis: str | None) -> str:
    """Which units were left out, and that nothing was compared when no unit answered twice."""
    nothing = "" if basis is not None else say(MESSAGES, "nothing_compared", comparison.lang)
    return " ".join(part for part in (comparison.not_compared_text(), nothing) if part)


def method_note(comparison: Comparison) -> str:
    """How the comparison was made, with the similarity threshold used."""
    lang = comparison.lang
    return _w("method.text", lang, similarity=format_number(comparison.similarity, lang, 0))
