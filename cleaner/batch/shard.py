"""Deterministic shares of the input by document id, for Slurm arrays, GNU parallel and the like.

A document belongs to shard `hash(id) mod N` (a stable hash, not Python's salted one), so
N runs with --shard 0/N .. N-1/N together process every document exactly once.
"""

import hashlib
from dataclasses import dataclass

from ..errors import UsageError


@dataclass(frozen=True)
class Shard:
    index: int
    count: int

    def owns(self, doc_id) -> bool:
        """True if the document with this id belongs to this shard."""
        return stable_hash(str(doc_id)) % self.count == self.index


def stable_hash(text: str) -> int:
    """A 64-bit hash of `text` that is the same in every process and run (Python's hash()
    is salted per process)."""
    data = text.encode("utf-8", "surrogatepass")  # a lone surrogate from a JSON id hashes too
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "big")


ALL = Shard(0, 1)
# More shards than this and most would hold no document of any real collection (a shard of
# 10^20 gets none: the hash has 64 bits); such an N is a typo.
MAX_SHARDS = 1_000_000


def parse_shard(text: str) -> Shard:
    """'I/N' (0 <= I < N) -> Shard; anything else is a usage error."""
    index, _, count = text.partition("/")
    try:
        shard = Shard(int(index), int(count))
    except ValueError:
        raise UsageError(f"--shard {text!r}: expected I/N, e.g. 0/4") from None
    if not 0 <= shard.index < shard.count:
        raise UsageError(f"--shard {text!r}: I must be 0 to N-1 (shards are numbered from 0)")
    if shard.count > MAX_SHARDS:
        raise UsageError(f"--shard {text!r}: N may be at most {MAX_SHARDS:,}")
    return shard
