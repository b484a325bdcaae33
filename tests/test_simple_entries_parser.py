"""The fast reader of the common entries shape must give exactly the full parser's tree, or decline.

``parse_simple_entries`` reads most entries files without PyYAML's event stream. Whatever it
accepts must come out as ``parse_document`` would build it (values, quoting, lines and
columns); anything else it must leave to the full parser (return None).
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from swot.files.yamltree import SyntaxProblem, parse_document, parse_simple_entries

ROOT = Path(__file__).resolve().parent.parent

# Characters that matter to YAML, and some that only matter to people.
ALPHABET = st.sampled_from(
    list("abc xyzåäöÅÉ09") + list("'\"#:-?,[]{}&*!|>%@`\\~") + ["\t", "\x85", "\u2028", "é", "😀"]
)
# Mostly what people write, so that many files are in the common shape.
WORDS = st.from_regex(r"[A-Za-zåäö0-9][A-Za-zåäö0-9 .,:#'-]{0,14}", fullmatch=True)
KEYS = st.sampled_from(
    ["tema", "kvadrant", "text", "vikt", "källa", "theme", "a-b", "x1", "1x", "-x", "k k"]
)


@st.composite
def entries_files(draw: st.DrawFn) -> str:
    """Files in the common shape with small deviations; half of them noisier."""
    noisy = draw(st.booleans())

    def pick(clean: list[str], odd: list[str]) -> str:
        return draw(st.sampled_from(clean + odd if noisy else clean))

    lines = [pick(["", "# kommentar"], ["  # indragen"])] if draw(st.booleans()) else []
    for _ in range(draw(st.integers(1, 4))):
        dash_indent = " " * int(pick(["0", "0", "2"], ["1"]))
        gap = " " * int(pick(["1"], ["2"]))
        for number in range(draw(st.integers(1, 4))):
            key = draw(KEYS) if noisy else draw(st.sampled_from(["tema", "text", "vikt", "källa"]))
            value = draw(
                st.one_of(WORDS, WORDS, st.text(ALPHABET, max_size=12)) if noisy else WORDS
            )
            quote = pick(["", "", '"', "'"], [])
            if quote:
                value = quote + value + pick([quote], [""])
            tail = pick(["", "", " # note", "  "], ["#x"])
            separator = pick([": "], [":", ":  ", " : "])
            if number == 0:
                lines.append(f"{dash_indent}-{gap}{key}{separator}{value}{tail}")
            else:
                indent = len(dash_indent) + 1 + len(gap) + int(pick(["0"], ["1", "-1"]))
                lines.append(" " * max(0, indent) + f"{key}{separator}{value}{tail}")
            if noisy and draw(st.integers(0, 9)) == 0:
                lines.append(draw(st.sampled_from(["", "  # c", "---", "...", "  - nested"])))
    return "\n".join(lines) + pick(["\n", "", "\n\n"], [])


def _full_tree(text: str) -> object:
    try:
        document = parse_document(text)
    except SyntaxProblem:
        return "refused"
    return "problems" if document.problems else document.root


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(entries_files())
def test_the_fast_reader_agrees_with_the_full_parser_or_declines(text: str) -> None:
    fast = parse_simple_entries(text)
    if fast is not None:
        assert fast == _full_tree(text)


def test_the_fast_reader_reads_the_usual_files() -> None:
    """It would be no use if it declined the files people actually have."""
    files = sorted(ROOT.glob("workshops/*/entries/*/*.yaml"))
    assert len(files) > 40
    for path in files:
        text = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
        fast = parse_simple_entries(text)
        assert fast is not None, path
        assert fast == parse_document(text).root, path


def test_what_it_leaves_to_the_full_parser() -> None:
    declined = [
        "- text: a\n  text: b\n",  # a duplicate key: the full parser names both lines
        "- text: 'it''s'\n",  # an escaped quote
        '- text: "tab\\there"\n',  # an escape
        "- text: first line\n  and the second\n",  # a value over two lines
        "- text:\n",  # an empty value (or a nested block)
        "- text: a: b\n",  # ': ' inside a plain value
        "- text: &anchor a\n",  # an anchor
        "---\n- text: a\n",  # a document marker
        "- text: a\n   vikt: 4\n",  # a key out of line
        "- {text: a}\n",  # a flow mapping
        "",  # nothing at all (the full parser warns)
        "# only a comment\n",
        "- text: a\u2028b\n",  # a Unicode line separator
    ]
    for text in declined:
        assert parse_simple_entries(text) is None, text


def test_entries_read_fast_are_the_entries_read_fully() -> None:
    """Every example file, read both ways, gives the same entries (values, units, lines)."""
    from swot.files.entries import EntriesFile, _read_fully, read_simple_entries_file
    from swot.files.located import ProblemCollector
    from swot.files.workshop import load_workshop

    for folder in sorted(ROOT.glob("workshops/*/")):
        workshop = load_workshop(folder)
        context = workshop.workshop.entry_context("en")
        for path in sorted(folder.glob("entries/*/*.yaml")):
            fast = read_simple_entries_file(path, workshop, "en")
            assert fast is not None, path
            text = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
            empty = EntriesFile(path, path.stem, path.parent.name)
            full = _read_fully(empty, text, ProblemCollector(path, "en"), context)
            assert full.problems == []
            assert [(e.model_dump(), e.unit, e.round, e.line) for e in fast.entries] == [
                (e.model_dump(), e.unit, e.round, e.line) for e in full.entries
            ], path


def test_a_file_with_any_problem_is_read_fully(tmp_path: Path) -> None:
    """The fast reader never decides about a problem: it leaves the file to the full reader."""
    from swot.files.entries import read_entries_file, read_simple_entries_file
    from swot.files.workshop import load_workshop

    folder = ROOT / "workshops" / "hoganasmodellen"
    workshop = load_workshop(folder)
    source = sorted(folder.glob("entries/*/*.yaml"))[0]
    whole = read_entries_file(source, workshop, "en")
    text = source.read_text(encoding="utf-8")
    broken = text.replace("kvadrant: svagheter", "kvadrant: svagheterr", 1)
    assert broken != text
    path = tmp_path / source.parent.name / source.name
    path.parent.mkdir()
    path.write_text(broken, encoding="utf-8")
    assert read_simple_entries_file(path, workshop, "en") is None
    full = read_entries_file(path, workshop, "en")
    assert len(full.problems) == 1 and full.problems[0].line is not None
    assert "svagheterr" in full.problems[0].message
    assert len(full.entries) == len(whole.entries) - 1
