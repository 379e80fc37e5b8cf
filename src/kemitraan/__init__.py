"""kemitraan: building and keeping partnerships, after *Panduan Melakukan Kemitraan*.

Typed models of the institution, its partners and programmes, the partnership
patterns and agreements, with the checks the guide and Indonesian law ask for, the
guide's 11 steps as a lifecycle, and the documents. The everyday path — the guide's
steps, their records, the documents, saving and loading, the main errors — is
imported from here: ``from kemitraan import Partnership, Agreement, render_document``;
the rest lives in named submodules (``kemitraan.patterns``, ``kemitraan.monitoring``,
``kemitraan.exceptions``, …).

Each name loads on first use (the list is ``__init__.pyi``, which type checkers
read), so ``import kemitraan`` costs almost nothing and the document libraries
load only when a document is made.

>>> import kemitraan
>>> kemitraan.Stage.SIGNING.number
7
"""

import lazy_loader

__version__ = "0.1.0"

__getattr__, __dir__, _public = lazy_loader.attach_stub(__name__, __file__)
# Constants first, then classes, then functions (the order ruff keeps for __all__).
__all__ = sorted(
    [*_public, "__version__"],
    key=lambda name: (not name.isupper(), name[0].islower() or name[0] == "_", name),
)
