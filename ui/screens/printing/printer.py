"""Printing a PDF on the kiosk's printer through Qt's print support (CUPS on Linux).

`print_pdf` runs in a worker thread (ctx.tasks): it never touches a widget. Each page is
rendered by QtPdf at the printer's resolution and painted on a QPrinter whose page is exactly
the document's (80 mm roll or A4). Whatever goes wrong — no printer, printer offline, out of
paper — comes back as a PrintOutcome with a bilingual message, never as an exception, and the
screen then shows the document instead.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSize
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from kiosk.receipts import cups
from kiosk.texts import Bilingual

log = logging.getLogger(__name__)

# Thermal heads print 203 dpi, office printers 300–600: 300 dpi is sharp on both and keeps an
# A4 page image under 40 MB.
MAX_DPI = 300

SHOW_ON_SCREEN = Bilingual(
    "المستند معروض على الشاشة: دوّن أرقامه أو صوّره.",
    "Your document is shown on the screen: note its numbers or take a photo of it.",
)
MESSAGES = {
    "printed": Bilingual("طُبع المستند. يُرجى أخذه.", "Printed. Please take your document."),
    "print.no_printer": Bilingual(
        "لا توجد طابعة متصلة بهذا الجهاز.", "There is no printer connected to this kiosk."
    ),
    "print.offline": Bilingual(
        "الطابعة غير متاحة حالياً.", "The printer is not available at the moment."
    ),
    "print.out_of_paper": Bilingual("نفد الورق من الطابعة.", "The printer is out of paper."),
    "print.failed": Bilingual("تعذّرت طباعة المستند.", "The document could not be printed."),
}


@dataclass(frozen=True)
class PrintOutcome:
    """How printing went: `printed`, a stable `code` and a message for the user."""

    printed: bool
    code: str
    message: Bilingual


def outcome(code: str) -> PrintOutcome:
    """The outcome for a code of MESSAGES."""
    return PrintOutcome(code == "printed", code, MESSAGES[code])


def print_pdf(pdf: bytes, printer_name: str = "") -> PrintOutcome:
    """Print the PDF on the named printer (empty: the system's default). Worker thread only."""
    info = find_printer(printer_name)
    if info is None:
        return outcome("print.no_printer")
    name = info.printerName()
    before = _problem(info)
    if before:
        return outcome(before)
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    printer.setDocName("MOI e-services")
    result = paint_pdf(pdf, printer)
    if result.printed:
        # CUPS takes the job at once; a printer that has just run out of paper says so now.
        after = cups.status(name)
        if after is not None and after.problem == cups.OUT_OF_PAPER:
            return outcome("print.out_of_paper")
    return result


def find_printer(name: str = "") -> QPrinterInfo | None:
    """The printer of that name, or the default one when no name is given; None if absent."""
    info = QPrinterInfo.printerInfo(name) if name else QPrinterInfo.defaultPrinter()
    return None if info.isNull() else info


def paint_pdf(pdf: bytes, printer: QPrinter) -> PrintOutcome:
    """Render every page of the PDF onto the printer, each page at its own size."""
    document = QPdfDocument()
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() < 1:
        log.warning("print: the document could not be read (%s)", document.error())
        return outcome("print.failed")
    printer.setFullPage(True)
    _set_page(printer, document, 0)
    painter = QPainter()
    if not painter.begin(printer):
        log.warning("print: the printer refused the job")
        return outcome("print.offline")
    try:
        for page in range(document.pageCount()):
            if page:
                _set_page(printer, document, page)
                printer.newPage()
            dpi = min(printer.resolution(), MAX_DPI)
            points = document.pagePointSize(page)
            image = document.render(
                page, QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
            )
            target = printer.pageLayout().fullRectPixels(printer.resolution())
            painter.drawImage(QRectF(0, 0, target.width(), target.height()), image)
    finally:
        painter.end()
        document.close()
    if printer.printerState() in (QPrinter.PrinterState.Error, QPrinter.PrinterState.Aborted):
        return outcome("print.failed")
    return outcome("printed")


def _set_page(printer: QPrinter, document: QPdfDocument, page: int) -> None:
    size = QPageSize(
        document.pagePointSize(page), QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.ExactMatch
    )
    printer.setPageLayout(
        QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
    )


def _problem(info: QPrinterInfo) -> str | None:
    status = cups.status(info.printerName())
    if status is not None and status.problem == cups.OUT_OF_PAPER:
        return "print.out_of_paper"
    if status is not None and status.problem == cups.OFFLINE:
        return "print.offline"
    if info.state() == QPrinter.PrinterState.Error:
        return "print.offline"
    return None
