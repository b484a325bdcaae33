"""The survey form in a real browser against a real server (uvicorn on 127.0.0.1): filled in
by keyboard alone, with and without JavaScript, and checked by axe-core on every page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import workshop_text

from swot.files.entries import read_entries_file
from swot.files.workshop import load_workshop
from swot.survey.server import RunningSurvey, start_survey

CHROMIUM = Path("/usr/bin/chromium")
FIRST = "#text-equality-strengths-1"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="needs Debian's chromium package (/usr/bin/chromium); CI installs it",
    ),
]


@pytest.fixture(scope="module")
def survey(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningSurvey]:
    folder = tmp_path_factory.mktemp("survey") / "ws"
    folder.mkdir()
    (folder / "workshop.yaml").write_text(workshop_text(language="sv"), encoding="utf-8")
    running = start_survey(load_workshop(folder), "baseline", "sv", port=0)
    yield running
    running.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )  # fmt: skip
        yield launched
        launched.close()


def new_page(browser, javascript: bool = True, width: int = 1280):
    context = browser.new_context(
        java_script_enabled=javascript, viewport={"width": width, "height": 900}
    )
    return context, context.new_page()


def tab_to(page, selector: str, limit: int = 80) -> None:
    """Press Tab until ``selector`` has the focus, as a keyboard user moves through a page."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def open_form_with_hoganas_chosen(page, survey: RunningSurvey) -> None:
    """A fresh form with the unit Höganäs chosen by keyboard (Tab to the radios, Space)."""
    page.goto(survey.url)
    tab_to(page, "#unit-hoganas")
    page.keyboard.press("Space")


def entries_of(survey: RunningSurvey, unit: str) -> list:
    path = survey.workshop.entries_file("baseline", unit)
    if not path.exists():
        return []
    result = read_entries_file(path)
    assert result.ok, result.problems
    return result.entries


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no-javascript"])
def test_a_participant_answers_by_keyboard_alone_and_the_answers_are_saved(
    browser, survey: RunningSurvey, javascript: bool
) -> None:
    before = {e.respondent for e in entries_of(survey, "bjuv")}
    context, page = new_page(browser, javascript)
    try:
        page.goto(survey.url)
        tab_to(page, "#unit-hoganas")  # the unit radios are one stop; nothing chosen yet
        page.keyboard.press("ArrowDown")  # Bjuv
        page.keyboard.press("Space")
        tab_to(page, FIRST)
        page.keyboard.type("Chefen lyssnar på våra förslag – åäö ÅÄÖ")
        page.keyboard.press("Tab")  # the importance radios of that answer
        page.keyboard.press("Space")  # 1
        for _ in range(3):
            page.keyboard.press("ArrowRight")  # 4
        tab_to(page, "#text-accessibility-weaknesses-1")
        page.keyboard.type("Hissen är ofta trasig")
        tab_to(page, ".actions button[value=review]")
        page.keyboard.press("Enter")
        page.wait_for_selector("h1:text('Kontrollera dina svar')")
        assert "Chefen lyssnar på våra förslag – åäö ÅÄÖ" in page.inner_text("main")
        assert "Vikt: 4 av 5" in page.inner_text("main")
        tab_to(page, ".actions button[value=send]")
        page.keyboard.press("Space")
        page.wait_for_selector("h1:text('Tack för dina svar!')")
    finally:
        context.close()
    new = [e for e in entries_of(survey, "bjuv") if e.respondent not in before]
    assert [(e.theme, e.quadrant.value, e.text, e.importance) for e in new] == [
        ("equality", "strengths", "Chefen lyssnar på våra förslag – åäö ÅÄÖ", 4),
        ("accessibility", "weaknesses", "Hissen är ofta trasig", None),
    ]
    assert len({e.respondent for e in new}) == 1 and new[0].respondent not in before


def test_enter_on_a_radio_button_continues_instead_of_adding_rows(
    browser, survey: RunningSurvey
) -> None:
    context, page = new_page(browser, javascript=False)
    try:
        open_form_with_hoganas_chosen(page, survey)
        page.keyboard.press("Enter")
        page.wait_for_selector(".error-summary")
        assert page.locator("#text-equality-strengths-3").count() == 0
        assert page.evaluate("() => document.activeElement.className") == "error-summary"
    finally:
        context.close()


def test_switching_the_language_by_keyboard_keeps_what_was_typed(
    browser, survey: RunningSurvey
) -> None:
    context, page = new_page(browser, javascript=False)
    try:
        open_form_with_hoganas_chosen(page, survey)
        tab_to(page, FIRST)
        page.keyboard.type("Vi har en plan – men ingen tid")
        for _ in range(40):  # back up to the header's "In English"
            if page.evaluate("() => document.activeElement.value") == "lang:en":
                break
            page.keyboard.press("Shift+Tab")
        else:
            raise AssertionError("Shift+Tab never reached the language switch")
        page.keyboard.press("Enter")
        page.wait_for_selector("html[lang=en]")
        assert page.input_value(FIRST) == "Vi har en plan – men ingen tid"
        assert page.is_checked("#unit-hoganas")
        assert entries_of(survey, "hoganas") == []
    finally:
        context.close()


def _visit(page, survey: RunningSurvey, name: str) -> None:
    """Bring ``page`` to one state of the survey, by the buttons a person would press."""
    page.goto(survey.url if name != "poster" else survey.poster_url)
    if name in {"form", "poster"}:
        return
    if name == "not found":
        page.goto(survey.url + "no-such-page")
        return
    if name == "error state":
        page.fill(FIRST, "x" * 1990 + "<b>")
        page.click(".actions button[value=review]")
        page.wait_for_selector(".error-summary")
        return
    page.check("#unit-hoganas", force=True)
    page.fill(FIRST, "Öppet klimat <3")
    page.check("#importance-equality-strengths-1-5", force=True)
    page.click(".actions button[value=review]")
    page.wait_for_selector("button[value=send]")
    if name == "thank-you":
        page.click("button[value=send]")
        page.wait_for_selector("h1:text('Tack för dina svar!')")


PAGES = ["form", "error state", "summary", "thank-you", "poster", "not found"]


def test_axe_finds_no_violations_on_any_page_and_nothing_scrolls_sideways_at_320_px(
    browser, survey: RunningSurvey
) -> None:
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    found, wide = {}, {}
    for width in (1280, 320):
        context, page = new_page(browser, width=width)
        try:
            for name in PAGES if width == 1280 else PAGES[:3]:
                _visit(page, survey, name)
                results = axe.run(page)
                if results.response["violations"]:
                    found[f"{name} at {width} px"] = results.generate_report()
                scroll = page.evaluate("() => document.documentElement.scrollWidth")
                if scroll > width:
                    wide[f"{name} at {width} px"] = scroll
        finally:
            context.close()
    assert found == {}
    assert wide == {}
