"""heuristic.comment-thread: a readers' comment thread known by its posts' signed, dated
headers, and the dated lines that are no thread. Lines are shaped after dragnet's and
trafilatura-eval's pages."""

import time

import pytest
from cleaner import Cleaner
from cleaner.document import Document
from cleaner.stages.comment_headers import header_shape
from cleaner.stages.comments import RULE_COMMENT_THREAD, drop_comment_threads

ARTICLE = [
    "Two years ago, Patrick Buckley and Craig Dalton had an idea for an iPad case made using "
    "traditional bookbinding, and today their company sells it in forty countries.",
    "Their trajectory started with a small business competition, which they won in its first "
    "year with a few hundred orders and a borrowed workshop.",
]
POSTS = [
    "Does the competition have any plans to expand to other countries this year?",
    "I watched the company grow during the first competition and it inspired me to start.",
    "Thanks for doing this again, it is great to have extra motivation to finish my shop.",
    "Is the competition open to entrants who sell services rather than goods?",
]


def with_posts(headers):
    """Each header followed by a post."""
    return [line for pair in zip(headers, POSTS[: len(headers)], strict=True) for line in pair]


def cleaned(lines, **options):
    return Cleaner(**options).clean("\n".join(lines), fmt="text")


def kept(lines):
    doc = Document.from_lines(lines)
    drop_comment_threads(doc)
    return [line.text for line in doc.lines]


def test_a_thread_of_signed_dated_posts_goes_with_the_footer_after_it():
    headers = [
        "Graham — July 11th, 2012, 4:30 am",
        "Tristan King — July 10th, 2012, 10:54 pm",
        "K. Orr — July 10th, 2012, 7:32 pm",
    ]
    thread = with_posts(headers)
    result = cleaned(ARTICLE + thread + ["Powered by a blog platform"])
    assert result.text.splitlines() == ARTICLE
    dropped = [r for r in result.removed if r.rule == RULE_COMMENT_THREAD]
    assert [r.text for r in dropped] == thread + ["Powered by a blog platform"]
    assert [r.evidence for r in dropped[:3]] == [
        "comment header 1 of 3",
        "in the comment thread from line 3",
        "comment header 2 of 3",
    ]
    assert {r.category for r in dropped} == {"comments"}


def test_reply_links_under_the_posts_do_not_hide_the_thread_from_the_furniture():
    """A "Reply" link under each post is furniture that closes the article: its short lines
    (the headers) would go first and leave the posts, were the thread not looked for first."""
    headers = [
        "Marie-Christine July 24, 2012 at 7:59 pm",
        "John Smith July 25, 2012 at 8:01 am",
        "Paul July 25, 2012 at 9:14 am",
    ]
    thread = [
        line
        for pair in zip(with_posts(headers)[::2], POSTS, strict=False)
        for line in (*pair, "Reply")
    ]
    result = cleaned(ARTICLE + thread)
    assert result.text.splitlines() == ARTICLE
    assert {r.rule for r in result.removed if r.text in POSTS} == {RULE_COMMENT_THREAD}


@pytest.mark.parametrize(
    "headers",
    [
        # signed "writes:", with no date
        [
            "by swalve (1980968) writes:",
            "by garyebickford (222422) writes:",
            "by cayenne8 (626475) writes:",
        ],
        # signed "said,", with no date
        ["Progress Trap said,", "Jacob said,", "Nikos said,"],
        # dated in Spanish, Portuguese and Italian
        [
            "María — 15 de mayo de 2019 a las 10:30",
            "João — 3 de março de 2020 às 9:12",
            "Luca — 7 maggio 2021 alle 8:45",
        ],
    ],
)
def test_headers_signed_without_a_date_or_dated_in_other_languages_make_a_thread(headers):
    assert kept(ARTICLE + with_posts(headers)) == ARTICLE


def test_a_forums_quotes_of_earlier_posts_are_no_headers():
    headers = ["Damon Otter said:", "Lisa Ray wrote:", "Damon Otter said:", "Kim Park said:"]
    quotes = with_posts(headers)
    assert kept(ARTICLE + quotes) == ARTICLE + quotes


def test_names_and_dates_of_one_shape_whatever_their_words():
    assert header_shape("Anna — July 18th, 2012, 4:09 pm") == header_shape(
        "Tristan King — July 10th, 2012, 10:54 pm"
    )
    assert header_shape("Posted by: liz at May 29, 2005 10:19:16 PM") == header_shape(
        "Posted by: Monday Evening QB at Jan 17, 2005 7:45:47 PM"
    )


def test_a_lively_thread_has_readers_who_post_often():
    names = ["Nico", "carp", "Nico", "Copenhagen", "carp", "Nico", "Copenhagen", "carp"]
    thread = [
        line
        for minute, name in enumerate(names, 10)
        for line in (f"by {name} on Aug 8, 2012 9:{minute} PM PDT reply", POSTS[minute % 4])
    ]
    assert kept(ARTICLE + thread) == ARTICLE


def two_line_headers(names):
    """Posts each under its date and, on the line below, "Name said,"."""
    return [
        line
        for minute, (name, post) in enumerate(zip(names, POSTS, strict=False), 38)
        for line in (f"August 9th, 2012 at 8:{minute} am", f"{name} said,", post)
    ]


def test_a_post_headed_by_its_date_over_its_signers_name_makes_a_thread():
    """As many date lines as names: the dates, all signed alike, show no thread; the names,
    their twins one line below, do."""
    thread = two_line_headers(["infamousdx", "Kevin", "lucky", "Bruce"])
    assert kept(ARTICLE + thread) == ARTICLE + thread[:1]


def test_dated_lines_far_from_the_signed_ones_are_no_twins():
    """Reviews amid a listing: each signed line sits under a price, not next to the most common
    kind of dated line."""
    lines = [
        item
        for day, name, post in zip(
            (2, 3, 4, 5), ("Kevin", "Bruce", "Lea", "Mike"), POSTS, strict=True
        )
        for item in (f"from 0{day}.05.2018 to 1{day}.05.2018 for 120 €", "", f"{name} said,", post)
    ]
    lines += [f"from 0{day}.06.2018 to 1{day}.06.2018 for 120 €" for day in (6, 7, 8, 9)]
    assert kept(ARTICLE + lines) == ARTICLE + lines


def test_the_option_off_keeps_the_thread():
    headers = ["Heather on October 23rd, 2012 1:37 pm", "Kate on October 23rd, 2012 1:38 pm"]
    headers.append("Chloe on October 23rd, 2012 1:41 pm")
    thread = with_posts(headers)
    assert cleaned(ARTICLE + thread, comment_threads=False).text.splitlines() == ARTICLE + thread
    assert cleaned(ARTICLE + thread).text.splitlines() == ARTICLE


def test_the_html_path_leaves_comments_to_the_extractor():
    headers = ["Heather on October 23rd, 2012 1:37 pm", "Kate on October 23rd, 2012 1:38 pm"]
    headers.append("Chloe on October 23rd, 2012 1:41 pm")
    lines = ARTICLE + with_posts(headers)
    html = "<html><body><article>" + "".join(f"<p>{line}</p>" for line in lines)
    from_html = Cleaner().clean(html + "</article></body></html>", fmt="html")
    assert from_html.text.splitlines() == lines
    assert cleaned(from_html.text.splitlines()).text.splitlines() == ARTICLE


def test_an_article_under_a_dated_kicker_over_dated_teasers_is_no_thread():
    teasers = [
        "Press release Africa 16.02.2022",
        "Rights groups call for an inquiry into the attacks on the camps.",
        "Update USA 15.02.2022",
        "A court blocks the new rules on asylum for the second time.",
        "Press release Venezuela 10.02.2022",
        "Activists are released after a month in prison without charge.",
    ]
    page = [ARTICLE[0], "Press release Update 02.11.2021", *ARTICLE, *POSTS, *teasers]
    assert kept(page) == page
    assert kept(page[:2] + teasers) == page[:1]  # no article under the kicker: a thread


def test_embedded_tweets_attributions_are_the_articles_quotes():
    tweets = [
        "Meine Mutter ist jederzeit für mich da, auch wenn sie selbst keine Zeit hat.",
        "— Carline Mohr (@Mohrenpost) 27. August 2018",
        "Ein Investor sollte immer zuerst an die Gründer denken und dann an das Geld.",
        "— Frank Thelen (@FrankThelen) 28. August 2018",
        "Wer nichts wagt, der nicht gewinnt, das gilt auch für jede neue Firma.",
        "— Tijen Onaran (@TijenOnaran) 29. August 2018",
    ]
    assert kept(ARTICLE + tweets) == ARTICLE + tweets


def test_a_timeline_or_a_teaser_list_has_no_post_between_its_dates():
    timeline = [
        "6. The Padilla Case (Mar. 11, 2003)",
        "7. The Hamdi Case (June 28, 2004)",
        "8. The Rasul Case (June 28, 2004)",
        "9. The Hamdan Case (June 29, 2006)",
    ]
    assert kept(ARTICLE + timeline) == ARTICLE + timeline
    teasers = [
        "Bettina Kugler 19.10.2019, 05:00 Uhr",
        "Brandy Butler startet Schauspielkarriere",
        "Julia Stephan 18.10.2019, 20:00 Uhr",
        "Neu auch in der Schweiz: Unternehmen bauen spektakuläre Firmensitze",
        "Sabine Altorfer 18.10.2019, 18:50 Uhr",
    ]
    assert kept(ARTICLE + teasers) == ARTICLE + teasers


def test_a_date_without_its_year_dates_a_header_with_a_clock_time():
    headers = [
        "by Auroch (1403671) writes: on Monday July 23, @11:38PM (#40745177)",
        "by Darkness404 (1287218) writes: on Monday July 23, @08:25PM (#40743959)",
        "by humanrev (2606607) writes: on Monday July 23, @09:07PM (#40744323)",
    ]
    assert kept(ARTICLE + with_posts(headers)) == ARTICLE
    # without the time, "July 23" alone is no stamp: a list of events, not a thread
    no_time = [header.split(", @")[0] for header in headers]
    assert kept(ARTICLE + with_posts(no_time)) == ARTICLE + with_posts(no_time)


def test_a_blogs_posts_under_bylines_that_count_their_comments_are_no_thread():
    bylines = [
        "Jimmy M. | November 6, 2012 | 0 Comments",
        "Ana P. | November 5, 2012 | 3 Comments",
        "Lee K. | November 4, 2012 | 12 Comments",
    ]
    river = ARTICLE + with_posts(bylines)
    assert kept(river) == river
    # the same bylines without their counts sign a thread
    assert kept(ARTICLE + with_posts([b.rsplit(" | ", 1)[0] for b in bylines])) == ARTICLE


def test_a_live_blogs_entries_are_timed_not_dated():
    names = ["Jane Smith", "John Doe", "Ann Lee", "Jane Smith"]
    entries = [
        line
        for minute, name in enumerate(names, 10)
        for line in (f"{name}, 10:{minute} a.m.", POSTS[minute % 4])
    ]
    assert kept(ARTICLE + entries) == ARTICLE + entries


def test_one_signature_again_and_again_is_a_blogs_own_posts():
    posts = [
        line
        for day, post in zip(("April 2", "March 21", "March 20"), POSTS, strict=False)
        for line in (f"Posted by Kathy on {day}, 2007", post)
    ]
    assert kept(ARTICLE + posts) == ARTICLE + posts


def test_headers_before_the_first_paragraph_are_the_articles_byline():
    byline = "by Bud Elliott on Aug 9, 2012 10:31 AM EDT"
    thread = [byline, *ARTICLE, "by SoCalNole on Aug 9, 2012 12:43 PM EDT", POSTS[0]]
    thread += ["by WinstonSalemNole on Aug 9, 2012 1:04 PM EDT", POSTS[1]]
    assert kept(thread) == thread


def test_no_paragraph_no_thread():
    lines = ["Graham — July 11th, 2012, 4:30 am", "Short post.", "Ann — July 12th, 2012, 1:30 am"]
    lines += ["Another.", "Bo — July 13th, 2012, 2:30 am", "Third."]
    assert kept(lines) == lines


def under_a_heading(heading, names, dates):
    """A counted comments heading, then per post a name, its date on a line of its own, and
    the post."""
    posts = zip(names, dates, POSTS * 2, strict=False)
    return [heading] + [line for post in posts for line in post]


NAMES = ["Barry Joseph", "Azza Sedky", "Rich", "Said Hamideh"]
DATES = [f"September {day}th, 2012 at 11:{day} pm" for day in (27, 28, 29, 30)]


def test_a_counted_heading_anchors_a_thread_whose_names_stand_above_its_dates():
    thread = under_a_heading("27 comments", NAMES, DATES)
    result = cleaned(ARTICLE + thread + ["Powered by a blog platform"])
    assert result.text.splitlines() == ARTICLE
    dropped = [r for r in result.removed if r.rule == RULE_COMMENT_THREAD]
    assert [r.text for r in dropped] == thread[1:] + ["Powered by a blog platform"]
    assert dropped[0].evidence == "in the comment thread under line 3 ('27 comments')"
    assert dropped[1].evidence == "comment header 1 of 4"


def test_dates_a_rule_took_still_head_the_thread_under_a_counted_heading():
    dates = ["10/31/2012", "10/31/2012", "10/30/2012", "10/29/2012"]
    result = cleaned(ARTICLE + under_a_heading("92 Responses to “Depth Compositing”", NAMES, dates))
    assert result.text.splitlines() == ARTICLE
    assert RULE_COMMENT_THREAD in {r.rule for r in result.removed}


def test_without_a_counted_heading_names_above_dates_are_no_thread():
    lines = ARTICLE + under_a_heading("Comments", NAMES, DATES)[1:]
    assert cleaned(lines).text.splitlines() == lines


@pytest.mark.parametrize(
    "heading, more",
    [
        # more posts than the heading counts: a blog's front page under one post's count
        ("2 comments", []),
        # a blog's front page counts each post's comments, differently
        ("12 comments", ["5 comments"]),
        # the heading stands above the article's first paragraph: the byline's comment link
        (None, []),
    ],
)
def test_a_count_that_does_not_fit_anchors_no_thread(heading, more):
    posts = under_a_heading(heading or "27 comments", NAMES, DATES)[1:] + more
    lines = ARTICLE + [heading] + posts if heading else ["27 comments"] + ARTICLE + posts
    kept_lines = [line for line in lines if line not in {heading, "27 comments", *more}]
    assert cleaned(lines).text.splitlines() == kept_lines


SIGNED = [
    f"Posted by: {name} | October 30, 2012 at 0{hour}:58 AM"
    for hour, name in enumerate(["Bob James", "Samantha Stone", "Jamie Pappas"], 7)
]


def test_under_a_bare_comments_heading_headers_a_rule_took_still_make_a_thread():
    thread = with_posts(SIGNED)
    result = cleaned(ARTICLE + ["Comments"] + thread)
    assert result.text.splitlines() == ARTICLE
    assert {r.rule for r in result.removed if r.text in SIGNED} == {"common.meta-line"}
    assert {r.rule for r in result.removed if r.text in POSTS} == {RULE_COMMENT_THREAD}


def test_without_a_heading_headers_a_rule_took_make_no_thread():
    thread = with_posts(SIGNED)
    assert cleaned(ARTICLE + thread).text.splitlines() == ARTICLE + POSTS[:3]


MORE_ARTICLE = [
    "The workshop now employs twelve people, most of them trained in bookbinding on the job.",
    "Next year the founders plan to open a second workshop near the port, closer to suppliers.",
]


def test_what_stands_between_a_comments_heading_and_the_thread_stays():
    article = ARTICLE + MORE_ARTICLE
    lines = article[:1] + ["Comments"] + article[1:] + with_posts(SIGNED)
    assert cleaned(lines).text.splitlines() == article


def test_a_post_signed_below_it_goes_with_the_thread_under_its_heading():
    signed_below = [line for pair in zip(POSTS, SIGNED, strict=False) for line in pair]
    result = cleaned(ARTICLE + ["Comments"] + signed_below)
    assert result.text.splitlines() == ARTICLE


def signed_by_name(heading, names):
    """A comments heading, then per post a name alone over the post."""
    return [heading] + [line for pair in zip(names, POSTS, strict=False) for line in pair]


@pytest.mark.parametrize(
    "names",
    [
        ["Gibbo", "Robert", "Chris Pearson", "Michael"],
        ["Bonnie Powers wrote:", "Barbara Fister wrote:", "K.G. Schneider wrote:", "Anna said,"],
    ],
)
def test_a_counted_heading_anchors_a_thread_whose_posts_are_signed_by_a_name_alone(names):
    thread = signed_by_name("{ 131 comments }", names)
    result = cleaned(ARTICLE + thread)
    assert result.text.splitlines() == ARTICLE
    dropped = [r for r in result.removed if r.rule == RULE_COMMENT_THREAD]
    assert [r.text for r in dropped] == thread[1:]
    assert dropped[0].evidence == "comment header 1 of 4"


@pytest.mark.parametrize(
    "heading, names",
    [
        ("Comments", ["Gibbo", "Robert", "Chris Pearson", "Michael"]),  # no count
        ("3 comments", ["Gibbo", "Robert", "Chris Pearson", "Michael"]),  # more than counted
        ("131 comments", ["Gibbo", "Robert", "Gibbo", "Gibbo"]),  # one writer's own posts
    ],
)
def test_names_alone_make_no_thread_without_a_count_that_fits_or_several_writers(heading, names):
    lines = ARTICLE + signed_by_name(heading, names)
    assert cleaned(lines).text.splitlines() == [line for line in lines if line != heading]


def test_headings_far_apart_over_a_counted_heading_are_the_articles_own():
    sections = ["The workshop", "The port", "The suppliers"]
    filler = MORE_ARTICLE * 6  # twelve lines of the article between two of its headings
    lines = ARTICLE + ["7 comments"]
    for name in sections:
        lines += [name, POSTS[0], *filler]
    assert RULE_COMMENT_THREAD not in {r.rule for r in cleaned(lines).removed}


def test_an_articles_sections_under_names_hold_more_than_a_post():
    lines = ARTICLE + ["52 comments"]
    for name, post in zip(["Steve Nash", "Goran Dragic", "Kendall Marshall"], POSTS, strict=False):
        lines += [name, post, "Offense: 1.02 PPP", "Defense: 0.88 PPP", "Usage: 21%"]
    assert RULE_COMMENT_THREAD not in {r.rule for r in cleaned(lines).removed}
    signed = ARTICLE + ["52 comments"]
    for name, post in zip(["Steve Nash", "Goran Dragic", "Kendall Marshall"], POSTS, strict=False):
        signed += [name, post, "cheers, Anna"]
    assert RULE_COMMENT_THREAD in {r.rule for r in cleaned(signed).removed}


def test_a_thread_starts_under_its_heading_when_a_rule_took_its_first_headers():
    names = [*NAMES, "Ann Lee", "Bo"]
    headers = [
        f"{name} | November 9, 2012 {hour}:13 AM | Reply" for hour, name in enumerate(names, 1)
    ]
    thread = [
        line for header, post in zip(headers, POSTS * 2, strict=False) for line in (header, post)
    ]
    doc = Document.from_lines(ARTICLE + ["27 Comments"] + thread)
    doc.drop([line for line in doc.lines if line.text == "27 Comments"], "test.count", "comments")
    doc.drop([line for line in doc.lines if line.text in headers[:2]], "test.meta", "timestamp")
    drop_comment_threads(doc)  # the kept headers alone make a thread from the third post
    assert [line.text for line in doc.lines] == ARTICLE


def test_many_header_shapes_cost_linear_time():
    """30,000 dated lines of as many shapes beside three of one: each shape's headers are
    gathered in one pass and the twins are found beside the most common shape's, not by
    scanning every candidate once per shape (that took over 20 s)."""
    texts = []
    for number in range(30_000):
        texts += [f"Anna {'!' * (number % 100)}{'?' * (number // 100)} July 1, 2012", ARTICLE[0]]
    texts += ["Bob — July 2, 2012", "Carl — July 3, 2012", "Dan — July 4, 2012"]
    doc = Document.from_lines(texts)
    start = time.process_time()
    drop_comment_threads(doc)
    assert time.process_time() - start < 5
