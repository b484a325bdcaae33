"""The two Jinja2 environments (HTML with autoescape, Markdown with escaping) and where templates
are looked up (the workshop's own ``templates/`` first).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import swot
from swot.texts import strip_control

if TYPE_CHECKING:
    from jinja2 import BytecodeCache, Environment

    from swot.errors import DataError


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~&!{}$])")

_LINE_START = re.compile(r"^(\s*)([-+=>]|\d+[.)])")


def builtin_template_dir() -> Path:
    """Templates shipped with swot: inside the package when installed, the repo when editable."""
    packaged = Path(swot.__file__).parent / "templates"
    return packaged if packaged.is_dir() else Path(swot.__file__).parent.parent / "templates"


def template_dirs(workshop_folder: Path | None) -> list[Path]:
    """Where templates are looked up: the workshop's own ``templates/`` first."""
    dirs = []
    if workshop_folder is not None and (workshop_folder / "templates").is_dir():
        dirs.append(workshop_folder / "templates")
    dirs.append(builtin_template_dir())
    return dirs


def _compiled_templates() -> BytecodeCache | None:
    """Where compiled templates are kept between runs (compiling them costs ~0.1 s a run).

    Jinja2's own per-user folder (``/tmp/_jinja2-cache-<uid>``, mode 0700, checked to be the
    user's own): never the workshop folder, which others may write to, since what is cached
    there is Python code. Keyed by template file and a checksum of its text.
    """
    from jinja2 import FileSystemBytecodeCache

    try:
        return FileSystemBytecodeCache()
    except (OSError, RuntimeError):  # no safe place: compile every time
        return None


def html_environment(dirs: list[Path]) -> Environment:
    """Jinja2 for HTML: autoescape on for every value, undefined names are errors."""
    return _environment(dirs, autoescape=True)


def _environment(dirs: list[Path], **options: Any) -> Environment:
    """The settings both environments share: templates from ``dirs``, compiled templates kept,
    undefined names are errors, a template's last newline stays."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    return Environment(
        loader=FileSystemLoader([str(d) for d in dirs]),
        bytecode_cache=_compiled_templates(),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        **options,
    )


class MarkdownText(str):
    """Text that is already Markdown (the environment leaves it as it is)."""


def markdown_environment(dirs: list[Path]) -> Environment:
    """Jinja2 for Markdown: every value is escaped for Markdown unless it is ``MarkdownText``."""

    def finalize(value: object) -> str:
        if isinstance(value, MarkdownText):
            return str(value)
        return escape_markdown(str(value))

    return _environment(dirs, autoescape=False, finalize=finalize)


def escape_markdown(text: str) -> str:
    """Text that Markdown shows as written: inline, in a list item or a table cell."""
    text = strip_control(text)
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    return _LINE_START.sub(lambda m: m.group(1) + _escape_marker(m.group(2)), text)


def _escape_marker(marker: str) -> str:
    if marker[0].isdigit():
        return marker[:-1] + "\\" + marker[-1]
    return "\\" + marker


def render_template(environment: Environment, name: str, context: dict[str, Any], lang: str) -> str:
    """``name`` rendered with ``context``; a Jinja error (most likely in a workshop's own
    template) is a ``DataError`` naming the template file, its line and Jinja's own message."""
    from jinja2 import TemplateError, TemplateSyntaxError

    try:
        return environment.get_template(name).render(context)
    except TemplateSyntaxError as error:
        raise _template_problem(error.filename or name, error.lineno, error.message, lang) from None
    except TemplateError as error:
        file, line = _template_frame(error, name)
        raise _template_problem(file, line, error.message, lang) from None


def _template_frame(error: BaseException, name: str) -> tuple[str, int | None]:
    """The template file and line a rendering error came from (Jinja puts the template's own
    file and line into the traceback)."""
    found: tuple[str, int | None] = (name, None)
    trace = error.__traceback__
    while trace is not None:
        file = trace.tb_frame.f_code.co_filename
        if file.endswith(".j2"):
            found = (file, trace.tb_lineno)
        trace = trace.tb_next
    return found


def _template_problem(file: str, line: int | None, message: str | None, lang: str) -> DataError:
    from swot.errors import DataError, Problem
    from swot.files.located import display_path
    from swot.i18n import catalogue, say

    messages = catalogue("output/templates")
    return DataError(
        [
            Problem(
                file=display_path(Path(file)),
                line=line,
                message=say(messages, "template_error", lang, message=message or "?"),
                hint=say(messages, "template_error.hint", lang),
                code="template_error",
            )
        ]
    )
