"""My requests, answering the ministry, payment and approval, driven through the real screens
(pytest-qt) against the sandbox over HTTP, with the kiosk's real outbox and delivery worker."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import re
import sqlite3
import uuid

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from kiosk.api import CentralApi
from kiosk.session import SignedIn
from kiosk.texts import Bilingual
from tests.fixtures.receipts import logical_text
from tests.fixtures.ui import type_text
from ui import services

PASSPORT = b"\xff\xd8\xff\xe0" + bytes(range(256)) * 40  # a JPEG-looking 10 kB file
WAIT_MS = 20_000
ARABIC = re.compile(r"[\u0600-\u06FF]")
LATIN = re.compile(r"[A-Za-z]{3,}")


@pytest.fixture
def kiosk(kiosk_window, sandbox_server):
    """The whole kiosk talking to the session's sandbox."""
    ctx = kiosk_window.ctx
    ctx.api = CentralApi(sandbox_server.url, retries=0)
    yield kiosk_window
    ctx.tasks.wait()
    services.stop_sync(ctx)
    ctx.api.close()


@pytest.fixture
def person(kiosk, sandbox_server):
    """A fresh individual account, signed in on the kiosk; its registration body and id."""
    body = sandbox_server.register_individual()
    info = kiosk.ctx.api.login(body["username"], body["password"]).value
    kiosk.ctx.session.sign_in(SignedIn(info.account.account_id, body["username"], "individual"))
    return body | {"account_id": info.account.account_id}


def _submitted(sandbox_server, person) -> str:
    """An application submitted (from another kiosk, say) for the person; its id."""
    api = CentralApi(sandbox_server.url, retries=0)
    try:
        assert api.login(person["username"], person["password"]).ok
        attachment = {
            "attachment_id": str(uuid.uuid4()),
            "document_type": "beneficiary_passport",
            "content_type": "image/jpeg",
            "size": len(PASSPORT),
            "sha256": hashlib.sha256(PASSPORT).hexdigest(),
        }
        body = {
            "service_id": "residence.family",
            "priority": "normal",
            "data": {
                "applicant": {"full_name": "Omar Khaled Saleh", "phone": "0795551234"},
                "beneficiaries": [
                    {"full_name": "Sara Omar", "passport_number": "N7654321"},
                    {"full_name": "Adam Omar", "passport_number": "N1112223"},
                ],
            },
            "attachments": [attachment],
        }
        app = api.create_application(body, str(uuid.uuid4())).value
        api.upload_attachment(
            app.application_id, attachment["attachment_id"], PASSPORT, 0, len(PASSPORT)
        )
        assert api.commit_application(app.application_id).value.status == "submitted"
        return app.application_id
    finally:
        api.close()


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _server_application(sandbox_server, app_id: str) -> dict:
    return json.loads(sandbox_server.officer("show", app_id))


def _send_and_wait_for_the_family_book(qtbot, add, sandbox_server, app_id: str) -> list[bytes]:
    """Send the details; once delivered (the request is back under review), the family book's
    bytes as the sandbox holds them."""
    _click(qtbot, add.send_button)
    qtbot.waitUntil(lambda: add.done, timeout=WAIT_MS)
    qtbot.waitUntil(
        lambda: _server_application(sandbox_server, app_id)["status"] == "under_review",
        timeout=WAIT_MS,
    )
    with sqlite3.connect(sandbox_server.db_path) as db:
        rows = db.execute(
            "SELECT received FROM attachments WHERE application_id = ? AND document_type = ?",
            (app_id, "family_book"),
        ).fetchall()
    return [bytes(row[0]) for row in rows]


def _click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _open(qtbot, kiosk, name: str, params: dict):
    kiosk.navigator.go(name, params)
    screen = kiosk.navigator.current
    assert screen.name == name
    return screen


def _detail(qtbot, kiosk, app_id: str, until=lambda screen: True):
    screen = _open(qtbot, kiosk, "requests.detail", {"application_id": app_id})
    qtbot.waitUntil(lambda: screen.application is not None and until(screen), timeout=WAIT_MS)
    return screen


def _refresh_until(qtbot, screen, until) -> None:
    """Press refresh until `until(screen)` (the server moves on in the background)."""

    def check():
        if until(screen):
            return True
        if screen.refresh_button.isEnabled():
            _click(qtbot, screen.refresh_button)
        return False

    qtbot.waitUntil(check, timeout=WAIT_MS)


def test_my_requests_lists_the_application_with_its_status(qtbot, kiosk, person, sandbox_server):
    app_id = _submitted(sandbox_server, person)
    sandbox_server.officer("review", app_id)
    screen = _open(qtbot, kiosk, "requests", {})
    qtbot.waitUntil(lambda: app_id in screen.row_buttons, timeout=WAIT_MS)
    row = screen.row_buttons[app_id].text()
    assert screen.texts.status("awaiting_payment") in row  # submitting issued the fee's bill
    assert "إقامة" in row  # the service's Arabic name from the catalog
    _click(qtbot, screen.row_buttons[app_id])
    qtbot.waitUntil(lambda: kiosk.navigator.current.name == "requests.detail", timeout=WAIT_MS)
    detail = kiosk.navigator.current
    qtbot.waitUntil(lambda: detail.application is not None, timeout=WAIT_MS)
    assert app_id in detail.summary_text.text()
    assert not detail.asked_box.isVisible() and not detail.decision_box.isVisible()


def test_details_requested_are_answered_through_the_outbox_exactly_once(
    qtbot, kiosk, person, sandbox_server
):
    app_id = _submitted(sandbox_server, person)
    note = "يرجى تصحيح رقم جواز المستدعى له الأول وإرفاق دفتر العائلة"
    sandbox_server.officer(
        "request-details", app_id,
        "--fields", "beneficiaries.0.passport_number",
        "--documents", "family_book",
        "--note", note,
    )  # fmt: skip
    before = _server_application(sandbox_server, app_id)["data"]

    detail = _detail(qtbot, kiosk, app_id)
    assert detail.asked_box.isVisible()
    assert detail.asked_note.text() == note
    asked_field = detail.texts.field("beneficiaries.0.passport_number")
    assert asked_field in detail.asked_fields.text()
    assert "دفتر العائلة" in detail.asked_documents.text()
    timeline = detail.timeline.text().splitlines()
    assert detail.texts.status("details_requested") in timeline[0] and note in timeline[0]

    # Edit request: exactly the requested field, prefilled with its current value.
    _click(qtbot, detail.edit_button)
    edit = kiosk.navigator.current
    assert edit.name == "requests.edit"
    qtbot.waitUntil(lambda: bool(edit.rows), timeout=WAIT_MS)
    assert list(edit.rows) == ["beneficiaries.0.passport_number"]
    row = edit.rows["beneficiaries.0.passport_number"]
    assert row.edit.text() == "N7654321" and row.label.text() == asked_field
    row.edit.setText("n7654329")
    _click(qtbot, edit.send_button)
    qtbot.waitUntil(lambda: edit.done, timeout=WAIT_MS)
    assert edit.notice.isVisible() and edit.back_button.isVisible()

    def edited():
        data = _server_application(sandbox_server, app_id)["data"]
        return data["beneficiaries"][0]["passport_number"] == "N7654329"

    qtbot.waitUntil(edited, timeout=WAIT_MS)
    after = _server_application(sandbox_server, app_id)["data"]
    before["beneficiaries"][0]["passport_number"] = "N7654329"
    assert after == before  # nothing else changed

    # Add details: a note and a page photographed with the document camera.
    _click(qtbot, edit.back_button)
    detail = kiosk.navigator.current
    assert detail.name == "requests.detail"
    _refresh_until(qtbot, detail, lambda s: "✓" in s.asked_fields.text())
    _click(qtbot, detail.add_button)
    add = kiosk.navigator.current
    assert add.name == "requests.add"
    qtbot.waitUntil(lambda: "family_book" in add.type_buttons, timeout=WAIT_MS)
    assert add.document_type == "family_book"
    type_text(add.note, "مرفق دفتر العائلة")
    _click(qtbot, add.photo_button)
    scan = kiosk.navigator.current
    assert scan.name == "scan" and scan.mode == "document"
    qtbot.waitUntil(lambda: bool(scan.pages), timeout=WAIT_MS)
    _click(qtbot, scan.done_button)
    qtbot.waitUntil(lambda: kiosk.navigator.current is add, timeout=WAIT_MS)
    assert len(add.attachments) == 1 and add.note.toPlainText() == "مرفق دفتر العائلة"
    page = add.attachments[0].data
    pages = _send_and_wait_for_the_family_book(qtbot, add, sandbox_server, app_id)
    assert pages == [page]
    with sqlite3.connect(sandbox_server.db_path) as db:
        details = db.execute(
            "SELECT note, committed FROM details WHERE application_id = ?", (app_id,)
        ).fetchall()
    assert details == [("مرفق دفتر العائلة", 1)]
    kiosk.ctx.tasks.wait()
    outbox = services.open_outbox(kiosk.ctx)
    qtbot.waitUntil(lambda: not outbox.pending_for(person["account_id"]), timeout=WAIT_MS)
    _click(qtbot, add.back_button)
    detail = kiosk.navigator.current
    _refresh_until(qtbot, detail, lambda s: not s.asked_box.isVisible())
    assert detail.timeline.text().splitlines()[0].endswith(detail.texts.status("under_review"))
    assert "edited" not in detail.timeline.text()


def test_the_bill_is_shown_printed_and_updated_when_paid_then_the_approval_prints(
    qtbot, kiosk, person, sandbox_server
):
    app_id = _submitted(sandbox_server, person)  # submitting issued the fee's bill

    detail = _detail(qtbot, kiosk, app_id)
    (bill,) = detail.application.bills
    number = bill.billing_no
    assert bill.amount == "4.000"  # 2 JOD for each of the 2 beneficiaries
    assert number in detail.slip_buttons
    bill_text = detail.findChild(type(detail.summary_text), "billDue").text()
    assert number in bill_text and "4.000" in bill_text and bill.due_date in bill_text
    assert detail.texts.status("awaiting_payment") in detail.summary_text.text()

    _click(qtbot, detail.slip_buttons[number])
    preview = kiosk.navigator.current
    assert preview.name == "printing.preview"
    qtbot.waitUntil(lambda: preview.state == "ready", timeout=WAIT_MS)
    text = logical_text(preview.pdf)
    assert number in text.replace(" ", "") and app_id in text and "4.000 JOD" in text

    sandbox_server.officer("mark-paid", number)
    kiosk.navigator.back()
    detail = kiosk.navigator.current
    qtbot.waitUntil(lambda: not detail.slip_buttons, timeout=WAIT_MS)
    assert detail.findChild(type(detail.summary_text), "billPaid") is not None
    assert detail.texts.status("paid") in detail.summary_text.text()

    sandbox_server.officer("approve", app_id)
    _refresh_until(qtbot, detail, lambda s: s.approval_button.isVisible())
    approval = detail.application.approval
    assert approval.valid_until in detail.decision_text.text()
    _click(qtbot, detail.approval_button)
    qtbot.waitUntil(lambda: kiosk.navigator.current.name == "printing.preview", timeout=WAIT_MS)
    preview = kiosk.navigator.current
    qtbot.waitUntil(lambda: preview.state == "ready", timeout=WAIT_MS)
    text = logical_text(preview.pdf)
    year, month, day = approval.valid_until.split("-")
    assert app_id in text and f"{day}/{month}/{year}" in text and "Sara Omar" in text


def test_a_rejected_request_shows_the_reason(qtbot, kiosk, person, sandbox_server):
    app_id = _submitted(sandbox_server, person)
    sandbox_server.officer("reject", app_id, "--reason", "الوثائق غير مكتملة")
    detail = _detail(qtbot, kiosk, app_id)
    assert detail.decision_box.isVisible() and not detail.approval_button.isVisible()
    assert "الوثائق غير مكتملة" in detail.decision_text.text()
    assert detail.texts.status("rejected") in detail.summary_text.text()


def test_the_badge_counts_new_notifications_and_the_inbox_shows_them(
    qtbot, kiosk, person, sandbox_server
):
    app_id = _submitted(sandbox_server, person)
    badge = kiosk.notifications_badge
    kiosk.navigator.go("requests", {})  # the first screen after logging in: the first poll
    qtbot.waitUntil(lambda: badge.count == 2, timeout=WAIT_MS)  # received, and its bill
    assert badge.isVisible() and "(2)" in badge.text()

    sandbox_server.officer("review", app_id)
    badge.model.poll()
    qtbot.waitUntil(lambda: badge.count == 3, timeout=WAIT_MS)

    _click(qtbot, badge)
    inbox = kiosk.navigator.current
    assert inbox.name == "requests.inbox"
    assert badge.count == 0 and "(" not in badge.text()
    texts = [w.text() for w in inbox.rows_box.findChildren(type(inbox.empty))]
    assert any("قيد الدراسة" in t and app_id in t for t in texts)  # newest first
    _click(qtbot, inbox.row_buttons[0])
    assert kiosk.navigator.current.name == "requests.detail"

    kiosk.end_session()
    assert not badge.isVisible() and badge.model.items == [] and badge.count == 0


def test_offline_the_saved_requests_are_still_listed_with_a_clear_message(
    qtbot, kiosk, person, sandbox_server
):
    outbox = services.open_outbox(kiosk.ctx)
    data = {"applicant": {"full_name": "Omar Khaled Saleh"}}
    args = (person["account_id"], "residence.family", "normal", data, [], "")
    sealed = outbox.seal_application(*args, _now())
    refused = outbox.seal_application(*args, _now())
    reason = Bilingual("رفضت الوزارة الطلب: البيانات ناقصة", "Refused: incomplete data")
    outbox.needs_attention(refused.item_id, "invalid_value", reason)
    dead = CentralApi("http://127.0.0.1:9", retries=0)
    dead._token = "expired-anyway"
    kiosk.ctx.api, live = dead, kiosk.ctx.api
    try:
        screen = _open(qtbot, kiosk, "requests", {})
        qtbot.waitUntil(lambda: screen.failure.isVisible(), timeout=WAIT_MS)
        assert screen.local_title.isVisible()
        texts = [w.text() for w in screen.findChildren(type(screen.empty))]
        assert any(sealed.reference in t for t in texts)
        assert any(refused.reference in t for t in texts)
        assert any(
            reason.ar in t and screen.texts.local_state("needs_attention") in t for t in texts
        )
        assert not screen.row_buttons
    finally:
        kiosk.ctx.api = live
        dead.close()


def test_the_session_end_forgets_every_request_shown(qtbot, kiosk, person, sandbox_server):
    app_id = _submitted(sandbox_server, person)
    sandbox_server.officer("reject", app_id, "--reason", "سبب خاص")
    detail = _detail(qtbot, kiosk, app_id)
    add = _open(qtbot, kiosk, "requests.add", {"application_id": app_id})
    type_text(add.note, "ملاحظة خاصة")
    add.enter(
        {
            "application_id": app_id,
            "file": {"name": "a.pdf", "content_type": "application/pdf", "data": b"%PDF-1"},
        }
    )
    assert len(add.attachments) == 1
    listing = _open(qtbot, kiosk, "requests", {})
    qtbot.waitUntil(lambda: app_id in listing.row_buttons, timeout=WAIT_MS)
    badge = kiosk.notifications_badge
    badge.model.poll()
    qtbot.waitUntil(lambda: bool(badge.model.items), timeout=WAIT_MS)
    listing.load()  # still on its way when the session ends: its answer is dropped
    kiosk.end_session()
    kiosk.ctx.tasks.wait()
    qtbot.wait(50)
    assert detail.request is None and detail.application_id == ""
    assert listing.overview is None and not listing.row_buttons
    assert add.attachments == [] and add.note.toPlainText() == "" and add.request is None
    assert badge.model.items == [] and not badge.isVisible()
    for screen in (detail, listing, add):
        texts = [w.text() for w in screen.findChildren(type(screen.notice))]
        assert not any(app_id in t or "سبب خاص" in t or "a.pdf" in t for t in texts)


def test_an_answer_the_ministry_refuses_needs_attention_with_its_reason(
    qtbot, kiosk, person, sandbox_server
):
    app_id = _submitted(sandbox_server, person)  # nothing is asked: an edit is refused
    outbox = services.open_outbox(kiosk.ctx)
    outbox.seal_edit(person["account_id"], app_id, {"applicant.full_name": "X"}, _now())
    services.sync(kiosk.ctx).wake()

    def refused():
        items = outbox.pending_for(person["account_id"])
        return items and items[0].state == "needs_attention"

    qtbot.waitUntil(refused, timeout=WAIT_MS)
    (item,) = outbox.pending_for(person["account_id"])
    detail = _detail(qtbot, kiosk, app_id)
    assert detail.local_box.isVisible()
    texts = "\n".join(w.text() for w in detail.local_box.findChildren(type(detail.notice)))
    assert detail.texts.local_state("needs_attention") in texts
    assert item.problem.message.ar in texts


def test_add_details_takes_a_file_from_a_usb_stick(qtbot, kiosk, person, sandbox_server, tmp_path):
    stick = tmp_path / "media" / "USB"
    stick.mkdir(parents=True)
    book = b"%PDF-1.4\n" + b"family book\n" * 100
    (stick / "family-book.pdf").write_bytes(book)
    (stick / "renamed.pdf").write_bytes(PASSPORT)  # a picture with a PDF's name
    kiosk.ctx.config = dataclasses.replace(
        kiosk.ctx.config,
        scan=dataclasses.replace(kiosk.ctx.config.scan, import_dirs=(str(tmp_path / "media"),)),
    )
    app_id = _submitted(sandbox_server, person)
    sandbox_server.officer("request-details", app_id, "--documents", "family_book")

    add = _open(qtbot, kiosk, "requests.add", {"application_id": app_id})
    qtbot.waitUntil(lambda: add.document_type == "family_book", timeout=WAIT_MS)
    _click(qtbot, add.file_button)
    files = kiosk.navigator.current
    assert files.name == "requests.files"
    qtbot.waitUntil(lambda: len(files.file_buttons) == 2, timeout=WAIT_MS)
    _click(qtbot, files.file_buttons["renamed.pdf"])
    qtbot.waitUntil(lambda: files.failure.isVisible(), timeout=WAIT_MS)
    assert kiosk.navigator.current is files
    _click(qtbot, files.file_buttons["family-book.pdf"])
    qtbot.waitUntil(lambda: kiosk.navigator.current is add, timeout=WAIT_MS)
    (attachment,) = add.attachments
    assert (attachment.document_type, attachment.content_type) == ("family_book", "application/pdf")
    assert _send_and_wait_for_the_family_book(qtbot, add, sandbox_server, app_id) == [book]


def test_the_requests_screens_speak_arabic(qtbot, kiosk, person, sandbox_server):
    app_id = _submitted(sandbox_server, person)
    sandbox_server.officer(
        "request-details", app_id, "--fields", "beneficiaries.1.full_name", "--note", "تصحيح"
    )
    kiosk.notifications_badge.model.poll()
    screens = [
        ("requests", {}, lambda s: app_id in s.row_buttons),
        ("requests.detail", {"application_id": app_id}, lambda s: s.application is not None),
        ("requests.edit", {"application_id": app_id}, lambda s: bool(s.rows)),
        ("requests.add", {"application_id": app_id}, lambda s: s.application is not None),
        ("requests.inbox", {}, lambda s: bool(s.row_buttons)),
        ("requests.files", {}, lambda s: s.found is not None),
    ]
    leftovers = []
    for name, params, ready in screens:
        screen = _open(qtbot, kiosk, name, params)
        qtbot.waitUntil(lambda s=screen, r=ready: r(s), timeout=WAIT_MS)
        for root in (screen, kiosk.header):
            for widget in root.findChildren(QLabel) + root.findChildren(QPushButton):
                text = widget.text().strip()
                if widget.isVisibleTo(root) and LATIN.search(text) and not ARABIC.search(text):
                    if text not in ("English",):
                        leftovers.append(f"{name}: {text!r}")
    assert leftovers == []
