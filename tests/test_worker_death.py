"""Issue 15.2: a document that kills its worker process costs that document only: the
engine restarts, the run goes on, and the errors file names it."""

import os

import pytest
from cleaner.batch import records as batch_records

from batch_corpus import cli, read_jsonl, records, write_jsonl


@pytest.fixture
def killer_document(monkeypatch):
    """Workers forked after this die (as if out of memory) on the document 'doc-00005'."""
    clean_record = batch_records.clean_record

    def dying(cleaner, config, record):
        if record.id == "doc-00005":
            os._exit(9)
        return clean_record(cleaner, config, record)

    monkeypatch.setattr(batch_records, "clean_record", dying)


def test_a_document_that_kills_its_worker_is_an_error_and_the_run_goes_on(
    tmp_path, killer_document
):
    source = write_jsonl(tmp_path / "in.jsonl", records(20))
    assert cli("batch", source, "-o", tmp_path / "out.jsonl", "--jobs", "2") == 1
    written = [row["id"] for row in read_jsonl(tmp_path / "out.jsonl")]
    assert written == [f"doc-{i:05d}" for i in range(20) if i != 5]
    errors = read_jsonl(tmp_path / "out.errors.jsonl")
    assert [row["id"] for row in errors] == ["doc-00005"]
    assert "worker process died" in errors[0]["error"]
