"""``swot survey``'s request handling, driven through Starlette's TestClient (no socket): every
page, every bad input, and what reaches the entries files (and what never does)."""

from __future__ import annotations

import html
import re
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from swot.files.entries import read_entries_file
from swot.files.workshop import load_workshop
from swot.survey.app import SurveySettings, create_app
from swot.survey.form import MAX_ROWS
from swot.survey.guard import Limits, SessionKeys

FIRST = "text-equality-strengths-1"


@pytest.fixture
def folder(make_workshop: Callable[..., Path]) -> Path:
    return make_workshop()


def make_client(folder: Path, **settings: object) -> TestClient:
    workshop = load_workshop(folder)
    options: dict = {"lang": workshop.language, **settings}
    return TestClient(create_app(SurveySettings(workshop, "baseline", **options)))


@pytest.fixture
def client(folder: Path) -> TestClient:
    return make_client(folder)


def token_of(page: str) -> str:
    match = re.search(r'name="token" value="([^"]+)"', page)
    assert match, page[:500]
    return match.group(1)


def answer(client: TestClient, path: str = "/", **fields: str) -> dict[str, str]:
    """A filled form, as the browser would send it from a fresh page."""
    data = {"token": token_of(client.get(path).text), "round": "baseline", "unit": "hoganas"}
    data.update(fields)
    return data


def send(client: TestClient, data: dict[str, str], path: str = "/"):
    return client.post(path, data={**data, "action": "send"}, follow_redirects=False)


def saved(folder: Path, unit: str = "hoganas") -> list[tuple]:
    path = folder / "entries" / "baseline" / f"{unit}.yaml"
    if not path.exists():
        return []
    result = read_entries_file(path)
    assert result.ok, result.problems
    return [
        (e.theme, e.quadrant.value, e.text, e.importance, e.source.value, e.respondent)
        for e in result.entries
    ]


def errors_on(page: str) -> list[str]:
    """The error summary's messages, as a person reads them."""
    summary = re.search(r'<div class="error-summary".*?</div>', page, re.DOTALL)
    if summary is None:
        return []
    return [html.unescape(m) for m in re.findall(r'<a href="#[^"]+">([^<]*)</a>', summary[0])]


def files_under(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


# ---------------------------------------------------------------- the pages


def test_the_form_asks_for_the_unit_then_every_theme_and_quadrant(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    text = page.text
    assert '<html lang="en">' in text
    assert "<legend>Which unit do you belong to?</legend>" in text
    assert 'id="unit-hoganas" name="unit" value="hoganas"' in text
    for theme in ("equality", "accessibility"):
        for quadrant in ("strengths", "weaknesses", "opportunities", "threats"):
            assert f'id="text-{theme}-{quadrant}-1"' in text
            assert f'id="text-{theme}-{quadrant}-2"' in text
            assert f'id="text-{theme}-{quadrant}-3"' not in text
    assert "What is good in your unit today, when it comes to gender equality?" in text
    assert 'maxlength="2000"' in text
    assert "<script" not in text


def test_lang_in_the_address_switches_the_language(client: TestClient) -> None:
    page = client.get("/?lang=sv").text
    assert '<html lang="sv">' in page
    assert "Vilken enhet hör du till?" in page
    assert (
        '<button type="submit" form="answers" name="action" value="lang:en" lang="en"'
        ' class="link">In English</button>'
    ) in page


def test_switching_the_language_keeps_what_was_typed_and_saves_nothing(
    client: TestClient, folder: Path
) -> None:
    data = answer(
        client, **{FIRST: "Tydlig plan för lika lön", "importance-equality-strengths-1": "4"}
    )
    page = client.post("/", data={**data, "action": "lang:sv"})
    assert page.status_code == 200
    assert '<html lang="sv">' in page.text
    assert "Vilken enhet hör du till?" in page.text
    assert ">Tydlig plan för lika lön</textarea>" in page.text
    assert (
        'id="importance-equality-strengths-1-4" name="importance-equality-strengths-1" value="4" checked'
        in page.text
    )
    assert 'value="hoganas" checked' in page.text
    assert saved(folder) == []


def test_a_language_the_survey_does_not_have_keeps_the_form_as_it_was(client: TestClient) -> None:
    data = answer(client, **{FIRST: "A clear plan"})
    page = client.post("/", data={**data, "action": "lang:fi"}).text
    assert '<html lang="en">' in page
    assert ">A clear plan</textarea>" in page


def test_a_link_with_a_unit_fixes_the_unit(client: TestClient) -> None:
    page = client.get("/?unit=bjuv").text
    assert "Which unit do you belong to?" not in page
    assert "Unit: <strong>Bjuv</strong>" in page
    assert '<input type="hidden" name="unit" value="bjuv">' in page


def test_an_unknown_unit_in_the_link_is_said_on_the_form(client: TestClient) -> None:
    page = client.get("/?unit=nowhere")
    assert page.status_code == 400
    assert errors_on(page.text) == [
        "The unit 'nowhere' is not part of this survey. Choose your unit from the list."
    ]
    assert "Which unit do you belong to?" in page.text


def test_checking_the_answers_shows_the_summary_and_saves_nothing(
    client: TestClient, folder: Path
) -> None:
    data = answer(client, **{FIRST: "A clear plan", "importance-equality-strengths-1": "4"})
    page = client.post("/", data={**data, "action": "review"})
    assert page.status_code == 200
    assert "<h1>Check your answers</h1>" in page.text
    assert '<span class="answer-text">A clear plan</span>' in page.text
    assert "Importance: 4 of 5" in page.text
    assert 'value="send"' in page.text
    assert saved(folder) == []


def test_sending_saves_one_new_respondent_before_the_thank_you_page(
    client: TestClient, folder: Path
) -> None:
    data = answer(
        client,
        **{
            FIRST: "Chefen lyssnar – åäö",
            "importance-equality-strengths-1": "4",
            "text-accessibility-threats-2": "Budget cuts",
        },
    )
    response = send(client, data)
    assert response.status_code == 303
    assert response.headers["location"] == "/thanks?lang=en"
    assert saved(folder) == [
        ("equality", "strengths", "Chefen lyssnar – åäö", 4, "survey", "r01"),
        ("accessibility", "threats", "Budget cuts", None, "survey", "r01"),
    ]
    assert "<h1>Thank you for your answers!</h1>" in client.get("/thanks?lang=en").text
    send(client, answer(client, **{FIRST: "Second person"}))
    assert saved(folder)[-1] == ("equality", "strengths", "Second person", None, "survey", "r02")


def test_sending_the_same_form_twice_saves_it_once(client: TestClient, folder: Path) -> None:
    data = answer(client, **{FIRST: "Only once"})
    first, second = send(client, data), send(client, data)
    assert (first.status_code, second.status_code) == (303, 303)
    assert saved(folder) == [("equality", "strengths", "Only once", None, "survey", "r01")]


def test_each_of_many_concurrent_senders_gets_their_own_respondent_id(
    client: TestClient, folder: Path
) -> None:
    forms = [answer(client, **{FIRST: f"Answer {n}"}) for n in range(12)]
    threads = [threading.Thread(target=send, args=(client, form)) for form in forms]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    respondents = [row[5] for row in saved(folder)]
    assert sorted(respondents) == [f"r{n:02d}" for n in range(1, 13)]


def test_the_thank_you_page_shows_no_answers(client: TestClient) -> None:
    send(client, answer(client, **{FIRST: "Secret words"}))
    assert "Secret words" not in client.get("/thanks").text


def test_more_rows_keeps_the_answers_and_focuses_the_new_row(client: TestClient) -> None:
    data = answer(client, **{FIRST: "Kept"})
    page = client.post("/", data={**data, "action": "more:equality:strengths"}).text
    assert ">Kept</textarea>" in page
    assert re.search(r'id="text-equality-strengths-3"[^>]*autofocus', page)
    assert 'formaction="/#text-equality-strengths-4"' in page


def test_no_quadrant_grows_beyond_the_row_limit(client: TestClient) -> None:
    data = answer(client, **{"rows-equality-strengths": "999"})
    page = client.post("/", data={**data, "action": "more:equality:strengths"}).text
    assert f'id="text-equality-strengths-{MAX_ROWS}"' in page
    assert f'id="text-equality-strengths-{MAX_ROWS + 1}"' not in page


def test_changing_the_answers_brings_them_back_into_the_form(client: TestClient) -> None:
    data = answer(client, **{FIRST: "Back again", "importance-equality-strengths-1": "2"})
    page = client.post("/", data={**data, "action": "edit"}).text
    assert ">Back again</textarea>" in page
    assert 'value="2" checked' in page


def test_the_poster_has_the_qr_code_inline_and_the_address(folder: Path) -> None:
    client = make_client(folder, public_url="http://10.1.2.3:8765/abc/")
    page = client.get("/poster").text
    assert '<svg role="img" aria-label="QR code for the survey: http://10.1.2.3:8765/abc/"' in page
    assert '<span class="url">http://10.1.2.3:8765/abc/</span>' in page
    assert "Scan the QR code with your phone's camera" in html.unescape(page)


def test_every_page_forbids_scripts_framing_and_caching(client: TestClient) -> None:
    for path in ("/", "/thanks", "/poster", "/nothing-here"):
        headers = client.get(path).headers
        assert headers["content-security-policy"].startswith("default-src 'none'"), path
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["cache-control"] == "no-store"
        assert headers["referrer-policy"] == "same-origin"
    assert client.get("/survey.css").headers["content-type"].startswith("text/css")


@pytest.mark.parametrize(
    "path",
    ["/workshop.yaml", "/entries/baseline/hoganas.yaml", "/../workshop.yaml", "/templates/"],
)
def test_nothing_but_the_form_its_css_and_the_poster_is_served(
    client: TestClient, path: str
) -> None:
    page = client.get(path)
    assert page.status_code == 404
    assert "<h1>The page does not exist</h1>" in page.text


# ---------------------------------------------------------------- bad input


def test_an_empty_form_is_refused_with_a_link_to_the_first_field(
    client: TestClient, folder: Path
) -> None:
    page = send(client, answer(client))
    assert page.status_code == 422
    assert errors_on(page.text) == ["You have not written any answer. Write at least one answer."]
    assert f'<a href="#{FIRST}">' in page.text
    assert saved(folder) == []


def test_a_missing_unit_is_marked_on_the_unit_choice(client: TestClient, folder: Path) -> None:
    page = send(client, answer(client, unit="", **{FIRST: "Text"}))
    assert errors_on(page.text) == ["Choose which unit you belong to."]
    assert 'id="unit-hoganas" name="unit" value="hoganas" aria-invalid="true"' in page.text
    assert saved(folder) == []


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (
            {"unit": "nowhere"},
            "The unit 'nowhere' is not part of this survey. Choose your unit from the list.",
        ),
        (
            {"round": "another-round"},
            "The form was for another round than the one running now (baseline). "
            "Check your answers and send them again.",
        ),
    ],
    ids=["unit", "round"],
)
def test_an_unknown_unit_or_round_is_refused(
    client: TestClient, folder: Path, fields: dict[str, str], message: str
) -> None:
    page = send(client, answer(client, **{FIRST: "Text", **fields}))
    assert page.status_code == 422
    assert errors_on(page.text) == [message]
    assert list(folder.rglob("*.yaml")) == [folder / "workshop.yaml"]


def test_an_answer_over_the_length_limit_is_marked_on_its_field(
    client: TestClient, folder: Path
) -> None:
    page = send(client, answer(client, **{FIRST: "x" * 2001, "text-equality-threats-1": "ok"}))
    assert page.status_code == 422
    assert errors_on(page.text) == [
        "Strength 1 (gender equality): The answer is 2001 characters long. It can be at most "
        "2000 characters. Make it shorter."
    ]
    assert (
        f'<p class="field-error" id="error-{FIRST}"><span class="visually-hidden">Error: </span>'
        "The answer is 2001 characters long." in page.text
    )
    assert re.search(rf'id="{FIRST}"[^>]*aria-describedby="hint-equality-strengths error-{FIRST}"'
                     r'[^>]*aria-invalid="true"', page.text)  # fmt: skip
    assert saved(folder) == []


def test_a_one_megabyte_field_is_refused_before_it_is_read(
    client: TestClient, folder: Path
) -> None:
    page = send(client, answer(client, **{FIRST: "å" * 1_000_000}))
    assert page.status_code == 413
    assert errors_on(page.text) == [
        "What you sent was too large, so it could not be accepted. Everything you send can be at "
        "most 64 kB, and one answer can be at most 2000 characters. Write shorter answers."
    ]
    assert "å" * 100 not in page.text
    assert saved(folder) == []


@pytest.mark.parametrize(
    "text",
    ["<script>alert('x')</script>", 'Bra <img src=x onerror="alert(1)">', "</textarea><b>hi"],
)
def test_html_in_an_answer_is_refused_and_shown_only_as_text(
    client: TestClient, folder: Path, text: str
) -> None:
    page = send(client, answer(client, **{FIRST: text}))
    assert page.status_code == 422
    (message,) = errors_on(page.text)
    assert message.startswith("Strength 1 (gender equality): The answer contains code: <")
    assert message.endswith(". Write plain text only, without < and > around words.")
    assert "<script>alert" not in page.text and "<img src=x" not in page.text
    assert "</textarea><b>" not in page.text
    assert saved(folder) == []


def test_less_than_signs_in_ordinary_text_are_kept(client: TestClient, folder: Path) -> None:
    send(client, answer(client, **{FIRST: "<3 and fewer than <10 % women, a < b"}))
    assert saved(folder)[0][2] == "<3 and fewer than <10 % women, a < b"


@pytest.mark.parametrize(
    "token",
    ["", "made-up", "abc.0123456789abcdef0123456789abcdef", None],
    ids=["empty", "wrong", "forged", "missing"],
)
def test_a_missing_or_wrong_form_token_is_refused_and_the_answers_are_kept(
    client: TestClient, folder: Path, token: str | None
) -> None:
    data = answer(client, **{FIRST: "Keep me"})
    if token is None:
        del data["token"]
    else:
        data["token"] = token
    page = send(client, data)
    assert page.status_code == 403
    assert errors_on(page.text) == [
        "We could not accept the form, because its security code was missing or wrong. "
        "Your answers are still here. Check them and try again."
    ]
    assert ">Keep me</textarea>" in page.text
    assert token_of(page.text) not in {token, ""}
    assert saved(folder) == []


def test_a_token_from_another_session_is_refused(client: TestClient, folder: Path) -> None:
    data = answer(client, **{FIRST: "Old form"}, token=SessionKeys(False).new_form_token())
    assert send(client, data).status_code == 403
    assert saved(folder) == []


def test_a_form_sent_from_another_site_is_refused(client: TestClient, folder: Path) -> None:
    data = answer(client, **{FIRST: "Forged"})
    page = client.post(
        "/", data={**data, "action": "send"}, headers={"Origin": "http://evil.example"}
    )
    assert page.status_code == 403
    assert saved(folder) == []


def test_a_request_for_another_host_name_is_refused(client: TestClient) -> None:
    page = client.get("/", headers={"Host": "evil.example"})
    assert page.status_code == 400
    assert "<h1>Wrong address</h1>" in page.text


def test_a_client_that_posts_too_often_is_asked_to_wait_and_keeps_the_answers(
    folder: Path,
) -> None:
    client = make_client(folder, limits=Limits(posts_per_minute=3))
    data = answer(client, **{FIRST: "Kept while waiting"})
    codes = [client.post("/", data={**data, "action": "review"}).status_code for _ in range(3)]
    page = send(client, data)
    assert codes == [200, 200, 200] and page.status_code == 429
    assert page.headers["retry-after"] == "60"
    assert errors_on(page.text) == [
        "You have sent the form many times in a short time. Wait a minute and then press the "
        "button again. Your answers are still here."
    ]
    assert ">Kept while waiting</textarea>" in page.text
    assert saved(folder) == []


def test_a_client_that_asks_for_too_many_pages_is_asked_to_wait(folder: Path) -> None:
    client = make_client(folder, limits=Limits(requests_per_minute=2))
    codes = [client.get("/").status_code for _ in range(3)]
    assert codes == [200, 200, 429]
    assert "<h1>Please wait a moment</h1>" in client.get("/").text


def test_when_nothing_can_be_saved_the_answers_stay_in_the_form(
    client: TestClient, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from swot.files.appending import EntriesAppender

    def disk_full(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(EntriesAppender, "save", disk_full)
    store = client.app.store  # type: ignore[attr-defined]
    page = send(client, answer(client, **{FIRST: "Not lost"}))
    assert page.status_code == 503
    assert errors_on(page.text) == [
        "The answers could not be saved just now. Your answers are still here. Tell the person "
        "who leads the meeting, and try again in a while."
    ]
    assert ">Not lost</textarea>" in page.text
    event = store.events.get_nowait()
    assert (event.kind, event.unit) == ("failed", "hoganas")
    assert "No space left on device" in event.problem
    assert saved(folder) == []


def test_a_post_that_is_not_a_form_is_refused(client: TestClient, folder: Path) -> None:
    page = client.post("/", content=b'{"text": "x"}', headers={"Content-Type": "application/json"})
    assert page.status_code == 400
    assert "<h1>The answers could not be read</h1>" in page.text
    upload = client.post("/", data={"token": "x"}, files={"file": ("a.txt", b"hello")})
    assert upload.status_code == 400
    assert saved(folder) == []


def test_importance_can_be_required_by_the_workshop(
    make_workshop: Callable[..., Path], tmp_path: Path
) -> None:
    folder = make_workshop()
    path = folder / "workshop.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "importance: required\n", encoding="utf-8")
    client = make_client(folder)
    page = send(client, answer(client, **{FIRST: "No importance"}))
    assert errors_on(page.text) == [
        "Strength 1 (gender equality): Choose how important the answer is, from 1 to 5."
    ]
    assert '<a href="#importance-equality-strengths-1-1">' in page.text
    assert "Don&#39;t know" not in page.text


# ---------------------------------------------------------------- the session token (--lan)


@pytest.fixture
def lan(folder: Path) -> tuple[TestClient, str]:
    keys = SessionKeys(lan=True)
    return make_client(folder, lan=True, keys=keys), f"/{keys.path_token}"


@pytest.mark.parametrize("path", ["/", "/survey.css", "/poster", "/thanks", "/wrong-token/"])
def test_with_lan_every_path_without_the_session_token_is_404(
    lan: tuple[TestClient, str], path: str
) -> None:
    client, _base = lan
    page = client.get(path)
    assert page.status_code == 404
    assert "To the form" not in page.text  # the 404 page must not lead to the token


def test_with_lan_the_pages_live_under_the_session_token(
    lan: tuple[TestClient, str], folder: Path
) -> None:
    client, base = lan
    assert len(base) == 17 and re.fullmatch(r"/[a-z2-7]{16}", base)
    page = client.get(f"{base}/").text
    assert f'action="{base}/"' in page and f'href="{base}/survey.css"' in page
    response = send(client, answer(client, f"{base}/", **{FIRST: "Via LAN"}), f"{base}/")
    assert response.headers["location"] == f"{base}/thanks?lang=en"
    assert saved(folder)[0][2] == "Via LAN"
    post = client.post("/", data=answer(client, f"{base}/", **{FIRST: "No token"}))
    assert post.status_code == 404


# ---------------------------------------------------------------- where answers go


def test_a_broken_entries_file_sends_the_answer_to_a_side_file_and_tells_the_terminal(
    make_workshop: Callable[..., Path],
) -> None:
    broken = "- theme: equality\n  quadrant: strenghts\n  text: Typo in the quadrant\n"
    folder = make_workshop({"baseline/hoganas": broken})
    before = (folder / "entries" / "baseline" / "hoganas.yaml").read_bytes()
    client = make_client(folder)
    store = client.app.store  # type: ignore[attr-defined]
    response = send(client, answer(client, **{FIRST: "Goes to the side file"}))
    assert response.status_code == 303
    assert (folder / "entries" / "baseline" / "hoganas.yaml").read_bytes() == before
    (side,) = (folder / "unsaved" / "baseline").glob("hoganas-*.yaml")
    text = side.read_text(encoding="utf-8")
    assert re.search(r"# Saved by swot survey because \S*entries/baseline/hoganas.yaml had", text)
    assert "text: Goes to the side file" in text and "respondent: r01" in text
    event = store.events.get_nowait()
    assert (event.kind, event.unit, event.respondent, event.path) == (
        "side_file",
        "hoganas",
        "r01",
        side,
    )
    assert "hoganas.yaml:2:13" in event.problem and "strenghts" in event.problem
    send(client, answer(client, **{FIRST: "Same side file"}))
    assert list((folder / "unsaved" / "baseline").glob("hoganas-*.yaml")) == [side]
    assert "respondent: r02" in side.read_text(encoding="utf-8")


def test_answers_are_written_only_inside_the_rounds_entries_folder(
    client: TestClient, folder: Path
) -> None:
    before = files_under(folder)
    for unit in ("hoganas", "bjuv", "hoganas"):
        send(client, answer(client, unit=unit, **{FIRST: f"From {unit}"}))
    client.get("/poster")
    after = files_under(folder)
    changed = {name for name in after if before.get(name) != after[name]}
    assert changed and all(name.startswith("entries/baseline/") for name in changed), changed
    assert set(before) <= set(after)
