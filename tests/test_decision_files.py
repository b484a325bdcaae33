"""merges.yaml and votes.yaml are checked like every other file: each problem at its line and
column, named by the decision or vote it is in and the key as the person wrote it, with a fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from swot.errors import DataError
from swot.files.decisions import load_decisions, load_votes
from swot.files.workshop import load_workshop

WORKSHOP = """\
name: Test
units:
  - id: hoganas
    name: Höganäs
rounds:
  - id: baseline
    date: 2026-01-01
"""
M, V = "merges.yaml", "votes.yaml"

CASES = [
    pytest.param(
        M,
        "decision: join\n",
        [
            "merges.yaml:1:1: merges.yaml must be a list of decisions, each starting with '- '\n  → write each decision as '- decision: join' with its keys indented below it"
        ],
        id="merges-top_mapping",
    ),
    pytest.param(
        M,
        "- just a line\n",
        [
            "merges.yaml:1:3: decision 1: a decision must have keys such as decision, theme, quadrant and texts\n  → write 'decision:', 'theme:', 'quadrant:' and 'texts:' on their own lines under the '- '"
        ],
        id="merges-item_scalar",
    ),
    pytest.param(
        M,
        "- - a\n  - b\n",
        [
            "merges.yaml:1:3: decision 1: a decision must have keys such as decision, theme, quadrant and texts\n  → write 'decision:', 'theme:', 'quadrant:' and 'texts:' on their own lines under the '- '"
        ],
        id="merges-item_list",
    ),
    pytest.param(
        M,
        "- decision: join\n  theme: equality\n  quadrant: strengths\n  textz: [a, b]\n",
        [
            "merges.yaml:1:3: decision 1: 'texts' is missing\n  → add a line 'texts: …' to this item",
            "merges.yaml:4:3: decision 1: unknown key 'textz'; did you mean 'text'?\n  → allowed keys here: decision, theme, quadrant, texts, wording, note",
        ],
        id="merges-unknown_key",
    ),
    pytest.param(
        M,
        "- decision: join\n  theme: equality\n  tema: equality\n  quadrant: strengths\n  texts: [a, b]\n",
        [
            "merges.yaml:3:3: decision 1: 'tema' and 'theme' mean the same key (first on line 2)\n  → keep only one of them"
        ],
        id="merges-key_twice",
    ),
    pytest.param(
        M,
        "- note: nothing else\n",
        [
            "merges.yaml:1:3: decision 1: 'decision' is missing\n  → add a line 'decision: …' to this item",
            "merges.yaml:1:3: decision 1: 'theme' is missing\n  → add a line 'theme: …' to this item",
            "merges.yaml:1:3: decision 1: 'quadrant' is missing\n  → add a line 'quadrant: …' to this item",
            "merges.yaml:1:3: decision 1: 'texts' is missing\n  → add a line 'texts: …' to this item",
        ],
        id="merges-missing_all",
    ),
    pytest.param(
        M,
        "- decision: join\n  theme: equality\n  quadrant: strengths\n",
        ["merges.yaml:1:3: decision 1: 'texts' is missing\n  → add a line 'texts: …' to this item"],
        id="merges-missing_texts",
    ),
    pytest.param(
        M,
        "- decision: joinn\n  theme: equality\n  quadrant: strengths\n  texts: [a, b]\n",
        [
            "merges.yaml:1:13: decision 1 → decision: 'joinn' is not a decision; did you mean 'join'?\n  → use join, apart or wording (slå ihop, håll isär, formulering)"
        ],
        id="merges-unknown_decision",
    ),
    pytest.param(
        M,
        "- decision: join\n  theme: equalty\n  quadrant: strengths\n  texts: [a, b]\n",
        [
            "merges.yaml:2:10: decision 1 → theme: 'equalty' is not a theme of this workshop; did you mean 'equality'?\n  → use one of: gender equality (equality), accessibility"
        ],
        id="merges-unknown_theme",
    ),
    pytest.param(
        M,
        "- decision: join\n  theme: equality\n  quadrant: strenghts\n  texts: [a, b]\n",
        [
            "merges.yaml:3:13: decision 1 → quadrant: 'strenghts' is not a quadrant; did you mean 'strengths'?\n  → use strengths, weaknesses, opportunities or threats (or styrkor, svagheter, möjligheter, hot; S/W/O/T)"
        ],
        id="merges-unknown_quadrant",
    ),
    pytest.param(
        M,
        "- decision: join\n  theme: equality\n  quadrant: strengths\n  texts:\n    a: b\n",
        [
            "merges.yaml:5:5: decision 1 → texts: expected a list here (lines starting with '- ')\n  → write one item per line, each starting with '- '"
        ],
        id="merges-texts_mapping",
    ),
    pytest.param(
        M,
        "- decision: join\n  theme: equality\n  quadrant: strengths\n  texts:\n    - a\n    - [b, c]\n",
        [
            "merges.yaml:6:7: decision 1: expected a text here, found a list\n  → write the value on the same line, after the key"
        ],
        id="merges-texts_nested",
    ),
    pytest.param(
        M,
        "- decision: join\n  theme: equality\n  quadrant: strengths\n  texts:\n    - a\n    -\n",
        [
            "merges.yaml:6:6: decision 1: there is no value here\n  → write a text after the key; if you mean the word itself (e.g. null), put it in quotes"
        ],
        id="merges-texts_null_item",
    ),
    pytest.param(
        M,
        "- decision: join\n  theme: equality\n  quadrant: strengths\n  texts:\n    - a\n",
        [
            "merges.yaml:5:5: decision 1 → texts: 'join' needs at least two texts, found 1\n  → list the texts under 'texts:', one per line starting with '- '"
        ],
        id="merges-join_one_text",
    ),
    pytest.param(
        M,
        "- decision: apart\n  theme: equality\n  quadrant: strengths\n  texts: only one\n",
        [
            "merges.yaml:4:10: decision 1 → texts: 'apart' needs at least two texts, found 1\n  → list the texts under 'texts:', one per line starting with '- '"
        ],
        id="merges-apart_scalar_text",
    ),
    pytest.param(
        M,
        "- decision: wording\n  theme: equality\n  quadrant: strengths\n  texts: [a]\n",
        [
            "merges.yaml:1:13: decision 1 → decision: a wording decision needs 'wording:' with the new text\n  → add a line 'wording: …' with the text the handout should show"
        ],
        id="merges-wording_missing",
    ),
    pytest.param(
        M,
        "- decision: wording\n  theme: equality\n  quadrant: strengths\n  texts: [a]\n  wording: [x, y]\n",
        [
            "merges.yaml:5:12: decision 1 → wording: expected a text here, found a list\n  → write the value on the same line, after the key"
        ],
        id="merges-wording_list",
    ),
    pytest.param(
        M,
        "- decision: join\n  theme: ~\n  quadrant: strengths\n  texts: [a, b]\n",
        [
            "merges.yaml:2:10: decision 1 → theme: there is no value here\n  → write a text after the key; if you mean the word itself (e.g. null), put it in quotes"
        ],
        id="merges-theme_null",
    ),
    pytest.param(
        M,
        "- decision: join\n  theme: [equality]\n  quadrant: strengths\n  texts: [a, b]\n",
        [
            "merges.yaml:2:10: decision 1 → theme: expected a text here, found a list\n  → write the value on the same line, after the key"
        ],
        id="merges-theme_list",
    ),
    pytest.param(
        M,
        "- decision: join\n  theme: equality\n  quadrant: strengths\n  texts: [a, b]\n  note: [x]\n",
        [
            "merges.yaml:5:9: decision 1 → note: expected a text here, found a list\n  → write the value on the same line, after the key"
        ],
        id="merges-note_list",
    ),
    pytest.param(
        M,
        "- ? [a, b]\n  : c\n  decision: join\n  theme: equality\n  quadrant: strengths\n  texts: [a, b]\n",
        ["merges.yaml:1:5: a key must be a single word"],
        id="merges-complex_key",
    ),
    pytest.param(
        M,
        "- decision: join\n  theme: [equality\n",
        [
            "merges.yaml:3:1: this is not valid YAML: while parsing a flow sequence did not find expected ',' or ']'\n  → check indentation and quotes on this line and the one above; a text that contains ': ' or ' #', or starts with a quote, must be written in quotes"
        ],
        id="merges-syntax",
    ),
    pytest.param(
        M,
        "- decision: join\n\ttheme: equality\n",
        [
            "merges.yaml:2:1: a tab is used for indentation; YAML indents with spaces only\n  → replace the tab with spaces (2 per level); in VS Code: Convert Indentation to Spaces"
        ],
        id="merges-tab",
    ),
    pytest.param(
        M,
        b"- decision: join\n  theme: equality\n  quadrant: strengths\n  texts: [\xff, b]\n",
        [
            "merges.yaml:4:11: the file is not UTF-8: byte 0xFF cannot be read (in Windows \"ANSI\"/cp1252 it would be 'ÿ')\n  → re-save the file as UTF-8: in Notepad choose File → Save as → Encoding: UTF-8; in VS Code click the encoding in the status bar → Reopen with Encoding → Windows 1252, then Save with Encoding → UTF-8"
        ],
        id="merges-bad_utf8",
    ),
    pytest.param(
        M,
        "- decision: joinn\n  theme: equality\n  quadrant: strengths\n  texts: [a, b]\n- decision: join\n  theme: equality\n  quadrant: hot2\n  texts: [a, b]\n",
        [
            "merges.yaml:1:13: decision 1 → decision: 'joinn' is not a decision; did you mean 'join'?\n  → use join, apart or wording (slå ihop, håll isär, formulering)",
            "merges.yaml:7:13: decision 2 → quadrant: 'hot2' is not a quadrant; did you mean 'hot'?\n  → use strengths, weaknesses, opportunities or threats (or styrkor, svagheter, möjligheter, hot; S/W/O/T)",
        ],
        id="merges-two_items_two_errors",
    ),
    pytest.param(
        M,
        "- beslut: håll isär\n  tema: jämställdhet\n  kvadrant: styrkor\n  texter: [a, b]\n- beslut: slå ihopp\n  tema: jämställdhet\n  kvadrant: styrkor\n  texter: [a]\n",
        [
            "merges.yaml:5:11: decision 2 → beslut: 'slå ihopp' is not a decision; did you mean 'slå ihop'?\n  → use join, apart or wording (slå ihop, håll isär, formulering)"
        ],
        id="merges-swedish_ok_and_bad",
    ),
    pytest.param(
        V,
        "votes: 3\n",
        [
            "votes.yaml:1:1: votes.yaml must be a list of votes, each starting with '- '\n  → write each vote as '- text: …' with its theme, quadrant and votes indented below it"
        ],
        id="votes-top_mapping",
    ),
    pytest.param(
        V,
        "- 3\n",
        [
            "votes.yaml:1:3: vote 1: a vote must have keys such as theme, quadrant, text and votes\n  → write 'theme:', 'quadrant:', 'text:' and 'votes:' on their own lines under the '- '"
        ],
        id="votes-item_scalar",
    ),
    pytest.param(
        V,
        "- note: x\n",
        [
            "votes.yaml:1:3: vote 1: 'theme' is missing\n  → add a line 'theme: …' to this item",
            "votes.yaml:1:3: vote 1: 'quadrant' is missing\n  → add a line 'quadrant: …' to this item",
            "votes.yaml:1:3: vote 1: 'votes' is missing\n  → add a line 'votes: …' to this item",
        ],
        id="votes-missing_all",
    ),
    pytest.param(
        V,
        "- theme: equality\n  quadrant: strengths\n  text: a\n",
        ["votes.yaml:1:3: vote 1: 'votes' is missing\n  → add a line 'votes: …' to this item"],
        id="votes-missing_votes",
    ),
    pytest.param(
        V,
        "- theme: equality\n  quadrant: strengths\n  text: a\n  votes: many\n",
        [
            "votes.yaml:4:10: vote 1 → votes: 'many' is not a number of votes\n  → write a whole number from 0 to 10000, e.g. 7"
        ],
        id="votes-votes_word",
    ),
    pytest.param(
        V,
        "- theme: equality\n  quadrant: strengths\n  text: a\n  votes: -1\n",
        [
            "votes.yaml:4:10: vote 1 → votes: '-1' is not a number of votes\n  → write a whole number from 0 to 10000, e.g. 7"
        ],
        id="votes-votes_negative",
    ),
    pytest.param(
        V,
        "- theme: equality\n  quadrant: strengths\n  text: a\n  votes: 10001\n",
        [
            "votes.yaml:4:10: vote 1 → votes: '10001' is not a number of votes\n  → write a whole number from 0 to 10000, e.g. 7"
        ],
        id="votes-votes_huge",
    ),
    pytest.param(
        V,
        "- theme: equality\n  quadrant: strengths\n  text: a\n  votes: 2.5\n",
        [
            "votes.yaml:4:10: vote 1 → votes: '2.5' is not a number of votes\n  → write a whole number from 0 to 10000, e.g. 7"
        ],
        id="votes-votes_float",
    ),
    pytest.param(
        V,
        "- theme: equality\n  quadrant: strengths\n  text: a\n  votes: [1]\n",
        [
            "votes.yaml:4:10: vote 1 → votes: '…' is not a number of votes\n  → write a whole number from 0 to 10000, e.g. 7"
        ],
        id="votes-votes_list",
    ),
    pytest.param(
        V,
        "- theme: equality\n  quadrant: strengths\n  votes: 3\n",
        [
            "votes.yaml:1:3: vote 1: a vote needs 'text:' (the item's text) or 'key:' (its id in the handout)\n  → copy the item's text or id from the handout"
        ],
        id="votes-no_target",
    ),
    pytest.param(
        V,
        "- round: baselin\n  theme: equality\n  quadrant: strengths\n  text: a\n  votes: 3\n",
        [
            "votes.yaml:1:10: vote 1 → round: 'baselin' is not a round of this workshop; did you mean 'baseline'?\n  → use one of: baseline"
        ],
        id="votes-unknown_round",
    ),
    pytest.param(
        V,
        "- theme: equality\n  quadrant: strengths\n  text: [a]\n  votes: 3\n",
        [
            "votes.yaml:3:9: vote 1 → text: expected a text here, found a list\n  → write the value on the same line, after the key"
        ],
        id="votes-text_list",
    ),
    pytest.param(
        V,
        "- theme: equality\n  quadrant: strengths\n  text: ~\n  votes: 3\n",
        [
            "votes.yaml:1:3: vote 1: a vote needs 'text:' (the item's text) or 'key:' (its id in the handout)\n  → copy the item's text or id from the handout"
        ],
        id="votes-text_null",
    ),
    pytest.param(
        V,
        "- theme: eq\n  quadrant: sw\n  key: abc\n  votes: 3\n",
        [
            "votes.yaml:1:10: vote 1 → theme: 'eq' is not a theme of this workshop\n  → use one of: gender equality (equality), accessibility",
            "votes.yaml:2:13: vote 1 → quadrant: 'sw' is not a quadrant\n  → use strengths, weaknesses, opportunities or threats (or styrkor, svagheter, möjligheter, hot; S/W/O/T)",
        ],
        id="votes-unknown_theme_quadrant",
    ),
    pytest.param(
        V,
        "- theme: equality\n  quadrant: strengths\n  text: a\n  votes: 3\n  vote: 2\n",
        [
            "votes.yaml:5:3: vote 1: unknown key 'vote'; did you mean 'votes'?\n  → allowed keys here: round, theme, quadrant, text, key, votes, note"
        ],
        id="votes-unknown_key",
    ),
    pytest.param(
        V,
        "- omgång: baseline\n  tema: jämställdhet\n  kvadrant: styrkor\n  text: a\n  röster: sju\n",
        [
            "votes.yaml:5:11: vote 1 → röster: 'sju' is not a number of votes\n  → write a whole number from 0 to 10000, e.g. 7"
        ],
        id="votes-swedish",
    ),
]
SWEDISH = [
    pytest.param(
        M,
        "- note: nothing else\n",
        [
            "merges.yaml:1:3: beslut 1: 'beslut' saknas\n  → lägg till en rad 'beslut: …' i den här posten",
            "merges.yaml:1:3: beslut 1: 'tema' saknas\n  → lägg till en rad 'tema: …' i den här posten",
            "merges.yaml:1:3: beslut 1: 'kvadrant' saknas\n  → lägg till en rad 'kvadrant: …' i den här posten",
            "merges.yaml:1:3: beslut 1: 'texter' saknas\n  → lägg till en rad 'texter: …' i den här posten",
        ],
        id="merges-missing_all",
    ),
    pytest.param(
        M,
        "- decision: join\n  theme: equality\n  quadrant: strengths\n  textz: [a, b]\n",
        [
            "merges.yaml:1:3: beslut 1: 'texter' saknas\n  → lägg till en rad 'texter: …' i den här posten",
            "merges.yaml:4:3: beslut 1: okänd nyckel 'textz'; menade du 'text'?\n  → tillåtna nycklar här: beslut, tema, kvadrant, texter, formulering, anteckning",
        ],
        id="merges-unknown_key",
    ),
    pytest.param(
        M,
        "- decision: join\n  theme: equality\n  quadrant: strengths\n  texts:\n    - a\n",
        [
            "merges.yaml:5:5: beslut 1 → texts: 'slå ihop' behöver minst två texter, men har 1\n  → skriv texterna under 'texter:', en per rad som börjar med '- '"
        ],
        id="merges-join_one_text",
    ),
    pytest.param(
        M,
        "- beslut: håll isär\n  tema: jämställdhet\n  kvadrant: styrkor\n  texter: [a, b]\n- beslut: slå ihopp\n  tema: jämställdhet\n  kvadrant: styrkor\n  texter: [a]\n",
        [
            "merges.yaml:5:11: beslut 2 → beslut: 'slå ihopp' är inget beslut; menade du 'slå ihop'?\n  → använd slå ihop, håll isär eller formulering (join, apart, wording)"
        ],
        id="merges-swedish_ok_and_bad",
    ),
    pytest.param(
        V,
        "votes: 3\n",
        [
            "votes.yaml:1:1: votes.yaml måste vara en lista där varje röst börjar med '- '\n  → skriv varje röst som '- text: …' med tema, kvadrant och röster indragna under"
        ],
        id="votes-top_mapping",
    ),
    pytest.param(
        V,
        "- theme: equality\n  quadrant: strengths\n  text: a\n  votes: 3\n  vote: 2\n",
        [
            "votes.yaml:5:3: röst 1: okänd nyckel 'vote'; menade du 'votes'?\n  → tillåtna nycklar här: omgång, tema, kvadrant, text, id, röster, anteckning"
        ],
        id="votes-unknown_key",
    ),
    pytest.param(
        V,
        "- omgång: baseline\n  tema: jämställdhet\n  kvadrant: styrkor\n  text: a\n  röster: sju\n",
        [
            "votes.yaml:5:11: röst 1 → röster: 'sju' är inget antal röster\n  → skriv ett heltal från 0 till 10000, t.ex. 7"
        ],
        id="votes-swedish",
    ),
    pytest.param(
        M,
        "- decision: join\n  theme: ~\n  quadrant: strengths\n  texts: [a, b]\n",
        [
            "merges.yaml:2:10: beslut 1 → theme: här saknas ett värde\n  → skriv en text efter nyckeln; menar du själva ordet (t.ex. null), skriv det inom citattecken"
        ],
        id="merges-theme_null",
    ),
]


def problems(folder: Path, file: str, text: str | bytes, lang: str) -> list[str]:
    (folder / "workshop.yaml").write_text(WORKSHOP, encoding="utf-8")
    path = folder / file
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    load = load_decisions if file == M else load_votes
    with pytest.raises(DataError) as raised:
        load(load_workshop(folder), lang)
    return [p.format().replace(f"{folder}/", "") for p in raised.value.problems]


@pytest.mark.parametrize(("file", "text", "expected"), CASES)
def test_a_broken_decisions_or_votes_file_is_named_line_by_line(
    tmp_path: Path, file: str, text: str | bytes, expected: list[str]
) -> None:
    assert problems(tmp_path, file, text, "en") == expected


@pytest.mark.parametrize(("file", "text", "expected"), SWEDISH)
def test_in_a_swedish_workshop_the_keys_and_fixes_are_swedish(
    tmp_path: Path, file: str, text: str | bytes, expected: list[str]
) -> None:
    assert problems(tmp_path, file, text, "sv") == expected


def test_good_files_read_every_decision_and_vote_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "workshop.yaml").write_text(WORKSHOP, encoding="utf-8")
    (tmp_path / M).write_text(
        "- beslut: håll isär\n  tema: jämställdhet\n  kvadrant: styrkor\n  texter: [a, b]\n"
        "- decision: wording\n  theme: equality\n  quadrant: S\n  texts: c\n  wording: C\n"
        "  note: agreed in the room\n",
        encoding="utf-8",
    )
    (tmp_path / V).write_text(
        "- round: baseline\n  theme: equality\n  quadrant: strengths\n  key: abc\n  votes: 0\n"
        "- tema: tillgänglighet\n  kvadrant: hot\n  text: b\n  röster: '7'\n",
        encoding="utf-8",
    )
    loaded = load_workshop(tmp_path)
    decisions = load_decisions(loaded).decisions
    assert [(d.kind, d.theme, d.quadrant.value, d.texts, d.wording, d.line) for d in decisions] == [
        ("apart", "equality", "strengths", ("a", "b"), None, 1),
        ("wording", "equality", "strengths", ("c",), "C", 5),
    ]
    votes = load_votes(loaded).votes
    assert [
        (v.theme, v.quadrant.value, v.votes, v.text, v.key, v.round, v.line) for v in votes
    ] == [
        ("equality", "strengths", 0, None, "abc", "baseline", 1),
        ("accessibility", "threats", 7, "b", None, "baseline", 6),  # the only round
    ]


def test_a_vote_without_a_round_in_a_workshop_of_several_rounds_is_refused(
    tmp_path: Path,
) -> None:
    (tmp_path / "workshop.yaml").write_text(
        WORKSHOP + "  - id: followup\n    date: 2027-01-01\n", encoding="utf-8"
    )
    (tmp_path / V).write_text(
        "- theme: equality\n  quadrant: strengths\n  text: a\n  votes: 3\n", encoding="utf-8"
    )
    with pytest.raises(DataError) as raised:
        load_votes(load_workshop(tmp_path), "en")
    assert [p.format().replace(f"{tmp_path}/", "") for p in raised.value.problems] == [
        "votes.yaml:1:3: vote 1 → round: it does not say which round these votes belong to, and "
        "the workshop has several rounds\n  → add a line 'round: …' with one of: baseline, followup"
    ]


@pytest.mark.parametrize("text", ["", "# nothing yet\n"])
def test_an_empty_file_has_no_decisions(tmp_path: Path, text: str) -> None:
    (tmp_path / "workshop.yaml").write_text(WORKSHOP, encoding="utf-8")
    (tmp_path / M).write_text(text, encoding="utf-8")
    assert load_decisions(load_workshop(tmp_path)).decisions == []
