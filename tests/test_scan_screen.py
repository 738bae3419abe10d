"""The scan screen with real frames from files: barcode, MRZ, documents, typing, a scanner gun.

Every test joins the feed's threads (the `scan_screen` fixture stops the feed at the end).
"""

import time

import cv2
import numpy as np
import pytest
from PySide6.QtCore import Qt

from kiosk import resources
from kiosk.errors import KioskError
from kiosk.scan.frames import CAMERA_UNAVAILABLE, FileSource
from tests.corpus import barcodes as corpus
from ui.screens.scan.feed import CameraFeed
from ui.screens.scan.screen import ScanScreen

SAMPLES = resources.load_json("samples/barcodes.json")
DEMO = resources.load_json("samples/demo.json")


def _sample(name: str):
    return resources.path("samples/" + name)


@pytest.fixture
def scan_screen(qtbot, app_context):
    """A scan screen whose frames come from `screen.frames` (a path), played in a loop."""
    screen = ScanScreen(app_context)
    screen.frames = _sample(SAMPLES[0]["file"])
    app_context.services["frame_source"] = lambda mode: FileSource(screen.frames, loop=True, fps=30)
    qtbot.addWidget(screen)
    screen.resize(1280, 900)
    screen.show()
    qtbot.waitExposed(screen)
    yield screen
    screen.reset()
    assert not screen.feed.running


def _wait_for_result(qtbot, screen, timeout=15_000):
    qtbot.waitUntil(lambda: screen.result is not None, timeout=timeout)
    return screen.result


def test_a_sample_passport_is_read_confirmed_and_delivered(qtbot, scan_screen):
    scan_screen.enter({"mode": "barcode", "return_to": "apply.form", "return_params": {"step": 2}})
    result = _wait_for_result(qtbot, scan_screen)
    assert result == {"mode": "barcode", "personal_number": "1012345678", "source": "camera"}
    assert scan_screen.result_card.isVisible()
    assert "1012345678" in scan_screen.result_label.text()
    assert not scan_screen.feed.running  # scanning stops while the user decides
    scanned, went = [], []
    scan_screen.sig_scanned.connect(scanned.append)
    scan_screen.sig_go.connect(lambda name, params: went.append((name, params)))
    qtbot.mouseClick(scan_screen.confirm_button, Qt.MouseButton.LeftButton)
    assert scanned == [result]
    assert went == [("apply.form", {"step": 2, "scan": result})]


def test_without_a_caller_confirming_goes_back(qtbot, scan_screen):
    scan_screen.enter({"mode": "barcode"})
    _wait_for_result(qtbot, scan_screen)
    with qtbot.waitSignal(scan_screen.sig_back):
        qtbot.mouseClick(scan_screen.confirm_button, Qt.MouseButton.LeftButton)


def test_scan_again_restarts_the_camera_and_reads_the_next_passport(qtbot, scan_screen):
    scan_screen.enter({"mode": "barcode"})
    assert _wait_for_result(qtbot, scan_screen)["personal_number"] == "1012345678"
    scan_screen.frames = _sample(SAMPLES[1]["file"])
    qtbot.mouseClick(scan_screen.retake_button, Qt.MouseButton.LeftButton)
    assert scan_screen.result is None and scan_screen.feed.running
    assert _wait_for_result(qtbot, scan_screen)["personal_number"] == SAMPLES[1]["personal_number"]


def test_two_numbers_in_view_are_never_confirmed_and_the_user_is_told(qtbot, scan_screen, tmp_path):
    rng = np.random.default_rng(3)
    frame = corpus.render_frame(rng, [("Code128", "1012345678"), ("Code128", "8087654321")])
    cv2.imwrite(str(tmp_path / "two.jpg"), frame)
    scan_screen.frames = tmp_path / "two.jpg"
    scan_screen.enter({"mode": "barcode"})
    qtbot.waitUntil(lambda: scan_screen._status == "conflict", timeout=10_000)
    assert "رقمان مختلفان" in scan_screen.hint.text()  # Arabic first
    scan_screen.ctx.language.set("en")
    assert "Two different numbers" in scan_screen.hint.text()
    qtbot.wait(300)
    assert scan_screen.result is None


def test_typing_the_number_by_hand_is_always_possible(qtbot, scan_screen):
    scan_screen.enter({"mode": "barcode"})
    scan_screen.manual_edit.setText("2012345678")
    qtbot.mouseClick(scan_screen.manual_button, Qt.MouseButton.LeftButton)
    assert scan_screen.error.isVisible()
    assert "10" in scan_screen.error.text() and "80" in scan_screen.error.text()
    assert scan_screen.manual_edit.property("invalid") is True
    scan_screen.manual_edit.setText("٨٠١١١٢٢٢٣٣")  # Arabic-Indic digits are accepted
    with qtbot.waitSignal(scan_screen.sig_scanned) as blocker:
        qtbot.mouseClick(scan_screen.manual_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0] == {
        "mode": "barcode",
        "personal_number": "8011122233",
        "source": "manual",
    }


def _no_barcode_frame(tmp_path):
    frame = corpus.render_frame(np.random.default_rng(4), [])
    path = tmp_path / "page.jpg"
    cv2.imwrite(str(path), frame)
    return path


def test_a_usb_scanner_burst_fills_the_number(qtbot, scan_screen, tmp_path):
    scan_screen.frames = _no_barcode_frame(tmp_path)
    scan_screen.enter({"mode": "barcode"})
    scan_screen.manual_edit.setFocus()
    qtbot.keyClicks(scan_screen.manual_edit, "8099887766")  # a scanner: no pause between keys
    qtbot.keyClick(scan_screen.manual_edit, Qt.Key.Key_Return)
    assert scan_screen.result == {
        "mode": "barcode",
        "personal_number": "8099887766",
        "source": "scanner",
    }
    assert scan_screen.manual_edit.text() == "8099887766"


def test_a_person_typing_is_not_taken_for_a_scanner(qtbot, scan_screen, tmp_path):
    scan_screen.frames = _no_barcode_frame(tmp_path)
    scan_screen.enter({"mode": "barcode"})
    for char in "8099887766":
        qtbot.keyClick(scan_screen.manual_edit, char)
        qtbot.wait(60)
    qtbot.keyClick(scan_screen.manual_edit, Qt.Key.Key_Return)
    # Enter in the field is the user's own "use this number": delivered as typed, not scanned.
    assert scan_screen.result is None
    assert scan_screen.manual_edit.text() == "8099887766"


def test_no_camera_shows_why_and_manual_entry_still_works(qtbot, scan_screen, app_context):
    def broken(mode):
        raise KioskError("camera_unavailable", CAMERA_UNAVAILABLE)

    app_context.services["frame_source"] = broken
    scan_screen.enter({"mode": "barcode"})
    qtbot.waitUntil(lambda: scan_screen.error.isVisible(), timeout=5_000)
    assert scan_screen.error.text() == CAMERA_UNAVAILABLE.get(app_context.lang)
    scan_screen.manual_edit.setText("1012345678")
    with qtbot.waitSignal(scan_screen.sig_scanned):
        qtbot.mouseClick(scan_screen.manual_button, Qt.MouseButton.LeftButton)


def test_the_mrz_mode_reads_the_sample_data_page(qtbot, scan_screen):
    scan_screen.frames = _sample(DEMO["mrz"][0])
    scan_screen.enter({"mode": "mrz"})
    result = _wait_for_result(qtbot, scan_screen, timeout=30_000)
    assert result["mode"] == "mrz" and result["valid"] is True
    assert result["fields"]["document_number"]
    assert result["fields"]["document_number"] in scan_screen.result_label.text()
    assert not scan_screen.manual_row.isVisible()
    assert scan_screen.type_instead_button.isVisible()


def test_the_mrz_mode_lets_the_user_type_instead(qtbot, scan_screen, tmp_path):
    scan_screen.frames = _no_barcode_frame(tmp_path)
    scan_screen.enter({"mode": "mrz"})
    with qtbot.waitSignal(scan_screen.sig_scanned) as blocker:
        qtbot.mouseClick(scan_screen.type_instead_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0] == {"mode": "mrz", "manual": True}


def test_the_document_mode_takes_the_page_by_itself_and_delivers_the_pages(qtbot, scan_screen):
    scan_screen.frames = _sample(DEMO["document"][0])
    scan_screen.enter({"mode": "document"})
    qtbot.waitUntil(lambda: len(scan_screen.pages) == 1, timeout=30_000)
    assert scan_screen.done_button.isEnabled()
    assert "1" in scan_screen.pages_label.text()
    page = scan_screen.pages[0]
    assert page.jpeg[:2] == b"\xff\xd8"
    with qtbot.waitSignal(scan_screen.sig_scanned) as blocker:
        qtbot.mouseClick(scan_screen.done_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0] == {"mode": "document", "pages": [page]}


def test_the_manual_shutter_refuses_an_empty_tray_with_a_reason(qtbot, scan_screen, tmp_path):
    empty = tmp_path / "tray.jpg"
    cv2.imwrite(str(empty), np.full((720, 1280, 3), 60, np.uint8))
    scan_screen.frames = empty
    scan_screen.enter({"mode": "document"})
    qtbot.mouseClick(scan_screen.shutter_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: scan_screen.error.isVisible(), timeout=10_000)
    assert scan_screen.error.text()
    assert scan_screen.pages == []


def test_the_session_wipe_forgets_the_result_and_stops_the_camera(qtbot, scan_screen):
    scan_screen.enter({"mode": "barcode"})
    _wait_for_result(qtbot, scan_screen)
    scan_screen.manual_edit.setText("1012345678")
    scan_screen.wipe()
    assert scan_screen.result is None
    assert scan_screen.manual_edit.text() == ""
    assert scan_screen.preview.image is None
    assert not scan_screen.feed.running


def test_the_preview_shows_frames_while_scanning(qtbot, scan_screen, tmp_path):
    scan_screen.frames = _no_barcode_frame(tmp_path)
    scan_screen.enter({"mode": "barcode"})
    qtbot.waitUntil(lambda: scan_screen.preview.image is not None, timeout=5_000)
    assert scan_screen.preview.image.width() == 960


def test_frames_are_dropped_while_the_analyser_is_busy_and_the_preview_keeps_going(qtbot):
    results, previews = [], []

    def slow(frame):
        time.sleep(0.1)  # a decoder far slower than the camera
        return frame.shape

    image = _sample(SAMPLES[0]["file"])
    feed = CameraFeed(lambda: FileSource(image, loop=True, fps=60))
    feed.sig_result.connect(results.append)

    def on_preview(picture):
        previews.append(picture)
        feed.preview_taken()

    feed.sig_preview.connect(on_preview)
    feed.start(slow)
    try:
        qtbot.waitUntil(lambda: len(results) >= 3, timeout=10_000)
    finally:
        feed.stop()
    assert not feed.running
    assert feed.frames.dropped > 0
    assert len(previews) > len(results)


def test_the_screen_speaks_arabic_and_switches_to_english(qtbot, scan_screen):
    scan_screen.enter({"mode": "barcode"})
    assert scan_screen.title_label.text() == "مسح الرقم الشخصي"
    assert scan_screen.manual_button.text() == "استخدم هذا الرقم"
    scan_screen.ctx.language.set("en")
    assert scan_screen.title_label.text() == "Scan the personal number"
    assert scan_screen.manual_button.text() == "Use this number"
    # Numbers read left to right in both languages.
    assert scan_screen.manual_edit.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_demo_mode_plays_the_sample_family_one_person_after_the_other(
    qtbot, app_context, monkeypatch
):
    from ui.screens.scan import sources as scan_module

    monkeypatch.setattr(scan_module, "_demo_turns", {})
    assert app_context.config.demo and "frame_source" not in app_context.services
    screen = ScanScreen(app_context)
    qtbot.addWidget(screen)
    screen.resize(1280, 900)
    screen.show()
    qtbot.waitExposed(screen)
    numbers = []
    for _ in DEMO["barcode"]:
        screen.enter({"mode": "barcode"})
        numbers.append(_wait_for_result(qtbot, screen)["personal_number"])
        qtbot.mouseClick(screen.confirm_button, Qt.MouseButton.LeftButton)
    screen.reset()
    assert numbers == ["8023456781", "8034567812", "8045678123"]
