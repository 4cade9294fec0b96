"""Child process of the benchmark: one full build with the real pipeline, timing the generator stage.

Usage: python bench/_build_ours.py PROJECT SITE_DIR

Prints one line `BENCH {json}` with the time spent in the generator stage (load → validate → model →
render, every call of `generate_site`, wherever it is called from: the build's and the plugin's), wall and CPU (its forked workers' CPU included).
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path


def main() -> None:
    root, site = Path(sys.argv[1]), Path(sys.argv[2])
    started = time.perf_counter()
    from generator.engine import mkdocs_plugin, site_build

    spent = {"wall": 0.0, "cpu": 0.0, "calls": 0}
    original = site_build.generate_site

    def cpu_so_far() -> float:
        # This process and its finished children: for a large catalogue the generator forks workers.
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        return time.process_time() + children.ru_utime + children.ru_stime

    def timed(*args, **kwargs):
        wall, cpu = time.perf_counter(), cpu_so_far()
        try:
            return original(*args, **kwargs)
        finally:
            spent["wall"] += time.perf_counter() - wall
            spent["cpu"] += cpu_so_far() - cpu
            spent["calls"] += 1

    # Patched where it is called: the build's own call, and the plugin's when it is handed nothing.
    site_build.generate_site = mkdocs_plugin.generate_site = timed
    site_build.build_site(root, site)
    print("BENCH " + json.dumps({
        "generation_s": spent["wall"], "generation_cpu_s": spent["cpu"], "generation_calls": spent["calls"],
        "inside_s": time.perf_counter() - started,
    }))


if __name__ == "__main__":
    main()
