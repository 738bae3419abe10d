"""JPEG encoding of a captured page under a byte limit, in memory, with its true dpi recorded.

Quality is stepped down first (text survives JPEG quality 50 well); only when the lowest quality
still does not fit is the page scaled down, and never below `min_scale` (the caller's resolution
floor). The JFIF header carries the page's dpi so a printed or PDF'd page has its real size. No
other metadata is written: no EXIF, no camera, no time, nothing about the person.
"""

from __future__ import annotations

import math
import struct
from dataclasses import dataclass

import cv2
import numpy as np

QUALITIES = (90, 82, 74, 66, 58, 50)
# Each scaling step keeps this much of the linear size at most (a little under the estimate).
_SCALE_MARGIN = 0.92


@dataclass(frozen=True)
class EncodedJpeg:
    data: bytes
    width: int
    height: int
    quality: int
    scale: float  # 1.0 unless the page had to be shrunk to fit


def encode_jpeg(
    image: np.ndarray, max_bytes: int, dpi: float | None = None, min_scale: float = 1.0
) -> EncodedJpeg | None:
    """The page as JPEG within `max_bytes`, or None when even `min_scale` and the lowest
    quality cannot fit it."""
    scale = 1.0
    while True:
        scaled = image if scale == 1.0 else _resize(image, scale)
        for quality in QUALITIES:
            data = _encode(scaled, quality)
            if len(data) <= max_bytes:
                stamped = _with_density(data, None if dpi is None else dpi * scale)
                height, width = scaled.shape[:2]
                return EncodedJpeg(stamped, width, height, quality, scale)
        if scale <= min_scale:
            return None
        # File size grows roughly with the pixel count: shrink by the square root of the excess.
        scale = max(min_scale, scale * math.sqrt(max_bytes / len(data)) * _SCALE_MARGIN)


def jfif_dpi(data: bytes) -> tuple[int, int] | None:
    """The (x, y) dots per inch of a JFIF file's header, or None when it states no unit."""
    if data[:4] != b"\xff\xd8\xff\xe0" or data[6:11] != b"JFIF\x00" or data[13] != 1:
        return None
    return struct.unpack(">HH", data[14:18])


def _encode(image: np.ndarray, quality: int) -> bytes:
    params = [cv2.IMWRITE_JPEG_QUALITY, quality, cv2.IMWRITE_JPEG_OPTIMIZE, 1]
    ok, buffer = cv2.imencode(".jpg", image, params)
    if not ok:  # pragma: no cover - OpenCV encodes any uint8 image
        raise ValueError("JPEG encoding failed")
    return buffer.tobytes()


def _resize(image: np.ndarray, scale: float) -> np.ndarray:
    h, w = image.shape[:2]
    size = (max(1, round(w * scale)), max(1, round(h * scale)))
    return cv2.resize(image, size, interpolation=cv2.INTER_AREA)


def _with_density(data: bytes, dpi: float | None) -> bytes:
    """The JFIF APP0 header's density set to `dpi` dots per inch (OpenCV writes 1:1, no unit)."""
    if dpi is None or data[:4] != b"\xff\xd8\xff\xe0" or data[6:11] != b"JFIF\x00":
        return data
    value = max(1, min(65535, round(dpi)))
    # Offsets in the APP0 segment: 13 = units (1 = dots per inch), 14–17 = X and Y density.
    return data[:13] + struct.pack(">BHH", 1, value, value) + data[18:]
