"""Glue repair: what it splits, on what evidence, and what it must leave alone.

Each test gives a text, the language, and what repair makes of it.
"""

import dataclasses

import pytest
from cleaner import Cleaner
from cleaner.dictionary import COMMON_MIN_ZIPF
from cleaner.dictionary import WORD as DICTIONARY_WORD
from cleaner.document import Document
from cleaner.glue import DEFAULT_OPTIONS
from cleaner.glue.candidates import candidate_splits
from cleaner.glue.repair import document_context
from cleaner.ruleset import builtin_rules_dir, load_rulesets
from cleaner.stages.glue import (
    RULE_CASE,
    RULE_PUNCT,
    RULE_WORD,
    glue_lexicon,
    load_dictionary,
    repair_glue,
)
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import SEEDS

GENERIC = [rs for rs in load_rulesets([builtin_rules_dir()]) if rs.outlet is None]
LEXICON = glue_lexicon(
    *(
        [item for rs in GENERIC for item in getattr(rs, key)]
        for key in ("names", "protected_words", "glue_prefixes", "glue_suffixes")
    )
)


def repair(text: str, lang: str | None = "en", lexicon=LEXICON) -> tuple[str, list]:
    """The repaired text (lines joined by newlines) and the edits."""
    doc = repair_glue(Document.from_lines(text.split("\n"), lang=lang), lexicon)
    return "\n".join(line.text for line in doc.lines), doc.edits


def repaired(text: str, lang: str | None = "en", lexicon=LEXICON) -> str:
    return repair(text, lang, lexicon)[0]


# The three kinds, each with its own rule id.


def test_word_glued_to_a_name_is_split():
    text, [edit] = repair("He met Vladimir Putinin June 2024.")
    assert text == "He met Vladimir Putin in June 2024."
    assert (edit.before, edit.after, edit.rule) == ("Putinin", "Putin in", RULE_WORD)


def test_word_glued_to_a_word_is_split():
    assert (
        repaired("They are no longer an exceptionbut the rule.")
        == "They are no longer an exception but the rule."
    )


def test_hyphenated_name_glued_to_a_word_is_split_after_the_whole_name():
    assert repaired("Lee Jae-myungand his party won.") == "Lee Jae-myung and his party won."
    assert (
        repaired("Kim Jong-un spoke. Later Kim Jong-unsent a message.")
        == "Kim Jong-un spoke. Later Kim Jong-un sent a message."
    )


def test_lower_to_upper_case_change_is_split():
    text, [edit] = repair("He spoke to the Minister of theInterior on Monday.")
    assert text == "He spoke to the Minister of the Interior on Monday."
    assert edit.rule == RULE_CASE


def test_case_change_after_a_hyphenated_name_is_split():
    assert (
        repaired("He told AFP, Lim Eul-chulProfessor at the Institute. Eul-chul said more.")
        == "He told AFP, Lim Eul-chul Professor at the Institute. Eul-chul said more."
    )
    assert (
        repaired("he explained. Min Seong-jaeProfessor of Communication at Pace University.")
        == "he explained. Min Seong-jae Professor of Communication at Pace University."
    )


def test_sentence_punctuation_glued_to_the_next_sentence_is_split():
    text, [edit] = repair("Troops entered Ukraine.The minister denied it.")
    assert text == "Troops entered Ukraine. The minister denied it."
    assert (edit.rule, edit.evidence) == (RULE_PUNCT, "punctuation")


def test_comma_colon_and_closing_quote_glue_are_split():
    assert (
        repaired("The minister said,adding that talks would go on.")
        == "The minister said, adding that talks would go on."
    )
    assert repaired("He said:The talks are over.") == "He said: The talks are over."
    assert repaired('"It is the end."Next, he left.') == '"It is the end." Next, he left.'


# Evidence, strongest first, recorded in the edit.


def test_a_half_seen_alone_in_the_document_is_document_evidence():
    [edit] = repair("Russia invaded Ukraine. It fought in Ukraineaccording to reports.")[1]
    assert (edit.after, edit.evidence) == ("Ukraine according", "document")


def test_a_name_from_the_yaml_lists_is_names_evidence():
    [edit] = repair("He met Vladimir Putinin June.")[1]
    assert edit.evidence == "names"


def test_a_common_word_is_dictionary_evidence():
    [edit] = repair("They are no longer an exceptionbut the rule.")[1]
    assert edit.evidence == "dictionary"


def test_the_document_is_stronger_evidence_than_the_names_list():
    [edit] = repair("Putin spoke first. Later Putinin June he spoke again.")[1]
    assert edit.evidence == "document"


def test_two_words_seen_side_by_side_in_the_document_vouch_for_their_split():
    [edit] = repair("Lim Eul-chul is a professor. We asked Lim Eul-chulProfessor about it.")[1]
    assert (edit.after, edit.evidence) == ("Eul-chul Professor", "document")


def test_corpus_names_are_off_by_default_and_the_weakest_evidence_when_given():
    text = "The general Zaluzhnyisaid the front was stable."
    assert repaired(text) == text
    with_corpus = dataclasses.replace(LEXICON, corpus_names=frozenset({"Zaluzhnyi"}))
    glued, [edit] = repair(text, lexicon=with_corpus)
    assert glued == "The general Zaluzhnyi said the front was stable."
    assert edit.evidence == "corpus"


def test_without_a_dictionary_only_document_and_name_evidence_count():
    assert (
        repaired("They are no longer an exceptionbut the rule.", lang=None)
        == "They are no longer an exceptionbut the rule."
    )
    assert (
        repaired("Putin spoke in Moscow. Later Putinin June.", lang=None)
        == "Putin spoke in Moscow. Later Putin in June."
    )


def test_the_dictionary_is_loaded_once_and_absent_for_unknown_languages():
    assert load_dictionary("en") is load_dictionary("en")
    assert load_dictionary("en").zipf("the") > 7
    assert load_dictionary("xx") is None and load_dictionary(None) is None


@pytest.mark.parametrize("lang", ["en", "de"])
def test_the_dictionary_knows_every_listed_word_at_its_wordfreq_frequency(lang):
    wordfreq = pytest.importorskip("wordfreq")
    words = load_dictionary(lang)
    listed = [
        (word, wordfreq.cB_to_zipf(-index))
        for index, bucket in enumerate(
            wordfreq.read_cBpack(wordfreq.available_languages("large")[lang])
        )
        for word in bucket
    ]
    assert len(words.rare_hashes) > len(words.common) > 50_000  # the long tail is hashed
    for word, zipf in listed[::97]:
        if DICTIONARY_WORD.fullmatch(word):
            assert words.exact_zipf(word) == zipf, word
            assert words.zipf(word) == (zipf if zipf >= COMMON_MIN_ZIPF else 0.0), word
    assert words.exact_zipf("qzxwvjkl") == 0.0 and words.zipf("qzxwvjkl") == 0.0


# Guards: what only looks glued is left alone.


@pytest.mark.parametrize(
    "brand",
    [
        "iPhone",
        "eBay",
        "YouTube",
        "McDonald",
        "DeSantis",
        "LeBron",
        "OpenAI",
        "PlayStation",
        "JavaScript",
        "WhatsApp",
        "LinkedIn",
        "MacBook",
        "BlackRock",
        "ChatGPT",
    ],
)
def test_brand_and_name_casing_is_left_alone(brand):
    text = f"The report named {brand} and {brand}'s rivals."
    assert repaired(text) == text
    text = f"Yesterday {brand} said nothing."
    assert repaired(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "Bashar al-Assad met Mohammed bin Salman.",
        "Ursula von der Leyen and Rafael van der Vaart spoke.",
        "Lee Jae-myung and Kim Yo-jong were not there.",
    ],
)
def test_particles_and_hyphenated_names_are_left_alone(text):
    assert repaired(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "Follow @JaneDoeNews and #StandWithUkraine for updates.",
        "See https://example.com/Ukraine.The/PutinIn or www.Example.org/theInterior today.",
        "Write to press.office@example.com or visit bbc.co.uk and Amazon.com now.",
    ],
)
def test_handles_hashtags_urls_emails_and_domains_are_left_alone(text):
    assert repaired(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "Growth was 3.5 percent, up from 1,000 units.",
        "The talks began at 10:30 and ended at 11.45.",
        "Update to version 2.0.1 or v3.2Beta now.",
        "The Ukraine2024 plan was adopted.",
    ],
)
def test_numbers_decimals_times_and_versions_are_left_alone(text):
    assert repaired(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "The U.S.Army and the U.S. Navy were there.",
        "Some outlets, e.g.The Guardian, agreed.",
        "He read J.R.R.Tolkien as a boy.",
        "He waited...The door stayed shut.",
    ],
)
def test_abbreviations_initials_and_ellipses_are_left_alone(text):
    assert repaired(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "Call console.log(value) before stuff.bigstuff.Module loads.",
        "Set max_tokens=10 and foo.Bar() in the config.",
    ],
)
def test_code_is_left_alone(text):
    assert repaired(text) == text


def test_a_token_that_occurs_several_times_is_a_real_word():
    text = "Congressscheduled a vote. Congressscheduled another."
    assert repaired(text) == text


def test_words_the_dictionary_knows_are_not_split():
    text = "The inset map shows herein another view anew, not an onset."
    assert repaired(text) == text


def test_common_glued_function_words_are_split_although_the_dictionary_lists_them():
    assert repaired("He was inthe room.") == "He was in the room."


def test_yaml_prefixes_keep_prefixed_compounds_whole():
    text = "The rule was underinclusive and nondifferent from before."
    assert repaired(text) == text


def test_a_writer_who_habitually_omits_spaces_after_commas_is_left_alone():
    text = "Ok,so you put Dani Filth,the Ripper but not Randy Blythe,are you serious?"
    assert repaired(text) == text


def test_protected_words_from_yaml_are_never_split(tmp_path):
    text = "The Kyivpost newsletter arrived."
    rules = tmp_path / "protected.yaml"
    rules.write_text("protected_words: [Kyivpost]\n", encoding="utf-8")
    assert "Kyiv post" in Cleaner().clean(text, lang="en").text
    assert Cleaner(rules).clean(text, lang="en").text.strip() == text


# German: compounds, participles and the binnen-I are words, not glue.


@pytest.mark.parametrize(
    "text",
    [
        "Die LehrerInnen und StudentInnen streiken heute.",
        "Die Bundestrainerin lobte die Bundesregierung des Bundeslandes.",
        "Der Coronafall in der Streamingwelt blieb ohne Folgen.",
        "Die Wirklichkeit einholenden Witze und die kippender Wucht.",
    ],
)
def test_german_compounds_participles_and_binnen_i_are_left_alone(text):
    assert repaired(text, lang="de") == text


def test_german_glue_before_a_function_word_is_split():
    assert (
        repaired(
            "Die Regierung und die Opposition stritten. Der Kanzlerund die Minister schwiegen.",
            lang="de",
        )
        == "Die Regierung und die Opposition stritten. Der Kanzler und die Minister schwiegen."
    )


# Seed 001: nine glued tokens repaired, each on its own, and nothing else in any seed.

SEED_001_REPAIRS = [
    ("Jong-unsent", "Jong-un sent"),
    ("Ukraineaccording", "Ukraine according"),
    ("Putinin", "Putin in"),
    ("Congressscheduled", "Congress scheduled"),
    ("Jae-myungand", "Jae-myung and"),
    ("exceptionbut", "exception but"),
    ("Eul-chulProfessor", "Eul-chul Professor"),
    ("Ukraineeven", "Ukraine even"),
    ("Seong-jaeProfessor", "Seong-jae Professor"),
]


@pytest.fixture(scope="module")
def seed_edits(cleaner):
    return {
        seed.name[:3]: [
            (e.before, e.after)
            for e in cleaner.clean(seed.read_bytes()).edits
            if e.rule.startswith("glue.")
        ]
        for seed in sorted(SEEDS.glob("*.txt"))
    }


@pytest.mark.parametrize("before, after", SEED_001_REPAIRS, ids=[b for b, _ in SEED_001_REPAIRS])
def test_seed_001_glued_token_is_repaired(seed_edits, before, after):
    assert (before, after) in seed_edits["001"]


def test_nothing_else_in_the_seeds_is_glue_repaired(seed_edits):
    assert sorted(seed_edits.pop("001")) == sorted(SEED_001_REPAIRS)
    assert all(edits == [] for edits in seed_edits.values())


def test_chunks_set_aside_as_too_common_are_ones_chunk_repair_never_splits():
    from cleaner.glue import DEFAULT_OPTIONS
    from cleaner.glue.repair import chunk_repair, document_context, unsplittable_chunks

    common = unsplittable_chunks("en", DEFAULT_OPTIONS)
    assert {"the", "The", "THE", "don't", "don’t", "Minister"} <= common and "Putin" not in common
    text = " ".join(sorted(common))
    doc = Document.from_lines([text], lang="en")
    context = document_context(doc, LEXICON, DEFAULT_OPTIONS, common)
    assert [chunk for chunk in sorted(common) if chunk_repair(chunk, context)] == []


# The thresholds are one frozen GlueOptions.


def test_options_are_frozen_and_reach_the_verdict():
    from cleaner.glue import GlueOptions

    options = GlueOptions()
    with pytest.raises(dataclasses.FrozenInstanceError):
        options.min_word_pair_zipf = 0.0
    text = "He met Vladimir Putinin June 2024."
    strict = GlueOptions(min_word_pair_zipf=10.0)  # no pair of words is this likely
    doc = repair_glue(Document.from_lines([text], lang="en"), LEXICON, strict)
    assert doc.edits == [] and repaired(text) == "He met Vladimir Putin in June 2024."


def test_a_split_records_its_halves_rule_evidence_and_score():
    from cleaner.glue import DEFAULT_OPTIONS, Split
    from cleaner.glue.repair import document_context
    from cleaner.glue.scoring import best_split

    text = "He met Vladimir Putinin June 2024."
    doc = Document.from_lines([text], lang="en")
    split = best_split("Putinin", document_context(doc, LEXICON, DEFAULT_OPTIONS, {"Putinin"}))
    assert isinstance(split, Split)
    assert (split.left, split.right, split.rule, split.evidence) == (
        "Putin",
        "in",
        RULE_WORD,
        "names",
    )
    assert split.score[0] == 3  # names: the second strongest evidence


@settings(max_examples=300, deadline=None, derandomize=True)
@given(
    st.lists(
        st.sampled_from(["word", "glued\n", "é'ß-q", "tab\t", "two words", "x" * 40_000, "\n"]),
        max_size=12,
    )
)
def test_a_long_text_is_listed_in_slices_with_the_same_tokens_chunks_and_count(pieces):
    from cleaner.glue.tokens import TOKEN_OR_LINE_BREAK, lines_tokens
    from cleaner.slices import joined_slices, text_chunks, text_slices, word_count

    text = " ".join(pieces)
    lines = text.split("\n")
    assert "".join(text_slices(text)) == text
    assert "".join(joined_slices(lines)) == text
    assert list(lines_tokens(lines)) == TOKEN_OR_LINE_BREAK.findall(text)
    assert text_chunks(text) == set(text.split())
    assert word_count(text) == len(text.split())


def test_candidate_splits_given_right_halves_lists_only_those():
    every = candidate_splits("theminister")
    assert len(every) == 10 and ("the", "minister", RULE_WORD) in every
    assert candidate_splits("theminister", frozenset({"minister"})) == (
        ("the", "minister", RULE_WORD),
    )
    assert candidate_splits("NFLquarterback", frozenset({"minister"})) == ()
    # casefolding "ß" to "ss" moves every later position: each half is folded alone
    assert candidate_splits("Straßeund", frozenset({"und"})) == (("Straße", "und", RULE_WORD),)
    assert candidate_splits("awe-inspiring", frozenset({"we", "inspiring"})) == (
        ("a", "we-inspiring", RULE_WORD),
    )


def test_a_pair_with_an_absent_token_is_answered_without_listing_pairs():
    doc = Document.from_lines(["New York is big.", "The Yorkshire moors."], lang="en")
    context = document_context(doc, LEXICON, DEFAULT_OPTIONS, {"NewYork", "YorkThe"})
    assert not context.seen_together("Old", "York")
    assert "pairs" not in vars(context)  # the cached property was never computed
    assert context.seen_together("New", "York")
    assert not context.seen_together("York", "The")  # a line break parts them


def test_only_the_pairs_a_pass_may_ask_about_are_listed():
    # a long text's pairs, all listed, took 330 MB (2.7 million tokens): only the halves of
    # the splits weighed for the chunks being decided are looked for
    text = "New York is big. Old Town is old. New York again."
    doc = Document.from_lines([text], lang="en")
    context = document_context(doc, LEXICON, DEFAULT_OPTIONS, {"NewYork", "is"})
    assert ("New", "York") in context.asked and ("Old", "Town") not in context.asked
    assert context.seen_together("New", "York")
    assert context.pairs == {("New", "York")}


def test_a_text_with_more_candidate_words_than_the_bound_is_left_as_it_is(monkeypatch):
    from cleaner.glue import repair

    text = "He met Vladimir Putinin June 2024 and spoke of Ukraineaccording to aides."
    assert (
        repaired(text)
        == "He met Vladimir Putin in June 2024 and spoke of Ukraine according to aides."
    )
    # random words or a dump weigh every rare word and the pairs of their halves: past the
    # bound (here one candidate), the pass gives up before weighing any
    monkeypatch.setattr(repair, "MAX_LIVE_CHUNKS", 1)
    monkeypatch.setattr(repair, "document_context", None)  # never reached
    assert repaired(text) == text
