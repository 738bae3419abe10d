"""A seeded corpus of personal-number barcodes on passport-like pages, as a kiosk camera sees them.

Every frame is 1280×720 BGR, the camera's resolution. A passport page (pastel paper, guilloche
lines, text, a photo box, an MRZ-like band) carries a white sticker with the barcode and its
human-readable digits; the page lies on a dark tray and is placed, rotated and tilted with a
homography rendered at 2× and area-downsampled, so bars get real anti-aliased edges. Each frame
then goes through one degradation at one level, light sensor noise and the camera's own JPEG
(USB cameras deliver 720p as MJPG).

Bars come from reportlab's symbology encoders (Code 128, Code 39, Interleaved 2 of 5) and, for
the negatives reportlab does not encode, from zxing-cpp's writer; both are rasterised here with
exact fractional module widths. `check_clean_renderings()` proves every clean symbol decodes.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

import cv2
import numpy as np
import segno
import zxingcpp
from reportlab.graphics.barcode.code39 import Standard39
from reportlab.graphics.barcode.code128 import Code128
from reportlab.graphics.barcode.common import I2of5

WIDTH, HEIGHT = 1280, 720
SUPERSAMPLE = 2
SYMBOLOGIES = ("Code128", "Code39", "ITF")
# Personal-number stickers are mostly Code 128; the other two are listed by the issue.
SYMBOLOGY_WEIGHTS = (0.6, 0.2, 0.2)
WIDE_RATIO = 2.5  # wide:narrow for Code 39 and ITF (the standards allow 2–3)

# One degradation per frame, three levels each, from "a bit off" to "hard but realistic".
LEVELS: dict[str, tuple] = {
    "clean": (None,),
    # in-plane rotation, degrees (a range; the last level is upside down)
    "rotation": ((5, 25), (25, 65), (170, 190)),
    # out-of-plane tilt of the page, degrees
    "tilt": (15, 30, 45),
    # Gaussian defocus, sigma in frame pixels
    "blur": (1.0, 1.5, 2.0),
    # motion blur, streak length in frame pixels, random direction
    "motion": (5, 9, 13),
    # additive sensor noise, sigma in grey levels
    "noise": (8, 16, 28),
    # JPEG quality (on top of the camera's own)
    "jpeg": (50, 30, 15),
    # remaining fraction of the frame's dynamic range (under-exposure, faded print)
    "contrast": (0.5, 0.3, 0.15),
    # peak of a specular highlight over the barcode, grey levels added
    "glare": (110, 170, 230),
    # module width in frame pixels (nominal frames use 2.5–3.5)
    "small": (2.0, 1.5, 1.0),
    # fraction of the bars' height covered by a finger
    "occlusion": (0.3, 0.5, 0.7),
}

NEGATIVE_KINDS = (
    "no-barcode",
    "ean13",
    "code128-9-digits",
    "code128-11-digits",
    "code128-wrong-prefix",
    "code93-valid-number",
    "codabar-valid-number",
    "qr-valid-number",
    "two-different-numbers",
)


@dataclass(frozen=True)
class Sample:
    """One corpus frame and what a correct reader must answer for it."""

    name: str
    degradation: str
    level: int  # 0 = clean, 1..3 = increasingly hard; negatives use 0
    expected: str | None  # the personal number, or None where nothing may be read
    symbology: str
    frame: np.ndarray


def positives(seed: int = 5, per_level: int = 10) -> Iterator[Sample]:
    """Frames that each hold one valid personal number, `per_level` for every level."""
    rng = np.random.default_rng(seed)
    for degradation, levels in LEVELS.items():
        for index, param in enumerate(levels):
            level = index + (degradation != "clean")
            for i in range(per_level):
                number = random_number(rng)
                symbology = str(rng.choice(SYMBOLOGIES, p=SYMBOLOGY_WEIGHTS))
                frame = render_frame(rng, [(symbology, number)], degradation, param)
                yield Sample(
                    f"{degradation}-{level}-{i:03d}", degradation, level, number, symbology, frame
                )


def negatives(seed: int = 6, per_kind: int = 6) -> Iterator[Sample]:
    """Frames from which no personal number may be read."""
    rng = np.random.default_rng(seed)
    for kind in NEGATIVE_KINDS:
        for i in range(per_kind):
            symbols = _negative_symbols(rng, kind)
            # Mild real-world variation so a lucky clean frame does not hide a false positive.
            degradation = str(rng.choice(["clean", "noise", "blur", "rotation"]))
            param = LEVELS[degradation][0]
            frame = render_frame(rng, symbols, degradation, param)
            yield Sample(f"{kind}-{i:03d}", kind, 0, None, kind, frame)


def random_number(rng: np.random.Generator) -> str:
    """A personal number: 10 digits starting with 10 or 80."""
    return str(rng.choice(["10", "80"])) + "".join(str(d) for d in rng.integers(0, 10, 8))


def _negative_symbols(rng, kind: str) -> list[tuple[str, str]]:
    digits = "".join(str(d) for d in rng.integers(0, 10, 12))
    if kind == "no-barcode":
        return []
    if kind == "ean13":
        body = str(rng.choice(["10", "80"])) + digits[:10]
        return [("EAN13", body + _ean_check(body))]
    if kind == "code128-9-digits":
        return [("Code128", random_number(rng)[:9])]
    if kind == "code128-11-digits":
        return [("Code128", random_number(rng) + digits[0])]
    if kind == "code128-wrong-prefix":
        prefix = str(rng.choice(["11", "20", "81", "00", "90"]))
        return [("Code128", prefix + digits[:8])]
    if kind == "code93-valid-number":
        return [("Code93", random_number(rng))]
    if kind == "codabar-valid-number":
        return [("Codabar", "A" + random_number(rng) + "B")]
    if kind == "qr-valid-number":
        return [("QR", random_number(rng))]
    if kind == "two-different-numbers":
        first = random_number(rng)
        second = random_number(rng)
        while second == first:
            second = random_number(rng)
        return [("Code128", first), ("Code128", second)]
    raise ValueError(kind)


def _ean_check(body12: str) -> str:
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body12))
    return str((10 - total % 10) % 10)


# --- symbols ----------------------------------------------------------------------------------


def bar_runs(symbology: str, text: str) -> list[float]:
    """Alternating bar/space widths in modules, starting with a bar (no quiet zones)."""
    if symbology == "Code128":
        code = Code128(text, quiet=0)
        code.validate()
        code.encode()
        code.decompose()
        # reportlab writes bars as A–D and spaces as a–d, the letter being the width 1–4.
        return [float(ord(c.lower()) - ord("a") + 1) for c in code.decomposed]
    if symbology in ("Code39", "ITF"):
        code = (
            Standard39(text, checksum=0, quiet=0)
            if symbology == "Code39"
            else I2of5(text, checksum=0, quiet=0)
        )
        code.validate()
        code.encode()
        code.decompose()
        widths = {"b": 1.0, "s": 1.0, "B": WIDE_RATIO, "S": WIDE_RATIO, "i": 1.0}
        return [widths[c] for c in code.decomposed]
    fmt = {
        "EAN13": zxingcpp.BarcodeFormat.EAN13,
        "Code93": zxingcpp.BarcodeFormat.Code93,
        "Codabar": zxingcpp.BarcodeFormat.Codabar,
    }[symbology]
    row = np.asarray(zxingcpp.create_barcode(text, fmt).to_image(scale=1, add_quiet_zones=False))[0]
    edges = np.flatnonzero(np.diff(row.astype(np.int16))) + 1
    bounds = np.concatenate([[0], edges, [len(row)]])
    return [float(w) for w in np.diff(bounds)]


def symbol_image(symbology: str, text: str, module: float, rng=None) -> np.ndarray:
    """The symbol on its white sticker, grey float32 (0 black, 1 white), `module` px per module.

    1D symbols get 10-module quiet zones, bars of realistic height and the digits printed below;
    fractional module widths are rendered by exact pixel coverage.
    """
    rng = rng or np.random.default_rng(0)
    if symbology == "QR":
        matrix = np.array(segno.make_qr(text, error="m").matrix, dtype=np.float32)
        cell = max(1, round(module * 2.5))
        image = 1.0 - np.kron(matrix, np.ones((cell, cell), np.float32))
        return np.pad(image, 4 * cell, constant_values=1.0)
    runs = np.array(bar_runs(symbology, text))
    # Ink spread: printed bars come out a little wider or narrower than nominal.
    gain = rng.uniform(-0.08, 0.08)
    runs = runs + np.where(np.arange(len(runs)) % 2 == 0, gain, -gain)
    quiet = 10 * module
    length = runs.sum() * module
    width = int(math.ceil(length + 2 * quiet))
    edges = quiet + np.concatenate([[0.0], np.cumsum(runs)]) * module
    # Coverage with 16 sub-samples per pixel: exact enough for sub-pixel edges.
    sub = (np.arange(width * 16) + 0.5) / 16
    index = np.searchsorted(edges, sub, side="right") - 1
    dark = (index >= 0) & (index < len(runs)) & (index % 2 == 0)
    row = 1.0 - dark.reshape(width, 16).mean(axis=1, dtype=np.float32)
    bar_height = int(rng.uniform(18, 28) * module)
    text_height = int(max(12, 7 * module))
    top = int(quiet / 2)
    image = np.full((bar_height + text_height + 2 * top, width), 255, np.uint8)
    scale = text_height / 30
    size = cv2.getTextSize(text, cv2.FONT_HERSHEY_SIMPLEX, scale, 1)[0]
    origin = ((width - size[0]) // 2, top + bar_height + int(text_height * 0.9))
    thickness = max(1, int(scale * 2))
    # OpenCV draws text on 8-bit images only; the bars keep their float coverage.
    cv2.putText(image, text, origin, cv2.FONT_HERSHEY_SIMPLEX, scale, 0, thickness, cv2.LINE_AA)
    image = image.astype(np.float32) / 255
    image[top : top + bar_height] = row
    return image


def check_clean_renderings(samples: int = 30, seed: int = 1) -> list[str]:
    """Render clean symbols of every kind (2–4 px modules) and decode them with zxing-cpp.

    Returns the failures; an empty list proves the encoders and the rasteriser are right.
    """
    rng = np.random.default_rng(seed)
    formats = {
        "Code128": zxingcpp.BarcodeFormat.Code128,
        "Code39": zxingcpp.BarcodeFormat.Code39,
        "ITF": zxingcpp.BarcodeFormat.ITF,
        "EAN13": zxingcpp.BarcodeFormat.EAN13,
        "Code93": zxingcpp.BarcodeFormat.Code93,
        "Codabar": zxingcpp.BarcodeFormat.Codabar,
        "QR": zxingcpp.BarcodeFormat.QRCode,
    }
    failures = []
    for i in range(samples):
        for symbology, fmt in formats.items():
            text = random_number(rng)
            if symbology == "EAN13":
                text = text + "12"
                text += _ean_check(text)
            elif symbology == "Codabar":
                text = f"A{text}B"
            module = (2.0, 3.0, 4.0)[i % 3]
            image = (symbol_image(symbology, text, module, rng) * 255).astype(np.uint8)
            found = [r.text for r in zxingcpp.read_barcodes(image, formats=fmt)]
            if found != [text]:
                failures.append(f"{symbology} {text} at {module:.2f} px: {found}")
    return failures


# --- frames -----------------------------------------------------------------------------------


def render_frame(
    rng: np.random.Generator,
    symbols: list[tuple[str, str]],
    degradation: str = "clean",
    param=None,
) -> np.ndarray:
    """A 1280×720 BGR camera frame of a passport page carrying `symbols`, degraded once."""
    s = SUPERSAMPLE
    module = float(param) if degradation == "small" else float(rng.uniform(2.5, 3.5))
    stickers = [symbol_image(sym, text, module * s, rng) for sym, text in symbols]
    page, boxes = _page(rng, stickers, s)
    if degradation == "occlusion" and boxes:
        _finger(rng, page, boxes[0], float(param))

    angle = float(rng.uniform(-3, 3))
    tilt = (0.0, 0.0)
    if degradation == "rotation":
        low, high = param
        angle = float(rng.uniform(low, high)) * (1 if high > 90 else float(rng.choice([-1, 1])))
    elif degradation == "tilt":
        split = float(rng.uniform(0, 1))
        sign = rng.choice([-1, 1], 2)
        tilt = (param * sign[0] * math.sqrt(split), param * sign[1] * math.sqrt(1 - split))
    anchor = _centre(boxes[0]) if boxes else (page.shape[1] / 2, page.shape[0] / 2)
    # Every sticker must stay in view (a negative with two numbers shows both).
    extent = _union(boxes) if boxes else (0, 0, page.shape[1], page.shape[0])
    homography = _homography(rng, page.shape, anchor, extent, angle, tilt)

    size = (WIDTH * s, HEIGHT * s)
    # Composite through a warped coverage mask (BORDER_TRANSPARENT into a given dst is not
    # reliable: OpenCV 5.0 hands back uninitialised memory). The warped page is black outside,
    # i.e. already weighted by its coverage, and area-averaging is linear, so the blend with the
    # smooth background happens after downsampling, on a quarter of the pixels.
    warped = cv2.warpPerspective(page, homography, size, flags=cv2.INTER_LINEAR)
    cover = np.full(page.shape[:2], 255, np.uint8)
    mask = cv2.warpPerspective(cover, homography, size, flags=cv2.INTER_LINEAR)
    small = (WIDTH, HEIGHT)
    frame = cv2.resize(warped, small, interpolation=cv2.INTER_AREA).astype(np.float32)
    alpha = cv2.resize(mask, small, interpolation=cv2.INTER_AREA).astype(np.float32) / 255
    frame += _background(rng, (HEIGHT, WIDTH)).astype(np.float32) * (1 - alpha)[..., None]
    frame = _illumination(rng, frame)
    if degradation == "glare" and boxes:
        corners = cv2.perspectiveTransform(_corners(boxes[0])[None], homography)[0] / s
        _glare(rng, frame, corners, float(param))
    frame = _degrade(rng, frame, degradation, param)
    frame = _add_noise(rng, frame, 2.0)
    frame = np.clip(frame, 0, 255).astype(np.uint8)
    quality = int(param) if degradation == "jpeg" else 90
    return _jpeg(frame, quality)


def _page(rng, stickers: list[np.ndarray], s: int) -> tuple[np.ndarray, list[tuple]]:
    """A passport-like page (BGR uint8) with the stickers pasted; their boxes."""
    widest = max((st.shape[1] for st in stickers), default=0)
    width = int(max(rng.uniform(760, 980) * s, widest * 1.25))
    height = int(width / 1.42)
    paper = np.array(rng.uniform([200, 215, 205], [240, 250, 245]), np.float32)
    page = np.empty((height, width, 3), np.uint8)
    page[:] = paper.astype(np.uint8)
    # Guilloche-like security lines in a darker tint of the paper.
    xs = np.arange(width)
    for k in range(14):
        phase, freq = rng.uniform(0, 2 * np.pi), rng.uniform(2, 6) * np.pi / width
        ys = (height * (k + 0.5) / 14 + 18 * s * np.sin(freq * xs + phase)).astype(np.int32)
        pts = np.stack([xs, ys], axis=1)[::8].reshape(-1, 1, 2)
        cv2.polylines(page, [pts], False, (paper * 0.88).tolist(), max(1, s), cv2.LINE_AA)
    # A photo box and lines of text, as on the data page or a visa page.
    px, py = int(width * 0.05), int(height * 0.12)
    pw, ph = int(width * 0.22), int(height * 0.45)
    cv2.rectangle(page, (px, py), (px + pw, py + ph), (150, 140, 135), -1)
    face = (px + pw // 2, py + ph // 2)
    cv2.ellipse(page, face, (pw // 3, ph // 3), 0, 0, 360, (120, 130, 160), -1)
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 "
    for k in range(6):
        text = "".join(rng.choice(list(letters), int(rng.integers(8, 22))))
        y = int(height * (0.15 + 0.09 * k))
        cv2.putText(
            page, text, (int(width * 0.32), y), cv2.FONT_HERSHEY_SIMPLEX, 0.7 * s, (60, 50, 50), s
        )
    for k in range(2):
        mrz = "".join(rng.choice(list("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<<<<<<"), 44))
        y = int(height * (0.86 + 0.08 * k))
        cv2.putText(
            page, mrz, (int(width * 0.04), y), cv2.FONT_HERSHEY_PLAIN, 1.2 * s, (40,) * 3, s
        )

    boxes = []
    for i, sticker in enumerate(stickers):
        sh, sw = sticker.shape
        sw, sh = min(sw, width - 2), min(sh, height // 2 - 2)
        x = int(rng.uniform(0, width - sw))
        if i == 0:
            y = int(rng.uniform(0, max(1, height // 2 - sh)))
        else:  # a second sticker just below the first
            y = min(boxes[-1][1] + boxes[-1][3] + int(rng.uniform(5, 30) * s), height - sh)
        # White label paper, slightly warm, printed ink not quite black.
        label = 12 + sticker[:sh, :sw, None] * (np.array([240, 245, 248]) - 12)
        page[y : y + sh, x : x + sw] = label.astype(np.uint8)
        boxes.append((x, y, sw, sh))
    return page, boxes


def _finger(rng, page, box, fraction: float) -> None:
    """A fingertip covering `fraction` of the bars' height over part of the barcode."""
    x, y, w, h = box
    bars = h * 0.8
    span = rng.uniform(0.25, 0.4) * w
    cx = x + rng.uniform(0.3, 0.7) * w
    skin = (rng.uniform(90, 140), rng.uniform(120, 170), rng.uniform(170, 220))
    if rng.uniform() < 0.5:  # from above
        cy = y + h * 0.08 + fraction * bars - bars * 1.2
    else:
        cy = y + h * 0.08 + (1 - fraction) * bars + bars * 1.2
    axes = (int(span / 2), int(bars * 1.2))
    cv2.ellipse(page, (int(cx), int(cy)), axes, 0, 0, 360, skin, -1, cv2.LINE_AA)


def _centre(box) -> tuple[float, float]:
    x, y, w, h = box
    return x + w / 2, y + h / 2


def _union(boxes) -> tuple:
    x0 = min(b[0] for b in boxes)
    y0 = min(b[1] for b in boxes)
    x1 = max(b[0] + b[2] for b in boxes)
    y1 = max(b[1] + b[3] for b in boxes)
    return x0, y0, x1 - x0, y1 - y0


def _corners(box) -> np.ndarray:
    x, y, w, h = box
    return np.array([[x, y], [x + w, y], [x + w, y + h], [x, y + h]], np.float32)


def _homography(rng, shape, anchor, box, angle: float, tilt: tuple[float, float]) -> np.ndarray:
    """Page → supersampled frame: rotate in plane, tilt in 3D about the barcode, then place it
    at a random spot where the whole sticker stays in view."""
    height, width = shape[:2]
    page = np.array([[0, 0], [width, 0], [width, height], [0, height]], np.float32)
    points = np.concatenate([page, _corners(box)])
    centred = points - np.array(anchor, np.float32)
    a = math.radians(angle)
    rot = np.array([[math.cos(a), -math.sin(a)], [math.sin(a), math.cos(a)]], np.float32)
    xy = centred @ rot.T
    ax, ay = math.radians(tilt[0]), math.radians(tilt[1])
    rx = np.array([[1, 0, 0], [0, math.cos(ax), -math.sin(ax)], [0, math.sin(ax), math.cos(ax)]])
    ry = np.array([[math.cos(ay), 0, math.sin(ay)], [0, 1, 0], [-math.sin(ay), 0, math.cos(ay)]])
    xyz = np.concatenate([xy, np.zeros((len(xy), 1), np.float32)], axis=1) @ (ry @ rx).T
    focal = 1.1 * WIDTH * SUPERSAMPLE
    projected = xyz[:, :2] * (focal / (focal + xyz[:, 2:3]))
    label = projected[4:]
    margin = 20 * SUPERSAMPLE
    low = np.array([margin, margin]) - label.min(axis=0)
    high = np.array([WIDTH, HEIGHT]) * SUPERSAMPLE - margin - label.max(axis=0)
    offset = np.where(high > low, rng.uniform(low, np.maximum(high, low + 1)), (low + high) / 2)
    target = (projected[:4] + offset).astype(np.float32)
    return cv2.getPerspectiveTransform(page, target)


def _background(rng, shape) -> np.ndarray:
    """The kiosk's tray (BGR uint8): dark, unevenly lit."""
    base = rng.uniform(35, 80)
    tint = rng.uniform(0.85, 1.15, 3)
    # Smooth, so built small and enlarged: cheap at the supersampled size.
    grad = np.linspace(0, rng.uniform(-20, 20), 64)
    small = (base + grad)[None, :, None] * tint[None, None, :] * np.ones((36, 1, 1))
    small = np.clip(small, 0, 255).astype(np.uint8)
    return cv2.resize(small, (shape[1], shape[0]), interpolation=cv2.INTER_LINEAR)


def _add_noise(rng, frame: np.ndarray, sigma: float) -> np.ndarray:
    """Gaussian sensor noise; OpenCV's generator (seeded from `rng`) is ~10× faster."""
    noise = np.empty(frame.shape, np.float32)
    cv2.setRNGSeed(int(rng.integers(2**31)))
    cv2.randn(noise, 0.0, sigma)
    return frame + noise


def _illumination(rng, frame: np.ndarray) -> np.ndarray:
    """Vignetting and an uneven lamp: brightness varies smoothly across the frame."""
    ys, xs = np.ogrid[:HEIGHT:8, :WIDTH:8]
    cx, cy = rng.uniform(0.3, 0.7) * WIDTH, rng.uniform(0.3, 0.7) * HEIGHT
    r2 = ((xs - cx) / WIDTH) ** 2 + ((ys - cy) / HEIGHT) ** 2
    gain = (rng.uniform(0.9, 1.05) - rng.uniform(0.1, 0.3) * r2).astype(np.float32)
    gain = cv2.resize(gain, (WIDTH, HEIGHT), interpolation=cv2.INTER_LINEAR)
    return frame * gain[..., None]


def _glare(rng, frame: np.ndarray, corners: np.ndarray, peak: float) -> None:
    """A specular highlight centred somewhere along the barcode, added in place."""
    t = rng.uniform(0.2, 0.8)
    mid_top, mid_bottom = (
        corners[0] + t * (corners[1] - corners[0]),
        corners[3] + t * (corners[2] - corners[3]),
    )
    cx, cy = (mid_top + mid_bottom) / 2
    length = np.linalg.norm(corners[1] - corners[0])
    sx, sy = length * rng.uniform(0.12, 0.2), length * rng.uniform(0.1, 0.3)
    x0, x1 = int(max(0, cx - 3 * sx)), int(min(WIDTH, cx + 3 * sx))
    y0, y1 = int(max(0, cy - 3 * sy)), int(min(HEIGHT, cy + 3 * sy))
    ys, xs = np.ogrid[y0:y1, x0:x1]
    blob = peak * np.exp(-(((xs - cx) / sx) ** 2 + ((ys - cy) / sy) ** 2) / 2).astype(np.float32)
    frame[y0:y1, x0:x1] += blob[..., None]


def _degrade(rng, frame: np.ndarray, degradation: str, param) -> np.ndarray:
    if degradation == "blur":
        return cv2.GaussianBlur(frame, (0, 0), float(param))
    if degradation == "motion":
        length = int(param)
        kernel = np.zeros((length, length), np.float32)
        kernel[length // 2, :] = 1.0 / length
        turn = cv2.getRotationMatrix2D(((length - 1) / 2, (length - 1) / 2), rng.uniform(0, 180), 1)
        kernel = cv2.warpAffine(kernel, turn, (length, length))
        return cv2.filter2D(frame, -1, kernel / kernel.sum())
    if degradation == "noise":
        return _add_noise(rng, frame, float(param))
    if degradation == "contrast":
        floor = rng.uniform(20, 255 * (1 - param) - 20)
        return floor + frame * float(param)
    return frame


def _jpeg(frame: np.ndarray, quality: int) -> np.ndarray:
    ok, data = cv2.imencode(".jpg", frame, [cv2.IMWRITE_JPEG_QUALITY, quality])
    return cv2.imdecode(data, cv2.IMREAD_COLOR)
