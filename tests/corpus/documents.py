"""Seeded synthetic photos of documents held under the kiosk camera (1280×720 BGR frames).

A page (paper colour, a header, lines of text, a table, a round stamp and four black corner
markers) is rendered flat, then projected into the frame through a real 3D pose (rotation in the
plane, tilt towards the camera, distance) over a desk texture with uneven light, sensor noise and
the camera's MJPEG compression. Defects are applied on top: blur (defocus or motion), a glare
spot, a page too far away, a page partly outside the frame. Everything comes from
`random.Random(seed)`, so a seed is a test case.

The ground truth travels with the frame: where the page's corners landed (`corners`, in the
order top-left, top-right, bottom-right, bottom-left of the page itself) and where the centres of
the corner markers sit on the flat page (`marker_centres`, in pixels of the flat page).
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

import cv2
import numpy as np

FRAME_W, FRAME_H = 1280, 720
DEFECTS = ("clean", "blur", "glare", "small", "cut_off")
# Paper sizes in millimetres (long side, short side); the page lies landscape unless rotated.
PAPERS_MM = {"a4": (297.0, 210.0), "passport": (125.0, 88.0), "id_card": (85.6, 54.0)}
# Marker squares: side and inset as fractions of the page's short side.
MARKER_SIDE = 0.07
MARKER_INSET = 0.05

_WORDS = (
    "MINISTRY INTERIOR RESIDENCE PERMIT NATIONALITY FAMILY BOOK CERTIFICATE MARRIAGE AMMAN "
    "JORDAN DEPENDENCY DEED SPONSOR PASSPORT NUMBER DATE ISSUED VALID UNTIL DIRECTORATE "
    "APPLICANT BENEFICIARY REFERENCE COURT SEAL SIGNATURE"
).split()


@dataclass(frozen=True)
class DocumentPhoto:
    """One rendered camera frame of a document, with its ground truth."""

    frame: np.ndarray  # 720×1280×3 uint8, BGR
    corners: np.ndarray  # 4×2 float32: the page's TL, TR, BR, BL in frame pixels
    paper: str  # key of PAPERS_MM
    defect: str  # one of DEFECTS
    seed: int

    @property
    def aspect(self) -> float:
        """The page's true long/short side ratio."""
        long_mm, short_mm = PAPERS_MM[self.paper]
        return long_mm / short_mm


def marker_centres(width: int, height: int) -> np.ndarray:
    """Centres of the four corner markers (TL, TR, BR, BL) on a flat page of this size, px."""
    short = min(width, height)
    offset = (MARKER_INSET + MARKER_SIDE / 2) * short
    return np.array(
        [
            [offset, offset],
            [width - offset, offset],
            [width - offset, height - offset],
            [offset, height - offset],
        ],
        dtype=np.float32,
    )


def photo(
    seed: int,
    defect: str = "clean",
    paper: str | None = None,
    rotation: float | None = None,
    pose_seed: int | None = None,
) -> DocumentPhoto:
    """A seeded camera frame of a document with the given defect (see DEFECTS).

    `rotation` forces the page's turn in the picture (degrees; 90 stands it upright, 180 puts it
    upside down); `pose_seed` takes the pose (and desk and light) from another seed, so two pages
    with different content can lie in exactly the same place, like the pages of a booklet.
    """
    if defect not in DEFECTS:
        raise ValueError(f"unknown defect {defect!r}")
    rng = random.Random(f"{seed}:{defect}:{paper}")
    paper = paper or rng.choice(("a4", "a4", "passport", "id_card"))
    long_mm, short_mm = PAPERS_MM[paper]
    page = render_page(rng, 1400, round(1400 * short_mm / long_mm))
    scene = random.Random(f"{seed if pose_seed is None else pose_seed}:{defect}:{paper}:scene")
    frame, corners = photograph(page, scene, defect, rotation)
    return DocumentPhoto(frame, corners, paper, defect, seed)


def photograph(
    page: np.ndarray, scene: random.Random, defect: str = "clean", rotation: float | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Any flat page image, laid on the desk and seen by the camera: (frame, page corners)."""
    corners = _pose(scene, defect, page.shape[1] / page.shape[0], rotation)
    frame = desk(scene)
    frame = _project(page, corners, frame)
    frame = _lighting(scene, frame)
    if defect == "glare":
        frame = _glare(scene, frame, corners)
    if defect == "blur":
        frame = _blur(scene, frame)
    else:
        # Every camera softens a little; clean frames get a mild optical blur.
        frame = cv2.GaussianBlur(frame, (0, 0), scene.uniform(0.3, 0.8))
    frame = _noise(scene, frame, scene.uniform(1.0, 3.0))
    frame = _mjpeg(frame, scene.randint(70, 92))
    return frame, corners.astype(np.float32)


def empty_desk(seed: int) -> np.ndarray:
    """A frame of the tray with no document on it."""
    rng = random.Random(f"desk:{seed}")
    return _noise(rng, _lighting(rng, desk(rng)), 2.0)


def steady_sequence(
    seed: int, count: int, fps: float = 30.0, jitter_px: float = 0.6
) -> list[tuple[np.ndarray, float]]:
    """Frames (with timestamps) of one clean document held still: sub-pixel hand tremor, noise."""
    base = photo(seed, "clean")
    rng = random.Random(f"steady:{seed}")
    return [
        (_shifted(rng, base.frame, rng.gauss(0, jitter_px), rng.gauss(0, jitter_px)), i / fps)
        for i in range(count)
    ]


def moving_sequence(
    seed: int, count: int, fps: float = 30.0, step_px: float = 12.0
) -> list[tuple[np.ndarray, float]]:
    """Frames of one clean document being slid across the desk, `step_px` per frame."""
    base = photo(seed, "clean")
    rng = random.Random(f"moving:{seed}")
    angle = rng.uniform(0, 2 * math.pi)
    frames = []
    for i in range(count):
        # Back and forth, so the page stays inside the frame however long the sequence.
        travel = step_px * (i % 8 if (i // 8) % 2 == 0 else 8 - i % 8)
        dx, dy = travel * math.cos(angle), travel * math.sin(angle)
        frames.append((_shifted(rng, base.frame, dx, dy), i / fps))
    return frames


# --- the page -------------------------------------------------------------------------------


def render_page(rng: random.Random, width: int, height: int) -> np.ndarray:
    """A flat page: paper, header band, text lines, a table, a stamp and corner markers."""
    paper = np.array([rng.randint(222, 236), rng.randint(226, 238), rng.randint(228, 240)])
    page = np.empty((height, width, 3), np.uint8)
    page[:] = paper
    short = min(width, height)
    ink = (rng.randint(10, 40),) * 3
    # Header band and title.
    band = int(0.16 * height)
    margin = int((MARKER_INSET + MARKER_SIDE + 0.04) * short)
    cv2.rectangle(page, (margin, margin // 2), (width - margin, band), (200, 190, 170), -1)
    _text(page, " ".join(rng.sample(_WORDS, 3)), (margin + 10, band - 18), 1.4, ink, 3)
    # Lines of text in the left two thirds.
    y = band + 60
    while y < height - margin - 20:
        words = " ".join(rng.choice(_WORDS).title() for _ in range(rng.randint(3, 6)))
        _text(page, words, (margin, y), rng.uniform(0.8, 1.0), ink, 2)
        y += rng.randint(42, 56)
    # A table on the right third.
    x0, x1 = int(width * 0.64), width - margin
    y0, y1 = band + 30, int(height * 0.7)
    rows, cols = rng.randint(4, 7), 3
    for r in range(rows + 1):
        yy = y0 + (y1 - y0) * r // rows
        cv2.line(page, (x0, yy), (x1, yy), ink, 2)
    for c in range(cols + 1):
        xx = x0 + (x1 - x0) * c // cols
        cv2.line(page, (xx, y0), (xx, y1), ink, 2)
    # A round ink stamp, half over the text.
    centre = (int(width * rng.uniform(0.45, 0.6)), int(height * rng.uniform(0.6, 0.75)))
    radius = int(short * 0.12)
    stamp = page.copy()
    blue = (rng.randint(120, 170), rng.randint(40, 80), rng.randint(20, 50))
    cv2.circle(stamp, centre, radius, blue, 6)
    cv2.circle(stamp, centre, int(radius * 0.75), blue, 3)
    _text(stamp, "MOI", (centre[0] - radius // 2, centre[1] + 12), 1.3, blue, 3)
    page = cv2.addWeighted(stamp, 0.75, page, 0.25, 0)
    # Corner markers: solid squares the tests find again on the flattened output.
    side = int(MARKER_SIDE * short)
    for cx, cy in marker_centres(width, height):
        tl = (int(cx - side / 2), int(cy - side / 2))
        cv2.rectangle(page, tl, (tl[0] + side, tl[1] + side), (5, 5, 5), -1)
    return page


def desk(rng: random.Random) -> np.ndarray:
    """A desk: wood grain or a dark mat, always well below the paper's brightness."""
    # Drawn at half resolution and enlarged: the texture is smooth and this halves the cost.
    h, w = FRAME_H // 2, FRAME_W // 2
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
    np_rng = np.random.default_rng(rng.randrange(2**32))
    if rng.random() < 0.6:
        angle = rng.uniform(-0.3, 0.3)
        u = xs * math.cos(angle) + ys * math.sin(angle)
        v = -xs * math.sin(angle) + ys * math.cos(angle)
        wobble = cv2.GaussianBlur(np_rng.standard_normal((h, w), np.float32), (0, 0), 12)
        grain = np.sin(v / rng.uniform(2.5, 6) + 40 * wobble + u / 200.0)
        base = np.array([rng.randint(30, 60), rng.randint(60, 90), rng.randint(95, 135)])
        img = base[None, None, :] * (1 + 0.18 * grain[..., None])
    else:
        # A grey mat, from dark to a light grey that leaves the paper little contrast.
        shade = rng.randint(45, 150)
        fibre = cv2.GaussianBlur(np_rng.standard_normal((h, w), np.float32), (0, 0), 0.8)
        img = np.full((h, w, 3), shade, np.float32) * (1 + 0.12 * fibre[..., None])
    img = cv2.resize(img.astype(np.float32), (FRAME_W, FRAME_H), interpolation=cv2.INTER_LINEAR)
    return np.clip(img, 0, 255).astype(np.uint8)


# --- the pose -------------------------------------------------------------------------------


def _pose(
    rng: random.Random, defect: str, aspect: float, rotation: float | None = None
) -> np.ndarray:
    """Where the page's corners land in the frame, from a 3D pose, for the defect asked for."""
    turn = rotation
    for _ in range(400):
        if defect == "small":
            long_px = rng.uniform(220, 400)
        elif turn is not None and 45 < abs(turn) % 180 < 135:
            long_px = rng.uniform(600, 660)  # standing upright: the frame's height limits it
        else:
            # Large enough for 200 dpi even on an ID card (86 mm → 680 px) after tilting.
            long_px = rng.uniform(780, 1000)
        rotation = (turn or 0.0) + rng.uniform(-15, 15)
        tilt_x, tilt_y = rng.uniform(-12, 12), rng.uniform(-12, 12)
        corners = _project_corners(long_px, aspect, rotation, tilt_x, tilt_y)
        lo, hi = corners.min(axis=0), corners.max(axis=0)
        size = hi - lo
        if defect == "cut_off":
            # Push the page over one or two edges so 15–35 % of one side is outside.
            cx = rng.uniform(size[0] / 2 + 10, FRAME_W - size[0] / 2 - 10)
            cy = rng.uniform(size[1] / 2 + 10, FRAME_H - size[1] / 2 - 10)
            side = rng.choice(("left", "right", "top", "bottom"))
            out = rng.uniform(0.15, 0.35)
            if side == "left":
                cx = size[0] / 2 - out * size[0]
            elif side == "right":
                cx = FRAME_W - size[0] / 2 + out * size[0]
            elif side == "top":
                cy = size[1] / 2 - out * size[1]
            else:
                cy = FRAME_H - size[1] / 2 + out * size[1]
            corners = corners - (lo + hi) / 2 + (cx, cy)
            return corners
        if size[0] > FRAME_W - 60 or size[1] > FRAME_H - 60:
            continue
        cx = rng.uniform(size[0] / 2 + 30, FRAME_W - size[0] / 2 - 30)
        cy = rng.uniform(size[1] / 2 + 30, FRAME_H - size[1] / 2 - 30)
        return corners - (lo + hi) / 2 + (cx, cy)
    raise RuntimeError("no pose fits the frame")  # pragma: no cover - ranges always fit


def _project_corners(
    long_px: float, aspect: float, rotation: float, tilt_x: float, tilt_y: float
) -> np.ndarray:
    """A page of `long_px` apparent width, rotated and tilted in 3D, seen by a pinhole camera."""
    focal = 1100.0  # ~60° horizontal field of view at 1280 px
    distance = focal  # page at one focal length: 1 world unit ≈ 1 px at the page's centre
    w, h = long_px, long_px / aspect
    pts = np.array([[-w / 2, -h / 2, 0], [w / 2, -h / 2, 0], [w / 2, h / 2, 0], [-w / 2, h / 2, 0]])
    rz, rx, ry = (math.radians(a) for a in (rotation, tilt_x, tilt_y))
    rot_z = np.array([[math.cos(rz), -math.sin(rz), 0], [math.sin(rz), math.cos(rz), 0], [0, 0, 1]])
    rot_x = np.array([[1, 0, 0], [0, math.cos(rx), -math.sin(rx)], [0, math.sin(rx), math.cos(rx)]])
    rot_y = np.array([[math.cos(ry), 0, math.sin(ry)], [0, 1, 0], [-math.sin(ry), 0, math.cos(ry)]])
    world = pts @ (rot_y @ rot_x @ rot_z).T + (0, 0, distance)
    return focal * world[:, :2] / world[:, 2:3]


def _project(page: np.ndarray, corners: np.ndarray, frame: np.ndarray) -> np.ndarray:
    """Paste the flat page into the frame through the homography of its corners."""
    h, w = page.shape[:2]
    apparent = max(np.linalg.norm(corners[1] - corners[0]), np.linalg.norm(corners[2] - corners[3]))
    # Anti-alias before shrinking, as a lens would.
    shrink = w / max(apparent, 1.0)
    if shrink > 1.2:
        page = cv2.GaussianBlur(page, (0, 0), 0.45 * shrink)
    src = np.array([[0, 0], [w - 1, 0], [w - 1, h - 1], [0, h - 1]], np.float32)
    matrix = cv2.getPerspectiveTransform(src, corners.astype(np.float32))
    size = (frame.shape[1], frame.shape[0])
    warped = cv2.warpPerspective(page, matrix, size, flags=cv2.INTER_LINEAR)
    mask = cv2.warpPerspective(np.full((h, w), 255, np.uint8), matrix, size)
    # A soft edge (a real page edge spans a pixel or two, with a hint of shadow).
    alpha = cv2.GaussianBlur(mask, (0, 0), 0.8).astype(np.float32)[..., None] / 255.0
    return (warped * alpha + frame * (1 - alpha)).astype(np.uint8)


# --- the camera -----------------------------------------------------------------------------


def _lighting(rng: random.Random, frame: np.ndarray) -> np.ndarray:
    """Uneven light: a gentle gradient and vignetting, as under a kiosk's lamp."""
    ys, xs = np.mgrid[0:FRAME_H, 0:FRAME_W].astype(np.float32)
    gx, gy = rng.uniform(-0.1, 0.1), rng.uniform(-0.1, 0.1)
    gradient = 1 + gx * (xs / FRAME_W - 0.5) + gy * (ys / FRAME_H - 0.5)
    r2 = ((xs - FRAME_W / 2) / FRAME_W) ** 2 + ((ys - FRAME_H / 2) / FRAME_H) ** 2
    light = gradient * (1 - rng.uniform(0.05, 0.15) * r2 * 2)
    # Exposure keeps the brightest paper below clipping, as a fixed-exposure camera is set up.
    light *= rng.uniform(0.92, 1.0) / light.max()
    return np.clip(frame * light[..., None], 0, 255).astype(np.uint8)


def _glare(rng: random.Random, frame: np.ndarray, corners: np.ndarray) -> np.ndarray:
    """A specular reflection: a bright oval on the page whose core saturates the sensor."""
    # A point well inside the page: a random convex mix of its corners, pulled to the centre.
    weights = np.array([rng.random() + 0.5 for _ in range(4)])
    centre = (weights / weights.sum()) @ corners
    area = cv2.contourArea(corners.astype(np.float32))
    # A saturated core of roughly 3–10 % of the page's area.
    core = math.sqrt(rng.uniform(0.025, 0.07) * area / math.pi)
    sx, sy = core * rng.uniform(0.8, 1.25), core * rng.uniform(0.8, 1.25)
    ys, xs = np.mgrid[0:FRAME_H, 0:FRAME_W].astype(np.float32)
    d2 = ((xs - centre[0]) / sx) ** 2 + ((ys - centre[1]) / sy) ** 2
    # +60 at the edge of the core (d2 = 1): paper saturates there and inside, then it fades.
    boost = 60.0 * np.exp(-(d2 - 1.0) / 0.6)
    return np.clip(frame.astype(np.float32) + boost[..., None], 0, 255).astype(np.uint8)


def _blur(rng: random.Random, frame: np.ndarray) -> np.ndarray:
    """Defocus (Gaussian) or hand motion (a line kernel), strong enough to smear text."""
    if rng.random() < 0.5:
        return cv2.GaussianBlur(frame, (0, 0), rng.uniform(2.0, 5.0))
    length = rng.randint(11, 25)
    kernel = np.zeros((length, length), np.float32)
    kernel[length // 2, :] = 1.0
    rot = cv2.getRotationMatrix2D((length / 2 - 0.5, length / 2 - 0.5), rng.uniform(0, 180), 1.0)
    kernel = cv2.warpAffine(kernel, rot, (length, length))
    return cv2.filter2D(frame, -1, kernel / kernel.sum())


def _noise(rng: random.Random, frame: np.ndarray, sigma: float) -> np.ndarray:
    np_rng = np.random.default_rng(rng.randrange(2**32))
    noisy = np_rng.standard_normal(frame.shape, np.float32) * np.float32(sigma)
    noisy += frame
    return np.clip(noisy, 0, 255, out=noisy).astype(np.uint8)


def _mjpeg(frame: np.ndarray, quality: int) -> np.ndarray:
    """USB cameras send 720p as MJPEG: the frame arrives JPEG-compressed."""
    ok, data = cv2.imencode(".jpg", frame, [cv2.IMWRITE_JPEG_QUALITY, quality])
    return cv2.imdecode(data, cv2.IMREAD_COLOR)


def _shifted(rng: random.Random, frame: np.ndarray, dx: float, dy: float) -> np.ndarray:
    """The frame moved by (dx, dy) pixels, with fresh sensor noise."""
    matrix = np.float32([[1, 0, dx], [0, 1, dy]])
    moved = cv2.warpAffine(frame, matrix, (FRAME_W, FRAME_H), borderMode=cv2.BORDER_REPLICATE)
    return _noise(rng, moved, 1.5)


def _text(img, text, org, scale, colour, thickness) -> None:
    cv2.putText(img, text, org, cv2.FONT_HERSHEY_SIMPLEX, scale, colour, thickness, cv2.LINE_AA)
