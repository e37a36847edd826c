"""Glue repair measured on real text nobody here wrote: prints a table, asserts nothing.

Article text is extracted with trafilatura from the trafilatura-eval pages and kept per
language (English and German); with --truths, the English truths of cleaneval and dragnet
are used instead, a row per data set (text the glue thresholds were never tuned on).
Spaces are deleted at seeded random word boundaries, more often right after capitalised words
(as at link ends); a boundary after punctuation gives punctuation glue ("Ukraine.The"), one
before a capitalised word a case change ("theInterior").
Reported per language: recall, the share of splits at exactly the right position, false
edits per 10,000 tokens of the untouched texts (each listed with context), milliseconds per
1,000 tokens (one pass over the untouched texts, its memo caches cleared first, as in a new
worker) and the memory the dictionary adds.

    python bench/glue.py [--pages N] [--seed S] [--langs en,de] [--data DIR]
    python bench/glue.py --truths cleaneval,dragnet
"""

import argparse
import random
import resource
import time
import tracemalloc
from dataclasses import dataclass
from pathlib import Path

import regex
from cleaner.document import Document
from cleaner.ruleset import builtin_rules_dir, load_rulesets
from cleaner.stages.glue import (
    RULE_CASE,
    RULE_PUNCT,
    RULE_WORD,
    clear_memos,
    glue_lexicon,
    load_dictionary,
    repair_glue,
)

import corpora
from texts import article_texts, english_truths

ROOT = Path(__file__).resolve().parent.parent
# Edits on the untouched texts that repair glue really in the text ("Ukraine.The" typed in a
# comment), each checked against the page's HTML by a reviewer who had not tuned the glue
# thresholds: "page file<TAB>token before the edit<TAB>evidence" per line.
REVIEWED = ROOT / "bench" / "glue_source_glue.tsv"

# Share of eligible word boundaries whose space is deleted: about one glued token per
# 100 words of running text, a dense but plausible rate for link-heavy pages.
GLUE_RATE = 0.01
# Boundaries right after a capitalised word are glued this many times as often: link text
# is mostly names, and the space is lost at the link's end ("Putinin June").
CAPITALISED_FACTOR = 3
# The untouched texts are cleaned this many times and the fastest run's CPU time (one core)
# is reported: other processes on the machine only ever slow a run down.
TIMING_RUNS = 3
# Characters of context shown on each side of a false edit.
CONTEXT_CHARS = 40
# A boundary is eligible when the left chunk ends in a word (optionally followed by one
# punctuation mark) and the right chunk starts with a letter.
LEFT_CHUNK = regex.compile(r"^[\"'(“‘„]?[\p{L}\p{M}'’-]*\p{L}[.,;:!?]?$")
RIGHT_CHUNK = regex.compile(r"^\p{L}[\p{L}\p{M}'’-]*[.,;:!?\"”’)]*$")
CAPITALISED = regex.compile(r"\p{Lu}")


@dataclass(frozen=True)
class Site:
    """A deleted space: line index, position in the glued line, and the kind of glue."""

    line: int
    at: int
    kind: str


def main() -> None:
    args = parse_args()
    data = corpora.data_dir(args.data)
    if args.truths:
        sources = {
            name: texts[: args.pages] for name, texts in english_truths(args.truths, data).items()
        }
        args.langs = ["en"]
    else:
        sources = {"trafilatura-eval": article_texts(data / "trafilatura-eval", args.pages)}
    lexicon = generic_lexicon()
    reviewed = reviewed_source_glue()
    rows, false_edits, memory = [], [], {}
    for source, texts in sources.items():
        for lang in args.langs:
            pages = [t for t in texts if t["lang"] == lang]
            memory.setdefault(lang, dictionary_memory(lang))
            row = measure(lang, pages, lexicon, args.seed, memory[lang], reviewed, false_edits)
            rows.append(row | {"lang": f"{lang} ({source})" if args.truths else lang})
    print_table(
        rows,
        args,
        "the English truths of " + " and ".join(sources)
        if args.truths
        else "trafilatura-eval article text",
    )
    print(
        f"\nEdits on untouched text ({len(false_edits)}; 'source glue' marks those that repair "
        f"glue really in the text, as reviewed in {REVIEWED.name}):"
    )
    for lang, page, shown, known in false_edits:
        print(f"  [{lang}] {page}: {shown}{'  (source glue)' if known else ''}")


def parse_args():
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--pages",
        type=int,
        default=None,
        help="use only the first N pages of the corpus (default: all 949)",
    )
    parser.add_argument(
        "--seed", type=int, default=1, help="seed for the synthetic glue (default 1)"
    )
    parser.add_argument(
        "--langs",
        default="en,de",
        type=lambda s: s.split(","),
        help="comma-separated languages to report (default en,de)",
    )
    parser.add_argument(
        "--data",
        type=Path,
        default=None,
        help=f"the folder holding the data sets (default ${corpora.DATA_VARIABLE})",
    )
    parser.add_argument(
        "--truths",
        type=lambda s: s.split(","),
        default=None,
        help="measure on the English truths of these sets (cleaneval,dragnet)",
    )
    return parser.parse_args()


def reviewed_source_glue() -> set[tuple[str, str]]:
    """(page file, token) pairs from REVIEWED; blank lines and # comments skipped."""
    if not REVIEWED.exists():
        return set()
    lines = REVIEWED.read_text(encoding="utf-8").splitlines()
    return {
        tuple(line.split("\t")[:2]) for line in lines if line.strip() and not line.startswith("#")
    }


def generic_lexicon():
    """The glue lexicon of the bundled rules without an outlet, as Cleaner builds it."""
    generic = [rs for rs in load_rulesets([builtin_rules_dir()]) if rs.outlet is None]
    return glue_lexicon(
        *(
            [item for rs in generic for item in getattr(rs, key)]
            for key in ("names", "protected_words", "glue_prefixes", "glue_suffixes")
        )
    )


def dictionary_memory(lang: str) -> tuple[float, float]:
    """MB the dictionary for `lang` adds: traced Python allocations and resident set size."""
    rss_before = resident_mb()
    tracemalloc.start()
    load_dictionary(lang)
    traced, _peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return traced / 1e6, resident_mb() - rss_before


def resident_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() / 1e6


def measure(lang, pages, lexicon, seed, memory, reviewed, false_edits) -> dict:
    """One row of the table: synthetic glue repaired, and false edits on untouched text."""
    docs = [page["text"].splitlines() for page in pages]
    rng = random.Random(seed)
    sites_found = {RULE_WORD: [0, 0], RULE_CASE: [0, 0], RULE_PUNCT: [0, 0]}
    exact = splits = synthetic_false = 0
    for doc_lines in docs:
        glued, sites = glue(doc_lines, rng)
        inserted = inserted_spaces(glued, run(glued, lang, lexicon))
        site_at = {(s.line, s.at): s for s in sites}
        for site in sites:
            sites_found[site.kind][1] += 1
            sites_found[site.kind][0] += (site.line, site.at) in inserted
        for (line, at), span in inserted.items():
            on_site = any((line, p) in site_at for p in span)
            splits += on_site
            exact += on_site and (line, at) in site_at
            synthetic_false += not on_site
    elapsed = []
    for _ in range(TIMING_RUNS):
        clear_memos()  # each timed pass starts cold, as a new worker would
        started = time.process_time()
        untouched = [(doc_lines, run(doc_lines, lang, lexicon)) for doc_lines in docs]
        elapsed.append(time.process_time() - started)
    tokens = false_count = source_glue = 0
    for page, (doc_lines, doc) in zip(pages, untouched, strict=True):
        tokens += sum(len(line.split()) for line in doc_lines)
        current = list(doc_lines)  # an edit's offset counts in its line after earlier edits
        for edit in doc.edits:
            known = (page["file"], edit.before) in reviewed
            false_count += 1
            source_glue += known
            text = current[edit.line - 1]
            false_edits.append((lang, page["file"], show(text, edit), known))
            current[edit.line - 1] = (
                text[: edit.offset] + edit.after + text[edit.offset + len(edit.before) :]
            )
    total = sum(n for _, n in sites_found.values())
    return {
        "lang": lang,
        "docs": len(docs),
        "tokens": tokens,
        "sites": total,
        "recall": sum(f for f, _ in sites_found.values()) / max(total, 1),
        "by_kind": {k: f / max(n, 1) for k, (f, n) in sites_found.items()},
        "kind_sites": {k: n for k, (_, n) in sites_found.items()},
        "exact": exact / max(splits, 1),
        "synthetic_false": synthetic_false,
        "false": false_count,
        "false_per_10k": false_count * 10_000 / max(tokens, 1),
        "harmful": false_count - source_glue,
        "harmful_per_10k": (false_count - source_glue) * 10_000 / max(tokens, 1),
        "ms_per_1k": min(elapsed) * 1000 / max(tokens / 1000, 1e-9),
        "traced_mb": memory[0],
        "rss_mb": memory[1],
    }


def glue(lines: list[str], rng: random.Random) -> tuple[list[str], list[Site]]:
    """Delete spaces at random eligible boundaries, never two next to each other."""
    glued, sites = [], []
    for number, text in enumerate(lines):
        chunks, out, previous_glued = text.split(" "), "", False
        for i, chunk in enumerate(chunks):
            if i == 0:
                out = chunk
                continue
            left = chunks[i - 1]
            rate = GLUE_RATE * (
                CAPITALISED_FACTOR if CAPITALISED.match(left.lstrip("\"'(“‘„")) else 1
            )
            if (
                not previous_glued
                and LEFT_CHUNK.match(left)
                and RIGHT_CHUNK.match(chunk)
                and rng.random() < rate
            ):
                sites.append(Site(number + 1, len(out), kind_of(left, chunk)))
                out += chunk
                previous_glued = True
            else:
                out += " " + chunk
                previous_glued = False
        glued.append(out)
    return glued, sites


def kind_of(left: str, right: str) -> str:
    """The rule that should repair this boundary."""
    if not left[-1].isalpha():
        return RULE_PUNCT
    return RULE_CASE if right[0].isupper() and left[-1].islower() else RULE_WORD


def run(lines: list[str], lang: str, lexicon) -> Document:
    doc = Document.from_lines(lines, lang=lang)
    return repair_glue(doc, lexicon)


def inserted_spaces(glued: list[str], doc: Document) -> dict[tuple[int, int], range]:
    """{(line, position in the glued line): positions of the glued chunk it falls in} for
    every space the repair inserted; a line changed in any other way counts as one wrong
    split at position -1."""
    found = {}
    for line in doc.lines:
        before = glued[line.number - 1]
        positions = space_insertions(before, line.text)
        if positions is None:
            found[(line.number, -1)] = range(0)
            continue
        for at in positions:
            start = before.rfind(" ", 0, at) + 1
            end = before.find(" ", at)
            found[(line.number, at)] = range(start, len(before) + 1 if end < 0 else end + 1)
    return found


def space_insertions(before: str, after: str) -> list[int] | None:
    """Positions in `before` where `after` inserted a space, or None if it changed more."""
    positions, i = [], 0
    for char in after:
        if i < len(before) and char == before[i]:
            i += 1
        elif char == " ":
            positions.append(i)
        else:
            return None
    return positions if i == len(before) else None


def show(text: str, edit) -> str:
    """The edit in its context: ...left [before -> after | rule, evidence] right..."""
    start, end = edit.offset, edit.offset + len(edit.before)
    left = text[max(0, start - CONTEXT_CHARS) : start]
    right = text[end : end + CONTEXT_CHARS]
    return f"…{left}[{edit.before} -> {edit.after} | {edit.rule}, {edit.evidence}]{right}…"


def print_table(rows, args, source: str) -> None:
    print(
        f"glue repair on {source} (seed {args.seed}, "
        f"pages {args.pages or 'all'}; synthetic glue rate {GLUE_RATE:.0%}, "
        f"x{CAPITALISED_FACTOR} after capitalised words)\n"
    )
    head = (
        "lang",
        "docs",
        "tokens",
        "glued",
        "recall",
        "exact",
        "false/10k",
        "false/10k w/o source glue",
        "ms/1k tok",
        "dict MB",
    )
    print("| " + " | ".join(head) + " |")
    print("|" + "|".join("---" for _ in head) + "|")
    for r in rows:
        print(
            f"| {r['lang']} | {r['docs']} | {r['tokens']:,} | {r['sites']:,} | {r['recall']:.1%} | "
            f"{r['exact']:.1%} | {r['false_per_10k']:.2f} ({r['false']}) | "
            f"{r['harmful_per_10k']:.2f} ({r['harmful']}) | {r['ms_per_1k']:.2f} | "
            f"{r['traced_mb']:.0f} traced, {r['rss_mb']:.0f} RSS |"
        )
    print("\nrecall by kind (glued sites):")
    for r in rows:
        kinds = ", ".join(f"{k} {r['by_kind'][k]:.1%} ({r['kind_sites'][k]})" for k in r["by_kind"])
        print(
            f"  {r['lang']}: {kinds}; edits off any glued site in the synthetic text: "
            f"{r['synthetic_false']}"
        )


if __name__ == "__main__":
    main()
