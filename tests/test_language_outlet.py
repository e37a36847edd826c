"""Language detection (deterministic) and outlet resolution (argument > URL > fingerprint)."""

import pytest
from cleaner import CleanerError

from conftest import SEEDS

GERMAN = (
    "Die Bundesregierung hat am Mittwoch ein neues Gesetz beschlossen, das die "
    "Mieten in den Großstädten begrenzen soll. Kritiker halten es für unzureichend.\n"
)


def test_language_is_detected(cleaner):
    assert cleaner.clean(GERMAN).lang == "de"
    assert cleaner.clean((SEEDS / "000_8eaadd74f4a6cdc6.txt").read_bytes()).lang == "en"


def test_a_long_line_of_dates_is_left_out_of_the_sample(cleaner):
    """The longest line of a blog's page may be its archive widget, dates that name no
    language: the sample is the longest lines that are mostly letters."""
    archive = "Blog Archive " + " ".join(
        f"10/{day:02}/12 - 10/{day + 7:02}/12 (11)" for day in range(1, 20)
    )
    assert len(archive * 6) > 2_000  # longer than the whole sample (lang_sample_chars)
    page = "\n".join([archive * 6, GERMAN])
    assert cleaner.clean(page).lang == "de"


def test_language_detection_is_deterministic(cleaner):
    short = "Ja, nein, vielleicht: das ist hier die Frage, sagte er.\n"
    assert len({cleaner.clean(short).lang for _ in range(10)}) == 1


def test_explicit_language_wins(cleaner):
    assert cleaner.clean(GERMAN, lang="nl").lang == "nl"


def test_too_little_text_leaves_language_unknown(cleaner):
    assert cleaner.clean("OK\n").lang is None


def test_outlet_from_url_domain_and_subdomain(cleaner):
    text = "Plain text with no fingerprint at all, just a sentence.\n"
    assert cleaner.clean(text, url="https://www.wionews.com/world/x").outlet == "wion"
    assert cleaner.clean(text, url="https://edition.wionews.com/x").outlet == "wion"
    assert cleaner.clean(text, url="https://notwionews.com/x").outlet is None


def test_outlet_from_fingerprint(cleaner):
    assert (
        cleaner.clean((SEEDS / "004_897e2be7a6219180.txt").read_bytes()).outlet == "themoscowtimes"
    )
    assert cleaner.clean((SEEDS / "002_c030cb0ac6bde85c.txt").read_bytes()).outlet == "kurdistan24"


def test_explicit_outlet_beats_url_and_fingerprint(cleaner):
    seed = (SEEDS / "003_2f03f54e6a2667db.txt").read_bytes()
    assert cleaner.clean(seed, url="https://themoscowtimes.com/a").outlet == "themoscowtimes"
    assert cleaner.clean(seed, outlet="infobae", url="https://wionews.com/a").outlet == "infobae"


def test_unknown_outlet_is_a_clear_error(cleaner):
    with pytest.raises(CleanerError, match=r"unknown outlet 'nope'; known outlets: .*wion"):
        cleaner.clean("text\n", outlet="nope")


def test_outlet_files_language_is_used_instead_of_detection(cleaner):
    german = GERMAN.encode()
    assert cleaner.clean(german, url="https://www.wionews.com/x").lang == "en"  # wion.yaml: lang en
    assert cleaner.clean(german, url="https://www.infobae.com/x").lang == "de"  # no lang: detected
    assert cleaner.clean(german, url="https://www.wionews.com/x", lang="fr").lang == "fr"


def test_the_fingerprint_prefilter_finds_the_outlet_each_fingerprint_would(cleaner):
    from cleaner.document import Document
    from cleaner.stages.outlet import outlet_by_fingerprint

    prefilter = cleaner.stage("outlet").prefilter
    assert prefilter is not None
    for path in sorted(SEEDS.glob("*.txt")):
        lines = path.read_text().splitlines()
        for start in range(0, len(lines), 7):  # every slice of a seed, fingerprint or not
            doc = Document.from_lines(lines[start : start + 7])
            assert outlet_by_fingerprint(doc, cleaner.outlets, prefilter) == outlet_by_fingerprint(
                doc, cleaner.outlets, None
            ), (path.name, start)
