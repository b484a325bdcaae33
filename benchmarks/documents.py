"""What Word and PDF cost beside the merge itself, on the national round (issue 13's target:
DOCX and PDF of the national handout ≤ 1× one cold merge).

Run: python benchmarks/documents.py [--runs 3] [--folder DIR]

In one run, on one machine, interleaved: a cold ``swot merge`` (no cache, no handouts; HTML and
Markdown, the default), then, from that merge's handout.html, the DOCX (``docx_writer``) and the
PDF (``pdf_writer``, Typst PDF/UA-1) each made in this process, as ``write_documents`` makes
them. Each figure is the median of ``--runs``; the ratios divide medians of the same run.
Also printed: the end to end cost, a warm ``swot merge -f docx,pdf`` less a warm ``swot merge``.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def timed(args: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(args, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - start


def cold_merge(folder: Path) -> float:
    for produced in (".swot-cache", "handouts"):
        shutil.rmtree(folder / produced, ignore_errors=True)
    return timed([sys.executable, "-m", "swot", "merge", "."], folder)


def documents(html: str) -> tuple[float, float, int, int]:
    """Seconds for the DOCX and the PDF of ``html``, and their sizes in bytes."""
    from swot.output.documents import page_words
    from swot.output.docx_writer import WordInfo, docx_bytes
    from swot.output.pdf_writer import pdf_bytes

    start = time.perf_counter()
    word = docx_bytes(html, WordInfo("SWOT", "sv", "Nationell", page_words("sv")))
    middle = time.perf_counter()
    pdf = pdf_bytes(html, "SWOT", "sv", "Nationell", page_words("sv"))
    return middle - start, time.perf_counter() - middle, len(word), len(pdf)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--folder", type=Path, help="a national round made by generate.py")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        folder = options.folder or Path(temp) / "national"
        if options.folder is None:
            subprocess.run(
                [sys.executable, str(REPO / "benchmarks" / "generate.py"), str(folder)],
                check=True,
                capture_output=True,
            )
        measure(folder, options.runs)


def measure(folder: Path, runs: int) -> None:
    merges, words, pdfs = [], [], []
    sizes = (0, 0)
    for _ in range(runs):
        merges.append(cold_merge(folder))
        html = next((folder / "handouts").glob("*/handout.html")).read_text(encoding="utf-8")
        word, pdf, *size = documents(html)
        words.append(word)
        pdfs.append(pdf)
        sizes = (size[0], size[1])
    warm = timed([sys.executable, "-m", "swot", "merge", "."], folder)
    both = timed([sys.executable, "-m", "swot", "merge", ".", "-f", "docx,pdf"], folder)
    merge, word, pdf = (statistics.median(x) for x in (merges, words, pdfs))
    print(f"national round: {folder}, {runs} runs, medians")
    print(f"| cold merge (html, md)   | {merge:6.2f} s | 1.00 × |")
    print(
        f"| DOCX of its handout     | {word:6.2f} s | {word / merge:.2f} × | {sizes[0]:,} bytes |"
    )
    print(f"| PDF of its handout      | {pdf:6.2f} s | {pdf / merge:.2f} × | {sizes[1]:,} bytes |")
    print(f"| DOCX + PDF              | {word + pdf:6.2f} s | {(word + pdf) / merge:.2f} × |")
    print(f"| warm merge -f docx,pdf less a warm merge | {both - warm:6.2f} s |")
    pdf_file = next((folder / "handouts").glob("*/handout.pdf"))
    print(f"pages of the PDF: {pdf_pages(pdf_file.read_bytes())}")


def pdf_pages(data: bytes) -> int:
    """The PDF's page count (its page tree's /Count; no PDF library needed)."""
    import re

    counts = [int(n) for n in re.findall(rb"/Type\s*/Pages\s*/Count (\d+)", data)]
    counts += [int(n) for n in re.findall(rb"/Count (\d+)\s*/Kids", data)]
    return max(counts, default=0)


if __name__ == "__main__":
    main()
