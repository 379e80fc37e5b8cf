"""Writing files so that a crash never leaves half a file, nor personal data lying about.

:func:`write_atomically` writes to a temporary file beside the target and renames it
over the target; the file is flushed to disk (fsync) before the rename and its folder
after it. A write that fails, or a process killed in the middle, leaves the old file
as it was. Temporary files are named ``.<target>.kemitraan-<pid>-<random>.tmp``, so the
next write to the same place finds those an earlier crash left behind and removes them
(a killed write may hold documents with personal data).

A batch writing many files into one folder may flush the folder once, after its last
rename (:func:`fsync_folder`), instead of after each: every file's content is still on
disk before its name points at it, so a crash leaves each file whole (old, new, or not
yet there), and the batch returns only once every rename is on disk too.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Final

__all__ = ["AtomicBatch", "fsync_folder", "write_atomically"]

# The process's umask, read once (reading it means setting it).
_UMASK: Final = os.umask(0o022)
os.umask(_UMASK)

#: A temporary file older than this is stale even if its process seems alive (pids are reused).
STALE_AFTER: Final = 3600.0

_ACTIVE: set[str] = set()
_ACTIVE_LOCK = threading.Lock()


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by someone else
        return True
    return True


def _clean_stale(target: Path) -> list[Path]:
    """Remove the temporary files earlier, crashed writes to ``target`` left; return them."""
    removed = []
    for leftover in target.parent.glob(f".{target.name}.kemitraan-*.tmp"):
        with _ACTIVE_LOCK:
            if str(leftover) in _ACTIVE:
                continue
        try:
            pid = int(leftover.name.rsplit(".kemitraan-", 1)[1].split("-", 1)[0])
            age = time.time() - leftover.stat().st_mtime
        except (ValueError, IndexError, FileNotFoundError):
            continue
        if not _alive(pid) or (pid != os.getpid() and age > STALE_AFTER):
            leftover.unlink(missing_ok=True)
            removed.append(leftover)
    return removed


def fsync_folder(folder: str | os.PathLike[str]) -> None:
    """Flush a folder's entries (the renames into it) to disk, where folders can be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # a platform without folder handles (Windows)
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_atomically(
    path: str | os.PathLike[str], data: bytes, *, sync_folder: bool = True, mode: int | None = None
) -> Path:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    A failed or killed write leaves no half file: either the old file (if any) or the
    new one; and the temporary files earlier crashes left at this place are removed.

    Args:
        path: Where to write.
        data: What to write; on disk (fsync) before the rename, always.
        sync_folder: Flush the folder after the rename, so that the new name is on disk
            when this returns. A batch writing many files into one folder passes
            ``False`` and calls :func:`fsync_folder` once after its last write.
        mode: The permissions of a new file (``0o600`` for personal data); by default what
            ``open()`` gives. A file replaced keeps its own.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     write_atomically(Path(folder, "a.txt"), b"isi").read_bytes()
    b'isi'
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    _clean_stale(target)
    try:  # a file replaced keeps its permissions; a new one gets what open() would give
        mode = target.stat().st_mode & 0o777
    except FileNotFoundError:
        mode = 0o666 & ~_UMASK if mode is None else mode
    temporary = target.parent / (
        f".{target.name}.kemitraan-{os.getpid()}-{os.urandom(6).hex()}.tmp"
    )
    with _ACTIVE_LOCK:
        _ACTIVE.add(str(temporary))
    try:
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            os.fchmod(fd, mode)
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
        os.replace(temporary, target)
        if sync_folder:
            fsync_folder(target.parent)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    finally:
        with _ACTIVE_LOCK:
            _ACTIVE.discard(str(temporary))
    return target


class AtomicBatch:
    """Many atomic writes on a background thread, while the caller makes the next file.

    Each file is written as :func:`write_atomically` writes it, its content on disk
    before its rename; every folder written into is flushed once, when the batch
    closes, so closing returns only when every file and every rename is on disk. The
    waits for the disk (fsync releases the interpreter) overlap with the caller's work.
    At most ``pending`` files wait in memory; a failed write is raised by the next
    :meth:`write` or by :meth:`close`, and the files written before it stay written.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     with AtomicBatch() as batch:
    ...         batch.write(Path(folder, "a.txt"), b"a")
    ...         batch.write(Path(folder, "b.txt"), b"b")
    ...     [p.read_bytes() for p in batch.paths]
    [b'a', b'b']
    """

    def __init__(self, pending: int = 4) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kemitraan-write")
        self._pending = max(1, pending)
        self._futures: deque[Future[Path]] = deque()
        self._folders: dict[Path, None] = {}
        self.paths: list[Path] = []
        """The files written, in the order given."""

    def _collect(self, keep: int) -> None:
        """Wait until at most ``keep`` writes are pending; raise the first that failed."""
        while len(self._futures) > keep or (self._futures and self._futures[0].done()):
            self.paths.append(self._futures.popleft().result())

    def write(self, path: str | os.PathLike[str], data: bytes) -> None:
        """Write ``data`` to ``path`` atomically, in the background."""
        self._collect(self._pending - 1)
        target = Path(path)
        self._folders.setdefault(target.parent)
        self._futures.append(self._pool.submit(write_atomically, target, data, sync_folder=False))

    def close(self) -> list[Path]:
        """Wait for every write, flush each folder once; the paths written, in order.

        Raises:
            OSError: a write failed (the first failure; later writes are still waited for).
        """
        try:
            self._collect(0)
        finally:
            for future in self._futures:  # after a failure: the rest still finish
                future.exception()
            self._futures.clear()
            self._pool.shutdown(wait=True)
            for folder in self._folders:
                fsync_folder(folder)
        return self.paths

    def __enter__(self) -> AtomicBatch:
        return self

    def __exit__(self, *exc_info: object) -> None:
        if exc_info[0] is None:
            self.close()
            return
        # Already failing: finish and flush what was written; the error in flight is the one
        # to report, not a write that failed after it.
        with contextlib.suppress(Exception):
            self.close()
