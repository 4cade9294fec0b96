"""Output folders appear whole or not at all: written into a staging folder, then swapped in."""

from __future__ import annotations

import shutil
from pathlib import Path


def swap_in(staging: Path, target: Path) -> None:
    """Replace `target` with the complete `staging` folder."""
    old = target.with_name(target.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)
