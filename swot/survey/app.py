"""The survey as an ASGI application: ``create_app(settings)`` for uvicorn and for Starlette's
TestClient alike.

Paths (all under ``/<session token>`` with ``--lan``; anything else is 404):
``GET /`` the form (``?lang=sv|en``, ``?unit=<id>`` fixes the unit) · ``POST /`` the form's
buttons: more rows, check answers (summary page), change, send · ``GET /thanks`` ·
``GET /survey.css`` · ``GET /poster``. Sending saves before it answers; the answer is a
redirect to the thank-you page (a reload never sends twice).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from swot.files.workshop import LoadedWorkshop
from swot.i18n import LANGUAGES, say
from swot.models import MAX_TEXT_LENGTH
from swot.survey.form import (
    MESSAGES as FORM_MESSAGES,
)
from swot.survey.form import (
    SWITCH_ACTION,
    Answers,
    FieldError,
    check_answers,
    empty_answers,
    read_answers,
    short_value,
)
from swot.survey.guard import TOO_MANY_POSTS, GuardMiddleware, Limits, Scope, SessionKeys
from swot.survey.pages import Pages, Place
from swot.survey.store import AnswerStore, SaveFailed
from swot.vocabulary import QUADRANT_LOOKUP

if TYPE_CHECKING:
    from starlette.requests import Request
    from starlette.responses import Response

SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self' data:; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    # Same origin only: the session token in the address never leaves the survey, and the
    # browser still sends Origin with the form (no-referrer would make it "null").
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}


@dataclass
class SurveySettings:
    """One survey session: which workshop and round, who may reach it, and its limits."""

    workshop: LoadedWorkshop
    round_id: str
    lang: str  # the form's language unless ?lang= says otherwise
    fixed_unit: str | None = None  # --unit: every answer is for this unit
    lan: bool = False
    hosts: frozenset[str] = frozenset({"testserver"})  # Host headers accepted
    public_url: str = "http://testserver/"  # the address in the QR code and on the poster
    limits: Limits = field(default_factory=Limits)
    keys: SessionKeys | None = None


class SurveyApp:
    """The ASGI application of one survey session (guard in front of the Starlette routes)."""

    def __init__(self, settings: SurveySettings, store: AnswerStore | None = None) -> None:
        from starlette.applications import Starlette
        from starlette.exceptions import HTTPException

        self.settings = settings
        self.keys = settings.keys or SessionKeys(settings.lan)
        self.base = f"/{self.keys.path_token}" if self.keys.path_token else ""
        workshop = settings.workshop
        round_ = workshop.workshop.round(settings.round_id)
        assert round_ is not None, settings.round_id
        self.pages = Pages(
            Place(
                workshop,
                round_,
                self.base,
                settings.fixed_unit,
                settings.lan,
            )
        )
        self.unit_ids = list(self.pages.units)
        self.store = store or AnswerStore(workshop, settings.round_id, settings.lang)
        self.app = Starlette(
            routes=self._routes(),
            exception_handlers={HTTPException: self._http_error},
        )
        self.guarded = GuardMiddleware(self.app, settings.hosts, settings.limits, self._refuse)

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        await self.guarded(scope, receive, send)

    def _routes(self) -> list[Any]:
        from starlette.routing import Mount, Route

        routes = [
            Route("/", self._guarded(self.get_form), methods=["GET"]),
            Route("/", self._guarded(self.post_form), methods=["POST"]),
            Route("/thanks", self._guarded(self.get_thanks), methods=["GET"]),
            Route("/survey.css", self._guarded(self.get_css), methods=["GET"]),
            Route("/poster", self._guarded(self.get_poster), methods=["GET"]),
        ]
        return [Mount(self.base, routes=routes)] if self.base else routes

    # ------------------------------------------------------------ responses

    def html(self, content: str, status: int = 200) -> Response:
        from starlette.responses import HTMLResponse

        return HTMLResponse(content, status_code=status, headers=SECURITY_HEADERS)

    def language(self, value: object) -> str:
        """``sv`` or ``en`` as asked for, else the session's language."""
        return value if isinstance(value, str) and value in LANGUAGES else self.settings.lang

    def _guarded(
        self, handler: Callable[[Request], Awaitable[Response]]
    ) -> Callable[[Request], Awaitable[Response]]:
        """A handler whose bugs become a page for the participant and a log for the
        facilitator (never a traceback in either)."""

        async def run(request: Request) -> Response:
            try:
                return await handler(request)
            except Exception as error:
                self.store.report_error("", error)
                lang = self.language(request.query_params.get("lang"))
                return self.html(self.pages.message(lang, "broken"), 500)

        return run

    async def _http_error(self, request: Request, error: Exception) -> Response:
        """404 and 405 (and Starlette's own 400s) as pages in the participant's language."""
        status = getattr(error, "status_code", 404)
        lang = self.language(request.query_params.get("lang"))
        if status == 400:
            return self.html(self.pages.message(lang, "not_form"), 400)
        inside = bool(self.base) and request.url.path.startswith(self.base + "/")
        page = self.pages.message(lang, "not_found", link=inside or not self.base)
        return self.html(page, 404)

    def _refuse(self, scope: Scope, status: int, reason: str) -> Any:
        """The guard's refusals (Host, rate, body size) as pages."""
        from starlette.requests import Request

        lang = self.language(Request(scope).query_params.get("lang"))
        if reason == "too_large":  # the form again, saying why (what was sent was not read)
            return self._too_large(lang)
        response = self.html(self.pages.message(lang, reason, link=False), status)
        if status == 429:
            response.headers["Retry-After"] = "60"
        return response

    def _too_large(self, lang: str) -> Response:
        answers = empty_answers(self.settings.workshop, "", self.settings.round_id)
        limits = {"limit": self.settings.limits.body_bytes // 1024, "chars": MAX_TEXT_LENGTH}
        message = say(FORM_MESSAGES, "too_large", lang, **limits)
        error = FieldError("form", _first_text(answers), message, True)
        return self.html(self.pages.form(lang, answers, self.keys.new_form_token(), [error]), 413)

    # ------------------------------------------------------------ pages

    async def get_form(self, request: Request) -> Response:
        lang = self.language(request.query_params.get("lang"))
        unit = short_value(request.query_params, "unit")
        answers = empty_answers(self.settings.workshop, unit, self.settings.round_id)
        errors = []
        if unit and unit not in self.unit_ids:
            message = say(FORM_MESSAGES, "unit.unknown", lang, value=unit)
            errors.append(FieldError("unit", f"unit-{self.unit_ids[0]}", message))
            answers.unit = ""
        answers.unit_fixed = bool(unit) and not errors
        token = self.keys.new_form_token()
        if errors:
            return self.html(self.pages.form(lang, answers, token, errors), 400)
        return self.html(self.pages.new_form(lang, answers, token))

    async def get_thanks(self, request: Request) -> Response:
        lang = self.language(request.query_params.get("lang"))
        unit = short_value(request.query_params, "unit")
        return self.html(self.pages.thanks(lang, unit if unit in self.unit_ids else ""))

    async def get_css(self, request: Request) -> Response:
        from starlette.responses import Response

        headers = {**SECURITY_HEADERS, "Cache-Control": "max-age=3600"}
        return Response(self.pages.stylesheet(), media_type="text/css", headers=headers)

    async def get_poster(self, request: Request) -> Response:
        lang = self.language(request.query_params.get("lang"))
        return self.html(self.pages.poster(lang, self.settings.public_url))

    async def post_form(self, request: Request) -> Response:
        from starlette.exceptions import HTTPException
        from starlette.formparsers import MultiPartException

        try:
            form = await request.form(max_files=0, max_fields=2000)
        except (HTTPException, MultiPartException):
            form = None
        if not form:
            lang = self.language(request.query_params.get("lang"))
            return self.html(self.pages.message(lang, "not_form"), 400)
        lang = self.language(form.get("lang"))
        answers = read_answers(form, self.settings.workshop)
        if request.scope.get("state", {}).get(TOO_MANY_POSTS):
            response = self._form_saying("rate", lang, answers, short_value(form, "token"), 429)
            response.headers["Retry-After"] = "60"
            return response
        submission = self.keys.submission_of(short_value(form, "token"))
        if submission is None or not _same_origin(request):
            message = say(FORM_MESSAGES, "token.bad", lang)
            error = FieldError("token", _first_text(answers), message)
            page = self.pages.form(lang, answers, self.keys.new_form_token(), [error])
            return self.html(page, 403)
        token = short_value(form, "token")
        return await self._act(short_value(form, "action"), lang, answers, token, submission)

    async def _act(
        self, action: str, lang: str, answers: Answers, token: str, submission: str
    ) -> Response:
        """What a button of the form or the summary asks for."""
        if action.startswith("more:"):
            return self._more_rows(action, lang, answers, token)
        if action == "edit":
            return self.html(self.pages.form(lang, answers, token))
        if action.startswith(SWITCH_ACTION):
            other = self.language(action.removeprefix(SWITCH_ACTION))
            return self.html(self.pages.form(other, answers, token))
        checked = check_answers(
            answers,
            self.settings.workshop,
            self.settings.round_id,
            self.unit_ids,
            lang,
            self.settings.fixed_unit,
        )
        if not checked.ok:
            return self.html(self.pages.form(lang, answers, token, checked.errors), 422)
        assert checked.unit is not None
        if action != "send":
            return self.html(self.pages.summary(lang, answers, token, checked.unit))
        return await self._send(lang, answers, checked.unit, checked.entries, token, submission)

    def _more_rows(self, action: str, lang: str, answers: Answers, token: str) -> Response:
        _, theme, quadrant_name = [*action.split(":"), "", ""][:3]
        quadrant = QUADRANT_LOOKUP.get(quadrant_name)
        number = answers.add_row(theme, quadrant) if quadrant is not None else None
        focus = None
        if number is not None and quadrant is not None:
            focus = f"text-{theme}-{quadrant.value}-{number}"
        return self.html(self.pages.form(lang, answers, token, focus=focus))

    def _form_saying(
        self, key: str, lang: str, answers: Answers, token: str, status: int
    ) -> Response:
        """The form with the answers as they were and one message about the whole form."""
        error = FieldError("form", _first_text(answers), say(FORM_MESSAGES, key, lang), True)
        return self.html(self.pages.form(lang, answers, token, [error]), status)

    async def _send(
        self,
        lang: str,
        answers: Answers,
        unit: str,
        entries: list[Any],
        token: str,
        submission: str,
    ) -> Response:
        from starlette.concurrency import run_in_threadpool
        from starlette.responses import RedirectResponse

        try:
            await run_in_threadpool(self.store.save, unit, entries, submission)
        except SaveFailed:
            return self._form_saying("save_failed", lang, answers, token, 503)
        query = {"lang": lang, **({"unit": unit} if answers.unit_fixed else {})}
        return RedirectResponse(
            f"{self.base}/thanks?{urlencode(query)}", status_code=303, headers=SECURITY_HEADERS
        )


def _same_origin(request: Request) -> bool:
    """A form sent from another site (CSRF) carries that site's Origin; a missing Origin is
    accepted (old browsers), since the signed form token is checked as well."""
    origin = request.headers.get("origin")
    if origin is None:
        return True
    host = request.headers.get("host", "")
    return origin.lower() in {f"http://{host}".lower(), f"https://{host}".lower()}


def _first_text(answers: Answers) -> str:
    """The field an error about the whole form links to: the first answer written, else the
    first field."""
    filled = answers.filled()
    if filled:
        theme, quadrant, number, _row = filled[0]
        return f"text-{theme}-{quadrant.value}-{number}"
    theme, quadrant = next(iter(answers.rows))
    return f"text-{theme}-{quadrant.value}-1"


def create_app(settings: SurveySettings, store: AnswerStore | None = None) -> SurveyApp:
    """The survey application for ``settings`` (``store``: where answers go; by default the
    round's entries files)."""
    return SurveyApp(settings, store)
