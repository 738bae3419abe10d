"""Auto-capture: the picture taken by itself once the page has been held steady and sharp."""

from __future__ import annotations

from collections.abc import Collection

import numpy as np

from kiosk.errors import Problem
from kiosk.scan.document_assessment import Assessment, assess_image, usable_frame
from kiosk.scan.document_geometry import quad_shift, thumbnail
from kiosk.scan.document_pages import CapturedPage, encode_page, shutter
from kiosk.scan.document_problems import BAD_FRAME, problem
from kiosk.scan.document_quality import A4, Paper
from kiosk.scan.document_settings import CaptureSettings

# Mean grey difference of the thumbnails above which the page shown is another one. Measured on
# the corpus: the same page held by hand ≤ 1.3, another page of the same printed form ≥ 8.
_PAGE_TURN_LEVEL = 4.0


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
        image = usable_frame(frame)
        if image is None:
            self.last = Assessment(None, (problem(BAD_FRAME),))
            self._break_run()
            return None
        if self._last_t is not None and t < self._last_t:
            self._break_run()  # the clock went backwards: the run cannot be trusted
        self._last_t = t
        assessment = assess_image(image, self.paper, self.settings)
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
        if self._start_quad is None or quad_shift(assessment.quad, self._start_quad) > limit:
            self._start_t, self._start_quad, self._count, self._best = t, assessment.quad, 0, None
        self._count += 1
        if self._best is None or assessment.sharpness > self._best[0]:
            # A copy: a camera source may reuse its frame buffer for the next frame.
            self._best = (assessment.sharpness, image.copy(), assessment)
        if t - self._start_t < self.steady_s or self._count < self.min_frames:
            return None
        _, best_image, best = self._best
        page = encode_page(best_image, best, self.paper, self.settings, ())
        self._break_run()
        if isinstance(page, list):  # the page could not be encoded within the limit
            self.last = Assessment(best.quad, tuple(page), best.sharpness, best.glare, best.dpi)
            return None
        self._fired = (best.quad, thumbnail(best_image, best.quad))
        return page

    def capture_now(
        self, frame: object, accept: Collection[str] = ()
    ) -> CapturedPage | list[Problem]:
        """The manual shutter (as the module's `capture_now`), keeping this auto-capture in step:
        `last` is the frame's assessment, and after a page is taken it waits for the page to
        change, so it does not take the same page again half a second later."""
        assessment, result = shutter(frame, self.paper, self.settings, accept)
        self.last = assessment
        self._break_run()
        if isinstance(result, CapturedPage):
            image = usable_frame(frame)
            self._fired = (assessment.quad, thumbnail(image, assessment.quad))
        return result

    def _break_run(self) -> None:
        self._start_t, self._start_quad, self._count, self._best = None, None, 0, None

    def _page_changed(self, image: np.ndarray, assessment: Assessment) -> bool:
        if assessment.quad is None:
            return True
        fired_quad, fired_thumb = self._fired
        limit = 4 * self.max_shift * float(np.hypot(image.shape[0], image.shape[1]))
        if quad_shift(assessment.quad, fired_quad) > limit:
            return True
        # Same place, other content: the user turned the page of a booklet. The mean difference
        # is taken out first, so a change of light alone is not a new page.
        difference = thumbnail(image, assessment.quad) - fired_thumb
        return float(np.abs(difference - difference.mean()).mean()) > _PAGE_TURN_LEVEL
