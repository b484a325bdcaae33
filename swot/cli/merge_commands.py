"""``swot merge``, ``swot export`` and ``swot review``: the merged, ranked SWOT of a round."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from swot.cli.app import (
    FolderArgument,
    JsonOption,
    LangOption,
    WorkshopOption,
    check_lang,
    command,
    console,
    error_console,
)
from swot.i18n import Catalogue, say

if TYPE_CHECKING:
    from swot.analysis.grouping import ReviewPair
    from swot.analysis.round_merge import RoundMerge
    from swot.errors import Problem
    from swot.files.workshop import LoadedWorkshop

PROGRESS_FROM_FILES = 40  # show a progress bar when a round has at least this many files

MESSAGES: Catalogue = {
    "title": {"en": "{workshop} · {round}", "sv": "{workshop} · {round}"},
    "summary": {
        "en": "{entries} entries from {units} units → {items} merged items (similarity ≥ {similarity}, "
        "ranked by {method})",
        "sv": "{entries} poster från {units} enheter → {items} sammanslagna punkter (likhet ≥ "
        "{similarity}, rangordnade efter {method})",
    },
    "table": {"en": "{theme} · {quadrant}", "sv": "{theme} · {quadrant}"},
    "col.rank": {"en": "#", "sv": "#"},
    "col.item": {"en": "Item", "sv": "Punkt"},
    "col.figures": {"en": "Figures", "sv": "Underlag"},
    "no_items": {"en": "no items", "sv": "inga punkter"},
    "written": {"en": "Written:", "sv": "Skrivet:"},
    "warnings": {"en": "Please note:", "sv": "Att observera:"},
    "loading": {"en": "Reading entries", "sv": "Läser poster"},
    "method.breadth": {"en": "breadth", "sv": "bredd"},
    "method.votes": {"en": "votes", "sv": "röster"},
    "method.borda": {"en": "Borda count", "sv": "Bordaräkning"},
    "bad_method": {
        "en": "--rank must be breadth, votes or borda, not '{value}'",
        "sv": "--rank ska vara breadth, votes eller borda, inte '{value}'",
    },
    "bad_method.hint": {"en": "example: --rank borda", "sv": "exempel: --rank borda"},
    "bad_list": {
        "en": "--list must be 0 (all items) or more, not {value}",
        "sv": "--list ska vara 0 (alla punkter) eller mer, inte {value}",
    },
    "bad_list.hint": {"en": "example: --list 100", "sv": "exempel: --list 100"},
    "bad_top": {
        "en": "--top must be between 1 and 20, not {value}",
        "sv": "--top ska vara mellan 1 och 20, inte {value}",
    },
    "bad_top.hint": {
        "en": "the 2×2 grid fits one A4 page with up to 5–6 items per quadrant",
        "sv": "2×2-rutnätet ryms på en A4-sida med upp till 5–6 punkter per ruta",
    },
    "bad_date": {
        "en": "--date must be a date like 2025-11-13, not '{value}'",
        "sv": "--date ska vara ett datum som 2025-11-13, inte '{value}'",
    },
    "bad_date.hint": {"en": "write the date as YYYY-MM-DD", "sv": "skriv datumet som ÅÅÅÅ-MM-DD"},
    "bad_format": {
        "en": "--format must be csv, xlsx or json, not '{value}'",
        "sv": "--format ska vara csv, xlsx eller json, inte '{value}'",
    },
    "bad_format.hint": {"en": "example: --format xlsx", "sv": "exempel: --format xlsx"},
    "review.no_terminal": {
        "en": "swot review asks questions and needs a terminal",
        "sv": "swot review ställer frågor och behöver en terminal",
    },
    "review.no_terminal.hint": {
        "en": "run it in a terminal, or write decisions into merges.yaml by hand (see the README)",
        "sv": "kör det i en terminal, eller skriv beslut i merges.yaml för hand (se README)",
    },
    "review.none": {
        "en": "Nothing to review: no pair of wordings is close to the threshold ({similarity}).",
        "sv": "Inget att granska: inga formuleringar ligger nära gränsen ({similarity}).",
    },
    "review.intro": {
        "en": "{count} pairs of wordings are close to the threshold ({similarity}). Each answer is "
        "saved in {file} at once.",
        "sv": "{count} par formuleringar ligger nära gränsen ({similarity}). Varje svar sparas i "
        "{file} direkt.",
    },
    "review.pair": {
        "en": "{number}/{count} · {theme} · {quadrant} · similarity {score} · now {state}",
        "sv": "{number}/{count} · {theme} · {quadrant} · likhet {score} · nu {state}",
    },
    "review.together": {"en": "merged", "sv": "sammanslagna"},
    "review.apart": {"en": "separate", "sv": "separata"},
    "review.question": {"en": "Do these say the same thing?", "sv": "Säger de här samma sak?"},
    "review.join": {"en": "Yes – merge them", "sv": "Ja – slå ihop"},
    "review.keep_apart": {"en": "No – keep them apart", "sv": "Nej – håll isär"},
    "review.skip": {"en": "Skip for now", "sv": "Hoppa över"},
    "review.quit": {"en": "Stop reviewing", "sv": "Sluta granska"},
    "review.saved": {"en": "Saved in {file}", "sv": "Sparat i {file}"},
    "review.done": {
        "en": "{count} decisions saved in {file}. Run `swot merge` to see the result.",
        "sv": "{count} beslut sparade i {file}. Kör `swot merge` för att se resultatet.",
    },
    "export.written": {"en": "Written:", "sv": "Skrivet:"},
}

RoundOption = Annotated[
    str | None,
    typer.Option("--round", "-r", help="Round id (default: the latest round).", show_default=False),
]
SimilarityOption = Annotated[
    float | None,
    typer.Option(
        "--similarity",
        help="How alike two texts must be to merge, 50–100 (default 85, chosen on the example "
        "workshops).",
        show_default=False,
    ),
]


def _setup(
    workshop: Path, lang: str | None, similarity: float | None
) -> tuple[LoadedWorkshop, str, float]:
    from swot.analysis.similarity import check_similarity
    from swot.files.workshop import load_workshop

    language = check_lang(lang)
    loaded = load_workshop(workshop, language, cache=True)
    language = language or loaded.language
    return loaded, language, check_similarity(similarity, language)


def _merge(
    loaded: LoadedWorkshop,
    round_id: str | None,
    language: str,
    similarity: float,
    method: str,
    show_progress: bool,
) -> RoundMerge:
    from swot.files.entries import entries_files
    from swot.files.workshop import find_round
    from swot.jobs.merge import merge_round

    round_ = find_round(loaded, round_id, language)
    many = len(entries_files(loaded, round_.id)) >= PROGRESS_FROM_FILES
    # A progress bar only where someone watches it (Rich would hide it anyway, at a cost).
    if not (show_progress and many and sys.stderr.isatty()):
        return merge_round(loaded, round_.id, similarity=similarity, method=method, lang=language)
    from rich.progress import Progress

    # No refresh thread (auto_refresh): merging forks worker processes, and a thread holding a
    # lock at that moment would leave the lock held in the workers.
    with Progress(console=error_console(), transient=True, auto_refresh=False) as progress:
        task = progress.add_task(say(MESSAGES, "loading", language), total=None)

        def advance(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total, refresh=True)

        return merge_round(
            loaded,
            round_.id,
            similarity=similarity,
            method=method,
            lang=language,
            progress=advance,
        )


def _print_warnings(problems: list[Problem], language: str) -> None:
    if not problems:
        return
    out = error_console()
    out.print(say(MESSAGES, "warnings", language), markup=False)
    for problem in problems:
        out.print("  ⚠ " + problem.format().replace("\n", "\n  "), markup=False)


@command("merge")
def merge_command(
    folder: FolderArgument = None,
    workshop: WorkshopOption = Path("."),
    round_id: RoundOption = None,
    similarity: SimilarityOption = None,
    rank: Annotated[
        str,
        typer.Option(
            "--rank",
            help="Ranking: breadth (units that raised it), votes (votes.yaml) or borda.",
        ),
    ] = "breadth",
    top: Annotated[
        int, typer.Option("--top", help="Items per quadrant in the 2×2 grid and the terminal.")
    ] = 5,
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            help="Date on the cover, YYYY-MM-DD (default: the round's date in workshop.yaml).",
            show_default=False,
        ),
    ] = None,
    list_limit: Annotated[
        int,
        typer.Option(
            "--list",
            help="Items per quadrant in the handout's full lists; 0 lists all (swot export "
            "always gives all).",
        ),
    ] = 50,
    lang: LangOption = None,
    as_json: JsonOption = False,
) -> None:
    """Merge a round's entries across units, rank them, and write HTML and Markdown handouts.

    Near-duplicates within each theme and quadrant become one item; merges.yaml decisions are
    followed. Handouts go to <workshop>/handouts/<round>/. A broken entries file is reported
    and the other files still merge.

    Example: swot merge workshops/hoganasmodellen
    """
    from swot.analysis.ranking import METHODS
    from swot.errors import UsageError
    from swot.files.located import display_path
    from swot.output.handout import HandoutOptions, write_handouts

    loaded, language, threshold = _setup(folder or workshop, lang, similarity)
    if rank not in METHODS:
        raise UsageError(
            say(MESSAGES, "bad_method", language, value=rank),
            say(MESSAGES, "bad_method.hint", language),
        )
    if not 1 <= top <= 20:
        raise UsageError(
            say(MESSAGES, "bad_top", language, value=top), say(MESSAGES, "bad_top.hint", language)
        )
    if list_limit < 0:
        raise UsageError(
            say(MESSAGES, "bad_list", language, value=list_limit),
            say(MESSAGES, "bad_list.hint", language),
        )
    cover_date = _parse_date(date, language)
    merge = _merge(loaded, round_id, language, threshold, rank, show_progress=not as_json)
    options = HandoutOptions(
        top=top, lang=language, date=cover_date or merge.round.date, list_limit=list_limit
    )
    written = write_handouts(merge, options)
    if as_json:
        from swot.output.export import as_json as merge_json

        data = merge_json(merge)
        data["files"] = [display_path(p) for p in written]
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    _print_warnings(merge.warnings, language)
    _print_summary(merge, language, top)
    out = console()
    out.print(say(MESSAGES, "written", language), markup=False)
    for path in written:
        out.print(f"  ✓ {display_path(path)}", markup=False)


def _parse_date(value: str | None, language: str) -> dt.date | None:
    from swot.errors import UsageError

    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise UsageError(
            say(MESSAGES, "bad_date", language, value=value),
            say(MESSAGES, "bad_date.hint", language),
        ) from None


def _print_summary(merge: RoundMerge, language: str, top: int) -> None:
    from rich.table import Table
    from rich.text import Text

    from swot.i18n import format_number
    from swot.output.handout import figures
    from swot.vocabulary import QUADRANT_ORDER, quadrant_name

    out = console()
    spec = merge.workshop.workshop
    out.print(
        Text(
            say(MESSAGES, "title", language, workshop=spec.name, round=merge.round.title()),
            style="bold",
        )
    )
    out.print(
        say(
            MESSAGES,
            "summary",
            language,
            entries=len(merge.entries),
            units=len({e.unit for e in merge.entries}),
            items=len(merge.items),
            similarity=format_number(merge.similarity, language, 0),
            method=say(MESSAGES, f"method.{merge.method}", language),
        ),
        markup=False,
    )
    for theme in spec.themes:
        for quadrant in QUADRANT_ORDER:
            ranked = [
                r for r in merge.ranked if r.item.theme == theme.id and r.item.quadrant == quadrant
            ][:top]
            table = Table(
                title=say(
                    MESSAGES,
                    "table",
                    language,
                    theme=theme.name(language),
                    quadrant=quadrant_name(quadrant, language),
                ),
                title_justify="left",
                expand=False,
            )
            table.add_column(say(MESSAGES, "col.rank", language), justify="right")
            table.add_column(say(MESSAGES, "col.item", language), overflow="fold", max_width=60)
            table.add_column(say(MESSAGES, "col.figures", language), overflow="fold")
            for item in ranked:
                table.add_row(
                    str(item.rank),
                    Text(item.item.text),
                    Text(figures(item, len(merge.status.units), language)),
                )
            if not ranked:
                table.add_row("", Text(say(MESSAGES, "no_items", language)), "")
            out.print(table)


@command("export")
def export_command(
    folder: FolderArgument = None,
    workshop: WorkshopOption = Path("."),
    round_id: RoundOption = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="csv (items.csv + entries.csv), xlsx or json.")
    ] = "csv",
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Folder to write into (default: <workshop>/handouts/<round>/).",
            show_default=False,
        ),
    ] = None,
    similarity: SimilarityOption = None,
    rank: Annotated[str, typer.Option("--rank", help="breadth, votes or borda.")] = "breadth",
    lang: LangOption = None,
    as_json: JsonOption = False,
) -> None:
    """Export a round's entries and merged items as CSV or XLSX for spreadsheets, or JSON.

    Every entry row names its merged item, unit, file and line.

    Example: swot export workshops/hoganasmodellen --format xlsx
    """
    from swot.analysis.ranking import METHODS
    from swot.errors import UsageError
    from swot.files.located import display_path
    from swot.output.export import FORMATS, write_export
    from swot.output.export import as_json as merge_json
    from swot.output.handout import handouts_folder

    loaded, language, threshold = _setup(folder or workshop, lang, similarity)
    if fmt not in FORMATS:
        raise UsageError(
            say(MESSAGES, "bad_format", language, value=fmt),
            say(MESSAGES, "bad_format.hint", language),
        )
    if rank not in METHODS:
        raise UsageError(
            say(MESSAGES, "bad_method", language, value=rank),
            say(MESSAGES, "bad_method.hint", language),
        )
    merge = _merge(loaded, round_id, language, threshold, rank, show_progress=False)
    if as_json or fmt == "json":
        typer.echo(json.dumps(merge_json(merge), ensure_ascii=False, indent=2))
        return
    _print_warnings(merge.warnings, language)
    written = write_export(merge, output or handouts_folder(merge), fmt, language)
    out = console()
    out.print(say(MESSAGES, "export.written", language), markup=False)
    for path in written:
        out.print(f"  ✓ {display_path(path)}", markup=False)


@command("review")
def review_command(
    folder: FolderArgument = None,
    workshop: WorkshopOption = Path("."),
    round_id: RoundOption = None,
    similarity: SimilarityOption = None,
    lang: LangOption = None,
) -> None:
    """Walk the uncertain merges (similarity near the threshold) and record decisions.

    Each answer is appended to merges.yaml at once; `swot merge` follows it on every run.

    Example: swot review workshops/hoganasmodellen
    """
    import sys

    from swot.analysis.grouping import review_pairs
    from swot.errors import UsageError
    from swot.jobs.merge import load_decisions

    loaded, language, threshold = _setup(folder or workshop, lang, similarity)
    if not sys.stdin.isatty():
        raise UsageError(
            say(MESSAGES, "review.no_terminal", language),
            say(MESSAGES, "review.no_terminal.hint", language),
        )
    merge = _merge(loaded, round_id, language, threshold, "breadth", show_progress=True)
    pairs = review_pairs(
        merge.entries, similarity=threshold, decisions=load_decisions(loaded, language)
    )
    run_review(loaded, pairs, language, threshold, ask_pair)


def run_review(
    loaded: LoadedWorkshop,
    pairs: list[ReviewPair],
    language: str,
    threshold: float,
    ask: Callable[[ReviewPair, str, str], str],
) -> int:
    """Ask about each pair with ``ask(pair, header, language) -> 'join'|'apart'|'skip'|'quit'``;
    append each decision to merges.yaml at once. Returns the number of decisions saved.
    """
    from swot.files.decisions import APART, JOIN, MERGES_FILE, MergeDecision, append_decisions
    from swot.files.located import display_path
    from swot.i18n import format_number
    from swot.vocabulary import quadrant_name

    out = console()
    path_shown = display_path(loaded.folder / MERGES_FILE)
    shown_threshold = format_number(threshold, language, 0)
    if not pairs:
        out.print(say(MESSAGES, "review.none", language, similarity=shown_threshold), markup=False)
        return 0
    out.print(
        say(
            MESSAGES,
            "review.intro",
            language,
            count=len(pairs),
            similarity=shown_threshold,
            file=path_shown,
        ),
        markup=False,
    )
    saved = 0
    for number, pair in enumerate(pairs, start=1):
        header = say(
            MESSAGES,
            "review.pair",
            language,
            number=number,
            count=len(pairs),
            theme=loaded.workshop.theme(pair.theme).name(language),
            quadrant=quadrant_name(pair.quadrant, language),
            score=format_number(pair.score, language),
            state=say(MESSAGES, "review.together" if pair.together else "review.apart", language),
        )
        answer = ask(pair, header, language)
        if answer == "quit":
            break
        if answer not in (JOIN, APART):
            continue
        decision = MergeDecision(answer, pair.theme, pair.quadrant, (pair.left, pair.right))
        append_decisions(loaded, [decision], language)
        saved += 1
        out.print(say(MESSAGES, "review.saved", language, file=path_shown), markup=False)
    out.print(say(MESSAGES, "review.done", language, count=saved, file=path_shown), markup=False)
    return saved


def ask_pair(pair: ReviewPair, header: str, language: str) -> str:
    """Show two wordings and ask whether they say the same thing."""
    import questionary

    out = console()
    out.print()
    out.print(header, markup=False)
    out.print(f"  A: {pair.left}", markup=False)
    out.print(f"  B: {pair.right}", markup=False)
    choices = [
        questionary.Choice(say(MESSAGES, "review.join", language), value="join"),
        questionary.Choice(say(MESSAGES, "review.keep_apart", language), value="apart"),
        questionary.Choice(say(MESSAGES, "review.skip", language), value="skip"),
        questionary.Choice(say(MESSAGES, "review.quit", language), value="quit"),
    ]
    answer: str = questionary.select(
        say(MESSAGES, "review.question", language),
        choices=choices,
        default=choices[0 if pair.together else 1],
    ).unsafe_ask()
    return answer
