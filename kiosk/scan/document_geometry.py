"""Geometry of a page found in a frame: near the edge, flattened size, rim, movement, miniature."""

from __future__ import annotations

import cv2
import numpy as np

from kiosk.scan.document_outline import flatten, rectangle_aspect, side_lengths
from kiosk.scan.document_quality import Paper


def near_border(quad: np.ndarray, frame_w: int, frame_h: int, margin: float) -> bool:
    pad = margin * min(frame_w, frame_h)
    xs, ys = quad[:, 0], quad[:, 1]
    return bool(
        (xs < pad).any()
        or (ys < pad).any()
        or (xs > frame_w - 1 - pad).any()
        or (ys > frame_h - 1 - pad).any()
    )


def page_size(
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


def inner(page: np.ndarray) -> np.ndarray:
    """The page without a 3 % rim: its edge and the tray's shadow are not the page's content."""
    h, w = page.shape[:2]
    m = max(1, int(0.03 * min(w, h)))
    return page[m : h - m, m : w - m] if h > 2 * m + 8 and w > 2 * m + 8 else page


def quad_shift(a: np.ndarray, b: np.ndarray) -> float:
    """The largest distance any corner moved between two quads, in pixels."""
    return float(np.max(np.linalg.norm(a - b, axis=1)))


def thumbnail(image: np.ndarray, quad: np.ndarray) -> np.ndarray:
    """A 96×64 grey miniature of the page, averaged (not sampled) so text does not alias."""
    gray = image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    flat = flatten(gray, quad, (384, 256))
    return cv2.resize(flat, (96, 64), interpolation=cv2.INTER_AREA).astype(np.float32)
