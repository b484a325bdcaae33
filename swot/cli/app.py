"""The Typer application and the one place where exceptions become messages and exit codes.

Command modules register with ``@command()``; it wraps each command so that a user error
prints its message (exit 1), a usage error exit 2, Ctrl-C exit 130, and a bug one line with the
traceback saved to a log file (exit 3). Heavy modules are imported inside the commands.

A command is thin: it turns its options (declared once, in ``options.py``) into the request of
one ``swot.jobs`` module, runs it, and hands the result to one printer (``*_output.py``);
``tests/test_thin_commands.py`` keeps it so.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from swot import __version__
from swot.errors import EXIT_BUG, EXIT_DATA_ERROR, EXIT_INTERRUPTED

if TYPE_CHECKING:  # Rich costs ~30 ms to import: `swot --help` and `--version` never need it.
    from rich.console import Console

app = typer.Typer(
    name="swot",
    help="SWOT workshops on gender equality and accessibility across the units of a network.\n\n"
    "Example: swot merge workshops/hoganasmodellen",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


F = TypeVar("F", bound=Callable[..., Any])

_consoles: dict[str, Console] = {}


def console() -> Console:
    """Rich console for results (stdout); honours NO_COLOR and a narrow terminal."""
    if "out" not in _consoles:
        from rich.console import Console

        _consoles["out"] = Console(highlight=False, soft_wrap=False)
    return _consoles["out"]


def error_console() -> Console:
    """Rich console for messages about problems (stderr)."""
    if "err" not in _consoles:
        from rich.console import Console

        _consoles["err"] = Console(stderr=True, highlight=False, soft_wrap=True)
    return _consoles["err"]


def _reset_consoles() -> None:
    """Forget cached consoles (the test runner swaps stdout between invocations), and the
    language of the last command's workshop."""
    from swot.i18n import _spoken

    _consoles.clear()
    _spoken.clear()


def command(*args: Any, **kwargs: Any) -> Callable[[F], F]:
    """Register a command whose exceptions become messages and exit codes."""

    def decorate(function: F) -> F:
        @functools.wraps(function)
        def wrapper(*call_args: Any, **call_kwargs: Any) -> Any:
            _reset_consoles()
            return run_guarded(function, *call_args, **call_kwargs)

        app.command(*args, **kwargs)(wrapper)
        return function

    return decorate


def run_guarded(function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Run a command body, translating every exception into a message and an exit code."""
    from swot.errors import SwotError

    try:
        return function(*args, **kwargs)
    except typer.Exit:
        raise
    except SwotError as error:
        error_console().print(error.format(), markup=False)
        raise typer.Exit(error.exit_code) from None
    except OSError as error:  # the machine: full disk, read-only folder, a file held open
        from swot.errors import FileSystemError
        from swot.i18n import spoken_language

        error_console().print(FileSystemError(error, spoken_language()).format(), markup=False)
        raise typer.Exit(EXIT_DATA_ERROR) from None
    except KeyboardInterrupt:
        from swot.errors import MESSAGES
        from swot.i18n import say, spoken_language

        error_console().print("\n" + say(MESSAGES, "interrupted", spoken_language()), markup=False)
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except Exception as error:  # a bug: one line for the user, the traceback in a log
        try:
            saved = f"Details were saved to {write_crash_log(error)}; please send that file"
        except OSError:  # the log cannot be written either (a full disk): show it here
            error_console().print(crash_report(error), markup=False)
            saved = "The details are above; please send them"
        error_console().print(
            f"swot: internal error ({type(error).__name__}): this is a bug in swot, not in "
            f"your files. {saved} to the maintainers.",
            markup=False,
        )
        raise typer.Exit(EXIT_BUG) from None


def write_crash_log(error: BaseException) -> Path:
    """Save a traceback where the user can find and send it; return its path."""
    folder = Path(os.environ.get("SWOT_LOG_DIR") or Path(tempfile.gettempdir()) / "swot-logs")
    folder.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    path = folder / f"swot-crash-{stamp}-{os.getpid()}.log"
    path.write_text(crash_report(error), encoding="utf-8")
    return path


def crash_report(error: BaseException) -> str:
    """The version, the command line and the traceback of a bug."""
    text = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    return f"swot {__version__}\n{' '.join(sys.argv)}\n\n{text}"


def version_callback(value: bool) -> None:
    if value:
        typer.echo(f"swot {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=version_callback, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """SWOT workshops on gender equality and accessibility across the units of a network.

    Example: swot merge workshops/hoganasmodellen
    """


def stdin_is_terminal() -> bool:
    """Whether someone can answer questions (passed to the jobs that ask, checked when needed)."""
    return sys.stdin.isatty()
