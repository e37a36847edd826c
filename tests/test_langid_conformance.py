"""cleaner.langid.langdetect_verdict gives langdetect's own seeded verdict (the versions pinned
in pyproject.toml) on a few hundred texts built deterministically from the repository: every
line of the seeds, the example lines of the bundled rules, and sentences drawn with a fixed
seed from wordfreq's word lists of twelve languages, short and long."""

import random
from pathlib import Path

import pytest
import wordfreq
import yaml
from cleaner.langid import langdetect_verdict, reference_detect

from conftest import SEEDS

RULES = Path(__file__).resolve().parent.parent / "rules"
WORDFREQ_LANGS = ("en", "de", "fr", "es", "it", "pt", "nl", "pl", "ru", "tr", "sv", "ca")
SENTENCES_PER_LANG = 16
MIN_CHARS = 12  # shorter lines are mostly "Facebook", "***": they add no coverage


def seed_lines() -> list[str]:
    lines = (
        line.strip()
        for path in sorted(SEEDS.glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
    )
    return [line for line in lines if len(line) >= MIN_CHARS]


def rule_examples() -> list[str]:
    found = []
    for path in sorted(RULES.rglob("*.yaml")):
        for rule in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("rules", []):
            for key in ("drop", "keep"):
                found += [
                    t for t in (rule.get("examples") or {}).get(key, []) if len(t) >= MIN_CHARS
                ]
    return sorted(set(found))


def wordfreq_sentences() -> list[str]:
    """Sentences of 3 to 40 words drawn from each language's 2,000 commonest words."""
    rng, found = random.Random(13), []
    for lang in WORDFREQ_LANGS:
        words = wordfreq.top_n_list(lang, 2_000)
        found.extend(
            " ".join(rng.choice(words) for _ in range(rng.randint(3, 40)))
            for _ in range(SENTENCES_PER_LANG)
        )
    return found


TEXTS = seed_lines() + rule_examples() + wordfreq_sentences()


def test_the_texts_number_a_few_hundred():
    assert len(TEXTS) >= 300


@pytest.mark.parametrize("text", TEXTS, ids=[f"{i}" for i in range(len(TEXTS))])
def test_detect_gives_langdetects_verdict(text):
    assert langdetect_verdict(text) == reference_detect(text)
