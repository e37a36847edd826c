"""The report page as a person sees it: opened in a real headless browser (the system's
chromium, driven by Playwright). Skips, saying why, where either is missing."""

import json
import shutil
import time

import pytest
from cleaner.report.cli import write_report

from report_corpus import RULES, expected_counts, write_many, write_results

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="playwright is not installed (pip install 'cleaner[browser]')"
)
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None:
    pytest.skip("no chromium on PATH (apt-get install chromium)", allow_module_level=True)

PAGE_LIMIT_BYTES = 10 * 2**20  # issue 16: a 100,000-document corpus's page under 10 MB
INTERACTIVE_S = 2.0  # ...interactive within 2 s


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    """A 300-document report, every document on the page, and its records."""
    folder = tmp_path_factory.mktemp("small")
    records = write_results(folder / "r.jsonl", 300)
    hostile = {
        **records[1],
        "id": "<img src=x onerror=document.title='pwned'></script>"
        "<script>document.title='pwned'</script>",
        "outlet": "<b>bold</b>",
    }
    records[1] = hostile
    (folder / "r.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    write_report(folder / "r.jsonl", folder / "page.html")
    return folder / "page.html", records


def open_page(browser, path):
    """A new page on `path`, with the console errors and page errors it logs."""
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri())
    page.wait_for_selector("body.ready", timeout=10_000)
    return page, errors


def number(text: str) -> int:
    return int(text.replace(",", ""))


def test_page_opens_without_console_errors_and_hostile_text_stays_text(browser, small):
    path, records = small
    page, errors = open_page(browser, path)
    assert errors == []
    page.fill("#f-q", "onerror")
    sync_api.expect(page.locator("#list-documents li")).to_have_count(1)
    assert page.inner_text("#list-documents .docid") == records[1]["id"]
    assert page.locator("img").count() == 0
    assert page.title() != "pwned" and errors == []
    page.close()


def test_counts_shown_equal_those_computed_from_the_jsonl(browser, small):
    path, records = small
    expected = expected_counts(records)
    page, _ = open_page(browser, path)
    shown = {
        name: number(page.inner_text(f"[data-stat={name}] .value"))
        for name in ("docs", "lines-removed", "edits")
    }
    assert shown == {
        "docs": expected["docs"],
        "lines-removed": expected["lines_removed"],
        "edits": expected["edits"],
    }
    for rule, _ in RULES:
        row = page.locator(f"#table-rule tr[data-rule='{rule}']")
        assert number(row.locator(".count-lines").inner_text()) == expected["rule_lines"][rule]
        assert number(row.locator(".count-docs").inner_text()) == expected["rule_docs"][rule]
    page.close()


def test_a_click_on_a_rule_filters_to_its_lines(browser, small):
    path, records = small
    page, errors = open_page(browser, path)
    rule = RULES[2][0]
    page.click(f"#table-rule tr[data-rule='{rule}'] button")
    sync_api.expect(page.locator("#f-rule")).to_have_value(rule)
    tags = page.locator("#list-lines li .rule").all_inner_texts()
    assert tags and set(tags) == {rule}
    shown = number(page.inner_text("#lines-count").split()[0])
    assert shown == expected_counts(records)["rule_lines"][rule]
    assert errors == []
    page.close()


def test_a_document_view_shows_its_removed_lines_struck_in_place(browser, small):
    path, records = small
    page, errors = open_page(browser, path)
    page.click("#list-lines li:first-child button.open")
    page.wait_for_selector("#docview:not([hidden])")
    title = page.inner_text("#doc-title")
    record = next(r for r in records if r["id"] == title)
    struck = page.locator("#doc-lines li.removed del").all_inner_texts()
    assert struck == [r["text"] for r in sorted(record["removed"], key=lambda r: r["line"])]
    numbers = [
        int(n) for n in page.locator("#doc-lines li").evaluate_all("l => l.map(e => e.value)")
    ]
    assert numbers == sorted(numbers) and set(numbers) >= set(record["kept_lines"])
    page.keyboard.press("Escape")
    page.wait_for_selector("#docview", state="hidden")
    assert errors == []
    page.close()


def test_a_100000_document_corpus_page_is_small_and_quick(browser, tmp_path):
    write_many(tmp_path / "r.jsonl", 100_000, rules=many_rules())
    write_report(tmp_path / "r.jsonl", tmp_path / "page.html")
    assert (tmp_path / "page.html").stat().st_size < PAGE_LIMIT_BYTES
    started = time.perf_counter()
    page, errors = open_page(browser, tmp_path / "page.html")
    page.click("#table-rule tbody tr:first-child button")
    page.wait_for_selector("#list-lines li")
    assert time.perf_counter() - started < INTERACTIVE_S
    assert number(page.inner_text("[data-stat=docs] .value")) == 100_000 and errors == []
    assert "This page carries" in page.inner_text("#notes")
    page.close()


def many_rules():
    """1,200 rule ids, more than the rules table lists, across a few categories."""
    return tuple(
        (f"learned.line-{n:04d}", ("boilerplate", "promo", "share")[n % 3]) for n in range(1200)
    )


def test_the_keyboard_reaches_search_rules_and_the_document_view(browser, small):
    path, _ = small
    page, errors = open_page(browser, path)
    page.keyboard.press("/")
    sync_api.expect(page.locator("#f-q")).to_be_focused()
    page.locator("#table-rule tbody tr:first-child button").focus()
    page.keyboard.press("Enter")
    sync_api.expect(page.locator("#f-rule")).not_to_have_value("")
    page.locator("#list-lines button.open").first.focus()
    page.keyboard.press("Enter")
    sync_api.expect(page.locator("#docview")).to_be_visible()
    sync_api.expect(page.locator("#doc-close")).to_be_focused()
    page.keyboard.press("Escape")
    sync_api.expect(page.locator("#docview")).to_be_hidden()
    assert errors == []
    page.close()


def test_explain_html_shows_one_document_with_its_struck_lines(browser, tmp_path):
    from cleaner import Cleaner
    from cleaner.report.cli import explain_page

    text = "Title\n\nShare this article\n\nThe council met on Monday.\nAlso read: more\n"
    (tmp_path / "e.html").write_bytes(explain_page(Cleaner().clean(text), "doc.txt"))
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto((tmp_path / "e.html").as_uri())
    sync_api.expect(page.locator("#docview")).to_be_visible()
    assert page.locator("#doc-lines li.removed del").count() >= 1
    assert page.locator("#overview").is_hidden() and errors == []
    page.close()
