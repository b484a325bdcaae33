"""The survey's pages: what each shows, in Swedish or English, rendered from
``templates/survey/`` (a workshop may override them in ``<workshop>/templates/survey/``).

Participants read these texts, so they are plain ("lättläst"): short sentences, one thing at
a time, the everyday word. Every value is escaped by the template environment.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from swot.files.workshop import LoadedWorkshop
from swot.i18n import catalogue, say
from swot.models import MAX_TEXT_LENGTH, Round
from swot.output.templates import html_environment, template_dirs
from swot.survey.form import (
    IMPORTANCE_VALUES,
    MAX_ROWS,
    NO_IMPORTANCE,
    SWITCH_ACTION,
    Answers,
    FieldError,
    importance_field,
    rows_field,
    text_field,
)
from swot.vocabulary import QUADRANT_NAMES, QUADRANT_ORDER, Quadrant
from swot.words import WORDS

if TYPE_CHECKING:
    from jinja2 import Environment

MESSAGES = catalogue("survey/pages")

SWITCH_TO = {"sv": "en", "en": "sv"}
NEW_FORM_TOKEN = "new-form-token-placeholder"  # swapped for each new form's own token
LETTERS = {
    Quadrant.STRENGTHS: "S",
    Quadrant.WEAKNESSES: "W",
    Quadrant.OPPORTUNITIES: "O",
    Quadrant.THREATS: "T",
}


def text(key: str, lang: str, **params: object) -> str:
    """One of the pages' texts."""
    return say(MESSAGES, key, lang, **params)


@dataclass
class Place:
    """Where the pages live and what they are about."""

    workshop: LoadedWorkshop
    round: Round
    base: str  # "" or "/<session token>": every link starts with it
    fixed_unit: str | None  # the unit --unit chose for everyone
    lan: bool = False


class Pages:
    """Renders every page of the survey for one workshop and round."""

    def __init__(self, place: Place) -> None:
        self.place = place
        folder = place.workshop.folder
        self.dirs = template_dirs(folder)
        self.env: Environment = html_environment(self.dirs)
        spec = place.workshop.workshop
        self.units = {u.id: u.name for u in spec.units_of(place.round)}
        self._texts: dict[str, dict[str, str]] = {}  # lang → the texts without placeholders
        self._new_forms: dict[tuple[str, str], str] = {}  # (lang, unit) → a new form's page
        self._css: str | None = None

    def stylesheet(self) -> str:
        """The CSS of every page (the workshop's own ``templates/survey/survey.css`` first)."""
        if self._css is None:
            found = [Path(d) / "survey" / "survey.css" for d in self.dirs]
            path = next((p for p in found if p.is_file()), None)
            if path is None:
                raise FileNotFoundError("survey/survey.css")
            self._css = path.read_text(encoding="utf-8")
        return self._css

    def _render(self, template: str, lang: str, title: str, **context: Any) -> str:
        page = {
            "lang": lang,
            "title": title,
            "base": self.place.base,
            "workshop_name": self.place.workshop.workshop.name,
            "t": self._texts_in(lang),
            "max_length": MAX_TEXT_LENGTH,
            "switch": None,
            "inline_css": None,
        }
        page.update(context)
        return self.env.get_template(f"survey/{template}").render(page)

    def _texts_in(self, lang: str) -> dict[str, str]:
        if lang not in self._texts:
            plain = [key for key, texts in MESSAGES.items() if "{" not in texts["en"]]
            self._texts[lang] = {key: say(MESSAGES, key, lang) for key in plain}
        return self._texts[lang]

    def new_form(self, lang: str, answers: Answers, token: str) -> str:
        """A new, empty form: rendered once per language and unit, then only the token changes
        (a room of people opening the form at once costs one rendering)."""
        key = (lang, answers.unit if answers.unit_fixed else "")
        if key not in self._new_forms:
            self._new_forms[key] = self.form(lang, answers, NEW_FORM_TOKEN)
        return self._new_forms[key].replace(NEW_FORM_TOKEN, token, 1)

    def switch(self, lang: str, **query: str) -> dict[str, str]:
        """The link to the same page in the other language."""
        other = SWITCH_TO[lang]
        params = urlencode({"lang": other, **{k: v for k, v in query.items() if v}})
        return {"href": f"{self.place.base}/?{params}", "lang": other, "text": text("switch", lang)}

    def switch_button(self, lang: str) -> dict[str, str]:
        """On the form, the other language is a button of the form, not a link: a link would
        load an empty form and lose what the participant had typed."""
        other = SWITCH_TO[lang]
        return {"action": f"{SWITCH_ACTION}{other}", "lang": other, "text": text("switch", lang)}

    # ------------------------------------------------------------ the form and the summary

    def form(
        self,
        lang: str,
        answers: Answers,
        token: str,
        errors: Sequence[FieldError] = (),
        focus: str | None = None,
    ) -> str:
        """The form with the answers so far, each error beside its field and in a summary."""
        by_field = {e.field: e.message for e in errors}
        heading = text("heading", lang)
        title = self._title(heading, lang, bool(errors))
        themes = [
            self._theme_view(theme.id, lang, answers, by_field, focus)
            for theme in self.place.workshop.workshop.themes
        ]
        return self._render(
            "form.html.j2",
            lang,
            title,
            errors=[{"anchor": e.anchor, "message": self._summary_line(e, lang)} for e in errors],
            errors_title=self._errors_title(len(errors), lang),
            quadrant_words=[self._quadrant_word(q, lang) for q in QUADRANT_ORDER],
            action=f"{self.place.base}/",
            token=token,
            round_id=self.place.round.id,
            unit=self._unit_view(answers.unit, lang, by_field.get("unit"), answers.unit_fixed),
            themes=themes,
            importance=self.place.workshop.workshop.importance != "off",
            switch=self.switch_button(lang),
        )

    def _summary_line(self, error: FieldError, lang: str) -> str:
        """An error as the summary at the top lists it: which answer, then what is wrong (the
        line must make sense on its own, away from the field)."""
        kind, _, rest = error.field.partition("-")
        if error.whole_form or kind not in {"text", "importance"}:
            return error.message
        where, quadrant_value, number = rest.rsplit("-", 2)
        quadrant = Quadrant(quadrant_value)
        theme = self.place.workshop.workshop.theme(where).name(lang)
        label = f"{text(f'one.{quadrant.value}', lang)} {number} ({theme.lower()})"
        return f"{label}: {error.message}"

    def _title(self, heading: str, lang: str, has_errors: bool) -> str:
        title = f"{heading} – {self.place.workshop.workshop.name}"
        return f"{text('error.prefix', lang)} {title}" if has_errors else title

    @staticmethod
    def _errors_title(count: int, lang: str) -> str:
        return text("errors.one", lang) if count == 1 else text("errors.many", lang, count=count)

    @staticmethod
    def _quadrant_word(quadrant: Quadrant, lang: str) -> dict[str, str]:
        return {
            "letter": LETTERS[quadrant],
            "value": quadrant.value,
            "name": QUADRANT_NAMES[quadrant][lang],
            "meaning": text(f"meaning.{quadrant.value}", lang),
        }

    def _unit_view(
        self, chosen: str, lang: str, error: str | None, from_link: bool
    ) -> dict[str, Any]:
        label = say(WORDS, "unit", lang)
        fixed = self.place.fixed_unit or (chosen if from_link and chosen in self.units else None)
        if fixed is not None:
            return {
                "fixed": self.units.get(fixed, fixed),
                "id": fixed,
                "label": label,
                "from_link": self.place.fixed_unit is None,
            }
        choices = [
            {"id": unit_id, "name": name, "checked": unit_id == chosen}
            for unit_id, name in self.units.items()
        ]
        return {"fixed": None, "choices": choices, "error": error, "label": label}

    def _theme_view(
        self,
        theme_id: str,
        lang: str,
        answers: Answers,
        errors: dict[str, str],
        focus: str | None,
    ) -> dict[str, Any]:
        theme = self.place.workshop.workshop.theme(theme_id)
        meaning = f"theme.{theme_id}"
        quadrants = [
            self._quadrant_view(theme_id, theme.name(lang), q, lang, answers, errors, focus)
            for q in QUADRANT_ORDER
        ]
        return {
            "id": theme_id,
            "name": theme.name(lang),
            "meaning": text(meaning, lang) if meaning in MESSAGES else "",
            "quadrants": quadrants,
        }

    def _quadrant_view(
        self,
        theme_id: str,
        theme_name: str,
        quadrant: Quadrant,
        lang: str,
        answers: Answers,
        errors: dict[str, str],
        focus: str | None,
    ) -> dict[str, Any]:
        rows = answers.rows.get((theme_id, quadrant), [])
        one = text(f"one.{quadrant.value}", lang)
        views = []
        for number, row in enumerate(rows, start=1):
            name = text_field(theme_id, quadrant, number)
            views.append(
                {
                    "text_name": name,
                    "text": row.text,
                    "label": f"{one} {number}",
                    "text_error": errors.get(name),
                    "autofocus": name == focus,
                    **self._importance_view(
                        theme_id, quadrant, number, row.importance, errors, lang
                    ),
                }
            )
        plural = QUADRANT_NAMES[quadrant][lang].lower()
        more = None
        if len(rows) < MAX_ROWS:
            next_field = text_field(theme_id, quadrant, len(rows) + 1)
            more = {
                "value": f"more:{theme_id}:{quadrant.value}",
                "text": text("more", lang, name=plural),
                "formaction": f"{self.place.base}/#{next_field}",
            }
        return {
            "id": f"{theme_id}-{quadrant.value}",
            "value": quadrant.value,
            "letter": LETTERS[quadrant],
            "name": QUADRANT_NAMES[quadrant][lang],
            "question": text(f"question.{quadrant.value}", lang, theme=theme_name.lower()),
            "rows_name": rows_field(theme_id, quadrant),
            "rows": views,
            "more": more,
        }

    def _importance_view(
        self,
        theme_id: str,
        quadrant: Quadrant,
        number: int,
        chosen: str,
        errors: dict[str, str],
        lang: str,
    ) -> dict[str, Any]:
        name = importance_field(theme_id, quadrant, number)
        options = [(value, value) for value in IMPORTANCE_VALUES]
        if self.place.workshop.workshop.importance == "optional":
            options.append((NO_IMPORTANCE, text("importance.unknown", lang)))
        return {
            "importance_name": name,
            "options": [
                {
                    "id": f"{name}-{value}",
                    "value": value,
                    "label": label,
                    "checked": value == chosen,
                }
                for value, label in options
            ],
            "importance_error": errors.get(name),
        }

    def summary(self, lang: str, answers: Answers, token: str, unit_id: str) -> str:
        """The answers as they will be saved, and the buttons to send or to change them."""
        heading = text("summary.heading", lang)
        themes = []
        for theme in self.place.workshop.workshop.themes:
            quadrants = []
            for quadrant in QUADRANT_ORDER:
                shown = [
                    {
                        "text": row.text.strip(),
                        "importance": text("importance.shown", lang, value=row.importance)
                        if row.importance in IMPORTANCE_VALUES
                        else "",
                    }
                    for row in answers.rows.get((theme.id, quadrant), [])
                    if row.filled
                ]
                if shown:
                    name = QUADRANT_NAMES[quadrant][lang]
                    quadrants.append(
                        {
                            "name": name,
                            "value": quadrant.value,
                            "letter": LETTERS[quadrant],
                            "answers": shown,
                        }
                    )
            if quadrants:
                themes.append({"id": theme.id, "name": theme.name(lang), "quadrants": quadrants})
        return self._render(
            "summary.html.j2",
            lang,
            self._title(heading, lang, False),
            heading=heading,
            unit_label=say(WORDS, "unit", lang),
            unit_name=self.units.get(unit_id, unit_id),
            themes=themes,
            action=f"{self.place.base}/",
            fields=[("token", token), ("lang", lang), *answers.fields()],
        )

    def thanks(self, lang: str, unit: str = "") -> str:
        """The page after a saved answer: nothing of the answer is shown again."""
        heading = text("thanks.heading", lang)
        query = urlencode({"lang": lang, **({"unit": unit} if unit else {})})
        return self._render(
            "thanks.html.j2",
            lang,
            self._title(heading, lang, False),
            heading=heading,
            again=f"{self.place.base}/?{query}",
            switch=self.switch(lang, unit=unit),
        )

    def message(self, lang: str, reason: str, link: bool = True) -> str:
        """A page that says why a request was refused and what to do (``reason`` is a key)."""
        heading = text(reason, lang)
        return self._render(
            "message.html.j2",
            lang,
            self._title(heading, lang, False),
            heading=heading,
            body=text(f"{reason}.text", lang),
            link=f"{self.place.base}/?lang={lang}" if link else None,
        )

    def poster(self, lang: str, url: str, standalone: bool = False) -> str:
        """The A4 poster for the wall: the QR code (inline SVG), the address, how to answer.
        ``standalone`` puts the CSS inside the page, for a file that is printed on its own."""
        from markupsafe import Markup

        heading = text("heading", lang)
        lines = [text("poster.scan", lang), text("poster.answer", lang)]
        if self.place.lan:
            lines.append(text("poster.wifi", lang))
        return self._render(
            "poster.html.j2",
            lang,
            self._title(heading, lang, False),
            heading=heading,
            round_title=self.place.round.title(),
            qr=Markup(qr_svg(url, text("poster.qr", lang, url=url))),
            url=url,
            lines=lines,
            inline_css=Markup(self.stylesheet()) if standalone else None,
        )


def qr_svg(url: str, label: str) -> str:
    """The QR code of ``url`` as an SVG element that scales with its box, named ``label``."""
    import segno
    from markupsafe import escape

    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(scale=1, border=4, dark="#000", light="#fff", omitsize=True)
    return svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" ', 1)
