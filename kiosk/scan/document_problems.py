"""What document capture tells the user to fix: the problem codes and their bilingual messages."""

from __future__ import annotations

from kiosk.errors import Problem
from kiosk.texts import Bilingual

FIELD = "document"
BAD_FRAME = "document.bad_frame"
CUT_OFF = "document.cut_off"
TOO_SMALL = "document.too_small"
TURN_SIDEWAYS = "document.turn_sideways"
GLARE = "document.glare"
BLURRED = "document.blurred"
TOO_LARGE = "document.too_large"
TOO_MANY_PAGES = "document.too_many_pages"

MESSAGES = {
    BAD_FRAME: Bilingual(
        "لم تصل صورة صالحة من الكاميرا — حاول مرة أخرى",
        "No usable picture came from the camera — please try again",
    ),
    CUT_OFF: Bilingual(
        "يجب أن يظهر المستند كاملاً داخل الصورة",
        "The whole document must be in the picture",
    ),
    TOO_SMALL: Bilingual(
        "قرّب المستند من الكاميرا",
        "Move the document closer to the camera",
    ),
    TURN_SIDEWAYS: Bilingual(
        "أدِر المستند ليصبح بالعرض، ثم قرّبه من الكاميرا",
        "Turn the document sideways, then move it closer to the camera",
    ),
    GLARE: Bilingual(
        "يوجد لمعان قوي على المستند — أمِله قليلاً",
        "Too much glare — tilt the document a little",
    ),
    BLURRED: Bilingual(
        "الصورة غير واضحة — ثبّت المستند",
        "The picture is blurred — hold the document still",
    ),
    TOO_LARGE: Bilingual(
        "تعذّر حفظ الصورة ضمن الحجم المسموح — أعد التصوير",
        "The picture cannot be saved within the size limit — please take it again",
    ),
    TOO_MANY_PAGES: Bilingual(
        "وصل هذا المستند إلى الحد الأقصى لعدد الصفحات",
        "This document already has the most pages allowed",
    ),
}
# Problems the user may choose to accept on the manual shutter (kiosk/scan/document.py says why).
OVERRIDABLE = frozenset({GLARE})


def problem(code: str) -> Problem:
    """The Problem for one of this module's codes."""
    return Problem(code, FIELD, MESSAGES[code])
