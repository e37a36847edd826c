"""Small synthetic corpora for the batch tests: short news-like documents with known noise."""

import json
from pathlib import Path

BODIES = [
    "The city council approved the new budget on Tuesday after a long debate about schools.",
    "Die Regierung hat am Mittwoch ein neues Gesetz beschlossen, das die Mieten begrenzen soll.",
    "Farmers in the region said the late rains had damaged much of this year's wheat harvest.",
    "El gobierno anunció el lunes nuevas medidas para reducir el precio de la electricidad.",
]
NOISE = ["Advertisement", "* * *"]


def document(i: int) -> str:
    """Document i: a body in one of four languages, two noise lines, and a unique line."""
    body = BODIES[i % len(BODIES)]
    return (
        f"{NOISE[0]}\n{body}\nReport number {i} was filed by our correspondent today.\n{NOISE[1]}\n"
    )


def slow_text(lines: int = 40_000) -> str:
    """A text of distinct sentence lines (~70 bytes each) that takes ~2 s to clean on this
    project's 2-core machine: a time limit of 0.3 s or less stops it whatever the machine.
    Identical lines would not do: the duplicates stage makes short work of them."""
    return "".join(
        f"The committee met again on day {i} and discussed item {i * 7} of the budget.\n"
        for i in range(lines)
    )


def records(n: int, bad_every: int = 0) -> list[dict]:
    """n JSONL records; every `bad_every`-th one has a binary text that must fail."""
    out = []
    for i in range(n):
        text = "\x00\x01binary" if bad_every and i % bad_every == bad_every - 1 else document(i)
        out.append(
            {
                "id": f"doc-{i:05d}",
                "text": text,
                "url": f"https://example.com/{i}",
                "source": "test",
            }
        )
    return out


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def cli(*args) -> int:
    """Run the `cleaner` command in this process and return its exit code: the compiled
    rules are reused between calls, so this is much faster than a subprocess."""
    from cleaner.cli import main

    return main([str(arg) for arg in args])
