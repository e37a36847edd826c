"""The HTML path's extractor: trafilatura with cleaner's settings, and HTML fragments that
trafilatura refuses as they come."""

from cleaner import clean
from cleaner.stages.extract import article_text

PARAGRAPHS = [
    (
        "The council voted on Tuesday to keep the old library open for another ten years, "
        "after a long campaign by readers and staff who filled the hall every evening."
    ),
    (
        "The building needs a new roof, which the council will pay for from its reserves, "
        "and the opening hours on Sundays will be longer from the spring onwards."
    ),
    "Local writers have offered to give free readings there every month next year.",
]
# One element holding the article, no <html>: trafilatura alone returns nothing for it.
FRAGMENT = (
    "<div id='main'><div class='story'>"
    + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    + "</div></div>"
)


def test_fragment_that_trafilatura_refuses_gives_its_article_text():
    assert article_text(FRAGMENT, None).splitlines() == PARAGRAPHS


def test_fragment_goes_through_the_html_path():
    assert clean(FRAGMENT).text.splitlines() == PARAGRAPHS


def test_page_with_html_at_its_start_and_no_article_gives_nothing():
    assert article_text("<html><body><script>var a = 1;</script></body></html>", None) == ""


def test_full_page_gives_the_same_text_as_its_body_alone():
    page = f"<html><head><title>t</title></head><body>{FRAGMENT}</body></html>"
    assert article_text(page, None).splitlines() == PARAGRAPHS
