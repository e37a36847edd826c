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


def page_with(body: str) -> str:
    article = f"<p>{PARAGRAPHS[0]}</p>{body}<p>{PARAGRAPHS[1]}</p>"
    return f"<html><body><article>{article}</article></body></html>"


def test_a_data_table_row_is_one_line_of_its_cells_without_markdown_bars():
    table = (
        "<table><tr><th>Team</th><th>Won</th><th>Points</th></tr>"
        "<tr><td>Rovers <b>FC</b></td><td>12</td><td>a|b</td></tr></table>"
    )
    assert article_text(page_with(table), None).splitlines() == [
        PARAGRAPHS[0],
        "Team Won Points",
        "Rovers FC 12 a|b",
        PARAGRAPHS[1],
    ]


def test_each_column_of_a_layout_table_is_a_paragraph_of_its_own():
    layout = (
        "<html><body><table><tr><td><p>Home</p><p>Sport</p></td>"
        f"<td><p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p></td></tr></table></body></html>"
    )
    assert article_text(layout, None).splitlines() == ["Home", "Sport", *PARAGRAPHS[:2]]


def test_a_page_without_tables_gives_what_trafilatura_extract_gives():
    import trafilatura
    from cleaner.stages.extract import TRAFILATURA_SETTINGS

    page = page_with("<ul><li>one item</li><li>another item</li></ul><h2>A heading</h2>")
    assert article_text(page, None) == trafilatura.extract(page, **TRAFILATURA_SETTINGS)
