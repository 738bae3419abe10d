"""What the scan screen does with each frame, per mode; runs on the analysis thread, no Qt.

Each analyser turns one frame into an update for the screen:
- BarcodeAnalyser: the personal number, confirmed on two frames in a row (kiosk/scan/barcode.py).
- MrzAnalyser: the passport's MRZ, confirmed when the same valid zone reads twice in a row.
- DocumentAnalyser: where the page is, what to fix, and a page when it is taken (automatically
  when steady and sharp, or by the manual shutter).
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

import numpy as np

from kiosk.scan import document
from kiosk.scan.barcode import BarcodeReader, Confirmer, Reading
from kiosk.scan.mrz import read_mrz

MODES = ("barcode", "mrz", "document")


@dataclass(frozen=True)
class BarcodeUpdate:
    reading: Reading
    confirmed: str | None = None


@dataclass(frozen=True)
class MrzUpdate:
    result: object | None  # kiosk.scan.mrz.MrzResult
    confirmed: object | None = None


@dataclass(frozen=True)
class DocumentUpdate:
    assessment: object | None  # kiosk.scan.document.Assessment
    page: object | None = None  # kiosk.scan.document.CapturedPage, when one was taken
    progress: float = 0.0
    refused: tuple = field(default_factory=tuple)  # Problems that stopped the manual shutter
    manual: bool = False
    frame_size: tuple[int, int] = (1280, 720)  # (width, height), to place the outline


class BarcodeAnalyser:
    """Reads the personal number; a number is confirmed when two consecutive frames agree."""

    mode = "barcode"

    def __init__(self):
        self._reader = BarcodeReader()
        self._confirmer = Confirmer(frames=2)

    def __call__(self, frame: np.ndarray) -> BarcodeUpdate:
        reading = self._reader.read(frame)
        return BarcodeUpdate(reading, self._confirmer.feed(reading))

    def reset(self) -> None:
        self._confirmer.reset()


class MrzAnalyser:
    """Reads the MRZ; a valid zone is confirmed when the next frame reads the same zone."""

    mode = "mrz"

    def __init__(self):
        self._last_text: str | None = None

    def __call__(self, frame: np.ndarray) -> MrzUpdate:
        result = read_mrz(frame)
        if result is None or not result.valid:
            self._last_text = None
            return MrzUpdate(result)
        confirmed = result if result.text == self._last_text else None
        self._last_text = None if confirmed else result.text
        return MrzUpdate(result, confirmed)

    def reset(self) -> None:
        self._last_text = None


class DocumentAnalyser:
    """Guides the user, takes the page when steady and sharp, or now on the manual shutter.

    `request_shutter(accept)` may be called from the GUI thread; the next frame is then taken
    with `capture_now` (the same checks; `accept` holds problem codes the user chose to accept).
    """

    mode = "document"

    def __init__(self, paper=None, settings=None):
        self.paper = paper or document.A4
        self.settings = settings
        self._auto = document.AutoCapture(self.paper, settings)
        self._lock = threading.Lock()
        self._shutter: tuple[str, ...] | None = None

    def request_shutter(self, accept: tuple[str, ...] = ()) -> None:
        with self._lock:
            self._shutter = tuple(accept)

    def __call__(self, frame: np.ndarray) -> DocumentUpdate:
        with self._lock:
            shutter, self._shutter = self._shutter, None
        size = (frame.shape[1], frame.shape[0])
        if shutter is not None:
            taken = document.capture_now(frame, self.paper, self.settings, accept=shutter)
            assessment = document.assess(frame, self.paper, self.settings)
            self._auto.reset()
            if isinstance(taken, list):
                return DocumentUpdate(
                    assessment, refused=tuple(taken), manual=True, frame_size=size
                )
            return DocumentUpdate(assessment, page=taken, manual=True, frame_size=size)
        page = self._auto.feed(frame, time.monotonic())
        progress = self._auto.progress
        return DocumentUpdate(self._auto.last, page=page, progress=progress, frame_size=size)

    def reset(self) -> None:
        self._auto.reset()


def make_analyser(mode: str, paper: str = ""):
    """The analyser for `mode` (one of MODES); `paper` is a document.PAPERS key (default A4)."""
    if mode == "mrz":
        return MrzAnalyser()
    if mode == "document":
        return DocumentAnalyser(document.PAPERS.get(paper, document.A4))
    return BarcodeAnalyser()
