"""Seeded passport data pages with a TD3 machine-readable zone, as a kiosk camera sees them.

Each sample is a 1280×720 BGR frame: a desk, the open passport (the facing page above, the data
page with photo, printed fields and the MRZ in OCR-B below), then the camera's faults. "clean"
samples are straight-ish, sharp and well lit; "degraded" ones have one fault from DEGRADATIONS
(some two). The MRZ text is random but plausible, with correct check digits; a share of the
document numbers contain glyphs OCR confuses (0/O, 1/I, 5/S, 8/B, 2/Z, 6/G).

    for sample in corpus(seed=1, clean=20, degraded=30): read(sample.image) == sample.lines
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from kiosk import resources
from kiosk.scan.mrz_fields import check_digit

OCRB = Path("/usr/share/fonts/opentype/ocr-b/OCRB.otf")
FRAME_SIZE = (1280, 720)
# The data page is rendered at 10 px/mm: 125 × 88 mm (ICAO TD3), the MRZ at 10 characters per
# inch (2.54 mm pitch) on 6 lines per inch (4.23 mm), its lines 6 mm from the left edge.
PX_PER_MM = 10
PAGE_MM = (125, 88)
FACING_MM = 45  # how much of the facing page above shows in the frame
DEGRADATIONS = (
    "rotation",
    "tilt",
    "gaussian_blur",
    "motion_blur",
    "noise",
    "jpeg",
    "low_contrast",
    "glare",
    "low_resolution",
    "upside_down",
)

_SURNAMES = (
    "HADDAD", "AL<MASRI", "KHALIL", "NASSER", "ABU<ZAID", "SMITH", "MUELLER", "GARCIA<LOPEZ",
    "SANTOS", "KUMAR", "RAHMAN", "SILVA", "NGUYEN", "IVANOVA", "OKAFOR", "BENNETT", "DUBOIS",
    "AL<HUSSEINI", "QURESHI", "FERNANDO", "WANG", "KOWALSKI", "OBEIDAT", "ZUBI", "BOUZID",
)  # fmt: skip
_GIVEN = (
    "SAMI", "LAYLA", "OMAR<KHALED", "MARIA", "JOHN<PAUL", "FATIMA", "ANNA<MARIA", "RAVI",
    "NOUR", "DAVID", "MEI<LING", "IBRAHIM", "GRACE", "YUSUF", "ELENA", "CHIDI", "ZAINAB",
    "PETER", "SOFIA", "HASSAN<ALI", "BUI<THI<HOA", "OLGA", "GEORGE", "BASMA", "IMAN",
)  # fmt: skip
_STATES = (
    "JOR", "SYR", "EGY", "IRQ", "PSE", "LBN", "SAU", "YEM", "SDN", "IND", "PAK", "PHL", "LKA",
    "BGD", "USA", "GBR", "D<<", "FRA", "CHN", "RUS", "NGA", "TUR", "UTO", "IDN", "ETH",
)  # fmt: skip
# The glyphs OCR-B readers confuse, to salt document numbers with.
_CONFUSABLE = "0O1I5S8B2Z6G"


@dataclass(frozen=True)
class MrzSample:
    """One rendered frame and the zone printed in it."""

    name: str
    kind: str  # "clean" | "degraded"
    degradation: str  # "none", or the names from DEGRADATIONS joined by "+"
    lines: tuple[str, str]
    image: np.ndarray = field(repr=False)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def corpus(seed: int = 1, clean: int = 40, degraded: int = 60) -> list[MrzSample]:
    """`clean` clean frames then `degraded` degraded ones, the same for the same arguments."""
    samples = [sample(seed, i, "clean") for i in range(clean)]
    samples += [sample(seed, clean + i, "degraded") for i in range(degraded)]
    return samples


def sample(seed: int, index: int, kind: str) -> MrzSample:
    """The `index`th sample of the corpus `seed`: each sample has its own random stream."""
    rng = np.random.default_rng([seed, index])
    lines = random_mrz(rng, confusable=index % 4 == 0)
    if kind == "clean":
        faults: tuple[str, ...] = ()
    else:
        first = DEGRADATIONS[index % len(DEGRADATIONS)]
        faults = (first,)
        if rng.random() < 0.25:
            second = str(rng.choice([d for d in DEGRADATIONS if d != first]))
            faults = (first, second)
    image = render_frame(lines, rng, faults)
    return MrzSample(
        name=f"{kind}-{index:04d}",
        kind=kind,
        degradation="+".join(faults) or "none",
        lines=lines,
        image=image,
    )


def td3(
    surname: str,
    given: str,
    passport: str,
    nationality: str,
    birth: dt.date,
    sex: str,
    expiry: dt.date,
) -> tuple[str, str]:
    """A chosen person's machine-readable zone (ICAO TD3) with correct check digits."""
    top = (f"P<{nationality}{surname}<<{given}" + "<" * 44)[:44]
    number = (passport + "<" * 9)[:9]
    born, expires = birth.strftime("%y%m%d"), expiry.strftime("%y%m%d")
    bottom = (
        number
        + check_digit(number)
        + nationality
        + born
        + check_digit(born)
        + sex
        + expires
        + check_digit(expires)
        + "<" * 14
        + "<"
    )
    bottom += check_digit(bottom[0:10] + bottom[13:20] + bottom[21:43])
    return top, bottom


def random_mrz(rng: np.random.Generator, confusable: bool = False) -> tuple[str, str]:
    """A plausible TD3 zone with correct check digits."""
    issuer = str(rng.choice(_STATES))
    nationality = issuer if rng.random() < 0.8 else str(rng.choice(_STATES))
    names = f"{rng.choice(_SURNAMES)}<<{rng.choice(_GIVEN)}"
    if rng.random() < 0.3:
        names += f"<{rng.choice(_GIVEN)}"
    top = ("P<" if rng.random() < 0.85 else "PD") + issuer + names
    top = (top + "<" * 44)[:44]
    number = _document_number(rng, confusable)
    today = dt.date(2025, 1, 1)
    birth = today - dt.timedelta(days=int(rng.integers(365, 85 * 365)))
    expiry = today + dt.timedelta(days=int(rng.integers(-400, 10 * 365)))
    optional = "".join(rng.choice(list("0123456789"), size=10)) if rng.random() < 0.5 else ""
    optional = (optional + "<" * 14)[:14]
    birth_s, expiry_s = birth.strftime("%y%m%d"), expiry.strftime("%y%m%d")
    sex = str(rng.choice(["M", "F", "<"], p=[0.48, 0.48, 0.04]))
    optional_check = check_digit(optional) if optional.strip("<") else "<"
    bottom = (
        number
        + check_digit(number)
        + nationality
        + birth_s
        + check_digit(birth_s)
        + sex
        + expiry_s
        + check_digit(expiry_s)
        + optional
        + optional_check
    )
    bottom += check_digit(bottom[0:10] + bottom[13:20] + bottom[21:43])
    return top, bottom


def _document_number(rng: np.random.Generator, confusable: bool) -> str:
    letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
    style = rng.integers(3)
    if style == 0:
        number = str(rng.choice(list(letters))) + "".join(rng.choice(list("0123456789"), size=7))
    elif style == 1:
        number = "".join(rng.choice(list(letters), size=2)) + "".join(
            rng.choice(list("0123456789"), size=7)
        )
    else:
        number = "".join(rng.choice(list("0123456789ABCDEFGHJKLMNPRSTUVWXYZ"), size=9))
    if confusable:
        chars = list(number)
        for i in rng.choice(len(chars), size=2, replace=False):
            chars[i] = str(rng.choice(list(_CONFUSABLE)))
        number = "".join(chars)
    return (number + "<" * 9)[:9]


def render_frame(
    lines: tuple[str, str], rng: np.random.Generator, faults: tuple[str, ...] = ()
) -> np.ndarray:
    """The camera frame of a data page carrying `lines`, with the given faults applied."""
    page = render_page(lines, rng)
    width = rng.uniform(600, 700) if "low_resolution" in faults else rng.uniform(820, 1000)
    angle = rng.uniform(-1.5, 1.5)
    if "rotation" in faults:
        angle = rng.choice([-1, 1]) * rng.uniform(2.5, 5.0)
    if "upside_down" in faults:
        angle += 180
    tilt = 0.1 if "tilt" in faults else 0.015
    frame = _place(page, rng, width, angle, tilt)
    frame = _light(frame, rng)
    for fault in faults:
        frame = _degrade(frame, rng, fault)
    if "noise" not in faults:
        frame = _noise(frame, rng, rng.uniform(1.5, 4))
    if "jpeg" not in faults:
        frame = _jpeg(frame, int(rng.integers(80, 95)))
    return frame


def render_page(lines: tuple[str, str], rng: np.random.Generator) -> np.ndarray:
    """The facing page's lower part and the data page, RGB, at PX_PER_MM."""
    w = PAGE_MM[0] * PX_PER_MM
    h_face, h_page = FACING_MM * PX_PER_MM, PAGE_MM[1] * PX_PER_MM
    tint = np.array([rng.uniform(225, 245), rng.uniform(230, 248), rng.uniform(215, 240)])
    canvas = np.empty((h_face + h_page, w, 3), np.uint8)
    canvas[:] = tint
    _guilloche(canvas, rng, tint)
    canvas[h_face - 3 : h_face + 3] = tint * 0.8  # the booklet's fold
    img = Image.fromarray(canvas)
    draw = ImageDraw.Draw(img)
    ink = tuple(int(v) for v in rng.integers(10, 45, size=3))
    _facing_page(draw, rng, w, h_face)
    _data_fields(draw, rng, lines, h_face)
    ocrb = _font(str(OCRB), 35)
    left = 6 * PX_PER_MM + rng.uniform(-8, 8)
    line_pitch = 4.23 * PX_PER_MM
    top = h_face + h_page - 2 * line_pitch - 5.5 * PX_PER_MM + rng.uniform(-6, 6)
    for row, text in enumerate(lines):
        draw.text((left, top + row * line_pitch), text, font=ocrb, fill=ink)
    return np.asarray(img)


def _guilloche(canvas: np.ndarray, rng: np.random.Generator, tint: np.ndarray) -> None:
    """Fine wavy security print in a slightly darker tint, across both pages."""
    h, w = canvas.shape[:2]
    xs = np.arange(w)
    shade = rng.uniform(0.06, 0.14)
    colour = tint * (1 - shade) - np.array([0, rng.uniform(0, 15), rng.uniform(0, 15)])
    lines = []
    for k in range(0, h, 14):
        ys = k + 6 * np.sin(xs / rng.uniform(25, 60) + rng.uniform(0, 6.3))
        lines.append(np.stack([xs, ys], axis=1).astype(np.int32))
    cv2.polylines(canvas, lines, False, colour.tolist(), 1, cv2.LINE_AA)


def _facing_page(draw: ImageDraw.ImageDraw, rng, w: int, h: int) -> None:
    sans = _font(str(resources.path("fonts/DejaVuSans.ttf")), 22)
    for y in range(40, h - 40, 48):
        words = ["OBSERVATIONS", "ENDORSEMENTS", "VISA", "ENTRY", "AMMAN", "ملاحظات"]
        text = "  ".join(str(rng.choice(words)) for _ in range(int(rng.integers(2, 6))))
        draw.text((rng.uniform(40, 200), y), text, font=sans, fill=(90, 90, 110))


def _data_fields(draw: ImageDraw.ImageDraw, rng, lines: tuple[str, str], top: int) -> None:
    sans = _font(str(resources.path("fonts/DejaVuSans.ttf")), 20)
    bold = _font(str(resources.path("fonts/DejaVuSans-Bold.ttf")), 26)
    draw.text((60, top + 25), "جواز سفر  PASSPORT", font=bold, fill=(40, 40, 90))
    # The photo: a grey card with a head and shoulders.
    x0, y0 = 60, top + 90
    draw.rectangle(
        (x0, y0, x0 + 300, y0 + 380), fill=tuple(int(v) for v in rng.integers(150, 210, 3))
    )
    draw.ellipse((x0 + 85, y0 + 60, x0 + 215, y0 + 230), fill=(120, 95, 80))
    draw.chord((x0 + 30, y0 + 250, x0 + 270, y0 + 510), 180, 360, fill=(50, 50, 70))
    surname, _, given = lines[0][5:].partition("<<")
    values = [
        ("Type / Code", f"P   {lines[0][2:5].strip('<')}"),
        ("Passport No.", lines[1][0:9].strip("<")),
        ("Surname", surname.replace("<", " ")),
        ("Given names", given.replace("<", " ").strip()),
        ("Nationality", lines[1][10:13].strip("<")),
        ("Date of birth / Sex", f"{lines[1][17:19]}.{lines[1][15:17]}.{lines[1][13:15]}"),
        ("Date of expiry", f"{lines[1][25:27]}.{lines[1][23:25]}.{lines[1][21:23]}"),
    ]
    y = top + 90
    for label, value in values:
        draw.text((400, y), label, font=sans, fill=(80, 80, 120))
        draw.text((400, y + 22), value, font=bold, fill=(20, 20, 30))
        y += 62


@lru_cache(maxsize=8)
def _font(path: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, size)


def _place(page: np.ndarray, rng, width: float, angle: float, tilt: float) -> np.ndarray:
    """Project the page onto a desk: scale to `width` px, rotate by `angle`°, keystone `tilt`."""
    fw, fh = FRAME_SIZE
    h, w = page.shape[:2]
    scale = width / w
    # The MRZ end of the page sits in the frame; the facing page may run off the top.
    cx = fw / 2 + rng.uniform(-60, 60)
    cy = fh - (h * scale) / 2 - rng.uniform(-0.02, 0.06) * h * scale
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    pts = (src - [w / 2, h / 2]) * scale
    # Keystone: one edge nearer the camera than the opposite one.
    k = rng.uniform(-tilt, tilt)
    j = rng.uniform(-tilt, tilt)
    pts[:, 0] *= 1 + k * np.sign(pts[:, 1])
    pts[:, 1] *= 1 + j * np.sign(pts[:, 0])
    theta = np.deg2rad(angle)
    rot = np.array([[np.cos(theta), -np.sin(theta)], [np.sin(theta), np.cos(theta)]])
    if abs(angle) > 90:
        cy = fh - cy + fh * 0.05  # upside down: the MRZ end is at the top
    dst = (pts @ rot.T + [cx, cy]).astype(np.float32)
    frame = _desk(rng)
    matrix = cv2.getPerspectiveTransform(src, dst)
    bgr = cv2.cvtColor(page, cv2.COLOR_RGB2BGR)
    cv2.warpPerspective(
        bgr, matrix, FRAME_SIZE, frame, flags=cv2.INTER_AREA, borderMode=cv2.BORDER_TRANSPARENT
    )
    return frame


def _desk(rng) -> np.ndarray:
    fw, fh = FRAME_SIZE
    base = rng.uniform(40, 110, size=3)
    grain = cv2.resize(rng.normal(0, 12, (fh // 8, fw // 8)), FRAME_SIZE)
    return np.clip(base + grain[..., None], 0, 255).astype(np.uint8)


def _light(frame: np.ndarray, rng) -> np.ndarray:
    """Uneven lighting: a gentle gradient across the frame."""
    fh, fw = frame.shape[:2]
    gx = np.linspace(-1, 1, fw)[None, :] * rng.uniform(-0.12, 0.12)
    gy = np.linspace(-1, 1, fh)[:, None] * rng.uniform(-0.12, 0.12)
    gain = (1 + gx + gy).astype(np.float32)[..., None]
    return np.clip(frame * gain, 0, 255).astype(np.uint8)


def _degrade(frame: np.ndarray, rng, fault: str) -> np.ndarray:
    if fault == "gaussian_blur":
        return cv2.GaussianBlur(frame, (0, 0), rng.uniform(1.2, 2.0))
    if fault == "motion_blur":
        length = int(rng.integers(5, 10))
        kernel = np.zeros((length, length), np.float32)
        kernel[length // 2, :] = 1
        rot = cv2.getRotationMatrix2D((length / 2 - 0.5, length / 2 - 0.5), rng.uniform(0, 180), 1)
        kernel = cv2.warpAffine(kernel, rot, (length, length))
        return cv2.filter2D(frame, -1, kernel / kernel.sum())
    if fault == "noise":
        return _noise(frame, rng, rng.uniform(8, 18))
    if fault == "jpeg":
        return _jpeg(frame, int(rng.integers(30, 61)))
    if fault == "low_contrast":
        level = rng.uniform(0.3, 0.45)
        mean = rng.uniform(100, 160)
        return np.clip(mean + (frame.astype(np.float32) - 128) * level, 0, 255).astype(np.uint8)
    if fault == "glare":
        return _glare(frame, rng)
    if fault == "low_resolution":
        small = cv2.resize(frame, (640, 360), interpolation=cv2.INTER_AREA)
        return cv2.resize(small, FRAME_SIZE, interpolation=cv2.INTER_LINEAR)
    return frame  # rotation, tilt, upside_down are geometry, applied when placing the page


def _glare(frame: np.ndarray, rng) -> np.ndarray:
    """A bright, soft specular spot somewhere on the lower part of the frame."""
    fh, fw = frame.shape[:2]
    cx, cy = rng.uniform(0.1, 0.9) * fw, rng.uniform(0.35, 0.95) * fh
    sx, sy = rng.uniform(40, 110), rng.uniform(25, 70)
    gx = np.exp(-(((np.arange(fw, dtype=np.float32) - cx) / sx) ** 2) / 2)
    gy = np.exp(-(((np.arange(fh, dtype=np.float32) - cy) / sy) ** 2) / 2)
    spot = gy[:, None] * gx[None, :]
    out = frame.astype(np.float32) + 255 * rng.uniform(0.5, 0.8) * spot[..., None]
    return np.clip(out, 0, 255).astype(np.uint8)


def _noise(frame: np.ndarray, rng, sigma: float) -> np.ndarray:
    noise = rng.standard_normal(frame.shape, dtype=np.float32) * np.float32(sigma)
    return np.clip(frame + noise, 0, 255).astype(np.uint8)


def _jpeg(frame: np.ndarray, quality: int) -> np.ndarray:
    ok, data = cv2.imencode(".jpg", frame, [cv2.IMWRITE_JPEG_QUALITY, quality])
    return cv2.imdecode(data, cv2.IMREAD_COLOR)
