"""Render the sample document photos that demo mode "photographs" (resources/samples/documents/).

    python bench/make_document_samples.py

Two pages of an obviously fictitious bilingual certificate (marked SAMPLE / نموذج, no real
person's data), each laid on the desk and seen by a 1280×720 camera through the same renderer as
the test corpus (tests/corpus/documents.py). Seeded: running it again gives the same files.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import arabic_reshaper
import cv2
import numpy as np
from bidi.algorithm import get_display
from PIL import Image, ImageDraw, ImageFont, features

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kiosk import resources  # noqa: E402
from tests.corpus import documents as corpus  # noqa: E402

OUT = resources.path("samples/documents")
WIDTH, HEIGHT = 1400, 990  # A4 lying sideways
INK = (25, 25, 30)
# Fictitious fields of the two pages (Arabic label, value, English label, value).
PAGE_ROWS = {
    1: [
        ("الاسم", "مثال تجريبي", "Name", "Sample Person"),
        ("رقم الوثيقة", "0000000", "Document no.", "0000000"),
        ("تاريخ الإصدار", "1 كانون الثاني 2025", "Issued", "1 January 2025"),
        ("الصفحة", "1 من 2", "Page", "1 of 2"),
    ],
    2: [
        ("المعيل", "كفيل تجريبي", "Provider", "Sample Sponsor"),
        ("صلة القرابة", "أب", "Relationship", "Father"),
        ("الصفحة", "2 من 2", "Page", "2 of 2"),
    ],
}


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    for number in (1, 2):
        page = render(number)
        # Both pages in the same place, like a booklet turned on the tray.
        frame, _ = corpus.photograph(page, random.Random("sample-document:scene"))
        path = OUT / f"sample_certificate_page{number}.jpg"
        cv2.imwrite(str(path), frame, [cv2.IMWRITE_JPEG_QUALITY, 80])
        print(f"{path.relative_to(resources.ROOT.parent)}: {path.stat().st_size // 1000} KB")
    return 0


def render(number: int) -> np.ndarray:
    """One flat page (BGR) of the sample certificate."""
    image = Image.new("RGB", (WIDTH, HEIGHT), (238, 236, 228))
    draw = ImageDraw.Draw(image)
    arabic = _font("DejaVuSans.ttf", 30)
    arabic_bold = _font("DejaVuSans-Bold.ttf", 34)
    latin = _font("DejaVuSans.ttf", 28)
    latin_bold = _font("DejaVuSans-Bold.ttf", 34)
    margin = 110
    draw.rectangle((margin - 30, 60, WIDTH - margin + 30, 190), fill=(205, 214, 222))
    _right(draw, "المملكة الأردنية الهاشمية", WIDTH - margin, 72, arabic_bold)
    _right(draw, "وزارة الداخلية", WIDTH - margin, 128, arabic)
    draw.text((margin, 75), "Hashemite Kingdom of Jordan", font=latin_bold, fill=INK)
    draw.text((margin, 128), "Ministry of Interior", font=latin, fill=INK)
    _right(draw, "نموذج للعرض فقط، ليس وثيقة رسمية", WIDTH - margin, 200, arabic)
    draw.text((margin, 200), "Demo sample, not an official document", font=latin, fill=INK)
    rows = PAGE_ROWS[number]
    y = 290
    for ar_label, ar_value, en_label, en_value in rows:
        _right(draw, f"{ar_label}: {ar_value}", WIDTH - margin, y - 8, arabic)
        draw.text((margin, y), f"{en_label}: {en_value}", font=latin, fill=INK)
        draw.line((margin, y + 52, WIDTH - margin, y + 52), fill=(150, 150, 150), width=2)
        y += 85
    if number == 1:
        # A table the officer would read.
        top = y + 20
        for r in range(4):
            draw.line((margin, top + 60 * r, WIDTH - margin, top + 60 * r), fill=INK, width=2)
        for c in range(5):
            x = margin + (WIDTH - 2 * margin) * c // 4
            draw.line((x, top, x, top + 180), fill=INK, width=2)
    else:
        # Signature boxes.
        for x in (margin, WIDTH // 2 + 40):
            draw.rectangle((x, y + 30, x + 480, y + 200), outline=INK, width=3)
            draw.text((x + 20, y + 45), "Signature", font=latin, fill=INK)
    cx, cy, radius = (WIDTH - 330 if number == 1 else 330), HEIGHT - 170, 105
    blue = (40, 70, 160)
    draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), outline=blue, width=7)
    draw.ellipse((cx - 75, cy - 75, cx + 75, cy + 75), outline=blue, width=3)
    draw.text((cx - 62, cy - 20), "SAMPLE", font=latin_bold, fill=blue)
    page = cv2.cvtColor(np.asarray(image), cv2.COLOR_RGB2BGR)
    # A diagonal watermark, so no one takes a screenshot of the demo for a real document.
    mark = np.zeros_like(page)
    cv2.putText(mark, "SAMPLE", (330, 700), cv2.FONT_HERSHEY_SIMPLEX, 7, (60, 60, 60), 18)
    rot = cv2.getRotationMatrix2D((WIDTH / 2, HEIGHT / 2), 20, 1.0)
    mark = cv2.warpAffine(mark, rot, (WIDTH, HEIGHT))
    return cv2.subtract(page, mark // 2)


def _font(name: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(resources.path(f"fonts/{name}")), size)


def _right(draw: ImageDraw.ImageDraw, text: str, right: int, y: int, font) -> None:
    """Arabic text ending at `right` (it reads right to left). Pillow built with libraqm shapes
    and orders it itself; without it, shape and reorder first."""
    if features.check("raqm"):
        width = draw.textlength(text, font=font, direction="rtl")
        draw.text((right - width, y), text, font=font, fill=INK, direction="rtl")
        return
    shaped = get_display(arabic_reshaper.reshape(text))
    draw.text((right - draw.textlength(shaped, font=font), y), shaped, font=font, fill=INK)


if __name__ == "__main__":
    raise SystemExit(main())
