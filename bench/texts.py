"""Clean text per language for measuring in-line repairs (bench/glue.py, bench/speed.py).

- article_texts: trafilatura's extraction of every trafilatura-eval page, with langdetect's
  language, cached in bench/.cache/glue-texts.json (extraction takes minutes);
- english_truths: the truths of cleaneval or dragnet that langdetect calls English, text
  that no threshold of cleaner was tuned on.
"""

import gzip
import json
from pathlib import Path

from cleaner.langid import detect

import corpora

CACHE = Path(__file__).resolve().parent / ".cache" / "glue-texts.json"


def article_texts(data: Path, pages: int | None) -> list[dict]:
    """[{url, lang, text}] for every page, extracted once and cached under bench/.cache/."""
    if CACHE.exists():
        texts = json.loads(CACHE.read_text(encoding="utf-8"))
    else:
        import trafilatura

        annotations = json.loads((data / "annotations.json").read_text(encoding="utf-8"))
        texts = []
        for url, entry in sorted(annotations.items()):
            html = gzip.decompress((data / "html" / f"{entry['file']}.gz").read_bytes())
            text = trafilatura.extract(html, url=url) or ""
            texts.append(
                {"url": url, "file": entry["file"], "lang": detect(text[:2000]), "text": text}
            )
        CACHE.parent.mkdir(parents=True, exist_ok=True)
        CACHE.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
    return texts[:pages]


def english_truths(names: list[str], data: Path) -> dict[str, list[dict]]:
    """{set: [{file, lang, text}]} of each set's non-empty truths that langdetect calls English."""
    found = {}
    for name in names:
        texts = [
            {"file": page.id, "lang": detect(page.truth[:2000]), "text": page.truth}
            for page in corpora.load(name, data)
            if page.truth and page.truth.strip()
        ]
        found[name] = [text for text in texts if text["lang"] == "en"]
    return found
