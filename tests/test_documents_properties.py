"""Hostile text in every field: every document opens and the text comes back."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import HealthCheck, given, settings, strategies as st

from docs_helpers import text
from kemitraan import (
    Agreement,
    AgreementKind,
    Funding,
    Institution,
    Partner,
    PartnerKind,
    PartyRole,
    Representative,
    Signatory,
    Term,
    render_document,
)
from kemitraan.documents import clean_text
from kemitraan.documents._agreement import smart_quotes
from kemitraan.pattern_terms import GeneralTradeTerms, TradedGood

FRAGMENTS = [
    "<w:p>",
    "</w:t>",
    "&amp;",
    "]]>",
    "<![CDATA[x]]>",
    "'\"",
    "{{ 7*7 }}",
    "{% for x in y %}",
    "{%p endfor %}",
    "{#",
    "{_{",
    "\x01",  # XML cannot hold it (the null character no model takes)
    "\x0b",
    "\x1f",
    "\ufffe",
    "🧶",
    "👩🏽‍🔧",
    "مرحبا بالعالم",
    "\u202eRTL",
    "שלום",
    "\t",
    "\n",
    "\r\n",
    "  ",
    "x" * 3000,
    "Rp1.000,00",
]

# Any character a Python string can carry through validation (control characters
# included; lone surrogates and the null character are refused by the models, see
# below), mixed with the fragments that break naive XML, Jinja or docxtpl handling.
anything = st.text(
    st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), min_size=1, max_size=30
)
hostile = (
    st.lists(
        st.one_of(anything, st.sampled_from(FRAGMENTS)),
        min_size=1,
        max_size=4,
    )
    .map(lambda parts: "".join(parts)[:5000])  # a text field holds at most 5,000 characters
    .filter(lambda s: clean_text(s).strip() != "")
)


def expected(value: str) -> str:
    # what validation keeps (surrounding white space stripped), minus what XML cannot hold,
    # with typographic quotes
    return smart_quotes(clean_text(value.strip()))


def shown(value: str, body: str) -> bool:
    """The value is in the document; a list point may start with its first letter lowered."""
    text = expected(value)
    return text in body or (text[:1].lower() + text[1:]) in body


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=hostile,
    place=hostile,
    subject=hostile,
    scope=hostile,
    duty=hostile,
    role=hostile,
    right=hostile,
    good=hostile,
    quality=hostile,
    person=hostile,
    source=hostile,
    consideration=hostile,
)
def test_hostile_text_comes_back(
    name: str,
    place: str,
    subject: str,
    scope: str,
    duty: str,
    role: str,
    right: str,
    good: str,
    quality: str,
    person: str,
    source: str,
    consideration: str,
) -> None:
    institution = Institution(
        name=name[:500],
        id="lembaga",
        address=place,
        representative=Representative(name=person[:500], position=role[:500]),
    )
    partner = Partner(name="Mitra", id="mitra", kind=PartnerKind.BUSINESS)
    agreement = Agreement(
        kind=AgreementKind.MOU,
        parties=[institution, partner],
        subject=subject,
        place=place[:500],
        date=date(2025, 3, 10),
        considerations=[consideration],
        scope=[scope],
        roles=[
            PartyRole(party_id="lembaga", role=role, rights=[right], responsibilities=[duty]),
            PartyRole(party_id="mitra", role="Mitra", responsibilities=["Tugas"]),
        ],
        pattern=GeneralTradeTerms(
            supplier="lembaga",
            buyer="mitra",
            goods=[TradedGood(name=good[:500])],
            quality_requirements=[quality],
        ),
        financing=[Funding(source_name=source[:500], amount=Decimal("1500.50"))],
        term=Term(start=date(2025, 3, 10), end=date(2026, 3, 9)),
        signatories=[
            Signatory(party_id="lembaga", name=person[:500], position=role[:500]),
            Signatory(party_id="mitra", name="Direktur Mitra", position="Direktur"),
        ],
    )
    first = render_document(agreement)
    assert render_document(agreement) == first  # identical bytes, every time
    body = text(first)  # it opens
    kept = agreement  # validated values, as the document should show them
    for value in (
        kept.place,
        kept.scope[0],
        kept.roles[0].responsibilities[0],
        kept.roles[0].rights[0],
        kept.roles[0].role,
        kept.parties[0].name,
        kept.financing[0].source_name or "",
        kept.signatories[0].name,
        kept.considerations[0],
    ):
        assert shown(value, body), value
    pattern = kept.pattern
    assert isinstance(pattern, GeneralTradeTerms)
    assert shown(pattern.goods[0].name, body)
    assert shown(pattern.quality_requirements[0], body)
    assert expected(kept.subject).upper() in body


def test_lone_surrogates_and_the_null_character_are_refused_at_the_door() -> None:
    import pytest
    from pydantic import ValidationError

    with pytest.raises(ValidationError) as caught:
        Partner(name="Mitra\ud800", kind=PartnerKind.BUSINESS, id="mitra")
    assert caught.value.errors()[0]["type"] == "lone_surrogate"
    with pytest.raises(ValidationError) as caught:
        Partner(name="Mitra\x00", kind=PartnerKind.BUSINESS, id="mitra")
    assert caught.value.errors()[0]["type"] == "null_character"


WEEKDAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
MONTHS = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)))
def test_the_opening_has_the_true_weekday_and_agrees_with_the_figures(day: date) -> None:
    from kemitraan.documents import agreement_context

    mou = Agreement(
        parties=[Institution(name="PKBM A"), Partner(name="Toko B", kind=PartnerKind.BUSINESS)],
        subject="Uji",
        place="Martapura",
        date=day,
    )
    opening = agreement_context(mou).opening
    assert opening.startswith(f"Pada hari ini, {WEEKDAYS[day.weekday()]}, tanggal ")
    assert f", bulan {MONTHS[day.month - 1]}, tahun " in opening
    assert f"({day:%d-%m-%Y}), bertempat di Martapura" in opening


# What docxtpl's resolve_listing reads: paragraphs (with or without attributes and
# properties), runs, texts holding tabs, bells, line feeds and form feeds, and the
# markup around them (tables, a stray opening tag, text between paragraphs).
_text = st.text(st.sampled_from("ab <>\t\n\a\f"), max_size=8)
_run = st.builds(
    lambda attrs, props, text: f"<w:r{attrs}>{props}<w:t{attrs}>{text}</w:t></w:r>",
    st.sampled_from(["", ' xml:space="preserve"']),
    st.sampled_from(["", "<w:rPr><w:b/></w:rPr>"]),
    _text,
)
_paragraph = st.builds(
    lambda attrs, props, runs: f"<w:p{attrs}>{props}{''.join(runs)}</w:p>",
    st.sampled_from(["", ' w:rsidR="00A1"']),
    st.sampled_from(["", '<w:pPr><w:jc w:val="center"/></w:pPr>']),
    st.lists(_run, max_size=3),
)
_between = st.sampled_from(
    ["", "\n", "<w:tbl><w:tr><w:tc>", "</w:tc></w:tr></w:tbl>", "<w:p>", "<w:p ", "x\ty"]
)
_body = st.lists(st.one_of(_paragraph, _between), max_size=8).map("".join)


@settings(max_examples=300)
@given(_body)
def test_listing_is_resolved_as_docxtpl_resolves_it(xml: str) -> None:
    from kemitraan.documents._render import _DOCXTPL, _resolve_listing

    assert _resolve_listing(xml) == _DOCXTPL.resolve_listing(xml)


@settings(max_examples=300)
@given(
    st.decimals(allow_nan=False, allow_infinity=False, places=None)
    | st.integers(-(10**20), 10**20).map(Decimal)
)
def test_numbers_are_written_with_babel_as_agreements_wrote_them(value: Decimal) -> None:
    from kemitraan.conventions import number_text

    plain = format(value.normalize(), "f")  # what agreements printed before Babel wrote it
    assert number_text(value, "en", grouping=False) == plain
    assert number_text(value, grouping=False) == plain.replace(".", ",")
    # with the thousands grouped: full stops in Indonesian, commas in English
    whole, _, fraction = plain.partition(".")
    assert number_text(value).replace(".", "") == plain.replace(".", ",")
    grouped_whole, _, grouped_fraction = number_text(value, "en").partition(".")
    assert (grouped_whole.replace(",", ""), grouped_fraction) == (whole, fraction)


@settings(max_examples=300)
@given(st.floats(allow_nan=False, allow_infinity=False), st.integers(0, 4))
def test_floats_are_rounded_as_python_formats_them(value: float, places: int) -> None:
    from kemitraan.conventions import number_text

    plain = f"{value:.{places}f}"
    plain = plain.rstrip("0").rstrip(".") if "." in plain else plain
    plain = "0" if plain == "-0" else plain  # a zero has no sign in a document
    assert number_text(value, "en", places=places, grouping=False) == plain
    assert number_text(value, places=places, grouping=False) == plain.replace(".", ",")


@settings(max_examples=300)
@given(st.lists(st.sampled_from(["\n", "<w:p", " ", ">", "x", "<w:pPr>", "\n<w:p>", "\n\n"])))
def test_paragraphs_are_joined_as_the_pattern_joins_them(pieces: list[str]) -> None:
    import re

    from kemitraan.documents._render import _unsplit

    xml = "".join(pieces)
    assert _unsplit(xml) == re.sub(r"\n<w:p([ >])", r"<w:p\1", xml)
