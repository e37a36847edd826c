"""The labelled lines the line model is trained on, and the page scores it is judged by
(used by train_line_model.py; see its docstring for how lines are labelled)."""

import gzip
import hashlib
import json
import re
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from cleaner import Cleaner
from cleaner.line_features import line_features
from cleaner.ruleset import builtin_rules_dir
from cleaner.stages.line_model import LineModel

import corpora

RULES = builtin_rules_dir()
TOKEN = re.compile(r"\w+")
# Tokens in a run this long that the gold text also has are matched (see train_line_model.py).
MATCH_NGRAM = 3
# A line is content when at least this share of its tokens is matched.
MATCH_SHARE = 0.5
SPACE = re.compile(r"\s+")
# Bump when the labelling or the lines recorded change: the cache of labelled lines is keyed by it.
LABELS_VERSION = 1


@dataclass
class Doc:
    """The lines of one input as the line model sees them, with their labels
    (1 noise, 0 content, -1 unknown) and token counts."""

    dataset: str
    page: str
    kind: str
    texts: list[str]
    lang: str | None
    protected: np.ndarray
    labels: np.ndarray

    def __post_init__(self):
        self.features = line_features(self.texts, self.lang)
        self.tokens = np.array([len(TOKEN.findall(t)) for t in self.texts])


def with_stage(stage) -> Cleaner:
    """A Cleaner whose line model stage is `stage`."""
    return Cleaner(line_model=True).wrapped(lambda s: stage if s.name == LineModel.name else s)


class Recorder:
    """Stands in for the line model inside a Cleaner: keeps the lines it would see."""

    name = LineModel.name
    rule_ids = ()

    def __init__(self):
        self.cleaner = with_stage(self)
        self.seen = None

    def __call__(self, doc) -> None:
        self.seen = (
            [line.text for line in doc.lines],
            [bool(line.protected_by) for line in doc.lines],
            doc.lang,
        )

    def lines(self, text: str, url: str | None):
        self.seen = ([], [], None)
        self.cleaner.clean(text, url=url, fmt="text")
        return self.seen


def label_by_truth(texts: list[str], truth: str) -> list[int]:
    """0 for lines mostly inside n-grams the gold text has, else 1."""
    gold = [t.lower() for t in TOKEN.findall(truth)]
    n = MATCH_NGRAM if len(gold) >= MATCH_NGRAM else 1
    grams = {tuple(gold[i : i + n]) for i in range(len(gold) - n + 1)}
    tokens, owner = [], []
    for index, text in enumerate(texts):
        words = [t.lower() for t in TOKEN.findall(text)]
        tokens += words
        owner += [index] * len(words)
    matched = np.zeros(len(tokens), dtype=bool)
    for i in range(len(tokens) - n + 1):
        if tuple(tokens[i : i + n]) in grams:
            matched[i : i + n] = True
    hits, counts = np.zeros(len(texts)), np.zeros(len(texts))
    np.add.at(hits, owner, matched)
    np.add.at(counts, owner, 1)
    return [-1 if c == 0 else int(h / c < MATCH_SHARE) for h, c in zip(hits, counts, strict=True)]


def normal(text: str) -> str:
    return SPACE.sub(" ", text).strip().lower()


def label_by_snippets(texts: list[str], page: corpora.Page) -> list[int]:
    """0 for lines holding a `with` snippet, 1 for those holding a `without` one, else -1."""
    keep = [normal(s) for s in page.with_snippets]
    drop = [normal(s) for s in page.without_snippets]
    return [
        0 if any(s in text for s in keep) else 1 if any(s in text for s in drop) else -1
        for text in map(normal, texts)
    ]


def page_docs(page: corpora.Page, kinds, recorder: Recorder) -> list[Doc]:
    out = []
    for kind in kinds:
        if kind == "gold" and not page.truth:
            continue
        text = page.truth if kind == "gold" else corpora.page_input(page, kind)
        texts, protected, lang = recorder.lines(text, page.url)
        labels = (
            [0] * len(texts)
            if kind == "gold"
            else label_by_truth(texts, page.truth)
            if page.truth is not None
            else label_by_snippets(texts, page)
        )
        out.append((page.dataset, page.id, kind, texts, lang, protected, labels))
    return out


def collect(dataset: str, kinds, data: Path, recorder: Recorder, pages: int | None) -> list[Doc]:
    """Every input of every page of `dataset`, as Docs; the lines and labels are cached
    (keyed by LABELS_VERSION and the rules; features are recomputed)."""
    rules = "".join(p.read_text() for p in sorted(RULES.glob("**/*.yaml")))
    key = hashlib.sha1(f"{LABELS_VERSION}{rules}{dataset}{kinds}{pages}".encode()).hexdigest()
    path = corpora.CACHE / "line_labels" / f"{key[:16]}.json.gz"
    if path.exists():
        rows = json.loads(gzip.decompress(path.read_bytes()))
    else:
        rows = [
            row
            for page in corpora.load(dataset, data)[:pages]
            for row in page_docs(page, kinds, recorder)
        ]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(gzip.compress(json.dumps(rows).encode()))
    return [
        Doc(s, p, k, t, lang, np.array(pr, dtype=bool), np.array(lab, dtype=int))
        for s, p, k, t, lang, pr, lab in rows
    ]


def bag_scores(output: str, truth: str) -> tuple[float, float, float]:
    """Bag-of-words precision, recall, F1: lower-cased whitespace tokens, multiset overlap;
    an empty truth scores 1 when the output is empty too."""
    got, want = Counter(output.lower().split()), Counter(truth.lower().split())
    if not want:
        return (1.0, 1.0, 1.0) if not got else (0.0, 1.0, 0.0)
    common = sum((got & want).values())
    precision = common / max(sum(got.values()), 1) if got else 0.0
    recall = common / sum(want.values())
    f1 = 2 * precision * recall / (precision + recall) if common else 0.0
    return precision, recall, f1


def snippet_scores(output: str, page: corpora.Page) -> tuple[float, float]:
    text = normal(output)
    kept = [normal(s) in text for s in page.with_snippets]
    absent = [normal(s) not in text for s in page.without_snippets]
    return sum(kept) / max(len(kept), 1), sum(absent) / max(len(absent), 1)


class Timed:
    """The line model, timing its calls."""

    name = LineModel.name
    rule_ids = LineModel.rule_ids

    def __init__(self, stage: LineModel):
        self.stage, self.seconds, self.calls = stage, 0.0, 0

    def __call__(self, doc) -> None:
        start = time.perf_counter()
        self.stage(doc)
        self.seconds += time.perf_counter() - start
        self.calls += 1


def page_scores(model: dict, pages: list[corpora.Page]) -> dict:
    """cleaner without and with the model on `pages`: macro bag-of-words P/R/F1 (or the
    shares of `with` snippets kept and `without` snippets absent) on the full-page and scrape
    inputs, and the model's milliseconds per page."""
    off = Cleaner(line_model=False)
    timed = Timed(LineModel(model))
    on = with_stage(timed)
    out = {}
    for name, cleaner in (("without", off), ("with", on)):
        for kind in ("fullpage", "scrape"):
            outputs = [
                cleaner.clean(corpora.page_input(p, kind), url=p.url, fmt="text").text
                for p in pages
            ]
            scores = [
                bag_scores(o, p.truth) if p.truth is not None else snippet_scores(o, p)
                for o, p in zip(outputs, pages, strict=True)
            ]
            out[f"{name}/{kind}"] = [round(float(v), 4) for v in np.mean(scores, axis=0)]
    out["model_ms_per_page"] = round(1000 * timed.seconds / max(timed.calls, 1), 3)
    return out


def gold_scores(model: dict, pages: list[corpora.Page]) -> dict:
    """The share of gold tokens cleaner loses when the gold text is its input, without and
    with the model."""
    gold = [p for p in pages if p.truth]
    total = max(sum(len(p.truth.split()) for p in gold), 1)
    on = with_stage(LineModel(model))
    return {
        f"{name}/gold_loss": round(sum(gold_lost(cleaner, p) for p in gold) / total, 5)
        for name, cleaner in (("without", Cleaner(line_model=False)), ("with", on))
    }


def gold_lost(cleaner: Cleaner, page: corpora.Page) -> int:
    """Tokens of the gold text missing from cleaner's output when the gold is the input."""
    got = Counter(cleaner.clean(page.truth, url=page.url, fmt="text").text.lower().split())
    want = Counter(page.truth.lower().split())
    return sum((want - got).values())
