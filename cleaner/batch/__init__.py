"""Batch cleaning at scale: streamed readers and writers, parallel engines (local processes,
Ray), deterministic shards, resumable runs, summaries, and learned boilerplate."""
