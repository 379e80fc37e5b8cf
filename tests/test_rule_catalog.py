"""Every rule's message is said from the catalogs (issue 18.1).

A library rule declares its message once, in English, as a message id; the Indonesian is
the translation in ``locale/id/LC_MESSAGES/kemitraan.po``, where a translator edits it. A
rule declared outside the library gives its Indonesian itself.
"""

from __future__ import annotations

import string
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from babel.messages.pofile import read_po

from kemitraan._catalog import current_language, say
from kemitraan.agreement_checks import AGREEMENT_RULES
from kemitraan.findings import Hit, Rule, RuleBook
from kemitraan.maintenance.health import HEALTH_RULES
from kemitraan.messages import speaking
from kemitraan.recommender import PATTERN_RULES
from kemitraan.requirements import REQUIREMENTS

LOCALE = Path(__file__).resolve().parents[1] / "src" / "kemitraan" / "locale"


def _catalog(language: str) -> Any:
    with (LOCALE / language / "LC_MESSAGES" / "kemitraan.po").open("rb") as file:
        return read_po(file, locale=language, domain="kemitraan")


ID = _catalog("id")
EN = _catalog("en")


def _rules() -> Iterator[tuple[str, Rule[Any]]]:
    """Every rule the library declares, in every book and registry."""
    books: dict[str, list[Rule[Any]]] = {
        "agreement": list(AGREEMENT_RULES),
        "requirement": [declared.rule for declared in REQUIREMENTS],
        "pattern": list(PATTERN_RULES),
        "health": list(HEALTH_RULES),
    }
    for book, rules in books.items():
        for rule in rules:
            yield f"{book}:{rule.code}", rule


RULES = list(_rules())


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def _filled(template: str) -> str:
    return template.format_map(dict.fromkeys(_fields(template), "x"))


@pytest.mark.parametrize("rule", [rule for _, rule in RULES], ids=[name for name, _ in RULES])
def test_every_library_rule_is_said_from_the_catalogs(rule: Rule[Any]) -> None:
    assert rule.indonesian is None, "a library rule gives only its English message id"
    translated = ID.get(rule.english)
    assert translated is not None, f"{rule.english!r} is not in the Indonesian catalog"
    assert translated.string.strip(), f"{rule.english!r} has no Indonesian"
    assert translated.string != rule.english, f"{rule.english!r} is not translated"
    assert EN.get(rule.english).string == rule.english
    assert _fields(translated.string) == _fields(rule.english), rule.code
    # and each formats: a brace that is not a field is escaped in both
    _filled(translated.string)
    _filled(rule.english)
    assert rule.texts() == (translated.string, rule.english)


def test_every_catalog_template_formats_in_both_languages() -> None:
    for message in ID:
        if not message.id:
            continue
        assert _fields(message.string) == _fields(message.id), message.id
        _filled(message.string)
        _filled(message.id)


def test_rule_codes_are_unique_across_the_catalog_walk() -> None:
    assert len({name for name, _ in RULES}) == len(RULES)


def test_a_library_rule_says_indonesian_by_default_and_english_on_request() -> None:
    rule = HEALTH_RULES["partner_first.contact_every_partner"]
    message = rule.message(Hit(values={"days": 40}))
    assert current_language() == "id"
    assert message.get(current_language()) == "Kontak terakhir 40 hari lalu."
    assert say(rule.english) == "Kontak terakhir {days} hari lalu."
    with speaking("en"):
        assert message.get(current_language()) == "Last contact 40 days ago."
        assert say(rule.english) == "Last contact {days} days ago."


def test_an_extension_rule_gives_its_own_indonesian() -> None:
    book: RuleBook[str] = RuleBook()

    @book.rule(
        "app.named",
        basis="Panduan A.1",
        summary="A name is given.",
        english="{what} has no name.",
        indonesian="{what} belum bernama.",
    )
    def _(text: str) -> Iterator[Hit]:
        if not text:
            yield Hit(values={"what": "Calon"})

    [found] = book.findings("")
    assert found.message.indonesian == "Calon belum bernama."
    assert found.message.english == "Calon has no name."


def test_an_extension_rule_without_indonesian_is_said_as_written() -> None:
    rule: Rule[str] = Rule(
        code="app.quiet",
        basis="-",
        summary="-",
        english="Nothing was said about {what}.",
        check=lambda _: [Hit(values={"what": "x"})],
    )
    [found] = rule.findings("")
    assert found.message.indonesian == found.message.english == "Nothing was said about x."
