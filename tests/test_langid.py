"""The port of langdetect gives langdetect's answers (langdetect stays the reference)."""

import random
import unicodedata

import numpy as np
import pytest
from cleaner.langid import langdetect_verdict, reference_detect
from cleaner.langid.draws import SeededDraws
from cleaner.langid.langdetect_port import SEED, profiles
from cleaner.langid.trials import TRIALS, leader_settled
from cleaner.stages.language import language_sample

from conftest import SEEDS

SAMPLES = [
    "Die Bundesregierung hat am Mittwoch ein neues Gesetz beschlossen.",
    "El gobierno anunció el lunes nuevas medidas para reducir el precio.",
    "Le gouvernement a annoncé lundi de nouvelles mesures contre la vie chère.",
    "Rząd przyjął w środę projekt ustawy o ochronie lokatorów.",
    "Привет, как дела? Это тест на русском языке, сказал он.",
    "这是一个中文句子，用来测试语言检测。",
    "これは日本語の文章です。テストします。",
    "안녕하세요 이것은 한국어 문장입니다",
    "مرحبا هذا نص باللغة العربية",
    "Xin chào, đây là một câu tiếng Việt.",
    "NATO AND THE UN SAID ON MONDAY",
    "see https://example.com/a?b=c or mail desk@example.com",
    "12345 !!! ---",
    "",
    "Ça coûte 5 € — «très cher» ,  dit-il  .  ÀÉÎ õü ß",
    unicodedata.normalize("NFD", "Xin chào, đây là một câu tiếng Việt được viết rời dấu."),
]


def seed_texts() -> list[str]:
    return [language_sample(p.read_text().splitlines(), 2_000) for p in sorted(SEEDS.glob("*.txt"))]


@pytest.mark.parametrize("text", SAMPLES + seed_texts())
def test_same_answer_as_langdetect(text):
    assert langdetect_verdict(text) == reference_detect(text)


def test_same_answer_on_random_slices():
    rng = random.Random(5)
    texts = seed_texts() + SAMPLES
    for _ in range(60):
        text = rng.choice(texts)
        start = rng.randrange(max(1, len(text)))
        piece = text[start : start + rng.randrange(5, 400)]
        assert langdetect_verdict(piece) == reference_detect(piece), piece


@pytest.mark.parametrize("text", ["e", "in", "pro", "test"])
def test_same_answer_when_trials_run_long_or_hit_the_iteration_limit(text):
    assert langdetect_verdict(text) == reference_detect(text)


@pytest.mark.parametrize("n", [1, 2, 7, 1_000, 4_097])
def test_seeded_draws_are_random_randoms_gauss_and_choice(n):
    rng, draws = random.Random(SEED), SeededDraws(n)
    for count in (1, 40, 3_000):
        assert draws.gauss() == rng.gauss(0.0, 1.0)
        values, drawn_at = draws.peek(count)
        assert values.tolist() == [rng.choice(range(n)) for _ in range(count)]
        draws.position = int(drawn_at[-1]) + 1


def test_the_profile_matrix_holds_langdetects_own_probabilities_bit_for_bit():
    from langdetect import detector_factory

    detector_factory.init_factory()
    factory = detector_factory._factory
    p = profiles()
    assert p.langs == tuple(factory.langlist)
    assert set(p.rows) == set(factory.word_lang_prob_map)
    for gram, probs in factory.word_lang_prob_map.items():
        assert p.probs[p.rows[gram]].tolist() == probs, gram


def test_trials_stop_only_when_the_rest_cannot_change_the_leader():
    # Four of seven trials all for one language: three more can give a rival at most 3/7.
    assert leader_settled(np.array([4 / TRIALS, 0.0, 0.0]), trials_left=3)
    assert not leader_settled(np.array([3 / TRIALS, 0.0, 1 / TRIALS]), trials_left=3)
    assert not leader_settled(np.array([3.5 / TRIALS, 0.5 / TRIALS]), trials_left=3)
    assert leader_settled(np.array([0.5, 0.5]), trials_left=0)


@pytest.mark.parametrize(
    "text, trials",
    [
        ("Die Bundesregierung hat am Mittwoch ein Gesetz beschlossen.", 4),
        ("Le conseil a voté. El consejo votó.", TRIALS),
    ],
)
def test_trials_run_as_long_as_the_leader_is_open_and_agree(monkeypatch, text, trials):
    from cleaner.langid import trials as trials_module

    ran = []
    trial = trials_module.trial
    monkeypatch.setattr(trials_module, "trial", lambda *args: ran.append(1) or trial(*args))
    assert langdetect_verdict(text) == reference_detect(text)
    assert len(ran) == trials
