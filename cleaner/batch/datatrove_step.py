"""A datatrove pipeline step that cleans each Document's text with cleaner, so datatrove's
local, Slurm and Ray executors run cleaner at scale:

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from cleaner.batch.datatrove_step import CleanerStep
    LocalPipelineExecutor([JsonlReader("in/"), CleanerStep(), JsonlWriter("out/")], tasks=8).run()

Each document's metadata gets `cleaner`: its language, outlet, removals and edits. A document
that cannot be cleaned passes through unchanged with `cleaner_error` in its metadata.
"""

try:
    from datatrove.pipeline.base import PipelineStep
except ImportError:
    raise ImportError(
        "the datatrove step needs datatrove: pip install 'cleaner[datatrove]'"
    ) from None

from .records import CleanConfig, Record, clean_record, cleaner_for


class CleanerStep(PipelineStep):
    """Clean `doc.text` in place; the URL (and optionally a language hint) come from metadata."""

    name = "🧹 cleaner"
    type = "✂️ - FORMAT"

    def __init__(self, rules=(), url_key: str = "url", lang_key: str | None = None, **options):
        super().__init__()
        self.config = CleanConfig(
            tuple(str(r) for r in rules), tuple(sorted(options.items())), include_changes=True
        )
        self.url_key, self.lang_key = url_key, lang_key
        cleaner_for(self.config)  # bad rules or options fail when the pipeline is built

    def run(self, data, rank: int = 0, world_size: int = 1):
        cleaner = cleaner_for(self.config)
        for doc in data:
            with self.track_time():
                lang = doc.metadata.get(self.lang_key) if self.lang_key else None
                record = Record(doc.id, doc.text, url=doc.metadata.get(self.url_key), lang=lang)
                outcome = clean_record(cleaner, self.config, record)
            if outcome.error is not None:
                doc.metadata["cleaner_error"] = outcome.error
                self.stat_update("failed")
            else:
                out = outcome.output()
                doc.text = out["text"]
                doc.metadata["cleaner"] = {
                    key: out[key] for key in ("lang", "outlet", "removed", "edits")
                }
                self.stat_update("cleaned")
                for _, category in outcome.removed:
                    self.stat_update(f"removed_{category}")
            yield doc
