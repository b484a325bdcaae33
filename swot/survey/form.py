"""The participant's form: its field names, a posted form read into answers, and the answers
checked as entries with the same model and messages as every other way in.

A field's name is also its HTML id, so an error can link to the field it is about:
``text-<theme>-<quadrant>-<n>``, ``importance-<theme>-<quadrant>-<n>`` (a radio group; its
radios are ``importance-…-<n>-<value>``), ``rows-<theme>-<quadrant>`` (how many rows are shown)
and ``unit`` (radios ``unit-<id>``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from swot.files.appending import entry_error
from swot.files.workshop import LoadedWorkshop
from swot.i18n import catalogue, say
from swot.models import MAX_TEXT_LENGTH, Entry
from swot.texts import strip_control
from swot.vocabulary import QUADRANT_ORDER, Quadrant, Source

FIRST_ROWS = 2  # text fields per quadrant on a new form
MAX_ROWS = 10  # "add more" stops here; the body cap would stop a longer form anyway
MAX_SHORT_FIELD = 100  # unit, round, lang, token, action: anything longer is not ours
IMPORTANCE_VALUES = ("1", "2", "3", "4", "5")
SWITCH_ACTION = "lang:"  # the form's language button: action=lang:en shows the answers in English
NO_IMPORTANCE = "none"  # the "Don't know" radio, where the workshop's importance is optional
# Markup such as <script>, </b>, <img src=x onerror=…> or <!-- … -->: refused with a message,
# while "<3", "a < b" and "<10 %" are ordinary text. (Every text is escaped where it is shown
# anyway; this is so that nobody's answer silently turns into code in someone's editor.)
MARKUP = re.compile(r"<\s*[/!?]?\s*[A-Za-z][^<>]*>|<!--")

MESSAGES = catalogue("survey/form")


def text_field(theme: str, quadrant: Quadrant, row: int) -> str:
    return f"text-{theme}-{quadrant.value}-{row}"


def importance_field(theme: str, quadrant: Quadrant, row: int) -> str:
    return f"importance-{theme}-{quadrant.value}-{row}"


def rows_field(theme: str, quadrant: Quadrant) -> str:
    return f"rows-{theme}-{quadrant.value}"


def unit_radio(unit_id: str) -> str:
    return f"unit-{unit_id}"


@dataclass
class Row:
    """One text field of the form and the importance chosen beside it, as posted."""

    text: str = ""
    importance: str = ""

    @property
    def filled(self) -> bool:
        return bool(self.text.strip())


@dataclass
class Answers:
    """Everything one participant has typed so far, as posted (nothing checked yet)."""

    unit: str = ""
    round: str = ""
    rows: dict[tuple[str, Quadrant], list[Row]] = field(default_factory=dict)
    unit_fixed: bool = False  # the link chose the unit (?unit=…): the form does not ask

    def filled(self) -> list[tuple[str, Quadrant, int, Row]]:
        """The rows with text: theme, quadrant, row number (from 1) and the row."""
        return [
            (theme, quadrant, number, row)
            for (theme, quadrant), rows in self.rows.items()
            for number, row in enumerate(rows, start=1)
            if row.filled
        ]

    def add_row(self, theme: str, quadrant: Quadrant) -> int | None:
        """One more text field in a quadrant; its number, or None at the limit."""
        rows = self.rows.get((theme, quadrant))
        if rows is None or len(rows) >= MAX_ROWS:
            return None
        rows.append(Row())
        return len(rows)

    def fields(self) -> list[tuple[str, str]]:
        """The answers as hidden form fields (the summary page posts them back)."""
        pairs = [("unit", self.unit), ("round", self.round)]
        if self.unit_fixed:
            pairs.append(("fixed", "1"))
        for (theme, quadrant), rows in self.rows.items():
            pairs.append((rows_field(theme, quadrant), str(len(rows))))
            for number, row in enumerate(rows, start=1):
                if row.filled:
                    pairs.append((text_field(theme, quadrant, number), row.text))
                    if row.importance:
                        pairs.append((importance_field(theme, quadrant, number), row.importance))
        return pairs


def empty_answers(workshop: LoadedWorkshop, unit: str = "", round_id: str = "") -> Answers:
    """A new form: ``FIRST_ROWS`` empty rows in every theme × quadrant."""
    rows = {
        (theme.id, quadrant): [Row() for _ in range(FIRST_ROWS)]
        for theme in workshop.workshop.themes
        for quadrant in QUADRANT_ORDER
    }
    return Answers(unit=unit, round=round_id, rows=rows)


def short_value(form: Mapping[str, Any], name: str) -> str:
    """A small field (unit, round, lang, token, action) as text; '' if absent or not ours."""
    value = form.get(name)
    if not isinstance(value, str) or len(value) > MAX_SHORT_FIELD:
        return ""
    return value.strip()


def read_answers(form: Mapping[str, Any], workshop: LoadedWorkshop) -> Answers:
    """The answers in a posted form; fields swot did not write are ignored, none is trusted."""
    answers = Answers(
        unit=short_value(form, "unit"),
        round=short_value(form, "round"),
        unit_fixed=short_value(form, "fixed") == "1",
    )
    for theme in workshop.workshop.themes:
        for quadrant in QUADRANT_ORDER:
            count = _row_count(form, theme.id, quadrant)
            rows = []
            for number in range(1, count + 1):
                text = form.get(text_field(theme.id, quadrant, number))
                importance = short_value(form, importance_field(theme.id, quadrant, number))
                rows.append(Row(text if isinstance(text, str) else "", importance))
            answers.rows[(theme.id, quadrant)] = rows
    return answers


def _row_count(form: Mapping[str, Any], theme: str, quadrant: Quadrant) -> int:
    """Rows shown in a quadrant: the hidden count, and at least every row that has text."""
    written = short_value(form, rows_field(theme, quadrant))
    count = int(written) if written.isdigit() else FIRST_ROWS
    for number in range(MAX_ROWS, count, -1):
        if form.get(text_field(theme, quadrant, number)):
            count = number
            break
    return max(1, min(count, MAX_ROWS))


@dataclass(frozen=True)
class FieldError:
    """What is wrong with one field: ``field`` is the control's name, ``anchor`` the id the
    error summary links to (the field itself, or the first radio of a group)."""

    field: str
    anchor: str
    message: str
    whole_form: bool = False  # about the form as a whole (e.g. nothing written), not one field


@dataclass
class CheckedAnswers:
    """Entries ready to save (unit and round set, no respondent yet), or what to fix."""

    unit: str | None
    entries: list[Entry]
    errors: list[FieldError]

    @property
    def ok(self) -> bool:
        return not self.errors


def check_answers(
    answers: Answers,
    workshop: LoadedWorkshop,
    round_id: str,
    unit_ids: list[str],
    lang: str,
    fixed_unit: str | None = None,
) -> CheckedAnswers:
    """The answers as entries, each checked as an entries file's entry is; every problem is
    returned with the field it is about (nothing is saved unless there are none)."""
    errors: list[FieldError] = []
    unit = fixed_unit or _checked_unit(answers.unit, unit_ids, lang, errors)
    if answers.round and answers.round != round_id:
        errors.append(FieldError("round", _first_field(workshop), _round_message(round_id, lang)))
    filled = answers.filled()
    if not filled:
        first = _first_field(workshop)
        errors.append(FieldError(first, first, _empty(lang), whole_form=True))
    entries = []
    for theme, quadrant, number, row in filled:
        entry = _checked_entry(workshop, theme, quadrant, number, row, unit, round_id, lang)
        if isinstance(entry, Entry):
            entries.append(entry)
        else:
            errors.extend(entry)
    return CheckedAnswers(unit, entries if not errors else [], errors)


def _checked_unit(value: str, unit_ids: list[str], lang: str, errors: list[FieldError]) -> str:
    anchor = unit_radio(unit_ids[0])
    if not value:
        errors.append(FieldError("unit", anchor, say(MESSAGES, "unit.missing", lang)))
    elif value not in unit_ids:
        message = say(MESSAGES, "unit.unknown", lang, value=value)
        errors.append(FieldError("unit", anchor, message))
    return value


def _first_field(workshop: LoadedWorkshop) -> str:
    return text_field(workshop.workshop.themes[0].id, QUADRANT_ORDER[0], 1)


def _empty(lang: str) -> str:
    return say(MESSAGES, "empty", lang)


def _round_message(round_id: str, lang: str) -> str:
    return say(MESSAGES, "round.other", lang, round=round_id)


def _checked_entry(
    workshop: LoadedWorkshop,
    theme: str,
    quadrant: Quadrant,
    number: int,
    row: Row,
    unit: str,
    round_id: str,
    lang: str,
) -> Entry | list[FieldError]:
    """One filled row as an entry, or the errors of its text and importance fields."""
    text_name = text_field(theme, quadrant, number)
    importance_name = importance_field(theme, quadrant, number)
    errors = []
    text = strip_control(row.text)
    markup = MARKUP.search(text)
    if len(text) > MAX_TEXT_LENGTH:
        message = say(MESSAGES, "too_long", lang, length=len(text), limit=MAX_TEXT_LENGTH)
        errors.append(FieldError(text_name, text_name, message))
    elif markup:
        code = markup.group(0)[:40]
        errors.append(FieldError(text_name, text_name, say(MESSAGES, "markup", lang, code=code)))
    importance = _importance(row.importance, workshop.workshop.importance, lang)
    if isinstance(importance, str):
        errors.append(FieldError(importance_name, f"{importance_name}-1", importance))
    if errors:
        return errors
    data: dict[str, Any] = {
        "theme": theme,
        "quadrant": quadrant,
        "text": text,
        "source": Source.SURVEY,
        "unit": unit,
        "round": round_id,
    }
    if isinstance(importance, int):
        data["importance"] = importance
    problem = entry_error(data, workshop, lang)
    if problem is not None:
        return [FieldError(text_name, text_name, problem)]
    return Entry.model_validate(data, context=workshop.workshop.entry_context(lang))


def _importance(value: str, setting: str, lang: str) -> int | str | None:
    """The chosen importance (None: none), or why it cannot be taken (a message)."""
    if setting == "off":
        return None
    if not value or (value == NO_IMPORTANCE and setting == "optional"):
        return say(MESSAGES, "importance.missing", lang) if setting == "required" else None
    if value not in IMPORTANCE_VALUES:
        return say(MESSAGES, "importance.invalid", lang)
    return int(value)
