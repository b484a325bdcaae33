"""Running the survey: uvicorn in a thread on 127.0.0.1 (or every IPv4 address with ``--lan``),
the addresses people type or scan, the poster file, and the live figures for the terminal.

The socket is bound before the server thread starts, so a port in use is a clear message, not
a traceback from inside uvicorn. Stopping lets requests in progress finish: an answer that is
being saved is saved (and confirmed) before the process ends.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from swot.errors import SwotError, UsageError
from swot.files.storage import atomic_write_text
from swot.files.workshop import LoadedWorkshop
from swot.i18n import catalogue, say
from swot.survey.app import SurveyApp, SurveySettings, create_app
from swot.survey.guard import Limits, SessionKeys, allowed_hosts
from swot.survey.store import AnswerStore

if TYPE_CHECKING:
    from swot.analysis.status import RoundStatus
    from swot.files.entries import EntriesFile

DEFAULT_PORT = 8765
PORTS_TRIED = 20  # without --port: 8765, 8766, … until one is free
LOCAL = "127.0.0.1"
START_TIMEOUT = 15.0
POSTER_FILE = "survey-poster.html"

MESSAGES = catalogue("survey/server")


def lan_address() -> str | None:
    """The address other devices on this computer's network reach it by, if it has one.

    Connecting a UDP socket sends nothing: the system only looks in its routing table for the
    local address that traffic to the given address would leave from (here a documentation
    address, 192.0.2.1). No packet leaves the computer.
    """
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("192.0.2.1", 9))
        address = probe.getsockname()[0]
    except OSError:
        address = None
    finally:
        probe.close()
    if address and not address.startswith("127.") and address != "0.0.0.0":
        return str(address)
    return None


def bind_socket(host: str, port: int | None, lang: str) -> socket.socket:
    """A listening socket on ``host``: ``port`` if given, else the first free default port."""
    ports = [port] if port is not None else list(range(DEFAULT_PORT, DEFAULT_PORT + PORTS_TRIED))
    for candidate in ports:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        if os.name != "nt":  # a restart may reuse a port in TIME_WAIT (never a listening one)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, candidate))
            sock.listen(128)
            return sock
        except OSError as error:
            sock.close()
            if port is None and error.errno in _IN_USE:
                continue
            raise _bind_error(error, host, candidate, port is not None, lang) from None
    raise SwotError(
        say(MESSAGES, "no_port", lang, first=ports[0], last=ports[-1]),
        say(MESSAGES, "no_port.hint", lang),
    )


_IN_USE = {98, 48, 10048}  # EADDRINUSE on Linux, macOS, Windows


def _bind_error(error: OSError, host: str, port: int, explicit: bool, lang: str) -> SwotError:
    if error.errno in _IN_USE and explicit:
        return UsageError(
            say(MESSAGES, "port_in_use", lang, port=port),
            say(MESSAGES, "port_in_use.hint", lang, other=port + 1 if port < 65535 else 8765),
        )
    reason = error.strerror or str(error)
    return SwotError(
        say(MESSAGES, "cannot_bind", lang, address=f"{host}:{port}", reason=reason),
        say(MESSAGES, "cannot_bind.hint", lang),
    )


@dataclass
class RunningSurvey:
    """A survey being served: where to reach it, where answers go, and how to stop it."""

    workshop: LoadedWorkshop
    round_id: str
    lang: str
    fixed_unit: str | None
    lan: bool
    url: str  # the address in the QR code
    app: SurveyApp
    server: Any = None  # uvicorn.Server
    thread: threading.Thread | None = None
    poster_path: Path | None = None
    started_at: float = field(default_factory=time.monotonic)

    @property
    def store(self) -> AnswerStore:
        return self.app.store

    @property
    def poster_url(self) -> str:
        return f"{self.url}poster"

    figures: LiveFigures | None = None

    def status(self) -> RoundStatus:
        """The round's figures, as ``swot status`` gives them (from the files as they are now)."""
        if self.figures is None:
            self.figures = LiveFigures(self.workshop, self.round_id, self.lang)
        return self.figures.status()

    def stop(self, timeout: float = 10.0) -> None:
        """Stop accepting requests; requests in progress finish (their answers are saved)."""
        if self.server is not None:
            self.server.should_exit = True
        if self.thread is not None:
            self.thread.join(timeout)


class LiveFigures:
    """``swot status``'s figures of one round, read again often: a file is parsed again only
    when its size or time changed (kept in memory, so nothing is written beside the files)."""

    def __init__(self, workshop: LoadedWorkshop, round_id: str, lang: str) -> None:
        self.workshop = workshop
        self.round_id = round_id
        self.lang = lang
        self._read: dict[Path, tuple[tuple[int, int], EntriesFile]] = {}

    def status(self) -> RoundStatus:
        from swot.analysis.status import round_status
        from swot.files.entries import entries_files, read_entries_file
        from swot.rounds.load import RoundEntries

        files = []
        for path in entries_files(self.workshop, self.round_id):
            try:
                stat = path.stat()
            except OSError:  # removed in between: it is not part of the round any more
                continue
            key = (stat.st_mtime_ns, stat.st_size)
            known = self._read.get(path)
            if known is None or known[0] != key:
                known = (key, read_entries_file(path, self.workshop, self.lang))
                self._read[path] = known
            files.append(known[1])
        spec = self.workshop.workshop
        round_ = spec.round(self.round_id)
        present = {f.unit for f in files}
        units = spec.units_of(round_) if round_ is not None else spec.units
        missing = [u.id for u in units if u.id not in present]
        loaded = RoundEntries(self.round_id, files, missing)
        return round_status(self.workshop, self.round_id, self.lang, loaded=loaded)


def start_survey(
    workshop: LoadedWorkshop,
    round_id: str,
    lang: str,
    fixed_unit: str | None = None,
    lan: bool = False,
    port: int | None = None,
    limits: Limits | None = None,
) -> RunningSurvey:
    """Serve the survey of ``round_id`` until ``stop()``; returns once it accepts requests."""
    shown = LOCAL
    if lan:
        found = lan_address()
        if found is None:
            raise SwotError(say(MESSAGES, "no_lan", lang), say(MESSAGES, "no_lan.hint", lang))
        shown = found
    sock = bind_socket("0.0.0.0" if lan else LOCAL, port, lang)
    bound = sock.getsockname()[1]
    keys = SessionKeys(lan)
    base = f"/{keys.path_token}" if keys.path_token else ""
    settings = SurveySettings(
        workshop=workshop,
        round_id=round_id,
        lang=lang,
        fixed_unit=fixed_unit,
        lan=lan,
        hosts=allowed_hosts(sorted({shown, LOCAL, "localhost"}), bound),
        public_url=f"http://{shown}:{bound}{base}/",
        limits=limits or Limits(),
        keys=keys,
    )
    app = create_app(settings)
    survey = RunningSurvey(workshop, round_id, lang, fixed_unit, lan, settings.public_url, app)
    _serve(survey, sock, lang)
    return survey


def _serve(survey: RunningSurvey, sock: socket.socket, lang: str) -> None:
    import uvicorn

    config = uvicorn.Config(
        survey.app,
        log_config=None,
        log_level="critical",  # the terminal shows the survey's own events, not access logs
        access_log=False,
        lifespan="off",
        ws="none",
        http="h11",
        server_header=False,
        timeout_graceful_shutdown=5,
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(
        target=server.run, kwargs={"sockets": [sock]}, name="swot-survey", daemon=True
    )
    survey.server, survey.thread = server, thread
    thread.start()
    deadline = time.monotonic() + START_TIMEOUT
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            raise SwotError(
                say(MESSAGES, "not_started", lang, seconds=int(START_TIMEOUT)),
                say(MESSAGES, "not_started.hint", lang),
            )
        time.sleep(0.02)


def write_poster(survey: RunningSurvey) -> Path:
    """The poster as one self-contained HTML file, ``handouts/<round>/survey-poster.html``."""
    path = survey.workshop.folder / "handouts" / survey.round_id / POSTER_FILE
    page = survey.app.pages.poster(survey.lang, survey.url, standalone=True)
    atomic_write_text(path, page)
    return path
