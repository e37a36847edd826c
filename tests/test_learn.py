"""`cleaner learn`: recurring lines per outlet, and names seen across the corpus, become
reviewable rule files; nothing is applied unless asked (`--rules`, or `batch
--learned-boilerplate` / `--corpus-names`)."""

import json

import regex
import yaml
from cleaner.batch.corpus_names import CORPUS_NAMES_FILE as NAMES_FILE
from cleaner.batch.corpus_names import NameCounts
from cleaner.batch.learned_rules import line_pattern
from cleaner.batch.line_counts import GroupCounts, normalize

from batch_corpus import cli, read_jsonl, write_jsonl

WORDS = (
    "river harbour council budget winter school railway museum orchard bridge "
    "market theatre library forest valley garden"
).split()
BOILERPLATE = {
    "wionews.com": "WION brings you the world from an Indian perspective",
    "themoscowtimes.com": "Read more about the war in our special section",
}
QUOTE = "“We will not give up,” the minister said."


def article(i: int) -> str:
    """A unique body line (made of words: digits are normalised away when counting)."""
    words = " ".join(WORDS[(i * 7 + k * 3) % len(WORDS)] for k in range(12))
    return f"The {WORDS[i % len(WORDS)]} story: {words} and {WORDS[(i * 5) % len(WORDS)]}."


def corpus(tmp_path):
    """8 documents per outlet, each with its outlet's boilerplate line; a quote shared by
    two documents of each outlet: 6 documents in all, but only 2 within any one outlet."""
    rows = []
    for n, host in enumerate(BOILERPLATE):
        for i in range(8):
            lines = [article(n * 8 + i), f"Updated {i + 3} May 2025", BOILERPLATE[host]]
            if i < 2:
                lines.insert(1, QUOTE)
            rows.append(
                {
                    "id": f"{host}-{i}",
                    "text": "\n".join(lines) + "\n",
                    "url": f"https://{host}/news/{i}",
                }
            )
    return write_jsonl(tmp_path / "in.jsonl", rows)


def learn(tmp_path, *args):
    assert (
        cli(
            "learn",
            corpus(tmp_path),
            "-o",
            tmp_path / "learned",
            "--min-docs",
            "3",
            "--min-share",
            "30",
            *args,
        )
        == 0
    )
    rule_files = sorted((tmp_path / "learned").glob("*.yaml"))  # not learn's list of them
    return {p.name: yaml.safe_load(p.read_text()) for p in rule_files}


def test_learns_each_outlets_recurring_lines_but_not_shared_quotes(tmp_path):
    files = learn(tmp_path)
    assert list(files) == [
        "learned-corpus-names.yaml",
        "learned-themoscowtimes.yaml",
        "learned-wion.yaml",
    ]
    assert files["learned-corpus-names.yaml"]["corpus_names"] == []  # only common words here
    wion = files["learned-wion.yaml"]
    assert (wion["ruleset"], wion["outlet"]) == ("learned-wion", "wion")
    drops = [rule["examples"]["drop"][0] for rule in wion["rules"]]
    # the example is the line's text when first seen again (the 2nd document)
    assert drops == ["Updated 4 May 2025", "WION brings you the world from an Indian perspective"]
    assert all(rule["description"] == "in 8 of 8 documents (100%)" for rule in wion["rules"])
    assert QUOTE not in json.dumps(files, ensure_ascii=False)


def test_learned_files_pass_rules_check(tmp_path, capsys):
    learn(tmp_path)
    assert cli("rules", "check", tmp_path / "learned") == 0
    assert "0 failed" in capsys.readouterr().out


def test_by_domain_makes_an_outlet_for_an_unknown_domain(tmp_path):
    rows = [
        {
            "id": str(i),
            "text": article(i) + "\nPrinted in the Gazette weekend edition\n",
            "url": f"https://www.gazette.example/{i}",
        }
        for i in range(6)
    ]
    source = write_jsonl(tmp_path / "g.jsonl", rows)
    cli("learn", source, "-o", tmp_path / "rules", "--by", "domain")
    data = yaml.safe_load((tmp_path / "rules" / "learned-gazette-example.yaml").read_text())
    assert (data["outlet"], data["domains"]) == ("gazette-example", ["gazette.example"])
    assert cli("batch", source, "-o", tmp_path / "out.jsonl", "--rules", tmp_path / "rules") == 0
    assert all(
        "Printed in the Gazette" not in r["text"] for r in read_jsonl(tmp_path / "out.jsonl")
    )


def test_hosts_that_slug_alike_or_run_long_get_files_of_their_own(tmp_path):
    long_host = ".".join(["a" * 63, "b" * 63, "c" * 63, "d" * 57, "com"])  # 253 characters
    hosts = ["news-site.com", "news.site.com", long_host]
    rows = [
        {
            "id": f"{n}-{i}",
            "text": article(n * 6 + i) + f"\nPrinted in edition {WORDS[n]} of the weekend\n",
            "url": f"https://{host}/{i}",
        }
        for n, host in enumerate(hosts)
        for i in range(6)
    ]
    source = write_jsonl(tmp_path / "g.jsonl", rows)
    assert cli("learn", source, "-o", tmp_path / "rules", "--by", "domain") == 0
    files = sorted(set((tmp_path / "rules").glob("*.yaml")) - {tmp_path / "rules" / NAMES_FILE})
    learned = [yaml.safe_load(path.read_text()) for path in files]
    assert sorted(data["domains"][0] for data in learned) == sorted(hosts)
    assert len({data["ruleset"] for data in learned}) == 3
    assert all(len(path.name) < 120 for path in files)
    assert cli("batch", source, "-o", tmp_path / "out.jsonl", "--rules", tmp_path / "rules") == 0
    assert all("Printed in edition" not in r["text"] for r in read_jsonl(tmp_path / "out.jsonl"))


def test_nothing_learned_is_applied_unless_asked(tmp_path):
    source = corpus(tmp_path)
    cli("batch", source, "-o", tmp_path / "plain.jsonl")
    plain = read_jsonl(tmp_path / "plain.jsonl")[:8]
    assert all("WION brings you the world" in r["text"] for r in plain)
    assert (
        cli(
            "batch",
            source,
            "-o",
            tmp_path / "two.jsonl",
            "--learned-boilerplate",
            "--min-docs",
            "3",
            "--min-share",
            "30",
        )
        == 0
    )
    out = read_jsonl(tmp_path / "two.jsonl")
    assert not any("WION brings you the world" in r["text"] or "Updated" in r["text"] for r in out)
    assert sum(QUOTE in r["text"] for r in out) == 4
    assert (tmp_path / "two.jsonl.learned" / "learned-wion.yaml").exists()


def test_line_pattern_matches_other_dates_and_spacing():
    pattern = line_pattern("Updated 3 May 2025 (c)")
    assert regex.search(pattern, "updated  14 may 2026 (C)")
    assert not regex.search(pattern, "Updated 3 May 2025 (c) and more")


def test_counts_stay_bounded(monkeypatch):
    monkeypatch.setattr("cleaner.batch.line_counts.MAX_LINES_PER_GROUP", 100)
    group = GroupCounts()
    for i in range(300):
        group.add([f"unique line {WORDS[i % 16]} {WORDS[(i // 16) % 16]} {i}x", "Share this"])
    assert len(group.counts) <= 101
    assert (
        group.counts[next(k for k, t in group.texts.items() if normalize(t) == "share this")] == 300
    )


GLUED = "General Zaluzhnyisaid on Monday that the front line was holding near the river."


def names_corpus(tmp_path):
    """Four documents write the general's name on its own; a fifth glues it to a word."""
    rows = [
        {
            "id": str(i),
            "text": f"{article(i)}\nGeneral Zaluzhnyi visited the {WORDS[i]} today.\n",
            "url": f"https://example.org/{i}",
        }
        for i in range(4)
    ]
    rows.append({"id": "glued", "text": f"{article(9)}\n{GLUED}\n", "url": "https://example.org/9"})
    return write_jsonl(tmp_path / "names.jsonl", rows)


def test_corpus_names_repair_glue_only_when_asked(tmp_path):
    source = names_corpus(tmp_path)
    cli("batch", source, "-o", tmp_path / "plain.jsonl")
    assert GLUED in read_jsonl(tmp_path / "plain.jsonl")[-1]["text"]
    assert (
        cli(
            "batch",
            source,
            "-o",
            tmp_path / "named.jsonl",
            "--corpus-names",
            "--min-docs",
            "3",
            "--changes",
        )
        == 0
    )
    glued = read_jsonl(tmp_path / "named.jsonl")[-1]
    assert "General Zaluzhnyi said on Monday" in glued["text"]
    assert [(e["after"], e["evidence"]) for e in glued["edits"]] == [("Zaluzhnyi said", "corpus")]
    learned = yaml.safe_load(
        (tmp_path / "named.jsonl.learned" / "learned-corpus-names.yaml").read_text()
    )
    assert learned["corpus_names"] == ["Zaluzhnyi"]  # "General" is a common word


def test_corpus_names_skip_common_words_and_stay_bounded(monkeypatch):
    monkeypatch.setattr("cleaner.batch.corpus_names.MAX_NAMES", 50)
    names = NameCounts()
    for i in range(200):
        unique = "Qx" + "".join(chr(ord("a") + int(d)) for d in f"{i:03d}")  # "Qxaab": one document
        names.add(f"The Minister met Zaluzhnyi and {unique} and Syrskyi in Kyiv.", "en")
    assert len(names.counts) <= 51
    assert names.recurring(100) == ["Syrskyi", "Zaluzhnyi"]  # "Kyiv", "Minister": common words
