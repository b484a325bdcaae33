"""The unit report (``swot report``): one unit's SWOT beside the network's, as HTML and Markdown
in ``<workshop>/handouts/<round>/units/<unit>.{html,md}``.

Every figure is worded here (``unit_report_view``) and both templates only lay it out; the
HTML is plain semantic HTML (headings, lists, tables with header cells, one figure with an
inline SVG and a table of the same figures), so a writer for other formats can take it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from swot.analysis.changes import MESSAGES as CHANGE_MESSAGES
from swot.analysis.changes import NEEDS_QUADRANTS, signed
from swot.analysis.status import format_percent
from swot.i18n import catalogue, format_number, say
from swot.output.charts import Bar, BarGroup, Segment, bar_chart
from swot.output.documents import print_stylesheet
from swot.output.templates import MarkdownText, render_template
from swot.vocabulary import quadrant_name

if TYPE_CHECKING:
    from jinja2 import Environment

    from swot.analysis.changes import BucketChange
    from swot.analysis.grouping import MergedItem
    from swot.analysis.unit_view import UnitBucket, UnitItem, UnitView
    from swot.files.workshop import LoadedWorkshop

WORDS = catalogue("output/unit_report")
NETWORK_TOP = 5  # the network's items shown beside the unit's in each quadrant
TEMPLATES = (("html", "unit.html.j2"), ("md", "unit.md.j2"))


def _w(key: str, lang: str, **params: object) -> str:
    return say(WORDS, key, lang, **params)


def _figure(text: str) -> str:
    """Figures we wrote ourselves: Markdown shows them without escapes."""
    return MarkdownText(text)


def _importance(value: float | None, lang: str) -> str:
    return "–" if value is None else format_number(value, lang)


def unit_reports_folder(workshop: LoadedWorkshop, round_id: str) -> Path:
    """``<workshop>/handouts/<round>/units/``: beside the round's handout."""
    return workshop.folder / "handouts" / round_id / "units"


def write_unit_reports(
    workshop: LoadedWorkshop,
    views: list[UnitView],
    lang: str,
    folder: Path | None = None,
    formats: tuple[str, ...] = ("html", "md"),
) -> list[Path]:
    """Write each unit's report in ``formats``; return the paths. The template environments
    are made once for all units."""
    renderers = renderers_of(workshop.folder, TEMPLATES)
    written: list[Path] = []
    for view in views:
        target = folder or unit_reports_folder(workshop, view.round.id)
        context = unit_report_view(workshop, view, lang)
        documents = {ext: render(context) for ext, render in renderers.items()}
        written.extend(write_rendered(target, view.unit, documents, formats, workshop=workshop))
    return written


def write_rendered(
    folder: Path,
    stem: str,
    documents: dict[str, str],
    formats: tuple[str, ...] = ("html", "md"),
    *,
    workshop: LoadedWorkshop,
) -> list[Path]:
    """The one place a report's documents are written: ``<folder>/<stem>.<ext>`` for each
    rendering in ``formats``, then Word and PDF made from the HTML (``write_documents``).
    HTML and Markdown are replaced atomically but not fsynced: they are made again on demand,
    and --all-units writes hundreds."""
    from swot.files.storage import replace_text
    from swot.output.documents import write_documents

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for ext, text in documents.items():
        if ext in formats:
            path = folder / f"{stem}.{ext}"
            replace_text(path, text)
            written.append(path)
    written += write_documents(
        documents["html"],
        folder,
        stem,
        formats,
        workshop_name=workshop.workshop.name,
        workshop_folder=workshop.folder,
    )
    return written


def renderers_of(
    workshop_folder: Path, templates: tuple[tuple[str, str], ...]
) -> dict[str, Callable[[dict[str, Any]], str]]:
    """A render function per format (extension, template name), each from its template (a
    workshop's ``templates/`` overrides them as it overrides the handout's)."""
    from swot.output.templates import html_environment, markdown_environment, template_dirs

    dirs = template_dirs(workshop_folder)
    renderers: dict[str, Callable[[dict[str, Any]], str]] = {}
    for ext, name in templates:
        environment = html_environment(dirs) if ext == "html" else markdown_environment(dirs)
        environment.trim_blocks = True
        environment.lstrip_blocks = True
        renderers[ext] = functools.partial(_render, environment, name)
    return renderers


def _render(environment: Environment, name: str, context: dict[str, Any]) -> str:
    """A template rendered; a mistake in a workshop's own template named by file and line."""
    return render_template(environment, name, context, context["lang"])


def unit_report_view(workshop: LoadedWorkshop, view: UnitView, lang: str) -> dict[str, Any]:
    """Everything the unit report's templates show, worded in the language."""
    themes = [(t.id, t.name(lang)) for t in workshop.workshop.themes]
    names = dict(themes)
    return {
        "lang": lang,
        "title": _w("title", lang, unit=view.name, round=view.round.title()),
        "workshop": workshop.workshop.name,
        "print_css": print_stylesheet(workshop.workshop.name, lang),
        "intro": _w(
            "intro", lang, unit=view.name, round=view.round.title(), answered=view.answered
        ),
        "rate": rate_sentence(view, lang),
        "rate_met": view.status.met is not False,
        "words": {k: _w(k, lang) for k in WORDS if "{" not in WORDS[k]["en"]},
        "overview": [overview_row(b, names, lang) for b in view.buckets],
        "chart": overview_chart(view, names, lang),
        "themes": [theme_view(view, t, name, lang) for t, name in themes],
        "only_here": [_listed(i, names, lang) for i in view.only_here],
        "shared": [_listed(i, names, lang) | _breadth(view, i, lang) for i in view.shared()],
        "gaps": [gap_row(view, i, names, lang) for i in view.importance_gaps()],
        "changes": change_view(view, names, lang),
        "method": _w("method.text", lang, answered=view.answered),
        "generated": _w("generated", lang, unit=view.unit, round=view.round.id),
    }


def rate_sentence(view: UnitView, lang: str) -> str:
    """'9 av 10 förväntade svarade (90 %); målet 75 %: uppnått'."""
    status = view.status
    target = format_percent(status.target / 100, lang)
    if status.rate is None:
        return _w("rate.unknown", lang, count=status.respondents, target=target)
    return _w(
        "rate",
        lang,
        count=status.respondents,
        expected=status.expected,
        rate=format_percent(status.rate, lang),
        target=target,
        verdict=status.target_label(lang),
    )


def bucket_name(
    bucket: UnitBucket | BucketChange | MergedItem, names: dict[str, str], lang: str
) -> str:
    """'Svagheter · Jämställdhet'."""
    return _w(
        "bucket", lang, quadrant=quadrant_name(bucket.quadrant, lang), theme=names[bucket.theme]
    )


def overview_row(bucket: UnitBucket, names: dict[str, str], lang: str) -> dict[str, Any]:
    """A quadrant's counts: the unit's items, of them shared and only here, and the network's."""
    return {
        "name": bucket_name(bucket, names, lang),
        "own": len(bucket.items),
        "shared": len(bucket.shared),
        "only": len(bucket.only_here),
        "network": len(bucket.network),
    }


def overview_chart(view: UnitView, names: dict[str, str], lang: str) -> str:
    """The unit's items per quadrant (shared with other units, only here) beside the
    network's, one group per theme × quadrant."""
    groups = []
    for bucket in view.buckets:
        shared, only = len(bucket.shared), len(bucket.only_here)
        groups.append(
            BarGroup(
                bucket_name(bucket, names, lang),
                [
                    Bar(
                        view.name,
                        [
                            Segment(shared, "light", str(shared)),
                            Segment(only, "hatch", str(only)),
                        ],
                        str(len(bucket.items)),
                    ),
                    Bar(
                        _w("network", lang),
                        [Segment(len(bucket.network), "dots")],
                        str(len(bucket.network)),
                    ),
                ],
            )
        )
    highest = max([1, *(len(b.network) for b in view.buckets)])
    return bar_chart(
        "chart-unit",
        _w("chart", lang, unit=view.name, round=view.round.title()),
        _w("chart.desc", lang),
        groups,
        [
            ("light", _w("legend.shared", lang)),
            ("hatch", _w("legend.only", lang)),
            ("dots", _w("network", lang)),
        ],
        highest,
    )


def _item_row(view: UnitView, item: UnitItem, lang: str) -> dict[str, Any]:
    """One of the unit's items: how many units raised it, its importance here and elsewhere."""
    kind = _w("kind.only" if item.item.units == [view.unit] else "kind.shared", lang)
    return {
        "text": item.item.text,
        "breadth": _w("units_of", lang, count=item.item.breadth, total=view.answered),
        "own": _figure(_importance(item.own_importance, lang)),
        "others": _figure(_importance(item.others_importance, lang)),
        "kind": kind,
    }


def theme_view(view: UnitView, theme: str, theme_name: str, lang: str) -> dict[str, Any]:
    """One theme: per quadrant the unit's items and the network's most raised ones."""
    quadrants = []
    for bucket in (b for b in view.buckets if b.theme == theme):
        quadrants.append(
            {
                "id": f"{theme}-{bucket.quadrant.value}",
                "name": quadrant_name(bucket.quadrant, lang),
                "items": [_item_row(view, i, lang) for i in bucket.items],
                "network": [
                    {
                        "text": item.text,
                        "breadth": _w("units_of", lang, count=item.breadth, total=view.answered),
                        "here": _w("yes" if here else "no", lang),
                    }
                    for item, here in bucket.network_top(NETWORK_TOP)
                ],
                "network_heading": _w(
                    "network_top", lang, count=min(NETWORK_TOP, len(bucket.network))
                ),
            }
        )
    return {"id": theme, "name": theme_name, "quadrants": quadrants}


def _listed(item: UnitItem, names: dict[str, str], lang: str) -> dict[str, Any]:
    """An item in a list of its own: where it belongs and its figures."""
    return {
        "text": item.item.text,
        "where": bucket_name(item.item, names, lang),
        "mentions": item.mentions,
        "own": _figure(_importance(item.own_importance, lang)),
    }


def _breadth(view: UnitView, item: UnitItem, lang: str) -> dict[str, str]:
    return {"breadth": _w("units_of", lang, count=item.item.breadth, total=view.answered)}


def gap_row(view: UnitView, item: UnitItem, names: dict[str, str], lang: str) -> dict[str, Any]:
    """An item whose importance here differs from the other units'."""
    return (
        _listed(item, names, lang)
        | _breadth(view, item, lang)
        | {
            "others": _figure(_importance(item.others_importance, lang)),
            "difference": _figure(signed(item.difference or 0.0, lang, 1)),
        }
    )


def change_view(view: UnitView, names: dict[str, str], lang: str) -> dict[str, Any] | None:
    """What changed for the unit since the round before (None without one)."""
    if view.earlier is None:
        return None
    rows = []
    for bucket in view.changes:
        gone_key = "heading.resolved" if bucket.quadrant in NEEDS_QUADRANTS else "heading.dropped"
        rows.append(
            {
                "name": bucket_name(bucket, names, lang),
                "before": bucket.before,
                "after": bucket.after,
                "change": _figure(signed(bucket.change, lang)),
                "lists": [
                    {"heading": say(CHANGE_MESSAGES, key, lang), "items": [c.text for c in changes]}
                    for key, changes in (
                        (gone_key, bucket.resolved),
                        ("heading.new", bucket.new),
                        ("heading.persisting", bucket.persisting),
                    )
                ],
            }
        )
    return {
        "heading": _w("changes", lang, round=view.earlier.title()),
        "intro": _w(
            "changes.intro",
            lang,
            unit=view.name,
            before=view.earlier.title(),
            after=view.round.title(),
        ),
        "rows": rows,
    }
