"""Where frames come from: the kiosk's camera, or image files, folders and videos.

A FrameSource hands out BGR uint8 frames one at a time (`read()`, None when there is no frame)
and is closed with `close()`. The camera is the real thing; FileSource plays files for the tests,
for demo mode (the bundled sample passports) and for support staff checking recorded frames.
Frames stay in memory: nothing here writes an image anywhere.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Protocol, runtime_checkable

import cv2
import numpy as np

from kiosk.errors import KioskError
from kiosk.texts import Bilingual

log = logging.getLogger(__name__)

IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".bmp", ".tif", ".tiff", ".webp"})
VIDEO_SUFFIXES = frozenset({".avi", ".mp4", ".mkv", ".mov", ".mjpg", ".mjpeg", ".webm"})

CAMERA_UNAVAILABLE = Bilingual(
    ar="الكاميرا غير متاحة. يمكنك إدخال الرقم يدويًا، أو إبلاغ الموظف المسؤول.",
    en="The camera is not available. You can type the number instead, or ask a member of staff.",
)
NO_FRAMES = Bilingual(
    ar="لا توجد صور أو فيديو للعرض في المسار المحدد.",
    en="There are no images or video to play at the given path.",
)


@runtime_checkable
class FrameSource(Protocol):
    """A supplier of camera-like frames."""

    def read(self) -> np.ndarray | None:
        """The next frame (BGR uint8), or None when there is none (yet, or any more)."""

    def close(self) -> None:
        """Release the device or file; read() returns None afterwards."""


class CameraSource:
    """A live camera through OpenCV, at the configured device and resolution.

    Focus and exposure are fixed when configured (the passport lies at a known distance under
    the kiosk's camera, and autofocus hunting blurs barcodes); cameras that ignore a setting
    keep their automatic one. The driver's buffer is kept to one frame so a slow decoder always
    gets the newest frame, not a stale queue.
    """

    def __init__(
        self,
        device: int = 0,
        width: int = 1280,
        height: int = 720,
        focus: float = -1.0,
        exposure: float = -1.0,
    ):
        self._capture = cv2.VideoCapture(device)
        if not self._capture.isOpened():
            self._capture.release()
            raise KioskError("camera_unavailable", CAMERA_UNAVAILABLE)
        settings = [
            (cv2.CAP_PROP_FRAME_WIDTH, width),
            (cv2.CAP_PROP_FRAME_HEIGHT, height),
            (cv2.CAP_PROP_BUFFERSIZE, 1),
        ]
        if focus >= 0:
            settings += [(cv2.CAP_PROP_AUTOFOCUS, 0), (cv2.CAP_PROP_FOCUS, focus)]
        if exposure >= 0:
            # V4L2 reads 1 as "manual exposure" (3 is automatic).
            settings += [(cv2.CAP_PROP_AUTO_EXPOSURE, 1), (cv2.CAP_PROP_EXPOSURE, exposure)]
        for prop, value in settings:
            if not self._capture.set(prop, value):
                log.info("camera ignores property %s", prop)

    @classmethod
    def from_config(cls, scan) -> CameraSource:
        """The camera described by the configuration's [scan] section."""
        return cls(
            scan.camera_device, scan.width, scan.height, scan.camera_focus, scan.camera_exposure
        )

    def read(self) -> np.ndarray | None:
        if self._capture is None:
            return None
        ok, frame = self._capture.read()
        return frame if ok else None

    def close(self) -> None:
        if self._capture is not None:
            self._capture.release()
            self._capture = None


class FileSource:
    """Plays image files, folders of images (sorted by name) and video files as frames.

    `paths` may mix all three. With `loop`, playback starts over at the end (demo mode);
    without it, read() returns None once everything was played. With `fps`, read() paces
    itself like a camera. Unreadable files are skipped (and logged by name only).
    """

    def __init__(self, paths: str | os.PathLike | Iterable, loop: bool = False, fps: float = 0):
        if isinstance(paths, (str, os.PathLike)):
            paths = [paths]
        self._entries = [Path(p) for p in paths]
        missing = [p for p in self._entries if not p.exists()]
        if missing or not self._entries:
            raise KioskError("frames_not_found", NO_FRAMES, str(missing[0]) if missing else "")
        self.loop = loop
        self._interval = 1.0 / fps if fps > 0 else 0.0
        self._next_time = 0.0
        self._frames: Iterator[np.ndarray] | None = self._play()
        self._video: cv2.VideoCapture | None = None

    def read(self) -> np.ndarray | None:
        if self._frames is None:
            return None
        frame = next(self._frames, None)
        if frame is None and self.loop:
            self._frames = self._play()
            frame = next(self._frames, None)
        if frame is None:
            self.close()
            return None
        self._pace()
        return frame

    def close(self) -> None:
        self._frames = None
        if self._video is not None:
            self._video.release()
            self._video = None

    def _pace(self) -> None:
        if not self._interval:
            return
        now = time.monotonic()
        if self._next_time > now:
            time.sleep(self._next_time - now)
        self._next_time = max(now, self._next_time) + self._interval

    def _play(self) -> Iterator[np.ndarray]:
        for entry in self._entries:
            files = sorted(entry.iterdir()) if entry.is_dir() else [entry]
            for path in files:
                suffix = path.suffix.lower()
                if suffix in VIDEO_SUFFIXES:
                    yield from self._play_video(path)
                elif suffix in IMAGE_SUFFIXES or not entry.is_dir():
                    frame = read_image(path)
                    if frame is None:
                        log.warning("skipping unreadable image %s", path.name)
                    else:
                        yield frame

    def _play_video(self, path: Path) -> Iterator[np.ndarray]:
        self._video = cv2.VideoCapture(str(path))
        try:
            while self._video is not None:
                ok, frame = self._video.read()
                if not ok:
                    break
                yield frame
        finally:
            if self._video is not None:
                self._video.release()
                self._video = None


def image_paths(names: Iterable[str | os.PathLike]) -> Iterator[Path]:
    """The named files, with each folder replaced by its images (sorted), lazily."""
    for name in names:
        path = Path(name)
        if path.is_dir():
            yield from (p for p in sorted(path.iterdir()) if p.suffix.lower() in IMAGE_SUFFIXES)
        else:
            yield path


def read_image(path: str | os.PathLike) -> np.ndarray | None:
    """An image file as a BGR uint8 frame, or None when it cannot be read as an image.

    Reads the bytes first so paths with any characters work (cv2.imread does not on Windows).
    """
    try:
        data = np.fromfile(str(path), dtype=np.uint8)
    except (OSError, ValueError):
        return None
    if data.size == 0:
        return None
    frame = cv2.imdecode(data, cv2.IMREAD_COLOR)
    return frame if frame is not None and frame.size else None
