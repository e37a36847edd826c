"""Heuristics: captions ending in a photo credit, credit-only lines, duplicated lines."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

CAPTION = (
    "North Korean leader Kim Jong Un waving during a concert at the stadium in "
    "Pyongyang, Dec. 31, 2025. (AFP)"
)
PARAGRAPH = (
    "The ministry said on Monday that the talks would resume next week, and that "
    "both sides had agreed to keep the details of the draft confidential until then."
)


def removed_by(result):
    return [(r.text, r.rule, r.category) for r in result.removed]


def test_caption_ending_in_an_agency_credit_is_removed(cleaner):
    result = cleaner.clean(f"{PARAGRAPH}\n{CAPTION}\n")
    assert result.text == PARAGRAPH + "\n"
    assert removed_by(result) == [(CAPTION, "caption.credit", "caption")]
    assert result.removed[0].evidence == "ends in the credit '(AFP)'"


def test_a_duplicate_names_the_line_it_copies(cleaner):
    result = cleaner.clean(f"{PARAGRAPH}\n{CAPTION[:-6]}\n{PARAGRAPH}\n")
    assert [(r.rule, r.evidence) for r in result.removed] == [
        ("duplicate.exact", "a copy of line 1")
    ]


def test_photo_label_credits_are_removed(cleaner):
    for caption in [
        "Firefighters at the scene on Monday. Photo: John Smith/Reuters",
        "Der Kanzler in Berlin. Foto: dpa",
        "A view of the harbour. © Getty Images",
    ]:
        assert cleaner.clean(f"{PARAGRAPH}\n{caption}\n").text == PARAGRAPH + "\n", caption


def test_credit_only_lines_are_removed(cleaner):
    for credit in ["(AFP)", "Photo: Reuters", "Getty Images", "Foto: picture alliance / dpa"]:
        result = cleaner.clean(f"{PARAGRAPH}\n{credit}\n")
        assert result.text == PARAGRAPH + "\n", credit
        assert result.removed[0].category == "credit"


def test_a_labelled_credit_may_name_the_photographer_before_the_source(cleaner):
    for credit in ["Photo by ev on Unsplash", "Image via Getty Images", "Bild: Max Muster via dpa"]:
        result = cleaner.clean(f"{PARAGRAPH}\n{credit}\n")
        assert removed_by(result) == [(credit, "caption.credit-line", "credit")], credit
    for prose in ["Ben Smith on Reuters said prices rose.", "The minister spoke on Reuters TV."]:
        assert cleaner.clean(f"{PARAGRAPH}\n{prose}\n").removed == (), prose  # no label: prose


def test_a_bare_credit_after_the_caption_sentence_is_removed(cleaner):
    caption = "Un grupo de pingüinos, en la Antártida el 11 de febrero pasado. EFE"
    result = cleaner.clean(f"{PARAGRAPH}\n{caption}\n")
    assert removed_by(result) == [(caption, "caption.credit", "caption")]


def test_a_bare_credit_may_name_the_photographer_after_a_slash(cleaner):
    caption = (
        "A view of the damaged building in Kharkiv, Ukraine, on May 26, 2024. "
        "REUTERS/Vyacheslav Madiyevskyy/File Photo"
    )
    result = cleaner.clean(f"{PARAGRAPH}\n{caption}\n")
    assert removed_by(result) == [(caption, "caption.credit", "caption")]
    poll = "The poll was run online last week. Reuters/Ipsos surveyed 1,000 adults"
    assert cleaner.clean(f"{PARAGRAPH}\n{poll}\n").removed == ()


def test_a_credit_name_ending_a_sentence_or_a_long_paragraph_is_kept(cleaner):
    wire = (
        "Both delegations described the talks in Geneva as constructive, and a second round "
        "is planned for the spring, when the ministers of the two countries will meet. Reuters"
    )
    for text in ["Er arbeitete zwanzig Jahre lang als Korrespondent für die Agentur AFP.", wire]:
        assert cleaner.clean(f"{PARAGRAPH}\n{text}\n").removed == (), text


def test_dateline_with_agency_is_kept(cleaner):
    text = "PARIS (AFP) — The French government announced new measures on Tuesday.\n"
    assert cleaner.clean(text).text == text


def test_long_paragraph_ending_in_credit_is_kept(cleaner):
    text = " ".join([PARAGRAPH] * 3) + " (AFP)\n"
    assert cleaner.clean(text).text == text


def test_exact_duplicate_line_keeps_the_first(cleaner):
    result = cleaner.clean(
        f"{PARAGRAPH}\nSecond paragraph is different and long enough.\n{PARAGRAPH}\n"
    )
    assert result.text == f"{PARAGRAPH}\nSecond paragraph is different and long enough.\n"
    assert [(r.line, r.rule, r.category) for r in result.removed] == [
        (3, "duplicate.exact", "duplicate")
    ]


def test_near_duplicate_line_is_removed(cleaner):
    near = PARAGRAPH.replace("on Monday", "on monday").replace("next week,", "next week")
    near = near.replace("both sides", "both  sides") + " "
    variant = near.replace("confidential", "confidential for now")
    result = cleaner.clean(f"{PARAGRAPH}\n{variant}\n")
    assert result.text == PARAGRAPH + "\n"
    assert result.removed[0].rule in ("duplicate.exact", "duplicate.near")


def test_short_repeated_lines_are_kept(cleaner):
    text = "Q: Did you see it?\nYes.\nQ: And then?\nYes.\n"
    assert cleaner.clean(text).text == text


QUOTED = [
    "I think it is a good question. I guess he thought he could control",
    "the boy, and that he would never turn on the man who made him what",
    "he was.",
]


def test_a_hard_wrapped_paragraph_quoted_again_is_kept(cleaner):
    # a reply quoting an earlier post: the writer repeats it, a scrape does not print it twice
    text = "\n".join(QUOTED + ["Samurai Mike", "Nice one.", "cognizant"] + QUOTED) + "\n"
    assert cleaner.clean(text).text == text


def test_a_headline_printed_twice_goes(cleaner):
    headline = "Panthers rally late to beat the Saints in overtime"
    result = cleaner.clean(f"{headline}\n{PARAGRAPH}\n{headline}\n")
    assert result.text == f"{headline}\n{PARAGRAPH}\n"
    assert [r.rule for r in result.removed] == ["duplicate.exact"]


def test_short_lines_repeated_in_article_text_stay_and_on_a_page_go(cleaner):
    """Text in which no rule found page chrome is an article: its repeated short lines (a
    listing's fields, the headings a table of contents repeats) are its own; a repeated
    paragraph still goes, and on a page (a share bar removed) so do the short lines."""
    fields = ["Instructor: Maria Lopez Garcia", "Location: Room 111, North Hall"]
    article = [*fields, PARAGRAPH, *fields, PARAGRAPH]
    result = cleaner.clean("\n".join(article) + "\n")
    assert result.text.splitlines() == [*fields, PARAGRAPH, *fields]
    assert removed_by(result) == [(PARAGRAPH, "duplicate.exact", "duplicate")]
    page = cleaner.clean("\n".join(["Facebook", "Twitter", *article]) + "\n")
    assert page.text.splitlines() == [*fields, PARAGRAPH]


def test_standfirst_repeated_inside_a_paragraph_is_kept(cleaner):
    standfirst = "Officials estimate that at least 600 soldiers have been killed."
    text = f"{standfirst}\nThe war goes on. {standfirst} Thousands more were wounded, they said.\n"
    assert cleaner.clean(text).text == text


def test_near_duplicate_threshold_is_honoured_for_lines_of_different_length():
    from cleaner.document import Document
    from cleaner.stages.duplicates import drop_duplicates

    short = "one two three four five six seven eight nine ten"
    longer = short + " " + " ".join(f"w{i}" for i in range(12))  # Jaccard 10/22 = 0.45
    doc = drop_duplicates(Document.from_lines([short, longer]), 20, 8, jaccard=0.4)
    assert [r.line for r in doc.removed] == [2]
    doc = drop_duplicates(Document.from_lines([short, longer]), 20, 8, jaccard=0.5)
    assert doc.removed == []


@settings(
    max_examples=400,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    st.lists(
        st.sampled_from(
            [
                "Photo",
                "Foto",
                "by",
                "credit",
                "AFP",
                "Reuters",
                "Getty Images",
                "dpa",
                "(",
                ")",
                ":",
                "/",
                "©",
                ",",
                ".",
                " ",
                "Kim",
                "2025",
                "\u00a0",
            ]
        ),
        max_size=12,
    )
)
def test_the_caption_prefilter_lets_every_caption_and_credit_through(cleaner, pieces):
    text = " ".join(pieces)
    patterns = cleaner.stage("captions").patterns[None]
    found = patterns.prefilter.candidates(text)
    assert (0 in found or not patterns.whole.search(text)) and (
        1 in found or not patterns.tail.search(text)
    )


@settings(max_examples=1_000, deadline=None, derandomize=True)
@given(
    st.lists(st.lists(st.sampled_from("abcdefghijklmnop"), min_size=1, max_size=14), max_size=12),
    st.sampled_from([0.3, 0.5, 2 / 3, 0.7, 0.75, 0.8, 0.9, 1.0]),
)
def test_near_duplicates_are_those_every_earlier_kept_line_is_compared_with(lines, jaccard):
    from cleaner.document import Document
    from cleaner.stages.duplicates import drop_duplicates, similarity

    # capitalised, the lines never read on as a hard-wrapped paragraph, which duplicates keep
    texts = [" ".join(words).capitalize() for words in lines]
    doc = drop_duplicates(Document.from_lines(texts), 1_000, 1, jaccard)
    kept, expected = [], []  # brute force: each line against every earlier kept line
    for number, words in enumerate(lines, 1):
        if any(similarity(frozenset(words), earlier) >= jaccard for earlier in kept):
            expected.append(number)
        else:
            kept.append(frozenset(words))
    assert [r.line for r in doc.removed] == expected


def test_past_the_near_duplicate_word_bound_only_exact_copies_go(monkeypatch):
    from cleaner.document import Document
    from cleaner.stages import duplicates

    near = PARAGRAPH.replace("confidential", "confidential for now")
    lines = [PARAGRAPH, near, "Second paragraph is different and long enough.", PARAGRAPH]
    removed = duplicates.drop_duplicates(Document.from_lines(lines), 20, 8, 0.8).removed
    assert sorted((r.line, r.rule) for r in removed) == [
        (2, "duplicate.near"),
        (4, "duplicate.exact"),
    ]
    # each long line's word set is kept while comparing: past the bound (here the first two
    # lines' words), time and memory stay linear and near copies are left
    words = sum(len(line.split()) for line in lines[:2])
    monkeypatch.setattr(duplicates, "NEAR_DUPLICATE_MAX_WORDS", words)
    removed = duplicates.drop_duplicates(Document.from_lines(lines), 20, 8, 0.8).removed
    assert [(r.line, r.rule) for r in removed] == [(4, "duplicate.exact")]


def test_past_the_comparison_budget_the_rest_keeps_its_near_copies(monkeypatch):
    from cleaner.document import Document
    from cleaner.stages import duplicates

    first = PARAGRAPH.replace("confidential", "confidential for now")
    second = PARAGRAPH.replace("on Monday", "on Tuesday")
    lines = [PARAGRAPH, first, second, PARAGRAPH]
    removed = duplicates.drop_duplicates(Document.from_lines(lines), 20, 8, 0.8).removed
    assert sorted((r.line, r.rule) for r in removed) == [
        (2, "duplicate.near"),
        (3, "duplicate.near"),
        (4, "duplicate.exact"),
    ]
    # lines of the same few common words share every word: past the budget of comparisons
    # (here the one that found line 2), only exact copies go
    monkeypatch.setattr(duplicates, "NEAR_DUPLICATE_MAX_COMPARISONS", 0)
    removed = duplicates.drop_duplicates(Document.from_lines(lines), 20, 8, 0.8).removed
    assert sorted((r.line, r.rule) for r in removed) == [
        (2, "duplicate.near"),
        (4, "duplicate.exact"),
    ]


def test_a_copy_of_a_line_a_rule_removed_goes_after_it_but_not_before():
    from cleaner.document import Document
    from cleaner.stages.duplicates import drop_duplicates

    teaser = "Three family members were found at the apartment, police said on Tuesday."
    doc = Document.from_lines([PARAGRAPH, teaser, "Second paragraph.", teaser.upper()])
    doc.drop([doc.lines[1]], "t.teaser", "related")
    drop_duplicates(doc, 20, 8, 0.9, frozenset({"t.teaser", "t.label"}))
    assert [line.number for line in doc.lines] == [1, 3]
    assert [(r.line, r.rule) for r in doc.removed] == [(2, "t.teaser"), (4, "duplicate.of-removed")]

    doc = Document.from_lines([teaser, PARAGRAPH, teaser])
    doc.drop([doc.lines[2]], "t.teaser", "related")
    drop_duplicates(doc, 20, 8, 0.9, frozenset({"t.teaser", "t.label"}))
    assert [line.text for line in doc.lines] == [teaser, PARAGRAPH]


def test_a_short_copy_of_a_removed_line_stays():
    from cleaner.document import Document
    from cleaner.stages.duplicates import drop_duplicates

    doc = Document.from_lines(["Watch", PARAGRAPH, "Watch"])
    doc.drop([doc.lines[0]], "t.label", "navigation")
    drop_duplicates(doc, 20, 8, 0.9, frozenset({"t.teaser", "t.label"}))
    assert [line.text for line in doc.lines] == [PARAGRAPH, "Watch"]


def test_a_copy_of_a_line_a_heuristic_removed_stays():
    # a related list takes the article's own headline among the latest stories above it
    from cleaner.document import Document
    from cleaner.stages.duplicates import drop_duplicates

    headline = "Wide range of investment openings at the regional conference"
    doc = Document.from_lines(["Latest stories", headline, headline, PARAGRAPH])
    doc.drop(doc.lines[:2], "heuristic.related-list", "related")
    drop_duplicates(doc, 20, 8, 0.9, frozenset({"t.teaser"}))
    assert [line.text for line in doc.lines] == [headline, PARAGRAPH]


def test_a_page_title_whose_headline_comes_again_goes(cleaner):
    title = "Identity Crisis - New State Laws Aimed at Quack Therapists -- New York Magazine"
    text = f"{title}\nNews & Features\nIdentity Crisis\n{PARAGRAPH}\n"
    result = cleaner.clean(text)
    assert result.text == f"News & Features\nIdentity Crisis\n{PARAGRAPH}\n"
    assert [(r.text, r.rule) for r in result.removed] == [(title, "duplicate.page-title")]


def test_a_first_line_with_a_separator_but_no_part_repeated_stays(cleaner):
    for first in (
        "Identity Crisis - New State Laws Aimed at Quack Therapists",  # no part comes again
        "Fed holds rates - for now",  # "Fed holds rates" is not a later line
        "News | Sport",  # a one-word part ("News") that a menu repeats
    ):
        result = cleaner.clean(f"{first}\nNews\nSport\n{PARAGRAPH}\n")
        assert result.text.startswith(f"{first}\n")
        assert "duplicate.page-title" not in {r.rule for r in result.removed}


def test_only_the_first_line_is_a_page_title(cleaner):
    line = "Identity Crisis - New State Laws Aimed at Quack Therapists"
    text = f"{PARAGRAPH}\n{line}\nIdentity Crisis\n"
    assert cleaner.clean(text).text == text


def test_the_headline_a_page_title_repeats_stays_once(cleaner):
    headline = "Make your social media shine bright like a diamond!"
    text = f"{headline} – Searchlight\n{headline}\n{headline}\n{PARAGRAPH}\n"
    assert cleaner.clean(text).text == f"{headline}\n{PARAGRAPH}\n"


def test_a_first_line_longer_than_a_title_is_no_title(cleaner):
    headline = "Identity Crisis"
    first = f"{headline} - " + " ".join(["New state laws aimed at quack therapists"] * 8)
    text = f"{first}\n{headline}\n{PARAGRAPH}\n"
    assert len(first) > 300
    assert "duplicate.page-title" not in {r.rule for r in cleaner.clean(text).removed}
