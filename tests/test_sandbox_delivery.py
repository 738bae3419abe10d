"""Delivery by the terminal, against the sandbox over real HTTP: an enrolled kiosk writes an
application for an account with X-Device-Id + X-Device-Token + X-Account-Id; submitting bills
the catalog fee; every step the applicant must know of is notified (e-account, SMS, e-mail)."""

from __future__ import annotations

import hashlib
import sqlite3
import uuid

import pytest
import requests

PASSPORT = b"\xff\xd8\xff\xe0" + bytes(range(256)) * 20


def _announce(content: bytes, document_type: str = "beneficiary_passport") -> dict:
    return {
        "attachment_id": str(uuid.uuid4()),
        "document_type": document_type,
        "content_type": "image/jpeg",
        "size": len(content),
        "sha256": hashlib.sha256(content).hexdigest(),
    }


def _family(beneficiaries: int, priority: str = "normal", attachments=()) -> dict:
    return {
        "service_id": "residence.family",
        "priority": priority,
        "data": {
            "applicant": {"full_name": "Omar Khaled Saleh"},
            "beneficiaries": [
                {"full_name": f"Child {i}", "passport_number": f"N76543{i:02d}"}
                for i in range(beneficiaries)
            ],
            "extra": {"renewal": False},
        },
        "attachments": list(attachments),
    }


@pytest.fixture(scope="module")
def kiosk(sandbox_server):
    """An enrolled terminal's device id and token."""
    device_id = f"TEST-KIOSK-{uuid.uuid4().hex[:8]}"
    answer = requests.post(
        f"{sandbox_server.url}/v1/devices",
        json={"device_id": device_id, "site": "post", "enrollment_code": "SANDBOX-ENROLL"},
        timeout=10,
    )
    assert answer.status_code == 201, answer.text
    return device_id, answer.json()["device_token"]


@pytest.fixture
def holder(sandbox_server):
    """A fresh active account: its id and a bearer header of its own session."""
    body = sandbox_server.register_individual()
    token = sandbox_server.login(body["username"], body["password"])
    profile = requests.get(
        f"{sandbox_server.url}/v1/account", headers={"Authorization": f"Bearer {token}"}, timeout=10
    ).json()
    return profile["account_id"], {"Authorization": f"Bearer {token}"}, body["username"]


def _device(kiosk, account_id: str) -> dict:
    device_id, token = kiosk
    return {"X-Device-Id": device_id, "X-Device-Token": token, "X-Account-Id": account_id}


def _deliver(url: str, headers: dict, body: dict, files: dict[str, bytes]) -> dict:
    """Announce, upload every file, commit: the submitted application."""
    key = {"Idempotency-Key": str(uuid.uuid4())}
    created = requests.post(f"{url}/v1/applications", json=body, headers=headers | key, timeout=10)
    assert created.status_code == 201, created.text
    app_url = f"{url}/v1/applications/{created.json()['application_id']}"
    for attachment_id, content in files.items():
        put = requests.put(
            f"{app_url}/attachments/{attachment_id}", data=content, headers=headers, timeout=10
        )
        assert put.status_code == 200 and put.json()["complete"], put.text
    committed = requests.post(f"{app_url}/commit", headers=headers, timeout=10)
    assert committed.status_code == 200, committed.text
    return committed.json()


def test_an_enrolled_kiosk_delivers_for_the_account_and_is_recorded_on_the_application(
    sandbox_server, kiosk, holder
):
    account_id, bearer, _ = holder
    passport = _announce(PASSPORT)
    body = _family(1, attachments=[passport])
    app = _deliver(
        sandbox_server.url, _device(kiosk, account_id), body, {passport["attachment_id"]: PASSPORT}
    )
    assert app["status"] == "submitted"

    # The account holder sees it as theirs, with its session.
    mine = requests.get(f"{sandbox_server.url}/v1/applications", headers=bearer, timeout=10).json()
    assert [a["application_id"] for a in mine["applications"]] == [app["application_id"]]
    with sqlite3.connect(sandbox_server.db_path) as db:
        (device_id,) = db.execute(
            "SELECT device_id FROM applications WHERE application_id = ?", (app["application_id"],)
        ).fetchone()
    assert device_id == kiosk[0]


def test_a_key_delivered_by_the_kiosk_and_resent_with_the_session_is_one_application(
    sandbox_server, kiosk, holder
):
    account_id, bearer, _ = holder
    body, key = _family(1, attachments=[_announce(PASSPORT)]), str(uuid.uuid4())
    url = f"{sandbox_server.url}/v1/applications"
    first = requests.post(
        url, json=body, headers=_device(kiosk, account_id) | {"Idempotency-Key": key}, timeout=10
    )
    again = requests.post(url, json=body, headers=bearer | {"Idempotency-Key": key}, timeout=10)
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["already_received"] is True
    assert again.json()["application_id"] == first.json()["application_id"]


def test_submitting_bills_the_urgent_fee_for_six_beneficiaries_once(sandbox_server, kiosk, holder):
    account_id, bearer, username = holder
    passport = _announce(PASSPORT)
    body = _family(6, "urgent", [passport])
    device = _device(kiosk, account_id)
    app = _deliver(sandbox_server.url, device, body, {passport["attachment_id"]: PASSPORT})
    (bill,) = app["bills"]
    assert (bill["amount"], bill["currency"], bill["status"]) == ("115.000", "JOD", "BillNew")

    again = requests.post(
        f"{sandbox_server.url}/v1/applications/{app['application_id']}/commit",
        headers=device,
        timeout=10,
    )
    assert len(again.json()["bills"]) == 1  # a repeated commit (a lost answer) bills nothing

    notes = requests.get(f"{sandbox_server.url}/v1/notifications", headers=bearer, timeout=10)
    kinds = [n["kind"] for n in notes.json()["notifications"]]
    assert kinds == ["status_changed", "bill_issued"]
    assert bill["billing_no"] in notes.json()["notifications"][1]["message"]["en"]
    sent = sandbox_server.outbox(username)
    assert any(bill["billing_no"] in m["body"] for m in sent if m["channel"] == "sms")
    assert any(bill["billing_no"] in m["body"] for m in sent if m["channel"] == "email")


def test_every_step_the_applicant_must_know_of_is_notified_and_sent(sandbox_server, kiosk, holder):
    account_id, bearer, username = holder
    passport = _announce(PASSPORT)
    app = _deliver(
        sandbox_server.url,
        _device(kiosk, account_id),
        _family(2, attachments=[passport]),
        {passport["attachment_id"]: PASSPORT},
    )
    app_id = app["application_id"]
    sandbox_server.officer("review", app_id)
    sandbox_server.officer("request-details", app_id, "--note", "أرفق عقد الإيجار")
    sandbox_server.officer("mark-paid", app["bills"][0]["billing_no"])
    sandbox_server.officer("approve", app_id)

    notes = requests.get(f"{sandbox_server.url}/v1/notifications", headers=bearer, timeout=10)
    kinds = [n["kind"] for n in notes.json()["notifications"]]
    assert kinds == [
        "status_changed",  # submitted
        "bill_issued",
        "status_changed",  # under review
        "details_requested",
        "bill_paid",
        "decision",
    ]
    sent = sandbox_server.outbox(username)
    assert [m["channel"] for m in sent].count("sms") == len(kinds)
    assert [m["channel"] for m in sent].count("email") == len(kinds)


@pytest.mark.parametrize(
    ("change", "status", "code"),
    [
        ({"X-Device-Token": "not-the-token"}, 401, "invalid_device_token"),
        ({"X-Device-Id": "OTHER-KIOSK-99"}, 401, "invalid_device_token"),
        ({"X-Account-Id": None}, 401, "not_authenticated"),
        ({"X-Device-Token": None}, 401, "invalid_device_token"),
        ({"X-Account-Id": "ACC-999999"}, 403, "unknown_account"),
        ({"X-Account-Id": "someone"}, 400, "malformed_request"),
    ],
)
def test_delivery_credentials_are_checked_like_a_heartbeat(
    sandbox_server, kiosk, holder, change, status, code
):
    headers = {k: v for k, v in (_device(kiosk, holder[0]) | change).items() if v is not None}
    answer = requests.post(
        f"{sandbox_server.url}/v1/applications",
        json=_family(1),
        headers=headers | {"Idempotency-Key": str(uuid.uuid4())},
        timeout=10,
    )
    assert (answer.status_code, answer.json()["code"]) == (status, code)


def test_a_kiosk_cannot_deliver_for_an_account_pending_activation(sandbox_server, kiosk):
    accounts = sandbox_server.officer_json("accounts")
    pending = next(a for a in accounts if a["status"] == "pending")
    answer = requests.post(
        f"{sandbox_server.url}/v1/applications",
        json=_family(1),
        headers=_device(kiosk, pending["account_id"]) | {"Idempotency-Key": str(uuid.uuid4())},
        timeout=10,
    )
    assert (answer.status_code, answer.json()["code"]) == (403, "account_pending")


def test_reads_stay_with_the_account_holders_session(sandbox_server, kiosk, holder):
    device = _device(kiosk, holder[0])
    for path in ("/v1/applications", "/v1/bills", "/v1/notifications", "/v1/account"):
        answer = requests.get(f"{sandbox_server.url}{path}", headers=device, timeout=10)
        assert (answer.status_code, answer.json()["code"]) == (401, "not_authenticated"), path
