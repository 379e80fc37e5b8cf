"""Extract kemitraan's messages with Babel, merge them into the catalogs, compile them.

Run ``python tools/catalogs.py`` after changing a message: every message id in the
source (the English text given to ``custom_error``, ``field_error``,
``reject_duplicates``, ``translate``, ``say``, ``N_`` and the reason of a
``ReadOnlyFieldError``) lands in both catalogs,
``src/kemitraan/locale/{id,en}/LC_MESSAGES/kemitraan.po``; the English one says each id
as it is, the Indonesian one keeps its translations and lists what is new untranslated
(the script says how many, and exits 1 while any is). Ids no longer in the source are
dropped. The ``.mo`` files are compiled from the ``.po`` files.

``python tools/catalogs.py --check`` changes nothing and exits 1 when a catalog is out
of date (``tests/test_messages.py`` runs it).
"""

from __future__ import annotations

import io
import sys
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "kemitraan"
LOCALE = PACKAGE / "locale"
LANGUAGES = ("id", "en")
KEYWORDS = {
    "custom_error": (2,),
    "field_error": (4,),
    "reject_duplicates": (5,),
    "translate": (1,),
    "say": (1,),
    "N_": (1,),
    "ReadOnlyFieldError": (2,),
    "saying": (1,),
}


def extracted() -> dict[str, list[tuple[str, int]]]:
    """Every message id in the package, with where it stands."""
    found: dict[str, list[tuple[str, int]]] = {}
    for filename, line, message, _comments, _context in extract_from_dir(
        str(PACKAGE), method_map=[("**.py", "python")], keywords=KEYWORDS
    ):
        if isinstance(message, str) and message:
            found.setdefault(message, []).append((f"kemitraan/{filename}", line))
    return found


def _path(language: str, suffix: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / f"kemitraan.{suffix}"


def _read(language: str) -> Catalog:
    path = _path(language, "po")
    if not path.exists():
        return Catalog(locale=language, domain="kemitraan")
    with path.open("rb") as file:
        return read_po(file, locale=language, domain="kemitraan")


def merged(language: str, ids: dict[str, list[tuple[str, int]]]) -> Catalog:
    """The catalog of ``language`` with exactly ``ids``, keeping what is translated."""
    old = _read(language)
    new = Catalog(
        locale=language,
        domain="kemitraan",
        project="kemitraan",
        version="",
        copyright_holder="kemitraan",
        msgid_bugs_address="",
        # fixed, so that a run that changes no message changes no byte
        creation_date=datetime(2026, 1, 1, tzinfo=UTC),
        revision_date=datetime(2026, 1, 1, tzinfo=UTC),
        header_comment=(
            f"# kemitraan's messages in {'Indonesian' if language == 'id' else 'English'}.\n"
            "# Made by tools/catalogs.py from the source; edit the translations here."
        ),
    )
    for message, places in sorted(ids.items()):
        before = old.get(message)
        text = before.string if before is not None and before.string else ""
        if language == "en":
            text = text or message
        new.add(message, text, locations=sorted(places), flags=("python-brace-format",))
    return new


def _po_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=100, sort_output=True, include_lineno=False)
    return out.getvalue()


def _mo_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def main(argv: list[str]) -> int:
    """Extract, merge and compile (or, with ``--check``, only check); the exit status."""
    check = "--check" in argv
    ids = extracted()
    stale: list[str] = []
    missing: list[str] = []
    for language in LANGUAGES:
        catalog = merged(language, ids)
        missing += [f"{language}: {m.id!r}" for m in catalog if m.id and not m.string]
        for suffix, data in (("po", _po_bytes(catalog)), ("mo", _mo_bytes(catalog))):
            path = _path(language, suffix)
            if path.exists() and path.read_bytes() == data:
                continue
            stale.append(str(path.relative_to(ROOT)))
            if not check:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
    for line in missing:
        print(f"untranslated {line}")
    if check and stale:
        print("out of date (run python tools/catalogs.py):", ", ".join(stale))
    elif stale:
        print("written:", ", ".join(stale))
    print(f"{len(ids)} message ids; {len(missing)} untranslated")
    return 1 if missing or (check and stale) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
