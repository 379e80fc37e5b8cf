"""Parties: the institution (lembaga) and the candidate partners it maps and studies.

Guide A.1 maps candidate partners of five kinds; guide A.2 gathers their goals,
scope of work (*bidang garapan*), vision and mission by observation, interview and
documents, through personal, informal and formal approaches. Everything that
step gathers has a home here: :class:`PartyProfile` and :class:`GatheringRecord`.

The institution and its partners share one model, :class:`Party`;
:class:`Institution` and :class:`Partner` only tell them apart.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import cache, lru_cache
from typing import Annotated, Any, ClassVar, Final, Literal, Self

from pydantic import Field, PlainSerializer, SerializationInfo, field_serializer, model_validator

from kemitraan._base import (
    BilingualText,
    KemitraanModel,
    LabelledEnum,
    ValueModel,
    custom_error,
    field_error,
)
from kemitraan._catalog import N_, both, current_language
from kemitraan._privacy import masked_if_asked
from kemitraan._types import (
    NIB,
    NIK,
    NPSN,
    NPWP,
    Email,
    LanguageCode,
    NonEmptyStr,
    PartyId,
    PhoneNumber,
    Rupiah,
    ShortText,
)
from kemitraan.authority import LegalForm, Representative
from kemitraan.exceptions import InvalidArgumentError
from kemitraan.maintenance.observances import Observance
from kemitraan.regions import Region

__all__ = [
    "AnyParty",
    "BusinessScale",
    "Contact",
    "ContributionKind",
    "ContributionKinds",
    "EducationUnitType",
    "GatheringApproach",
    "GatheringMethod",
    "GatheringRecord",
    "Institution",
    "Partner",
    "PartnerKind",
    "Party",
    "PartyProfile",
    "Representative",
    "ScaleBasis",
    "ScaleEvidence",
    "classify_scale",
]


class PartnerKind(LabelledEnum):
    """What kind of organisation or person a party is.

    The first five are the guide's own examples of candidate partners (A.1); the
    rest are the kinds a facilitator meets in practice.

    >>> PartnerKind.COOPERATIVE.label_id
    'Koperasi/KUD'
    >>> PartnerKind.COOPERATIVE.in_guide, PartnerKind.UNIVERSITY.in_guide
    (True, False)
    """

    COMMUNITY_GROUP = (
        "community_group",
        "Kelompok masyarakat yang sudah maju",
        "Advanced community group",
    )
    COMMUNITY_FIGURE = (
        "community_figure",
        "Tokoh masyarakat yang berpengaruh",
        "Influential community figure",
    )
    BUSINESS = "business", "Dunia usaha dan industri", "Business and industry"
    COOPERATIVE = "cooperative", "Koperasi/KUD", "Cooperative / village unit cooperative (KUD)"
    GOVERNMENT = (
        "government",
        "Lembaga pemerintah (dinas terkait, unit pelaksana teknis)",
        "Government agency or technical unit",
    )
    EDUCATION_UNIT = "education_unit", "Satuan pendidikan", "Education unit"
    FOUNDATION = "foundation", "Yayasan/LSM", "Foundation / NGO"
    STATE_ENTERPRISE = "state_enterprise", "BUMN/BUMD", "State-owned enterprise"
    VILLAGE_ENTERPRISE = "village_enterprise", "BUMDes", "Village-owned enterprise"
    FINANCIAL_INSTITUTION = "financial_institution", "Lembaga keuangan", "Financial institution"
    DIGITAL_PLATFORM = "digital_platform", "Platform digital", "Digital platform"
    UNIVERSITY = "university", "Perguruan tinggi", "University"
    OTHER = "other", "Lainnya", "Other"

    @property
    def in_guide(self) -> bool:
        """Whether the guide (A.1) names this kind among its examples."""
        return self in _GUIDE_KINDS


_GUIDE_KINDS: Final = frozenset(
    {
        PartnerKind.COMMUNITY_GROUP,
        PartnerKind.COMMUNITY_FIGURE,
        PartnerKind.BUSINESS,
        PartnerKind.COOPERATIVE,
        PartnerKind.GOVERNMENT,
    }
)


class EducationUnitType(LabelledEnum):
    """The kind of non-formal education unit an institution is.

    >>> EducationUnitType.PKBM.label_en
    'Community learning centre (PKBM)'
    """

    PKBM = "pkbm", "Pusat Kegiatan Belajar Masyarakat (PKBM)", "Community learning centre (PKBM)"
    LKP = "lkp", "Lembaga Kursus dan Pelatihan (LKP)", "Course and training institute (LKP)"
    SKB = "skb", "Sanggar Kegiatan Belajar (SKB)", "Learning activity studio (SKB)"
    OTHER = "other", "Satuan pendidikan lainnya", "Other education unit"


class BusinessScale(LabelledEnum):
    """Business scale under PP 7/2021 Pasal 35 (UMKM criteria).

    >>> BusinessScale.SMALL.label_id
    'Usaha kecil'
    >>> BusinessScale.MICRO < BusinessScale.LARGE
    True
    """

    MICRO = "micro", "Usaha mikro", "Micro enterprise"
    SMALL = "small", "Usaha kecil", "Small enterprise"
    MEDIUM = "medium", "Usaha menengah", "Medium enterprise"
    LARGE = "large", "Usaha besar", "Large enterprise"

    @property
    def rank(self) -> int:
        """1 for micro up to 4 for large."""
        return list(BusinessScale).index(self) + 1

    def __lt__(self, other: str) -> bool:
        if isinstance(other, BusinessScale):
            return self.rank < other.rank
        return NotImplemented

    def __le__(self, other: str) -> bool:
        if isinstance(other, BusinessScale):
            return self.rank <= other.rank
        return NotImplemented

    def __gt__(self, other: str) -> bool:
        if isinstance(other, BusinessScale):
            return self.rank > other.rank
        return NotImplemented

    def __ge__(self, other: str) -> bool:
        if isinstance(other, BusinessScale):
            return self.rank >= other.rank
        return NotImplemented


class ScaleBasis(LabelledEnum):
    """Which figure decides a business's scale (PP 7/2021 Pasal 35 ayat 3 and 5).

    >>> ScaleEvidence(working_capital=Decimal(1)).basis is ScaleBasis.WORKING_CAPITAL
    True
    """

    WORKING_CAPITAL = (
        "working_capital",
        "Modal usaha (di luar tanah dan bangunan)",
        "Working capital (excluding land and buildings)",
    )
    ANNUAL_SALES = "annual_sales", "Hasil penjualan tahunan", "Annual sales"


_MILIAR: Final = Decimal(1_000_000_000)

# PP 7/2021 Pasal 35: the upper bound (inclusive) of each scale; above the last is large.
_THRESHOLDS: Final[dict[ScaleBasis, tuple[tuple[Decimal, BusinessScale], ...]]] = {
    ScaleBasis.WORKING_CAPITAL: (
        (1 * _MILIAR, BusinessScale.MICRO),
        (5 * _MILIAR, BusinessScale.SMALL),
        (10 * _MILIAR, BusinessScale.MEDIUM),
    ),
    ScaleBasis.ANNUAL_SALES: (
        (2 * _MILIAR, BusinessScale.MICRO),
        (15 * _MILIAR, BusinessScale.SMALL),
        (50 * _MILIAR, BusinessScale.MEDIUM),
    ),
}


def classify_scale(
    *, working_capital: Decimal | None = None, annual_sales: Decimal | None = None
) -> BusinessScale:
    """Classify a business by PP 7/2021 Pasal 35.

    Working capital (excluding land and buildings) decides when it is given, as it
    does when a business is founded or registered; otherwise annual sales decide.
    Each bound is inclusive: exactly Rp1 miliar of working capital is micro.

    Args:
        working_capital: *Modal usaha* in rupiah.
        annual_sales: *Hasil penjualan tahunan* in rupiah.

    Returns:
        The scale.

    Raises:
        InvalidArgumentError: when neither figure is given, or one is negative.

    >>> classify_scale(working_capital=Decimal(1_000_000_000))
    <BusinessScale.MICRO: 'micro'>
    >>> classify_scale(working_capital=Decimal(1_000_000_001))
    <BusinessScale.SMALL: 'small'>
    >>> classify_scale(annual_sales=Decimal(60_000_000_000))
    <BusinessScale.LARGE: 'large'>
    """
    if working_capital is not None:
        basis, amount = ScaleBasis.WORKING_CAPITAL, working_capital
    elif annual_sales is not None:
        basis, amount = ScaleBasis.ANNUAL_SALES, annual_sales
    else:
        raise InvalidArgumentError.saying(
            N_("classify_scale needs working_capital or annual_sales"), rule="no_measure"
        )
    if amount < 0:
        raise InvalidArgumentError.saying(
            N_("{measure} must not be negative, not {amount}"),
            measure=basis.value,
            amount=str(amount),
            rule="negative_measure",
        )
    for upper, scale in _THRESHOLDS[basis]:
        if amount <= upper:
            return scale
    return BusinessScale.LARGE


class ScaleEvidence(ValueModel):
    """The figures a business's scale is classified from.

    >>> ScaleEvidence(annual_sales=Decimal("2000000000.01")).scale
    <BusinessScale.SMALL: 'small'>
    """

    working_capital: Rupiah | None = None
    """*Modal usaha*, excluding land and buildings, in rupiah."""
    annual_sales: Rupiah | None = None
    """*Hasil penjualan tahunan*, in rupiah."""
    year: int | None = Field(default=None, ge=1900, le=2200)
    """The year the figures describe, when known."""

    @model_validator(mode="after")
    def _one_figure(self) -> Self:
        if self.working_capital is None and self.annual_sales is None:
            raise custom_error(
                "scale_evidence_missing",
                "give working_capital or annual_sales (PP 7/2021 Pasal 35)",
            )
        return self

    @property
    def basis(self) -> ScaleBasis:
        """Which figure decides: working capital when given, else annual sales."""
        if self.working_capital is not None:
            return ScaleBasis.WORKING_CAPITAL
        return ScaleBasis.ANNUAL_SALES

    @property
    def scale(self) -> BusinessScale:
        """The scale these figures classify to."""
        return classify_scale(working_capital=self.working_capital, annual_sales=self.annual_sales)


class ContributionKind(LabelledEnum):
    """What a party can bring to a partnership, or what a programme needs from one.

    One vocabulary serves the partner's offer (guide A.2), the programme's needs
    (A.3: relevance) and the patterns' terms (B: who brings what).

    >>> ContributionKind.INTEREST_FREE_CAPITAL.label_id
    'Modal tanpa bunga'
    """

    LAND = "land", "Lahan", "Land"
    FACILITIES = "facilities", "Sarana dan prasarana", "Facilities"
    LABOUR = "labour", "Tenaga kerja", "Labour"
    CAPITAL = "capital", "Biaya dan modal", "Funds and capital"
    INTEREST_FREE_CAPITAL = "interest_free_capital", "Modal tanpa bunga", "Interest-free capital"
    MANAGEMENT = "management", "Manajemen", "Management"
    PRODUCTION_INPUTS = (
        "production_inputs",
        "Pengadaan sarana produksi dan bahan baku",
        "Production inputs and raw materials",
    )
    PROCESSING_PACKAGING = (
        "processing_packaging",
        "Pengolahan dan pengemasan",
        "Processing and packaging",
    )
    MARKET_GUARANTEE = "market_guarantee", "Penjaminan pasar", "Market guarantee"
    MARKETING = "marketing", "Pemasaran", "Marketing"
    PRODUCTS = "products", "Barang atau jasa untuk dipasarkan", "Goods or services to market"
    SUPPLY = "supply", "Pasokan hasil produksi", "Supply of produce"
    OFFTAKE = "offtake", "Pembelian hasil produksi", "Purchase of produce (offtake)"
    BUSINESS_LOCATION = "business_location", "Penyediaan lokasi usaha", "Business premises"
    DISTRIBUTION = "distribution", "Pengumpulan dan penyaluran", "Collection and distribution"
    BRAND = "brand", "Merek dan sistem usaha", "Brand and business system"
    CONTRACT_PRODUCTION = (
        "contract_production",
        "Produksi komponen atau jasa sesuai pesanan",
        "Production of parts or services to order",
    )
    SUPPORT_SERVICES = "support_services", "Jasa pendukung", "Support services"
    TRAINING = "training", "Pelatihan", "Training"
    INSTRUCTORS = "instructors", "Narasumber dan instruktur", "Resource persons and instructors"
    MENTORING = "mentoring", "Pendampingan", "Mentoring"
    APPRENTICESHIP = "apprenticeship", "Tempat magang", "Apprenticeship places"
    CERTIFICATION = "certification", "Uji kompetensi dan sertifikasi", "Competency certification"
    CURRICULUM = "curriculum", "Penyusunan kurikulum", "Curriculum development"
    MARKET_ACCESS = "market_access", "Akses pasar", "Market access"
    LICENSING = "licensing", "Perizinan usaha", "Business licensing"
    GRADUATE_PLACEMENT = "graduate_placement", "Penyerapan lulusan", "Graduate placement"
    PARTICIPANTS = "participants", "Peserta didik", "Learners"
    OTHER = "other", "Lainnya", "Other"


ContributionKinds = Annotated[
    frozenset[ContributionKind],
    PlainSerializer(ContributionKind.in_order, return_type=list[ContributionKind]),
]
"""A set of contribution kinds; stored as a list in declaration order, so JSON is stable."""


class Contact(ValueModel):
    """A way to reach a party: a phone number, an e-mail address, or both.

    Phone numbers are normalised to E.164 and shown masked in ``repr``.

    >>> Contact(phone="0812-5123-4567").phone
    MaskedStr('+628******4567')
    """

    name: ShortText | None = None
    """Who answers, when it is a person."""
    role: ShortText | None = None
    """Their role, e.g. ``"Bendahara"``."""
    phone: PhoneNumber | None = None
    """Phone number; Indonesian numbers may be written locally (``0812…``)."""
    email: Email | None = None
    """E-mail address."""
    personal: bool = True
    """Whether this is a person's own contact (personal data, UU 27/2022)."""

    def personal_data(self) -> frozenset[str]:
        """The phone number and e-mail, when this is a person's own contact."""
        return frozenset({"phone", "email"}) if self.personal else frozenset()

    @field_serializer("phone", "email")
    def _masked_if_personal(self, value: str | None, info: SerializationInfo) -> str | None:
        return masked_if_asked(value, info) if self.personal else value

    @model_validator(mode="after")
    def _reachable(self) -> Self:
        if self.phone is None and self.email is None:
            raise custom_error("contact_unreachable", "a contact needs a phone number or an e-mail")
        return self


class GatheringMethod(LabelledEnum):
    """How information about a candidate partner was gathered (guide A.2).

    >>> [m.label_id for m in GatheringMethod]
    ['Observasi', 'Wawancara', 'Studi dokumen']
    """

    OBSERVATION = "observation", "Observasi", "Observation"
    INTERVIEW = "interview", "Wawancara", "Interview"
    DOCUMENTS = "documents", "Studi dokumen", "Document review"


class GatheringApproach(LabelledEnum):
    """The approach taken to the source of information (guide A.2).

    >>> GatheringApproach.PERSONAL.label_en
    'Personal approach'
    """

    PERSONAL = "personal", "Pendekatan personal", "Personal approach"
    """Personal: in person, without regard to the institutional side (visiting the home)."""
    INFORMAL = "informal", "Pendekatan informal", "Informal approach"
    """Informal: through good relations already built."""
    FORMAL = "formal", "Pendekatan formal", "Formal approach"
    """Formal: through a person's position or role in an institution."""

    @property
    def definition(self) -> BilingualText:
        """The guide's definition of the approach (A.2), in both languages.

        >>> print(GatheringApproach.INFORMAL.definition.indonesian)
        Pendekatan informal dilakukan dengan memanfaatkan hubungan baik yang sudah terjalin.
        """
        return _approach_texts()[self]

    @property
    def advice(self) -> BilingualText:
        """The guide's advice on choosing an approach (A.2): the same for each.

        >>> GatheringApproach.FORMAL.advice.english[:58]
        'In some cases personal and informal approaches are more ef'
        """
        return _approach_texts()[None]


@cache
def _approach_texts() -> dict[GatheringApproach | None, BilingualText]:
    """The guide's definitions of the approaches, and (under ``None``) its advice (A.2)."""
    said = {
        GatheringApproach.PERSONAL: N_(
            "A personal approach is made person to person, without regard to the formal "
            "institutional side \u2014 for example, visiting the person at home to talk about "
            "what one wants to learn."
        ),
        GatheringApproach.INFORMAL: N_(
            "An informal approach makes use of good relations already built."
        ),
        GatheringApproach.FORMAL: N_(
            "A formal approach makes use of a person's position or role in an institution."
        ),
        None: N_(
            "In some cases personal and informal approaches are more effective than a formal one."
        ),
    }
    return {approach: BilingualText.of(*both(message)) for approach, message in said.items()}


class GatheringRecord(ValueModel):
    """One dated act of gathering information about a party (guide A.2).

    >>> GatheringRecord(
    ...     on=date(2025, 2, 3),
    ...     method=GatheringMethod.INTERVIEW,
    ...     approach=GatheringApproach.PERSONAL,
    ...     source="Pemilik usaha, di rumahnya",
    ...     findings="Bersedia menerima peserta magang.",
    ... ).method.label_id
    'Wawancara'
    """

    on: date
    """When it took place."""
    method: GatheringMethod
    """Observation, interview or documents."""
    approach: GatheringApproach
    """Personal, informal or formal."""
    source: NonEmptyStr
    """Who or what the information came from."""
    findings: NonEmptyStr
    """What was learned."""
    by: ShortText | None = None
    """The facilitator (*pendamping*) who gathered it."""


class PartyProfile(KemitraanModel):
    """What step A.2 learns about a party: goals, scope of work, vision and mission.

    >>> PartyProfile(goals=["Memberdayakan perajin lokal"]).is_gathered  # no record of it
    False
    """

    goals: list[NonEmptyStr] = Field(default_factory=list)
    """The organisation's goals (*tujuan organisasi*)."""
    scope_of_work: list[NonEmptyStr] = Field(default_factory=list)
    """Its scope of work (*ruang lingkup pekerjaan* or *bidang garapan*)."""
    vision: NonEmptyStr | None = None
    """Its vision (*visi*)."""
    mission: list[NonEmptyStr] = Field(default_factory=list)
    """Its mission statements (*misi*)."""
    offers: list[ContributionKind] = Field(default_factory=list)
    """What it can bring to a partnership."""
    needs: list[ContributionKind] = Field(default_factory=list)
    """What it needs from one."""
    notes: list[NonEmptyStr] = Field(default_factory=list)
    """Anything else worth keeping, in the facilitator's words."""
    gathering_records: list[GatheringRecord] = Field(default_factory=list)
    """Dated records of how the information was gathered."""

    @property
    def knows_the_party(self) -> bool:
        """Something of what A.2 gathers is known (goals, scope, vision, mission, offers, …).

        A.2's "tujuan organisasi, … bidang garapan, visi misi dan sebagainya" are examples,
        not a form every party fills: what a gathering found counts as much.
        """
        known = self.goals or self.scope_of_work or self.vision or self.mission
        return bool(known or self.offers or self.needs or self.notes or self.gathering_records)

    @property
    def is_gathered(self) -> bool:
        """Something of the party is known and at least one gathering is on record."""
        return self.knows_the_party and bool(self.gathering_records)


@lru_cache(maxsize=4096)
def slug(name: str) -> str:
    """An id made from a name: transliterated to ASCII, lowercase, cut at a word boundary.

    Transliteration is python-slugify's (text-unidecode), so names in any script give one.

    >>> slug("PKBM Harapan Bangsa"), slug("مدرسة النور"), slug("Ünïcödé Çafé")
    ('pkbm-harapan-bangsa', 'mdrs-lnwr', 'unicode-cafe')
    """
    from slugify import slugify

    return str(slugify(name, max_length=64, word_boundary=True))


def _default_id(data: dict[str, Any]) -> str:
    return slug(str(data.get("name", "")))


class Party(KemitraanModel):
    """A party to a partnership: the institution or a (candidate) partner.

    ``id`` defaults to a slug of the name and is how agreements and plans refer to
    the party. Identifiers are validated by format; the NIK is masked in ``repr``.

    >>> party = Party(name="Koperasi Serba Usaha Maju Bersama", kind=PartnerKind.COOPERATIVE)
    >>> party.id
    'koperasi-serba-usaha-maju-bersama'
    """

    name: ShortText
    """The party's name (an organisation, or a person for a community figure)."""
    id: PartyId = Field(default_factory=_default_id, validate_default=True, frozen=True)
    """Stable identifier (a slug of the name by default); never reassigned: records name it."""
    kind: PartnerKind
    """What kind of party this is (guide A.1)."""
    scale: BusinessScale | None = None
    """Business scale as known; must agree with ``finances`` when both are given."""
    finances: ScaleEvidence | None = None
    """Working capital or annual sales, from which the scale is classified."""
    region: Region | None = None
    """Where the party is."""
    address: NonEmptyStr | None = None
    """Street address."""
    representative: Representative | None = None
    """Who acts and signs for the party."""
    contacts: list[Contact] = Field(default_factory=list)
    """How to reach the party."""
    nib: NIB | None = None
    """Business registration number (13 digits)."""
    npwp: NPWP | None = None
    """Tax number (15 or 16 digits)."""
    npsn: NPSN | None = None
    """Education unit number: 8 digits, or a letter and 7 digits (P… a PKBM, K… an LKP)."""
    nik: NIK | None = None
    """Identity number of a party who is a person (16 digits; personal data)."""
    legal_form: LegalForm | None = None
    """Its legal form, when its kind and name do not tell it (``form`` reads it from them)."""

    personal_fields: ClassVar[frozenset[str]] = frozenset({"nik"})
    is_foreign: bool = False
    """Whether the party is foreign (an agreement then needs a second language, UU 24/2009)."""
    language: LanguageCode = "id"
    """The party's working language (ISO 639)."""
    profile: PartyProfile = Field(default_factory=PartyProfile)
    """What step A.2 gathered about the party."""

    @model_validator(mode="before")
    @classmethod
    def _id_from_name(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("id") is None and isinstance(data.get("name"), str):
            made = slug(data["name"]) or ("" if data["name"].strip() else "pihak")  # blank: errs
            if not made:
                raise field_error(
                    cls.__name__,
                    ("id",),
                    "id_needed",
                    "the name '{name}' gives no id (it has no letters or digits to make one "
                    "from); give the party an id= of lowercase letters and digits",
                    name=data["name"],
                )
            data = {**data, "id": made}
        return data

    @model_validator(mode="after")
    def _scale_agrees(self) -> Self:
        if self.scale is not None and self.finances is not None:
            classified = self.finances.scale
            if classified is not self.scale:
                raise field_error(
                    self,
                    ("scale",),
                    "scale_mismatch",
                    "scale given: {scale}; by its {basis} it is a {classified} (PP 7/2021)",
                    scale=self.scale.label(current_language()).lower(),
                    basis=self.finances.basis.label(current_language()).lower(),
                    classified=classified.label(current_language()).lower(),
                )
        return self

    @property
    def business_scale(self) -> BusinessScale | None:
        """The scale: classified from ``finances`` when given, else ``scale``."""
        if self.finances is not None:
            return self.finances.scale
        return self.scale

    @property
    def form(self) -> LegalForm | None:
        """The legal form, which decides what gives the signer capacity.

        ``legal_form`` when given, else what the kind and name imply (a KUBE, a Dinas,
        a yayasan-run PKBM, "PT …").
        """
        operator = getattr(self, "operated_by", None)
        return self.legal_form or LegalForm.implied(self.kind.value, self.name, operator)

    @property
    def display_name(self) -> str:
        """The name, for messages and documents."""
        return self.name


class Institution(Party):
    """The education unit (*lembaga*) that seeks partners, e.g. a PKBM running a PKW.

    >>> Institution(name="PKBM Harapan Bangsa", npsn="P9984574").npsn  # a PKBM's: P + 7 digits
    'P9984574'
    >>> pkbm = Institution(name="PKBM Harapan Bangsa", npsn="P997123")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    pydantic_core._pydantic_core.ValidationError: 1 validation error for Institution
    npsn
      NPSN terdiri atas 8 angka, ..., bukan 'P997123' [type=invalid_npsn]
    >>> Institution(name="PKBM Harapan Bangsa", npsn="69971234").kind.label_id
    'Satuan pendidikan'
    """

    party_type: Literal["institution"] = "institution"
    """Discriminator: this party is the institution."""
    kind: PartnerKind = PartnerKind.EDUCATION_UNIT
    """Normally an education unit."""
    unit_type: EducationUnitType | None = None
    """PKBM, LKP, SKB, …"""
    operated_by: ShortText | None = None
    """The legal body that runs it, when the unit is not one itself (a PKBM or LKP is
    usually run by a *yayasan*): agreements are made in that body's name, "selaku
    penyelenggara" of the unit."""
    operating_permit: ShortText | None = None
    """The unit's operating permit (*izin operasional*): its number, date and issuer."""


class Partner(Party):
    """A candidate or actual partner of the institution (guide A.1).

    >>> Partner(name="Dinas Koperasi dan UKM", kind=PartnerKind.GOVERNMENT).id
    'dinas-koperasi-dan-ukm'
    """

    party_type: Literal["partner"] = "partner"
    """Discriminator: this party is a partner."""
    mapped_on: date | None = None
    """When the facilitator mapped this candidate (guide A.1)."""
    set_aside: NonEmptyStr | None = None
    """Why the candidate is not pursued, if set aside: it stays in the register and steps 2–3
    ask nothing more of it (A.2 gathers to *explore the possibility*, A.3 keeps the relevant)."""
    observances: list[Observance] = Field(default_factory=list)
    """The days it is greeted on besides the national ones, its own *hari raya* (guide C.5)."""
    unique_value: NonEmptyStr | None = None
    """What the institution uniquely brings it, to show at every meeting (guide C.4)."""

    @property
    def pursued(self) -> bool:
        """Whether the candidate is pursued (not set aside)."""
        return self.set_aside is None


AnyParty = Annotated[Institution | Partner, Field(discriminator="party_type")]
"""Either party type, told apart in JSON by ``party_type``."""
