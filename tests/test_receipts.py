"""The four documents, rendered in each language and on each paper, read back from the PDF."""

from __future__ import annotations

import functools
import subprocess

import numpy as np
import pytest
import zxingcpp
from PIL import Image

from kiosk.receipts import LANGS, LAYOUTS, render_data
from kiosk.receipts.render import A4, ROLL
from tests.fixtures.receipts import KINDS, example, logical_text, pages, raw_text, word_boxes

# What each document must say, read back with pdftotext, by language. Phrases are short enough
# never to be wrapped, since pdftotext may interleave the lines of side-by-side columns, and
# free of neutral punctuation (- ( ) ،), which pdftotext misplaces in right-to-left lines.
EXPECTED = {
    "application": {
        "en": [
            "Application receipt",
            "MOI-2025-004217",
            "Annual residence – family members, joining a provider",
            "سلمى عبد الرحمن الخطيب",
            "beneficiaries",
            "Normal",
            "6.000 JOD",
            "30/03/2025",
            "10/03/2025 10:42",
            "MOI-NAT-KIOSK-03",
            "Nationality and Foreigners'",
            "Saved on this kiosk; it will be sent to the ministry when the connection returns",
        ],
        "ar": [
            "إيصال تقديم طلب",
            "MOI-2025-004217",
            "إقامة سنوية – أفراد عائلة",
            "مقدم الطلب",
            "سلمى عبد الرحمن الخطيب",
            "عدد المستدعى لهم",
            "أهمية الطلب",
            "عادي",
            "6.000",
            "دينار أردني",
            "30/03/2025",
            "MOI-NAT-KIOSK-03",
            "مديرية الجنسية",
            # Harakat kept, in logical order: the saved-offline state.
            "حُفِظ الطلب على هذا الجهاز",
            "وسيُرسَل إلى الوزارة",
        ],
    },
    "payment": {
        "en": [
            "Payment slip",
            "Biller",
            "Ministry of Interior",
            "eFAWATEERcom bill number",
            "2025 004 217 901",
            "100.000 JOD",
            "Due date",
            "17/03/2025",
            "MOI-2025-004217",
            "in any bank app",
            "exchange office",
            "Visa, MasterCard or American Express",
        ],
        "ar": [
            "قسيمة دفع",
            "الجهة المفوترة",
            "وزارة الداخلية",
            "رقم الفاتورة في إي فواتيركم",
            "2025 004 217 901",
            "100.000",
            "المبلغ المستحق",
            "تاريخ الاستحقاق",
            "17/03/2025",
            "مكاتب الصرافة",
            "فيزا أو ماستر كارد أو أمريكان إكسبريس",
        ],
    },
    "approval": {
        "en": [
            "Approval notice",
            "Annual residence approved",
            "MOI-2025-004217",
            "Maria Santos Cruz",
            "يوسف أحمد الخطيب",
            "Approval date",
            "31/08/2025",
            "Valid for use until",
            # 31 August + 6 calendar months: the last day of February.
            "28/02/2026",
        ],
        "ar": [
            "إشعار الموافقة",
            "الموافقة على منح الإقامة السنوية",
            "المستدعى له",
            "Maria Santos Cruz",
            "تاريخ الموافقة",
            "31/08/2025",
            "صالحة للاستخدام حتى",
            "28/02/2026",
        ],
    },
    "activation": {
        "en": [
            "activation letter",
            "Companies",
            "ORG-2025-00871",
            "شركة الأفق للتجارة العامة",
            "visits the ministry once, and only once",
            "The required forms, filled in",
            "registration certificate (to be confirmed by the ministry)",
            "Nationality, Foreigners' Affairs and Investment Directorate",
        ],
        "ar": [
            "كتاب تفعيل حساب مؤسسة",
            "فئة الحساب",
            "الشركات",
            "ORG-2025-00871",
            "مرة واحدة فقط",
            "النماذج المطلوبة بعد تعبئتها",
            "بانتظار تأكيد الوزارة",
            "الجنسية وشؤون الأجانب",
        ],
    },
}
# Whole identity numbers in the examples: none may reach paper.
UNMASKED = ("1012345678", "8012345678", "1098765432", "P4471902")
ALL = [(k, lang, layout) for k in KINDS for lang in LANGS for layout in LAYOUTS]


@functools.cache
def rendered(kind: str, lang: str, layout: str) -> bytes:
    return render_data(kind, example(kind), lang=lang, layout=layout)


@pytest.mark.parametrize(("kind", "lang", "layout"), ALL)
def test_document_prints_its_fields_in_its_languages(kind, lang, layout):
    text = logical_text(rendered(kind, lang, layout))
    langs = ("ar", "en") if lang == "both" else (lang,)
    for language in langs:
        missing = [phrase for phrase in EXPECTED[kind][language] if phrase not in text]
        assert missing == [], f"{kind}/{lang}/{layout}: missing {missing}"
    if lang == "en":
        assert "وزارة الداخلية" not in text
    if lang == "ar":
        assert "Ministry of Interior" not in text


@pytest.mark.parametrize(("kind", "lang", "layout"), ALL)
def test_no_page_is_blank_and_ink_stays_inside_the_margins(kind, lang, layout):
    pdf = rendered(kind, lang, layout)
    paper = ROLL if layout == "roll" else A4
    for page in pages(pdf):
        ink = page.ink()
        assert ink.mean() > 0.01, "blank page"
        rows, cols = np.nonzero(ink)
        tolerance = 1.0  # mm: anti-aliasing and glyph side bearings
        margin_x, margin_y = paper.margin_x / 72 * 25.4, paper.margin_y / 72 * 25.4
        assert page.mm(cols.min()) >= margin_x - tolerance
        assert page.mm(page.pixels.shape[1] - 1 - cols.max()) >= margin_x - tolerance
        assert page.mm(rows.min()) >= margin_y - tolerance
        assert page.mm(page.pixels.shape[0] - 1 - rows.max()) >= margin_y - tolerance
    for _, width, height, x0, y0, x1, y1 in word_boxes(pdf):
        assert 0 <= x0 < x1 <= width and 0 <= y0 < y1 <= height


@pytest.mark.parametrize("lang", LANGS)
def test_arabic_is_shaped_into_joined_letter_forms(lang):
    raw = raw_text(rendered("application", lang, "roll"))
    presentation_forms = [c for c in raw if 0xFB50 <= ord(c) <= 0xFEFF]
    if lang == "en":
        # Only the applicant's name is Arabic on the English receipt.
        assert 0 < len(presentation_forms) < 30
    else:
        assert len(presentation_forms) > 200


def test_roll_is_80_mm_wide_and_grows_with_its_content_while_a4_stays_a4():
    few = example("approval")
    many = example("approval")
    many["beneficiaries"] = few["beneficiaries"] * 10
    roll_few, roll_many = (pages(render_data("approval", d, "en", "roll"))[0] for d in (few, many))
    assert roll_few.mm(roll_few.pixels.shape[1]) == pytest.approx(80, abs=0.6)
    assert roll_many.pixels.shape[0] > roll_few.pixels.shape[0] * 1.5
    a4_many = pages(render_data("approval", many, "en", "a4"))
    assert len(a4_many) >= 2
    for page in a4_many:
        assert page.mm(page.pixels.shape[1]) == pytest.approx(210, abs=0.6)
        assert page.mm(page.pixels.shape[0]) == pytest.approx(297, abs=0.6)


def test_long_content_flowing_onto_a_second_a4_page_loses_no_beneficiary():
    data = example("approval")
    data["beneficiaries"] = [{"name": f"Beneficiary Number{i:02d}"} for i in range(40)]
    pdf = render_data("approval", data, "both", "a4")
    text = logical_text(pdf)
    assert all(f"Beneficiary Number{i:02d}" in text for i in range(40))
    assert len(pages(pdf)) >= 2


def test_an_unbreakable_long_name_is_cut_to_fit_the_roll():
    data = example("application")
    data["applicant"]["name"] = "Wolfeschlegelsteinhausenbergerdorff" * 3
    pdf = render_data("application", data, "en", "roll")
    boxes = word_boxes(pdf)
    assert all(x1 <= width - ROLL.margin_x + 1 for _, width, _, _, _, x1, _ in boxes)
    assert "Wolfeschlegel" in logical_text(pdf)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_request_number_barcode_and_qr_code_decode_to_the_request_number(layout):
    pdf = rendered("application", "both", layout)
    image = _image(pdf)
    found = {(r.format.name, r.text) for r in zxingcpp.read_barcodes(image)}
    assert ("Code128", "MOI-2025-004217") in found
    assert ("QRCode", "MOI-2025-004217") in found


def test_payment_slip_qr_code_holds_the_bill_number_and_amount():
    image = _image(rendered("payment", "en", "roll"))
    texts = [r.text for r in zxingcpp.read_barcodes(image) if r.format.name == "QRCode"]
    assert len(texts) == 1
    assert "Bill: 2025004217901" in texts[0]
    assert "Amount: 100.000 JOD" in texts[0]


@pytest.mark.parametrize(("kind", "lang", "layout"), ALL)
def test_identity_numbers_are_masked_on_paper(kind, lang, layout):
    pdf = rendered(kind, lang, layout)
    text = logical_text(pdf)
    assert not [n for n in UNMASKED if n in text or n.encode() in pdf]
    if kind == "application":
        assert "******5678" in text
    if kind == "approval":
        assert "******5678" in text and "*****902" in text and "******5432" in text


def test_same_data_gives_the_same_pdf_bytes():
    assert render_data("payment", example("payment")) == render_data("payment", example("payment"))


def test_arabic_indic_digits_in_the_data_print_as_western_digits():
    data = example("application")
    data["applicant"]["name"] = "مكتب ٣٤"
    text = logical_text(render_data("application", data, "ar", "roll"))
    assert "مكتب 34" in text and "٣" not in text


def test_pdf_is_valid_for_poppler():
    out = subprocess.run(
        ["pdfinfo", "-"], input=rendered("activation", "both", "a4"), capture_output=True
    )
    assert out.returncode == 0
    assert b"A4" in out.stdout


def _image(pdf: bytes, dpi: int = 200) -> Image.Image:
    out = subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-gray", "-singlefile", "-"],
        input=pdf,
        capture_output=True,
        check=True,
    )
    import io

    return Image.open(io.BytesIO(out.stdout))
