"""The request wizard driven through its real screens, against the sandbox over HTTP.

A family-residence request for six beneficiaries (urgent: 115.000 JOD) with a companion: each
passport read from a rendered MRZ frame, each personal number from a rendered barcode frame,
every document photographed from a rendered document frame — through the scan screen, whose
camera is the only stand-in (`ctx.services["frame_source"]`). Sending seals into the real
outbox (SQLite) and the delivery worker brings it to the sandbox once.
"""

from __future__ import annotations

import datetime as dt
import json
import os

import pytest

from kiosk.domain.dates import add_months
from tests.test_ui_apply_helpers import (
    Person,
    Wizard,
    fill_person_by_scanning,
    photograph_every_document,
    start_family_request,
    wizard_on,
)

TODAY = dt.date.today()


def person(given, passport, birth, sex, number, relation) -> Person:
    if isinstance(birth, int):  # an age in years
        birth = TODAY.replace(year=TODAY.year - birth, day=min(TODAY.day, 28))
    return Person(
        "SALEH", given, passport, "SYR", birth, sex, add_months(TODAY, 24), number, relation
    )


def family() -> list[Person]:
    return [
        person("LAYLA", "N1234567", dt.date(1990, 3, 14), "F", "8023456781", "spouse"),
        person("SAMI", "N2345678", 13, "M", "8034567812", "child"),
        person("NOUR", "N3456789", 11, "F", "8045678123", "child"),
        person("YUSUF", "N4567891", 9, "M", "8056781234", "child"),
        person("MARIA", "N5678912", 7, "F", "8067812345", "child"),
        person("KHALED", "N6789123", dt.date(1958, 6, 1), "M", "8078123456", "parent"),
    ]


@pytest.fixture
def wizard(qtbot, sandbox_server, tmp_path):
    with wizard_on(qtbot, sandbox_server, tmp_path) as made:
        yield made


@pytest.fixture
def own_wizard(qtbot, fresh_sandbox, tmp_path):
    """On a sandbox of its own, which the test may stop (the network goes away)."""
    with wizard_on(qtbot, fresh_sandbox(), tmp_path) as made:
        yield made


@pytest.mark.slow
def test_a_family_of_six_applies_urgently_and_the_sandbox_receives_it_once(wizard: Wizard):
    wizard.sign_in()
    start_family_request(wizard, urgent=True)
    people = family()
    for i, one in enumerate(people):
        companion = ("Huda Saleh", TODAY - dt.timedelta(days=3 * 365)) if i == 0 else None
        fill_person_by_scanning(wizard, one, companion)
    beneficiaries = wizard.screen("apply.beneficiaries")
    assert len(beneficiaries.cards) == 6
    wizard.click(beneficiaries.next_button)
    wizard.wait_screen("apply.attachments")
    photograph_every_document(wizard)
    attachments = wizard.screen("apply.attachments")
    wizard.click(attachments.next_button)
    review = wizard.wait_screen("apply.review")
    assert review.problems == [], [p.code for p in review.problems]
    fee = review.sections["fee"][1].text()
    assert "115.000" in fee
    wizard.click(review.send_button)
    sent = wizard.wait_screen("apply.sent", timeout=30_000)
    assert sent.delivered and sent.reference.startswith("APP-")
    # The sandbox holds it once, with the data and every document.
    found = json.loads(wizard.sandbox.officer("--json", "applications"))
    mine = [a for a in found if a["application_id"] == sent.reference]
    assert len(mine) == 1
    shown = wizard.sandbox.officer_json("show", sent.reference)
    data = shown["data"]
    assert [b["passport_number"] for b in data["beneficiaries"]] == [p.passport for p in people]
    assert [b["personal_number"] for b in data["beneficiaries"]] == [p.number for p in people]
    assert data["beneficiaries"][0]["companions"][0]["name"] == "Huda Saleh"
    assert shown["priority"] == "urgent"
    assert len(shown["attachments"]) == 17
    # The receipt opens with the ministry's number.
    wizard.click(sent.print_button)
    preview = wizard.wait_screen("printing.preview")
    assert preview is not None


@pytest.mark.slow
def test_offline_the_request_is_saved_with_the_local_reference(own_wizard: Wizard):
    wizard = own_wizard
    wizard.sign_in()
    start_family_request(wizard, urgent=False)
    fill_person_by_scanning(wizard, family()[0])
    wizard.click(wizard.screen("apply.beneficiaries").next_button)
    wizard.wait_screen("apply.attachments")
    photograph_every_document(wizard)
    wizard.click(wizard.screen("apply.attachments").next_button)
    review = wizard.wait_screen("apply.review")
    assert review.problems == []
    wizard.sandbox.stop()  # the network goes away
    wizard.click(review.send_button)
    sent = wizard.wait_screen("apply.sent", timeout=30_000)
    assert not sent.delivered
    assert sent.reference.startswith("KSK-")
    assert "when the connection returns" in wizard.english(sent, "delivery")
    status = wizard.outbox_status()
    assert status["sealed"] + status["sending"] == 1
    assert sent.receipt["delivery"] == "saved_offline"
    assert sent.receipt["request_number"] == sent.reference


def test_the_usb_file_list_stops_at_max_files_across_sticks_newest_first(tmp_path, monkeypatch):
    from ui.screens.apply import importer

    monkeypatch.setattr(importer, "MAX_FILES", 3)
    sticks = [tmp_path / "a", tmp_path / "b"]
    for n, name in enumerate(["a/1.jpg", "a/2.pdf", "a/3.png", "b/4.jpg", "a/notes.txt"]):
        path = tmp_path / name
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(b"x")
        os.utime(path, (1_000_000 + n, 1_000_000 + n))
    found = importer.find_files([str(s) for s in sticks])
    assert len(found) == 3
    assert [f.mtime for f in found] == sorted((f.mtime for f in found), reverse=True)
    assert all(f.path.suffix != ".txt" for f in found)
