r"""The store's migrations, run by Alembic: from the first layout the store had to the current one.

An app runs them with :func:`kemitraan.store.upgrade_database`, or with the Alembic command
line and the ``alembic.ini`` beside this file (:data:`ALEMBIC_INI`)::

    alembic -c "$(python -c 'import kemitraan.store.migrations as m; print(m.ALEMBIC_INI)')" \\
        -x url=sqlite:///kemitraan.db upgrade head

The database is named by ``-x url=…``, else by ``KEMITRAAN_STORE_URL``. Alembic keeps the
revision in ``kemitraan_alembic_version``, apart from an app's own ``alembic_version``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

__all__ = ["ALEMBIC_INI", "SCRIPTS"]

#: The folder of the migration scripts (``env.py`` and ``versions/``).
SCRIPTS: Final = Path(__file__).parent
#: The configuration the Alembic command line takes with ``-c``.
ALEMBIC_INI: Final = SCRIPTS / "alembic.ini"
