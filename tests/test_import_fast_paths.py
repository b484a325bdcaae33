"""The quick paths of ``swot import`` give exactly what the plain ones give (issue 12: a
50,000-row export in bounded time).

Each quick path is checked against the plain way of doing the same thing, over generated input:
the test for words to skip against folding every answer, a one-line cell against the general
split, and the row reader (answer columns checked once, unit and importance cells read once
per distinct value) against a reader that checks every entry through ``entry_from_strings``
and pydantic and reads every cell again.
"""

from __future__ import annotations

import csv
import hashlib
import io
from pathlib import Path

import pytest
from conftest import workshop_text
from hypothesis import given, settings
from hypothesis import strategies as st

from swot.files.imports import tables
from swot.files.imports.mapfile import ImportMap, read_map, resolve, skip_form, skip_test
from swot.files.imports.rows import _BULLET as BULLET
from swot.files.imports.rows import RowReader, row_mark, split_answers
from swot.files.imports.tables import Table, read_table
from swot.files.storage import BlockWriter, EntriesChain, entries_text, format_entry, yaml_scalar
from swot.files.workshop import LoadedWorkshop, _unit_lookup, load_workshop
from swot.models import Entry, PendingEntries, new_entry, said_by, with_respondent
from swot.vocabulary import BUILTIN_THEMES, QUADRANT_NAMES, SOURCE_NAMES, Quadrant, Source

SKIP_WORDS = ["-", "–", ".", "?", "x", "vet ej", "vet inte", "inget", "ingen", "nej", "n/a",
              "don't know", "no comment", "inget att tillägga", "ÉÉ", "ﬁn"]  # fmt: skip
# Letters that fold to other letters or to nothing: accents, combining marks, a ligature,
# sharp s, full-width and Cyrillic letters, and the punctuation a skip form leaves out.
ALPHABET = "aAeEiInNtTxXéÉåÄöØﬁßＶ\u0301\u0308\u200b -–.!?'/0123456789ji\tе"


@settings(max_examples=3000, deadline=None)
@given(
    st.text(alphabet=ALPHABET, max_size=24),
    st.frozensets(st.sampled_from(SKIP_WORDS), max_size=8),
)
def test_the_skip_test_agrees_with_folding_every_answer(answer: str, words: frozenset) -> None:
    skip = frozenset(skip_form(w) for w in words)

    assert skip_test(skip)(answer) == (skip_form(answer) in skip)


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet="ab -–•*·1.)\u2028\x0b\x85\n\r ", max_size=16))
def test_a_cell_of_one_line_splits_as_the_general_way_splits_it(cell: str) -> None:
    # A line break at the end adds only an empty line, which the general way leaves out.
    assert split_answers(cell) == split_answers(cell + "\n")
    assert split_answers(cell) == split_answers(cell.strip())  # each line is stripped


UNITS = {"hoganas": "Höganäs", "angelholm": "Ängelholm", "bastad": "Båstad"}
HEADER = ["Tid", "Enhet", "Styrkor – jämställdhet", "Hot – tillgänglighet", "Vikt", "Övrigt"]
UNIT_CELLS = ["Höganäs", " höganäs ", "Angelholm", "bastad", "Båstad kommun", "Lund", "", " "]
IMPORTANCE_CELLS = ["", "4", " 5 ", "4.0", "4,0 – viktigt", "05", "0", "9", "sju", "1"]
ANSWER_CELLS = ["", " ", "Vi har en plan", "vet ej", "Vet ej.", "- Ett\n- Två\n  fortsätter",
                "1) Ett\r\n2) Två", "=SUMMA(A1)", "=", "Hissen\u202e är trasig", "a" * 2001,
                "•  ", "tab\there", "Åtgärder saknas"]  # fmt: skip


@pytest.fixture(scope="module")
def mapped(tmp_path_factory: pytest.TempPathFactory) -> tuple[LoadedWorkshop, ImportMap, Table]:
    """A workshop, an export of six columns and the map swot proposes for it."""
    folder = tmp_path_factory.mktemp("fast") / "ws"
    folder.mkdir()
    text = workshop_text(language="sv", units=UNITS, rounds={"2026-kv1": {}})
    (folder / "workshop.yaml").write_text(text, encoding="utf-8")
    export = folder / "svar.csv"
    export.write_text(";".join(HEADER) + "\n1;Höganäs;Plan;Hot;4;\n", encoding="utf-8")
    from typer.testing import CliRunner

    from swot.cli import app

    assert CliRunner().invoke(app, ["import", str(export), str(folder)]).exit_code == 0
    loaded = load_workshop(folder)
    table = read_table(export, "sv")
    spec = read_map(folder / "imports" / "svar.map.yaml", loaded, "sv")
    return loaded, resolve(spec, table, "sv"), table


class PlainReader(RowReader):
    """Every entry through ``entry_from_strings`` (then pydantic), every cell read again."""

    def __init__(self, *args: object) -> None:
        super().__init__(*args)  # type: ignore[arg-type]
        self.plan = [(answer, None) for answer in self.imap.answers]

    def unit(self, number, row, problems):  # type: ignore[no-untyped-def]
        self.units.clear()
        return super().unit(number, row, problems)

    def importance(self, number, row, column, problems):  # type: ignore[no-untyped-def]
        self.importances.clear()
        return super().importance(number, row, column, problems)

    def mark(self, row):  # type: ignore[no-untyped-def]
        return row_mark(self.table, row, self.mapped, self.imap.spec.unit)


rows_of_cells = st.lists(
    st.tuples(
        st.sampled_from(UNIT_CELLS),
        st.sampled_from(ANSWER_CELLS),
        st.sampled_from(ANSWER_CELLS),
        st.sampled_from(IMPORTANCE_CELLS),
        st.sampled_from(["", "en kommentar"]),
        st.integers(2, 6),  # a CSV row may end before the last columns
    ).map(lambda cells: ["12:00", *cells[:5]][: cells[5]]),
    max_size=12,
)


@settings(max_examples=300, deadline=None)
@given(rows_of_cells)
def test_the_row_reader_reads_as_the_plain_reader(mapped, rows: list[list[str]]) -> None:
    loaded, imap, table = mapped
    table = Table(table.path, table.header, rows)
    args = (table, imap, loaded, "2026-kv1", "sv", _unit_lookup(loaded))

    quick, plain = RowReader(*args).read(), PlainReader(*args).read()

    assert quick.problems == plain.problems
    assert quick.without_answers == plain.without_answers
    assert [(r.row, r.unit, r.mark, r.new_respondent) for r in quick.respondents] == [
        (r.row, r.unit, r.mark, r.new_respondent) for r in plain.respondents
    ]
    assert [list(r.entries) for r in quick.respondents] == [
        list(r.entries) for r in plain.respondents
    ]
    assert [said_by(r.entries, "r07") for r in quick.respondents] == [
        [with_respondent(e, "r07") for e in r.entries] for r in plain.respondents
    ]


def test_a_mark_is_the_digest_of_the_mapped_cells_with_their_headings(mapped) -> None:
    loaded, imap, table = mapped
    row = ["12:00", " Höganäs ", "Plan", "", "4", "hemligt"]
    reader = RowReader(table, imap, loaded, "2026-kv1", "sv", _unit_lookup(loaded))
    text = "\x1f".join(f"{table.header[c]}\x1e{row[c].strip()}" for c in imap.mapped_columns())

    assert reader.mark(row) == hashlib.blake2b(text.encode(), digest_size=8).hexdigest()
    assert reader.mark(row) == row_mark(table, row, imap.mapped_columns())
    assert imap.mapped_columns() == [1, 2, 3, 4]


def test_the_fixture_map_reads_every_answer_column(mapped) -> None:
    _, imap, _ = mapped
    assert [(a.column, a.theme, a.quadrant.value) for a in imap.answers] == [
        (2, "equality", "strengths"),
        (3, "accessibility", "threats"),
    ]
    assert isinstance(imap.spec.path, Path)


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet='ab;,\t"\n\u2028\x0b\x85 ', max_size=30))  # no CR: text_of made LF of it
def test_csv_text_is_read_line_by_line_as_a_stringio_gives_it(text: str) -> None:
    delimiter = tables._delimiter(text)

    assert list(tables._lines(text)) == list(io.StringIO(text))
    assert tables.csv_rows(text) == list(csv.reader(io.StringIO(text), delimiter=delimiter))


def reference_format(entry: Entry, lang: str, theme_names: dict[str, str] | None) -> str:
    """``format_entry`` as it was before its repeated lines were remembered: line by line."""
    sv = lang == "sv"
    theme = entry.theme
    if sv:
        names = theme_names or {t: n["sv"].lower() for t, n in BUILTIN_THEMES.items()}
        theme = names.get(entry.theme, entry.theme)
    quadrant = QUADRANT_NAMES[entry.quadrant][lang].lower() if sv else entry.quadrant.value
    lines = [
        f"- {'tema' if sv else 'theme'}: {yaml_scalar(theme)}",
        f"  {'kvadrant' if sv else 'quadrant'}: {quadrant}",
        f"  text: {yaml_scalar(entry.text)}",
    ]
    if entry.importance is not None:
        lines.append(f"  {'vikt' if sv else 'importance'}: {entry.importance}")
    lines.append(f"  {'källa' if sv else 'source'}: {SOURCE_NAMES[entry.source][lang]}")
    if entry.respondent is not None:
        lines.append(f"  {'svarande' if sv else 'respondent'}: {yaml_scalar(entry.respondent)}")
    if entry.note is not None:
        lines.append(f"  {'anteckning' if sv else 'note'}: {yaml_scalar(entry.note)}")
    return "\n".join(lines) + "\n"


TEXTS = ["Plan", "a: b", "#x", "yes", " pad", "ö ä å", "\u00a0nb", "x\ty", "2026-01-01", "- d",
         "'q'", '"dq"', "ok #no", "end:", "r01", "12:30", "~", "ﬁn\u2028rad"]  # fmt: skip


@settings(max_examples=1500, deadline=None)
@given(
    st.builds(
        new_entry,  # a theme of the workshop's own: not one pydantic knows without the workshop
        theme=st.sampled_from(["equality", "accessibility", "culture"]),
        quadrant=st.sampled_from(list(Quadrant)),
        text=st.sampled_from(TEXTS),
        importance=st.sampled_from([None, 1, 3, 5]),
        source=st.sampled_from(list(Source)),
        respondent=st.sampled_from([None, "r01", "r12", "yes", "x y", "#1"]),
        note=st.sampled_from([None, "n", "a: b", ""]),
        unit=st.just("u"),
        round_id=st.just("r"),
        line=st.just(1),
    ),
    st.sampled_from(["sv", "en"]),
    st.sampled_from([None, {}, {"equality": "jämlikhet", "culture": "kultur: allt"}]),
)
def test_an_entry_is_written_as_it_was_written_line_by_line(entry, lang, theme_names) -> None:
    assert format_entry(entry, lang, theme_names) == reference_format(entry, lang, theme_names)


class RowByRowReader(RowReader):
    """Reads every export row by row (as one with problems is read)."""

    def read_by_column(self, numbers, rows):  # type: ignore[no-untyped-def]
        return None


@settings(max_examples=300, deadline=None)
@given(rows_of_cells)
def test_an_export_read_by_column_reads_as_one_read_by_row(mapped, rows) -> None:
    quick, by_row = (read(mapped, rows, reader) for reader in (RowReader, RowByRowReader))

    assert quick == by_row


def read(mapped, rows: list[list[str]], reader: type[RowReader]) -> tuple[object, ...]:
    """What ``reader`` reads of ``rows`` under the fixture's map: problems, rows without
    answers, and each respondent's row, unit, mark and entries."""
    loaded, imap, table = mapped
    table = Table(table.path, table.header, rows)
    found = reader(table, imap, loaded, "2026-kv1", "sv", _unit_lookup(loaded)).read()
    respondents = [(r.row, r.unit, r.mark, list(r.entries)) for r in found.respondents]
    return found.problems, found.without_answers, respondents


def test_a_cell_with_a_problem_is_one_in_every_row_it_stands_in(mapped) -> None:
    loaded, imap, table = mapped
    rows = [["12:00", "Höganäs", "=SUMMA(A1)", "", "4", ""]] * 2 + [["12:00", "Höganäs", "Ja"]]
    reader = RowReader(
        Table(table.path, table.header, rows), imap, loaded, "2026-kv1", "sv", _unit_lookup(loaded)
    )

    read = reader.read()

    assert [(row, problem.code) for row, problem in read.problems] == [
        (2, "formula"),
        (3, "formula"),
    ]


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.tuples(
                st.sampled_from(["equality", "culture"]),
                st.sampled_from(list(Quadrant)),
                st.sampled_from(TEXTS[:6]),  # few texts: many entries alike
                st.sampled_from([None, 4]),
                st.sampled_from(list(Source)),
                st.sampled_from([None, "r01", "r02", "#1"]),
                st.sampled_from([None, "n"]),
            ),
            st.sampled_from(["\n# swot import 0123456789abcdef\n", "# c\n"]),
        ),
        max_size=12,
    ),
    st.sampled_from(["sv", "en"]),
)
def test_entries_written_together_are_each_written_as_format_entry_writes_it(items, lang) -> None:
    names = {"equality": "jämlikhet", "culture": "kultur: allt"}
    made = [
        item if isinstance(item, str) else new_entry(*item, "u", "r", 1)  # type: ignore[arg-type]
        for item in items
    ]

    expected = "".join(
        item if isinstance(item, str) else reference_format(item, lang, names) for item in made
    )
    assert entries_text(made, lang, names) == expected


def split_answers_line_by_line(cell: str) -> list[str]:
    """``split_answers`` as it was written first: the lines, then the bullets among them."""
    lines = [line.strip() for line in cell.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    lines = [line for line in lines if line]
    if not any(BULLET.match(line) for line in lines):
        return lines
    items: list[str] = []
    for line in lines:
        bullet = BULLET.match(line)
        if bullet:
            items.append(line[bullet.end() :].strip())
        elif items:
            items[-1] = f"{items[-1]} {line}"
        else:
            items.append(line)
    return [item for item in items if item]


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="ab -–•*·1.)\u2028\x0b\x85\n\r ", max_size=24))
def test_a_cell_of_lines_splits_as_it_did_line_by_line(cell: str) -> None:
    assert split_answers(cell) == split_answers_line_by_line(cell)


ENTRY_VALUES = st.tuples(
    st.sampled_from(["equality", "culture"]),
    st.sampled_from(list(Quadrant)),
    st.sampled_from(TEXTS),
    st.sampled_from([None, 1, 4]),
    st.sampled_from(list(Source)),
)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.lists(ENTRY_VALUES, max_size=4),
            st.sampled_from([None, "r01", "r123", "x y", "yes"]),
            st.sampled_from(["\n# swot import 0123456789abcdef\n", ""]),
            st.booleans(),
        ),
        max_size=5,
    ),
    st.sampled_from(["sv", "en"]),
)
def test_a_block_of_respondents_is_written_as_format_entry_writes_each_entry(parts, lang) -> None:
    names = {"equality": "jämlikhet", "culture": "kultur: allt"}
    given_parts, expected_text, expected_entries = [], [], []
    for values, respondent, comment, one_made in parts:
        items: list = list(values)
        if one_made and items:  # an entry the quick path did not take comes made, with a note
            items[0] = new_entry(*items[0], "r09", "n", "u", "r", 7)
        entries = PendingEntries(items, "u", "r", 7) if respondent else list(map(made_of, items))
        made = said_by(entries, respondent) if respondent else entries
        given_parts.append((comment, entries, respondent))
        expected_text += [comment, *(reference_format(e, lang, names) for e in made)]
        expected_entries += made

    block = BlockWriter(lang, names).block(given_parts)

    assert block.text == "".join(expected_text)
    assert list(block.entries) == expected_entries


def made_of(item: object) -> Entry:
    return item if isinstance(item, Entry) else new_entry(*item, None, None, "u", "r", 7)  # type: ignore[misc]


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.integers(0, 4), max_size=5),
    st.integers(-12, 12) | st.none(),
    st.integers(-12, 12) | st.none(),
    st.sampled_from([None, 1, 2, -1]),
)
def test_a_chain_of_entries_is_sliced_as_the_list_of_them(sizes, start, stop, step) -> None:
    entries = [new_entry("equality", Quadrant.THREATS, f"t{i}", None, Source.SURVEY, None,
                         None, "u", "r", i) for i in range(sum(sizes))]  # fmt: skip
    pieces, at = [], 0
    for size in sizes:
        pieces.append(entries[at : at + size])
        at += size

    chain = EntriesChain(pieces)

    assert len(chain) == len(entries)
    assert chain[start:stop:step] == entries[start:stop:step]
    for index in range(-len(entries), len(entries)):
        assert chain[index] is entries[index]
    with pytest.raises(IndexError):
        chain[len(entries)]
