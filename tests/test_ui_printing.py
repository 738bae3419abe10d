"""The print preview and printing through real widgets and Qt's real print support.

No printer exists on a build machine, which is the case the kiosk must survive: printing to an
unavailable printer must fall back to the document on screen with a clear message. Qt's own PDF
printer backend stands in for paper to check what would be printed.
"""

from __future__ import annotations

import dataclasses
import io
import subprocess

import pytest
import zxingcpp
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from PySide6.QtWidgets import QApplication

from kiosk.config import PrintingSection
from kiosk.receipts import load, render_data
from tests.fixtures.receipts import example, logical_text, pages
from ui.screens.printing.preview import PrintPreviewScreen
from ui.screens.printing.printer import MESSAGES, SHOW_ON_SCREEN, paint_pdf, print_pdf

ABSENT_PRINTER = "MOI-KIOSK-TEST-NO-SUCH-PRINTER"


@pytest.fixture
def preview(qtbot, app_context):
    def build(printer: str = ABSENT_PRINTER, layout: str = "roll") -> PrintPreviewScreen:
        app_context.config = dataclasses.replace(
            app_context.config, printing=PrintingSection(printer=printer, layout=layout)
        )
        screen = PrintPreviewScreen(app_context)
        qtbot.addWidget(screen)
        screen.resize(1080, 1600)
        screen.show()
        return screen

    return build


def _wait_for(qtbot, screen, state: str) -> None:
    qtbot.waitUntil(lambda: screen.state == state, timeout=10_000)
    screen.ctx.tasks.wait()


def _press_print(qtbot, screen) -> None:
    assert screen.print_button.isVisible() and screen.print_button.isEnabled()
    qtbot.mouseClick(screen.print_button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()


def test_preview_shows_the_rendered_document_before_anything_is_printed(qtbot, preview):
    screen = preview()
    screen.enter({"kind": "application", "data": example("application")})
    _wait_for(qtbot, screen, "ready")
    assert screen.document.status() == QPdfDocument.Status.Ready
    assert screen.document.pageCount() == 1
    assert screen.view.isVisible() and screen.print_button.isEnabled()
    assert "MOI-2025-004217" in logical_text(screen.pdf)
    assert screen.outcome is None  # nothing printed until the user confirms


def test_printing_to_an_unavailable_printer_falls_back_to_the_screen(qtbot, preview):
    screen = preview(printer=ABSENT_PRINTER)
    assert screen.ctx.lang == "ar"
    screen.enter({"kind": "payment", "data": example("payment")})
    _wait_for(qtbot, screen, "ready")
    with qtbot.waitSignal(screen.sig_printed, timeout=10_000) as printed:
        _press_print(qtbot, screen)
    screen.ctx.tasks.wait()
    outcome = printed.args[0]
    assert not outcome.printed and outcome.code == "print.no_printer"
    assert screen.state == "failed"
    # The reason, in the user's language, and the document still on the screen.
    assert screen.error.isVisible() and screen.error.text() == MESSAGES["print.no_printer"].ar
    assert screen.hint.text() == SHOW_ON_SCREEN.ar
    assert screen.view.isVisible() and screen.document.pageCount() == 1
    assert "2025 004 217 901" in logical_text(screen.pdf)
    # The user may try again.
    assert screen.print_button.isEnabled()


def test_the_fallback_message_follows_a_language_change(qtbot, preview):
    screen = preview()
    screen.enter({"kind": "approval", "data": example("approval")})
    _wait_for(qtbot, screen, "ready")
    with qtbot.waitSignal(screen.sig_printed, timeout=10_000):
        _press_print(qtbot, screen)
    screen.ctx.tasks.wait()
    screen.ctx.language.set("en")
    QApplication.processEvents()
    assert screen.error.text() == MESSAGES["print.no_printer"].en
    assert screen.hint.text() == SHOW_ON_SCREEN.en


@pytest.mark.skipif(
    not QPrinterInfo.defaultPrinter().isNull(), reason="this machine has a default printer"
)
def test_with_no_printer_configured_and_none_installed_the_screen_says_so(qtbot, preview):
    screen = preview(printer="")
    screen.enter({"kind": "activation", "data": example("activation")})
    _wait_for(qtbot, screen, "ready")
    with qtbot.waitSignal(screen.sig_printed, timeout=10_000) as printed:
        _press_print(qtbot, screen)
    screen.ctx.tasks.wait()
    assert printed.args[0].code == "print.no_printer"
    assert screen.view.isVisible() and screen.document.pageCount() == 1


def test_bad_document_data_is_a_message_not_a_crash(qtbot, preview):
    screen = preview()
    data = example("application")
    del data["request_number"]
    screen.enter({"kind": "application", "data": data})
    _wait_for(qtbot, screen, "empty")
    assert screen.error.isVisible()
    assert screen.error.text() == "بيانات المستند غير صالحة (1 خطأ)"
    assert not screen.print_button.isEnabled() and screen.pdf is None


def test_a_typed_document_opens_in_the_configured_layout(qtbot, preview):
    screen = preview(layout="a4")
    screen.enter({"document": load("approval", example("approval")), "lang": "en"})
    _wait_for(qtbot, screen, "ready")
    size = screen.document.pagePointSize(0)
    assert (round(size.width()), round(size.height())) == (595, 842)
    assert "وزارة الداخلية" not in logical_text(screen.pdf)


def test_wipe_forgets_the_document(qtbot, preview):
    screen = preview()
    screen.enter({"pdf": render_data("payment", example("payment"))})
    assert screen.state == "ready" and screen.document.pageCount() == 1
    screen.wipe()
    assert screen.pdf is None and screen.state == "empty"
    assert screen.document.status() != QPdfDocument.Status.Ready
    assert not screen.view.isVisible() and not screen.print_button.isEnabled()


def test_opened_without_a_document_the_screen_is_empty_and_quiet(qtbot, preview):
    screen = preview()
    screen.enter({})
    assert screen.state == "empty" and not screen.error.isVisible()
    assert not screen.print_button.isEnabled()


def test_a_result_for_a_document_no_longer_shown_is_dropped(qtbot, preview):
    screen = preview()
    screen.enter({"kind": "application", "data": example("application")})
    screen.wipe()  # the user left before the document was ready
    screen.ctx.tasks.wait()
    QApplication.processEvents()
    assert screen.state == "empty" and screen.pdf is None


def _page_size(pdf: bytes) -> tuple[float, float]:
    info = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True).stdout.decode()
    width, height = info.split("Page size:")[1].split("pts")[0].split(" x ")
    return float(width), float(height)


@pytest.mark.parametrize("layout", ["roll", "a4"])
def test_printed_pages_have_the_documents_size_and_content(qapp, tmp_path, layout):
    pdf = render_data("application", example("application"), "both", layout)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    assert paint_pdf(pdf, printer).code == "printed"
    printed_size, source_size = _page_size(out.read_bytes()), _page_size(pdf)
    assert printed_size == pytest.approx(source_size, abs=1.0)
    assert printed_size[0] == pytest.approx(226.8 if layout == "roll" else 595.3, abs=1.0)
    source = pages(pdf)[0]
    printed = pages(out.read_bytes())[0]
    assert printed.pixels.shape == source.pixels.shape and printed.ink().mean() > 0.01
    # What reaches the paper still carries the request number, in both codes.
    image = subprocess.run(
        ["pdftoppm", "-r", "200", "-gray", "-singlefile", str(out)], capture_output=True
    ).stdout
    found = {(r.format.name, r.text) for r in zxingcpp.read_barcodes(Image.open(io.BytesIO(image)))}
    assert {("Code128", "MOI-2025-004217"), ("QRCode", "MOI-2025-004217")} <= found


def test_print_pdf_reports_an_unreadable_document_as_failed(qapp, tmp_path):
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "x.pdf"))
    assert paint_pdf(b"%PDF-1.4 not really", printer).code == "print.failed"
    assert print_pdf(b"anything", ABSENT_PRINTER).code == "print.no_printer"
