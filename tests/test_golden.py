"""Each seed, cleaned with the bundled rules, equals its reviewed golden file."""

import difflib

import pytest

from conftest import GOLDEN, SEEDS

SEED_FILES = sorted(SEEDS.glob("*.txt"))


def test_every_seed_has_a_golden():
    assert SEED_FILES and [p.name for p in SEED_FILES] == sorted(
        p.name for p in GOLDEN.glob("*.txt")
    )


@pytest.mark.parametrize("seed", SEED_FILES, ids=[p.stem for p in SEED_FILES])
def test_seed_matches_golden(cleaner, seed):
    got = cleaner.clean(seed.read_bytes()).text
    want = (GOLDEN / seed.name).read_text(encoding="utf-8")
    diff = "".join(
        difflib.unified_diff(
            want.splitlines(True), got.splitlines(True), f"golden/{seed.name}", "cleaned"
        )
    )
    assert got == want, f"cleaned text differs from the golden:\n{diff}"


def test_goldens_keep_what_the_seeds_promise():
    """The properties the goldens were reviewed for, stated directly."""
    golden = {p.name[:3]: p.read_text(encoding="utf-8") for p in GOLDEN.glob("*.txt")}
    seeds = {p.name[:3]: p.read_text(encoding="utf-8") for p in SEED_FILES}
    assert golden["000"] == "".join(line + "\n" for line in seeds["000"].splitlines() if line)
    for fixed in [
        "Kim Jong-un sent",
        "Ukraine according",
        "Vladimir Putin in June 2024",
        "Lee Jae-myung and",
        "Party Congress scheduled",
        "exception but",
        "Lim Eul-chul Professor",
        "Ukraine even",
        "Min Seong-jae Professor",
    ]:
        assert fixed in golden["001"]
    assert "(With information from EFE and AFP)" not in golden["001"]
    assert "(AFP)" not in golden["002"] and "ERBIL (Kurdistan24) —" in golden["002"]
    assert golden["002"].startswith("Kim Jong Un Hails North Korean Troops")
    assert "Preferred Source" not in golden["003"] and "Also Read" not in golden["003"]
    assert "‘Behind you are Pyongyang and Moscow‘" in golden["003"]
    assert "‘Soldiers told to kill themselves rather than be taken prisoners’" in golden["003"]
    assert "Moscow Times:" not in golden["004"] and "Remind me later" not in golden["004"]
    assert golden["004"].rstrip().endswith("analysts have said.")
