"""Clean a Ray Dataset of JSONL-shaped rows (id, text, url, ...) on a Ray cluster.

    import ray
    from cleaner.batch.ray_dataset import clean_dataset
    cleaned = clean_dataset(ray.data.read_json("s3://bucket/corpus/"))
    cleaned.write_json("s3://bucket/clean/")

Each row becomes the same record `cleaner batch` writes, plus an `error` column: None, or
why the document failed (its text is then None), so no row is lost.
"""

from functools import partial
from typing import Any

from .readers import Fields, json_record
from .records import CleanConfig, clean_record, cleaner_for


def clean_dataset(
    dataset, *, rules=(), fields: Fields = Fields(), include_changes: bool = False, **options
):
    """A lazily cleaned copy of `dataset` (a ray.data.Dataset); `options` as for Cleaner."""
    config = CleanConfig(
        tuple(str(r) for r in rules), tuple(sorted(options.items())), include_changes
    )
    cleaner_for(config)  # bad rules or options fail here, before any task starts
    return dataset.map(partial(clean_row, config, fields))


def clean_row(config: CleanConfig, fields: Fields, row: dict[str, Any]) -> dict[str, Any]:
    """One row cleaned: the output record and `error` None, or the failure with text None."""
    record = json_record(row, "row", fields, "auto", "")
    outcome = clean_record(cleaner_for(config), config, record)
    if outcome.error is None:
        return {**outcome.output(), "error": None}
    failed = {
        "id": record.id,
        "text": None,
        "url": record.url,
        "lang": None,
        "outlet": None,
        **{k: v for k, v in record.meta.items() if k not in ("lang", "outlet")},
    }
    if config.include_changes:
        failed["removed"], failed["edits"] = [], []
    return {**failed, "error": outcome.error}
