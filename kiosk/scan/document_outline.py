"""Finding a document's outline in a camera frame and flattening it (pure functions, numpy/OpenCV).

The page is found on a half-size grey copy of the frame (enough for the outline, four times
cheaper): first by brightness (paper is the brightest large thing on the kiosk's darker tray,
Otsu's threshold separates them even under uneven light), then by edges (Canny) when the
brightness split gives no page-like shape. The largest contour is reduced to a convex
quadrilateral with approxPolyDP; when that does not give four corners (a page cut by the frame
edge, a corner hidden by a thumb) its minimum-area rectangle stands in. Each side of the quad is
then refitted to the contour's own points and the corners recomputed as the sides' intersections:
that is sub-pixel, and it puts the corners of an ID card with rounded corners where they belong.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

# The outline is searched on a copy this many times smaller than the frame.
WORK_SCALE = 2
# Contours smaller than this fraction of the frame are not a document (labels, hands, shadows).
MIN_AREA_FRACTION = 0.015
# Contour points on the image's edge (work scale) that mean the page is cut there.
BORDER_RUN = 6
# Assumed focal length of the kiosk camera, as a fraction of the frame's width (rectangle_aspect).
FOCAL_FRACTION = 0.85
# A quad is page-like when the contour fills at least this much of it (a hand or a blob does not).
MIN_FILL = 0.85


@dataclass(frozen=True, eq=False)
class Outline:
    """A document's corners in frame pixels, and whether its shape runs along the frame's edge."""

    quad: np.ndarray  # 4×2 float32: TL, TR, BR, BL
    touches_border: bool  # the page continues beyond the picture


def find_outline(frame: np.ndarray) -> Outline | None:
    """The document's outline in a BGR (or grey) uint8 frame, or None when there is no page.

    Corners may lie on or beyond the frame's border when the page is cut off; the caller decides
    what that means.
    """
    gray = frame if frame.ndim == 2 else cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)
    h, w = gray.shape
    small = cv2.resize(gray, (w // WORK_SCALE, h // WORK_SCALE), interpolation=cv2.INTER_AREA)
    small = cv2.GaussianBlur(small, (5, 5), 0)
    for mask in (_bright_mask(small), _edge_mask(small)):
        found = _best_quad(mask)
        if found is not None:
            quad, contour = found
            quad = (quad * WORK_SCALE + (WORK_SCALE - 1) / 2).astype(np.float32)
            return Outline(quad, _on_border(contour, small.shape))
    return None


def order_corners(points: np.ndarray) -> np.ndarray:
    """Four points in the order TL, TR, BR, BL (clockwise on screen, starting top-left)."""
    pts = np.asarray(points, dtype=np.float32).reshape(4, 2)
    centre = pts.mean(axis=0)
    angles = np.arctan2(pts[:, 1] - centre[1], pts[:, 0] - centre[0])
    pts = pts[np.argsort(angles)]  # clockwise, since the y axis points down
    start = int(np.argmin(pts.sum(axis=1)))
    return np.roll(pts, -start, axis=0)


def side_lengths(quad: np.ndarray) -> tuple[float, float, float, float]:
    """Lengths of the top, right, bottom and left sides of an ordered quad, in pixels."""
    top, right, bottom, left = (
        float(np.linalg.norm(quad[(i + 1) % 4] - quad[i])) for i in range(4)
    )
    return top, right, bottom, left


def rectangle_aspect(quad: np.ndarray, frame_w: int, frame_h: int) -> float:
    """The true width/height ratio of the rectangle seen as the ordered `quad`.

    Perspective makes a tilted page's sides unequal, so the quad's own side ratio is off by up to
    6–7 % on the corpus; undoing the projection (Zhang & He, "Whiteboard scanning", 2007) with the
    principal point at the frame's centre and an assumed focal length brings it within ~3 %. The
    focal length matters little (700–1400 px all do on a 1280-px frame); 0.85 × the frame's width
    is a typical webcam's (a 60–65° field of view).
    """
    focal = FOCAL_FRACTION * frame_w
    centre = np.array([frame_w / 2.0, frame_h / 2.0])
    tl, tr, br, bl = (np.array([*(p - centre), 1.0]) for p in quad.astype(np.float64))
    try:
        k2 = np.dot(np.cross(tl, br), bl) / np.dot(np.cross(tr, br), bl)
        k3 = np.dot(np.cross(tl, br), tr) / np.dot(np.cross(bl, br), tr)
    except (FloatingPointError, ZeroDivisionError):
        k2 = k3 = float("nan")
    n2, n3 = k2 * tr - tl, k3 * bl - tl  # the rectangle's width and height directions
    scale = np.array([1 / focal, 1 / focal, 1.0])
    width, height = np.linalg.norm(n2 * scale), np.linalg.norm(n3 * scale)
    if not (np.isfinite(width) and np.isfinite(height)) or width <= 0 or height <= 0:
        top, right, bottom, left = side_lengths(quad)
        return max(top, bottom) / max(left, right, 1e-6)
    return float(width / height)


def flatten(frame: np.ndarray, quad: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    """The quad's content warped to a flat `size` = (width, height) rectangle."""
    w, h = size
    target = np.array([[0, 0], [w - 1, 0], [w - 1, h - 1], [0, h - 1]], dtype=np.float32)
    matrix = cv2.getPerspectiveTransform(quad.astype(np.float32), target)
    return cv2.warpPerspective(
        frame, matrix, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE
    )


# --- helpers --------------------------------------------------------------------------------


def _bright_mask(small: np.ndarray) -> np.ndarray:
    _, mask = cv2.threshold(small, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    # Opening detaches bright specks of the tray and thin bridges to them.
    return cv2.morphologyEx(mask, cv2.MORPH_OPEN, np.ones((3, 3), np.uint8))


def _edge_mask(small: np.ndarray) -> np.ndarray:
    median = float(np.median(small))
    edges = cv2.Canny(small, max(10.0, 0.66 * median), min(255.0, 1.33 * median + 20))
    # Closing joins the outline's broken runs so the page becomes one closed contour.
    return cv2.morphologyEx(edges, cv2.MORPH_CLOSE, np.ones((5, 5), np.uint8), iterations=2)


def _best_quad(mask: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    h, w = mask.shape
    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_NONE)
    contours = sorted(contours, key=cv2.contourArea, reverse=True)[:3]
    for contour in contours:
        area = cv2.contourArea(contour)
        if area < MIN_AREA_FRACTION * w * h:
            break
        quad = _quad_of(contour)
        if quad is None:
            continue
        quad_area = cv2.contourArea(quad)
        if quad_area > 0 and area / quad_area >= MIN_FILL and _convex(quad):
            return quad, contour
    return None


def _quad_of(contour: np.ndarray) -> np.ndarray | None:
    hull = cv2.convexHull(contour)
    perimeter = cv2.arcLength(hull, True)
    for epsilon in (0.02, 0.03, 0.045):
        approx = cv2.approxPolyDP(hull, epsilon * perimeter, True)
        if len(approx) == 4:
            quad = order_corners(approx)
            return _refit(quad, contour.reshape(-1, 2).astype(np.float32))
    # No clean four corners: the minimum-area rectangle (it reaches past the frame edge when the
    # page is cut off there, which the quality check reports).
    return order_corners(cv2.boxPoints(cv2.minAreaRect(hull)))


def _refit(quad: np.ndarray, points: np.ndarray) -> np.ndarray:
    """Corners recomputed from lines fitted to the contour points along each side.

    Twice: a loose pass straightens sides whose polygon corners were pulled in (a dark corner
    print eaten by the threshold), a tight pass fits the true edge.
    """
    loose = _refit_once(quad, points, tolerance=0.06, edge_shift=0.0)
    if loose is None:
        return quad
    tight = _refit_once(loose, points, tolerance=0.0, edge_shift=0.5)
    refined = loose if tight is None else tight
    # A refit that moves a corner far from the polygon's is a bad fit; keep the polygon then.
    if np.max(np.linalg.norm(refined - quad, axis=1)) > 0.1 * max(np.ptp(quad, axis=0)):
        return quad
    return refined


def _refit_once(
    quad: np.ndarray, points: np.ndarray, tolerance: float, edge_shift: float
) -> np.ndarray | None:
    """One refit; `tolerance` is the band around each side, as a fraction of its length (at
    least 2 px); `edge_shift` moves each line outwards (contours run through the centres of the
    outermost page pixels, half a pixel inside the true edge)."""
    centre = quad.mean(axis=0)
    lines = []
    for i in range(4):
        a, b = quad[i], quad[(i + 1) % 4]
        length = float(np.linalg.norm(b - a))
        if length < 8:
            return None
        direction = (b - a) / length
        rel = points - a
        along = rel @ direction
        across = np.abs(rel[:, 0] * direction[1] - rel[:, 1] * direction[0])
        band = max(2.0, tolerance * length)
        # The middle 70 % of the side, hugging it: away from rounded or bent corners.
        near = (along > 0.15 * length) & (along < 0.85 * length) & (across < band)
        if near.sum() < 10:
            return None
        vx, vy, x0, y0 = cv2.fitLine(points[near], cv2.DIST_HUBER, 0, 0.01, 0.01).ravel()
        origin, normal = np.array([x0, y0]), np.array([vy, -vx])
        if normal @ (origin - centre) < 0:
            normal = -normal
        lines.append((origin + edge_shift * normal, np.array([vx, vy])))
    corners = []
    for i in range(4):
        (p1, d1), (p2, d2) = lines[i - 1], lines[i]
        cross = d1[0] * d2[1] - d1[1] * d2[0]
        if abs(cross) < 1e-3:
            return None
        t = ((p2[0] - p1[0]) * d2[1] - (p2[1] - p1[1]) * d2[0]) / cross
        corners.append(p1 + t * d1)
    return np.array(corners, dtype=np.float32)


def _on_border(contour: np.ndarray, shape: tuple[int, int]) -> bool:
    """Whether a run of the contour lies along the image's edge (the page goes on beyond it)."""
    h, w = shape
    points = contour.reshape(-1, 2)
    xs, ys = points[:, 0], points[:, 1]
    along = (xs <= 1) | (ys <= 1) | (xs >= w - 2) | (ys >= h - 2)
    return int(along.sum()) >= BORDER_RUN


def _convex(quad: np.ndarray) -> bool:
    return bool(cv2.isContourConvex(quad.reshape(-1, 1, 2).astype(np.float32)))
