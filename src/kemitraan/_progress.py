"""Progress bars for long work, the way notebook users expect them (tqdm, optional).

Reading a folder of a hundred thousand partnerships, importing them into a store or
rendering a batch of documents takes long enough to wonder whether anything happens.
:func:`progress` wraps such a loop in tqdm's bar — the notebook widget in Jupyter, a text
bar in a terminal (``tqdm.auto``) — when tqdm is installed (the ``analysis`` extra brings
it); the bar shows only once the work has run two seconds, so short work stays silent.
``enabled=False`` turns it off; ``True`` shows it at once (and asks for tqdm).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from kemitraan.exceptions import MissingExtraError

__all__ = ["progress"]

T = TypeVar("T")


def progress(
    items: Iterable[T], *, what: str, total: int | None = None, enabled: bool | None = None
) -> Iterable[T]:
    """``items``, counted on a progress bar named ``what`` (see the module).

    >>> list(progress([1, 2], what="membaca", enabled=False))
    [1, 2]
    """
    if enabled is False:
        return items
    try:
        from tqdm.auto import tqdm
    except ImportError:
        if enabled:
            raise MissingExtraError("analysis", "progress bars", "tqdm") from None
        return items
    bar: Iterable[T] = tqdm(
        items, desc=what, total=total, delay=0 if enabled else 2, leave=bool(enabled)
    )
    return bar
