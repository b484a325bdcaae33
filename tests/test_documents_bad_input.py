"""Bad input around the Word and PDF handouts: a workshop's own Word base that is not a Word
file or has a Jinja error in its header, a Jinja error in a workshop's own HTML template, a
workshop's CSS that asks the impossible, and a disk that refuses the file."""

from __future__ import annotations

import errno
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from swot.cli import app
from swot.files import storage
from swot.output.templates import builtin_template_dir

ENTRIES = "- theme: equality\n  quadrant: s\n  text: Tydlig plan\n  respondent: r01\n"


@pytest.fixture
def base(make_workshop: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = make_workshop({"baseline/hoganas": ENTRIES})
    (folder / "templates").mkdir()
    monkeypatch.chdir(folder)
    return folder


def _merge(*args: str) -> Any:
    return CliRunner().invoke(app, ["merge", ".", "--lang", "en", *args])


def _word_base(folder: Path, header: str) -> Path:
    """templates/handout.docx: a letterhead whose header says ``header``."""
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = header
    document.add_paragraph("This body is replaced by the handout.")
    path = folder / "templates" / "handout.docx"
    document.save(str(path))
    return path


def test_a_word_base_that_is_not_a_word_file_is_named_with_why(base: Path) -> None:
    (base / "templates" / "handout.docx").write_text("not a zip", encoding="utf-8")

    result = _merge("-f", "docx")

    assert result.exit_code == 1
    assert result.output == (
        "templates/handout.docx: cannot be read as a Word document (.docx): "
        "it is not a .docx file (a .docx is a zip package; an old .doc or a renamed file is not)\n"
        "  → save it again as a Word document (.docx) in Word or LibreOffice, or remove it to "
        "use swot's own\n"
    )
    assert not (base / "handouts" / "baseline" / "handout.docx").exists()


def test_a_jinja_error_in_the_word_bases_header_names_the_file_and_jinjas_message(
    base: Path,
) -> None:
    _word_base(base, "{{ workshop_name }")

    result = _merge("-f", "docx")

    assert result.exit_code == 1
    assert result.output == (
        "templates/handout.docx:1: error in the template's text (header): unexpected '}'\n"
        "  → correct the tag in Word; names you can use: title, workshop_name\n"
    )


def test_an_unknown_name_in_the_word_bases_header_is_named_too(base: Path) -> None:
    _word_base(base, "{{ network }}")

    result = _merge("-f", "docx")

    assert result.exit_code == 1
    assert result.output.startswith(
        "templates/handout.docx: error in the template's text (header): 'network' is undefined"
    )


def test_the_word_bases_header_gets_the_workshops_name_and_its_body_is_replaced(
    base: Path,
) -> None:
    _word_base(base, "Letterhead of {{ workshop_name }}")

    result = _merge("-f", "docx")

    assert result.exit_code == 0, result.output
    document = docx.Document(str(base / "handouts" / "baseline" / "handout.docx"))
    assert document.sections[0].header.paragraphs[0].text == "Letterhead of Test"
    assert "This body is replaced by the handout." not in [p.text for p in document.paragraphs]
    assert document.paragraphs[0].style.name == "Normal"  # the kicker: "SWOT HANDOUT"
    assert document.paragraphs[1].text == "Test"
    assert document.paragraphs[1].style.name == "Heading 1"


def test_a_jinja_error_in_a_workshops_html_template_names_file_line_and_message(
    base: Path,
) -> None:
    (base / "templates" / "handout.html.j2").write_text(
        "<p>{{ workshop_name }}</p>\n{{ nothing.here }}\n", encoding="utf-8"
    )

    result = _merge("-f", "pdf")

    assert result.exit_code == 1
    assert result.output == (
        "templates/handout.html.j2:2: error in the template: 'nothing' is undefined\n"
        "  → correct the template (swot's own are in the templates/ folder of swot's source), "
        "or remove it from the workshop's templates/ to use swot's own\n"
    )


def test_a_syntax_error_in_a_workshops_template_names_its_line(base: Path) -> None:
    (base / "templates" / "handout.md.j2").write_text("# {{ workshop_name\n", encoding="utf-8")

    result = _merge()

    assert result.exit_code == 1
    assert result.output.startswith("templates/handout.md.j2:1: error in the template: ")


def test_a_workshops_css_that_would_make_the_grid_taller_than_a_page_leaves_the_pdf_alone(
    base: Path,
) -> None:
    # The PDF is laid out by Typst from the HTML's structure, not from its CSS (WeasyPrint,
    # before, failed on such a block and laid the page out again): same pages either way.
    _merge("-f", "pdf")
    pdf = base / "handouts" / "baseline" / "handout.pdf"
    pages = [page.extract_text() for page in PdfReader(pdf).pages]
    css = (builtin_template_dir() / "_handout.css.j2").read_text(encoding="utf-8")
    (base / "templates" / "_handout.css.j2").write_text(
        css.replace("min-height: 100mm", "min-height: 200mm"), encoding="utf-8"
    )

    result = _merge("-f", "pdf")

    assert result.exit_code == 0, result.output
    assert [page.extract_text() for page in PdfReader(pdf).pages] == pages


@pytest.mark.parametrize(
    ("fmt", "code", "expected"),
    [
        ("pdf", errno.ENOSPC, "handouts/baseline/handout.pdf: the disk is full"),
        ("docx", errno.EROFS, "handouts/baseline/handout.docx: the folder is read-only"),
        ("docx", errno.EACCES, "handouts/baseline/handout.docx: you do not have permission"),
    ],
)
def test_a_disk_that_refuses_the_word_or_pdf_file_says_so_and_leaves_no_part(
    base: Path, monkeypatch: pytest.MonkeyPatch, fmt: str, code: int, expected: str
) -> None:
    real = storage._write_temp_file

    def refused(path: Path, *args: Any) -> str:
        if path.suffix == f".{fmt}":
            raise OSError(code, os.strerror(code), str(path.parent))
        return real(path, *args)

    monkeypatch.setattr(storage, "_write_temp_file", refused)
    result = _merge("-f", f"html,{fmt}")

    assert result.exit_code == 1
    assert expected in result.output, result.output
    assert "Traceback" not in result.output
    assert sorted(p.name for p in (base / "handouts" / "baseline").iterdir()) == ["handout.html"]
    shutil.rmtree(base / "handouts")
