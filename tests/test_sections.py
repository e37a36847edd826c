"""The sections stage: related-story lists under a heading, and the short lines of the
furniture that closes an article. Lines are from trafilatura-eval dev pages."""

from cleaner.document import Document
from cleaner.stages.prose import SENTENCE_END, ends_sentence
from cleaner.stages.sections import drop_sections
from hypothesis import given, settings
from hypothesis import strategies as st

BODY = [
    "Der verschwiegene VPN-Anbieter hide.me senkt anlässlich von Black Friday die Abo-Preise, "
    "das Angebot gilt aber nur für exakt einen Monat.",
    "Das zweijährige Abo kostet ab dem 1. November pro Monat nur 2,22 Euro statt wie sonst "
    "2,88 Euro, und drei Freimonate kommen hinzu.",
    "Wer den VPN-Provider nur für ein halbes Jahr buchen will, für den kostet der Spaß "
    "monatlich 5,83 Euro.",
]
RELATED = [
    "Halloware – Von einer Ransomware, die aus der Hölle kam",
    "Die Glosse im Oktober: Handyhelden und Datendschungelgeister",
    "Drei kostenlose VPN-Lösungen getestet: Wer hat die Nase vorn?",
]
AFTER_LIST = (
    "Wichtig ist auch die Tatsache, dass ohne Angabe von Gründen für 30 Tage eine "
    "Geld-zurück-Garantie besteht."
)


def document(texts, removed=()):
    """A document whose rules stage already removed `removed`: (index, text, category)."""
    doc = Document.from_lines(texts)
    for index, _text, category in removed:
        doc.drop([line for line in doc.lines if line.number == index + 1], "test.rule", category)
    return doc


def kept(doc):
    return [line.text for line in doc.lines]


def test_headlines_under_a_related_heading_go_up_to_the_next_paragraph():
    texts = BODY[:2] + ["Weiterlesen"] + RELATED + [AFTER_LIST, BODY[2]]
    doc = drop_sections(document(texts, [(2, "Weiterlesen", "related")]))
    assert kept(doc) == BODY[:2] + [AFTER_LIST, BODY[2]]
    assert {r.rule for r in doc.removed if r.text in RELATED} == {"heuristic.related-list"}
    assert {r.evidence for r in doc.removed if r.text in RELATED} == {
        "listed under the heading at line 3"
    }


def test_a_teaser_excerpt_cut_short_stays_in_the_related_list():
    teasers = [
        "Die neuen Rottöne und wie man sie kombiniert",
        "Marsala, Terrakotta, Ochsenblut, Curry und Co. – und zwar am besten alles "
        "zusammen! Die neuen…",
        "Mit Rot einrichten? Wohntrendexpertin Erika Mierow verrät, wie's gelingt",
    ]
    texts = BODY + ["Verwandte Beiträge"] + teasers + [AFTER_LIST]
    doc = drop_sections(document(texts, [(3, "Verwandte Beiträge", "related")]))
    assert kept(doc) == BODY + [AFTER_LIST]


def test_a_headline_ending_in_a_spaced_ellipsis_ends_the_related_list():
    teaser = "Brexit-Abstimmung verschoben ++ Johnson stellt sich quer ++ Juncker verlangt …"
    question = "«Du, Oliver! Weisst du, wo man in Zürich Peychaud's Bitters bekommt?»"
    texts = BODY + ["Meistgelesen", teaser, question, AFTER_LIST]
    doc = drop_sections(document(texts, [(3, "Meistgelesen", "related")]))
    assert kept(doc) == BODY + [teaser, question, AFTER_LIST]


def test_an_inline_teaser_does_not_take_the_next_heading_with_it():
    teaser = "Read more: Looted colonial art: Germany to set up new contact office"
    heading = "Freedom fighters replace colonial leaders"
    texts = [BODY[0], teaser, heading, BODY[1]]
    doc = drop_sections(document(texts, [(1, teaser, "related")]))
    assert kept(doc) == [BODY[0], heading, BODY[1]]


def test_short_lines_after_the_closing_furniture_go_but_prose_stays():
    comment = (
        "Ich habe das Angebot genutzt und bin sehr zufrieden mit dem Anbieter, danke für den Tipp!"
    )
    texts = BODY + ["Schreibe einen Kommentar", "Tarnkappe.info", "Über Lars Sobiraj", comment]
    doc = drop_sections(document(texts, [(3, "Schreibe einen Kommentar", "comments")]))
    assert kept(doc) == BODY + [comment]
    assert {r.rule for r in doc.removed[1:]} == {"heuristic.after-furniture"}
    assert {r.evidence for r in doc.removed[1:]} == {
        "after the closing furniture from line 4 (test.rule)"
    }


def test_furniture_above_most_of_the_article_cuts_nothing():
    listing = ["Integrative Berufsausbildung (IBA)", "Lehrstoffinhalte", "3. Klasse"]
    texts = ["Teilen"] + listing + BODY
    doc = drop_sections(document(texts, [(0, "Teilen", "share")]))
    assert kept(doc) == listing + BODY


def test_protected_lines_stay():
    texts = BODY + ["Related", RELATED[0]]
    doc = document(texts, [(3, "Related", "related")])
    doc.lines[-1].protected_by = "outlet.keep"
    assert kept(drop_sections(doc)) == BODY + [RELATED[0]]


def test_a_tag_line_after_the_article_closes_it_too():
    teasers = [
        "Olympia 2022 - Nordische Kombination: Zeitplan bei den Olympischen Spielen in Peking",
        "Gegen Peking: Tibeter protestieren vor IOC-Hauptquartier",
    ]
    texts = BODY + ["Themen: Ehrenamt Jugendverbände"] + teasers
    doc = drop_sections(document(texts, [(3, "Themen: Ehrenamt Jugendverbände", "tags")]))
    assert kept(doc) == BODY


def test_a_copyright_note_does_not_close_the_article():
    texts = BODY + [
        "Alle Rechte vorbehalten.",
        "Halloware – Von einer Ransomware, die aus der Hölle kam",
    ]
    doc = drop_sections(document(texts, [(3, "Alle Rechte vorbehalten.", "boilerplate")]))
    assert kept(doc) == BODY + [texts[-1]]


def test_a_tag_field_in_a_data_list_does_not_close_the_article():
    fields = [
        "- Kategorie: Erste Versuche",
        "- Art der Aufnahme: Digitalfoto",
        "- Ort: Kasberg im Frankenland",
    ]
    texts = BODY + fields
    doc = drop_sections(document(texts, [(3, fields[0], "tags")]))
    assert kept(doc) == BODY + fields[1:]


LONG_BODY = BODY + [
    "Haugen warnt, die unzuverlässigen Uploadfilter von Facebook unterdrückten große Mengen an "
    "wertvollen legalen Inhalten, etwa zur Terrorismusbekämpfung. Aber das geplante "
    "Digitale-Dienste-Gesetz fördert diese fehleranfälligen Zensurmaschinen noch, obwohl wichtige "
    "Medieninhalte, der politische und wissenschaftliche Diskurs, Bildung, Minderheiten und viele "
    "andere darunter leiden.",
    "Es fehlt der EU leider bisher am politischen Willen, dass Nutzerinnen und Nutzer und unsere "
    "demokratischen Institutionen die Kontrolle über die digitale Sphäre in die eigene "
    "Hand nehmen.",
]
FORM = ["Schreibe einen Kommentar Antworten abbrechen", "Name", "Webseite"]
SAVE_NOTICE = (
    "Meinen Namen, meine E-Mail-Adresse und meine Website in diesem Browser speichern, "
    "bis ich wieder kommentiere."
)


def test_a_paragraph_alone_among_the_closing_furniture_goes():
    texts = LONG_BODY + FORM[:2] + [SAVE_NOTICE] + FORM[2:]
    doc = drop_sections(document(texts, [(len(LONG_BODY), FORM[0], "comments")]))
    assert kept(doc) == LONG_BODY
    assert [r.rule for r in doc.removed if r.text == SAVE_NOTICE] == ["heuristic.furniture-box"]


def test_paragraphs_side_by_side_after_the_furniture_stay():
    comment = [
        "Liebe Roswitha,",
        "die Tasche passt rundum, ist ja auch von Damen für Damen mit ins Leben gerufen worden.",
        "Eine edle Tasche, die sich vor allem von allen tausend anderen überteuerten "
        "Designertaschen mit Raffinesse und Stil abhebt.",
    ]
    texts = LONG_BODY + FORM[:1] + comment
    doc = drop_sections(document(texts, [(len(LONG_BODY), FORM[0], "comments")]))
    assert kept(doc) == LONG_BODY + comment[1:]


def test_a_lone_paragraph_stays_while_the_article_goes_on_after_the_furniture():
    steps = [
        "Wasche nun 250 g Erdbeeren und schneide sie in kleine Würfel.",
        "Erdbeeren",
        "Rühre zuletzt kurz 1 Päckchen Vanillezucker und 2 gehäufte EL Zucker unter. Hebe die "
        "Erdbeeren jetzt vorsichtig unter die Sahne. Das geht am besten mit einem Teigschaber.",
    ]
    texts = LONG_BODY + ["Teilen"] + steps
    doc = drop_sections(document(texts, [(len(LONG_BODY), "Teilen", "share")]))
    assert kept(doc) == LONG_BODY + steps[::2]


def test_a_broken_paragraph_after_the_furniture_stays():
    rest = "von Open Source Software (OSS) ein und entwickeln einen Praxisleitfaden."
    texts = LONG_BODY + FORM[:2] + [rest]
    doc = drop_sections(document(texts, [(len(LONG_BODY), FORM[0], "comments")]))
    assert kept(doc) == LONG_BODY + [rest]


def test_the_last_paragraph_after_an_inline_teaser_stays():
    teaser = (
        "Also Read: DRDO successfully conducts salvo launch of indigenously developed "
        "Pralay missiles off Odisha coast"
    )
    last = (
        "The two men, held captive by Kyiv since January 2025 after sustaining injuries on "
        "the battlefield, have expressed a desire to defect to the South."
    )
    texts = LONG_BODY + [teaser, last]
    doc = drop_sections(document(texts, [(len(LONG_BODY), teaser, "related")]))
    assert kept(doc) == LONG_BODY + [last]


def test_the_rest_of_a_menu_goes_with_its_removed_item():
    menu = ["Videos", "Dokumente", "Newsroom", "Karriere"]
    title = "Neue Energiezähler mit M-Bus, Mod-Bus, Ethernet und MID"
    texts = ["Startseite"] + menu + [title] + BODY
    doc = drop_sections(document(texts, [(0, "Startseite", "navigation")]))
    assert kept(doc) == [title] + BODY
    assert {r.rule for r in doc.removed if r.text in menu} == {"heuristic.menu"}


def test_a_three_word_label_inside_a_menu_goes_with_it():
    menu = [
        "Informationspflichten",
        "Transparenz bei Preisanpassungen",
        "Verbraucherrechterichtlinien",
        "Widerrufsrecht",
    ]
    texts = BODY + ["AGB"] + menu
    doc = drop_sections(document(texts, [(len(BODY), "AGB", "navigation")]))
    assert kept(doc) == BODY


def test_a_three_word_line_where_the_menu_ends_stays():
    heading = "Sperrfristende für Düngemittel"
    texts = ["Startseite", "Aktuelles", heading] + BODY
    doc = drop_sections(document(texts, [(0, "Startseite", "navigation")]))
    assert kept(doc) == [heading] + BODY


def test_table_cells_and_labels_beside_a_removed_line_stay():
    cells = ["github_events", "2.5 GB/s", "0.093 GB/s", "gsoc-2018", "3.3 GB/s", "0.091 GB/s"]
    labels = ["beliebig ausschwimmen", "Zutaten:"]
    texts = cells + ["twitter"] + labels + BODY
    doc = drop_sections(document(texts, [(len(cells), "twitter", "share")]))
    assert kept(doc) == cells + labels + BODY


def test_the_heading_of_a_data_list_is_not_a_menu():
    fields = [
        "- Kategorie: Erste Versuche",
        "- Art der Aufnahme: Digitalfoto",
        "- Ort: Kasberg im Frankenland",
    ]
    texts = BODY + ["Detailangaben"] + fields
    doc = drop_sections(document(texts, [(len(BODY) + 1, fields[0], "tags")]))
    assert kept(doc) == BODY + ["Detailangaben"] + fields[1:]


INGREDIENTS = ["250 g Erdbeeren", "2 cups flour", "1 ½ tsp baking powder", "200 ml Sahne"]


def test_an_ingredients_list_after_a_related_heading_stays():
    texts = BODY + ["Related"] + INGREDIENTS + [AFTER_LIST]
    doc = drop_sections(document(texts, [(len(BODY), "Related", "related")]))
    assert kept(doc) == BODY + INGREDIENTS + [AFTER_LIST]


def test_a_headline_list_goes_even_when_a_headline_quotes_a_sum():
    headlines = [
        "Online poker duo settle for $731m",
        "Blond Bond villain is unveiled",
        "US imposes new sanctions on Iran",
    ]
    texts = BODY + ["Related"] + headlines + [AFTER_LIST]
    doc = drop_sections(document(texts, [(len(BODY), "Related", "related")]))
    assert kept(doc) == BODY + [AFTER_LIST]


def test_prices_fields_and_steps_after_the_closing_furniture_stay():
    data = [
        "Rates: 9 holes $15.00 18 holes $26.00",
        "Biceps sum: 68 to 68,5",
        "Gewicht: 1,2 kg",
        "1. Stir well.",
        "Wifi Disabled",
    ]
    texts = LONG_BODY + ["Share this:"] + data
    doc = drop_sections(document(texts, [(len(LONG_BODY), "Share this:", "share")]))
    assert kept(doc) == LONG_BODY + data[:-1]


def test_a_stamp_or_a_comment_score_is_not_a_data_field():
    stamps = ["Date: 10 Jul 2012 20:22:52", "Human Evolution (Score: 2)", "Score: 4, Funny"]
    texts = LONG_BODY + ["Leave a reply"] + stamps
    doc = drop_sections(document(texts, [(len(LONG_BODY), "Leave a reply", "comments")]))
    assert kept(doc) == LONG_BODY


WRAPPED = [
    "Education and guidance for lymphedema patients, healthcare professionals, and the",
    "general public. The clinic tailors its treatment procedures to suit a range of",
    "needs and emphasizes that lymphedema can be treated.",
]


def test_a_hard_wrapped_paragraph_after_share_this_stays():
    texts = LONG_BODY + ["Share this:", "Facebook"] + WRAPPED
    doc = drop_sections(document(texts, [(len(LONG_BODY), "Share this:", "share")]))
    assert kept(doc) == LONG_BODY + WRAPPED


def test_a_wrapped_paragraph_cut_before_its_full_stop_stays():
    # the gold text of a page may end a paragraph without its mark; three lines that wrap
    # mid-sentence are a paragraph all the same
    cut = [WRAPPED[0], WRAPPED[1], "needs and emphasizes that lymphedema can be treated at home"]
    texts = LONG_BODY + ["Share this:", "Facebook"] + cut
    doc = drop_sections(document(texts, [(len(LONG_BODY), "Share this:", "share")]))
    assert kept(doc) == LONG_BODY + cut


def test_two_lines_without_a_full_stop_are_not_a_paragraph():
    texts = LONG_BODY + ["Share this:"] + WRAPPED[:2]
    doc = drop_sections(document(texts, [(len(LONG_BODY), "Share this:", "share")]))
    assert kept(doc) == LONG_BODY


def test_headlines_of_one_length_are_not_a_wrapped_paragraph():
    headlines = [
        "Halloware – Von einer Ransomware, die aus der Hölle kam",
        "Die Glosse im Oktober: Handyhelden und Datendschungelgeister",
        "Drei kostenlose VPN-Lösungen getestet: Wer hat die Nase vorn?",
    ]
    texts = LONG_BODY + ["Share this:"] + headlines
    doc = drop_sections(document(texts, [(len(LONG_BODY), "Share this:", "share")]))
    assert kept(doc) == LONG_BODY


def test_a_menu_of_labels_next_to_a_share_line_still_goes():
    menu = ["Videos", "Dokumente", "Karriere"]
    texts = ["Share this:"] + menu + WRAPPED + BODY
    doc = drop_sections(document(texts, [(0, "Share this:", "share")]))
    assert kept(doc) == WRAPPED + BODY
    assert {r.rule for r in doc.removed if r.text in menu} == {"heuristic.menu"}


# A news site's menu as full-page text prints it: one line (forbes.com, 2005).
MENU_LINE = (
    "Select Section Home Investment Newsletters Polls & Discussions Premium Tools Special "
    "Reports Video & Audio Watchlist Business -Manufacturing -Technology -Commerce -Services "
    "-Energy Markets -Equities -Economy -Commodities --Forbes 500s --Forbes Global 500"
)
NOT_MENU_LINES = [
    # a headline in title case: at most ~20 words
    "The Escort Bars That Uber Execs Reportedly Visited Are A Regular Affair In South Korea",
    # a list of names, a table's rows with their cells between pipes, a table printed as text
    "Present: Anna Berg, Jonas Keller, Maria Lopez, Peter Novak, Sara Quist, Tom Reyes, "
    "Ulla Stein, Vera Tamm, Walter Ulm, Xaver Vogt, Yusuf Wahl, Zoe Xu",
    "Team | Played | Won | Drawn | Lost | Goals For | Goals Against | Goal Difference | Points "
    "| Form | Next Match | Last Match | Home | Away | Top Scorer | Assists",
    "Arsenal | 38 | 26 | 9 | 3 | 73 | 26 | 47 | 87 | WWDWW | Chelsea | Everton | 14 | 12 | "
    "Saka | Odegaard",
    "STATE HIGHTEMP LOWTEMP CA -50 120 FL 20 110 LA 15 99 ND -70 101 NE -60 107 OK -20 113 "
    "TX -10 116 AZ -40 128",
]


def test_a_menu_printed_as_one_line_goes_as_a_menu_line():
    doc = drop_sections(document([*BODY, MENU_LINE, *NOT_MENU_LINES]))
    assert kept(doc) == [*BODY, *NOT_MENU_LINES]
    assert [(r.rule, r.category) for r in doc.removed] == [("heuristic.menu-line", "navigation")]


def test_an_english_menu_in_title_case_goes_as_a_menu_line():
    menu = (
        "Other White House Blogs The White House Blog Middle Class Task Force Council of "
        "Economic Advisers Council on Environmental Quality Council on Women and Girls Office "
        "of Management and Budget Office of Public Engagement"
    )
    sentence = menu + " is where the Office of Urban Affairs and the Council meet."
    for text in (menu, sentence):
        doc = drop_sections(Document.from_lines([*BODY, text], lang="en"))
        assert kept(doc) == BODY + ([text] if text == sentence else [])
    unknown = drop_sections(Document.from_lines([*BODY, menu]))
    assert kept(unknown) == [*BODY, menu]
    extracted = Document.from_lines([*BODY, menu], lang="en")
    extracted.extracted = True
    assert kept(drop_sections(extracted)) == [*BODY, menu]


def test_a_menu_of_names_with_one_comma_among_them_goes():
    """A list of names has a comma between its items; a menu of writers may have one in a
    name ("Andrew M. Baer, Esq."), well under MENU_LINE_MAX_COMMA_SHARE of its words."""
    writers = (
        "Authors Adam Viener Angel Djambazov Barry Silverstein Brad Waller Brian Clark Brook "
        "Schaaf Andrew M. Baer, Esq. Andrew Morris Andrew Wee Anik Singal Ben Flux Ben Padnos "
        "Beth Kirsch Bill Flitter Billy Kay Bob Chieffo Brad Shorr Brian Crouch Brian Harniman "
        "Carolyn Tang Kmet Caryl Felicetta Cecily Kellogg Chris Boyd Chris Hutton Chris Malta"
    )
    assert kept(drop_sections(document([*BODY, writers]))) == BODY
    listed = writers.replace(" Andrew Morris", ", Andrew Morris,").replace(
        " Ben Flux", ", Ben Flux"
    )
    assert kept(drop_sections(document([*BODY, listed]))) == [*BODY, listed]


# Menus and footers printed with separators (dragnet's and cleaneval's full pages).
SEPARATED_MENUS = [
    "About Us | Disclaimer | Careers @ IBN | Contact Us | Feedback | Complaint Redressal",
    "Home | News | Articles | Reviews | Guides | Columns",
    "Jobs • Property • Motors • Dating • Money",
]
NOT_SEPARATED_MENUS = [
    # four labels; sources with a sentence among them; a table row written as markdown
    "Politics | World | Business | Sport",
    "Tampa Bay Times | Slate | The Atlantic Wire | Read them here. | Time",
    "| Team | Played | Won | Drawn | Lost |",
]


def between_paragraphs(lines):
    """Each of `lines` with a paragraph after it."""
    return [line for pair in zip(lines, BODY, strict=False) for line in pair]


def test_a_menu_printed_with_separators_goes_as_a_menu_line():
    doc = drop_sections(document(between_paragraphs(SEPARATED_MENUS)))
    assert kept(doc) == BODY[: len(SEPARATED_MENUS)]
    assert {r.rule for r in doc.removed} == {"heuristic.menu-line"}
    others = between_paragraphs(NOT_SEPARATED_MENUS)
    assert kept(drop_sections(document(others))) == others


def test_a_separated_menu_may_have_one_label_in_ten_longer_than_four_words():
    footer = (
        "About Us | Disclaimer | Careers | Contact Us | Feedback | Advertise With Us | Latest "
        "Videos | Privacy Policy | RSS Feeds | Kids education and games site"
    )
    assert kept(drop_sections(document([*BODY, footer]))) == BODY
    two_long = footer.replace("RSS Feeds", "Live Stock Market News Today")
    assert kept(drop_sections(document([*BODY, two_long]))) == [*BODY, two_long]


def test_separated_labels_stay_in_a_table_and_on_the_html_path():
    table = [*BODY, SEPARATED_MENUS[1], "Home | 12 | 3 | 4 | 5 | 6"]
    assert kept(drop_sections(document(table))) == table
    extracted = document([*BODY, SEPARATED_MENUS[1]])
    extracted.extracted = True
    assert kept(drop_sections(extracted)) == [*BODY, SEPARATED_MENUS[1]]


def test_two_menus_one_under_the_other_are_no_table():
    menus = [*BODY, SEPARATED_MENUS[0], SEPARATED_MENUS[2] + " • Cars • Homes • Rentals • Shop"]
    assert kept(drop_sections(document(menus))) == BODY


# A blog's archive and tag widgets as full-page text prints them (dragnet pages).
ARCHIVE_LINES = [
    "Select Month August 2012 (4) July 2012 (4) June 2012 (2) May 2012 (4) April 2012 (3)",
    "Archives November (4) October (18) September (20) August (13) July (10) June (25)",
    "Select Month November 2012 October 2012 September 2012 August 2012 July 2012 June 2012",
    "Blog Archive 10/28/12 - 11/04/12 (11) 10/21/12 - 10/28/12 (77) 10/14/12 - 10/21/12 (74) "
    "10/07/12 - 10/14/12 (64) 09/30/12 - 10/07/12 (3)",
    "Select a Tag Fluid form (195) White (179) Landscape architecture (177) Concrete (167) "
    "Random pattern (156) Stair (136)",
    # a label with punctuation among them; years of weekly archives, over 10,000 characters
    "Posts by Category Book Club (236) Behind the… (67) Calendars (1) Giveaways (45) "
    "Recipes (12) Travel (9)",
    "Blog Archive "
    + " ".join(
        f"01/{day:02}/{year} - 01/{day + 7:02}/{year} (3)"
        for year in range(2003, 2023)
        for day in range(1, 22)
    ),
]
NOT_ARCHIVE_LINES = [
    # counts in a sentence or in a list with commas; dates in a sentence
    "Results: Labour (312), Conservative (201), Lib Dem (12), SNP (6), Green (1).",
    "The bridge reopened in May 2013, June 2014, July 2015, August 2016 and September 2017.",
    "Seats: Labour (312) Conservative (201) Lib Dem (12) SNP (6) Green (1), Plaid (4), "
    "Others (2), Speaker (1).",
    # fewer than five entries
    "Smith (3) Jones (2) Brown (1) White (1)",
    "Archives November 2012 October 2012 September 2012 August 2012",
    # a long phrase before a count is no label
    "Voters who said the economy was their main concern this year (54) Others (46) "
    "Undecided (3) Refused (2) Not asked (1)",
]


def test_an_archive_widget_printed_as_one_line_goes_as_an_archive_line():
    doc = drop_sections(document([*BODY, *ARCHIVE_LINES, *NOT_ARCHIVE_LINES]))
    assert kept(doc) == [*BODY, *NOT_ARCHIVE_LINES]
    assert [(r.rule, r.category) for r in doc.removed] == [
        ("heuristic.archive-line", "navigation")
    ] * len(ARCHIVE_LINES)


@settings(max_examples=2_000, deadline=None, derandomize=True)
@given(st.text(alphabet="ab .!?…;\"'”’»«)]:,(", max_size=10))
def test_ends_sentence_reads_a_lines_tail_as_the_sentence_end_pattern_does(text):
    # a line holds no newline (before one, the pattern's $ would match too)
    assert ends_sentence(text) == bool(SENTENCE_END.search(text))


PARAGRAPH = (
    "Despite its intricate hills and valleys, a crimped bakery-style pie crust only looks "
    "tricky to make at home, and two hands and a few minutes are all it takes."
)
LABELS = [
    "Recipes",
    "Original Recipes",
    "Grilling",
    "Fast and Easy",
    "Breakfast",
    "Appetizers",
    "Soup",
    "Salads",
]


def test_a_run_of_labels_before_the_first_paragraph_goes_as_a_menu():
    title = "How to Crimp Pie Crust"
    doc = drop_sections(document([title, *LABELS, "Sign up now!", PARAGRAPH]))
    assert kept(doc) == [title, "Sign up now!", PARAGRAPH]
    assert {r.rule for r in doc.removed} == {"heuristic.leading-menu"}


def test_menu_items_a_rule_removed_count_in_the_run_of_labels():
    labels = ["Fast and Easy", "Original Recipes Today", "Best Of NY", "Give A Gift"]
    labels += ["News And Features", "Daily Intel Home"]
    texts = ["How to Crimp Pie Crust", *labels[:2], "Log In", *labels[2:4], "Register"]
    texts += [*labels[4:], "Sitemap", "Sign up now!", PARAGRAPH]
    taken = [(i, text, "navigation") for i, text in enumerate(texts) if text in LOGIN]
    doc = drop_sections(document(texts, taken))
    assert kept(doc) == ["How to Crimp Pie Crust", "Sign up now!", PARAGRAPH]
    assert {r.text for r in doc.removed if r.rule == "heuristic.leading-menu"} == set(labels)
    # six labels alone are too few: removals of another kind do not make them a menu
    ads = [(i, text, "advertising") for i, text, _ in taken]
    kept_all = [texts[0], *labels, "Sign up now!", PARAGRAPH]
    assert kept(drop_sections(document(texts, ads))) == kept_all


LOGIN = {"Log In", "Register", "Sitemap"}


def test_labels_after_the_first_paragraph_are_the_articles_own_list():
    places = ["Aliso Viejo", "Anaheim", "Anaheim Hills", "Brea", "Buena Park", "Costa Mesa"] * 2
    texts = [PARAGRAPH, *places, PARAGRAPH.replace("pie", "tart")]
    assert kept(drop_sections(document(texts))) == texts


def test_a_short_run_of_labels_or_a_page_without_a_paragraph_keeps_its_lists():
    assert kept(drop_sections(document([*LABELS[:7], PARAGRAPH]))) == [*LABELS[:7], PARAGRAPH]
    members = [*LABELS, "The club meets on Mondays."]
    assert kept(drop_sections(document(members))) == members


def test_a_data_sheets_values_break_the_run_of_its_field_names():
    sheet = [
        "Darreichungsform",
        "Tablette",
        "Wirkstoffe",
        "Chininum salicylicum",
        "Inhaltsstoffe",
        "Lactose monohydrat (Hilfsstoff)",
        "Weizenstärke (Hilfsstoff)",
        "ATC Code",
        "V60A Homöopathika",
        "Preise und Preisvergleich",
    ]
    assert kept(drop_sections(document([*sheet, PARAGRAPH]))) == [*sheet, PARAGRAPH]


def test_a_blank_line_after_a_wrapped_body_ends_no_paragraph_by_error():
    # a pipeline built without the whitespace stage hands the sections blank lines
    lines = ["The council met on Tuesday and the members of the", "", "Home"]
    assert kept(drop_sections(document(lines))) == lines


# Tag clouds as full-page text prints them (dragnet pages).
TAG_CLOUDS = [
    "android apple asterisk at&t blackberry cell phone cisco dell digium e911 fcc google google "
    "talk gps im ip-pbx ipad iphone ipod it expo",
    "Best of Web 2.0 blogging blogging guidelines blog makeover blog theme categories class "
    "blog Class Task ClustrMaps cocomment comments community digital citizenship",
]
NOT_TAG_CLOUDS = [
    # prose without punctuation; a list of names with commas; a table; code; a short line
    "we went down to the river and sat there for hours while the sun went down over the "
    "hills and nobody said a word to anyone",
    "Sam Smith, Amy Winehouse, Angelina Jolie, Beyonce, Brad Pitt, Britney Spears, Charlie "
    "Sheen, George Clooney, Gwyneth Paltrow, Justin Bieber",
    "NAME LOCATION PARTNUMBER -------------- ---------- APPENDIX MID-STOMACH ADAMS APPLE THROAT "
    "HEART CHEST SPINE BACK ANVIL EAR LIVER LUNG",
    "set-option -g mouse on set-option -s set-clipboard off bind-key -T copy-mode-vi "
    "MouseDragEnd1Pane send-keys -X copy-pipe-and-cancel xclip -se c -i",
    "android apple asterisk blackberry cisco dell",
]


def test_a_tag_cloud_printed_as_one_line_goes_in_a_language_with_common_words():
    for cloud in TAG_CLOUDS:
        texts = [BODY[0], cloud, *BODY[1:]]
        doc = drop_sections(Document.from_lines(texts, lang="en"))
        assert kept(doc) == BODY
        assert [(r.rule, r.category) for r in doc.removed] == [
            ("heuristic.tag-cloud", "boilerplate")
        ]
        # no language, no list of its common words: nothing to measure a cloud by
        assert kept(drop_sections(Document.from_lines(texts))) == texts
        extracted = Document.from_lines(texts, lang="en")
        extracted.extracted = True  # the HTML path's extractor leaves link lists out
        assert kept(drop_sections(extracted)) == texts
    others = [*NOT_TAG_CLOUDS, *BODY]
    assert kept(drop_sections(Document.from_lines(others, lang="en"))) == others
