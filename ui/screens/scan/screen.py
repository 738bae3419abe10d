"""The scan screen: the personal number, the passport's MRZ, or a document, from the camera.

Opened with `sig_go.emit("scan", params)`:
    mode           "barcode" (default) | "mrz" | "document"
    paper          for documents: a kiosk.scan.document.PAPERS key ("a4" by default)
    return_to      the screen to go to with the result (else: back to the previous screen)
    return_params  parameters for it; the result is added under "scan"

The result is a dict, also emitted as `sig_scanned`:
    {"mode": "barcode", "personal_number": "1012345678", "source": "camera"|"scanner"|"manual"}
    {"mode": "mrz", "fields": {...}, "valid": True}   or {"mode": "mrz", "manual": True}
    {"mode": "document", "pages": [CapturedPage, ...]}

The live picture comes from a CameraFeed (two worker threads; frames are dropped while the
decoder is busy, the GUI thread never waits). The source is `ctx.services["frame_source"]`
(a callable mode -> FrameSource) when set, the bundled samples in demo mode, else the camera.
Typing by hand is always possible, and a USB barcode scanner's burst fills the number too.
"""

from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from kiosk import resources
from kiosk.domain import personal_number
from kiosk.scan import document
from kiosk.scan.frames import CameraSource, FileSource
from kiosk.scan.wedge import WedgeDetector
from kiosk.texts import Bilingual
from ui.screens.base import Screen
from ui.screens.scan.analysers import (
    MODES,
    BarcodeUpdate,
    DocumentAnalyser,
    DocumentUpdate,
    MrzUpdate,
    make_analyser,
)
from ui.screens.scan.feed import CameraFeed
from ui.screens.scan.preview import PreviewView
from ui.widgets.common import paragraph


class ScanScreen(Screen):
    """Scans in one of three modes; see the module docstring."""

    name = "scan"

    #: The result dict, when the user confirms it.
    sig_scanned = Signal(dict)

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.mode = "barcode"
        self.params: dict = {}
        self.result: dict | None = None  # waiting for the user's confirmation
        self.pages: list = []  # document mode: the pages taken so far
        self.problem: Bilingual | None = None
        self._status = "looking"
        self._refused_glare = False
        self._guide: Bilingual | None = None  # document mode: what to fix first
        self._analyser = None
        self._wedge = WedgeDetector()
        self._wedge_filter = _KeyWatcher(self)

        self.feed = CameraFeed(lambda: None, self)
        self.feed.sig_preview.connect(self._on_preview)
        self.feed.sig_result.connect(self._on_update)
        self.feed.sig_problem.connect(self._on_feed_problem)

        self.hint = paragraph("hint")
        self.hint.setObjectName("scanGuidance")
        self.preview = PreviewView()
        self.error = paragraph("error")
        self.error.setVisible(False)

        # The result to confirm, or retake.
        self.result_card = QFrame()
        self.result_card.setObjectName("card")
        card = QHBoxLayout(self.result_card)
        self.result_label = paragraph("cardTitle")
        self.confirm_button = _button("primary", self._on_confirm)
        self.retake_button = _button("", self._on_retake)
        card.addWidget(self.result_label, 1)
        card.addWidget(self.retake_button)
        card.addWidget(self.confirm_button)
        self.result_card.setVisible(False)

        # Manual entry of the personal number, always there in barcode mode.
        self.manual_label = paragraph("fieldLabel")
        self.manual_edit = QLineEdit()
        self.manual_edit.setObjectName("personalNumber")
        self.manual_edit.setMaxLength(20)
        self.manual_edit.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        self.manual_edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.manual_edit.returnPressed.connect(self._on_manual)
        self.manual_button = _button("", self._on_manual)
        self.manual_row = QFrame()
        manual = QHBoxLayout(self.manual_row)
        manual.setContentsMargins(0, 0, 0, 0)
        manual.addWidget(self.manual_label)
        manual.addWidget(self.manual_edit, 1)
        manual.addWidget(self.manual_button)

        # MRZ mode: the details can always be typed on the form instead.
        self.type_instead_button = _button("", self._on_type_instead)
        # Document mode: the manual shutter, accepting a glare spot, finishing.
        self.shutter_button = _button("primary", self._on_shutter)
        self.accept_glare_button = _button("", self._on_accept_glare)
        self.pages_label = paragraph("hint")
        self.undo_page_button = _button("", self._on_undo_page)
        self.done_button = _button("", self._on_done)
        self.document_row = QFrame()
        row = QHBoxLayout(self.document_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.pages_label, 1)
        for widget in (
            self.undo_page_button,
            self.accept_glare_button,
            self.shutter_button,
            self.done_button,
        ):
            row.addWidget(widget)

        self.body.addWidget(self.hint)
        self.body.addWidget(self.preview, 1)
        self.body.addWidget(self.error)
        self.body.addWidget(self.result_card)
        self.body.addWidget(self.manual_row)
        self.body.addWidget(self.type_instead_button)
        self.body.addWidget(self.document_row)
        self._update_controls()

    # ---- the Screen interface ----------------------------------------------------------------

    def title(self) -> str:
        titles = {
            "barcode": self.tr("Scan the personal number"),
            "mrz": self.tr("Scan the passport's data page"),
            "document": self.tr("Photograph the document"),
        }
        return titles[self.mode]

    def retranslate(self) -> None:
        self.manual_label.setText(self.tr("Or type the personal number:"))
        self.manual_edit.setPlaceholderText(self.tr("10 digits, starting with 10 or 80"))
        self.manual_button.setText(self.tr("Use this number"))
        self.confirm_button.setText(self.tr("Confirm"))
        self.retake_button.setText(self.tr("Scan again"))
        self.type_instead_button.setText(self.tr("Type the details instead"))
        self.shutter_button.setText(self.tr("Take the picture now"))
        self.accept_glare_button.setText(self.tr("Use it despite the glare"))
        self.undo_page_button.setText(self.tr("Retake the last page"))
        self.done_button.setText(self.tr("Done"))
        self.pages_label.setText(self.tr("Pages taken: {n}").format(n=len(self.pages)))
        self.hint.setText(self._guidance())
        self.result_label.setText(self._result_text())
        self.error.setText(self.problem.get(self.ctx.lang) if self.problem else "")

    def enter(self, params: dict) -> None:
        self.reset()
        self.params = dict(params)
        mode = params.get("mode", "barcode")
        self.mode = mode if mode in MODES else "barcode"
        self.refresh_texts()
        self._start()

    def reset(self) -> None:
        self.feed.stop()
        self._remove_key_watcher()
        self.result = None
        self.pages = []
        self.problem = None
        self._status = "looking"
        self._refused_glare = False
        self._wedge.reset()
        self.manual_edit.clear()
        self.preview.clear()
        self._update_controls()

    def screenshot_states(self) -> list[tuple[str, dict]]:
        return [(mode, {"mode": mode}) for mode in MODES]

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._install_key_watcher()
        if not self.feed.running and self.result is None and self._analyser is not None:
            self.feed.start(self._analyser)

    def hideEvent(self, event) -> None:
        self.feed.stop()
        self._remove_key_watcher()
        super().hideEvent(event)

    # ---- the feed ----------------------------------------------------------------------------

    def _start(self) -> None:
        mode = self.mode
        self._analyser = make_analyser(mode, self.params.get("paper", ""))
        self.feed.open_source = lambda: self._open_source(mode)
        self.feed.start(self._analyser)
        if self.isVisible():
            self._install_key_watcher()

    def _open_source(self, mode: str):
        """Runs on the capture thread: the configured source for `mode`."""
        factory = self.ctx.services.get("frame_source")
        if factory is not None:
            return factory(mode)
        if self.ctx.config.demo:
            return FileSource(demo_sample(mode), loop=True, fps=15)
        return CameraSource.from_config(self.ctx.config.scan)

    def _on_preview(self, image: QImage) -> None:
        self.preview.set_image(image)
        self.feed.preview_taken()

    def _on_feed_problem(self, message: Bilingual) -> None:
        self._show_problem(message)
        self._status = "no_camera"
        self._update_controls()

    def _on_update(self, update) -> None:
        if self.result is not None:
            return  # a result is waiting for the user: later frames change nothing
        if isinstance(update, BarcodeUpdate):
            self._on_barcode(update)
        elif isinstance(update, MrzUpdate):
            self._on_mrz(update)
        elif isinstance(update, DocumentUpdate):
            self._on_document(update)
        self.hint.setText(self._guidance())
        self._update_controls()

    def _on_barcode(self, update: BarcodeUpdate) -> None:
        if update.confirmed:
            number = update.confirmed
            self._offer({"mode": "barcode", "personal_number": number, "source": "camera"})
            return
        reading = update.reading
        self._status = (
            "conflict" if reading.conflict else "holding" if reading.personal_number else "looking"
        )

    def _on_mrz(self, update: MrzUpdate) -> None:
        if update.confirmed is not None:
            result = update.confirmed
            self._offer({"mode": "mrz", "fields": result.fields, "valid": result.valid})
            return
        self._status = "holding" if update.result is not None else "looking"

    def _on_document(self, update: DocumentUpdate) -> None:
        assessment = update.assessment
        quad = getattr(assessment, "quad", None)
        if quad is not None:
            quad = np.asarray(quad, np.float32) / np.array(update.frame_size, np.float32)
        self.preview.set_state(self.mode, success=update.page is not None, quad=quad)
        if update.page is not None:
            self.pages.append(update.page)
            self._refused_glare = False
            self._status = "page_taken"
            self._show_problem(None)
        elif update.refused:
            codes = {p.code for p in update.refused}
            self._refused_glare = codes == {document.GLARE}
            self._show_problem(update.refused[0].message)
        else:
            problems = getattr(assessment, "problems", ())
            self._guide = problems[0].message if problems else None
            self._status = "document_problem" if problems else "holding"
        self.retranslate()

    # ---- the result ----------------------------------------------------------------------------

    def _offer(self, result: dict) -> None:
        """Stop scanning and ask the user to confirm `result` (or scan again)."""
        self.result = result
        self._status = "confirm"
        self.feed.stop()
        self.preview.set_state(self.mode, success=True)
        self._show_problem(None)
        self.retranslate()
        self._update_controls()

    def _on_confirm(self) -> None:
        if self.result is not None:
            self._deliver(self.result)

    def _on_retake(self) -> None:
        self.result = None
        self._status = "looking"
        self.preview.set_state(self.mode)
        self._start()
        self.retranslate()
        self._update_controls()

    def _deliver(self, result: dict) -> None:
        self.feed.stop()
        _demo_turns[self.mode] = _demo_turns.get(self.mode, 0) + 1
        self.sig_scanned.emit(result)
        target = self.params.get("return_to")
        if target:
            self.sig_go.emit(target, {**self.params.get("return_params", {}), "scan": result})
        else:
            self.sig_back.emit()

    # ---- typing ------------------------------------------------------------------------------

    def _on_manual(self) -> None:
        if self.result is not None:
            return  # the Enter that ended a scanner's burst: its result is already offered
        problem = personal_number.check(self.manual_edit.text())
        if problem is not None:
            self._show_problem(problem.message)
            self._set_invalid(True)
            return
        self._set_invalid(False)
        number = personal_number.normalise(self.manual_edit.text())
        self._deliver({"mode": "barcode", "personal_number": number, "source": "manual"})

    def on_key(self, text: str) -> None:
        """A typed character (Enter as "\\r"), from the key watcher: a scanner's burst?"""
        if self.mode != "barcode" or self.result is not None:
            return
        scan = self._wedge.feed(text, time.monotonic())
        if scan is not None:
            self.manual_edit.setText(scan.personal_number)
            self._set_invalid(False)
            self._offer(
                {"mode": "barcode", "personal_number": scan.personal_number, "source": "scanner"}
            )

    def _on_type_instead(self) -> None:
        self._deliver({"mode": "mrz", "manual": True})

    # ---- documents ---------------------------------------------------------------------------

    def _on_shutter(self) -> None:
        if isinstance(self._analyser, DocumentAnalyser):
            self._analyser.request_shutter()

    def _on_accept_glare(self) -> None:
        if isinstance(self._analyser, DocumentAnalyser):
            self._analyser.request_shutter((document.GLARE,))
        self._refused_glare = False
        self._update_controls()

    def _on_undo_page(self) -> None:
        if self.pages:
            self.pages.pop()
        self.retranslate()
        self._update_controls()

    def _on_done(self) -> None:
        if self.pages:
            self._deliver({"mode": "document", "pages": list(self.pages)})

    # ---- helpers ---------------------------------------------------------------------------

    def _guidance(self) -> str:
        if self._status == "document_problem" and self._guide is not None:
            return self._guide.get(self.ctx.lang)
        texts = {
            ("barcode", "looking"): self.tr(
                "Hold the passport page with the personal-number sticker inside the frame."
            ),
            ("barcode", "holding"): self.tr("Hold still…"),
            ("barcode", "conflict"): self.tr(
                "Two different numbers are visible. Cover the one that is not yours."
            ),
            ("mrz", "looking"): self.tr(
                "Lay the passport's photo page flat inside the frame, the two lines of letters at "
                "the bottom."
            ),
            ("mrz", "holding"): self.tr("Hold the page flat and still…"),
            ("document", "looking"): self.tr("Lay the document flat inside the frame."),
            ("document", "holding"): self.tr("Hold still: the picture is taken by itself."),
            ("document", "page_taken"): self.tr(
                "Page taken. Put the next page down, or press Done."
            ),
        }
        if self._status == "confirm":
            return self.tr("Check the result, then press Confirm.")
        if self._status == "no_camera":
            if self.mode == "barcode":
                return self.tr("Type the personal number below.")
            return self.tr("You can continue without the camera.")
        return texts.get((self.mode, self._status)) or texts.get((self.mode, "looking"), "")

    def _result_text(self) -> str:
        if not self.result:
            return ""
        if self.result["mode"] == "barcode":
            return self.tr("Personal number: {number}").format(
                number=self.result["personal_number"]
            )
        if self.result["mode"] == "mrz":
            fields = self.result["fields"]
            return self.tr("Passport {number}: {surname}, {given} ({nationality})").format(
                number=fields.get("document_number") or "",
                surname=fields.get("surname") or "",
                given=fields.get("given_names") or "",
                nationality=fields.get("nationality") or "",
            )
        return ""

    def _show_problem(self, message: Bilingual | None) -> None:
        self.problem = message
        self.error.setText(message.get(self.ctx.lang) if message else "")
        self.error.setVisible(message is not None)

    def _set_invalid(self, invalid: bool) -> None:
        self.manual_edit.setProperty("invalid", invalid)
        self.manual_edit.style().unpolish(self.manual_edit)
        self.manual_edit.style().polish(self.manual_edit)

    def _update_controls(self) -> None:
        confirming = self.result is not None
        self.result_card.setVisible(confirming)
        self.manual_row.setVisible(self.mode == "barcode")
        self.type_instead_button.setVisible(self.mode == "mrz")
        self.document_row.setVisible(self.mode == "document")
        self.accept_glare_button.setVisible(self._refused_glare)
        self.shutter_button.setEnabled(self._status != "no_camera")
        self.done_button.setEnabled(bool(self.pages))
        self.undo_page_button.setEnabled(bool(self.pages))

    def _install_key_watcher(self) -> None:
        app = QApplication.instance()
        if app is not None and not self._wedge_filter.installed:
            app.installEventFilter(self._wedge_filter)
            self._wedge_filter.installed = True

    def _remove_key_watcher(self) -> None:
        app = QApplication.instance()
        if app is not None and self._wedge_filter.installed:
            app.removeEventFilter(self._wedge_filter)
            self._wedge_filter.installed = False


class _KeyWatcher(QObject):
    """Sees every key press while the scan screen is shown and passes it on untouched."""

    def __init__(self, screen: ScanScreen):
        super().__init__(screen)
        self.screen = screen
        self.installed = False
        self._last: tuple | None = None  # (key, text, widget) of the last press seen

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(watched, QWidget):
            identity = (event.key(), event.text())
            if not self._propagating(identity, watched):
                if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    self.screen.on_key("\r")
                elif event.text():
                    self.screen.on_key(event.text())
            self._last = (*identity, watched)
        return False

    def _propagating(self, identity: tuple, widget: QWidget) -> bool:
        """An unhandled key press travels up to each parent: count it once, not per widget."""
        if self._last is None or self._last[:2] != identity:
            return False
        previous = self._last[2]
        try:
            # isAncestorOf counts a widget as its own ancestor: a repeated key is a new press.
            return widget is not previous and widget.isAncestorOf(previous)
        except RuntimeError:  # the previous widget is gone
            return False


# Demo mode plays the bundled samples of a mode in turn (resources/samples/demo.json: a family
# whose passports and numbers can be added one person after the other); the next one comes after
# each result. Which sample is next is no user's data: it outlives sessions.
_demo_turns: dict[str, int] = {}


def demo_sample(mode: str):
    """The bundled sample demo mode shows for `mode` now."""
    samples = resources.load_json("samples/demo.json")[mode]
    return resources.path("samples/" + samples[_demo_turns.get(mode, 0) % len(samples)])


def _button(object_name: str, slot) -> QPushButton:
    button = QPushButton()
    if object_name:
        button.setObjectName(object_name)
    button.setMinimumHeight(72)
    button.clicked.connect(slot)
    return button
