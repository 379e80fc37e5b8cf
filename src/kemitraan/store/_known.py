"""The documents a store has seen load as they are, so that a save can build on them."""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict


class LoadedTexts:
    """The documents this store has seen load as they are, by partnership (a digest each).

    A save builds on the stored text when it is one of them: only what changed since is
    validated (see :func:`kemitraan.io._checked_json`). Bounded, the oldest forgotten.
    """

    def __init__(self, size: int = 10_000) -> None:
        self._size = size
        self._digests: OrderedDict[str, bytes] = OrderedDict()
        self._lock = threading.Lock()

    @staticmethod
    def _digest(text: str) -> bytes:
        return hashlib.sha256(text.encode()).digest()  # hardware-accelerated on most CPUs

    def remember(self, pid: str, text: str) -> None:
        digest = self._digest(text)
        with self._lock:
            self._digests[pid] = digest
            self._digests.move_to_end(pid)
            if len(self._digests) > self._size:
                self._digests.popitem(last=False)

    def forget(self, pid: str) -> None:
        """Forget the document of ``pid`` (it was written unchecked by this class's rules)."""
        with self._lock:
            self._digests.pop(pid, None)

    def loaded(self, pid: str, text: str) -> bool:
        """Whether ``text`` is the document of ``pid`` seen to load."""
        with self._lock:
            digest = self._digests.get(pid)
        return digest is not None and digest == self._digest(text)
