"""Applications end to end against the sandbox through the kiosk's client, over real HTTP:
announce → resumable upload → commit, exactly-once keys, details, edits, bills, approval."""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid

import pytest

from kiosk.api import CentralApi, Ok, Rejected
from sandbox.times import add_months

PASSPORT = b"\xff\xd8\xff\xe0" + bytes(range(256)) * 40  # a JPEG-looking 10 kB file
FAMILY_BOOK = b"%PDF-1.4\n" + b"family book page\n" * 200


def _announce(content: bytes, document_type: str, content_type: str = "image/jpeg") -> dict:
    return {
        "attachment_id": str(uuid.uuid4()),
        "document_type": document_type,
        "content_type": content_type,
        "size": len(content),
        "sha256": hashlib.sha256(content).hexdigest(),
    }


@pytest.fixture
def api(sandbox_server):
    client = CentralApi(sandbox_server.url, retries=0)
    body = sandbox_server.register_individual()
    assert client.login(body["username"], body["password"]).ok
    yield client
    client.close()


def _application(attachments: list[dict]) -> dict:
    return {
        "service_id": "residence.family",
        "priority": "normal",
        "data": {
            "applicant": {"full_name": "Omar Khaled Saleh"},
            "beneficiaries": [{"full_name": "Sara Omar", "passport_number": "N7654321"}],
        },
        "attachments": attachments,
    }


def _submitted(api: CentralApi) -> str:
    """A submitted application with its passport uploaded; its id."""
    passport = _announce(PASSPORT, "beneficiary_passport")
    app_id = api.create_application(
        _application([passport]), str(uuid.uuid4())
    ).value.application_id
    api.upload_attachment(app_id, passport["attachment_id"], PASSPORT, 0, len(PASSPORT))
    assert api.commit_application(app_id).value.status == "submitted"
    return app_id


def test_same_key_and_body_is_the_same_application_and_a_different_body_is_refused(api):
    key = str(uuid.uuid4())
    body = _application([_announce(PASSPORT, "beneficiary_passport")])
    first = api.create_application(body, key)
    assert isinstance(first, Ok) and first.status == 201 and first.value.status == "receiving"
    again = api.create_application(body, key)
    assert again.status == 200 and again.replayed and again.value.already_received
    assert again.value.application_id == first.value.application_id

    changed = api.create_application(body | {"priority": "urgent"}, key)
    assert isinstance(changed, Rejected) and (changed.status, changed.code) == (
        409,
        "idempotency_conflict",
    )
    assert len(api.applications().value) == 1


def test_attachments_upload_resumably_and_a_damaged_file_is_discarded(api):
    passport = _announce(PASSPORT, "beneficiary_passport")
    created = api.create_application(_application([passport]), str(uuid.uuid4())).value
    app_id, att_id = created.application_id, passport["attachment_id"]

    early = api.commit_application(app_id)
    assert isinstance(early, Rejected) and early.code == "attachments_incomplete"

    half = len(PASSPORT) // 2
    assert api.upload_attachment(app_id, att_id, PASSPORT[:half], 0, len(PASSPORT)).ok
    # The connection dropped and the kiosk lost track: it asks where to resume.
    wrong = api.upload_attachment(app_id, att_id, PASSPORT[half + 10 :], half + 10, len(PASSPORT))
    assert isinstance(wrong, Rejected) and wrong.code == "upload_offset_mismatch"
    state = api.attachment_state(app_id, att_id).value
    assert (state.received_bytes, state.complete) == (half, False)
    done = api.upload_attachment(app_id, att_id, PASSPORT[half:], half, len(PASSPORT))
    assert done.ok and done.value.complete

    damaged = _announce(FAMILY_BOOK, "family_book", "application/pdf")
    other = api.create_application(_application([damaged]), str(uuid.uuid4())).value
    corrupt = FAMILY_BOOK[:-1] + b"X"
    refused = api.upload_attachment(
        other.application_id, damaged["attachment_id"], corrupt, 0, len(corrupt)
    )
    assert isinstance(refused, Rejected) and refused.code == "hash_mismatch"
    state = api.attachment_state(other.application_id, damaged["attachment_id"]).value
    assert state.received_bytes == 0


def test_application_goes_from_details_requested_to_approval_valid_six_months(api, sandbox_server):
    passport = _announce(PASSPORT, "beneficiary_passport")
    app = api.create_application(_application([passport]), str(uuid.uuid4())).value
    app_id = app.application_id
    api.upload_attachment(app_id, passport["attachment_id"], PASSPORT, 0, len(PASSPORT))
    submitted = api.commit_application(app_id)
    assert submitted.value.status == "submitted"
    assert api.commit_application(app_id).value.status == "submitted"  # a repeat is harmless

    sandbox_server.officer(
        "request-details", app_id,
        "--fields", "beneficiaries.0.passport_number",
        "--documents", "family_book",
        "--note", "يرجى تصحيح رقم الجواز وإرفاق دفتر العائلة",
    )  # fmt: skip
    asked = api.application(app_id).value
    assert asked.status == "details_requested"
    assert asked.details_request.fields == ("beneficiaries.0.passport_number",)
    assert asked.details_request.documents == ("family_book",)

    not_asked = api.edit_application(app_id, {"applicant.full_name": "X"}, str(uuid.uuid4()))
    assert isinstance(not_asked, Rejected) and not_asked.code == "field_not_requested"
    edited = api.edit_application(
        app_id, {"beneficiaries.0.passport_number": "N7654329"}, str(uuid.uuid4())
    ).value
    assert edited.data["beneficiaries"][0]["passport_number"] == "N7654329"
    assert edited.status == "details_requested"  # the family book is still missing

    book = _announce(FAMILY_BOOK, "family_book", "application/pdf")
    details = api.add_details(app_id, "دفتر العائلة مرفق", [book], str(uuid.uuid4())).value
    api.upload_attachment(app_id, book["attachment_id"], FAMILY_BOOK, 0, len(FAMILY_BOOK))
    sent = api.commit_details(app_id, details.details_id)
    assert sent.ok and sent.value.committed
    assert api.application(app_id).value.status == "under_review"

    not_yet = api.approval_notice(app_id)
    assert isinstance(not_yet, Rejected) and not_yet.code == "not_approved"
    sandbox_server.officer("approve", app_id)
    notice = api.approval_notice(app_id).value
    approved_on = dt.date.fromisoformat(notice.approval_date)
    assert notice.valid_until == add_months(approved_on, 6).isoformat()
    assert notice.beneficiaries == ("Sara Omar",)
    statuses = [h.status for h in api.application(app_id).value.history]
    assert statuses[0] == "receiving" and statuses[-1] == "approved"
    assert "details_requested" in statuses and "under_review" in statuses


def test_bill_is_issued_in_jod_with_three_decimals_and_paid_once(api, sandbox_server):
    app_id = _submitted(api)
    (fee,) = api.bills(app_id).value  # submitting bills the catalog fee: 2 JOD × 1 beneficiary
    assert (fee.amount, fee.status) == ("2.000", "BillNew")
    assert api.commit_application(app_id).ok and len(api.bills(app_id).value) == 1

    issued = sandbox_server.officer_json("bill", app_id, "--amount", "2")
    bill = next(b for b in api.bills(app_id).value if b.billing_no == issued["billing_no"])
    assert (bill.amount, bill.status) == ("2.000", "BillNew")
    assert str(bill.amount_jod) == "2.000"

    assert "paid" in sandbox_server.officer("mark-paid", bill.billing_no, "--reference", "TRX1")
    assert "already paid" in sandbox_server.officer("mark-paid", bill.billing_no)
    paid = api.bill(bill.billing_no).value
    assert paid.paid and paid.paid_at

    refused = sandbox_server.officer("bill", app_id, "--amount", "1.2345", check=False)
    assert refused == ""


def test_notifications_arrive_once_after_a_cursor(api, sandbox_server):
    app_id = _submitted(api)
    first = api.notifications().value
    assert [n.kind for n in first.notifications] == ["status_changed", "bill_issued"]

    sandbox_server.officer("reject", app_id, "--reason", "المستندات غير مكتملة")
    later = api.notifications(since=first.next_cursor).value
    assert [n.kind for n in later.notifications] == ["decision"]
    assert later.notifications[0].application_id == app_id
    assert api.notifications(since=later.next_cursor).value.notifications == []


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2025, 1, 15), dt.date(2025, 7, 15)),
        (dt.date(2025, 8, 31), dt.date(2026, 2, 28)),
        (dt.date(2023, 8, 31), dt.date(2024, 2, 29)),
        (dt.date(2025, 12, 1), dt.date(2026, 6, 1)),
    ],
)
def test_approval_validity_is_six_calendar_months_clamped_to_the_month_end(day, expected):
    assert add_months(day, 6) == expected
