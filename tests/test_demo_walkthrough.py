"""The newcomer's walk-through of README, in demo mode: nothing configured, nothing stood in.

The kiosk starts its own embedded sandbox; the demo account logs in; the family-residence request
is filled by scanning the bundled sample passports and numbers (demo mode's camera) and
photographing the sample document; the network goes away (the sandbox process is frozen, as
README says: SIGSTOP) and sending still gives a receipt; when it comes back the request arrives
once; the officer's command line asks for details, marks the bill paid and approves; the user
answers, sees it paid, and prints the approval notice.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys

import pytest

from tests.fixtures.receipts import logical_text
from tests.fixtures.ui import dispose_window, type_text
from tests.test_ui_apply_helpers import make_wizard, photograph_every_document, start_request
from tests.test_ui_requests import _refresh_until
from ui.services import open_outbox, stop_sync

WAIT_MS = 60_000


@pytest.fixture
def demo_kiosk(qtbot, tmp_path):
    wizard = make_wizard(qtbot, None, tmp_path)
    del wizard.ctx.services["frame_source"]  # demo mode's own samples, as a newcomer sees them
    yield wizard
    sandbox = wizard.ctx.services.get("demo_sandbox")
    if sandbox is not None and sandbox.pid is not None:
        os.kill(sandbox.pid, signal.SIGCONT)
    stop_sync(wizard.ctx)
    dispose_window(wizard.window)
    if sandbox is not None:
        sandbox.stop()


def officer(wizard, *args: str) -> str:
    db = str(wizard.ctx.services["demo_sandbox"].db_path)
    command = [sys.executable, "-m", "sandbox", "officer", "--db", db, *args]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def add_scanned_person(wizard, relation: str) -> None:
    wizard.click(wizard.screen("apply.beneficiaries").add_button)
    form = wizard.wait_screen("apply.beneficiary")
    wizard.click(form.scan_passport_button)
    wizard.scan_until_result()
    form = wizard.wait_screen("apply.beneficiary")
    wizard.click(form.scan_number_button)
    wizard.scan_until_result()
    form = wizard.wait_screen("apply.beneficiary")
    wizard.click(form.relation.buttons[relation])
    wizard.click(form.save_button)
    wizard.wait_screen("apply.beneficiaries")


@pytest.mark.slow
def test_the_readme_walk_through_in_demo_mode(demo_kiosk):
    wizard = demo_kiosk
    assert wizard.ctx.config.demo
    wizard.sign_in("demo.individual", "Demo-1234")
    general = start_request(wizard, "residence", "residence.family")
    wizard.click(general.next_button)
    applicant = wizard.wait_screen("apply.applicant")
    wizard.qtbot.waitUntil(lambda: applicant.name_field.value != "", timeout=WAIT_MS)
    wizard.click(applicant.sex.buttons["M"])
    wizard.type(applicant.residence, (dt.date.today() + dt.timedelta(days=365)).isoformat())
    wizard.click(applicant.next_button)
    wizard.wait_screen("apply.beneficiaries")
    add_scanned_person(wizard, "spouse")
    add_scanned_person(wizard, "child")
    beneficiaries = wizard.screen("apply.beneficiaries")
    assert len(beneficiaries.cards) == 2
    wizard.click(beneficiaries.next_button)
    wizard.wait_screen("apply.attachments")
    assert photograph_every_document(wizard, show=False) > 0
    wizard.click(wizard.screen("apply.attachments").next_button)
    review = wizard.wait_screen("apply.review")
    assert review.problems == [], [p.code for p in review.problems]

    # The network goes away: the receipt still comes, with the kiosk's own reference.
    sandbox = wizard.ctx.services["demo_sandbox"]
    os.kill(sandbox.pid, signal.SIGSTOP)
    wizard.click(review.send_button)
    sent = wizard.wait_screen("apply.sent", timeout=WAIT_MS)
    assert not sent.delivered and sent.reference.startswith("KSK-")
    assert sent.receipt["delivery"] == "saved_offline"

    # It comes back: the request arrives, once.
    os.kill(sandbox.pid, signal.SIGCONT)
    outbox = open_outbox(wizard.ctx)
    wizard.qtbot.waitUntil(
        lambda: outbox.status()["sealed"] + outbox.status()["sending"] == 0, timeout=WAIT_MS
    )
    (receipt,) = outbox.receipts_for(wizard.ctx.session.user.account_id)
    app_id = receipt.remote_id
    listed = [line for line in officer(wizard, "applications").splitlines() if app_id in line]
    assert len(listed) == 1

    # The ministry asks for more details; the user answers with a note.
    officer(wizard, "review", app_id)
    officer(wizard, "request-details", app_id, "--note", "أرفق صورة عقد الإيجار")
    wizard.window.navigator.go("requests.detail", {"application_id": app_id})
    detail = wizard.wait_screen("requests.detail")
    _refresh_until(wizard.qtbot, detail, lambda s: s.asked_box.isVisible())
    wizard.click(detail.add_button)
    add = wizard.wait_screen("requests.add")
    type_text(add.note, "عقد الإيجار مرفق")
    wizard.click(add.send_button)
    wizard.qtbot.waitUntil(lambda: add.done, timeout=WAIT_MS)
    wizard.qtbot.waitUntil(
        lambda: server(wizard, app_id)["status"] == "under_review", timeout=WAIT_MS
    )

    # The bill is paid at a payment point; the ministry approves; the notice prints.
    (bill,) = server(wizard, app_id)["bills"]
    officer(wizard, "mark-paid", bill["billing_no"])
    officer(wizard, "approve", app_id)
    wizard.window.navigator.go("requests.detail", {"application_id": app_id})
    detail = wizard.wait_screen("requests.detail")
    _refresh_until(wizard.qtbot, detail, lambda s: s.approval_button.isVisible())
    assert detail.findChild(type(detail.summary_text), "billPaid") is not None
    wizard.click(detail.approval_button)
    preview = wizard.wait_screen("printing.preview", timeout=WAIT_MS)
    wizard.qtbot.waitUntil(lambda: preview.state == "ready", timeout=WAIT_MS)
    assert app_id in logical_text(preview.pdf)


def server(wizard, app_id: str) -> dict:
    return json.loads(officer(wizard, "--json", "show", app_id))
