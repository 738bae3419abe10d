"""Assessing one frame: where the page is and what the user must fix, in the order to fix it."""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from kiosk.errors import Problem
from kiosk.scan.document_geometry import inner, near_border, page_size
from kiosk.scan.document_outline import find_outline, flatten, side_lengths
from kiosk.scan.document_problems import (
    BAD_FRAME,
    BLURRED,
    CUT_OFF,
    GLARE,
    TOO_SMALL,
    TURN_SIDEWAYS,
    problem,
)
from kiosk.scan.document_quality import (
    A4,
    Paper,
    best_dpi,
    effective_dpi,
    glare_fraction,
    required_dpi,
    sharpness,
)
from kiosk.scan.document_settings import CaptureSettings

# The most of the frame's limiting side a user can comfortably fill without cutting the page.
_COMFORTABLE_FILL = 0.8


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


def assess(
    frame: object, paper: Paper | None = A4, settings: CaptureSettings | None = None
) -> Assessment:
    """Where the document is in `frame` (BGR or grey uint8) and what the user must fix.

    Problems come in the order to fix them: cut off, too small (or turn sideways), glare,
    blurred. Never raises for a bad frame: that is the problem document.bad_frame.
    """
    settings = settings or CaptureSettings()
    image = usable_frame(frame)
    if image is None:
        return Assessment(None, (problem(BAD_FRAME),))
    return assess_image(image, paper, settings)


def usable_frame(frame: object) -> np.ndarray | None:
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


def assess_image(image: np.ndarray, paper: Paper | None, settings: CaptureSettings) -> Assessment:
    """`assess` of a frame already known to be usable (see usable_frame)."""
    frame_h, frame_w = image.shape[:2]
    # One grey copy serves the outline and the page's checks (this runs on every preview frame).
    gray = image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    outline = find_outline(gray)
    if outline is None:
        return Assessment(None, (problem(CUT_OFF),))
    quad = outline.quad
    if outline.touches_border or near_border(quad, frame_w, frame_h, settings.border_margin):
        return Assessment(quad, (problem(CUT_OFF),))
    sides = side_lengths(quad)
    size = page_size(quad, frame_w, frame_h, paper, settings.aspect_snap)
    page = inner(flatten(gray, quad, size))
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


def _too_small_code(paper: Paper, size: tuple[int, int], frame_w: int, frame_h: int) -> str:
    """Turn sideways when, in its current orientation, the page would have to span more than
    `_COMFORTABLE_FILL` of the frame to reach the required dpi (the user cannot hold it so)."""
    orientation = "landscape" if size[0] >= size[1] else "portrait"
    reachable = _COMFORTABLE_FILL * best_dpi(paper, frame_w, frame_h, orientation)
    return TURN_SIDEWAYS if reachable < required_dpi(paper, frame_w, frame_h) else TOO_SMALL
