"""The foreigner's personal number from the barcode sticker on the passport, in a camera frame.

The number is 10 digits starting with 10 or 80, printed as Code 128 (also Code 39 or Interleaved
2 of 5). Two decoders, each where it is strong (measured in bench/scan.py):

1. zxing-cpp on the whole frame: fast (~3 ms at 720p) and robust to sensor noise and JPEG.
2. If that reads nothing: locate barcode-like regions (strong, coherent gradients at any angle),
   straighten and enlarge each one, and decode the small crop with zxing-cpp, then with zbar
   (better on low contrast and glare), then both after contrast equalisation (CLAHE), then
   both after sharpening (defocus). Both decoders read bars in either direction, so a passport
   held upside down needs no extra pass.
3. Still nothing: zbar on the whole frame (very small modules), the slowest step.
4. A number found: the other barcode-like regions are decoded too, so a second sticker with a
   different number makes the frame a conflict instead of a guess.

Only a listed symbology whose text is a valid personal number counts; a frame showing two
different valid numbers reads as nothing (a conflict), and `Confirmer` accepts a number only once
it is read on two frames in a row. A misread is worse than no read.
"""

from __future__ import annotations

import ctypes
import math
import time
from dataclasses import dataclass, field

import cv2
import numpy as np
import zxingcpp
from pyzbar import pyzbar
from pyzbar import wrapper as zbarlib

from kiosk.domain import personal_number
from kiosk.errors import Problem
from kiosk.texts import Bilingual

SYMBOLOGIES = ("Code128", "Code39", "ITF")

_ZXING_FORMATS = (
    zxingcpp.BarcodeFormat.Code128,
    zxingcpp.BarcodeFormat.Code39,
    zxingcpp.BarcodeFormat.ITF,
)
_ZXING_NAMES = {
    zxingcpp.BarcodeFormat.Code128: "Code128",
    zxingcpp.BarcodeFormat.Code39: "Code39",
    zxingcpp.BarcodeFormat.ITF: "ITF",
}
_ZBAR_SYMBOLS = (zbarlib.ZBarSymbol.CODE128, zbarlib.ZBarSymbol.CODE39, zbarlib.ZBarSymbol.I25)
_CFG = zbarlib.ZBarConfig
_ZBAR_NAMES = {"CODE128": "Code128", "CODE39": "Code39", "I25": "ITF"}

BAD_FRAME = Bilingual(
    ar="تعذّرت قراءة صورة الكاميرا. حاول مرة أخرى.",
    en="The camera image could not be read. Please try again.",
)


@dataclass(frozen=True)
class Reading:
    """What one frame says: a personal number, or nothing (with the reason when it matters)."""

    personal_number: str | None = None
    symbology: str | None = None
    # Two different valid numbers in one frame: neither can be trusted.
    conflict: bool = False
    # Which step read it ("zxing", "region-zbar", …), for the benchmark and support staff.
    stage: str = ""
    ms: float = 0.0
    problem: Problem | None = None


@dataclass
class _Found:
    numbers: dict[str, str] = field(default_factory=dict)  # number -> symbology
    where: list[tuple[float, float]] = field(default_factory=list)  # centres of the reads
    stage: str = ""

    def add(self, number: str, symbology: str, stage: str, centre: tuple[float, float]) -> None:
        self.where.append(centre)
        if number not in self.numbers:
            self.numbers[number] = symbology
            self.stage = self.stage or stage


def is_personal_number(text: str) -> bool:
    """A barcode's text is exactly a personal number: no separators, no other characters."""
    return text.isascii() and text.isdigit() and personal_number.is_valid(text)


class BarcodeReader:
    """Reads the personal number from one frame; see the module's docstring for the steps.

    The reader keeps zbar scanners and a CLAHE object: use one reader per thread.
    """

    def __init__(self, *, max_regions: int = 3):
        self.max_regions = max_regions
        self._clahe = cv2.createCLAHE(clipLimit=3.0, tileGridSize=(1, 8))
        self._zbar_frame = _Zbar(rows_only=False)
        self._zbar_crop = _Zbar(rows_only=True)

    def read(self, frame: np.ndarray) -> Reading:
        """The personal number in `frame` (BGR, BGRA or grey uint8), or a Reading without one."""
        start = time.perf_counter()
        grey = _grey(frame)
        if grey is None:
            return Reading(problem=Problem("frame_unreadable", "", BAD_FRAME))
        found = _Found()
        _zxing(grey, found, "zxing")
        regions = _regions(grey)[: self.max_regions]
        if not found.numbers:
            for contour, axis in regions:
                self._read_region(_straighten(grey, contour, axis), found, _centre(contour))
                if found.numbers:
                    break
        if not found.numbers:
            _zbar(self._zbar_frame, grey, found, "zbar")
        if len(found.numbers) == 1:
            # A second sticker the first pass missed must not go unnoticed: decode the other
            # barcode-like regions too, and a different number there makes the frame a conflict.
            for contour, axis in regions:
                if not any(cv2.pointPolygonTest(contour, c, True) > -16 for c in found.where):
                    crop = _straighten(grey, contour, axis)
                    self._read_region(crop, found, _centre(contour), thorough=False)
        ms = (time.perf_counter() - start) * 1000
        if len(found.numbers) > 1:
            return Reading(conflict=True, stage=found.stage, ms=ms)
        for number, symbology in found.numbers.items():
            return Reading(number, symbology, stage=found.stage, ms=ms)
        return Reading(ms=ms)

    def _read_region(self, crop: np.ndarray, found: _Found, centre, thorough=True) -> None:
        _zxing(crop, found, "region-zxing", pure=True, centre=centre)
        if not found.numbers or not thorough:
            _zbar(self._zbar_crop, crop, found, "region-zbar", centre=centre)
        if not found.numbers and thorough:
            equalised = self._clahe.apply(crop)
            _zxing(equalised, found, "region-clahe-zxing", pure=True, centre=centre)
            if not found.numbers:
                _zbar(self._zbar_crop, equalised, found, "region-clahe-zbar", centre=centre)
        if not found.numbers and thorough:
            # Defocus: an unsharp mask along the rows restores the narrow bars' contrast.
            soft = cv2.GaussianBlur(crop, (0, 0), sigmaX=3.0, sigmaY=0.1)
            sharp = cv2.addWeighted(crop, 2.5, soft, -1.5, 0)
            _zxing(sharp, found, "region-sharp-zxing", pure=True, centre=centre)
            if not found.numbers:
                _zbar(self._zbar_crop, sharp, found, "region-sharp-zbar", centre=centre)


class Confirmer:
    """Accepts a number once the same number is read on `frames` consecutive frames.

    Feed it every Reading the decoder produces, in order. A frame with no number or a conflict
    breaks the run. The confirmed number is returned once; `reset()` starts over (retake).
    """

    def __init__(self, frames: int = 2):
        self.frames = frames
        self._last: str | None = None
        self._run = 0

    def feed(self, reading: Reading) -> str | None:
        """The confirmed number when this reading completes a run, else None."""
        number = None if reading.conflict else reading.personal_number
        if number is None:
            self._last, self._run = None, 0
            return None
        self._run = self._run + 1 if number == self._last else 1
        self._last = number
        return number if self._run == self.frames else None

    def reset(self) -> None:
        """Forget the current run (the user chose to scan again)."""
        self._last, self._run = None, 0


def _regions(grey: np.ndarray) -> list[tuple[np.ndarray, float]]:
    """Barcode-like regions as (contour in frame pixels, axis angle in degrees), largest first.

    A 1D barcode is a patch of strong gradients that all point the same way. The structure
    tensor, averaged over a window, measures both at any angle; the patch's mean gradient
    direction is the barcode's axis, so its crop can be turned to make the bars vertical.
    """
    # Gradients at half size (bars of 2 px and up survive), the tensor averaged at quarter size.
    half = cv2.resize(grey, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA)
    gx = cv2.Sobel(half, cv2.CV_32F, 1, 0, ksize=3)
    gy = cv2.Sobel(half, cv2.CV_32F, 0, 1, ksize=3)
    quarter = (half.shape[1] // 2, half.shape[0] // 2)
    tensor = [
        cv2.boxFilter(cv2.resize(a * b, quarter, interpolation=cv2.INTER_AREA), -1, (7, 7))
        for a, b in ((gx, gx), (gy, gy), (gx, gy))
    ]
    jxx, jyy, jxy = tensor
    energy = jxx + jyy
    # Coherence |λ1−λ2|/(λ1+λ2) > 0.75: gradients nearly parallel (bars), not text or texture.
    spread = (jxx - jyy) ** 2 + 4 * jxy**2
    level = max(float(np.percentile(energy[::2, ::2], 99)) * 0.08, 400.0)
    mask = ((energy > level) & (spread > 0.5625 * energy**2)).astype(np.uint8) * 255
    mask = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, np.ones((5, 5), np.uint8))
    mask = cv2.morphologyEx(mask, cv2.MORPH_OPEN, np.ones((3, 3), np.uint8))
    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    found = []
    for contour in contours:
        area = cv2.contourArea(contour)
        if area < 40:
            continue
        x, y, w, h = cv2.boundingRect(contour)
        inside = np.zeros((h, w), np.uint8)
        cv2.drawContours(inside, [contour - (x, y)], -1, 255, -1)
        sxx, syy, sxy = (float(cv2.mean(j[y : y + h, x : x + w], mask=inside)[0]) for j in tensor)
        # The dominant gradient direction: across the bars, along the barcode's axis.
        axis = 0.5 * math.degrees(math.atan2(2 * sxy, sxx - syy))
        along, across = _extent(contour, axis)
        # Bars side by side make a patch that extends along the gradient; a single edge (a page
        # border, a photo frame) is a thin band across it.
        if along < 0.35 * across:
            continue
        found.append((area, (contour * 4).astype(np.float32), axis))
    found.sort(key=lambda c: -c[0])
    return [(contour, axis) for _, contour, axis in found]


def _extent(contour: np.ndarray, axis: float) -> tuple[float, float]:
    """The contour's size along and across the direction `axis` (degrees)."""
    a = math.radians(axis)
    points = contour.reshape(-1, 2).astype(np.float32)
    along = points @ np.array([math.cos(a), math.sin(a)], np.float32)
    across = points @ np.array([-math.sin(a), math.cos(a)], np.float32)
    return float(np.ptp(along)), float(np.ptp(across))


def _straighten(grey: np.ndarray, contour: np.ndarray, axis: float) -> np.ndarray:
    """Rotate the region so its bars stand vertical, add quiet zones, enlarge thin modules."""
    turn = cv2.getRotationMatrix2D((0, 0), axis, 1.0)
    points = contour.reshape(-1, 2) @ turn[:, :2].T
    (x0, y0), (x1, y1) = points.min(axis=0), points.max(axis=0)
    length, height = x1 - x0, y1 - y0
    # The gradient region stops at the outer bars; the decoders need quiet zones around them.
    x0, x1 = x0 - 0.15 * length - 8, x1 + 0.15 * length + 8
    # Bars are decoded along rows: a few dozen rows are plenty and keep the crop small.
    fx = min(4.0, max(1.0, 700 / (x1 - x0)))
    fy = min(1.0, 96 / max(height, 1))
    out_w, out_h = int((x1 - x0) * fx), max(8, int(height * fy))
    affine = np.array([[fx, 0, -x0 * fx], [0, fy, -y0 * fy]]) @ np.vstack([turn, [0, 0, 1]])
    return cv2.warpAffine(
        grey, affine, (out_w, out_h), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_REPLICATE
    )


def _grey(frame) -> np.ndarray | None:
    if not isinstance(frame, np.ndarray) or frame.dtype != np.uint8 or frame.size == 0:
        return None
    if frame.ndim == 2:
        return frame
    if frame.ndim == 3 and frame.shape[2] == 3:
        return cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)
    if frame.ndim == 3 and frame.shape[2] == 4:
        return cv2.cvtColor(frame, cv2.COLOR_BGRA2GRAY)
    if frame.ndim == 3 and frame.shape[2] == 1:
        return frame[:, :, 0]
    return None


def _centre(contour: np.ndarray) -> tuple[float, float]:
    x, y = contour.reshape(-1, 2).mean(axis=0)
    return float(x), float(y)


def _zxing(grey, found: _Found, stage: str, pure: bool = False, centre=None) -> None:
    # Straightened crops need no 90° search; whole frames do (a passport held sideways).
    results = zxingcpp.read_barcodes(
        grey, formats=_ZXING_FORMATS, try_rotate=not pure, try_invert=False
    )
    for result in results:
        symbology = _ZXING_NAMES.get(result.format)
        if symbology and result.valid and is_personal_number(result.text):
            if centre is None:
                p = result.position
                corners = (p.top_left, p.top_right, p.bottom_right, p.bottom_left)
                centre = (sum(c.x for c in corners) / 4, sum(c.y for c in corners) / 4)
            found.add(result.text, symbology, stage, centre)


class _Zbar:
    """A zbar scanner limited to the listed symbologies, reused across frames.

    pyzbar.decode creates a scanner per call and scans rows and columns; straightened crops only
    need every other row, which is four times faster.
    """

    def __init__(self, rows_only: bool):
        self._scanner = zbarlib.zbar_image_scanner_create()
        for symbol in zbarlib.ZBarSymbol:
            enable = int(symbol in _ZBAR_SYMBOLS)
            zbarlib.zbar_image_scanner_set_config(self._scanner, symbol, _CFG.CFG_ENABLE, enable)
        if rows_only:
            zbarlib.zbar_image_scanner_set_config(self._scanner, 0, _CFG.CFG_X_DENSITY, 0)
            zbarlib.zbar_image_scanner_set_config(self._scanner, 0, _CFG.CFG_Y_DENSITY, 2)

    def decode(self, grey: np.ndarray) -> list:
        """pyzbar's Decoded results for a grey uint8 image."""
        height, width = grey.shape
        data = np.ascontiguousarray(grey).tobytes()
        with pyzbar._image() as image:
            zbarlib.zbar_image_set_format(image, pyzbar._FOURCC["L800"])
            zbarlib.zbar_image_set_size(image, width, height)
            zbarlib.zbar_image_set_data(image, ctypes.cast(data, ctypes.c_void_p), len(data), None)
            if zbarlib.zbar_scan_image(self._scanner, image) < 0:
                return []
            return list(pyzbar._decode_symbols(pyzbar._symbols_for_image(image)))

    def __del__(self):
        scanner, self._scanner = getattr(self, "_scanner", None), None
        if scanner:
            zbarlib.zbar_image_scanner_destroy(scanner)


def _zbar(scanner: _Zbar, grey, found: _Found, stage: str, centre=None) -> None:
    for result in scanner.decode(grey):
        symbology = _ZBAR_NAMES.get(result.type)
        try:
            text = result.data.decode("ascii")
        except UnicodeDecodeError:
            continue
        if symbology and is_personal_number(text):
            r = result.rect
            where = centre or (r.left + r.width / 2, r.top + r.height / 2)
            found.add(text, symbology, stage, where)
