"""Learning a person would keep: rules merged into the outlet that owns the domain, readable
ids, guessed categories, keep examples from the corpus's own articles, no headline learned
from other pages' teasers, template blocks, copies counted once, the domain fallback."""

import yaml
from cleaner.batch.learned_rules import guess_category, readable_id
from cleaner.batch.line_counts import GroupCounts

from batch_corpus import cli, read_jsonl, write_jsonl

WORDS = (
    "river harbour council budget winter school railway museum orchard bridge "
    "market theatre library forest valley garden"
).split()
FOOTER = "Printed in the Gazette weekend edition"


def story(i: int) -> str:
    """A unique article sentence of document i."""
    words = " ".join(WORDS[(i * 7 + k * 3) % len(WORDS)] for k in range(10))
    return f"The {WORDS[i % len(WORDS)]} report: {words} and the {WORDS[(i * 5) % 16]} as well."


def gazette(tmp_path, docs: int, extra=lambda i: [], lead=lambda i: []) -> str:
    """`docs` pages of one domain: lines `lead(i)`, an article sentence, `extra(i)`, FOOTER."""
    rows = [
        {
            "id": str(i),
            "text": "\n".join([*lead(i), story(i), *extra(i), FOOTER]) + "\n",
            "url": f"https://www.gazette.example/{i}",
        }
        for i in range(docs)
    ]
    return write_jsonl(tmp_path / "in.jsonl", rows)


def learned(tmp_path, source, *args) -> dict:
    assert cli("learn", source, "-o", tmp_path / "rules", "--by", "domain", *args) == 0
    return yaml.safe_load((tmp_path / "rules" / "learned-gazette-example.yaml").read_text())


def test_learned_rules_join_the_outlet_that_owns_the_domain(tmp_path):
    hand = tmp_path / "hand"
    hand.mkdir()
    (hand / "gazette.yaml").write_text(
        "outlet: gazette\ndomains: [gazette.example]\nrules: []\n", encoding="utf-8"
    )
    source = gazette(tmp_path, 6)
    data = learned(tmp_path, source, "--rules", hand)
    assert data["outlet"] == "gazette" and "domains" not in data
    out = tmp_path / "out.jsonl"
    assert cli("batch", source, "-o", out, "--rules", hand, "--rules", tmp_path / "rules") == 0
    assert not any(FOOTER in r["text"] for r in read_jsonl(out))


def test_ids_are_readable_unique_and_stable():
    taken: set[str] = set()
    assert readable_id("About this capture", taken) == "about-this-capture"
    assert readable_id("ABOUT this capture!", taken) == "about-this-capture-2"
    assert readable_id("Updated 3 May 2025, see the archive today", set()) == (
        "updated-may-see-the-archive"
    )
    assert readable_id("Café Zürich", set()) == "cafe-zurich"
    assert readable_id("新闻中心", set()) == "line"


def test_short_labels_are_navigation_and_notices_boilerplate():
    assert guess_category("Home Delivery") == "navigation"
    assert guess_category("News | Sport | Weather and Traffic | Local") == "navigation"
    assert guess_category("Comments are moderated and may take a day to appear.") == "boilerplate"
    assert guess_category(FOOTER) == "boilerplate"


def test_a_learned_menu_label_lets_heuristic_menu_take_the_rest_of_its_menu(tmp_path):
    # each page has "Home Delivery" and one label of its own next to it
    source = gazette(tmp_path, 6, lambda i: ["Home Delivery", WORDS[i].capitalize()])
    out = tmp_path / "out.jsonl"
    assert cli("batch", source, "-o", out, "--learned-boilerplate", "--by", "domain") == 0
    rules = yaml.safe_load(
        (tmp_path / "out.jsonl.learned/learned-gazette-example.yaml").read_text()
    )
    assert {r["id"]: r["category"] for r in rules["rules"]}["home-delivery"] == "navigation"
    assert [r["text"] for r in read_jsonl(out)] == [story(i) + "\n" for i in range(6)]


def test_keep_examples_are_the_corpus_own_article_lines(tmp_path):
    data = learned(tmp_path, gazette(tmp_path, 6))
    keep = data["rules"][0]["examples"]["keep"][0]
    assert keep in {story(i) for i in range(6)}


def test_another_documents_headline_is_never_learned(tmp_path):
    headline = "Mayor opens the new river bridge"

    def teasers(i):  # document 0 is the article; five others list it among their teasers
        return [] if i == 0 else ["Gazette picks", headline]

    def title(i):
        return [headline] if i == 0 else []

    data = learned(tmp_path, gazette(tmp_path, 6, teasers, title))
    drops = [r["examples"]["drop"][0] for r in data["rules"]]
    assert "Gazette picks" in drops and FOOTER in drops
    assert headline not in drops


def test_a_template_block_is_learned_below_the_share_threshold():
    group = GroupCounts()
    for i in range(20):
        menu = ["Theatre Listings", "Gallery Guide"] if i < 2 else []
        group.add([story(i), *menu, f"Edition {i}"])
    learned = [r.text for r in group.recurring(min_docs=5, min_share=0.2)]
    assert "Theatre Listings" in learned and "Gallery Guide" in learned


TEASERS = [
    "The council voted to close the harbour bridge for the winter.",
    "A new museum opens in the old railway station next spring.",
]


def page(i: int, river: list[str], headline: str | None = None) -> list[str]:
    """Document i: a headline, two article sentences, a river of teasers, a footer."""
    name = chr(ord("a") + i) * 3
    second = f"Story {name} says a little more about it in this second sentence."
    return [headline or f"Headline {name}", story(i), second, *river, FOOTER]


def test_a_river_of_teasers_on_two_stories_pages_is_learned():
    group = GroupCounts()
    for i in range(20):
        group.add(page(i, TEASERS if i in (3, 11) else []))
    learned = [r.text for r in group.recurring(min_docs=5, min_share=0.2)]
    assert set(TEASERS) <= set(learned)
    assert not {story(3), story(11)} & set(learned)


def test_sentences_of_two_captures_of_one_story_are_not_teasers():
    later = "The bridge will reopen in April once the repairs are done."
    group = GroupCounts()
    for i in range(20):
        river = [later, TEASERS[0]] if i == 3 else [later, TEASERS[1]] if i == 11 else []
        group.add(page(3 if i == 11 else i, river, "Bridge closed" if i in (3, 11) else None))
    assert group.docs == 20  # not copies: each capture has another teaser
    assert later not in [r.text for r in group.recurring(min_docs=5, min_share=0.2)]


def test_sentences_of_two_captures_of_one_page_under_a_new_headline_are_not_teasers():
    later = "The bridge will reopen in April once the repairs are done."
    group = GroupCounts()
    for i in range(20):
        if i in (3, 11):  # one page captured twice: the headline updated, the teaser another
            headline = "Bridge closed, five hurt" if i == 11 else "Bridge closed, three hurt"
            lines = page(3, [later, TEASERS[i == 11]], headline)
            group.add(lines, url="https://www.gazette.example/bridge#top")
        else:
            group.add(page(i, []), url=f"https://www.gazette.example/{i}")
    assert later not in [r.text for r in group.recurring(min_docs=5, min_share=0.2)]


def test_a_teaser_that_opens_another_document_is_its_standfirst_and_stays():
    group = GroupCounts()
    for i in range(20):
        group.add(page(i, TEASERS if i in (3, 11) else []))
    group.add_leads(["Bridge to close", TEASERS[0], "The council met on Monday night again."])
    learned = [r.text for r in group.recurring(min_docs=5, min_share=0.2)]
    assert TEASERS[0] not in learned and TEASERS[1] in learned


def test_a_formula_amid_each_articles_own_paragraphs_is_not_learned(tmp_path):
    marker = "(Story continues below)"

    def body(i):  # the marker and an ad label between two paragraphs of the story's own
        story = f"Story {chr(ord('a') + i) * 3} goes on here, said one."
        return [marker, "Gazette Partner Message", story]

    data = learned(tmp_path, gazette(tmp_path, 6, body))
    drops = [r["examples"]["drop"][0] for r in data["rules"]]
    assert FOOTER in drops and "Gazette Partner Message" in drops
    assert marker not in drops


def test_a_headline_amid_a_rivers_recurring_teasers_is_learned():
    group = GroupCounts()
    for i in range(20):
        river = [TEASERS[0], "Bridge Closes for Winter", TEASERS[1]] if i in (3, 11) else []
        group.add(page(i, river))
    learned = {r.text: r for r in group.recurring(min_docs=2, min_share=0.0)}
    assert not learned["Bridge Closes for Winter"].in_article


def test_a_copy_of_a_document_is_counted_once():
    group = GroupCounts()
    for _ in range(6):
        group.add([story(1), "Syndicated from the wire"])
    assert group.docs == 1 and group.recurring(min_docs=2, min_share=0.0) == []


def test_by_outlet_falls_back_to_the_domain_and_says_so(tmp_path, capsys):
    source = gazette(tmp_path, 6)
    assert cli("learn", source, "-o", tmp_path / "rules") == 0
    data = yaml.safe_load((tmp_path / "rules" / "learned-gazette-example.yaml").read_text())
    assert (data["outlet"], data["domains"]) == ("gazette-example", ["gazette.example"])
    assert "6 documents of no outlet grouped by their URL domain" in capsys.readouterr().err
