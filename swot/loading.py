"""One loader for every file swot reads, and errors that say file:line:column, what and how to fix.

Reading a file goes through four gates, each with its own kind of message:
1. bytes → text: size cap, encoding (UTF-8 with or without BOM, UTF-16/32 with BOM; a
   Windows "ANSI" file is refused with the line of its first bad byte), line endings;
2. text → YAML nodes: not valid YAML, tabs, aliases, tags, depth, duplicate keys (``yamltree``);
3. nodes → shape: a list of entries, a mapping per entry, known keys in Swedish or English;
4. shape → values: pydantic models, each error mapped back to the line of its YAML node.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import hashlib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from swot.errors import DataError, Problem, shorten
from swot.i18n import Catalogue, default_language, say
from swot.models import (
    Entry,
    Workshop,
    compact_entry,
    entry_from_row,
    entry_from_strings,
    entry_row,
)
from swot.vocabulary import LANGUAGE_LOOKUP, QUADRANT_SPELLINGS, did_you_mean, fold
from swot.yamltree import (
    MAX_DEPTH,
    MappingNode,
    Node,
    ScalarNode,
    SequenceNode,
    SyntaxProblem,
    parse_document,
    shift_lines,
    simple_entry_items,
    to_python,
    top_level_items,
)

if TYPE_CHECKING:
    from concurrent.futures import Executor

MAX_FILE_BYTES = 8 * 1024 * 1024
MAX_PROBLEMS_PER_FILE = 50
WORKSHOP_FILE = "workshop.yaml"
ENTRIES_DIR = "entries"

# Canonical key -> other accepted spellings (matched after folding case and diacritics).
ENTRY_KEYS: dict[str, tuple[str, ...]] = {
    "theme": ("tema",),
    "quadrant": ("kvadrant", "ruta"),
    "text": ("texten", "beskrivning"),
    "importance": ("vikt", "viktighet", "prioritet", "betydelse"),
    "source": ("källa",),
    "respondent": ("svarande", "respondent id"),
    "note": ("anteckning", "kommentar", "notering"),
}
WORKSHOP_KEYS: dict[str, tuple[str, ...]] = {
    "name": ("namn",),
    "language": ("språk",),
    "response_target": ("svarsmål", "målnivå"),
    "importance": ("vikt",),
    "themes": ("teman",),
    "units": ("enheter",),
    "rounds": ("omgångar", "omgångarna"),
}
UNIT_KEYS: dict[str, tuple[str, ...]] = {
    "id": (),
    "name": ("namn",),
    "municipality": ("kommun",),
}
ROUND_KEYS: dict[str, tuple[str, ...]] = {
    "id": (),
    "name": ("namn",),
    "date": ("datum",),
    "expected": ("förväntade", "förväntat", "förväntade svarande"),
}
THEME_KEYS: dict[str, tuple[str, ...]] = {
    "id": (),
    "sv": ("svenska",),
    "en": ("engelska", "english"),
    "aliases": ("alias", "andra stavningar"),
}
# Where nested key tables apply inside workshop.yaml.
WORKSHOP_CHILD_KEYS = {"units": UNIT_KEYS, "rounds": ROUND_KEYS, "themes": THEME_KEYS}

FIELD_NAMES_SV = {
    "theme": "tema",
    "quadrant": "kvadrant",
    "text": "text",
    "importance": "vikt",
    "source": "källa",
    "respondent": "svarande",
    "note": "anteckning",
    "name": "namn",
    "language": "språk",
    "units": "enheter",
    "rounds": "omgångar",
    "themes": "teman",
    "municipality": "kommun",
    "date": "datum",
    "expected": "förväntade",
}

MESSAGES: Catalogue = {
    "nothing_to_check": {
        "en": "no swot file to check here (no entries file, workshop.yaml, merges.yaml or "
        "votes.yaml)",
        "sv": "ingen swot-fil att kontrollera här (ingen postfil, workshop.yaml, merges.yaml "
        "eller votes.yaml)",
    },
    "nothing_to_check.hint": {
        "en": "name a workshop folder or the files to check, e.g. swot validate entries/",
        "sv": "ange en workshopmapp eller filerna som ska kontrolleras, t.ex. swot validate "
        "entries/",
    },
    "missing": {"en": "the file does not exist", "sv": "filen finns inte"},
    "missing.hint": {
        "en": "check the path, or create the workshop with `swot init DIR`",
        "sv": "kontrollera sökvägen, eller skapa workshoppen med `swot init MAPP`",
    },
    "unreadable": {
        "en": "the file cannot be read: {detail}",
        "sv": "filen går inte att läsa: {detail}",
    },
    "unreadable.hint": {
        "en": "check that it is a file and that you may read it",
        "sv": "kontrollera att det är en fil och att du har läsrätt",
    },
    "too_big": {
        "en": "the file is {size} MB; swot reads files of at most {limit} MB",
        "sv": "filen är {size} MB; swot läser filer på högst {limit} MB",
    },
    "too_big.hint": {
        "en": "split the entries over several files, or check that this is the right file",
        "sv": "dela upp posterna på flera filer, eller kontrollera att det är rätt fil",
    },
    "not_utf8": {
        "en": "the file is not UTF-8: byte 0x{byte} cannot be read{guess}",
        "sv": "filen är inte sparad som UTF-8: byte 0x{byte} går inte att läsa{guess}",
    },
    "not_utf8.guess": {
        "en": " (in Windows \"ANSI\"/cp1252 it would be '{char}')",
        "sv": " (i Windows \"ANSI\"/cp1252 skulle det vara '{char}')",
    },
    "not_utf8.hint": {
        "en": "re-save the file as UTF-8: in Notepad choose File → Save as → Encoding: UTF-8; "
        "in VS Code click the encoding in the status bar → Reopen with Encoding → "
        "Windows 1252, then Save with Encoding → UTF-8",
        "sv": "spara om filen som UTF-8: i Anteckningar Arkiv → Spara som → Kodning: UTF-8; "
        "i VS Code klicka på kodningen i statusfältet → Reopen with Encoding → "
        "Windows 1252, sedan Save with Encoding → UTF-8",
    },
    "utf16_no_bom": {
        "en": "the file looks like UTF-16 without a byte-order mark",
        "sv": "filen ser ut att vara UTF-16 utan byte-order-mark",
    },
    "tabs": {
        "en": "a tab is used for indentation; YAML indents with spaces only",
        "sv": "tabb används som indrag; YAML tillåter bara mellanslag som indrag",
    },
    "tabs.hint": {
        "en": "replace the tab with spaces (2 per level); in VS Code: "
        "Convert Indentation to Spaces",
        "sv": "ersätt tabben med mellanslag (2 per nivå); i VS Code: Convert Indentation to Spaces",
    },
    "empty": {"en": "the file is empty", "sv": "filen är tom"},
    "comments_only": {
        "en": "the file has only comments and no data",
        "sv": "filen innehåller bara kommentarer och inga data",
    },
    "empty_entries.hint": {
        "en": "that is fine until the unit has answered; add entries with `swot collect`",
        "sv": "det går bra tills enheten har svarat; lägg till poster med `swot collect`",
    },
    "empty_workshop.hint": {
        "en": "write name, language, units and rounds, or create a new one with `swot init DIR`",
        "sv": "skriv namn, språk, enheter och omgångar, eller skapa en ny med `swot init MAPP`",
    },
    "not_yaml": {
        "en": "this is not valid YAML: {detail}",
        "sv": "detta är inte giltig YAML: {detail}",
    },
    "not_yaml.hint": {
        "en": "check indentation and quotes on this line and the one above; a text that "
        "contains ': ' or ' #', or starts with a quote, must be written in quotes",
        "sv": "kontrollera indrag och citattecken på den här raden och raden ovanför; en text "
        "som innehåller ': ' eller ' #', eller börjar med citattecken, måste stå inom "
        "citattecken",
    },
    "several_documents": {
        "en": "the file holds more than one YAML document ('---')",
        "sv": "filen innehåller mer än ett YAML-dokument ('---')",
    },
    "several_documents.hint": {
        "en": "remove the '---' line, or split the file",
        "sv": "ta bort raden '---', eller dela upp filen",
    },
    "alias": {
        "en": "YAML aliases (*{detail}) are not accepted in swot files",
        "sv": "YAML-alias (*{detail}) accepteras inte i swot-filer",
    },
    "alias.hint": {
        "en": "write the value out in full instead of '&name' and '*name'",
        "sv": "skriv ut värdet i sin helhet i stället för '&namn' och '*namn'",
    },
    "tag": {
        "en": "the tag '{detail}' is not accepted: swot files hold plain text and numbers",
        "sv": "taggen '{detail}' accepteras inte: swot-filer innehåller bara text och tal",
    },
    "tag.hint": {
        "en": "remove the tag (the word starting with '!')",
        "sv": "ta bort taggen (ordet som börjar med '!')",
    },
    "too_deep": {
        "en": "the data is nested more than {detail} levels deep",
        "sv": "datat är nästlat i mer än {detail} nivåer",
    },
    "too_deep.hint": {
        "en": "swot files are at most a few levels deep; check the indentation",
        "sv": "swot-filer har bara några få nivåer; kontrollera indraget",
    },
    "duplicate_key": {
        "en": "the key '{key}' appears twice in the same place (first on line {first})",
        "sv": "nyckeln '{key}' förekommer två gånger på samma ställe (första gången på rad {first})",
    },
    "duplicate_key.hint": {
        "en": "keep one of them; if this is a new entry, start it with '- '",
        "sv": "behåll en av dem; om det är en ny post ska den börja med '- '",
    },
    "complex_key": {"en": "a key must be a single word", "sv": "en nyckel måste vara ett enda ord"},
    "entries_not_list": {
        "en": "an entries file must be a list of entries, each starting with '- '",
        "sv": "en fil med poster måste vara en lista där varje post börjar med '- '",
    },
    "entries_not_list.hint": {
        "en": "write each entry as '- theme: …' with its keys indented below it",
        "sv": "skriv varje post som '- tema: …' med nycklarna indragna under",
    },
    "entry_not_mapping": {
        "en": "an entry must have keys such as theme, quadrant and text",
        "sv": "en post måste ha nycklar som tema, kvadrant och text",
    },
    "entry_not_mapping.hint": {
        "en": "write 'theme:', 'quadrant:' and 'text:' on their own lines under the '- '",
        "sv": "skriv 'tema:', 'kvadrant:' och 'text:' på egna rader under '- '",
    },
    "workshop_not_mapping": {
        "en": "workshop.yaml must be a mapping with name, language, units and rounds",
        "sv": "workshop.yaml måste ha nycklarna name, language, units och rounds",
    },
    "unknown_key": {
        "en": "unknown key '{key}'{suggestion}",
        "sv": "okänd nyckel '{key}'{suggestion}",
    },
    "unknown_key.hint": {
        "en": "allowed keys here: {choices}",
        "sv": "tillåtna nycklar här: {choices}",
    },
    "did_you_mean": {"en": "; did you mean '{word}'?", "sv": "; menade du '{word}'?"},
    "key_twice": {
        "en": "'{key}' and '{other}' mean the same key (first on line {first})",
        "sv": "'{key}' och '{other}' är samma nyckel (första gången på rad {first})",
    },
    "key_twice.hint": {"en": "keep only one of them", "sv": "behåll bara en av dem"},
    "missing_field": {"en": "'{key}' is missing", "sv": "'{key}' saknas"},
    "missing_field.hint": {
        "en": "add a line '{key}: …' to this item",
        "sv": "lägg till en rad '{key}: …' i den här posten",
    },
    "unknown_quadrant": {
        "en": "'{value}' is not a quadrant{suggestion}",
        "sv": "'{value}' är ingen kvadrant{suggestion}",
    },
    "unknown_quadrant.hint": {
        "en": "use strengths, weaknesses, opportunities or threats "
        "(or styrkor, svagheter, möjligheter, hot; S/W/O/T)",
        "sv": "använd styrkor, svagheter, möjligheter eller hot "
        "(eller strengths, weaknesses, opportunities, threats; S/W/O/T)",
    },
    "unknown_theme": {
        "en": "'{value}' is not a theme of this workshop{suggestion}",
        "sv": "'{value}' är inget tema i den här workshoppen{suggestion}",
    },
    "unknown_theme.hint": {"en": "use one of: {choices}", "sv": "använd något av: {choices}"},
    "unknown_source": {
        "en": "'{value}' is not a source{suggestion}",
        "sv": "'{value}' är ingen källa{suggestion}",
    },
    "unknown_source.hint": {
        "en": "use survey or workshop (enkät or workshop)",
        "sv": "använd enkät eller workshop (survey eller workshop)",
    },
    "unknown_language": {
        "en": "'{value}' is not a language swot speaks",
        "sv": "'{value}' är inget språk som swot kan",
    },
    "unknown_language.hint": {"en": "use sv or en", "sv": "använd sv eller en"},
    "blank_text": {"en": "the text is empty", "sv": "texten är tom"},
    "blank_text.hint": {
        "en": "write the entry's text after 'text:', or remove the entry",
        "sv": "skriv postens text efter 'text:', eller ta bort posten",
    },
    "unsafe_id": {
        "en": "'{value}' cannot be used as an id (it becomes a file name)",
        "sv": "'{value}' kan inte användas som id (det blir ett filnamn)",
    },
    "unsafe_id.hint": {
        "en": "use lower-case a–z, digits, '-' and '_' only, e.g. '{suggestion}'",
        "sv": "använd bara små bokstäver a–z, siffror, '-' och '_', t.ex. '{suggestion}'",
    },
    "duplicate_id": {
        "en": "{kind} id '{value}' is used twice",
        "sv": "id '{value}' används två gånger ({kind})",
    },
    "duplicate_id.hint": {"en": "give every {kind} its own id", "sv": "ge varje post ett eget id"},
    "unknown_unit_in_expected": {
        "en": "round '{round}' expects respondents from '{value}', which is not a unit{suggestion}",
        "sv": "omgången '{round}' väntar svar från '{value}', som inte är en enhet{suggestion}",
    },
    "unknown_unit_in_expected.hint": {
        "en": "use the id of a unit listed under units:",
        "sv": "använd id för en enhet under units:",
    },
    "int": {"en": "'{value}' is not a whole number", "sv": "'{value}' är inget heltal"},
    "int.hint": {"en": "write a whole number, e.g. 4", "sv": "skriv ett heltal, t.ex. 4"},
    "range": {"en": "{value} is outside {low}–{high}", "sv": "{value} ligger utanför {low}–{high}"},
    "range.hint": {
        "en": "use a number from {low} to {high}",
        "sv": "använd ett tal från {low} till {high}",
    },
    "too_long": {
        "en": "the text is {length} characters; at most {limit} are allowed",
        "sv": "texten är {length} tecken; högst {limit} tillåts",
    },
    "too_long.hint": {
        "en": "shorten it, or split it into several entries",
        "sv": "korta den, eller dela upp den i flera poster",
    },
    "too_short": {"en": "this may not be empty", "sv": "detta får inte vara tomt"},
    "too_short.hint": {"en": "fill it in", "sv": "fyll i det"},
    "not_text": {
        "en": "expected a text here, found a {found}",
        "sv": "här ska det stå en text, men det står en {found}",
    },
    "not_text.hint": {
        "en": "write the value on the same line, after the key",
        "sv": "skriv värdet på samma rad, efter nyckeln",
    },
    "not_list": {
        "en": "expected a list here (lines starting with '- ')",
        "sv": "här ska det stå en lista (rader som börjar med '- ')",
    },
    "not_list.hint": {
        "en": "write one item per line, each starting with '- '",
        "sv": "skriv en sak per rad, varje rad börjar med '- '",
    },
    "not_mapping": {
        "en": "expected keys with values here ('key: value')",
        "sv": "här ska det stå nycklar med värden ('nyckel: värde')",
    },
    "not_mapping.hint": {
        "en": "write 'key: value' lines, indented below",
        "sv": "skriv rader med 'nyckel: värde', indragna under",
    },
    "date": {"en": "'{value}' is not a date", "sv": "'{value}' är inget datum"},
    "date.hint": {
        "en": "write the date as YYYY-MM-DD, e.g. 2025-03-20",
        "sv": "skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2025-03-20",
    },
    "choice": {"en": "'{value}' is not allowed here", "sv": "'{value}' är inte tillåtet här"},
    "choice.hint": {"en": "use one of: {choices}", "sv": "använd något av: {choices}"},
    "other": {"en": "{detail}", "sv": "{detail}"},
    "other.hint": {"en": "see the example in the README", "sv": "se exemplet i README"},
    "too_many": {
        "en": "… and {count} more problems in this file",
        "sv": "… och {count} problem till i den här filen",
    },
    "unit_not_in_workshop": {
        "en": "'{value}' is not a unit of this workshop{suggestion}",
        "sv": "'{value}' är ingen enhet i den här workshoppen{suggestion}",
    },
    "unit_not_in_workshop.hint": {
        "en": "name the file after a unit id in workshop.yaml ({choices}), or add the unit there",
        "sv": "döp filen efter ett enhets-id i workshop.yaml ({choices}), eller lägg till enheten där",
    },
    "round_not_in_workshop": {
        "en": "'{value}' is not a round of this workshop{suggestion}",
        "sv": "'{value}' är ingen omgång i den här workshoppen{suggestion}",
    },
    "round_not_in_workshop.hint": {
        "en": "name the folder after a round id in workshop.yaml ({choices}), or add the round there",
        "sv": "döp mappen efter ett omgångs-id i workshop.yaml ({choices}), eller lägg till omgången där",
    },
    "no_workshop": {
        "en": "no workshop.yaml found in {folder} or its parent folders",
        "sv": "ingen workshop.yaml i {folder} eller mappar ovanför",
    },
    "no_workshop.hint": {
        "en": "run the command inside a workshop folder, pass its path, or create one with "
        "`swot init DIR`",
        "sv": "kör kommandot i en workshopmapp, ange sökvägen, eller skapa en med `swot init MAPP`",
    },
    "entry": {"en": "entry {number}", "sv": "post {number}"},
}


def display_path(path: Path) -> str:
    """A path as the user would type it: relative to the current folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


class ProblemCollector:
    """Gathers the problems of one file in the language the user reads."""

    def __init__(self, path: Path, lang: str) -> None:
        self.path = path
        self.file = display_path(path)
        self.lang = lang
        self.problems: list[Problem] = []

    def add(
        self,
        code: str,
        node_or_line: Node | int | None = None,
        column: int | None = None,
        where: str | Callable[[], str] = "",
        severity: str = "error",
        hint_code: str | None = None,
        **params: object,
    ) -> None:
        """Record a problem; a node gives its position, or pass 1-based line and column."""
        line = None
        if isinstance(node_or_line, Node):
            line, column = node_or_line.line + 1, node_or_line.column + 1
        elif isinstance(node_or_line, int):
            line = node_or_line
        hint_key = (hint_code or code) + ".hint"
        hint = say(MESSAGES, hint_key, self.lang, **params) if hint_key in MESSAGES else ""
        self.problems.append(
            Problem(
                file=self.file,
                message=say(MESSAGES, code, self.lang, **params),
                hint=hint,
                line=line,
                column=column,
                where=where() if callable(where) else where,
                code=code,
                severity=severity,
            )
        )

    def suggestion(self, word: str | None) -> str:
        return say(MESSAGES, "did_you_mean", self.lang, word=word) if word else ""

    def capped(self) -> list[Problem]:
        """At most ``MAX_PROBLEMS_PER_FILE`` problems, then one line saying how many more."""
        self.problems.sort(key=lambda p: (p.line or 0, p.column or 0))
        if len(self.problems) <= MAX_PROBLEMS_PER_FILE:
            return self.problems
        rest = len(self.problems) - MAX_PROBLEMS_PER_FILE
        kept = self.problems[:MAX_PROBLEMS_PER_FILE]
        kept.append(
            Problem(self.file, say(MESSAGES, "too_many", self.lang, count=rest), code="too_many")
        )
        return kept


# ---------------------------------------------------------------- gate 1: bytes → text


def read_text(path: Path, problems: ProblemCollector) -> str | None:
    """The file's text with LF line endings, or None after recording why it cannot be read."""
    data = read_bytes(path, problems)
    return None if data is None else text_of(data, problems)


def read_bytes(path: Path, problems: ProblemCollector) -> bytes | None:
    """The file's bytes, or None after recording why they cannot be read (missing, too big…)."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        problems.add("missing")
        return None
    except OSError as error:
        problems.add("unreadable", detail=error.strerror or str(error))
        return None
    if size > MAX_FILE_BYTES:
        problems.add("too_big", size=f"{size / 1e6:.1f}", limit=f"{MAX_FILE_BYTES / 1e6:.0f}")
        return None
    try:
        return path.read_bytes()
    except OSError as error:
        problems.add("unreadable", detail=error.strerror or str(error))
        return None


def text_of(data: bytes, problems: ProblemCollector) -> str | None:
    """Decoded text with LF line endings, or None after recording why it cannot be decoded."""
    text = decode(data, problems)
    if text is None:
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode(data: bytes, problems: ProblemCollector) -> str | None:
    """Text from bytes: UTF-8 (BOM optional), or UTF-16/32 with a BOM as Windows writes it."""
    for bom, codec in (
        (b"\xef\xbb\xbf", "utf-8"),
        (b"\xff\xfe\x00\x00", "utf-32-le"),
        (b"\x00\x00\xfe\xff", "utf-32-be"),
        (b"\xff\xfe", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be"),
    ):
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec)
            except UnicodeDecodeError as error:
                _report_bad_byte(data[len(bom) :], error, problems)
                return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        if data[:200].count(b"\x00") > 10:
            problems.add("utf16_no_bom", 1, 1, hint_code="not_utf8")
            return None
        _report_bad_byte(data, error, problems)
        return None


def _report_bad_byte(data: bytes, error: UnicodeDecodeError, problems: ProblemCollector) -> None:
    before = data[: error.start]
    line = before.count(b"\n") + 1
    line_start = before.rfind(b"\n") + 1
    column = len(before[line_start:].decode("utf-8", errors="replace")) + 1
    byte = data[error.start]
    char = bytes([byte]).decode("cp1252", errors="replace")
    guess = (
        say(MESSAGES, "not_utf8.guess", problems.lang, char=char)
        if char.isprintable() and byte >= 0x80
        else ""
    )
    problems.add("not_utf8", line, column, byte=f"{byte:02X}", guess=guess)


# ---------------------------------------------------------------- gate 2: text → nodes


def parse_yaml(text: str, problems: ProblemCollector, kind: str) -> Node | None:
    """Located nodes from YAML text; None (with problems recorded) if there is nothing to use."""
    tabs = _tab_indented_lines(text)
    if tabs:
        for line, column in tabs:
            problems.add("tabs", line, column)
        return None
    try:
        document = parse_document(text)
    except SyntaxProblem as refused:
        params: dict[str, Any] = {"detail": shorten(refused.detail, 80)}
        if refused.kind == "too_deep":
            params["detail"] = MAX_DEPTH
        elif refused.kind == "tag":
            params["detail"] = shorten(refused.detail.replace("tag:yaml.org,2002:", "!!"), 60)
        elif refused.kind == "not_yaml":
            params["detail"] = explain_yaml_error(refused.detail, problems.lang)
        problems.add(refused.kind, refused.line + 1, refused.column + 1, **params)
        return None
    for problem in document.problems:
        if problem.kind == "duplicate_key":
            key, first = problem.detail.split("\t")
            problems.add(
                "duplicate_key",
                problem.line + 1,
                problem.column + 1,
                key=shorten(key),
                first=int(first) + 1,
            )
        else:
            problems.add(problem.kind, problem.line + 1, problem.column + 1)
    if document.root is None:
        empty = "comments_only" if text.strip() else "empty"
        if kind == "entries":
            problems.add(empty, severity="warning", hint_code="empty_entries")
        else:
            problems.add(empty, hint_code="empty_workshop")
    return document.root


# PyYAML's wording of common mistakes, and what they mean to a person editing a form.
YAML_ERROR_WORDS: list[tuple[str, dict[str, str]]] = [
    (
        "mapping values are not allowed",
        {
            "en": "a ': ' where none may stand (a text containing ': ' must be in quotes)",
            "sv": "ett ': ' där det inte får stå (en text som innehåller ': ' måste stå inom citattecken)",
        },
    ),
    (
        "found unexpected end of stream",
        {
            "en": "the file ends inside a quoted text (a closing quote is missing)",
            "sv": "filen tar slut inuti en text med citattecken (ett avslutande citattecken saknas)",
        },
    ),
    (
        "could not find expected ':'",
        {
            "en": "a ':' is missing after a key",
            "sv": "ett ':' saknas efter en nyckel",
        },
    ),
    (
        "did not find expected key",
        {
            "en": "a key was expected here; the indentation does not match the lines above",
            "sv": "här väntades en nyckel; indraget stämmer inte med raderna ovanför",
        },
    ),
    (
        "did not find expected '-' indicator",
        {
            "en": "a '- ' was expected here; the indentation does not match the lines above",
            "sv": "här väntades ett '- '; indraget stämmer inte med raderna ovanför",
        },
    ),
    (
        "expected <block end>",
        {
            "en": "the indentation does not match the lines above",
            "sv": "indraget stämmer inte med raderna ovanför",
        },
    ),
    (
        "found undefined alias",
        {
            "en": "a '*' starts a YAML alias (put a text starting with '*' in quotes)",
            "sv": "ett '*' inleder ett YAML-alias (sätt en text som börjar med '*' inom citattecken)",
        },
    ),
    (
        "found character that cannot start any token",
        {
            "en": "a character that cannot start a value (put the text in quotes)",
            "sv": "ett tecken som inte kan inleda ett värde (sätt texten inom citattecken)",
        },
    ),
    (
        "special characters are not allowed",
        {
            "en": "the file contains a control character that is not text",
            "sv": "filen innehåller ett styrtecken som inte är text",
        },
    ),
]


def explain_yaml_error(detail: str, lang: str) -> str:
    """PyYAML's complaint in words a person editing a form understands (original if unknown)."""
    for words, explanation in YAML_ERROR_WORDS:
        if words in detail:
            return explanation[lang]
    return shorten(detail, 80)


def _tab_indented_lines(text: str) -> list[tuple[int, int]]:
    """(line, column) of every tab in a line's leading whitespace, 1-based."""
    if "\t" not in text:
        return []
    found = []
    for number, line in enumerate(text.split("\n"), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent and line.strip():
            found.append((number, indent.index("\t") + 1))
    return found


# ---------------------------------------------------------------- gate 3: nodes → shape


def canonical_keys(
    node: MappingNode,
    table: dict[str, tuple[str, ...]],
    problems: ProblemCollector,
    where: str | Callable[[], str],
) -> dict[str, tuple[ScalarNode, Node]]:
    """Canonical key -> (key node as written, value node); unknown keys become problems."""
    lookup = _key_lookup(table)
    found: dict[str, tuple[ScalarNode, Node]] = {}
    for key_node, value_node in node.pairs:
        if not isinstance(key_node, ScalarNode):
            problems.add("complex_key", key_node, where=where)
            continue
        canonical = lookup.get(fold(key_node.value))
        if canonical is None:
            names = list(table) + [a for aliases in table.values() for a in aliases]
            problems.add(
                "unknown_key",
                key_node,
                where=where,
                key=shorten(key_node.value),
                suggestion=problems.suggestion(did_you_mean(key_node.value, names)),
                choices=", ".join(_key_choices(table, problems.lang)),
            )
            continue
        if canonical in found:
            earlier = found[canonical][0]
            problems.add(
                "key_twice",
                key_node,
                where=where,
                key=shorten(key_node.value),
                other=earlier.value,
                first=earlier.line + 1,
            )
            continue
        found[canonical] = (key_node, value_node)
    return found


_KEY_LOOKUPS: dict[int, dict[str, str]] = {}


def _key_lookup(table: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """Folded spelling -> canonical key, built once per key table."""
    lookup = _KEY_LOOKUPS.get(id(table))
    if lookup is None:
        lookup = {fold(alias): key for key, aliases in table.items() for alias in (key, *aliases)}
        _KEY_LOOKUPS[id(table)] = lookup
    return lookup


def _key_choices(table: dict[str, tuple[str, ...]], lang: str) -> list[str]:
    if lang == "sv":
        return [FIELD_NAMES_SV.get(key, key) for key in table]
    return list(table)


def _canonical_python(pairs: dict[str, tuple[ScalarNode, Node]]) -> dict[str, object]:
    return {key: to_python(value) for key, (_, value) in pairs.items()}


# ---------------------------------------------------------------- gate 4: shape → values


def _report_validation(
    error: ValidationError,
    problems: ProblemCollector,
    root: Node,
    where_of: Callable[[tuple, str], str],
) -> None:
    """One problem per pydantic error, at the line of the YAML node it is about."""
    for item in error.errors(include_url=False, include_input=False):
        loc = tuple(item["loc"])
        node, _key_node, key_written = _locate(root, loc)
        ctx = dict(item.get("ctx") or {})
        kind = item["type"]
        field_name = str(loc[-1]) if loc and isinstance(loc[-1], str) else ""
        key_shown = key_written or (
            FIELD_NAMES_SV.get(field_name, field_name) if problems.lang == "sv" else field_name
        )
        where = where_of(loc, key_shown)
        value = node.value if isinstance(node, ScalarNode) else ""
        params: dict[str, Any] = {"value": shorten(ctx.get("value", value))}
        if kind == "missing":
            problems.add("missing_field", node, where=where_of(loc[:-1], ""), key=key_shown)
        elif kind in {"unknown_quadrant", "unknown_theme", "unknown_source"}:
            params["suggestion"] = problems.suggestion(ctx.get("suggestion") or None)
            params["choices"] = ctx.get("choices", "")
            problems.add(kind, node, where=where, **params)
        elif kind in {"unknown_language", "blank_text"}:
            problems.add(kind, node, where=where, **params)
        elif kind == "unsafe_id":
            from swot.models import suggest_id

            problems.add(
                kind, node, where=where, suggestion=suggest_id(str(value) or "x"), **params
            )
        elif kind in {"duplicate_id", "unknown_unit_in_expected"}:
            target = _find_scalar(root, str(ctx.get("value", "")), second=kind == "duplicate_id")
            ctx["suggestion"] = problems.suggestion(ctx.get("suggestion") or None)
            ctx["value"] = shorten(ctx.get("value", ""))
            problems.add(kind, target or node, where="", **ctx)
        elif kind in {"int_parsing", "int_type", "int_from_float"}:
            problems.add("int", node, where=where, **params)
        elif kind in {"greater_than_equal", "less_than_equal"}:
            low, high = _bounds(loc)
            problems.add("range", node, where=where, low=low, high=high, **params)
        elif kind == "string_too_long":
            problems.add(
                "too_long", node, where=where, length=len(value), limit=ctx.get("max_length", "?")
            )
        elif kind in {"string_too_short", "too_short"}:
            problems.add("too_short", node, where=where)
        elif kind in {"string_type", "str_type"}:
            found = "list" if isinstance(node, SequenceNode) else "mapping"
            if problems.lang == "sv":
                found = "lista" if isinstance(node, SequenceNode) else "nyckel-värde-tabell"
            problems.add("not_text", node, where=where, found=found)
        elif kind == "list_type":
            problems.add("not_list", node, where=where)
        elif kind in {"dict_type", "model_type", "model_attributes_type"}:
            problems.add("not_mapping", node, where=where)
        elif kind.startswith("date"):
            problems.add("date", node, where=where, **params)
        elif kind in {"literal_error", "enum"}:
            problems.add("choice", node, where=where, choices=ctx.get("expected", ""), **params)
        else:
            problems.add("other", node, where=where, detail=item["msg"])


def _bounds(loc: tuple) -> tuple[int, int]:
    name = loc[-1] if loc else ""
    if name == "importance":
        return 1, 5
    if name == "response_target":
        return 0, 100
    return 0, 100_000


def _locate(root: Node, loc: tuple) -> tuple[Node, ScalarNode | None, str]:
    """The node a pydantic error location points at, with the key node as the user wrote it."""
    node = root
    key_node: ScalarNode | None = None
    for part in loc:
        if isinstance(node, SequenceNode) and isinstance(part, int) and part < len(node.items):
            node, key_node = node.items[part], None
        elif isinstance(node, MappingNode) and isinstance(part, str):
            pair = next(
                ((k, v) for k, v in node.pairs if isinstance(k, ScalarNode) and k.value == part),
                None,
            )
            if pair is None:
                break
            key_node = pair[0] if isinstance(pair[0], ScalarNode) else None
            node = pair[1]
        else:
            break
    written = getattr(key_node, "written", None) or (key_node.value if key_node else "")
    return node, key_node, written


def _find_scalar(root: Node, value: str, second: bool) -> Node | None:
    """A scalar with this value (the second occurrence for 'used twice'), searched in order."""
    seen = 0
    stack: list[Node] = [root]
    ordered: list[ScalarNode] = []
    while stack:
        node = stack.pop()
        if isinstance(node, ScalarNode):
            ordered.append(node)
        elif isinstance(node, SequenceNode):
            stack.extend(reversed(node.items))
        elif isinstance(node, MappingNode):
            for k, v in reversed(node.pairs):
                stack.extend((v, k))
    for node in ordered:
        if node.value == value:
            seen += 1
            if seen == (2 if second else 1):
                return node
    return None


def _rename_keys(node: MappingNode, pairs: dict[str, tuple[ScalarNode, Node]]) -> MappingNode:
    """A copy of a mapping with canonical key names, remembering how each key was written."""
    renamed = MappingNode(node.line, node.column)
    for canonical, (key_node, value) in pairs.items():
        key = _WrittenKey(key_node.line, key_node.column, canonical)
        key.written = key_node.value
        renamed.pairs.append((key, value))
    return renamed


class _WrittenKey(ScalarNode):
    """A canonical key that remembers the spelling the user wrote."""

    __slots__ = ("written",)

    written: str


# ---------------------------------------------------------------- workshop.yaml


@dataclass
class LoadedWorkshop:
    """A workshop read from its folder."""

    folder: Path
    workshop: Workshop
    cache: bool = False  # keep validated entries in <folder>/.swot-cache (see swot.cache)

    @property
    def language(self) -> str:
        return self.workshop.language.value

    def entries_file(self, round_id: str, unit_id: str) -> Path:
        return self.folder / ENTRIES_DIR / round_id / f"{unit_id}.yaml"


def find_workshop_folder(start: Path) -> Path | None:
    """The folder holding workshop.yaml: ``start`` itself, or the nearest parent."""
    start = start.resolve()
    if start.is_file():
        start = start.parent
    for folder in (start, *start.parents):
        if (folder / WORKSHOP_FILE).is_file():
            return folder
    return None


def check_workshop_file(
    path: Path, lang: str | None = None
) -> tuple[Workshop | None, list[Problem]]:
    """Read and validate ``workshop.yaml``; every problem is returned, none raised."""
    problems = ProblemCollector(path, lang or default_language())
    text = read_text(path, problems)
    root = parse_yaml(text, problems, "workshop") if text is not None else None
    if root is None:
        return None, problems.capped()
    if not isinstance(root, MappingNode):
        problems.add("workshop_not_mapping", root)
        return None, problems.capped()
    if lang is None:
        problems.lang = _declared_language(root) or problems.lang
    pairs = canonical_keys(root, WORKSHOP_KEYS, problems, "")
    renamed = _rename_keys(root, pairs)
    data = _canonical_python(pairs)
    for child, table in WORKSHOP_CHILD_KEYS.items():
        if child not in pairs:
            continue
        items = pairs[child][1]
        if not isinstance(items, SequenceNode):
            continue
        new_items: list[object] = []
        for index, item in enumerate(items.items):
            if isinstance(item, MappingNode):
                where = f"{pairs[child][0].value} {index + 1}"
                item_pairs = canonical_keys(item, table, problems, where)
                items.items[index] = _rename_keys(item, item_pairs)
                new_items.append(_canonical_python(item_pairs))
            else:
                new_items.append(to_python(item))
        data[child] = new_items
    workshop: Workshop | None = None
    try:
        workshop = Workshop.model_validate(data)
    except ValidationError as error:
        _report_validation(error, problems, renamed, _workshop_where)
        workshop = None
    if problems.problems and any(p.severity == "error" for p in problems.problems):
        workshop = None
    return workshop, problems.capped()


def declared_language(path: Path) -> str | None:
    """The language a (possibly broken) workshop.yaml asks for, if it can be read at all."""
    problems = ProblemCollector(path, "en")
    text = read_text(path, problems)
    root = parse_yaml(text, problems, "workshop") if text is not None else None
    return _declared_language(root) if isinstance(root, MappingNode) else None


def _declared_language(root: MappingNode) -> str | None:
    """The language workshop.yaml asks for, read before validation so errors speak it."""
    for key, value in root.pairs:
        if (
            isinstance(key, ScalarNode)
            and fold(key.value) in {"language", "sprak"}
            and isinstance(value, ScalarNode)
        ):
            found = LANGUAGE_LOOKUP.get(fold(value.value))
            return found.value if found else None
    return None


def _workshop_where(loc: tuple, key_shown: str) -> str:
    words: list[str] = []
    for part in loc[:-1]:
        if isinstance(part, int) and words:
            words[-1] += f" {part + 1}"  # 'units 2', the second unit
        else:
            words.append(str(part))
    if key_shown:
        words.append(key_shown)
    return " → ".join(words)


def load_workshop(
    path: Path | str = ".", lang: str | None = None, *, cache: bool = False
) -> LoadedWorkshop:
    """The workshop in ``path`` (a folder, its workshop.yaml, or a folder below it).

    With ``cache``, rounds are read through the cache of validated entries (``swot.cache``).
    Raises ``DataError`` with every problem if it cannot be used.
    """
    path = Path(path)
    folder = find_workshop_folder(path)
    if folder is None:
        language = lang or default_language()
        raise DataError(
            [
                Problem(
                    file=display_path(path),
                    message=say(MESSAGES, "no_workshop", language, folder=display_path(path)),
                    hint=say(MESSAGES, "no_workshop.hint", language),
                    code="no_workshop",
                )
            ]
        )
    workshop, problems = check_workshop_file(folder / WORKSHOP_FILE, lang)
    if workshop is None:
        raise DataError(problems)
    return LoadedWorkshop(folder, workshop, cache)


# ---------------------------------------------------------------- entries files


@dataclass
class EntriesFile:
    """What one entries file holds: valid entries, and problems with the rest."""

    path: Path
    unit: str
    round: str
    entries: list[Entry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    digest: str = ""  # of the bytes the entries were read from ("" if they could not be read)
    left_out: int = 0  # list items that gave no entry (each reported among the problems)

    @property
    def ok(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)


def entry_label(index: int, node: Node, lang: str) -> str:
    """How an entry is named in messages: by number and the start of its text."""
    label = say(MESSAGES, "entry", lang, number=index + 1)
    if isinstance(node, MappingNode):
        for key, value in node.pairs:
            if (
                isinstance(key, ScalarNode)
                and fold(key.value) in {"text", "texten"}
                and isinstance(value, ScalarNode)
                and value.value.strip()
            ):
                label += f" (text '{shorten(value.value, 24)}')"
                break
    return label


def read_entries_file(
    path: Path,
    workshop: LoadedWorkshop | None = None,
    lang: str | None = None,
    unit: str | None = None,
    round_id: str | None = None,
    simple: bool = True,
) -> EntriesFile:
    """Read ``entries/<round>/<unit>.yaml``: every valid entry and every problem, none raised.

    ``simple=False`` skips the fast reader (for a file it has already declined).

    Unit and round come from the path unless given. With a workshop, theme names and the
    unit and round ids are checked against it.
    """
    language = lang or (workshop.language if workshop else default_language())
    problems = ProblemCollector(path, language)
    unit = unit or path.stem
    round_id = round_id or path.parent.name
    result = EntriesFile(path, unit, round_id)
    if workshop is not None:
        _check_place(workshop, unit, round_id, problems)
    data = read_bytes(path, problems)
    if data is not None:
        result.digest = content_digest(data)
    text = text_of(data, problems) if data is not None else None
    context = workshop.workshop.entry_context(language) if workshop else None
    # Most files are plain lists of valid entries: read those the fast way.
    quick = _simple_entries(text, context, unit, round_id) if simple and text else None
    if quick is not None:
        result.entries = quick
        result.problems = problems.capped()
        return result
    return _read_fully(result, text, problems, context)


def read_simple_entries_file(
    path: Path, workshop: LoadedWorkshop, lang: str | None = None
) -> EntriesFile | None:
    """``read_entries_file`` for a file in the common shape with nothing wrong in it; None
    for any other file (then ``read_entries_file`` reads it and says what is wrong)."""
    problems = ProblemCollector(path, lang or workshop.language)
    unit, round_id = path.stem, path.parent.name
    _check_place(workshop, unit, round_id, problems)
    data = read_bytes(path, problems)
    text = text_of(data, problems) if data is not None else None
    if text is None or problems.problems:
        return None
    context = workshop.workshop.entry_context(problems.lang)
    entries = _simple_entries(text, context, unit, round_id)
    if entries is None:
        return None
    return EntriesFile(path, unit, round_id, entries, [], content_digest(data or b""))


def _read_fully(
    result: EntriesFile, text: str | None, problems: ProblemCollector, context: dict | None
) -> EntriesFile:
    """The entries of a file through the located tree, with every problem where it stands."""
    unit, round_id = result.unit, result.round
    before = len(problems.problems)
    root = parse_yaml(text, problems, "entries") if text is not None else None
    if root is None and text is not None and _one_entry_not_yaml(problems, before):
        root = _salvage_entries(text, problems, before)
    if root is not None and not isinstance(root, SequenceNode):
        problems.add("entries_not_list", root)
        root = None
    if root is not None:
        for index, item in enumerate(root.items):
            entry = _read_entry(index, item, problems, context, unit, round_id)
            if entry is not None:
                result.entries.append(entry)
        result.left_out = len(root.items) - len(result.entries)
    result.problems = problems.capped()
    return result


def _one_entry_not_yaml(problems: ProblemCollector, before: int) -> bool:
    """Whether parsing stopped at text that is not YAML (not at a refused, hostile feature)."""
    found = problems.problems[before:]
    return len(found) == 1 and found[0].code == "not_yaml"


def _salvage_entries(text: str, problems: ProblemCollector, before: int) -> SequenceNode | None:
    """The list of a file where some entries are not valid YAML: each entry parsed on its own.

    Each broken entry gets its own located problem (replacing the one for the whole file) and
    is left out; the file still counts as having errors, so nothing is appended to it.
    """
    items = top_level_items(text)
    if items is None or len(items) < 2:
        return None
    del problems.problems[before:]
    root = SequenceNode(items[0][0], 0)
    for index, (start, chunk) in enumerate(items):
        own = ProblemCollector(problems.path, problems.lang)
        parsed = parse_yaml(chunk, own, "entries")
        if isinstance(parsed, SequenceNode) and len(parsed.items) == 1:
            shift_lines(parsed.items[0], start)
            root.items.append(parsed.items[0])
            continue
        label = say(MESSAGES, "entry", problems.lang, number=index + 1)
        for problem in own.problems:
            line = None if problem.line is None else problem.line + start
            problems.problems.append(dataclasses.replace(problem, line=line, where=label))
        root.items.append(_LeftOut(start, 0))
    return root


@dataclass(slots=True)
class _LeftOut(Node):
    """Stands in the salvaged list for an entry that is not valid YAML (already reported)."""


def content_digest(data: bytes) -> str:
    """A fingerprint of a file's bytes (the entries cache is keyed by it)."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _simple_entries(
    text: str, context: dict | None, unit: str, round_id: str
) -> list[Entry] | None:
    """The entries of a file in the common shape whose every entry is valid, read without
    building a located tree (``swot.yamltree.simple_entry_items``); None otherwise: then the
    file is read the full way, which says where each problem is."""
    items = simple_entry_items(text)
    if items is None:
        return None
    lookup = _key_lookup(ENTRY_KEYS)
    entries = []
    for line, pairs in items:
        data: dict[str, object] = {}
        for key, value in pairs:
            canonical = lookup.get(fold(key))
            if canonical is None or canonical in data:
                return None
            data[canonical] = value
        quick = entry_from_strings(data, context, unit, round_id, line + 1)  # type: ignore[arg-type]
        if quick is not None:
            entries.append(quick)
            continue
        data.update(unit=unit, round=round_id, line=line + 1)
        try:
            entry = Entry.model_validate(data, context=context)
        except ValidationError:
            return None
        entries.append(compact_entry(entry))
    return entries


def read_entry_nodes(
    path: Path,
    root: SequenceNode,
    workshop: LoadedWorkshop,
    unit: str,
    round_id: str,
    lang: str | None = None,
) -> EntriesFile:
    """Entries from nodes another reader built (e.g. the rows of a CSV file), checked exactly
    like the entries of a YAML file; problems are located at the nodes' lines and columns."""
    language = lang or workshop.language
    problems = ProblemCollector(path, language)
    result = EntriesFile(path, unit, round_id)
    context = workshop.workshop.entry_context(language)
    for index, item in enumerate(root.items):
        entry = _read_entry(index, item, problems, context, unit, round_id)
        if entry is not None:
            result.entries.append(entry)
    result.problems = problems.capped()
    return result


def _check_place(
    workshop: LoadedWorkshop, unit: str, round_id: str, problems: ProblemCollector
) -> None:
    """The file's unit and round (from its path) must be listed in workshop.yaml."""
    for code, value, known in (
        ("unit_not_in_workshop", unit, [u.id for u in workshop.workshop.units]),
        ("round_not_in_workshop", round_id, [r.id for r in workshop.workshop.rounds]),
    ):
        if value not in known:
            problems.add(
                code,
                value=shorten(value),
                suggestion=problems.suggestion(did_you_mean(value, known)),
                choices=", ".join(known),
            )


def _read_entry(
    index: int,
    item: Node,
    problems: ProblemCollector,
    context: dict | None,
    unit: str,
    round_id: str,
) -> Entry | None:
    def label() -> str:  # built only when there is a problem to name the entry in
        return entry_label(index, item, problems.lang)

    if isinstance(item, _LeftOut):
        return None
    if not isinstance(item, MappingNode):
        problems.add("entry_not_mapping", item, where=label)
        return None
    before = len(problems.problems)
    pairs = canonical_keys(item, ENTRY_KEYS, problems, label)
    data = _canonical_python(pairs)
    data.update(unit=unit, round=round_id, line=item.line + 1)
    try:
        entry = Entry.model_validate(data, context=context)
    except ValidationError as error:
        renamed = _rename_keys(item, pairs)

        def where_of(loc: tuple, key_shown: str) -> str:
            return f"{label()} → {key_shown}" if key_shown else label()

        _report_validation(error, problems, renamed, where_of)
        return None
    return compact_entry(entry) if len(problems.problems) == before else None


def entries_files(workshop: LoadedWorkshop, round_id: str) -> list[Path]:
    """The entries files of a round, sorted by name."""
    folder = workshop.folder / ENTRIES_DIR / round_id
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in {".yaml", ".yml"} and p.is_file())


@dataclass
class RoundEntries:
    """All entries of one round, the files that had problems, and units with no file."""

    round: str
    files: list[EntriesFile]
    missing_units: list[str]
    # With load_round(..., save_later=True): the cache still to be written (see save_cache).
    unsaved_cache: Any = field(default=None, repr=False, compare=False)

    def save_cache(self) -> None:
        """Write the entries cache, if ``load_round`` left it to the caller."""
        if self.unsaved_cache is not None:
            self.unsaved_cache.save()
            self.unsaved_cache = None

    @property
    def entries(self) -> list[Entry]:
        return [entry for f in self.files for entry in f.entries]

    @property
    def problems(self) -> list[Problem]:
        return [p for f in self.files for p in f.problems]


# Below this many bytes in a round, starting worker processes costs more than it saves.
PARALLEL_FROM_BYTES = 2 * 1024 * 1024
BATCH_FILES = 8


def load_round(
    workshop: LoadedWorkshop,
    round_id: str,
    lang: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    workers: int | None = None,
    cache: bool | None = None,
    pool: Executor | None = None,
    save_later: bool = False,
) -> RoundEntries:
    """Read every entries file of a round. A broken file is reported and the rest still load.

    ``progress(files_read, files_in_all)`` is called as files are read. Large rounds are parsed
    in ``workers`` processes (default: up to 2 when the files to parse hold more than
    ``PARALLEL_FROM_BYTES``): parsing YAML is what bounds a national-scale merge. With
    ``cache`` (default: the workshop's setting), unchanged files come from
    ``<workshop>/.swot-cache`` (see ``swot.cache``).
    """
    paths = entries_files(workshop, round_id)
    known: dict[Path, EntriesFile] = {}
    store = None
    if workshop.cache if cache is None else cache:
        from swot.cache import RoundCache

        store = RoundCache.open(workshop, round_id)
        for path in paths:
            hit = store.lookup(path, path.stem, round_id)
            if hit is not None:
                known[path] = hit
        if progress is not None and known:
            progress(len(known), len(paths))
    todo = [path for path in paths if path not in known]
    read = _read_files(
        todo, workshop, lang, workers, _offset(progress, len(known), len(paths)), pool
    )
    files = [known.get(path) or read[path] for path in paths]
    if store is not None:
        store.update(files)
        if not save_later:  # else the caller saves it when it has time (``save_cache``)
            store.save()
            store = None
    present = {f.unit for f in files}
    spec = workshop.workshop
    round_ = spec.round(round_id)
    units = spec.units_of(round_) if round_ is not None else spec.units
    missing = [u.id for u in units if u.id not in present]
    return RoundEntries(round_id, files, missing, store)


def _offset(
    progress: Callable[[int, int], None] | None, done: int, total: int
) -> Callable[[int, int], None] | None:
    """Progress of the files still to read, shown as progress of the whole round."""
    if progress is None:
        return None
    report = progress
    return lambda files_read, _: report(done + files_read, total)


def _read_files(
    paths: list[Path],
    workshop: LoadedWorkshop,
    lang: str | None,
    workers: int | None,
    progress: Callable[[int, int], None] | None,
    pool: Executor | None = None,
) -> dict[Path, EntriesFile]:
    # Files in the common shape are read fast, here; only the others are worth processes.
    read: dict[Path, EntriesFile] = {}
    rest = []
    for path in paths:
        quick = read_simple_entries_file(path, workshop, lang)
        if quick is None:
            rest.append(path)
        else:
            read[path] = quick
            if progress is not None:
                progress(len(read), len(paths))
    progress = _offset(progress, len(read), len(paths))
    if workers is None:
        size = sum(_size(path) for path in rest)
        workers = min(2, os.cpu_count() or 1) if size >= PARALLEL_FROM_BYTES else 1
    files: list[EntriesFile] | None = None
    if (workers > 1 or pool is not None) and len(rest) > BATCH_FILES:
        files = _read_in_processes(rest, workshop, lang, workers, progress, pool)
    if files is None:
        files = []
        for done, path in enumerate(rest, start=1):
            files.append(read_entries_file(path, workshop, lang, simple=False))
            if progress is not None:
                progress(done, len(rest))
    read.update(zip(rest, files, strict=True))
    return read


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:  # gone or unreadable: reading it will say so
        return 0


def _read_in_processes(
    paths: list[Path],
    workshop: LoadedWorkshop,
    lang: str | None,
    workers: int,
    progress: Callable[[int, int], None] | None,
    pool: Executor | None = None,
) -> list[EntriesFile] | None:
    """Read files in worker processes; None if processes cannot be used here (then read serially).

    Workers send entries back as plain tuples: pickling pydantic models costs more than the
    parsing it saves. The entries were validated in the worker, so they are rebuilt unvalidated.
    """
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from concurrent.futures.process import BrokenProcessPool

    batches = [paths[i : i + BATCH_FILES] for i in range(0, len(paths), BATCH_FILES)]
    results: dict[int, list[EntriesFile]] = {}
    done = 0
    # Forked workers would otherwise walk (and so copy) every object the parent holds at each
    # garbage collection; frozen objects are left alone.
    gc.freeze()
    try:
        with contextlib.nullcontext(pool) if pool else ProcessPoolExecutor(workers) as executor:
            futures = {
                executor.submit(_read_batch, batch, workshop, lang): number
                for number, batch in enumerate(batches)
            }
            for future in as_completed(futures):
                # Rebuilt as each batch arrives, so the round is never held twice as rows.
                results[futures[future]] = [
                    EntriesFile(
                        Path(path),
                        unit,
                        round_id,
                        [entry_from_row(row, unit, round_id) for row in rows],
                        problems,
                        digest,
                    )
                    for path, unit, round_id, rows, problems, digest in future.result()
                ]
                done += len(batches[futures[future]])
                if progress is not None:
                    progress(done, len(paths))
    except (OSError, BrokenProcessPool, ImportError):
        return None
    finally:
        gc.unfreeze()
    return [file for number in range(len(batches)) for file in results[number]]


def _read_batch(paths: list[Path], workshop: LoadedWorkshop, lang: str | None) -> list[tuple]:
    """Worker: read a few files and return them as picklable tuples."""
    out = []
    for path in paths:  # files the fast reader declined
        result = read_entries_file(path, workshop, lang, simple=False)
        rows = [entry_row(entry) for entry in result.entries]
        out.append(
            (str(result.path), result.unit, result.round, rows, result.problems, result.digest)
        )
    return out


def validate_paths(
    paths: Iterable[Path], lang: str | None = None
) -> tuple[list[Path], list[Problem]]:
    """Check workshops, folders or files; return the files checked and every problem found."""
    checked: list[Path] = []
    found: list[Problem] = []
    for path in paths:
        before = len(checked)
        for file_path, problems in _validate_one(Path(path), lang):
            checked.append(file_path)
            found.extend(problems)
        if len(checked) == before:  # never an all-clear for nothing checked
            folder = find_workshop_folder(Path(path))
            declared = declared_language(folder / WORKSHOP_FILE) if folder else None
            collector = ProblemCollector(Path(path), lang or declared or default_language())
            collector.add("nothing_to_check")
            found.extend(collector.problems)
    return checked, found


def _validate_one(path: Path, lang: str | None) -> Iterable[tuple[Path, list[Problem]]]:
    folder = find_workshop_folder(path if path.exists() else path.parent)
    if folder is None:
        if path.suffix in {".yaml", ".yml"} and path.is_file():
            result = read_entries_file(path, None, lang)
            yield path, result.problems
            return
        try:
            load_workshop(path, lang)
        except DataError as error:
            yield path, error.problems
        return
    workshop_path = folder / WORKSHOP_FILE
    workshop, problems = check_workshop_file(workshop_path, lang)
    language = lang or (workshop.language.value if workshop else declared_language(workshop_path))
    loaded = LoadedWorkshop(folder, workshop) if workshop else None
    decision_files = [folder / name for name in ("merges.yaml", "votes.yaml")]
    if path.resolve() in {p.resolve() for p in decision_files}:
        yield workshop_path, problems
        if loaded is not None:
            yield path, _decision_file_problems(path, loaded, language)
        return
    if path.resolve() in {folder.resolve(), workshop_path.resolve()}:
        yield workshop_path, problems
        targets = sorted((folder / ENTRIES_DIR).glob("*/*.y*ml")) if path.is_dir() else []
        if path.is_dir() and loaded is not None:
            targets += [p for p in decision_files if p.is_file()]
    elif path.is_dir():
        targets = sorted(path.rglob("*.y*ml"))
    else:
        targets = [path]
    if loaded is None and targets and path.resolve() != folder.resolve():
        yield workshop_path, problems
    for target in targets:
        if target in decision_files and loaded is not None:
            yield target, _decision_file_problems(target, loaded, language)
            continue
        real = target.resolve()  # "hoganas.yaml" typed inside entries/<round>/ has no parents
        if real == workshop_path.resolve() or "handouts" in real.parts[len(folder.parts) :]:
            continue
        if real.parent.parent.name != ENTRIES_DIR and real.parent.name != ENTRIES_DIR:
            continue
        yield target, read_entries_file(real, loaded, language).problems


def _decision_file_problems(
    path: Path, workshop: LoadedWorkshop, lang: str | None
) -> list[Problem]:
    """Problems of merges.yaml or votes.yaml, read by the same reader ``swot merge`` uses."""
    from swot.decisions import load_decisions, load_votes

    load = load_decisions if path.name == "merges.yaml" else load_votes
    try:
        load(workshop, lang)
    except DataError as error:
        return error.problems
    return []


def quadrant_words() -> list[str]:
    """Every accepted spelling of a quadrant, for prompts and completion."""
    return [w for words in QUADRANT_SPELLINGS.values() for w in words]
