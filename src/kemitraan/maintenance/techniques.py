"""The guide's six techniques of keeping a partnership (part C), as checklists.

Part C of the guide, *Teknik Mempertahankan Kemitraan*, names six techniques:
put every partner first; be humble and always ask for feedback; be patient with every
partner's temper; show the value only you bring; be active; surprise and exceed
expectations. Each is a checklist here (:data:`CHECKLISTS`): concrete items that can
be checked, in Indonesian and English, each with the guide's own sentence it comes
from. Some items are judged from the data (the interaction log, monitoring, the
parties' views); the rest are answered by the facilitator
(:class:`~kemitraan.maintenance.interactions.ChecklistAnswer`).
"""

from __future__ import annotations

from typing import Final

from kemitraan._base import BilingualText, LabelledEnum, ValueModel
from kemitraan._types import NonEmptyStr, ShortText
from kemitraan.exceptions import NotFoundError

__all__ = ["CHECKLISTS", "ChecklistItem", "Technique", "checklist_item"]

bi = BilingualText.of


class Technique(LabelledEnum):
    """The six techniques of keeping a partnership (guide C), in the guide's order.

    >>> [t.number for t in Technique]
    [1, 2, 3, 4, 5, 6]
    """

    PARTNER_FIRST = "partner_first", "Selalu nomor satukan setiap mitra", "Put every partner first"
    HUMBLE = (
        "humble",
        "Bersikap rendah hati dan selalu minta masukan",
        "Be humble and always ask for feedback",
    )
    PATIENT = (
        "patient",
        "Bersikap sabar menghadapi berbagai perangai mitra",
        "Be patient with every partner's temper",
    )
    UNIQUE_VALUE = (
        "unique_value",
        "Tunjukkan nilai unik kepada mitra",
        "Show partners the value only you bring",
    )
    ACTIVE = "active", "Bersikap aktif", "Be active"
    SURPRISE = (
        "surprise",
        "Berikan kejutan dan lampaui ekspektasi",
        "Surprise and exceed expectations",
    )

    @property
    def number(self) -> int:
        """Its number in the guide (1–6)."""
        return list(Technique).index(self) + 1


class ChecklistItem(ValueModel):
    """One checkable item of a technique, and the guide's sentence it comes from.

    >>> checklist_item("humble.ask_every_partner").technique
    <Technique.HUMBLE: 'humble'>
    """

    code: ShortText
    """``technique.item``: stable, for answers and apps."""
    technique: Technique
    """The technique it belongs to."""
    text: BilingualText
    """What to check."""
    guide: NonEmptyStr
    """The guide's sentence (part C) the item comes from."""
    from_data: bool
    """Whether kemitraan judges it from the data; otherwise the facilitator answers it."""


def _item(
    code: str, technique: Technique, id_: str, en: str, guide: str, data: bool
) -> ChecklistItem:
    # the library's own checklist, taken as written (tests hold every item to its rules)
    return ChecklistItem.trusted(
        code=code, technique=technique, text=bi(id_, en), guide=guide, from_data=data
    )


T = Technique
CHECKLISTS: Final[dict[Technique, tuple[ChecklistItem, ...]]] = {
    T.PARTNER_FIRST: (
        _item(
            "partner_first.contact_every_partner",
            T.PARTNER_FIRST,
            "Setiap mitra, besar maupun kecil, dihubungi dalam jarak kontak yang disepakati.",
            "Every partner, large or small, is contacted within the agreed interval.",
            "Dengan selalu menomorsatukan setiap mitra yang kamu miliki, mereka pun akan "
            "mendapatkan rasa hormat, dihargai, dan merasa bahwa mereka adalah mitra yang "
            "penting untukmu.",
            True,
        ),
        _item(
            "partner_first.interests_first",
            T.PARTNER_FIRST,
            "Kepentingan mitra dibahas lebih dahulu dalam setiap pertemuan.",
            "The partner's interests come first in every meeting.",
            "Makanya, hati-hatilah dan selalu bersikap orisinil mengedepankan kepentingan "
            "pelanggan serta mitra bisnis.",
            False,
        ),
        _item(
            "partner_first.opportunity_anywhere",
            T.PARTNER_FIRST,
            "Mitra yang kecil atau baru dilayani sama baiknya, karena peluang dapat muncul "
            "dari mana saja.",
            "Small or new partners are served as well, because opportunity can come from anywhere.",
            "Kita tidak akan tahu siapa yang akan memegang peran untuk keputusan bisnis di masa "
            "depan, Karena itu, ingatlah bahwa peluang dapat muncul dari mana saja.",
            False,
        ),
    ),
    T.HUMBLE: (
        _item(
            "humble.ask_every_partner",
            T.HUMBLE,
            "Masukan diminta dari setiap mitra secara berkala; diam tidak dianggap puas.",
            "Feedback is asked of every partner regularly; silence is not taken as satisfaction.",
            "Jika mereka diam, belum tentu mereka pun sudah puas dengan kinerja kita.",
            True,
        ),
        _item(
            "humble.act_on_feedback",
            T.HUMBLE,
            "Setiap masukan atau keluhan mitra ditindaklanjuti.",
            "Every piece of feedback or complaint is acted on.",
            "kita harus bersikap rendah hati dan terbuka pada setiap masukan atau keluhan dari "
            "pelanggan atau mitra bisnis kita.",
            True,
        ),
        _item(
            "humble.feedback_event",
            T.HUMBLE,
            "Mitra diundang ke acara khusus untuk dimintai masukan.",
            "Partners are invited to a special event to give feedback.",
            "Bahkan, perusahaan besar tidak segan-segan untuk mengundang mitra bisnisnya untuk "
            "dimintai masukan terhadap produknya dalam suatu acara khusus.",
            True,
        ),
    ),
    T.PATIENT: (
        _item(
            "patient.problems_solved",
            T.PATIENT,
            "Masalah dengan mitra dicarikan solusi bersama, tidak dibiarkan menjadi permusuhan.",
            "Problems with a partner are solved together, never left to turn into hostility.",
            "Jangan sampai meledak dan malah menyebabkan permusuhan.",
            True,
        ),
        _item(
            "patient.professional",
            T.PATIENT,
            "Sikap profesional tetap dijaga terhadap mitra yang menuntut, kompetitif atau "
            "ingin tahu dapur usaha.",
            "Professional with partners who are demanding, competitive or too curious.",
            "Menghadapi hal tersebut, sebisa mungkin kamu harus bersikap sabar dan tunjukkan "
            "diri sebagai pribadi yang profesional.",
            False,
        ),
        _item(
            "patient.neutral_topics",
            T.PATIENT,
            "Pembicaraan yang menyinggung hal sensitif dialihkan ke topik netral.",
            "Talk that touches something sensitive is steered to neutral topics.",
            "Jika sudah menyinggung hal sensitif, kita bisa mulai mengalihkan perbincangan pada "
            "topik-topik netral untuk membuat mereka lupa sehingga kamu bisa menghindari "
            "perselisihan.",
            False,
        ),
    ),
    T.UNIQUE_VALUE: (
        _item(
            "unique_value.memorable_meeting",
            T.UNIQUE_VALUE,
            "Setiap pertemuan dengan mitra membawa sesuatu yang unik untuk diingat.",
            "Every meeting with a partner brings something unique to remember.",
            "Jadi, usahakan dalam setiap pertemuan yang kita hadiri bersama mitra bisnis, "
            "berikan sesuatu yang unik yang akan mereka ingat.",
            True,
        ),
        _item(
            "unique_value.product_workshop",
            T.UNIQUE_VALUE,
            "Workshop produk diadakan dengan fakta-fakta unik tentang produk dan pengalamannya.",
            "A product workshop is held, with unique facts about the product and experience.",
            "Seperti misalnya jika kamu memberikan workshop produk kepada pelangganmu, berikan "
            "fakta-fakta unik terhadap produk dan pengalaman perihal itu.",
            True,
        ),
        _item(
            "unique_value.attend_invitations",
            T.UNIQUE_VALUE,
            "Undangan mitra selalu dihadiri.",
            "The partner's invitations are always attended.",
            "Ibarat undangan, maka tiada kesan tanpa kehadiran kita.",
            True,
        ),
        _item(
            "unique_value.business_issue",
            T.UNIQUE_VALUE,
            "Isu bisnis yang menarik dibawa ke pertemuan dengan pemasok, pengusaha atau investor.",
            "An interesting business issue is brought to meetings with suppliers or investors.",
            "Jika kamu bertemu dengan mitra bisnis di kalangan supplier, sesama pengusaha, "
            "ataupun investor, kamu bisa mengangkat isu bisnis yang menarik.",
            False,
        ),
    ),
    T.ACTIVE: (
        _item(
            "active.we_invite",
            T.ACTIVE,
            "Lembaga yang lebih sering mengajak bertemu, tidak menunggu diajak mitra.",
            "The institution invites more often than it waits to be invited.",
            "Jangan hanya mengandalkan mitra kita untuk mengajak bertemu, bersikaplah proaktif "
            "juga untuk mengajak mereka bergabung dalam suatu acara.",
            True,
        ),
        _item(
            "active.keep_in_touch",
            T.ACTIVE,
            "Bila tidak dapat bertemu, kontak dijaga lewat WhatsApp, e-mail atau media sosial.",
            "When a meeting is not possible, contact is kept by WhatsApp, e-mail or social media.",
            "Jika memang tidak mungkin bertemu secara tatap muka, kita bisa memelihara kemitraan "
            "dengan menjaga kontak melalui whatsapp, email, atau bentuk lain.",
            True,
        ),
        _item(
            "active.occasions",
            T.ACTIVE,
            "Hari raya, tahun baru dan peluncuran produk dipakai untuk menyapa mitra.",
            "Holidays, the new year and product launches are used to greet partners.",
            "Manfaatkanlah media sosial dan acara-acara khusus seperti peluncuran produk baru, "
            "hari raya, tahun baru, dan perayaan lain sebagai bahan obrolan.",
            True,
        ),
    ),
    T.SURPRISE: (
        _item(
            "surprise.new_ideas",
            T.SURPRISE,
            "Ide-ide baru yang segar disampaikan kepada mitra.",
            "Fresh new ideas are brought to partners.",
            "Dalam menjalin kemitraan dengan kita, kita bisa memberikan kejutan-kejutan yang "
            "akan melampaui ekspektasi mitramu.",
            True,
        ),
        _item(
            "surprise.new_opportunity",
            T.SURPRISE,
            "Peluang kemitraan baru di luar perjanjian ditawarkan kepada mitra.",
            "New opportunities beyond the agreement are offered to partners.",
            "Seperti contohnya ide-ide baru yang segar dan memberikan peluang untuk kemitraan "
            "baru yang berada di luar ekspektasi awal dari perjanjian kemitraan.",
            True,
        ),
        _item(
            "surprise.beyond_margin",
            T.SURPRISE,
            "Mitra menerima lebih dari timbal balik yang tertulis dalam perjanjian.",
            "Partners receive more than the return written in the agreement.",
            "Mitra yang kalian jalin memang sudah tertulis bahwa akan ada hubungan berupa timbal "
            "balik margin usaha yang kita jalankan. Namun, kita bisa saja memberikan lebih dari "
            "itu.",
            False,
        ),
    ),
}
"""Each technique's checklist, in the guide's order."""

_ITEMS: Final = {item.code: item for items in CHECKLISTS.values() for item in items}


def checklist_item(code: str) -> ChecklistItem:
    """The checklist item ``code``.

    Raises:
        NotFoundError: no item has that code.

    >>> checklist_item("active.keep_in_touch").text.english
    'When a meeting is not possible, contact is kept by WhatsApp, e-mail or social media.'
    """
    try:
        return _ITEMS[code]
    except KeyError:
        raise NotFoundError(code, sorted(_ITEMS), what="checklist item") from None
