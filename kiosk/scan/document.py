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
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection
from dataclasses import dataclass, field

import cv2
import numpy as np

from kiosk.config import ScanSection
from kiosk.errors import KioskError, Problem
from kiosk.scan.document_jpeg import encode_jpeg
from kiosk.scan.document_outline import find_outline, flatten, rectangle_aspect, side_lengths
from kiosk.scan.document_quality import (
    A4,
    A5,
    ID_CARD,
    PAPERS,
    PASSPORT_PAGE,
    Paper,
    best_dpi,
    effective_dpi,
    glare_fraction,
    required_dpi,
    sharpness,
)
from kiosk.texts import Bilingual

__all__ = [
    "A4",
    "A5",
    "ID_CARD",
    "PAPERS",
    "PASSPORT_PAGE",
    "Assessment",
    "AutoCapture",
    "CaptureSettings",
    "CapturedDocument",
    "CapturedPage",
    "Paper",
    "assess",
    "capture_now",
]

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
# Problems the user may choose to accept on the manual shutter (see the module's docstring).
OVERRIDABLE = frozenset({GLARE})


def problem(code: str) -> Problem:
    """The Problem for one of this module's codes."""
    return Problem(code, FIELD, MESSAGES[code])


@dataclass(frozen=True)
class CaptureSettings:
    """Thresholds of the checks; the defaults suit a fixed-focus 720p kiosk camera."""

    max_bytes: int = ScanSection.document_max_bytes
    # Below this the page is blurred (document_quality.sharpness; crisp 720p ≈ 0.6–0.8, text
    # smeared over 3 px ≈ 0.35). Measured on the corpus: bench/documents.py.
    min_sharpness: float = 0.43
    # The largest blown-out blob, as a fraction of the page, that is still not "glare".
    max_glare: float = 0.015
    # Glare the user may accept on the manual shutter, at most.
    max_glare_override: float = 0.15
    # A corner closer to the frame's edge than this (fraction of the frame's short side) is cut.
    border_margin: float = 0.01
    # When the paper is unknown (None): the least fraction of the frame the page must cover.
    min_area_fraction: float = 0.25
    # The flattened page takes the paper's own aspect ratio when the estimated one is this close
    # to it; otherwise the estimate (a page of another size than declared is kept as it is).
    aspect_snap: float = 0.05

    @classmethod
    def from_config(cls, scan: ScanSection) -> CaptureSettings:
        """Settings from the kiosk's [scan] configuration section."""
        return cls(max_bytes=scan.document_max_bytes)


@dataclass(frozen=True, eq=False)
class Assessment:
    """What one frame shows: where the page is and what (if anything) the user must fix."""

    quad: np.ndarray | None  # 4×2 float32 TL, TR, BR, BL in frame pixels
    problems: tuple[Problem, ...]
    sharpness: float = 0.0
    glare: float = 0.0  # largest blown-out blob, fraction of the page
    dpi: float | None = None  # effective resolution of the page (None: paper unknown)
    size: tuple[int, int] | None = None  # (width, height) of the flattened page, pixels
    overridable: frozenset[str] = frozenset()  # codes the user may accept on the shutter

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(p.code for p in self.problems)


@dataclass(frozen=True, eq=False)
class CapturedPage:
    """One photographed page: JPEG bytes in memory, their SHA-256, and how it was taken."""

    jpeg: bytes
    sha256: str
    width: int
    height: int
    dpi: float | None  # effective dpi (the JFIF header says the same)
    quality: int  # JPEG quality used
    sharpness: float
    paper: str | None  # Paper.key, or None when unknown
    overridden: tuple[str, ...] = ()  # problem codes the user accepted (manual shutter)

    @property
    def size_bytes(self) -> int:
        return len(self.jpeg)

    def __repr__(self) -> str:  # the bytes are the user's document: never in a log line
        return (
            f"CapturedPage({self.width}x{self.height}, {self.size_bytes} B, dpi={self.dpi}, "
            f"sha256={self.sha256[:12]}…)"
        )


@dataclass(eq=False)
class CapturedDocument:
    """The pages of one required document (e.g. the family book), in order."""

    document_id: str
    paper: Paper | None = A4
    pages: list[CapturedPage] = field(default_factory=list)
    max_pages: int = 40

    def add(self, page: CapturedPage) -> None:
        """Append a page; KioskError(document.too_many_pages) past `max_pages`."""
        if len(self.pages) >= self.max_pages:
            raise KioskError(TOO_MANY_PAGES, MESSAGES[TOO_MANY_PAGES], FIELD)
        self.pages.append(page)

    def replace(self, index: int, page: CapturedPage) -> None:
        """Put a retaken page in place of page `index`."""
        self.pages[index] = page

    def remove(self, index: int) -> None:
        del self.pages[index]

    def clear(self) -> None:
        """Drop every page (logout, idle timeout, cancel)."""
        self.pages.clear()

    @property
    def total_bytes(self) -> int:
        return sum(p.size_bytes for p in self.pages)

    @property
    def hashes(self) -> list[str]:
        return [p.sha256 for p in self.pages]


def assess(
    frame: object, paper: Paper | None = A4, settings: CaptureSettings | None = None
) -> Assessment:
    """Where the document is in `frame` (BGR or grey uint8) and what the user must fix.

    Problems come in the order to fix them: cut off, too small (or turn sideways), glare,
    blurred. Never raises for a bad frame: that is the problem document.bad_frame.
    """
    settings = settings or CaptureSettings()
    image = _usable(frame)
    if image is None:
        return Assessment(None, (problem(BAD_FRAME),))
    return _assess(image, paper, settings)


def capture_now(
    frame: object,
    paper: Paper | None = A4,
    settings: CaptureSettings | None = None,
    accept: Collection[str] = (),
) -> CapturedPage | list[Problem]:
    """The manual shutter: the page from `frame`, or the problems that stop it.

    `accept` names problem codes the user chose to accept after seeing them; only codes in the
    assessment's `overridable` set are honoured (see the module's docstring).
    """
    return _shutter(frame, paper, settings or CaptureSettings(), accept)[1]


class AutoCapture:
    """Takes the picture by itself once the page is held steady and sharp.

    Feed it every preview frame with its time in seconds (a monotonic clock). It fires when the
    page has been found without problems for at least `steady_s` and `min_frames` frames, with
    no corner moving more than `max_shift` (fraction of the frame's diagonal) over that time,
    and keeps the sharpest frame of that window. After firing it waits for the page to change
    (taken away, moved, or turned to another page) before it can fire again.
    """

    def __init__(
        self,
        paper: Paper | None = A4,
        settings: CaptureSettings | None = None,
        steady_s: float = 0.5,
        min_frames: int = 4,
        max_shift: float = 0.006,
    ):
        self.paper = paper
        self.settings = settings or CaptureSettings()
        self.steady_s = steady_s
        self.min_frames = min_frames
        self.max_shift = max_shift
        self.last: Assessment | None = None
        self.reset()

    def reset(self) -> None:
        """Forget the steady run and the last capture (a new document, or a retake)."""
        self._start_t: float | None = None
        self._start_quad: np.ndarray | None = None
        self._count = 0
        self._last_t: float | None = None
        self._best: tuple[float, np.ndarray, Assessment] | None = None
        self._fired: tuple[np.ndarray, np.ndarray] | None = None  # quad, thumbnail

    @property
    def progress(self) -> float:
        """0–1: how far the current steady run is towards firing (for a ring on screen)."""
        if self._start_t is None or self._last_t is None or self._fired is not None:
            return 0.0
        by_time = (self._last_t - self._start_t) / self.steady_s if self.steady_s else 1.0
        return float(min(1.0, by_time, self._count / self.min_frames))

    def feed(self, frame: object, t: float) -> CapturedPage | None:
        """Look at one preview frame taken at time `t`; a page when it is time to take it."""
        image = _usable(frame)
        if image is None:
            self.last = Assessment(None, (problem(BAD_FRAME),))
            self._break_run()
            return None
        if self._last_t is not None and t < self._last_t:
            self._break_run()  # the clock went backwards: the run cannot be trusted
        self._last_t = t
        assessment = _assess(image, self.paper, self.settings)
        self.last = assessment
        if self._fired is not None:
            if self._page_changed(image, assessment):
                self._fired = None
            else:
                return None
        if not assessment.ok:
            self._break_run()
            return None
        limit = self.max_shift * float(np.hypot(image.shape[0], image.shape[1]))
        if self._start_quad is None or _shift(assessment.quad, self._start_quad) > limit:
            self._start_t, self._start_quad, self._count, self._best = t, assessment.quad, 0, None
        self._count += 1
        if self._best is None or assessment.sharpness > self._best[0]:
            # A copy: a camera source may reuse its frame buffer for the next frame.
            self._best = (assessment.sharpness, image.copy(), assessment)
        if t - self._start_t < self.steady_s or self._count < self.min_frames:
            return None
        _, best_image, best = self._best
        page = _capture(best_image, best, self.paper, self.settings, ())
        self._break_run()
        if isinstance(page, list):  # the page could not be encoded within the limit
            self.last = Assessment(best.quad, tuple(page), best.sharpness, best.glare, best.dpi)
            return None
        self._fired = (best.quad, _thumbnail(best_image, best.quad))
        return page

    def capture_now(
        self, frame: object, accept: Collection[str] = ()
    ) -> CapturedPage | list[Problem]:
        """The manual shutter (as the module's `capture_now`), keeping this auto-capture in step:
        `last` is the frame's assessment, and after a page is taken it waits for the page to
        change, so it does not take the same page again half a second later."""
        assessment, result = _shutter(frame, self.paper, self.settings, accept)
        self.last = assessment
        self._break_run()
        if isinstance(result, CapturedPage):
            image = _usable(frame)
            self._fired = (assessment.quad, _thumbnail(image, assessment.quad))
        return result

    def _break_run(self) -> None:
        self._start_t, self._start_quad, self._count, self._best = None, None, 0, None

    def _page_changed(self, image: np.ndarray, assessment: Assessment) -> bool:
        if assessment.quad is None:
            return True
        fired_quad, fired_thumb = self._fired
        limit = 4 * self.max_shift * float(np.hypot(image.shape[0], image.shape[1]))
        if _shift(assessment.quad, fired_quad) > limit:
            return True
        # Same place, other content: the user turned the page of a booklet. The mean difference
        # is taken out first, so a change of light alone is not a new page.
        difference = _thumbnail(image, assessment.quad) - fired_thumb
        return float(np.abs(difference - difference.mean()).mean()) > _PAGE_TURN_LEVEL


# --- helpers --------------------------------------------------------------------------------

# The most of the frame's limiting side a user can comfortably fill without cutting the page.
_COMFORTABLE_FILL = 0.8
# Mean grey difference of the thumbnails above which the page shown is another one. Measured on
# the corpus: the same page held by hand ≤ 1.3, another page of the same printed form ≥ 8.
_PAGE_TURN_LEVEL = 4.0


def _usable(frame: object) -> np.ndarray | None:
    """The frame as a BGR or grey uint8 array, or None when it is not a picture at all."""
    if not isinstance(frame, np.ndarray) or frame.dtype != np.uint8:
        return None
    if frame.ndim == 3 and frame.shape[2] == 4:
        frame = cv2.cvtColor(frame, cv2.COLOR_BGRA2BGR)
    elif frame.ndim == 3 and frame.shape[2] == 1:
        frame = frame[:, :, 0]
    elif not (frame.ndim == 2 or (frame.ndim == 3 and frame.shape[2] == 3)):
        return None
    if frame.shape[0] < 64 or frame.shape[1] < 64:
        return None
    return np.ascontiguousarray(frame)


def _shutter(
    frame: object, paper: Paper | None, settings: CaptureSettings, accept: Collection[str]
) -> tuple[Assessment, CapturedPage | list[Problem]]:
    """The manual shutter's assessment and its outcome (module doc: what may be accepted)."""
    image = _usable(frame)
    if image is None:
        return Assessment(None, (problem(BAD_FRAME),)), [problem(BAD_FRAME)]
    assessment = _assess(image, paper, settings)
    accepted = set(accept) & assessment.overridable
    remaining = [p for p in assessment.problems if p.code not in accepted]
    if remaining:
        return assessment, remaining
    return assessment, _capture(image, assessment, paper, settings, tuple(sorted(accepted)))


def _assess(image: np.ndarray, paper: Paper | None, settings: CaptureSettings) -> Assessment:
    frame_h, frame_w = image.shape[:2]
    # One grey copy serves the outline and the page's checks (this runs on every preview frame).
    gray = image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    outline = find_outline(gray)
    if outline is None:
        return Assessment(None, (problem(CUT_OFF),))
    quad = outline.quad
    if outline.touches_border or _near_border(quad, frame_w, frame_h, settings.border_margin):
        return Assessment(quad, (problem(CUT_OFF),))
    sides = side_lengths(quad)
    size = _page_size(quad, frame_w, frame_h, paper, settings.aspect_snap)
    page = _inner(flatten(gray, quad, size))
    problems = []
    dpi = None
    if paper is None:
        area = cv2.contourArea(quad) / float(frame_w * frame_h)
        if area < settings.min_area_fraction:
            problems.append(problem(TOO_SMALL))
    else:
        dpi = effective_dpi(paper, sides)
        if dpi < required_dpi(paper, frame_w, frame_h):
            problems.append(problem(_too_small_code(paper, size, frame_w, frame_h)))
    glare = glare_fraction(page, floor=settings.max_glare)
    if glare > settings.max_glare:
        problems.append(problem(GLARE))
    sharp = sharpness(page)
    if sharp < settings.min_sharpness:
        problems.append(problem(BLURRED))
    overridable = frozenset({GLARE}) if glare <= settings.max_glare_override else frozenset()
    return Assessment(quad, tuple(problems), sharp, glare, dpi, size, overridable)


def _capture(
    image: np.ndarray,
    assessment: Assessment,
    paper: Paper | None,
    settings: CaptureSettings,
    overridden: tuple[str, ...],
) -> CapturedPage | list[Problem]:
    flat = flatten(image, assessment.quad, assessment.size)
    frame_h, frame_w = image.shape[:2]
    # Never shrink below the resolution the paper requires (or at all, when it is unknown).
    min_scale = 1.0
    if paper is not None and assessment.dpi:
        min_scale = min(1.0, required_dpi(paper, frame_w, frame_h) / assessment.dpi)
    encoded = encode_jpeg(flat, settings.max_bytes, assessment.dpi, min_scale)
    if encoded is None:
        return [problem(TOO_LARGE)]
    return CapturedPage(
        jpeg=encoded.data,
        sha256=hashlib.sha256(encoded.data).hexdigest(),
        width=encoded.width,
        height=encoded.height,
        dpi=None if assessment.dpi is None else assessment.dpi * encoded.scale,
        quality=encoded.quality,
        sharpness=assessment.sharpness,
        paper=None if paper is None else paper.key,
        overridden=overridden,
    )


def _near_border(quad: np.ndarray, frame_w: int, frame_h: int, margin: float) -> bool:
    pad = margin * min(frame_w, frame_h)
    xs, ys = quad[:, 0], quad[:, 1]
    return bool(
        (xs < pad).any()
        or (ys < pad).any()
        or (xs > frame_w - 1 - pad).any()
        or (ys > frame_h - 1 - pad).any()
    )


def _page_size(
    quad: np.ndarray, frame_w: int, frame_h: int, paper: Paper | None, snap: float
) -> tuple[int, int]:
    """(width, height) of the flattened page: the page's true aspect ratio (the paper's when the
    estimate is within `snap` of it), at the resolution of its best-resolved side."""
    top, right, bottom, left = side_lengths(quad)
    aspect = rectangle_aspect(quad, frame_w, frame_h)
    if paper is not None:
        nominal = paper.aspect if aspect >= 1.0 else 1.0 / paper.aspect
        if abs(aspect / nominal - 1.0) <= snap:
            aspect = nominal
    width = max(top, bottom, aspect * max(left, right))
    return max(2, round(width)), max(2, round(width / aspect))


def _too_small_code(paper: Paper, size: tuple[int, int], frame_w: int, frame_h: int) -> str:
    """Turn sideways when, in its current orientation, the page would have to span more than
    `_COMFORTABLE_FILL` of the frame to reach the required dpi (the user cannot hold it so)."""
    orientation = "landscape" if size[0] >= size[1] else "portrait"
    reachable = _COMFORTABLE_FILL * best_dpi(paper, frame_w, frame_h, orientation)
    return TURN_SIDEWAYS if reachable < required_dpi(paper, frame_w, frame_h) else TOO_SMALL


def _inner(page: np.ndarray) -> np.ndarray:
    """The page without a 3 % rim: its edge and the tray's shadow are not the page's content."""
    h, w = page.shape[:2]
    m = max(1, int(0.03 * min(w, h)))
    return page[m : h - m, m : w - m] if h > 2 * m + 8 and w > 2 * m + 8 else page


def _shift(a: np.ndarray, b: np.ndarray) -> float:
    """The largest distance any corner moved between two quads, in pixels."""
    return float(np.max(np.linalg.norm(a - b, axis=1)))


def _thumbnail(image: np.ndarray, quad: np.ndarray) -> np.ndarray:
    """A 96×64 grey miniature of the page, averaged (not sampled) so text does not alias."""
    gray = image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    flat = flatten(gray, quad, (384, 256))
    return cv2.resize(flat, (96, 64), interpolation=cv2.INTER_AREA).astype(np.float32)
