"""The article span stage: page chrome outside the article's prose goes, article text stays."""

from cleaner import Cleaner
from cleaner.document import Document
from cleaner.stages import page_slots
from cleaner.stages.article_span import RULE, RULE_COMMENTS, ArticleSpan
from cleaner.stages.headlines import is_headline_shaped, is_label_line, title_headline
from cleaner.stages.span_search import best_span

MENU = ["Home", "News", "Sport", "Weather", "Business", "Culture", "Travel", "Videos", "Login"]
ARTICLE = [
    "The city council approved the new budget on Monday after a long debate about schools.",
    "Members argued for three hours over how much money the libraries should receive this year.",
    "The mayor said the plan would protect services while keeping taxes at their current level.",
    "Opponents warned that the cuts to road repairs would cost the city more in the long run.",
]
FOOTER = ["Related stories", "Share", "Facebook", "Twitter", "Contact", "Imprint", "Privacy"]
PAGE = MENU + ["Teaser headline one", "Teaser headline two"] + ARTICLE + FOOTER + MENU


def cleaned(lines: list[str], span: bool) -> str:
    cleaner = Cleaner(article_span=span, repair_glue=False)
    return cleaner.clean("\n".join(lines), lang="en").text


def test_best_span_is_the_run_with_the_largest_sum():
    assert best_span([-8, -8, 20, -3, 15, -8, -8]) == (2, 4, 32)
    assert best_span([-1, -2]) is None


def test_a_page_keeps_its_article_and_loses_its_chrome():
    text = Cleaner(article_span=True, repair_glue=False).clean("\n".join(PAGE), lang="en")
    kept = set(text.text.splitlines())
    assert set(ARTICLE) <= kept
    assert RULE in {removal.rule for removal in text.removed}


def test_text_that_is_all_article_is_untouched():
    article = ARTICLE + ["Ingredients:", "250 g flour", "2 eggs"] + ARTICLE[:2]
    assert cleaned(article, span=True) == cleaned(article, span=False)


def test_a_protected_line_stays():
    doc = Document.from_lines(MENU + ARTICLE + FOOTER + MENU, lang="en")
    for line in doc.lines:
        if line.text == "Contact":
            line.protected_by = "outlet.keep-contact"
    nav = [line for line in doc.lines if line.text in set(MENU) | {"Share", "Facebook"}]
    doc.drop(nav, "common.nav", "navigation")
    ArticleSpan()(doc)
    assert "Contact" in {line.text for line in doc.lines}
    assert "Imprint" not in {line.text for line in doc.lines}


def test_the_evidence_names_the_span():
    result = Cleaner(article_span=True, repair_glue=False).clean("\n".join(PAGE), lang="en")
    evidence = [r.evidence for r in result.removed if r.rule == RULE]
    assert evidence and all(text and "article lines" in text for text in evidence)


HEADLINE = "Council passes the budget after a long day"
LEAD = "Councillors spent the whole of Monday arguing over where the money for next year should go."
SHARE = ["Share", "Facebook", "Twitter"]
CONTENTS = ["Contents", "1.", "The debate", "2.", "The libraries", "3.", "The roads", "4.", "Next"]
# The lead sits among share buttons, and a table of contents parts it from the article's body.
LED_PAGE = MENU + [HEADLINE, *SHARE, LEAD, *SHARE] + CONTENTS + ARTICLE + FOOTER + MENU


def removed_by_span(lines: list[str]) -> set[str]:
    result = Cleaner(repair_glue=False).clean("\n".join(lines), lang="en")
    return {removal.text for removal in result.removed if removal.rule == RULE}


def test_the_headline_over_the_byline_stays_and_a_teaser_over_none_goes():
    byline = ["By Jane Smith", "Updated 2 hours ago", *SHARE]
    page = MENU + ["Teaser headline one", HEADLINE, *byline] + ARTICLE + FOOTER + MENU
    removed = removed_by_span(page)
    assert HEADLINE not in removed
    assert "Teaser headline one" in removed
    without_byline = MENU + ["Teaser headline one", HEADLINE, *SHARE] + ARTICLE + FOOTER + MENU
    assert HEADLINE in removed_by_span(without_byline)


def test_the_lead_before_the_span_stays():
    removed = removed_by_span(LED_PAGE)
    assert "The debate" in removed  # outside the span, among chrome
    assert LEAD not in removed


def test_the_headline_the_page_title_names_stays():
    assert HEADLINE in removed_by_span(LED_PAGE)
    titled = [f"{HEADLINE} | The Daily Example", *LED_PAGE]
    assert HEADLINE not in removed_by_span(titled)


def test_the_span_starts_at_the_headline_the_page_title_names():
    """Teasers whose blurbs read as prose join the span above the headline; the page's title
    names the headline, and the span starts there, so the teasers are outside it, blurbs and
    all: a lead follows its headline, so no sentence above it is spared as one."""
    teasers = [
        "Storm closes the coast road",
        "Residents were told to stay indoors as the storm brought down trees on Sunday.",
        "Library hours cut",
        "The main library will close two hours earlier from next month, the council said.",
        *SHARE[:2],
    ]
    page = MENU + teasers + [HEADLINE, LEAD] + ARTICLE + FOOTER + MENU
    assert "Library hours cut" not in removed_by_span(page)
    titled = removed_by_span([f"{HEADLINE} | The Daily Example", *page])
    assert set(teasers[:4]) <= titled
    assert not titled & {HEADLINE, LEAD, *ARTICLE}


def test_the_titled_headline_is_the_longest_part_of_the_title():
    assert title_headline(frozenset({"the daily example", "council passes the budget"})) == (
        "council passes the budget"
    )
    assert title_headline(frozenset()) is None


def test_a_title_that_is_the_headline_alone_stays():
    titled = [HEADLINE, *LED_PAGE]  # the <title> first, the headline's copy a duplicate
    assert HEADLINE not in removed_by_span(titled)


def test_the_html_path_is_left_to_its_extractor():
    doc = Document.from_lines(MENU + ARTICLE + FOOTER + MENU, lang="en")
    doc.extracted = True
    nav = [line for line in doc.lines if line.text in set(MENU) | {"Share", "Facebook"}]
    doc.drop(nav, "common.nav", "navigation")
    ArticleSpan()(doc)
    assert {"Imprint", "Contact"} <= {line.text for line in doc.lines}


def test_on_by_default_and_an_option_turns_it_off():
    assert "article_span" in [stage.name for stage in Cleaner().stages]
    assert "article_span" not in [stage.name for stage in Cleaner(article_span=False).stages]


HEADLINES = [
    "Small Is the New Big in Downtown Retail",
    "Why the mayor wants a second bridge",  # sentence case, as many outlets write them
    "Ten Parks Worth the Drive This Summer",
    "How the library won back its readers",
]
# 27 lines: the side after the article has under CLOSING_FAR_SIDE_CHROME of chrome, so its
# far lines go only by their shape (headlines), not as the page's closing chrome.
FILLER = ["Weather: 14°C, light rain.", "sunrise at 07:12 today", "high tide: 09:40"] * 9
NAV = MENU + ["Sitemap", "Careers", "Advertise"]


def spanned(lang: str, chrome: bool) -> tuple[set[str], list[str]]:
    """The article, a menu, lines that are no headlines, then teaser headlines 15+ lines
    from the article: what the stage keeps, and its evidence."""
    doc = Document.from_lines(ARTICLE + NAV + FILLER + HEADLINES, lang=lang)
    if chrome:
        doc.drop([line for line in doc.lines if line.text in set(NAV)], "common.nav", "navigation")
    ArticleSpan()(doc)
    evidence = [removal.evidence or "" for removal in doc.removed if removal.rule == RULE]
    return {line.text for line in doc.lines}, evidence


def test_headlines_far_from_the_article_go_on_a_page_of_chrome():
    kept, evidence = spanned("en", chrome=True)
    assert not set(HEADLINES) & kept
    assert set(FILLER) <= kept  # not headlines, and no chrome near them
    assert any("a headline or label 15+ lines away" in text for text in evidence)


def test_far_headlines_stay_without_chrome_or_in_a_language_that_capitalises_nouns():
    assert set(HEADLINES) <= spanned("de", chrome=True)[0]
    assert set(HEADLINES) <= spanned(None, chrome=True)[0]  # language unknown
    assert set(HEADLINES) <= spanned("en", chrome=False)[0]
    assert not set(HEADLINES) & spanned("es", chrome=True)[0]  # nouns in lower case


def test_a_headline_is_capitalised_without_an_end_mark():
    assert is_headline_shaped("Why the Mayor Wants a Second Bridge")
    assert is_headline_shaped("Why the mayor wants a second bridge")
    assert not is_headline_shaped("The council met on Monday.")
    assert not is_headline_shaped("the council met on monday night")
    assert not is_headline_shaped("CPU GAMEPLAY CUSTOMISATION SETTINGS")
    assert is_headline_shaped("Contact Us") and is_headline_shaped("Sitemap")  # menu labels
    assert not is_headline_shaped("sitemap")


MORE = [
    "The budget now goes to the regional authority, which has six weeks to raise objections to it.",
    "Council officers expect the first payments to the libraries to be made at the start of April.",
]
COMMENTS_HEAD = ["3 Comments", "Leave a Reply", "Your email address will not be published."]
THREAD = [
    "I have lived here for thirty years and never seen the council so divided over money.",
    "The libraries deserve every penny, and I hope the mayor remembers that next spring.",
    "Both sides are right in part; the real question is why the budget is so small again.",
]


def thread_removals(lines: list[str], comment_threads: bool = True) -> dict[str, str]:
    cleaner = Cleaner(repair_glue=False, comment_threads=comment_threads)
    result = cleaner.clean("\n".join(lines), lang="en")
    return {r.text: r.evidence or "" for r in result.removed if r.rule == RULE_COMMENTS}


def test_readers_comments_after_the_comments_head_go():
    removed = thread_removals(MENU + ARTICLE + MORE + COMMENTS_HEAD + THREAD + FOOTER)
    assert set(removed) == set(THREAD)
    assert all("after the comments' head at lines 16-18" in why for why in removed.values())


def test_the_thread_stays_when_comment_threads_are_kept():
    assert not thread_removals(MENU + ARTICLE + MORE + COMMENTS_HEAD + THREAD + FOOTER, False)


def test_a_post_shorter_than_what_follows_its_comments_head_keeps_it():
    # what follows outscores the part before: the head is the post's footer, not the article's
    assert not thread_removals(MENU + ARTICLE[:2] + COMMENTS_HEAD + THREAD + FOOTER)


def test_a_front_page_with_a_comments_head_under_each_post_keeps_its_posts():
    heads = [[f"{count} Comments", *COMMENTS_HEAD[1:]] for count in (3, 5, 8)]
    posts = ARTICLE + heads[0] + MORE + heads[1] + THREAD + heads[2]
    assert not thread_removals(MENU + posts + FOOTER)
    assert set(thread_removals(MENU + ARTICLE + MORE + heads[0] + THREAD + FOOTER)) == set(THREAD)


SIDEBAR = [
    "How Evidence-Based Management Pays Off",
    "Bad Apples in the Boardroom",
    "Separating the best chiefs from the rest",
    "How to Be a Good Boss in a Bad Economy",
    "The ergonomics of innovation",
    "Are You Being a Jerk? Again",
    "Why Managing by Facts Works",
    "Eight Tips for Better Brainstorming",
]


def sidebar_kept(sidebar: list[str], lang: str | None, chrome: bool) -> tuple[set[str], list[str]]:
    """A heading no rule knows over a list of article titles right after the article, one
    menu label removed as chrome among the page's 13 other lines: what the stage keeps."""
    lines = ARTICLE + ["My Writing and Ranting", *sidebar, "Login", "Weather: 14°C, light rain."]
    doc = Document.from_lines(lines, lang=lang)
    if chrome:
        doc.drop([line for line in doc.lines if line.text == "Login"], "common.nav", "navigation")
    ArticleSpan()(doc)
    evidence = [removal.evidence or "" for removal in doc.removed if removal.rule == RULE]
    return {line.text for line in doc.lines}, evidence


def test_a_run_of_headlines_next_to_the_article_goes_on_a_page_with_some_chrome():
    kept, evidence = sidebar_kept(SIDEBAR, "en", chrome=True)
    assert not set(SIDEBAR) & kept and set(ARTICLE) <= kept
    assert "Weather: 14°C, light rain." in kept  # no headline, no chrome near it
    assert any("one of 9 headlines in a row" in text for text in evidence)  # its heading too


def test_a_shorter_run_a_side_without_chrome_or_german_keep_their_headlines():
    assert set(SIDEBAR[:6]) <= sidebar_kept(SIDEBAR[:6], "en", chrome=True)[0]
    assert set(SIDEBAR) <= sidebar_kept(SIDEBAR, "en", chrome=False)[0]  # clean text's own list
    assert set(SIDEBAR) <= sidebar_kept(SIDEBAR, "de", chrome=True)[0]
    assert set(SIDEBAR) <= sidebar_kept(SIDEBAR, None, chrome=True)[0]


LABELS = [
    "LATEST HEADLINES",
    "Travel Health Autos Home & Garden Food Books Magazine",
    "Mar 2008 (3)",
    "Feb 2008 (12)",
    "NL EAST",
    "Blogs Columnists Print Edition Readers Rep Corrections All Sections",
    "Jan 2008 (7)",
    "Dec 2007 (21)",
]


def test_lines_of_labels_make_a_run_with_headlines():
    kept, evidence = sidebar_kept(LABELS, "en", chrome=True)
    assert not set(LABELS) & kept and set(ARTICLE) <= kept
    assert any("one of 9 headlines in a row" in text for text in evidence)
    assert set(LABELS) <= sidebar_kept(LABELS, "en", chrome=False)[0]


def test_a_line_of_labels_has_no_sentence_punctuation():
    assert is_label_line("NL EAST") and is_label_line("Mar 2008 (3)")
    assert is_label_line("California | Local National World Business Sports Opinion")
    assert is_label_line("» Newport Beach") and not is_label_line("* Newport Beach")
    assert not is_label_line("Catholic Answers, Inc., December 1996")
    assert not is_label_line("The council met on Monday.")
    assert not is_label_line("the council met on monday night")
    assert not is_label_line("Sold!")


SECTION_MENUS = [
    "Entertainment The Hot List Company Town Arts & Culture Calendar TV Listings Movie Showtimes",
    "Travel Health Autos Home & Garden Food Image Books Brand X Magazine",
    "Blogs Columnists Print Edition Readers Rep Corrections All Sections",
]


def test_menus_on_one_line_above_the_article_stay_out_of_its_span():
    page = MENU + SECTION_MENUS + ARTICLE + FOOTER
    result = Cleaner(repair_glue=False).clean("\n".join(page), lang="en")
    gone = {r.text: r.evidence for r in result.removed if r.rule == RULE}
    assert set(SECTION_MENUS[:2]) <= set(gone)  # among chrome: the third has none near it
    assert all(evidence.startswith("article lines 13-16") for evidence in gone.values())


SPONSORS = [
    "Travel at the lowest prices guaranteed",
    "Shop for a home gym with our sponsor",
    "Send us your news tips here",
    "Contact your senator about the plan",
    "Visit our sister site for more deals",
    "Member of the best blog ring",
]


def span_removals(lines: list[str]) -> dict[str, str]:
    """What the stage alone removes from a page whose menus, share bar and footer the rules
    removed as navigation, each line with its evidence."""
    doc = Document.from_lines(MENU + [HEADLINE, *ARTICLE, *lines] + FOOTER + MENU, lang="en")
    chrome = set(MENU) | set(SHARE) | set(FOOTER)
    doc.drop([line for line in doc.lines if line.text in chrome], "common.nav", "navigation")
    ArticleSpan()(doc)
    return {removal.text: removal.evidence or "" for removal in doc.removed if removal.rule == RULE}


def after_the_span(lines: list[str]) -> set[str]:
    return set(span_removals(lines))


def test_the_closing_chrome_goes_from_its_first_chrome_line_on(monkeypatch):
    """After the article, on a side of the page mostly chrome, lines with too little chrome
    near them to go on their own go as the page's closing chrome."""
    removed = after_the_span(SHARE + SPONSORS)
    assert set(SPONSORS) <= removed
    assert not removed & set(ARTICLE)
    monkeypatch.setattr(page_slots, "CLOSING_SIDE_CHROME", 1.01)
    assert not {SPONSORS[2], SPONSORS[3]} & after_the_span(SHARE + SPONSORS)  # too far alone


def test_an_article_list_running_on_past_the_span_stays():
    """The lines between the span and the first chrome line after it may be the article's."""
    tracks = [f"{number:02d} Song number {number}" for number in range(1, 9)]
    removed = after_the_span(tracks + SHARE + SPONSORS)
    assert not removed & set(tracks[:5])  # the last ones have the share bar near
    assert set(SPONSORS) <= removed


def test_on_a_side_with_less_chrome_only_the_far_lines_of_the_closing_chrome_go(monkeypatch):
    """A side of the page after the span with between CLOSING_FAR_SIDE_CHROME and
    CLOSING_SIDE_CHROME of chrome: past its first chrome line, the lines far from the span
    go, the near ones stay."""
    extras = [f"gym deal {number}" for number in range(1, 21)]
    removed = after_the_span(SHARE + extras)
    assert set(extras[11:17]) <= removed  # 15 or more lines from the span
    assert span_removals(SHARE + extras)[extras[12]].endswith(
        "in the closing chrome from line 15, 15+ lines away"
    )
    assert not set(extras[3:10]) & removed  # nearer, with no chrome near them
    monkeypatch.setattr(page_slots, "CLOSING_FAR_SIDE_CHROME", 1.01)
    assert not set(extras[11:17]) & after_the_span(SHARE + extras)
