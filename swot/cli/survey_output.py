"""What ``swot survey`` shows while it serves: the address and a QR code, then a live table of
respondents per unit against the target (the figures of ``swot status``) and each saved
answer as one line, never its text (the screen may be on the wall). Ctrl-C stops the server;
every answer a participant saw confirmed is already on disk."""

from __future__ import annotations

import signal
import time
from typing import TYPE_CHECKING, Any

from swot.cli.app import console, write_crash_log
from swot.cli.status_output import MESSAGES as STATUS_MESSAGES
from swot.cli.status_output import unit_cells
from swot.files.appending import _count
from swot.files.located import display_path
from swot.i18n import catalogue, say
from swot.words import WORDS

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.text import Text

    from swot.analysis.status import RoundStatus
    from swot.survey.server import RunningSurvey
    from swot.survey.store import SurveyEvent

REFRESH_SECONDS = 0.25
STATUS_SECONDS = 5.0  # re-read the files this often anyway (another facilitator may collect)
BUSY_SECONDS = 1.0  # while answers come in, the table is re-read at most this often
RECENT_EVENTS = 5

MESSAGES = catalogue("cli/survey_output")


def show_survey(survey: RunningSurvey) -> None:
    """Serve until Ctrl-C (or SIGTERM), showing the live figures; then stop the server."""
    out = console()
    lang = survey.lang
    _print_header(out, survey)
    screen = _Screen(survey)
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        if out.is_terminal:
            _live(out, screen)
        else:
            _plain(out, screen)
    except KeyboardInterrupt:
        pass
    finally:
        survey.stop()
        signal.signal(signal.SIGTERM, previous)
    saved, problems = screen.take_events()  # what happened while the server was stopping
    for line in (saved if not out.is_terminal else []) + problems:
        out.print(line)
    screen.read_now()
    out.print(screen.live_view() if out.is_terminal else screen.table())
    out.print(say(MESSAGES, "stopped", lang, count=survey.store.saved_count), markup=False)


def _interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


def _print_header(out: Console, survey: RunningSurvey) -> None:
    from rich.text import Text

    lang = survey.lang
    title = say(
        STATUS_MESSAGES,
        "status.title",
        lang,
        workshop=survey.workshop.workshop.name,
        round=survey.workshop.workshop.round(survey.round_id).title(),  # type: ignore[union-attr]
        date="",
    )
    out.print(Text(title, style="bold"))
    out.print(Text(say(MESSAGES, "address", lang, url=survey.url), style="bold"))
    out.print(say(MESSAGES, "lan_note" if survey.lan else "local_only", lang), markup=False)
    if survey.fixed_unit:
        unit = survey.workshop.workshop.unit(survey.fixed_unit)
        name = unit.name if unit else survey.fixed_unit
        out.print(say(MESSAGES, "unit_note", lang, unit=name), markup=False)
    if survey.poster_path is not None:
        poster = say(
            MESSAGES,
            "poster",
            lang,
            file=display_path(survey.poster_path),
            url=survey.poster_url,
        )
        out.print(poster, markup=False, soft_wrap=True)
    out.print(say(MESSAGES, "scan", lang), markup=False)
    out.print(qr_text(survey.url, color=out.color_system is not None and not out.no_color))
    out.print(say(MESSAGES, "stop_hint", lang), markup=False)


def qr_text(url: str, color: bool) -> Text:
    """The QR code of ``url`` in half-block characters, two module rows per text line.

    With colour, dark modules are black on white whatever the terminal's theme; without, the
    light modules are drawn (readable on the usual light-on-dark terminal, as segno does)."""
    import segno
    from rich.style import Style
    from rich.text import Text

    rows = [list(row) for row in segno.make(url, error="m").matrix_iter(border=2)]
    if len(rows) % 2:
        rows.append([0] * len(rows[0]))
    text = Text(no_wrap=True, overflow="crop")
    black, white = "rgb(0,0,0)", "rgb(255,255,255)"
    plain = {(1, 1): " ", (0, 1): "▀", (1, 0): "▄", (0, 0): "█"}
    for top, bottom in zip(rows[::2], rows[1::2], strict=True):
        for upper, lower in zip(top, bottom, strict=True):
            if color:
                style = Style(color=black if upper else white, bgcolor=black if lower else white)
                text.append("▀", style)
            else:
                text.append(plain[(int(bool(upper)), int(bool(lower)))])
        text.append("\n")
    text.rstrip()
    return text


class _Screen:
    """What the terminal shows: the table (re-read when an answer comes in) and events."""

    def __init__(self, survey: RunningSurvey) -> None:
        self.survey = survey
        self.lang = survey.lang
        self.session: dict[str, int] = {}  # unit → answers saved this session
        self.recent: list[str] = []
        self.status: RoundStatus = survey.status()
        self.read_at = time.monotonic()
        self.pending = False  # answers came in since the figures were read

    def take_events(self) -> tuple[list[Text], list[Text]]:
        """Lines for what happened since the last call: answers saved (one line each) and
        problems (in full); the table is re-read when there were any."""
        import queue

        from rich.text import Text

        saved: list[Text] = []
        problems: list[Text] = []
        while True:
            try:
                event = self.survey.store.events.get_nowait()
            except queue.Empty:
                break
            line = self._line(event)
            if event.kind in {"saved", "side_file"}:
                self.session[event.unit] = self.session.get(event.unit, 0) + 1
            if event.kind == "saved":
                saved.append(Text(line))
                self.recent = [*self.recent, line][-RECENT_EVENTS:]
            else:
                problems.append(Text(line, style="bold red"))
        self.pending = self.pending or bool(saved or problems)
        self.refresh(force=self.pending)
        return saved, problems

    def refresh(self, force: bool = False) -> None:
        """Re-read the figures: soon after answers came in, else every few seconds (reading
        shares the processor with the server, so not at every tick of a busy room)."""
        waited = time.monotonic() - self.read_at
        if waited > STATUS_SECONDS or (force and waited > BUSY_SECONDS):
            self.read_now()

    def read_now(self) -> None:
        self.status = self.survey.status()
        self.read_at = time.monotonic()
        self.pending = False

    def _line(self, event: SurveyEvent) -> str:
        lang = self.lang
        unit = self._unit_name(event.unit)
        stamp = event.at.strftime("%H:%M:%S")
        if event.kind == "saved":
            count = _count(event.entries, lang)
            return say(
                MESSAGES, "saved", lang, time=stamp, unit=unit, respondent=event.respondent,
                count=count,
            )  # fmt: skip
        if event.kind == "side_file":
            side = display_path(event.path) if event.path else "?"
            head = say(
                MESSAGES, "side_file", lang, time=stamp, unit=unit, respondent=event.respondent,
                side=side,
            )  # fmt: skip
            hint = say(MESSAGES, "side_file.hint", lang, side=side)
            return f"{head}\n  {event.problem.replace(chr(10), chr(10) + '  ')}\n  → {hint}"
        if event.kind == "failed":
            head = say(MESSAGES, "failed", lang, time=stamp, unit=unit)
            return f"{head}\n  {event.problem.replace(chr(10), chr(10) + '  ')}"
        error = event.error or RuntimeError("unknown")
        log = write_crash_log(error)
        return say(MESSAGES, "bug", lang, kind=type(error).__name__, log=log)

    def _unit_name(self, unit_id: str) -> str:
        unit = self.survey.workshop.workshop.unit(unit_id)
        return unit.name if unit else unit_id

    def table(self) -> RenderableType:
        return rates_table(self.status, self.session, self.lang, self.survey.fixed_unit)

    def live_view(self) -> RenderableType:
        from rich.console import Group
        from rich.text import Text

        lines = self.recent or [say(MESSAGES, "waiting", self.lang)]
        heading = Text(say(MESSAGES, "latest", self.lang), style="bold")
        return Group(self.table(), heading, *(Text(line) for line in lines))


def rates_table(
    status: RoundStatus, session: dict[str, int], lang: str, only: str | None = None
) -> RenderableType:
    """Respondents per unit against the target (as ``swot status``), and answers this session."""
    from rich.table import Table

    from swot.analysis.status import format_percent

    target = format_percent(status.target / 100, lang)
    table = Table(show_edge=True, header_style="bold")
    table.add_column(say(STATUS_MESSAGES, "col.unit", lang))
    table.add_column(say(STATUS_MESSAGES, "col.respondents", lang), justify="right")
    table.add_column(say(STATUS_MESSAGES, "col.rate", lang), justify="right")
    table.add_column(say(STATUS_MESSAGES, "col.target", lang, target=target))
    table.add_column(say(WORDS, "new", lang), justify="right")
    for unit in status.units:
        if only is not None and unit.unit != only:
            continue
        table.add_row(*unit_cells(unit, lang), str(session.get(unit.unit, 0)))
    return table


def _live(out: Console, screen: _Screen) -> None:
    from rich.live import Live

    # Transient: when it stops, the final figures are printed once, read after the last answer.
    with Live(screen.live_view(), console=out, refresh_per_second=4, transient=True) as live:
        while True:
            _saved, problems = screen.take_events()
            for line in problems:
                live.console.print(line)
            live.update(screen.live_view())
            time.sleep(REFRESH_SECONDS)


def _plain(out: Console, screen: _Screen) -> None:
    """Without a terminal (a log, a pipe): the table once, then one line per event."""
    out.print(screen.table())
    while True:
        saved, problems = screen.take_events()
        for line in saved + problems:
            out.print(line)
        time.sleep(REFRESH_SECONDS)
