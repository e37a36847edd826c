"""random.Random(SEED)'s draws as langdetect makes them, computed ahead as arrays."""

import math
import random
from functools import cache

import numpy as np

from .langdetect_port import SEED


class SeededDraws:
    """random.Random(SEED)'s gauss() and choice() (its _randbelow) as langdetect calls them on a
    sequence of length `n`, mirrored over the generator's precomputed 32-bit outputs so that a
    trial's draws come as an array, and a trial can look ahead without consuming."""

    def __init__(self, n: int):
        self.n = n
        self.position = 0  # outputs consumed
        self.gauss_next: float | None = None
        self.scanned = 0  # outputs scanned for draws: the first ones, their draws in `kept`
        self.kept = self.values = np.empty(0, dtype=np.intp)

    def gauss(self) -> float:
        """random.Random.gauss(0, 1): Box-Muller on two random(), the twin kept for next time."""
        z, self.gauss_next = self.gauss_next, None
        if z is None:
            x2pi = self.random() * math.tau
            g2rad = math.sqrt(-2.0 * math.log(1.0 - self.random()))
            z, self.gauss_next = math.cos(x2pi) * g2rad, math.sin(x2pi) * g2rad
        return z

    def random(self) -> float:
        """random.Random.random(): 53 bits from the next two outputs."""
        a, b = seeded_outputs(self.position + 2)[self.position : self.position + 2].tolist()
        self.position += 2
        value: float = ((a >> 5) * 67108864.0 + (b >> 6)) * (1.0 / 9007199254740992.0)
        return value

    def peek(self, count: int) -> tuple[np.ndarray, np.ndarray]:
        """The next `count` values of _randbelow(n), and the output each is made from; none
        consumed."""
        start = int(np.searchsorted(self.kept, self.position))
        while start + count > len(self.kept):
            self.scan(max(1024, 4 * self.scanned))
            start = int(np.searchsorted(self.kept, self.position))
        return self.values[start : start + count], self.kept[start : start + count]

    def scan(self, outputs: int) -> None:
        """_randbelow(n) over the first `outputs` outputs: getrandbits(n.bit_length()) takes an
        output's top bits, and draws again while they are >= n."""
        bits = seeded_outputs(outputs)[:outputs] >> (32 - self.n.bit_length())
        self.kept = np.flatnonzero(bits < self.n)
        self.values = bits[self.kept]
        self.scanned = outputs


def seeded_outputs(count: int) -> np.ndarray:
    """At least the first `count` 32-bit outputs of random.Random(SEED), in order."""
    return first_outputs(max(4096, 1 << (count - 1).bit_length()))


@cache  # a memo of a constant: a few sizes, powers of two
def first_outputs(count: int) -> np.ndarray:
    """The first `count` 32-bit outputs of random.Random(SEED): getrandbits(32 * count) puts
    them in order, lowest bits first."""
    bits = random.Random(SEED).getrandbits(32 * count)
    return np.frombuffer(bits.to_bytes(4 * count, "little"), dtype="<u4")
