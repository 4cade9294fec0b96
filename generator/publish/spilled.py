"""Generated files kept on disk instead of in memory.

At 1,000 programmes one edition's generated files (calendar pages and feeds, the open-data API, the
syllabi …) take hundreds of megabytes as Python strings; held for both editions through both MkDocs
builds they made the build's peak memory twice plain MkDocs' (BENCHMARKS.md, issue #14). Written to a
temporary folder as each feature produces them, in the worker that produced them, they cost the build
nothing until MkDocs reads or copies them (engine/mkdocs_plugin.py hands MkDocs the file, not its text).

The folder goes when its mapping does. A build that is killed cannot remove it, so each new mapping
first removes the folders of processes that no longer run (their names carry the process id).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

FOLDER_PREFIX = "catalog-files-"
# Where a file's content lives and whether it is text (str) or bytes, as it was generated.
Stored = tuple[Path, bool]


class SpilledFiles(Mapping[str, "str | bytes"]):
    """Site path → content, read from disk when asked for; in the order the files were added."""

    def __init__(self, area: Path | None = None) -> None:
        """Files in a folder of their own inside `area` (spill_area), which its owner removes; without
        one, in a temporary folder removed when the last mapping that uses it is garbage (a mapping
        keeps the folders it links to). Only the first kind can be pickled, to cross processes."""
        if area is None:
            _remove_abandoned_folders()
            self._owned: tempfile.TemporaryDirectory | None = tempfile.TemporaryDirectory(prefix=_own_prefix())
            self._folder = Path(self._owned.name)
        else:
            self._owned = None
            self._folder = Path(tempfile.mkdtemp(dir=area))
        # The mappings whose folders this one links to, by identity: a Mapping's == compares contents,
        # which would read every file of both at each link.
        self._kept: dict[int, SpilledFiles] = {}
        self._where: dict[str, Stored] = {}
        self._parts = 0

    def new_part(self) -> Path:
        """A folder of its own for one batch of files, so batches written at once (in forked workers)
        never write over one another; which batch wins a path is settled by the order of add()."""
        self._parts += 1
        return self._folder / str(self._parts)

    @staticmethod
    def write(part: Path, files: Mapping[str, str | bytes] | Iterable[tuple[str, str | bytes]]) -> dict[str, Stored]:
        """Write files under `part`; what add() takes. Runs in a worker, so it touches no mapping state.
        `files` may be pairs made one at a time (a generator): each is written, and let go, before the
        next is made, so the worker never holds them all (the calendar's at 1,000 programmes: 176 MB)."""
        written: dict[str, Stored] = {}
        for path, content in files.items() if isinstance(files, Mapping) else files:
            target = part / path
            target.parent.mkdir(parents=True, exist_ok=True)
            is_text = isinstance(content, str)
            target.write_bytes(content.encode("utf-8") if is_text else content)
            written[path] = (target, is_text)
        return written

    def add(self, written: Mapping[str, Stored]) -> None:
        self._where.update(written)

    def put(self, path: str, content: str | bytes) -> None:
        """One file, written now (a later put of the same path replaces it)."""
        self.add(self.write(self._folder / "put", {path: content}))

    def link(self, path: str, other: Mapping[str, str | bytes], other_path: str) -> None:
        """What `other` has at `other_path`: the same file, neither read nor copied, when `other` keeps
        its files on disk too."""
        if not isinstance(other, SpilledFiles):
            self.put(path, other[other_path])
            return
        if other is not self:
            self._kept.setdefault(id(other), other)
        self._where[path] = other._where[other_path]

    def file_of(self, path: str) -> Path:
        return self._where[path][0]

    def __getitem__(self, path: str) -> str | bytes:
        file, is_text = self._where[path]
        data = file.read_bytes()
        return data.decode("utf-8") if is_text else data

    def __iter__(self) -> Iterator[str]:
        return iter(self._where)

    def __len__(self) -> int:
        return len(self._where)

    def __contains__(self, path: object) -> bool:
        return path in self._where


@contextmanager
def spill_area() -> Iterator[Path]:
    """A temporary folder for one build's generated files (SpilledFiles(area)), removed when the build
    ends, however it ends."""
    _remove_abandoned_folders()
    with tempfile.TemporaryDirectory(prefix=_own_prefix()) as folder:
        yield Path(folder)


def _own_prefix() -> str:
    return f"{FOLDER_PREFIX}{os.getpid()}-"


def _remove_abandoned_folders() -> None:
    for folder in Path(tempfile.gettempdir()).glob(f"{FOLDER_PREFIX}*"):
        pid = folder.name.removeprefix(FOLDER_PREFIX).split("-")[0]
        if pid.isdigit() and not _running(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True
