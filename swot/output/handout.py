"""Handouts of a merged round: HTML (self-contained, prints on A4) and Markdown, from Jinja2
templates in ``templates/`` (a workshop may override any of them in ``<workshop>/templates/``).

Entry text only ever reaches a template as data: the HTML environment autoescapes every value
and the Markdown environment escapes every value for Markdown, and control characters are
stripped first. Output depends on the input only (no clock), so reruns are byte-identical."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import swot
from swot.i18n import catalogue, format_number, say
from swot.texts import strip_control
from swot.vocabulary import QUADRANT_NAMES, QUADRANT_ORDER, Quadrant

if TYPE_CHECKING:
    from swot.analysis.grouping import MergedItem
    from swot.analysis.ranking import RankedItem
    from swot.analysis.round_merge import RoundMerge
    from swot.models import ThemeSpec
from swot.output.grid_density import GRID_MAX, GRID_TEXT_LIMIT, grid_density
from swot.output.templates import (
    html_environment,
    markdown_environment,
    render_template,
    template_dirs,
)

HTML_TEMPLATE = "handout.html.j2"
MARKDOWN_TEMPLATE = "handout.md.j2"
HANDOUTS_DIR = "handouts"
LABELS = catalogue("output/handout")
MONTHS_SV = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
]


def format_date(value: dt.date, lang: str) -> str:
    """'13 november 2025' or '13 November 2025'."""
    if lang == "sv":
        return f"{value.day} {MONTHS_SV[value.month - 1]} {value.year}"
    return f"{value.day} {value.strftime('%B')} {value.year}"


@dataclass(frozen=True)
class HandoutOptions:
    """What a handout shows beyond the merge itself."""

    top: int = 5
    lang: str = "sv"
    date: dt.date | None = None
    # Items per theme × quadrant in the full lists (0: all). A regional round has a few dozen;
    # a national one thousands, which no one reads on paper: the rest are in `swot export`.
    list_limit: int = 50
    formats: tuple[str, ...] = ("html", "md")

    @property
    def grid_top(self) -> int:
        """Items per quadrant in the 2×2 grid: ``top``, at most ``GRID_MAX``."""
        return min(self.top, GRID_MAX)


def figures(ranked: RankedItem, total_units: int, lang: str) -> str:
    """'5 av 8 enheter · vikt 4,2 · 9 omnämnanden' (votes or Borda points first when ranked so)."""
    item = ranked.item
    parts = []
    if ranked.votes is not None:
        parts.append(_plural("votes", ranked.votes, lang))
    if ranked.borda is not None:
        points = ranked.borda
        shown = str(int(points)) if points == int(points) else format_number(points, lang)
        parts.append(say(LABELS, "borda", lang, points=shown))
    if ranked.awot_local is not None:
        local = format_number(ranked.awot_local, lang, 3)
        if ranked.awot_global is None:
            parts.append(say(LABELS, "awot.local", lang, local=local))
        else:
            overall = format_number(ranked.awot_global, lang, 3)
            parts.append(say(LABELS, "awot", lang, overall=overall, local=local))
    key = "of_units.one" if item.breadth == 1 else "of_units"
    parts.append(say(LABELS, key, lang, count=item.breadth, total=total_units))
    if item.mean_importance is not None:
        parts.append(
            say(LABELS, "importance", lang, value=format_number(item.mean_importance, lang))
        )
    parts.append(_plural("mentions", item.mentions, lang))
    return " · ".join(parts)


def _plural(key: str, count: int, lang: str) -> str:
    return say(LABELS, f"{key}.one", lang) if count == 1 else say(LABELS, key, lang, count=count)


def handout_context(merge: RoundMerge, options: HandoutOptions) -> dict[str, Any]:
    """Everything the templates show, as plain values (texts already free of control chars)."""
    lang = options.lang
    units = UnitNames.of(merge)
    from swot.output.awot import awot_by_theme
    from swot.output.documents import print_stylesheet

    method = say(LABELS, f"method.{merge.method}", lang)
    by_bucket = ranked_by_bucket(merge)
    awot = awot_by_theme(merge, lang)
    return {
        "lang": lang,
        "version": swot.__version__,
        "t": handout_labels(merge, lang),
        "print_css": print_stylesheet(strip_control(merge.workshop.workshop.name), lang),
        **handout_cover(merge, options, units, method),
        "units": response_rates(merge, lang),
        "themes": [
            {
                **theme_view(theme, by_bucket, options, units, method),
                "awot": awot.get(theme.id),
            }
            for theme in merge.workshop.workshop.themes
        ],
        "tows": tows_boxes(lang),
        "has_awot": bool(awot),
        "method_paragraphs": method_paragraphs(merge, lang, method, units.total),
    }


@dataclass(frozen=True)
class UnitNames:
    """How a handout names units: their names, the workshop's order, and how many units the
    round is about ('5 of 8 units')."""

    names: dict[str, str]
    order: dict[str, int]
    total: int

    @classmethod
    def of(cls, merge: RoundMerge) -> UnitNames:
        units = merge.workshop.workshop.units
        return cls(
            names={u.id: strip_control(u.name) for u in units},
            order={u.id: i for i, u in enumerate(units)},
            total=len(merge.status.units),
        )


def handout_labels(merge: RoundMerge, lang: str) -> dict[str, str]:
    """The fixed words of the handout, with the target and the footer worded for this round."""
    labels = {key: say(LABELS, key, lang) for key in LABELS if "{" not in LABELS[key]["en"]}
    labels["col_target"] = say(
        LABELS, "col_target", lang, target=merge.workshop.workshop.response_target
    )
    labels["footer"] = say(LABELS, "footer", lang, version=swot.__version__, round=merge.round.id)
    return labels


def handout_cover(
    merge: RoundMerge, options: HandoutOptions, units: UnitNames, method: str
) -> dict[str, Any]:
    """The first page: workshop, round, date, units, what the entries came to, warnings."""
    lang = options.lang
    answered = {e.unit for e in merge.entries}
    return {
        "workshop_name": strip_control(merge.workshop.workshop.name),
        "round_id": merge.round.id,
        "round_title": strip_control(merge.round.title()),
        "date": format_date(options.date, lang) if options.date else "",
        "unit_names": ", ".join(units.names[u.unit] for u in merge.status.units),
        "entry_summary": say(
            LABELS,
            "entry_summary",
            lang,
            entries=len(merge.entries),
            units=len(answered),
            items=len(merge.items),
        ),
        "method_label": method,
        "warnings": [strip_control(w.message) for w in merge.warnings],
    }


def response_rates(merge: RoundMerge, lang: str) -> list[dict[str, Any]]:
    """One row per unit of the round: respondents, expected, rate and the target verdict."""
    from swot.analysis.status import format_percent

    return [
        {
            "name": strip_control(status.name),
            "respondents": status.respondents,
            "expected": status.expected if status.expected is not None else "–",
            "rate": format_percent(status.rate, lang) if status.rate is not None else "–",
            "target": status.target_label(lang),
        }
        for status in merge.status.units
    ]


def ranked_by_bucket(merge: RoundMerge) -> dict[tuple[str, str], list[RankedItem]]:
    """(theme id, quadrant value) -> its ranked items, best first."""
    by_bucket: dict[tuple[str, str], list[RankedItem]] = {}
    for ranked in merge.ranked:
        by_bucket.setdefault((ranked.item.theme, ranked.item.quadrant.value), []).append(ranked)
    return by_bucket


def theme_view(
    theme: ThemeSpec,
    by_bucket: dict[tuple[str, str], list[RankedItem]],
    options: HandoutOptions,
    units: UnitNames,
    method: str,
) -> dict[str, Any]:
    """One theme: the headings of its grid, full lists and TOWS page, and its four quadrants."""
    lang = options.lang
    name = strip_control(theme.name(lang))
    density = grid_density(
        [
            [
                strip_control(r.item.text)
                for r in by_bucket.get((theme.id, q.value), [])[: options.grid_top]
            ]
            for q in QUADRANT_ORDER
        ]
    )
    return {
        "id": theme.id,
        "name": name,
        "density": density.name,
        "grid_heading": say(LABELS, "grid_heading", lang, theme=name),
        "grid_lead": say(LABELS, "grid_lead", lang, top=options.grid_top, method=method),
        "list_heading": say(LABELS, "list_heading", lang, theme=name),
        "tows_heading": say(LABELS, "tows_heading", lang, theme=name),
        "quadrants": [
            quadrant_view(
                name,
                quadrant,
                by_bucket.get((theme.id, quadrant.value), []),
                options,
                units,
                density.text_limit,
            )
            for quadrant in QUADRANT_ORDER
        ],
    }


def quadrant_view(
    theme_name: str,
    quadrant: Quadrant,
    ranked_items: list[RankedItem],
    options: HandoutOptions,
    units: UnitNames,
    text_limit: int = GRID_TEXT_LIMIT,
) -> dict[str, Any]:
    """One quadrant of a theme: its cell of the grid and its full list."""
    limit = list_length(len(ranked_items), options)
    shown = [_item_view(r, units, options.lang, text_limit) for r in ranked_items[:limit]]
    return {
        **grid_cell(quadrant, shown, options),
        **full_list(theme_name, quadrant, ranked_items, shown, options.lang),
    }


def list_length(count: int, options: HandoutOptions) -> int:
    """How many of a quadrant's ``count`` items are listed: all, or the limit (never fewer
    than the grid shows)."""
    if not options.list_limit:
        return count
    return min(count, max(options.list_limit, options.top))


def grid_cell(
    quadrant: Quadrant, shown: list[dict[str, Any]], options: HandoutOptions
) -> dict[str, Any]:
    """A quadrant in the 2×2 overview: letter, name, scope and its top items."""
    return {
        "id": quadrant.value,
        "letter": "SWOT"[QUADRANT_ORDER.index(quadrant)],
        "name": QUADRANT_NAMES[quadrant][options.lang],
        "scope": say(LABELS, f"scope.{quadrant.value}", options.lang),
        "top": shown[: options.grid_top],
    }


def full_list(
    theme_name: str,
    quadrant: Quadrant,
    ranked_items: list[RankedItem],
    shown: list[dict[str, Any]],
    lang: str,
) -> dict[str, Any]:
    """A quadrant's ranked list: the items shown, a note if some are left out, and a caption."""
    count = len(ranked_items)
    more = say(LABELS, "list_more", lang, shown=len(shown), count=count)
    caption = say(
        LABELS,
        "list_caption",
        lang,
        quadrant=QUADRANT_NAMES[quadrant][lang],
        # a Swedish theme name is lower case inside a sentence; an English one keeps its capitals
        theme_in_sentence=theme_name.lower() if lang == "sv" else theme_name,
        count=count,
        entries=sum(r.item.mentions for r in ranked_items),
    )
    return {"all": shown, "more": more if len(shown) < count else "", "caption": caption}


def tows_boxes(lang: str) -> list[dict[str, str]]:
    """The four TOWS pairings, each with the question to answer in its box."""
    return [
        {
            "code": code,
            "title": say(LABELS, f"tows.{code}", lang),
            "question": say(LABELS, f"tows.{code}.q", lang),
        }
        for code in ("SO", "ST", "WO", "WT")
    ]


def method_paragraphs(merge: RoundMerge, lang: str, method: str, total_units: int) -> list[str]:
    """About the method: merging, decisions applied, ranking and figures, response rate, and
    A'WOT when the round has judgments."""
    from swot.output.awot import method_paragraph

    return [
        say(LABELS, "method.p1", lang, similarity=format_number(merge.similarity, lang, 0)),
        say(LABELS, "method.p2", lang, decisions=len(merge.decisions.decisions)),
        say(LABELS, "method.p3", lang, method=method, total=total_units),
        say(LABELS, "method.p4", lang, target=merge.workshop.workshop.response_target),
        *method_paragraph(merge, lang),
    ]


# Other wordings shown under an item, most common first (the examples have at most 7), and
# units named beside it (a regional network has 8 to 11).
ALSO_LIMIT = 8
UNITS_LIMIT = 12


def _item_view(
    ranked: RankedItem, units: UnitNames, lang: str, text_limit: int = GRID_TEXT_LIMIT
) -> dict[str, Any]:
    item = ranked.item
    text = strip_control(item.text)
    return {
        "rank": ranked.rank,
        "text": text,
        "short_text": grid_text(text, text_limit),
        "also": "; ".join(other_wordings(item, text, lang)),
        "unit_names": ", ".join(unit_list(item, units, lang)),
        "figures": figures(ranked, units.total, lang),
        "key": item.key,
    }


def grid_text(text: str, limit: int = GRID_TEXT_LIMIT) -> str:
    """The text as the grid shows it: cut with '…' after ``limit`` characters."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def other_wordings(item: MergedItem, text: str, lang: str) -> list[str]:
    """An item's wordings other than ``text`` (case and a final full stop ignored), at most
    ``ALSO_LIMIT`` and then 'and N more'."""
    shown = {text.casefold().rstrip(".")}
    also = []
    for wording in item.wordings:
        clean = strip_control(wording)
        folded = clean.casefold().rstrip(".")
        if folded not in shown:
            shown.add(folded)
            also.append(clean)
    if len(also) > ALSO_LIMIT:  # a national item can have hundreds of spellings
        also = [*also[:ALSO_LIMIT], say(LABELS, "also_more", lang, count=len(also) - ALSO_LIMIT)]
    return also


def unit_list(item: MergedItem, units: UnitNames, lang: str) -> list[str]:
    """The names of the units that raised an item, in workshop order, at most ``UNITS_LIMIT``."""
    ids = sorted(item.units, key=lambda u: units.order.get(u, len(units.order)))
    names = [units.names.get(u, u) for u in ids]
    if len(names) > UNITS_LIMIT:  # a national item raised by 200 units: the figures say how many
        names = [
            *names[:UNITS_LIMIT],
            say(LABELS, "also_more", lang, count=len(names) - UNITS_LIMIT),
        ]
    return names


def render_handouts(merge: RoundMerge, options: HandoutOptions) -> dict[str, str]:
    """File name -> text of the HTML and Markdown handouts."""
    return dict(_rendered(merge, options))


def _rendered(merge: RoundMerge, options: HandoutOptions) -> Iterator[tuple[str, str]]:
    """(file name, text) of each handout, one at a time (a national handout is megabytes)."""
    dirs = template_dirs(merge.workshop.folder)
    context = handout_context(merge, options)
    lang = options.lang
    yield "handout.html", render_template(html_environment(dirs), HTML_TEMPLATE, context, lang)
    if "md" in options.formats:
        markdown = render_template(markdown_environment(dirs), MARKDOWN_TEMPLATE, context, lang)
        yield "handout.md", _tidy_markdown(markdown)


def _tidy_markdown(text: str) -> str:
    """At most one blank line in a row and one final newline (templates loop over blocks)."""
    text = re.sub(r"[ \t]+\n", lambda m: "  \n" if m.group(0).startswith("  ") else "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def handouts_folder(merge: RoundMerge) -> Path:
    return merge.workshop.folder / HANDOUTS_DIR / merge.round.id


def write_handouts(merge: RoundMerge, options: HandoutOptions) -> list[Path]:
    """Render and write the handouts of ``options.formats`` into
    ``<workshop>/handouts/<round>/``; returns the paths. Word and PDF are made from the HTML."""
    from swot.files.storage import atomic_write_text
    from swot.output.documents import write_documents

    folder = handouts_folder(merge)
    written = []
    for name, text in _rendered(merge, options):
        if name.rsplit(".", 1)[1] in options.formats:
            path = folder / name
            atomic_write_text(path, text)
            written.append(path)
        if name == "handout.html":
            written += write_documents(
                text,
                folder,
                "handout",
                options.formats,
                workshop_name=strip_control(merge.workshop.workshop.name),
                workshop_folder=merge.workshop.folder,
            )
        del text  # before the next one is rendered
    return written
