"""The Ray engine and the Ray Dataset helper give the same output as local processes."""

import pytest
from cleaner import clean
from cleaner.batch.engines import RayEngine
from cleaner.batch.ray_dataset import clean_dataset
from cleaner.batch.runner import BatchJob, run_batch

from batch_corpus import cli, read_jsonl, records, write_jsonl
from conftest import run_cli

ray = pytest.importorskip("ray")


@pytest.fixture(scope="module")
def local_ray():
    ray.init(
        num_cpus=2,
        include_dashboard=False,
        log_to_driver=False,
        object_store_memory=100 * 1024 * 1024,
    )
    yield ray
    ray.shutdown()


def test_ray_engine_output_equals_local_output(tmp_path, local_ray):
    source = write_jsonl(tmp_path / "in.jsonl", records(40, bad_every=8))
    cli("batch", source, "-o", tmp_path / "local.jsonl", "--jobs", "2")
    job = BatchJob((str(source),), tmp_path / "ray.jsonl", tmp_path / "ray.errors.jsonl")
    summary = run_batch(job, RayEngine())
    assert (summary.docs_in, summary.docs_failed) == (40, 5)
    assert (tmp_path / "ray.jsonl").read_bytes() == (tmp_path / "local.jsonl").read_bytes()
    assert (tmp_path / "ray.errors.jsonl").read_bytes() == (
        tmp_path / "local.errors.jsonl"
    ).read_bytes()


def test_clean_dataset_maps_cleaning_over_a_ray_dataset(local_ray):
    rows = records(12, bad_every=6)
    out = sorted(clean_dataset(ray.data.from_items(rows)).take_all(), key=lambda r: r["id"])
    assert [r["id"] for r in out] == [r["id"] for r in rows]
    for row, got in zip(rows, out, strict=True):
        if "\x00" in row["text"]:
            assert got["text"] is None and "binary" in got["error"]
        else:
            assert got["text"] == clean(row["text"], url=row["url"]).text
            assert got["error"] is None and got["source"] == "test"


def test_cli_engine_ray_joins_a_running_cluster(tmp_path, local_ray):
    """As a subprocess: a second driver connecting with --address, as on a real cluster."""
    address = ray.get_runtime_context().gcs_address
    source = write_jsonl(tmp_path / "in.jsonl", records(6))
    done = run_cli(
        "batch", source, "-o", tmp_path / "out.jsonl", "--engine", "ray", "--address", address
    )
    assert done.returncode == 0, done.stderr
    assert [r["text"] for r in read_jsonl(tmp_path / "out.jsonl")] == [
        clean(r["text"], url=r["url"]).text for r in records(6)
    ]
