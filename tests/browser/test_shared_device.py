"""One browser, several learners: each learner's answers are kept, shown and handed in apart from the others'."""

from __future__ import annotations

import json
import unicodedata

import pytest

from medialit.scoring import examples
from tests.browser.pages import squash
from tests.browser.storage import CURRENT, SAVED, answer_name, key_of, meta_name, seed_script
from tests.conftest import axe_violations, guard

pytestmark = [pytest.mark.build, pytest.mark.browser]

FILL = """() => {
  let size = 1 << 20, n = 0;
  while (size >= 1) {
    try { localStorage.setItem(`junk:${n}`, "x".repeat(size)); n += 1; } catch { size = Math.floor(size / 2); }
  }
  return n;
}"""


@pytest.fixture(scope="module")
def hashes(built_book) -> dict[str, str]:
    text = (built_book / "_static" / "medialit" / "progress.js").read_text(encoding="utf-8")
    manifest = json.loads(text.split(";\n", 1)[0].removeprefix("window.MEDIALIT_BOOK = "))
    return {entry["id"]: entry["content_hash"] for entry in manifest["exercises"]}


def exercise(page, exercise_id: str):
    return page.locator(f"[data-medialit-id='{exercise_id}']")


def wait_saved(page, exercise_id: str) -> None:
    page.wait_for_function(
        "(id) => Object.entries(localStorage).some(([k, v]) => k.includes(`:${id}:`) "
        "&& v.includes('answer') && v.includes('\"score\":') && !v.includes('\"score\":null'))",
        arg=exercise_id,
    )


def answer_disclaimer(page) -> None:
    """The right answer to "Find the disclaimer" (Document B), with the mouse."""
    box = exercise(page, "disclaimer-002")
    box.locator("[role=option]", has_text="are pseudonyms").click()
    box.get_by_role("button", name="Check").click()
    wait_saved(page, "disclaimer-002")


def answer_none(page) -> None:
    """ "There is none" for Document A, with the mouse."""
    box = exercise(page, "disclaimer-000")
    box.get_by_role("button", name="There is none").click()
    box.get_by_role("button", name="Check").click()
    wait_saved(page, "disclaimer-000")


def ready(page) -> None:
    page.locator(".medialit-progress .ml-learner").wait_for()
    if page.locator("[data-medialit-id]").count():
        page.locator("[data-medialit-id] section.medialit").first.wait_for()


def sidebar(page):
    return page.locator(".medialit-progress")


def panel(page):
    return page.locator("#medialit-results")


def shown_as_answered(page, exercise_id: str) -> bool:
    """Whether the exercise shows a mark, a pressed "There is none" or a score."""
    box = exercise(page, exercise_id)
    marked = box.locator("[aria-selected=true], [aria-pressed=true]").count() > 0
    return marked or "You scored" in squash(box.text_content())


def status(page, exercise_id: str) -> str:
    return squash(panel(page).locator(f"tr[data-exercise='{exercise_id}'] td").nth(1).text_content())


def download(page, click, tmp_path) -> dict:
    with page.expect_download() as done:
        click()
    path = tmp_path / done.value.suggested_filename
    done.value.save_as(path)
    return json.loads(path.read_text(encoding="utf-8"))


def parsed(saved: dict[str, str]) -> dict:
    return {name: json.loads(value) for name, value in saved.items()}


def guarded_clean(page) -> None:
    for part in (".medialit-progress", "#medialit-results"):
        for text in page.locator(part).all_text_contents():
            assert not {"null", "undefined", "[object"} & set(text.split()), text
    assert page.console_errors == []
    assert page.external_requests == []


def test_two_learners_in_turn_each_hand_in_only_their_own_answers(book_server, page, tmp_path, hashes):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(f"{book_server.url}/disclaimer.html")
    ready(page)
    assert "Who is working? Type your name" in squash(sidebar(page).text_content())
    answer_disclaimer(page)
    answer_none(page)

    # Ana gives her name in the side menu: the answers she gave before are hers.
    sidebar(page).get_by_label("Your name").fill("Ana")
    sidebar(page).get_by_role("button", name="Save my name").click()
    sidebar(page).get_by_text("You are: Ana").wait_for()
    ana = key_of("Ana")
    saved = page.evaluate(SAVED)
    assert set(saved) == {
        answer_name(ana, "disclaimer-002", hashes["disclaimer-002"]),
        answer_name(ana, "disclaimer-000", hashes["disclaimer-000"]),
        meta_name(ana),
        CURRENT,
    }
    assert json.loads(saved[meta_name(ana)])["learner"] == "Ana"

    page.goto(f"{book_server.url}/my-results.html")
    results = panel(page)
    results.get_by_text("You are: Ana").wait_for()
    assert status(page, "disclaimer-002") == "Done" and status(page, "disclaimer-000") == "Done"
    data = download(page, results.get_by_role("button", name="Finish on this device").click, tmp_path / "ana")
    assert data["learner"] == "Ana"
    assert set(data["answers"]) == {"disclaimer-002", "disclaimer-000"}
    confirm = results.locator(".ml-finish-confirm")
    assert squash(confirm.locator("p").text_content()) == (
        "Your answers were downloaded as medialit-answers-ana.json. Remove them from this browser?"
    )
    guarded_clean(page)
    confirm.get_by_role("button", name="Remove").click()
    results.get_by_label("Your name").wait_for()
    assert "Your answers were removed from this browser." in results.locator("[role=status]").text_content()
    assert page.evaluate(SAVED) == {}
    assert page.locator(".ml-learner-who").count() == 0

    # Ben, next on the same browser, sees nothing of Ana's.
    page.goto(f"{book_server.url}/disclaimer.html")
    ready(page)
    assert not shown_as_answered(page, "disclaimer-002")
    assert not shown_as_answered(page, "disclaimer-000")
    assert "0 of" in squash(sidebar(page).locator(".ml-progress-count").text_content())
    answer_none(page)
    page.goto(f"{book_server.url}/my-results.html")
    results = panel(page)
    results.locator("table").first.wait_for()
    assert status(page, "disclaimer-002") == "Not started" and status(page, "disclaimer-000") == "Done"
    assert "Continue as" not in squash(page.locator("body").text_content())  # Ana is gone from this browser
    results.get_by_label("Your name").fill("Ben")
    data = download(page, results.get_by_role("button", name="Download my answers").click, tmp_path / "ben")
    assert data["learner"] == "Ben"
    assert set(data["answers"]) == {"disclaimer-000"}
    sidebar(page).get_by_text("You are: Ben").wait_for()
    results.get_by_text("You are: Ben").wait_for()
    assert dialogs == []
    guarded_clean(page)


def test_switching_learner_keeps_each_learners_answers_apart(book_server, page, tmp_path, hashes, manifest_total):
    page.goto(f"{book_server.url}/disclaimer.html")
    ready(page)
    side = sidebar(page)
    side.get_by_label("Your name").fill("Ana")
    side.get_by_role("button", name="Save my name").click()
    side.get_by_text("You are: Ana").wait_for()
    ready(page)
    answer_disclaimer(page)

    side.get_by_role("button", name="Not you? Switch learner").click()
    side.get_by_label("Your name").fill("Ben")
    side.get_by_role("button", name="Switch", exact=True).click()
    side.get_by_text("You are: Ben").wait_for()
    ready(page)
    assert not shown_as_answered(page, "disclaimer-002")
    assert f"0 of {manifest_total} exercises done" in squash(side.text_content())
    side.get_by_role("button", name="Not you? Switch learner").click()
    guarded_clean(page)  # the switch area open
    side.get_by_role("button", name="Cancel").click()
    answer_none(page)

    side.get_by_role("button", name="Not you? Switch learner").click()
    side.get_by_role("button", name="Continue as Ana").click()
    side.get_by_text("You are: Ana").wait_for()
    ready(page)
    assert shown_as_answered(page, "disclaimer-002")
    assert not shown_as_answered(page, "disclaimer-000")
    assert f"1 of {manifest_total} exercises done" in squash(side.text_content())

    page.goto(f"{book_server.url}/my-results.html")
    results = panel(page)
    results.get_by_text("You are: Ana").wait_for()
    assert status(page, "disclaimer-002") == "Done" and status(page, "disclaimer-000") == "Not started"
    data = download(page, results.get_by_role("button", name="Download my answers").click, tmp_path)
    assert data["learner"] == "Ana" and set(data["answers"]) == {"disclaimer-002"}
    saved = page.evaluate(SAVED)
    assert answer_name(key_of("Ben"), "disclaimer-000", hashes["disclaimer-000"]) in saved
    assert json.loads(saved[CURRENT]) == {"key": key_of("Ana")}
    guarded_clean(page)


@pytest.fixture(scope="module")
def manifest_total(hashes) -> int:
    return len(hashes)


@pytest.mark.parametrize("learner", ["Zoë Ångström", None])
def test_answers_saved_in_the_earlier_layout_move_to_their_learner(
    book_server, page, exercise_set, hashes, tmp_path, learner
):
    correct = examples(exercise_set.get("disclaimer-002")).correct
    record = json.dumps(
        {
            "submission": {"answer": correct, "count": 1, "confidence": 2},
            "revealed": False,
            "hints_shown": 0,
            "answered_at": "2026-11-22T10:30:00Z",
            "score": 1,
            "max_score": 1,
        }
    )
    meta = {"created": "2026-11-22T09:00:00Z"} | ({"learner": learner} if learner else {})
    old = {
        f"medialit:v1:disclaimer-002:{hashes['disclaimer-002']}": record,
        "medialit:v1-meta": json.dumps(meta),
        "other-site": "kept",
    }
    page.add_init_script(seed_script(old))
    page.goto(f"{book_server.url}/my-results.html")
    results = panel(page)
    results.locator("table").first.wait_for()
    key = key_of(learner) if learner else ""
    assert parsed(page.evaluate(SAVED)) == (
        {answer_name(key, "disclaimer-002", hashes["disclaimer-002"]): json.loads(record), meta_name(key): meta}
        | ({CURRENT: {"key": key}} if learner else {})
    )
    assert page.evaluate(SAVED)[answer_name(key, "disclaimer-002", hashes["disclaimer-002"])] == record
    assert page.evaluate("localStorage.getItem('other-site')") == "kept"
    assert status(page, "disclaimer-002") == "Done"
    if learner:
        assert f"You are: {learner}" in squash(results.text_content())
    else:
        results.get_by_label("Your name").fill("Ana")
    data = download(page, results.get_by_role("button", name="Download my answers").click, tmp_path)
    assert data["learner"] == (learner or "Ana")
    assert data["answers"]["disclaimer-002"]["answer"] == correct
    assert data["created"] == "2026-11-22T09:00:00.000Z"
    guarded_clean(page)


def test_a_full_storage_keeps_the_earlier_layout_and_reads_it_until_there_is_room(
    book_server, page, exercise_set, hashes, tmp_path
):
    correct = examples(exercise_set.get("disclaimer-002")).correct
    record = json.dumps({"submission": {"answer": correct}, "answered_at": "2026-11-22T10:30:00Z", "score": 1})
    old = {
        f"medialit:v1:disclaimer-002:{hashes['disclaimer-002']}": record,
        "medialit:v1-meta": json.dumps({"learner": "Ana"}),
    }
    page.goto(f"{book_server.url}/intro.html")
    page.evaluate("(old) => { for (const [k, v] of Object.entries(old)) localStorage.setItem(k, v); }", old)
    assert page.evaluate(FILL) > 0
    page.goto(f"{book_server.url}/my-results.html")
    results = panel(page)
    results.get_by_text("You are: Ana").wait_for()
    assert page.evaluate(SAVED) == old  # nothing moved, nothing lost
    assert status(page, "disclaimer-002") == "Done"
    data = download(page, results.get_by_role("button", name="Download my answers").click, tmp_path)
    assert data["learner"] == "Ana" and set(data["answers"]) == {"disclaimer-002"}

    page.evaluate(
        "Object.keys(localStorage).filter((k) => k.startsWith('junk:')).forEach((k) => localStorage.removeItem(k))"
    )
    page.reload()
    results.get_by_text("You are: Ana").wait_for()
    ana = key_of("Ana")
    saved = page.evaluate(SAVED)
    assert saved[answer_name(ana, "disclaimer-002", hashes["disclaimer-002"])] == record  # moved as it was
    assert parsed(saved) == {
        answer_name(ana, "disclaimer-002", hashes["disclaimer-002"]): json.loads(record),
        meta_name(ana): {"learner": "Ana"},
        CURRENT: {"key": ana},
    }
    assert status(page, "disclaimer-002") == "Done"
    guarded_clean(page)


def test_finish_and_switch_work_from_the_keyboard_and_pass_axe(book_server, page, tmp_path):
    page.goto(f"{book_server.url}/disclaimer.html")
    ready(page)
    answer_disclaimer(page)

    page.goto(f"{book_server.url}/my-results.html")
    results = panel(page)
    results.get_by_label("Your name").focus()
    page.keyboard.type("Ana")
    active = "document.activeElement.textContent"
    for name in ("Download my answers", "Download as CSV (spreadsheet)", "Finish on this device"):
        page.keyboard.press("Tab")
        assert page.evaluate(active) == name
    with page.expect_download() as done:
        page.keyboard.press("Enter")
    done.value.save_as(tmp_path / "ana.json")
    assert json.loads((tmp_path / "ana.json").read_text(encoding="utf-8"))["learner"] == "Ana"
    assert results.locator(".ml-finish-confirm").is_visible()
    assert page.evaluate(active) == "Keep"
    assert axe_violations(page) == []
    page.keyboard.press("Enter")  # Keep
    assert not results.locator(".ml-finish-confirm").is_visible()
    assert page.evaluate(active) == "Finish on this device"
    assert "Your answers stay in this browser." in results.locator("[role=status]").text_content()
    with page.expect_download():
        page.keyboard.press("Enter")
    page.keyboard.press("Shift+Tab")
    assert page.evaluate(active) == "Remove"
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement && document.activeElement.id.endsWith('-name')")
    assert page.evaluate("document.activeElement.closest('#medialit-results') !== null")
    assert page.evaluate(SAVED) == {}

    # Ben names himself in the side menu, then hands the keyboard to Cleo, who hands it back.
    page.goto(f"{book_server.url}/disclaimer.html")
    ready(page)
    sidebar(page).get_by_label("Your name").focus()
    page.keyboard.type("Ben")
    page.keyboard.press("Enter")
    sidebar(page).get_by_text("You are: Ben").wait_for()
    page.wait_for_function("() => document.activeElement.classList.contains('ml-learner-who')")
    page.keyboard.press("Tab")
    assert page.evaluate(active) == "Not you? Switch learner"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.tagName") == "INPUT"
    assert axe_violations(page) == []
    page.keyboard.type("Cleo")
    page.keyboard.press("Enter")
    sidebar(page).get_by_text("You are: Cleo").wait_for()
    page.wait_for_function("() => document.activeElement.classList.contains('ml-learner-who')")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.keyboard.press("Shift+Tab")
    assert page.evaluate(active) == "Continue as Ben"
    page.keyboard.press("Enter")
    sidebar(page).get_by_text("You are: Ben").wait_for()
    guarded_clean(page)


def test_the_book_compares_names_as_the_teachers_tools_do(book_server, page):
    names = [
        "Ana",
        " ana ",
        "ANA",
        "BEN\u200b",
        "Be\u00adn",
        "Zoe\u0308",
        "Zo\u00eb",
        "Straße",
        "STRASSE",
        "a:b/c%d",
        "李雷",
        "O'Neil  Smith",
        "x" * 300,
        '=HYPERLINK("x")',
        "\u202eAna",
        "ΟΔΟΣ",
        "οδος",
        "ꭰꭱ",
        "Ꭰ\x85Ꭱ",
    ]
    # Every character this Python knows (surrogates aside), between two letters.
    names += [
        f"a{chr(c)}b"
        for c in range(0x20, 0x10000)
        if not 0xD800 <= c <= 0xDFFF and unicodedata.category(chr(c)) != "Cn"
    ]
    page.goto(f"{book_server.url}/intro.html")
    page.locator(".medialit-progress").wait_for()
    keys = page.evaluate("(names) => names.map((n) => window.medialit.learners.keyOf(n))", names)
    differ = [(name, key, key_of(name)) for name, key in zip(names, keys, strict=True) if key != key_of(name)]
    assert differ == []
    assert len(set(keys[0:3])) == 1 and keys[3] == keys[4] and keys[5] == keys[6] and keys[7] == keys[8]
    assert keys[15] == keys[16]
    assert all(":" not in key for key in keys)
    assert page.evaluate("window.medialit.learners.keyOf('  \u200b ')") == ""
    guarded_clean(page)


def test_reset_deletes_only_the_answers_of_the_learner_working_now(book_server, page, exercise_set, hashes):
    ana, ben = key_of("Ana"), key_of("Ben")
    record = json.dumps(
        {
            "submission": {"answer": examples(exercise_set.get("disclaimer-002")).correct},
            "answered_at": "2026-11-22T10:30:00Z",
            "score": 1,
        }
    )
    theirs = {
        answer_name(ben, "disclaimer-002", hashes["disclaimer-002"]): record,
        meta_name(ben): json.dumps({"learner": "Ben"}),
    }
    page.add_init_script(
        seed_script(
            {
                answer_name(ana, "disclaimer-002", hashes["disclaimer-002"]): record,
                meta_name(ana): json.dumps({"learner": "Ana"}),
                CURRENT: json.dumps({"key": ana}),
                **theirs,
            }
        )
    )
    page.goto(f"{book_server.url}/my-results.html")
    results = panel(page)
    results.get_by_text("You are: Ana").wait_for()
    assert status(page, "disclaimer-002") == "Done"
    results.get_by_role("button", name="Reset my progress").click()
    results.get_by_role("button", name="Yes, delete my answers").click()
    assert status(page, "disclaimer-002") == "Not started"
    assert "You are: Ana" in squash(results.text_content())
    assert parsed(page.evaluate(SAVED)) == parsed(theirs) | {meta_name(ana): {"learner": "Ana"}, CURRENT: {"key": ana}}
    guarded_clean(page)


def test_a_name_of_invisible_characters_is_no_name(book_server, page):
    page.goto(f"{book_server.url}/disclaimer.html")
    ready(page)
    answer_disclaimer(page)
    side = sidebar(page)
    side.get_by_label("Your name").fill(" \u200b\u00ad ")
    side.get_by_role("button", name="Save my name").click()
    assert squash(side.locator("[role=status]").text_content()) == "Type your name first."
    page.goto(f"{book_server.url}/my-results.html")
    results = panel(page)
    results.get_by_label("Your name").fill("\u200b")
    results.get_by_role("button", name="Download my answers").click()
    assert "Type your name first" in results.locator("[role=status]").text_content()
    assert page.locator(".ml-learner-who").count() == 0
    assert CURRENT not in page.evaluate(SAVED)
    guarded_clean(page)


def test_a_tab_left_open_follows_a_switch_made_in_another_tab(book_server, page):
    page.goto(f"{book_server.url}/disclaimer.html")
    ready(page)
    sidebar(page).get_by_label("Your name").fill("Ana")
    sidebar(page).get_by_role("button", name="Save my name").click()
    sidebar(page).get_by_text("You are: Ana").wait_for()
    ready(page)
    answer_disclaimer(page)

    other = page.context.new_page()
    guard(other)
    other.goto(f"{book_server.url}/my-results.html")
    side = sidebar(other)
    side.get_by_role("button", name="Not you? Switch learner").click()
    side.get_by_label("Your name").fill("Ben")
    side.get_by_role("button", name="Switch", exact=True).click()
    side.get_by_text("You are: Ben").wait_for()

    # The first tab reloads: it neither shows Ana's answer to Ben nor saves Ben's work as Ana's.
    sidebar(page).get_by_text("You are: Ben").wait_for()
    ready(page)
    assert not shown_as_answered(page, "disclaimer-002")
    guarded_clean(page)
    guarded_clean(other)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_who_is_working_passes_axe_with_everything_open(book_server, page, theme):
    ana = key_of("Ana")
    page.add_init_script(f"localStorage.setItem('theme', '{theme}'); localStorage.setItem('mode', '{theme}');")
    page.add_init_script(
        seed_script(
            {
                meta_name(ana): json.dumps({"learner": "Ana"}),
                CURRENT: json.dumps({"key": ana}),
                meta_name(key_of("Ben")): json.dumps({"learner": "Ben"}),
            }
        )
    )
    page.goto(f"{book_server.url}/my-results.html")
    for part in (sidebar(page), panel(page)):
        part.get_by_text("You are: Ana").wait_for()
        part.get_by_role("button", name="Not you? Switch learner").click()
        part.get_by_role("button", name="Continue as Ben").wait_for()
    sidebar(page).get_by_role("button", name="Finish on this device").click()
    sidebar(page).locator(".ml-finish-confirm").wait_for()
    assert axe_violations(page) == []
    guarded_clean(page)
