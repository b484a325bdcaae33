"""A page swot rendered as HTML, written as a tagged PDF (WeasyPrint, PDF/UA-1).

WeasyPrint lays out the same HTML and CSS a browser prints: the document language from
``<html lang>``, the title from ``<title>``, a structure tree (headings, lists, tables with
their header cells), bookmarks for the headings, ``<thead>`` rows repeated on each page. The
page margin boxes (the workshop's name, the page number) and the rules that keep a heading with
what follows come from ``print_stylesheet``, which the HTML templates include too."""

from __future__ import annotations

PDF_VARIANT = "pdf/ua-1"
# WeasyPrint (70) can fail an internal check laying out a block that must not break but is
# taller than a page (a workshop's own CSS could ask for that); the page is then laid out
# again with such blocks allowed to break, rather than not at all.
LET_BLOCKS_BREAK = "* { break-inside: auto !important; break-after: auto !important; }"


def pdf_bytes(html: str, stylesheet: str) -> bytes:
    """The PDF of ``html`` with ``stylesheet`` added (a user stylesheet: the page's own rules win)."""
    from weasyprint import CSS, HTML

    page = HTML(string=html, base_url=None)
    try:
        document = page.render(stylesheets=[CSS(string=stylesheet)])
    except AssertionError:
        document = page.render(stylesheets=[CSS(string=stylesheet + LET_BLOCKS_BREAK)])
    data = document.write_pdf(pdf_variant=PDF_VARIANT)
    assert data is not None  # no target given: the bytes are returned
    return bytes(data)
