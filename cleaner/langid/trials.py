"""Detector._detect_block's seeded random trials on numpy, bit for bit: the profiles are one
matrix, the draws between two normalisations are multiplied in row by row (langdetect's
order), and sums are Python's. The trials stop once the leader is settled."""

import numpy as np

from .draws import SeededDraws
from .langdetect_port import Settings

# langdetect's per-detector setting (an instance attribute of its Detector, so restated
# here): random trials averaged.
TRIALS = 7
# langdetect normalises after the first draw and then after every BLOCK draws.
BLOCK = 5
# Rounding allowance when deciding that the remaining trials cannot change the leader.
SETTLED_ALLOWANCE = 1e-9
# Normalisations prepared at once when a trial starts (doubled while it goes on): most
# trials end within 12 (median 9 on the trafilatura-eval pages).
FIRST_STEPS = 12


def trial_scores(settings: Settings, probs: np.ndarray, grams: list[int]) -> np.ndarray:
    """The seeded trials, averaged: per-language probabilities. The trials stop early once
    the leader is settled (`leader_settled`): the language with the highest score is then
    the one all TRIALS would give, though the scores are partial."""
    draws = SeededDraws(len(grams))
    total = np.zeros(probs.shape[1])
    for done in range(1, TRIALS + 1):
        alpha = settings.alpha_default + draws.gauss() * settings.alpha_width
        total += trial(settings, probs, grams, alpha / settings.base_freq, draws) / TRIALS
        if leader_settled(total, TRIALS - done):
            break
    return total


def leader_settled(total: np.ndarray, trials_left: int) -> bool:
    """True when the trials left cannot change which language leads `total`: each trial adds
    a probability vector (summing to 1) over TRIALS, so no language can gain more than
    trials_left / TRIALS. A small allowance covers rounding."""
    if trials_left == 0:
        return True
    second, first = np.partition(total, -2)[-2:]
    settled: bool = first - second > trials_left / TRIALS + SETTLED_ALLOWANCE
    return settled


def trial(
    settings: Settings, probs: np.ndarray, grams: list[int], weight: float, draws: SeededDraws
) -> np.ndarray:
    """One trial: from even odds, multiply in (weight + the probabilities) of n-grams drawn at
    random, normalising after the first draw and then after every BLOCK, until one language
    passes conv_threshold or iteration_limit is reached; the draws move past those used."""
    prob: np.ndarray = np.full(probs.shape[1], 1.0 / probs.shape[1])
    most_steps = settings.iteration_limit // BLOCK + 1
    done, wanted = 0, FIRST_STEPS
    while True:  # in rounds of steps: draws are looked at ahead, but only those used consumed
        picks, drawn_at = draws.peek(draws_for(wanted))
        rows = [grams[pick] for pick in picks[draws_for(done) :].tolist()]
        steps = normalisation_steps(probs, rows, weight, first=done == 0)
        steps[0, 0] = prob
        last_draws = range(BLOCK * done, BLOCK * wanted, BLOCK)
        # Not strict: `steps` ends in a free row that takes the last product, not a step itself.
        for step, prob, last_draw in zip(steps, steps[1:, 0], last_draws, strict=False):
            np.multiply.reduce(step, axis=0, out=prob)  # row by row: langdetect's order
            top = normalize_prob(prob)
            if top > settings.conv_threshold or last_draw >= settings.iteration_limit:
                draws.position = int(drawn_at[last_draw]) + 1
                return prob
        done, wanted = wanted, min(2 * wanted, most_steps)


def draws_for(steps: int) -> int:
    """The draws before the first `steps` normalisations: one, then BLOCK more for each."""
    return max(0, BLOCK * steps - BLOCK + 1)


def normalize_prob(prob: np.ndarray) -> float:
    """Detector._normalize_prob, in place: `prob` over its sum (Python's, so rounded as
    langdetect rounds it); the largest probability."""
    values = prob.tolist()
    total = sum(values)
    np.divide(prob, total, out=prob)
    largest: float = max(values) / total  # the largest quotient: division rounds monotonically
    return largest


def normalisation_steps(
    probs: np.ndarray, rows: list[int], weight: float, first: bool
) -> np.ndarray:
    """Per normalisation, a free row for the running probabilities, then the rows (+ weight)
    multiplied into them; one more free row at the end. The first draw is a step of its own,
    padded with rows of ones (exact no-ops)."""
    langs = probs.shape[1]
    taken = probs.take(rows, axis=0)
    steps = np.empty((len(rows) // BLOCK + first + 1, BLOCK + 1, langs))
    if first:
        steps[0, 2:] = 1.0
        np.add(taken[0], weight, out=steps[0, 1])
    np.add(taken[first:].reshape(-1, BLOCK, langs), weight, out=steps[first:-1, 1:])
    return steps
