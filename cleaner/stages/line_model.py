"""The learned line model: a logistic regression over line features (line_features.py)
scores each kept line's chance of being noise; lines at or above the model's threshold go.

The model is data, like a rule file: cleaner/models/line_model.json, written by
bench/train_line_model.py with a fixed seed, holds the feature names, the standardisation,
the weights, the bias and the threshold. Each removal carries rule `model.line` and, as its
evidence, the score and the features that pushed it up most, for `cleaner explain`.
Protected lines are never scored away.
"""

import json
import math
from pathlib import Path
from typing import Any

import numpy as np

from ..document import Document, RuleInfo
from ..line_features import FEATURE_NAMES, line_features

RULE = "model.line"
MODEL_PATH = Path(__file__).resolve().parent.parent / "models" / "line_model.json"
MODEL_VERSION = 1
# The evidence names this many features, those that pushed the score up most.
EVIDENCE_FEATURES = 3


class LineModel:
    """Built once from a model file (or its parsed dict); `stage(doc)` drops the lines it
    scores as noise."""

    name = "line_model"
    rule_ids = (
        RuleInfo(
            RULE,
            "boilerplate",
            "a line the learned line model scores as page furniture (menus, "
            "teasers, footers): its score and deciding features are the evidence",
        ),
    )

    def __init__(self, model: dict[str, Any] | None = None):
        model = model if model is not None else json.loads(MODEL_PATH.read_text(encoding="utf-8"))
        if model.get("version") != MODEL_VERSION or tuple(model["features"]) != FEATURE_NAMES:
            raise ValueError(
                f"line model: version {model.get('version')} with features "
                f"{model.get('features')} does not fit this cleaner's "
                f"{FEATURE_NAMES}; retrain it with bench/train_line_model.py"
            )
        self.means = np.array(model["means"], dtype=float)
        self.scales = np.array(model["scales"], dtype=float)
        self.weights = np.array(model["weights"], dtype=float)
        self.bias = float(model["bias"])
        self.threshold = float(model["threshold"])

    def contributions(self, features: np.ndarray) -> np.ndarray:
        """Each line's per-feature contribution to its log-odds of noise, from its row of
        line_features (NaN counts as the training mean: no contribution)."""
        standard = (features - self.means) / self.scales
        contributions: np.ndarray = np.nan_to_num(standard, nan=0.0) * self.weights
        return contributions

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        """Each line's probability of being noise, from its row of line_features."""
        logits = self.contributions(features).sum(axis=1) + self.bias
        probabilities: np.ndarray = 1.0 / (1.0 + np.exp(-logits))
        return probabilities

    def scores(self, texts: list[str], lang: str | None) -> np.ndarray:
        """Each line's probability of being noise."""
        return self.probabilities(line_features(texts, lang))

    def __call__(self, doc: Document) -> None:
        if not doc.lines:
            return
        parts = self.contributions(line_features([line.text for line in doc.lines], doc.lang))
        logits = parts.sum(axis=1) + self.bias
        rows = zip(doc.lines, parts, logits, strict=True)
        noise = [
            (line, part, logit)
            for line, part, logit in rows
            if not line.protected_by and sigmoid(logit) >= self.threshold
        ]
        if noise:
            doc.drop(
                [line for line, _, _ in noise],
                RULE,
                "boilerplate",
                [evidence(part, logit) for _, part, logit in noise],
            )


def sigmoid(logit: float) -> float:
    return 1.0 / (1.0 + math.exp(-logit))


def evidence(parts: np.ndarray, logit: float) -> str:
    """'score 0.97; short_run +1.21, common_words +0.80, ...': the noise probability and the
    features that raised it most."""
    top = np.argsort(-parts, kind="stable")[:EVIDENCE_FEATURES]
    named = ", ".join(f"{FEATURE_NAMES[i]} {parts[i]:+.2f}" for i in top if parts[i] > 0)
    return f"score {sigmoid(logit):.2f}; {named}" if named else f"score {sigmoid(logit):.2f}"
