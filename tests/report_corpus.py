"""Synthetic results of `cleaner batch --changes` for the report tests, and the counts a
reader of the JSONL computes from them by hand (what the page must show)."""

import json
import random
from collections import Counter
from pathlib import Path

OUTLETS = ("alpha", "beta", None)  # None: grouped by the URL's domain
LANGS = ("en", "de", "fr")
RULES = (
    ("common.share", "share"),
    ("common.copyright", "boilerplate"),
    ("heuristic.menu", "navigation"),
    ("caption.credit", "caption"),
)
PROSE = "The council met on Monday and agreed the budget for the coming year after a debate."


def record(i: int, rng: random.Random, rules=RULES, outlets=OUTLETS) -> dict:
    """Document i: prose lines, a recurring kept footer, some removals and one edit; input
    line numbers with blank lines between paragraphs, as a text scrape has them."""
    kept = [f"{PROSE} ({i}.{n})" for n in range(rng.randint(1, 6))]
    kept.append("Follow us for more stories")  # kept in every document: a rule candidate
    removed = []
    for rule, category in rng.sample(rules, rng.randint(0, min(3, len(rules)))):
        removed.append(
            {"text": f"{category} line of {rule} #{i % 7}", "rule": rule, "category": category}
        )
    if i % 50 == 0:  # now and then a long line removed
        removed.append({"text": PROSE * 4, "rule": rules[0][0], "category": rules[0][1]})
    order = [("kept", t) for t in kept] + [("removed", r) for r in removed]
    rng.shuffle(order)
    kept_lines, kept_texts, removals, line = [], [], [], 0
    for kind, item in order:
        line += 2  # a blank line before each paragraph
        if kind == "kept":
            kept_lines.append(line)
            kept_texts.append(item)
        else:
            removals.append({"line": line, **item})
    edits = []
    if kept_texts and i % 3 == 0:  # "  x" -> "x": a trim at the start of the first kept line
        edits.append(
            {
                "line": kept_lines[0],
                "offset": 0,
                "before": "  ",
                "after": "",
                "rule": "whitespace.trim",
            }
        )
    outlet = outlets[i % len(outlets)]
    return {
        "id": f"doc-{i}",
        "text": "".join(t + "\n" for t in kept_texts),
        "url": f"https://www.site{i % len(outlets)}.example/{i}",
        "lang": LANGS[i % len(LANGS)],
        "outlet": outlet,
        "removed": removals,
        "edits": edits,
        "kept_lines": kept_lines,
    }


def write_results(path: Path, docs: int, seed: int = 7, **kwargs) -> list[dict]:
    rng = random.Random(seed)
    records = [record(i, rng, **kwargs) for i in range(docs)]
    with path.open("w", encoding="utf-8") as out:
        for item in records:
            out.write(json.dumps(item) + "\n")
    return records


def expected_counts(records: list[dict]) -> dict:
    """The figures, computed the plain way from the records."""
    rule_lines = Counter(r["rule"] for rec in records for r in rec["removed"])
    rule_docs = Counter(rule for rec in records for rule in {r["rule"] for r in rec["removed"]})
    return {
        "docs": len(records),
        "lines_removed": sum(len(rec["removed"]) for rec in records),
        "lines": sum(len(rec["removed"]) + len(rec["text"].splitlines()) for rec in records),
        "words_removed": sum(len(r["text"].split()) for rec in records for r in rec["removed"]),
        "edits": sum(len(rec["edits"]) for rec in records),
        "rule_lines": rule_lines,
        "rule_docs": rule_docs,
    }


def write_many(path: Path, docs: int, templates: int = 64, **kwargs) -> None:
    """`docs` records quickly: `templates` records of `record`, repeated under new ids."""
    rng = random.Random(11)
    lines = [json.dumps(record(i, rng, **kwargs)) for i in range(templates)]
    with path.open("w", encoding="utf-8") as out:
        for i in range(docs):
            template = i % templates
            out.write(lines[template].replace(f'"doc-{template}"', f'"doc-{i}"', 1) + "\n")
