"""Document capture: find the page, say what to fix, take it when steady, keep it in memory.

The scan screen uses four things:
- `assess(frame, paper)` → `Assessment`: the page's corners (or None), the problems in the order
  the user should fix them, the sharpness; cheap enough for every preview frame (~10 ms at 720p).
- `AutoCapture(paper).feed(frame, t)` → a `CapturedPage` once the page has been held steady and
  sharp for `steady_s` (0.5 s), else None; it then waits for the page to change before firing
  again, so turning a page or putting the next one down takes the next picture.
- `capture_now(frame, paper, accept=...)` → a `CapturedPage`, or the problems: the manual shutter
  (`AutoCapture.capture_now(frame, accept)` does the same and keeps the auto-capture in step).
- `CapturedDocument`: the pages of one required document, in order.

The manual shutter runs the same checks. What a ministry counter expects (and so the rule here):
a blurred, cut-off or too-small picture is never accepted, because the officer cannot read it and
sends the application back ("more details requested"), which costs the applicant days while a
retake costs seconds. A glare spot may be accepted by the user (`accept={GLARE}`) when it covers
less than `max_glare_override` of the page: laminated passports and residence cards often keep a
highlight however they are tilted, and a spot hides only a small part. An accepted problem is
recorded on the page (`overridden`) so the officer knows it was the user's choice.

Resolution (document_quality.py): a page must reach min(200, 0.6 × the camera's best) dpi for its
paper size, which is 200 dpi for an ID card at 720p but only ~52 dpi for A4, the most a 720p
camera can honestly give an A4 page (~87 dpi when it fills the frame). Pixels are never invented
by upscaling; the effective dpi is recorded on the page and in its JFIF header.

Frames and pages live only in memory: nothing here writes to disk. Each page carries the SHA-256
of its JPEG bytes for the outbox.

This module is the public face; each idea has its own file:
- document_problems.py    the codes and bilingual messages of what the user must fix
- document_settings.py    CaptureSettings, the thresholds
- document_assessment.py  assess: one frame's page and problems
- document_pages.py       CapturedPage, CapturedDocument and the manual shutter
- document_autocapture.py AutoCapture, the steady-page trigger
- document_geometry.py    a found page's size, rim, movement and miniature in the frame
- document_outline.py / document_quality.py / document_jpeg.py: finding the page, measuring it,
  encoding it
"""

from kiosk.scan.document_assessment import Assessment, assess
from kiosk.scan.document_autocapture import AutoCapture
from kiosk.scan.document_pages import CapturedDocument, CapturedPage, capture_now
from kiosk.scan.document_problems import (
    BAD_FRAME,
    BLURRED,
    CUT_OFF,
    FIELD,
    GLARE,
    MESSAGES,
    OVERRIDABLE,
    TOO_LARGE,
    TOO_MANY_PAGES,
    TOO_SMALL,
    TURN_SIDEWAYS,
    problem,
)
from kiosk.scan.document_quality import A4, A5, ID_CARD, PAPERS, PASSPORT_PAGE, Paper
from kiosk.scan.document_settings import CaptureSettings

__all__ = [
    "A4",
    "A5",
    "BAD_FRAME",
    "BLURRED",
    "CUT_OFF",
    "FIELD",
    "GLARE",
    "ID_CARD",
    "MESSAGES",
    "OVERRIDABLE",
    "PAPERS",
    "PASSPORT_PAGE",
    "TOO_LARGE",
    "TOO_MANY_PAGES",
    "TOO_SMALL",
    "TURN_SIDEWAYS",
    "Assessment",
    "AutoCapture",
    "CaptureSettings",
    "CapturedDocument",
    "CapturedPage",
    "Paper",
    "assess",
    "capture_now",
    "problem",
]
