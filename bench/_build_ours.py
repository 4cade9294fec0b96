"""Child process of the benchmark: one full build with the real pipeline, timing the generator stage.

Usage: python bench/_build_ours.py PROJECT SITE_DIR

Prints `BENCH {json}` lines: one per call of `generate_site` (load → validate → model → render, wherever
it is called from: the build's, which runs in a process of its own, and the plugin's), with its wall and
CPU time (its forked workers' CPU included), and one for the whole build. bench.py adds them up.
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

    original = site_build.generate_site

    def cpu_so_far() -> float:
        # This process and its finished children: for a large catalogue the generator forks workers.
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        return time.process_time() + children.ru_utime + children.ru_stime

    def timed(*args, **kwargs):
        # Printed, not kept: the build generates in a child process, whose variables the parent never sees.
        wall, cpu = time.perf_counter(), cpu_so_far()
        try:
            return original(*args, **kwargs)
        finally:
            print("BENCH " + json.dumps({"generation_s": time.perf_counter() - wall,
                                         "generation_cpu_s": cpu_so_far() - cpu, "generation_calls": 1}), flush=True)

    # Patched where it is called: the build's own call, and the plugin's when it is handed nothing.
    site_build.generate_site = mkdocs_plugin.generate_site = timed
    site_build.build_site(root, site)
    print("BENCH " + json.dumps({"inside_s": time.perf_counter() - started}), flush=True)


if __name__ == "__main__":
    main()
