"""Measures of a flattened document page: sharpness, glare, resolution (pure numpy/OpenCV).

Sharpness is the ratio of second- to first-derivative energy, sqrt(E[f_uu²] / E[f_u²]), taken
along the direction u where it is lowest. For an edge blurred over a width s it falls like 1/s
whatever the edge's contrast and however many edges the page has, so a sparse certificate and a
dense form score alike; the variance of the Laplacian (the usual measure) moves a hundredfold
with content. Taking the lowest direction catches hand motion, which smears along one direction
only. Both energies are quadratic (quartic) forms of the direction, so nine image means give the
ratio for every angle: one pass over the page, about 2 ms for a 720p page on one core.

Resolution: what a 1280×720 camera can honestly deliver depends on the paper. A page that fills
the frame in its best orientation gets `best_dpi`: ~87 dpi for A4, ~208 for a passport page,
~339 for an ID card. The rule (DESIGN of issue 5): the page must reach `required_dpi` =
min(200, 0.6 × best_dpi), i.e. 200 dpi where the camera can reach it comfortably (ID cards) and
otherwise 60 % of the camera's best, so the page's limiting side spans at least 60 % of the frame.
Pixels are never invented by upscaling; the effective dpi is recorded with the page instead. A
sharper camera raises the requirement by itself, since it is computed from the frame's size.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

MM_PER_INCH = 25.4
TARGET_DPI = 200.0
# The page's limiting side must span this fraction of what the frame allows (see module doc).
MIN_FILL = 0.6
# Grey level from which a pixel counts as blown out by a reflection.
GLARE_LEVEL = 248


@dataclass(frozen=True)
class Paper:
    """A document's physical size; `key` is stable (stored with each page)."""

    key: str
    long_mm: float
    short_mm: float

    @property
    def aspect(self) -> float:
        return self.long_mm / self.short_mm


A4 = Paper("a4", 297.0, 210.0)
A5 = Paper("a5", 210.0, 148.0)
# A passport's data page (ICAO TD3) and an ID card (ICAO TD1 / ISO ID-1).
PASSPORT_PAGE = Paper("passport_page", 125.0, 88.0)
ID_CARD = Paper("id_card", 85.6, 53.98)
PAPERS = {p.key: p for p in (A4, A5, PASSPORT_PAGE, ID_CARD)}


def best_dpi(paper: Paper, frame_w: int, frame_h: int, orientation: str = "best") -> float:
    """The dpi a page gets when it fills the frame: "landscape", "portrait" or the "best" one."""
    long_in, short_in = paper.long_mm / MM_PER_INCH, paper.short_mm / MM_PER_INCH
    landscape = min(frame_w / long_in, frame_h / short_in)
    portrait = min(frame_w / short_in, frame_h / long_in)
    return {"landscape": landscape, "portrait": portrait}.get(orientation, max(landscape, portrait))


def required_dpi(paper: Paper, frame_w: int, frame_h: int) -> float:
    """The least dpi a capture of this paper must reach with this frame size (module doc)."""
    return min(TARGET_DPI, MIN_FILL * best_dpi(paper, frame_w, frame_h))


def effective_dpi(paper: Paper, sides: tuple[float, float, float, float]) -> float:
    """The dpi of the page's worst-resolved side, from the quad's (top, right, bottom, left)."""
    top, right, bottom, left = sides
    horizontal, vertical = min(top, bottom), min(left, right)
    long_px, short_px = max(horizontal, vertical), min(horizontal, vertical)
    return min(long_px / (paper.long_mm / MM_PER_INCH), short_px / (paper.short_mm / MM_PER_INCH))


def sharpness(gray: np.ndarray) -> float:
    """How sharp the page's edges are in their blurriest direction (module doc); ~0.7 for a
    crisp 720p capture, ~0.3 for text smeared over 4–5 px. 0.0 for a page without any edge."""
    # A light smoothing first: sensor noise alone would otherwise look like fine detail.
    page = cv2.GaussianBlur(gray.astype(np.float32), (0, 0), 0.8)
    d1 = np.array([[-0.5, 0.0, 0.5]], np.float32)
    d2 = np.array([[1.0, -2.0, 1.0]], np.float32)
    fx = cv2.filter2D(page, cv2.CV_32F, d1)
    fy = cv2.filter2D(page, cv2.CV_32F, d1.T)
    fxx = cv2.filter2D(page, cv2.CV_32F, d2)
    fyy = cv2.filter2D(page, cv2.CV_32F, d2.T)
    fxy2 = 2.0 * cv2.filter2D(fx, cv2.CV_32F, d1.T)

    def mean(a: np.ndarray, b: np.ndarray) -> float:
        return float(cv2.mean(cv2.multiply(a, b))[0])

    sxx, sxy, syy = mean(fx, fx), mean(fx, fy), mean(fy, fy)
    aa, bb, ee = mean(fxx, fxx), mean(fxy2, fxy2), mean(fyy, fyy)
    ab, ae, be = mean(fxx, fxy2), mean(fxx, fyy), mean(fxy2, fyy)
    # f_u = c·fx + s·fy and f_uu = c²·fxx + 2cs·fxy + s²·fyy for u = (c, s).
    c, s = np.cos(_ANGLES), np.sin(_ANGLES)
    first = c * c * sxx + 2 * c * s * sxy + s * s * syy
    second = (
        c**4 * aa
        + c * c * s * s * (bb + 2 * ae)
        + s**4 * ee
        + 2 * c**3 * s * ab
        + 2 * c * s**3 * be
    )
    if float(first.max()) < 1e-3:
        return 0.0
    ratio = np.sqrt(second / np.maximum(first, 1e-3))
    return float(ratio.min())


def glare_fraction(gray: np.ndarray, floor: float = 0.0) -> float:
    """The largest blown-out blob's area as a fraction of the page's area.

    When all blown-out pixels together stay under `floor`, their total is returned instead
    (an upper bound, found without the blob analysis that costs most of the time).
    """
    _, blown = cv2.threshold(gray, GLARE_LEVEL - 1, 1, cv2.THRESH_BINARY)
    total = cv2.countNonZero(blown) / float(gray.size)
    if total < floor or total == 0.0:
        return total
    # Opening drops isolated hot pixels of sensor noise; a reflection is a solid blob.
    blown = cv2.morphologyEx(blown, cv2.MORPH_OPEN, np.ones((3, 3), np.uint8))
    count, _, stats, _ = cv2.connectedComponentsWithStats(blown, connectivity=8)
    if count <= 1:
        return 0.0
    return float(stats[1:, cv2.CC_STAT_AREA].max()) / float(gray.size)


_ANGLES = np.radians(np.arange(0.0, 180.0, 5.0))
