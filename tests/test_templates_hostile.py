"""A corpus of hostile templates: each is refused with a TemplateRenderError, at bounded cost.

The corpus runs in one child process whose memory is capped (``RLIMIT_AS``) and which
must finish within a generous wall-clock limit, so a case that blew up memory or hung
would fail here instead of taking the machine down; each case reports the error it got.
Drafts are marked whatever path renders them.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import textwrap
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from docs_helpers import headers, text, user_template
from kemitraan import (
    Agreement,
    Institution,
    Partner,
    PartnerKind,
    render_document,
    render_documents,
)
from kemitraan.documents import agreement_context, bundled_template
from kemitraan.exceptions import AgreementNotReadyError

# -- templates whose Jinja is hostile -------------------------------------------------------

JINJA: dict[str, str] = {
    "constant folding of a huge power": "{{ 9**(9**9) }}",
    "a huge power at run time": "{% set n = 9 %}{{ n ** (n ** n) }}",
    "a billion characters": "{{ 'x' * 10**9 }}",
    "a loop over a hundred million items": "{% for i in [1] * 10**8 %}{{ i }}{% endfor %}",
    "a range of a hundred million": "{% for i in range(10**8) %}x{% endfor %}",
    "nested loops": (
        "{% for i in range(10000) %}{% for j in range(10000) %}.{% endfor %}{% endfor %}"
    ),
    "doubling a string with ~": (
        "{% set ns = namespace(s='x') %}{% for i in range(60) %}"
        "{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s | length }}"
    ),
    "doubling a string with +": (
        "{% set ns = namespace(s='x') %}{% for i in range(60) %}"
        "{% set ns.s = ns.s + ns.s %}{% endfor %}{{ ns.s | length }}"
    ),
    "a filter that pads to a billion": "{{ 'x' | center(10**9) }}",
    "a method that pads to a billion": "{{ 'x'.ljust(10**9) }}",
    "a replace that multiplies": "{{ ('x' * 100000) | replace('x', 'x' * 1000) }}",
    "a format with a huge width": "{{ '%999999999s' % 1 }}",
    "a format method with a huge width": "{{ '{:>999999999}'.format(1) }}",
    "text in bulk from lipsum": "{{ lipsum(10**6) }}",
    "the sandbox's walls": "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "endless recursion": "{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}",
    "an include": "{% include 'rahasia.txt' %}",
    "broken syntax": "{% for %}",
}

# -- archives that are hostile ----------------------------------------------------------------


def _rezip(changes: dict[str, bytes | None], base: bytes | None = None) -> bytes:
    """A copy of a real DOCX with members replaced, added or (with None) removed."""
    source = zipfile.ZipFile(io.BytesIO(base or user_template("Halo {{ title }}")))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            if info.filename in changes:
                continue
            archive.writestr(info, source.read(info))
        for name, data in changes.items():
            if data is not None:
                archive.writestr(name, data)
    return out.getvalue()


def _corrupt_deflate() -> bytes:
    data = bytearray(user_template("Halo"))
    start = data.find(b"word/document.xml") + len(b"word/document.xml")
    for i in range(start, start + 200):  # scribble over the compressed body
        data[i] ^= 0x5A
    return bytes(data)


DOCUMENT = "word/document.xml"
HEAD = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _archives() -> dict[str, bytes]:
    laughs = (
        HEAD + b'<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
        b"<w:document " + W + b"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body>"
        b"</w:document>"
    )
    return {
        "a zip bomb (30 MiB of zeros in one member)": _rezip(
            {"word/media/bom.bin": bytes(30 << 20)}
        ),
        "a member named ../../x": _rezip({"../../x": b"jahat"}),
        "a member named /etc/x": _rezip({"/etc/x": b"jahat"}),
        "a member named C:x": _rezip({"C:x": b"jahat"}),
        "too many members": _rezip({f"customXml/item{i}.bin": b"x" for i in range(1100)}),
        "a malformed document.xml": _rezip({DOCUMENT: HEAD + b"<w:document " + W + b"><w:body>"}),
        "a UTF-16 document.xml": _rezip(
            {DOCUMENT: ("<w:document " + W.decode() + "><w:body/></w:document>").encode("utf-16")}
        ),
        "a document.xml without a body": _rezip({DOCUMENT: HEAD + b"<w:document " + W + b"/>"}),
        "entities expanding (billion laughs)": _rezip({DOCUMENT: laughs}),
        "corrupt deflate data": _corrupt_deflate(),
        "not a zip at all": b"PK\x03\x04 bukan zip",
        "no document.xml": _rezip({DOCUMENT: None}),
    }


CORPUS_SCRIPT = textwrap.dedent(
    """
    import json, resource, sys, time, tracemalloc
    resource.setrlimit(resource.RLIMIT_AS, (1536 << 20, 1536 << 20))
    from kemitraan import KemitraanError
    from kemitraan.documents import DocumentTemplate
    from kemitraan.exceptions import TemplateRenderError
    cases = json.load(sys.stdin)
    context = {"title": "Judul", "draft": False}
    results = {}
    for name, hex_data in cases.items():
        start = time.perf_counter()
        tracemalloc.start()
        try:
            DocumentTemplate(bytes.fromhex(hex_data)).render(context)
            outcome = "rendered"
        except TemplateRenderError as error:
            outcome = type(error).__name__ + ": " + str(error)[:160]
        except Exception as error:  # what must not happen: a raw error
            outcome = "RAW " + type(error).__name__ + ": " + str(error)[:160]
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        results[name] = [outcome, time.perf_counter() - start, peak]
    json.dump(results, sys.stdout)
    """
)


@pytest.fixture(scope="module")
def corpus() -> dict[str, list[Any]]:
    cases = {name: user_template(jinja).hex() for name, jinja in JINJA.items()}
    cases |= {name: data.hex() for name, data in _archives().items()}
    done = subprocess.run(
        [sys.executable, "-c", CORPUS_SCRIPT],
        input=json.dumps(cases),
        capture_output=True,
        text=True,
        timeout=600,  # a hang fails the test rather than the machine
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    results: dict[str, list[Any]] = json.loads(done.stdout)
    return results


@pytest.mark.parametrize("name", [*JINJA, *_archives()])
def test_every_hostile_template_gets_a_template_render_error(
    corpus: dict[str, list[Any]], name: str
) -> None:
    outcome, _seconds, peak = corpus[name]
    assert outcome.split(":")[0] in (
        "TemplateRenderError",
        "UnsafeTemplateError",
        "MissingTemplateVariablesError",
    ), outcome
    assert peak < 512 << 20, f"{name}: {peak / 2**20:.0f} MiB"  # bounded memory (traced)


def test_the_refusals_name_the_problem(corpus: dict[str, list[Any]]) -> None:
    said = {name: outcome for name, (outcome, _, _) in corpus.items()}
    assert "lebih dari 1.000 digit" in said["constant folding of a huge power"]  # Indonesian
    assert "1.000.000" in said["a billion characters"]  # numbers as Indonesian writes them
    assert "perulangannya berjalan lebih dari" in said["nested loops"]
    assert "lipsum" in said["text in bulk from lipsum"]
    assert "keluar dari arsip" in said["a member named ../../x"]
    assert (
        "30 MiB" in said["a zip bomb (30 MiB of zeros in one member)"]
        or "terurai menjadi" in said["a zip bomb (30 MiB of zeros in one member)"]
    )
    assert "bukan XML UTF-8" in said["a UTF-16 document.xml"]
    assert "DTD" in said["entities expanding (billion laughs)"]
    assert "tidak memuat <w:body>" in said["a document.xml without a body"]
    assert "tidak dapat dibaca" in said["corrupt deflate data"]


def test_templates_that_stay_within_bounds_still_render() -> None:
    fine = user_template(
        "{% for i in range(100) %}{{ i }}{% endfor %}",
        "{{ 'x' * 10 }}{{ 2 ** 10 }}{{ 'a' ~ 'b' }}{{ title | upper | center(40) }}",
    )
    out = text(render_document(_final(), template=fine))
    assert "1024" in out
    assert "ab" in out


# -- the draft mark cannot be lost --------------------------------------------------------------


def _final() -> Agreement:
    pkbm = Institution(name="PKBM A")
    shop = Partner(name="Toko B", kind=PartnerKind.BUSINESS)
    from kemitraan import PartyRole, Signatory

    return Agreement(
        parties=[pkbm, shop],
        subject="Pemasaran",
        place="Martapura",
        date=date(2025, 3, 10),
        scope=["Pemasaran"],
        roles=[
            PartyRole(party_id=p.id, role="Mitra", responsibilities=["Bekerja"])
            for p in (pkbm, shop)
        ],
        signatories=[
            Signatory(party_id=p.id, name=f"Kepala {p.name}", position="Ketua")
            for p in (pkbm, shop)
        ],
    )


def _with_errors() -> Agreement:
    return _final().model_copy(update={"scope": [], "roles": []})


def _marked(data: bytes) -> bool:
    return all(
        text_.startswith("DRAF — BELUM UNTUK DITANDATANGANI")
        for section in headers(data)
        for text_ in section
    )


def test_the_public_context_helper_carries_the_draft_mark() -> None:
    context = agreement_context(_with_errors())
    assert context.draft is True
    assert _marked(bundled_template("mou").render(context))


def test_a_template_that_never_mentions_drafts_is_marked_anyway(tmp_path: Path) -> None:
    plain = user_template("{{ title }}", "{{ about }}")
    with pytest.raises(AgreementNotReadyError):
        render_document(_with_errors(), template=plain)
    assert _marked(render_document(_with_errors(), template=plain, draft=True))
    batch = render_documents([_with_errors()] * 2, tmp_path, template=plain, draft=True)
    assert all(_marked(path.read_bytes()) for path in batch)
    across = render_documents(
        [_with_errors()] * 2, tmp_path / "p", template=plain, draft=True, processes=2
    )
    assert all(_marked(path.read_bytes()) for path in across)
    assert not any(any(s) for s in headers(render_document(_final(), template=plain)))
