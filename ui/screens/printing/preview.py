"""The print preview: the document on screen, confirmed by the user, then printed.

Opened with one of
    {"kind": "application", "data": {...}}        data as kiosk.receipts takes it (a dict)
    {"document": ApplicationReceipt(...)}          a typed document of kiosk.receipts
    {"pdf": b"%PDF..."}                            a document already rendered
and optionally "lang" ("ar", "en", "both": the default, so a bank clerk can read it too).
Rendering and printing run in workers. When printing fails (no printer, offline, out of paper)
the message says why and the document stays on the screen, which is then the user's copy.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QHBoxLayout, QPushButton

from kiosk import receipts, resources
from kiosk.errors import KioskError
from kiosk.texts import Bilingual
from ui.screens.base import Screen
from ui.screens.printing.printer import SHOW_ON_SCREEN, PrintOutcome, outcome, print_pdf
from ui.widgets.common import paragraph

RENDER_FAILED = Bilingual("تعذّر تجهيز المستند.", "The document could not be prepared.")


class PrintPreviewScreen(Screen):
    """Shows a receipt, slip, notice or letter and prints it when the user confirms."""

    name = "printing.preview"

    #: Emitted with the PrintOutcome after each attempt to print.
    sig_printed = Signal(object)

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.pdf: bytes | None = None
        self.outcome: PrintOutcome | None = None
        self.problem: Bilingual | None = None  # what went wrong, shown under the document
        self._state = "empty"  # empty | rendering | ready | printing | printed | failed
        self._generation = 0  # results of work started for an earlier document are dropped
        self._buffer: QBuffer | None = None

        self.hint = paragraph("hint")
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setObjectName("documentView")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setMinimumHeight(400)
        self.error = paragraph("error")
        self.error.setVisible(False)
        self.print_button = QPushButton()
        self.print_button.setObjectName("primary")
        self.print_button.setMinimumSize(320, 72)
        self.print_button.clicked.connect(self._on_print_clicked)
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(self.print_button)
        row.addStretch()

        self.body.addWidget(self.hint)
        self.body.addWidget(self.view, 1)
        self.body.addWidget(self.error)
        self.body.addLayout(row)
        self._update_controls()

    def title(self) -> str:
        return self.tr("Your document")

    def retranslate(self) -> None:
        self.print_button.setText(self.tr("Print"))
        hints = {
            "empty": "",
            "rendering": self.tr("Preparing your document…"),
            "ready": self.tr("Check your document, then press Print."),
            "printing": self.tr("Printing…"),
            "printed": self.outcome.message.get(self.ctx.lang) if self.outcome else "",
            "failed": SHOW_ON_SCREEN.get(self.ctx.lang),
        }
        self.hint.setText(hints[self._state])
        self.error.setText(self.problem.get(self.ctx.lang) if self.problem else "")

    def enter(self, params: dict) -> None:
        self.reset()
        if not any(params.get(key) is not None for key in ("pdf", "document", "kind")):
            return  # nothing to show (opened bare): an empty screen, not an error
        if params.get("pdf"):
            self._show(params["pdf"])
            return
        lang = params.get("lang", "both")
        layout = self.ctx.config.printing.layout
        if params.get("document") is not None:
            work = (receipts.render, params["document"], lang, layout)
        else:
            work = (receipts.render_data, params.get("kind", ""), params.get("data"), lang, layout)
        self._set_state("rendering")
        generation = self._generation
        self.ctx.tasks.run(
            *work,
            on_result=lambda pdf: self._on_rendered(generation, pdf),
            on_error=lambda error: self._on_render_error(generation, error),
        )

    def reset(self) -> None:
        self._generation += 1
        self.pdf = None
        self.outcome = None
        self.document.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.deleteLater()
            self._buffer = None
        self._show_error(None)
        self._set_state("empty")

    def screenshot_states(self) -> list[tuple[str, dict]]:
        return [
            (kind, {"kind": kind, "data": resources.load_json(f"receipts/examples/{kind}.json")})
            for kind in receipts.KINDS
        ]

    # ---- the document ------------------------------------------------------------------------

    def _on_rendered(self, generation: int, pdf: bytes) -> None:
        if generation == self._generation:
            self._show(pdf)

    def _on_render_error(self, generation: int, error: Exception) -> None:
        if generation != self._generation:
            return
        message = error.message if isinstance(error, KioskError) else RENDER_FAILED
        self._show_error(message)
        self._set_state("empty")

    def _show(self, pdf: bytes) -> None:
        self.pdf = bytes(pdf)
        # QPdfDocument reads from the buffer while it is open: keep it alive with the document.
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(self.pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        if self.document.status() != QPdfDocument.Status.Ready:
            self.pdf = None
            self._show_error(RENDER_FAILED)
            self._set_state("empty")
            return
        self._set_state("ready")

    # ---- printing ----------------------------------------------------------------------------

    def _on_print_clicked(self) -> None:
        if self._state not in ("ready", "failed") or not self.pdf:
            return
        self._show_error(None)
        self._set_state("printing")
        generation = self._generation
        self.ctx.tasks.run(
            print_pdf,
            self.pdf,
            self.ctx.config.printing.printer,
            on_result=lambda result: self._on_printed(generation, result),
            on_error=lambda error: self._on_print_error(generation, error),
        )

    def _on_printed(self, generation: int, result: PrintOutcome) -> None:
        if generation != self._generation:
            return
        self.outcome = result
        self._show_error(None if result.printed else result.message)
        self._set_state("printed" if result.printed else "failed")
        self.sig_printed.emit(result)

    def _on_print_error(self, generation: int, error: Exception) -> None:
        self._on_printed(generation, outcome("print.failed"))

    def _show_error(self, message: Bilingual | None) -> None:
        self.problem = message
        self.error.setText(message.get(self.ctx.lang) if message else "")
        self.error.setVisible(message is not None)

    def _set_state(self, state: str) -> None:
        self._state = state
        self._update_controls()
        self.retranslate()

    def _update_controls(self) -> None:
        self.print_button.setEnabled(self._state in ("ready", "failed"))
        self.view.setVisible(self._state not in ("empty", "rendering"))

    @property
    def state(self) -> str:
        """empty, rendering, ready, printing, printed or failed."""
        return self._state
