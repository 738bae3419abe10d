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

The live picture comes from a CameraFeed (feed.py: two worker threads; frames are dropped while
the decoder is busy, the GUI thread never waits), from the source sources.py picks. What each
frame means is the mode's analyser (analysers.py); the controls under the picture are in
controls.py, the guidance texts in texts.py. Typing by hand is always possible, and a USB barcode
scanner's burst fills the number too (keys.py).
"""

from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import Signal
from PySide6.QtGui import QImage

from kiosk.domain import personal_number
from kiosk.scan import document
from kiosk.scan.wedge import WedgeDetector
from kiosk.texts import Bilingual
from ui.screens.base import Screen
from ui.screens.scan import sources
from ui.screens.scan.analysers import (
    MODES,
    BarcodeUpdate,
    DocumentAnalyser,
    DocumentUpdate,
    MrzUpdate,
    make_analyser,
)
from ui.screens.scan.controls import DocumentControls, ManualEntry, ResultCard, button
from ui.screens.scan.feed import CameraFeed
from ui.screens.scan.keys import KeyWatcher
from ui.screens.scan.preview import PreviewView
from ui.screens.scan.texts import ScanTexts
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
        self._keys = KeyWatcher(self.on_key, self)
        self._texts = ScanTexts(self)

        self.feed = CameraFeed(lambda: None, self)
        self.feed.sig_preview.connect(self._on_preview)
        self.feed.sig_result.connect(self._on_update)
        self.feed.sig_problem.connect(self._on_feed_problem)

        self.hint = paragraph("hint")
        self.hint.setObjectName("scanGuidance")
        self.preview = PreviewView()
        self.error = paragraph("error")
        self.error.setVisible(False)

        self.result_card = ResultCard(self._on_confirm, self._on_retake)
        self.result_label = self.result_card.label
        self.confirm_button = self.result_card.confirm_button
        self.retake_button = self.result_card.retake_button
        self.result_card.setVisible(False)

        self.manual_row = ManualEntry(self._on_manual)
        self.manual_edit = self.manual_row.edit
        self.manual_button = self.manual_row.button
        # MRZ mode: the details can always be typed on the form instead.
        self.type_instead_button = button("", self._on_type_instead)
        self.document_row = DocumentControls(
            on_shutter=self._on_shutter,
            on_accept_glare=self._on_accept_glare,
            on_undo=self._on_undo_page,
            on_done=self._on_done,
        )
        self.shutter_button = self.document_row.shutter_button
        self.done_button = self.document_row.done_button
        self.pages_label = self.document_row.pages_label

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
        self.result_card.retranslate()
        self.manual_row.retranslate()
        self.document_row.retranslate(len(self.pages))
        self.type_instead_button.setText(self.tr("Type the details instead"))
        self.hint.setText(self._guidance())
        self.result_label.setText(self._texts.result(self.result))
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
        self._keys.remove()
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
        self._keys.install()
        if not self.feed.running and self.result is None and self._analyser is not None:
            self.feed.start(self._analyser)

    def hideEvent(self, event) -> None:
        self.feed.stop()
        self._keys.remove()
        super().hideEvent(event)

    # ---- the feed ----------------------------------------------------------------------------

    def _start(self) -> None:
        mode = self.mode
        self._analyser = make_analyser(mode, self.params.get("paper", ""))
        self.feed.open_source = lambda: sources.open_source(self.ctx, mode)
        self.feed.start(self._analyser)
        if self.isVisible():
            self._keys.install()

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
        sources.next_turn(self.mode)
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
            self.manual_row.set_invalid(True)
            return
        self.manual_row.set_invalid(False)
        number = personal_number.normalise(self.manual_edit.text())
        self._deliver({"mode": "barcode", "personal_number": number, "source": "manual"})

    def on_key(self, text: str) -> None:
        """A typed character (Enter as "\\r"), from the key watcher: a scanner's burst?"""
        if self.mode != "barcode" or self.result is not None:
            return
        scan = self._wedge.feed(text, time.monotonic())
        if scan is not None:
            self.manual_edit.setText(scan.personal_number)
            self.manual_row.set_invalid(False)
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
        return self._texts.guidance(self.mode, self._status)

    def _show_problem(self, message: Bilingual | None) -> None:
        self.problem = message
        self.error.setText(message.get(self.ctx.lang) if message else "")
        self.error.setVisible(message is not None)

    def _update_controls(self) -> None:
        self.result_card.setVisible(self.result is not None)
        self.manual_row.setVisible(self.mode == "barcode")
        self.type_instead_button.setVisible(self.mode == "mrz")
        self.document_row.setVisible(self.mode == "document")
        self.document_row.update_state(
            len(self.pages), self._refused_glare, camera=self._status != "no_camera"
        )
