"""--shard I/N: deterministic shares by document id that together make one unsharded run."""

import pytest
from cleaner.batch.shard import Shard, parse_shard
from cleaner.errors import CleanerError

from batch_corpus import cli, read_jsonl, records, write_jsonl


def test_shards_partition_the_ids():
    ids = [f"doc-{i}" for i in range(1000)]
    owners = [[s for s in range(4) if Shard(s, 4).owns(doc_id)] for doc_id in ids]
    assert all(len(o) == 1 for o in owners)
    sizes = [sum(o == [s] for o in owners) for s in range(4)]
    assert min(sizes) > 200  # a fair hash, not a skewed one


def test_shard_of_an_id_is_stable():
    """blake2b of the id, not Python's per-process salted hash: the same on every machine."""
    assert [Shard(i, 3).owns("doc-00042") for i in range(3)] == [False, True, False]


@pytest.mark.parametrize(
    "text", ["3", "a/b", "3/3", "-1/2", "1/0", "0/99999999999999999999", "0/1000001"]
)
def test_bad_shard_is_a_usage_error(text):
    with pytest.raises(CleanerError, match="--shard"):
        parse_shard(text)


def test_shard_outputs_together_equal_one_unsharded_run(tmp_path):
    source = write_jsonl(tmp_path / "in.jsonl", records(45, bad_every=9))
    assert cli("batch", source, "-o", tmp_path / "all.jsonl", "--jobs", "2") == 1  # binary docs
    shards = []
    errors = []
    for i in range(3):
        cli("batch", source, "-o", tmp_path / f"s{i}.jsonl", "--shard", f"{i}/3", "--jobs", "1")
        shards += read_jsonl(tmp_path / f"s{i}.jsonl")
        errors += (
            read_jsonl(tmp_path / f"s{i}.errors.jsonl")
            if (tmp_path / f"s{i}.errors.jsonl").exists()
            else []
        )
        assert 0 < len(read_jsonl(tmp_path / f"s{i}.jsonl")) < 45

    def by_id(rows):
        return sorted(rows, key=lambda r: r["id"])

    assert by_id(shards) == by_id(read_jsonl(tmp_path / "all.jsonl"))
    assert by_id(errors) == by_id(read_jsonl(tmp_path / "all.errors.jsonl"))


def test_sharded_directory_outputs_merge_into_the_unsharded_tree(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for row in records(12):
        (src / f"{row['id']}.txt").write_text(row["text"])
    cli("batch", src, "-o", tmp_path / "all")
    merged = {}
    for i in range(2):
        cli("batch", src, "-o", tmp_path / "parts", "--shard", f"{i}/2")
    merged = {p.name: p.read_text() for p in (tmp_path / "parts").iterdir()}
    assert merged == {p.name: p.read_text() for p in (tmp_path / "all").iterdir()}
