"""Word and PDF of any page swot renders as HTML: the one place a page gets its DOCX and PDF.

A page (the round's handout, the compare report, or any new one) is rendered from its Jinja
templates as HTML first; ``write_documents`` then writes ``<stem>.docx`` and ``<stem>.pdf``
from that same HTML, so the three never disagree. The title and the language come from the
HTML's ``<title>`` and ``<html lang>``. Both files go through the atomic write of
``swot.files.storage`` (a full disk or a read-only folder is a message, never half a file).

``print_stylesheet`` is the print CSS every page shares: the workshop's name and "Page 3 of 12"
in the page margins, a heading never left alone at the foot of a page, table header rows
repeated. The HTML templates include it (a browser's print shows it); the PDF writer (Typst)
sets the same footer itself."""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from swot.errors import DataError, Problem
from swot.i18n import catalogue, say

if TYPE_CHECKING:
    from swot.output.html_tree import Node

FORMATS = ("html", "md", "docx", "pdf")
DEFAULT_FORMATS = ("html", "md")
DOCUMENT_FORMATS = ("docx", "pdf")  # the formats made from the HTML here
MESSAGES = catalogue("output/documents")


def write_documents(
    html: str,
    folder: Path,
    stem: str,
    formats: Iterable[str],
    *,
    workshop_name: str,
    workshop_folder: Path | None = None,
) -> list[Path]:
    """Write ``folder/<stem>.docx`` and/or ``folder/<stem>.pdf`` (those of ``formats`` that
    are "docx" or "pdf") from ``html``; returns the paths written.

    ``workshop_name`` goes into the page margins; ``<workshop_folder>/templates/<stem>.docx``,
    when it exists, is the Word file's base (styles, page setup, letterhead). A broken base, or
    a Jinja error in its header or footer, raises ``DataError`` naming the file."""
    from swot.files.storage import atomic_write_bytes
    from swot.output.html_tree import parse_html

    wanted = [f for f in DOCUMENT_FORMATS if f in set(formats)]
    if not wanted:
        return []
    root = parse_html(html)
    page = root.find("html")
    lang = page.attrs.get("lang", "en") if page is not None else "en"
    lang = lang if lang in {"sv", "en"} else "en"
    title_node = root.find("title")
    title = title_node.text() if title_node is not None else stem
    written = []
    for fmt in wanted:
        if fmt == "docx":
            data = _docx(root, title, lang, workshop_name, base_template(workshop_folder, stem))
        else:
            from swot.output.pdf_writer import pdf_bytes

            data = pdf_bytes(root, title, lang, workshop_name, page_words(lang))
        path = folder / f"{stem}.{fmt}"
        atomic_write_bytes(path, data)
        written.append(path)
    return written


def base_template(workshop_folder: Path | None, stem: str) -> Path | None:
    """``<workshop>/templates/<stem>.docx`` if the workshop has one."""
    if workshop_folder is None:
        return None
    path = workshop_folder / "templates" / f"{stem}.docx"
    return path if path.is_file() else None


def _docx(root: Node, title: str, lang: str, workshop_name: str, base: Path | None) -> bytes:
    from swot.output.docx_writer import WordInfo, docx_bytes

    info = WordInfo(title, lang, workshop_name, page_words(lang), base is not None)
    data = docx_bytes(root, info, open_base(base, lang) if base else None)
    return fill_base(data, base, {"workshop_name": workshop_name, "title": title}, lang)


def page_words(lang: str) -> tuple[str, str, str]:
    """The words around the page number and the page count: ("Sida ", " av ", "")."""
    text = say(MESSAGES, "page", lang, page="\0", pages="\0")
    before, between, after = text.split("\0")
    return before, between, after


def css_string(text: str) -> str:
    """``text`` as a CSS string: quotes, backslashes, line breaks and ``<`` escaped (so it
    can never close the ``<style>`` element it sits in)."""
    escaped = "".join(
        f"\\{ord(ch):x} " if ch in '"\\<>&\n\r\f' or ord(ch) < 32 else ch for ch in text
    )
    return f'"{escaped}"'


def print_stylesheet(workshop_name: str, lang: str) -> str:
    """The print rules every page shares (see the module's docstring)."""
    before, between, after = page_words(lang)
    counter = " ".join(
        part
        for part in (
            css_string(before) if before else "",
            "counter(page)",
            css_string(between),
            "counter(pages)",
            css_string(after) if after else "",
        )
        if part
    )
    return (
        "@page {\n"
        f"  @bottom-left {{ content: {css_string(workshop_name)}; font-size: 8pt; color: #3d3d3d; }}\n"
        f"  @bottom-right {{ content: {counter}; font-size: 8pt; color: #3d3d3d; }}\n"
        "}\n"
        "h1, h2, h3, h4, h5, h6, caption { break-after: avoid; page-break-after: avoid; }\n"
        "thead { display: table-header-group; }\n"
        "tr, figure svg { break-inside: avoid; page-break-inside: avoid; }\n"
    )


def base_problem(path: Path, message: str, hint: str, line: int | None = None) -> DataError:
    """The workshop's Word base is wrong: its file, what is wrong, how to fix it."""
    from swot.files.located import display_path

    return DataError([Problem(file=display_path(path), line=line, message=message, hint=hint)])


# ---------------------------------------------------------------- a workshop's Word base


def open_base(path: Path, lang: str) -> Any:
    """The base as a python-docx Document, or a ``DataError`` naming the file."""
    import zipfile

    import docx

    try:
        if not zipfile.is_zipfile(path):  # python-docx would say "Package not found"
            raise ValueError(say(MESSAGES, "not_zip", lang))
        return docx.Document(str(path))
    except Exception as error:  # python-docx raises zip, XML and package errors alike
        reason = str(error) or type(error).__name__
        raise base_problem(
            path,
            say(MESSAGES, "bad_base", lang, reason=reason),
            say(MESSAGES, "bad_base.hint", lang),
        ) from None


def fill_base(data: bytes, base: Path | None, names: dict[str, str], lang: str) -> bytes:
    """``data`` (a document built on ``base``) with the Jinja tags of its headers and footers
    rendered with ``names``; unchanged when there is no base or no tag."""
    if base is None:
        return data
    import docx

    document = docx.Document(io.BytesIO(data))
    changed = False
    for section in document.sections:
        for part, holder in (("header", section.header), ("footer", section.footer)):
            for paragraph in holder.paragraphs:
                if "{{" in paragraph.text or "{%" in paragraph.text:
                    _render(paragraph, base, part, names, lang)
                    changed = True
    if not changed:
        return data
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _render(paragraph: Any, base: Path, part: str, names: dict[str, str], lang: str) -> None:
    """The paragraph's text rendered as a Jinja template, kept in its first run's format."""
    from jinja2 import Environment, StrictUndefined, TemplateError, TemplateSyntaxError

    try:
        text = Environment(undefined=StrictUndefined, autoescape=False).from_string(paragraph.text)
        rendered = text.render(names)
    except TemplateError as error:
        line = error.lineno if isinstance(error, TemplateSyntaxError) else None
        raise base_problem(
            base,
            say(
                MESSAGES,
                "base_template_error",
                lang,
                part=say(MESSAGES, f"part.{part}", lang),
                message=error.message or type(error).__name__,
            ),
            say(MESSAGES, "base_template_error.hint", lang, names=", ".join(sorted(names))),
            line=line,
        ) from None
    runs = paragraph.runs
    runs[0].text = rendered
    for run in runs[1:]:
        run.text = ""
