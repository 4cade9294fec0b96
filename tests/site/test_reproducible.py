"""Two builds of the same tree, in two processes with different hash seeds and the same fixed date,
are byte-identical: nothing in the output may depend on set or dict order left to the hash seed, on
the wall clock, or on the process."""

from __future__ import annotations

import os
import subprocess
import sys

from ..conftest import ROOT, tree_digest

SOURCE_DATE_EPOCH = "1763683200"  # 2025-11-21
BUILD = "import sys; from pathlib import Path; from generator import build_site; build_site(Path(sys.argv[1]), Path(sys.argv[2]))"


def build_in_a_subprocess(out, hash_seed: str) -> None:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
    done = subprocess.run([sys.executable, "-c", BUILD, str(ROOT), str(out)], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]


def test_two_builds_with_different_hash_seeds_are_byte_identical(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    build_in_a_subprocess(first, "1")
    build_in_a_subprocess(second, "2")
    one, two = tree_digest(first), tree_digest(second)
    assert len(one) > 100
    assert one.keys() == two.keys(), f"only in one build: {sorted(one.keys() ^ two.keys())[:20]}"
    differ = sorted(path for path in one if one[path] != two[path])
    assert not differ, f"{len(differ)} files differ between the two builds, for example {differ[:20]}"
