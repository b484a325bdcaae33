"""The interactive collect session: every question behind a ``Prompter`` (questionary in a
terminal, a scripted prompter in tests); Ctrl-C and Ctrl-D end it with one line to print.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from swot.errors import FileSystemError, UsageError, shorten
from swot.files.located import display_path
from swot.files.workshop import LoadedWorkshop
from swot.i18n import say
from swot.models import Entry
from swot.vocabulary import (
    QUADRANT_LOOKUP,
    QUADRANT_NAMES,
    QUADRANT_ORDER,
    Quadrant,
    Source,
    fold,
)
from swot.words import WORDS

if TYPE_CHECKING:
    from questionary import Question
from swot.files.appending import (
    MESSAGES,
    EntriesAppender,
    InvalidEntriesFile,
    NothingToTakeBack,
    _count,
    _folding_control,
    elsewhere_folder,
    entry_error,
    importance_error,
    side_file_appender,
    text_error,
)
from swot.files.workshop import find_round, find_unit
from swot.jobs.collect import CollectOptions, find_mode

# ---------------------------------------------------------------- the interactive session

SHORT_TEXT = 3  # a text shorter than this is asked about before it is saved (a stray '3')
LATEST_SHOWN = 3  # entries of the session shown before each what-next question


class Interrupted(Exception):
    """Ctrl-C or Ctrl-D at a prompt; carries the one line that says what was saved."""

    def __init__(self, line: str) -> None:
        super().__init__(line)
        self.line = line


@dataclass
class SessionResult:
    """What an interactive session saved, for the summary table."""

    workshop: LoadedWorkshop
    round_id: str
    unit_id: str
    source: Source
    paths: list[Path]
    entries: list[Entry]


class Prompter:
    """The questions, asked with questionary in one language; Ctrl-C and Ctrl-D abort."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def select(
        self,
        message: str,
        choices: Sequence[tuple[str, Any]],
        default: Any = None,
        filterable: bool = False,
    ) -> Any:
        """One of ``choices`` (title, value); with ``filterable`` typing narrows the list."""
        import questionary

        question = questionary.select(
            message,
            choices=[questionary.Choice(title, value=value) for title, value in choices],
            default=default,
            instruction=say(MESSAGES, "arrows_filter" if filterable else "arrows", self.lang),
            use_search_filter=filterable,
            use_jk_keys=not filterable,
            qmark="?",
        )
        _add_keys(question, filterable)
        return question.unsafe_ask()

    def text(
        self,
        message: str,
        instruction: str,
        validate: Callable[[str], str | None],
        default: str = "",
    ) -> str:
        """A line of text (``default`` already typed, to edit); ``validate`` returns an error
        shown under the question, or None."""
        import questionary

        def check(answer: str) -> bool | str:
            return validate(answer) or True

        # No space reserved for a completion menu: the error then stands right under the line.
        question = questionary.text(
            message,
            instruction=instruction,
            validate=check,
            default=default,
            qmark="?",
            reserve_space_for_menu=0,
        )
        _add_keys(question, False)
        return str(question.unsafe_ask())

    def yes_no(self, message: str, default: bool = True) -> bool:
        yes, no = say(MESSAGES, "yes", self.lang), say(MESSAGES, "no", self.lang)
        return bool(self.select(message, [(yes, True), (no, False)], default))


def _add_keys(question: Question, filterable: bool) -> None:
    """Ctrl-D aborts every prompt; a filterable list also filters on å, ä, ö and ignores accents."""
    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
    from questionary.prompts.common import InquirerControl

    bindings = KeyBindings()
    application = question.application

    @bindings.add("c-d", eager=True)
    def _end_of_input(event: Any) -> None:
        if not event.app.current_buffer.text:
            event.app.exit(exception=EOFError, style="class:aborting")

    if filterable:
        control = next(
            (
                window.content
                for window in application.layout.find_all_windows()
                if isinstance(window.content, InquirerControl)
            ),
            None,
        )
        if control is not None:
            control.__class__ = _folding_control_class()

            def add_letter(event: Any) -> None:
                control.add_search_character(event.key_sequence[0].key)

            for letter in "åäöÅÄÖéÉüÜæøÆØ":
                bindings.add(letter, eager=True)(add_letter)
    application.key_bindings = merge_key_bindings(
        [application.key_bindings or KeyBindings(), bindings]
    )


def _folding_control_class() -> type:
    """An InquirerControl whose filter ignores case and diacritics ('orkel' finds 'Örkelljunga')."""
    if not _folding_control:
        from questionary.prompts.common import InquirerControl

        class FoldingControl(InquirerControl):
            @property
            def filtered_choices(self) -> list:
                if not self.search_filter:
                    return self.choices
                wanted = fold(self.search_filter)
                found = [c for c in self.choices if wanted in fold(str(c.title))]
                self.found_in_search = bool(found)
                return found or self.choices

        _folding_control.append(FoldingControl)
    return _folding_control[0]


@dataclass
class _Place:
    theme: str
    quadrant: Quadrant


class InteractiveSession:
    """The facilitator's session: every confirmed entry is saved before the next prompt."""

    def __init__(
        self,
        workshop: LoadedWorkshop,
        options: CollectOptions,
        lang: str,
        say_line: Callable[[str], None],
        prompter: Prompter | None = None,
    ) -> None:
        self.workshop = workshop
        self.options = options
        self.lang = lang
        self.say_line = say_line
        self.ask = prompter or Prompter(lang)
        self.appender: EntriesAppender | None = None
        self.paths: list[Path] = []
        self.saved: list[Entry] = []
        self.respondent: str | None = None
        self.source = Source.SURVEY
        self.unit_name = ""
        self.kept_without_importance = False

    # -- the flow

    def run(self) -> SessionResult:
        """Ask until the facilitator finishes; Ctrl-C/Ctrl-D raise ``Interrupted``."""
        try:
            return self._run()
        except (KeyboardInterrupt, EOFError):
            raise Interrupted(self.interrupted_line()) from None

    def _run(self) -> SessionResult:
        ws = self.workshop.workshop
        round_id = self._choose_round()
        unit_id = self._choose_unit()
        mode = find_mode(self.options.mode, self.lang)
        self.source = mode or self.ask.select(
            say(MESSAGES, "mode", self.lang),
            [
                (say(MESSAGES, "mode.survey", self.lang), Source.SURVEY),
                (say(MESSAGES, "mode.workshop", self.lang), Source.WORKSHOP),
            ],
        )
        self.appender = EntriesAppender(self.workshop, round_id, unit_id, self.lang)
        self._open_file()
        unit = ws.unit(unit_id)
        self.unit_name = unit.name if unit else unit_id
        place = self._choose_place(None)
        while True:
            self._collect_quadrant(place)
            step = self._next_step(place)
            if step == "finish":
                break
            if step in ("undo", "edit"):
                self._take_back(edit=step == "edit")
            elif step == "respondent":
                self.respondent = None
                place = self._choose_place(None)
            elif step == "choose":
                place = self._choose_place(place)
            else:
                place = step
        return SessionResult(
            self.workshop, round_id, unit_id, self.source, self.paths, list(self.saved)
        )

    def _choose_round(self) -> str:
        if self.options.round is not None or len(self.workshop.workshop.rounds) == 1:
            return find_round(self.workshop, self.options.round, self.lang).id
        rounds = self.workshop.workshop.rounds
        latest = say(MESSAGES, "latest", self.lang)
        choices = [(r.title() + (f" ({latest})" if r is rounds[-1] else ""), r.id) for r in rounds]
        return str(self.ask.select(say(MESSAGES, "round", self.lang), choices, rounds[-1].id))

    def _choose_unit(self) -> str:
        if self.options.unit:
            return find_unit(self.workshop, self.options.unit, self.lang)
        units = self.workshop.workshop.units
        return str(
            self.ask.select(
                say(MESSAGES, "unit", self.lang),
                [(u.name, u.id) for u in units],
                # Typing filters at any length: with a short list unfiltered, typed letters were
                # ignored (and j/k moved the cursor), so "bjuv" + Enter could pick another unit.
                filterable=True,
            )
        )

    def _open_file(self) -> None:
        """Say where entries go; if the file has mistakes, offer a side file or stop."""
        assert self.appender is not None
        current = self.appender.read()
        if not current.ok:
            self._switch_to_side_file(
                InvalidEntriesFile(self.appender.path, current.problems, self.lang, "invalid_file")
            )
            return
        shown = display_path(self.appender.path)
        if self.appender.path.exists():
            count = len(current.entries)
            self.say_line(
                say(MESSAGES, "target", self.lang, file=shown, count=_count(count, self.lang))
            )
        else:
            self.say_line(say(MESSAGES, "target.new", self.lang, file=shown))
        self.paths.append(self.appender.path)

    def _switch_to_side_file(self, error: InvalidEntriesFile) -> None:
        assert self.appender is not None
        self.say_line(error.format())
        if not self.ask.yes_no(say(MESSAGES, "offer_side_file", self.lang)):
            raise error
        self.appender = side_file_appender(self.appender)
        self.say_line(
            say(MESSAGES, "side_file_now", self.lang, file=display_path(self.appender.path))
        )
        self.paths.append(self.appender.path)

    def _save_elsewhere(self, error: OSError) -> None:
        """Offer a side file in the user's home when the workshop folder cannot be written."""
        assert self.appender is not None
        self.say_line(FileSystemError(error, self.lang).format())
        folder = elsewhere_folder(self.workshop)
        if not self.ask.yes_no(say(MESSAGES, "offer_elsewhere", self.lang, folder=folder)):
            raise error
        self.appender = side_file_appender(self.appender, folder)
        self.say_line(
            say(MESSAGES, "side_file_now", self.lang, file=display_path(self.appender.path))
        )
        self.paths.append(self.appender.path)

    def _choose_place(self, current: _Place | None) -> _Place:
        themes = self.workshop.workshop.themes
        if self.options.theme and current is None:
            theme = self._theme_from_option()
        else:
            theme = self.ask.select(
                say(MESSAGES, "theme", self.lang),
                [(t.name(self.lang), t.id) for t in themes],
                current.theme if current else themes[0].id,
            )
        if self.options.quadrant and current is None:
            quadrant = QUADRANT_LOOKUP.get(fold(self.options.quadrant))
        else:
            quadrant = None
        if quadrant is None:
            quadrant = self.ask.select(
                say(MESSAGES, "quadrant", self.lang),
                [(QUADRANT_NAMES[q][self.lang], q) for q in QUADRANT_ORDER],
                current.quadrant if current else Quadrant.STRENGTHS,
            )
        return _Place(str(theme), quadrant)

    def _theme_from_option(self) -> str:
        lookup = self.workshop.workshop.theme_lookup()
        found = lookup.get(fold(self.options.theme or ""))
        if found is None:
            problem = entry_error(
                {"theme": self.options.theme, "quadrant": "s", "text": "x"},
                self.workshop,
                self.lang,
            )
            raise UsageError(
                say(MESSAGES, "bad_option", self.lang, option="--theme", message=problem)
            )
        return found

    def _collect_quadrant(self, place: _Place) -> None:
        """Entries for one quadrant until an empty line."""
        theme_name = self.workshop.workshop.theme(place.theme).name(self.lang)
        quadrant_name = QUADRANT_NAMES[place.quadrant][self.lang]
        while True:
            count = sum(  # this session's entries here (of this respondent, in a survey)
                1
                for e in self.saved
                if (e.theme, e.quadrant) == (place.theme, place.quadrant)
                and (self.source is not Source.SURVEY or e.respondent == self.respondent)
            )
            who = ""
            if self.source is Source.SURVEY:
                who = self.respondent or say(MESSAGES, "new_respondent", self.lang)
                who = f"{who} · "
            message = f"{self.unit_name} · {who}{theme_name} · {quadrant_name} · " + say(
                MESSAGES, "so_far", self.lang, count=count
            )
            text = self._ask_text(message)
            if not text:
                return
            if len(text) < SHORT_TEXT and not self.ask.yes_no(
                say(MESSAGES, "short_text", self.lang, text=text, count=SHORT_TEXT), default=False
            ):
                continue
            try:
                importance = self._ask_importance()
            except (KeyboardInterrupt, EOFError):
                # The text was confirmed with Enter: it is kept, without importance, whether the
                # workshop asks for importance or requires it (a person adds it in the file).
                self._save(place, text, None)
                self.kept_without_importance = True
                raise
            self._save(place, text, importance)

    def _ask_text(self, message: str, default: str = "") -> str:
        instruction = "edit.instruction" if default else "entry.instruction"
        return self.ask.text(
            message,
            say(MESSAGES, instruction, self.lang),
            lambda answer: text_error(answer, self.lang),
            default,
        ).strip()

    def _ask_importance(self, default: str = "") -> str | None:
        setting = self.workshop.workshop.importance
        if setting == "off":
            return None
        answer = self.ask.text(
            say(MESSAGES, "importance", self.lang),
            say(MESSAGES, f"importance.{setting}", self.lang),
            lambda answer: importance_error(answer, setting, self.lang),
            default,
        )
        return answer.strip() or None

    def _take_back(self, edit: bool) -> None:
        """Undo or edit the session's last entry, in the file it was saved in."""
        assert self.appender is not None
        last = self.appender.last_saved
        if not last:
            return
        replacement: list[Entry] = []
        if edit:
            old = last[0]
            text = self._ask_text(say(MESSAGES, "edit.text", self.lang), old.text)
            if not text:
                return
            shown = "" if old.importance is None else str(old.importance)
            importance = self._ask_importance(shown)
            replacement = [_edited(old, text, importance, self.workshop, self.lang)]
        try:
            self.appender.take_back(replacement)
        except NothingToTakeBack as error:
            self.say_line(error.format())
            return
        self.saved = [e for e in self.saved if not any(e is t for t in last)]
        self.saved.extend(replacement)
        if self.respondent and not any(e.respondent == self.respondent for e in self.saved):
            self.respondent = None  # its only entry went: the next entry is a new respondent
        key = "edited" if edit else "undone"
        shown_text = (replacement or last)[0].text
        self.say_line(say(MESSAGES, key, self.lang, text=shorten(shown_text, 60)))

    def _save(self, place: _Place, text: str, importance: str | None) -> None:
        assert self.appender is not None
        data: dict[str, Any] = {
            "theme": place.theme,
            "quadrant": place.quadrant,
            "text": text,
            "source": self.source,
            "unit": self.appender.unit_id,
            "round": self.appender.round_id,
        }
        if importance is not None:
            data["importance"] = importance
        if self.respondent is not None:
            data["respondent"] = self.respondent
        entry = Entry.model_validate(data, context=self.workshop.workshop.entry_context(self.lang))
        new_respondent = self.source is Source.SURVEY and self.respondent is None
        try:
            written = self.appender.save([entry], new_respondent=new_respondent)
        except InvalidEntriesFile as error:
            self._switch_to_side_file(error)
            written = self.appender.save([entry], new_respondent=new_respondent)
        except OSError as error:  # the folder cannot be written: the entry is kept elsewhere
            self._save_elsewhere(error)
            written = self.appender.save([entry], new_respondent=new_respondent)
        self.saved.extend(written)
        if new_respondent:
            self.respondent = written[0].respondent
            self.say_line(say(MESSAGES, "respondent_id", self.lang, respondent=self.respondent))

    def _next_step(self, place: _Place) -> Any:
        themes = [t.id for t in self.workshop.workshop.themes]
        quadrant_index = QUADRANT_ORDER.index(place.quadrant)
        theme_index = themes.index(place.theme)
        choices: list[tuple[str, Any]] = []
        if quadrant_index + 1 < len(QUADRANT_ORDER):
            following = QUADRANT_ORDER[quadrant_index + 1]
            name = QUADRANT_NAMES[following][self.lang]
            choices.append(
                (
                    say(MESSAGES, "next.quadrant", self.lang, name=name),
                    _Place(place.theme, following),
                )
            )
        if theme_index + 1 < len(themes):
            following_theme = themes[theme_index + 1]
            name = self.workshop.workshop.theme(following_theme).name(self.lang)
            choices.append(
                (
                    say(MESSAGES, "next.theme", self.lang, name=name),
                    _Place(following_theme, Quadrant.STRENGTHS),
                )
            )
        choices.append((say(MESSAGES, "next.choose", self.lang), "choose"))
        if self.source is Source.SURVEY:
            choices.append((say(MESSAGES, "next.respondent", self.lang), "respondent"))
        if self.appender is not None and self.appender.last_saved:
            last = shorten(self.appender.last_saved[0].text, 40)
            choices.append((say(MESSAGES, "next.undo", self.lang, text=last), "undo"))
            choices.append((say(MESSAGES, "next.edit", self.lang, text=last), "edit"))
        choices.append((say(MESSAGES, "next.finish", self.lang), "finish"))
        self._show_latest()
        return self.ask.select(say(MESSAGES, "next", self.lang), choices, choices[0][1])

    def _show_latest(self) -> None:
        """The session's last three entries, so a slip is seen before the next question."""
        latest = self.saved[-LATEST_SHOWN:]
        if not latest:
            return
        self.say_line(say(MESSAGES, "latest_entries", self.lang))
        for entry in latest:
            quadrant = QUADRANT_NAMES[entry.quadrant][self.lang]
            importance = ""
            if entry.importance is not None:
                importance = " · " + say(
                    WORDS, "importance.value", self.lang, value=entry.importance
                )
            self.say_line(f"  {quadrant} · {shorten(entry.text, 60)}{importance}")

    def interrupted_line(self) -> str:
        """The one line printed on Ctrl-C/Ctrl-D: how many entries were saved, and where."""
        if not self.saved:
            return say(MESSAGES, "interrupted.none", self.lang)
        files = ", ".join(display_path(p) for p in self.paths if p.exists())
        line = say(
            MESSAGES, "interrupted", self.lang, count=_count(len(self.saved), self.lang), file=files
        )
        if self.kept_without_importance:
            line += " " + say(MESSAGES, "kept_without_importance", self.lang)
        return line


def _edited(
    old: Entry, text: str, importance: str | None, workshop: LoadedWorkshop, lang: str
) -> Entry:
    """``old`` with a new text and importance, checked like any typed entry."""
    data = old.model_dump()
    data.update(text=text, importance=importance, unit=old.unit, round=old.round)
    return Entry.model_validate(data, context=workshop.workshop.entry_context(lang))
