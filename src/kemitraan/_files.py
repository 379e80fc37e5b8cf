"""Writing files so that a crash never leaves half a file, nor personal data lying about.

:func:`write_atomically` writes to a temporary file beside the target and renames it
over the target; the file and its folder are flushed to disk (fsync) before and after
the rename. A write that fails, or a process killed in the middle, leaves the old file
as it was. Temporary files are named ``.<target>.kemitraan-<pid>-<random>.tmp``, so the
next write to the same place finds those an earlier crash left behind and removes them
(a killed write may hold documents with personal data).
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path
from typing import Final

__all__ = ["write_atomically"]

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


def _fsync_folder(folder: Path) -> None:
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


def write_atomically(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    A failed or killed write leaves no half file: either the old file (if any) or the
    new one; and the temporary files earlier crashes left at this place are removed.

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
        mode = 0o666 & ~_UMASK
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
        _fsync_folder(target.parent)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    finally:
        with _ACTIVE_LOCK:
            _ACTIVE.discard(str(temporary))
    return target
