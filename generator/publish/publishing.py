"""Putting a built site in place: in one atomic step, one build at a time, readable by a web server.

A build is made in a staging folder beside the target (`.site-staging-XXXX` for `site/`), then swapped
in with one rename-exchange (Linux renameat2 RENAME_EXCHANGE): the target is the old complete site
until that moment and the new complete site after it, so a build killed at any point leaves a whole
site. The old site, now in the staging folder, is then deleted; if the build is killed first, the next
build deletes it (it holds the lock, so no staging folder it finds is still in use). The first
publication, with no site yet, is a plain rename, atomic too.

A lock file beside the target (`.site.lock`) keeps two builds from writing at once; the second says
what it waits for. Staging folders and the lock are in .gitignore.

Where the platform has no rename-exchange (not Linux, or a file system without it), the old site is
renamed aside and the new one renamed in: a build killed between those two renames leaves no target,
which the next build repairs by building again.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# Ordinary permissions for what a web server (another user) reads, whatever the umask or mkdtemp's 0700.
FOLDER_MODE = 0o755
FILE_MODE = 0o644

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def staging_prefix(target: Path) -> str:
    return f".{target.name}-staging-"


def lock_path(target: Path) -> Path:
    return target.with_name(f".{target.name}.lock")


@contextmanager
def build_lock(target: Path) -> Iterator[None]:
    """Held for a whole build into `target`; a second build waits for it, and says so."""
    target.parent.mkdir(parents=True, exist_ok=True)
    path = lock_path(target)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, FILE_MODE)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "unknown"
            print(f"catalog: another build (process {holder}) is building {target}; "
                  f"waiting for it to finish (lock: {path})", file=sys.stderr, flush=True)
            fcntl.flock(fd, fcntl.LOCK_EX)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        yield
    finally:
        os.close(fd)  # releases the lock


def remove_leftovers(target: Path) -> None:
    """Staging folders of builds that were killed, and the aside-copy of the two-rename fallback.
    Only called under the lock, so none of them belongs to a running build."""
    for folder in target.parent.glob(staging_prefix(target) + "*"):
        shutil.rmtree(folder, ignore_errors=True)


def new_staging(target: Path) -> Path:
    """A fresh, empty staging folder beside `target` (same file system, so the swap is a rename)."""
    remove_leftovers(target)
    return Path(tempfile.mkdtemp(prefix=staging_prefix(target), dir=target.parent))


def make_readable(folder: Path) -> None:
    """0755 folders and 0644 files throughout: a web server running as another user can read the site."""
    os.chmod(folder, FOLDER_MODE)
    for parent, folders, files in os.walk(folder):
        for name in folders:
            os.chmod(os.path.join(parent, name), FOLDER_MODE, follow_symlinks=False)
        for name in files:
            path = os.path.join(parent, name)
            if not stat.S_ISLNK(os.lstat(path).st_mode):
                os.chmod(path, FILE_MODE)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one atomic step; False where the platform or file system cannot."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(second))


def publish(staging: Path, target: Path) -> None:
    """Make `staging` the new `target` in one atomic step, then delete the old site."""
    make_readable(staging)
    if not os.path.lexists(target):
        os.rename(staging, target)
        return
    if not _exchange(staging, target):
        aside = Path(tempfile.mkdtemp(prefix=staging_prefix(target), dir=target.parent))
        os.rename(target, aside / target.name)
        os.rename(staging, target)
        staging = aside
    shutil.rmtree(staging, ignore_errors=True)  # the old site
