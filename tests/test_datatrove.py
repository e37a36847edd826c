"""The datatrove step cleans Documents in a datatrove pipeline and records what it removed."""

import pytest
from cleaner import clean

from batch_corpus import records

pytest.importorskip("datatrove")
from cleaner.batch.datatrove_step import CleanerStep
from datatrove.data import Document
from datatrove.executor import LocalPipelineExecutor


def documents(n: int, bad_every: int = 0) -> list[Document]:
    return [
        Document(text=r["text"], id=r["id"], metadata={"url": r["url"]})
        for r in records(n, bad_every)
    ]


def test_step_cleans_text_and_records_removals():
    docs = list(CleanerStep().run(iter(documents(4, bad_every=4))))
    assert [d.id for d in docs] == [f"doc-{i:05d}" for i in range(4)]
    first = docs[0]
    assert first.text == clean(records(1)[0]["text"], url=records(1)[0]["url"]).text
    meta = first.metadata["cleaner"]
    assert meta["lang"] == "en" and [r["rule"] for r in meta["removed"]] == [
        "common.advertisement-label",
        "common.lone-symbol-line",
    ]
    assert "binary" in docs[3].metadata["cleaner_error"]  # kept, unchanged, with the reason


def test_runs_under_the_local_executor_and_counts_per_category(tmp_path):
    executor = LocalPipelineExecutor(
        pipeline=[documents(6, bad_every=3), CleanerStep()],
        tasks=1,
        logging_dir=str(tmp_path / "logs"),
    )
    stats = executor.run()
    [step] = [s for s in stats.stats if "cleaner" in s.name]
    counts = {key: value.total for key, value in step.stats.items()}
    assert (counts["cleaned"], counts["failed"]) == (4, 2)
    assert counts["removed_advertisement"] == 4 and counts["removed_boilerplate"] == 4
