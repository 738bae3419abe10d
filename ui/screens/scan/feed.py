"""The live camera feed: a capture thread and an analysis thread, the GUI thread never waits.

The capture thread reads frames as fast as the source gives them, puts the newest one in a
one-frame slot for the analysis thread and sends a small preview image to the screen. The
analysis thread takes the newest frame whenever it is free; frames that arrive while it is busy
replace each other in the slot and are dropped, so a slow decoder never delays the preview or
builds a backlog. The preview is also sent only when the screen has taken the previous one.
Both threads are QThreads owned by the feed; `stop()` asks them to end and joins them.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

import cv2
import numpy as np
from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtGui import QImage

from kiosk.errors import KioskError
from kiosk.scan.frames import FrameSource
from kiosk.texts import Bilingual

log = logging.getLogger(__name__)

PREVIEW_WIDTH = 960
# No frame for this long: the camera is gone (unplugged, driver hung).
LOST_AFTER_S = 3.0

CAMERA_LOST = Bilingual(
    ar="توقفت الكاميرا عن العمل. يمكنك إدخال البيانات يدويًا أو طلب المساعدة من الموظف.",
    en="The camera stopped working. You can type the details instead, or ask a member of staff.",
)
CAMERA_FAILED = Bilingual(
    ar="تعذّر تشغيل الكاميرا. يمكنك إدخال البيانات يدويًا أو طلب المساعدة من الموظف.",
    en="The camera could not be started. You can type the details instead, or ask a member of "
    "staff.",
)


class LatestFrame:
    """A one-frame mailbox: `put` replaces what is there (counting drops), `take` waits."""

    def __init__(self):
        self._cond = threading.Condition()
        self._frame: np.ndarray | None = None
        self.dropped = 0
        self.delivered = 0

    def put(self, frame: np.ndarray) -> None:
        with self._cond:
            if self._frame is not None:
                self.dropped += 1
            self._frame = frame
            self._cond.notify()

    def take(self, timeout: float) -> np.ndarray | None:
        with self._cond:
            if self._frame is None:
                self._cond.wait(timeout)
            frame, self._frame = self._frame, None
            if frame is not None:
                self.delivered += 1
            return frame

    def clear(self) -> None:
        with self._cond:
            self._frame = None


class _CaptureThread(QThread):
    sig_preview = Signal(QImage)
    sig_problem = Signal(object)  # Bilingual

    def __init__(self, feed: CameraFeed):
        super().__init__(feed)
        self._feed = feed

    def run(self) -> None:
        feed = self._feed
        try:
            source = feed.open_source()
        except KioskError as e:
            self.sig_problem.emit(e.message)
            return
        except Exception:  # a driver error must not kill the kiosk: say so, manual entry stays
            log.exception("the frame source could not be opened")
            self.sig_problem.emit(CAMERA_FAILED)
            return
        missing_since = None
        try:
            while not self.isInterruptionRequested():
                frame = source.read()
                if frame is None:
                    missing_since = missing_since or time.monotonic()
                    if time.monotonic() - missing_since > LOST_AFTER_S:
                        self.sig_problem.emit(CAMERA_LOST)
                        return
                    self.msleep(20)
                    continue
                missing_since = None
                feed.frames.put(frame)
                if feed.preview_free.is_set():
                    feed.preview_free.clear()
                    self.sig_preview.emit(to_qimage(frame, PREVIEW_WIDTH))
        finally:
            source.close()


class _AnalysisThread(QThread):
    sig_result = Signal(object)

    def __init__(self, feed: CameraFeed):
        super().__init__(feed)
        self._feed = feed

    def run(self) -> None:
        while not self.isInterruptionRequested():
            frame = self._feed.frames.take(timeout=0.05)
            if frame is None:
                continue
            analyser = self._feed.analyser
            if analyser is None:
                continue
            try:
                result = analyser(frame)
            except Exception:  # one bad frame must not end scanning
                log.exception("frame analysis failed")
                continue
            self.sig_result.emit(result)


class CameraFeed(QObject):
    """Runs a frame source and an analyser on two threads; see the module docstring.

    `open_source()` is called on the capture thread (opening a camera can take a while).
    Signals arrive on the GUI thread: `sig_preview(QImage)`, `sig_result(update)`,
    `sig_problem(Bilingual)`. Call `preview_taken()` after handling a preview.
    """

    sig_preview = Signal(QImage)
    sig_result = Signal(object)
    sig_problem = Signal(object)

    def __init__(self, open_source: Callable[[], FrameSource], parent: QObject | None = None):
        super().__init__(parent)
        self.open_source = open_source
        self.analyser = None
        self.frames = LatestFrame()
        self.preview_free = threading.Event()
        self._capture: _CaptureThread | None = None
        self._analysis: _AnalysisThread | None = None

    @property
    def running(self) -> bool:
        return any(t is not None and t.isRunning() for t in (self._capture, self._analysis))

    def start(self, analyser) -> None:
        """Start (or restart) the feed with `analyser` (a callable: frame → update)."""
        self.stop()
        self.analyser = analyser
        self.frames = LatestFrame()
        self.preview_free.set()
        self._capture = _CaptureThread(self)
        self._analysis = _AnalysisThread(self)
        self._capture.sig_preview.connect(self.sig_preview)
        self._capture.sig_problem.connect(self.sig_problem)
        self._analysis.sig_result.connect(self.sig_result)
        self._analysis.start()
        self._capture.start()

    def preview_taken(self) -> None:
        """The screen has the last preview: the next frame may be sent."""
        self.preview_free.set()

    def stop(self) -> None:
        """Ask both threads to end and join them (waits at most for one frame's analysis)."""
        for thread in (self._capture, self._analysis):
            if thread is not None:
                thread.requestInterruption()
        for thread in (self._capture, self._analysis):
            if thread is not None:
                thread.wait()
                thread.deleteLater()
        self._capture = self._analysis = None
        self.frames.clear()


def to_qimage(frame: np.ndarray, width: int) -> QImage:
    """A BGR frame as an RGB QImage `width` pixels wide (a copy the GUI thread may keep)."""
    height = max(1, round(frame.shape[0] * width / frame.shape[1]))
    small = cv2.resize(frame, (width, height), interpolation=cv2.INTER_AREA)
    if small.ndim == 2:
        small = cv2.cvtColor(small, cv2.COLOR_GRAY2BGR)
    rgb = np.ascontiguousarray(cv2.cvtColor(small, cv2.COLOR_BGR2RGB))
    image = QImage(rgb.data, width, height, rgb.strides[0], QImage.Format.Format_RGB888)
    return image.copy()
