"""Privacy after real sessions: no name, personal number or passport number in clear on disk.

A user applies through the real wizard (passports and numbers scanned, documents photographed),
one request is delivered, another account leaves a draft half-way, and a request is left in the
outbox with the network gone; each session ends. Then every byte the kiosk wrote is scanned: the
SQLite files of its data directory (with their -wal/-shm), everything under the temporary
directory, and every log record of the run. The user's identifiers must not appear there in any
common encoding.
"""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

import pytest

from tests.test_ui_apply import family
from tests.test_ui_apply_helpers import (
    fill_person_by_scanning,
    photograph_every_document,
    start_family_request,
    wizard_on,
)


def encodings(text: str) -> list[bytes]:
    """The forms a string takes in files: UTF-8, UTF-16 (Qt, SQLite text), lower and upper."""
    forms = []
    for variant in {text, text.lower(), text.upper(), text.title()}:
        forms += [variant.encode("utf-8"), variant.encode("utf-16-le")]
    return forms


def leaks(root: Path, secrets: list[str]) -> list[str]:
    found = []
    for path in root.rglob("*"):
        if not path.is_file():
            continue
        data = path.read_bytes()
        for secret in secrets:
            if any(form in data for form in encodings(secret)):
                found.append(f"{path.relative_to(root)}: {secret}")
    return found


class Recorder(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record):
        self.lines.append(self.format(record))


@pytest.fixture
def everything_logged():
    recorder = Recorder()
    recorder.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s %(exc_info)s"))
    root = logging.getLogger()
    level = root.level
    root.addHandler(recorder)
    root.setLevel(logging.DEBUG)
    yield recorder
    root.removeHandler(recorder)
    root.setLevel(level)


@pytest.fixture
def own_temp_dir(tmp_path, monkeypatch):
    """The process's temporary directory, empty at the start, so it can be scanned whole."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    monkeypatch.setenv("TMPDIR", str(folder))
    return folder


@pytest.mark.slow
def test_after_sessions_nothing_personal_is_in_clear_on_disk_or_in_the_logs(
    qtbot, fresh_sandbox, tmp_path, own_temp_dir, everything_logged
):
    people = family()
    sandbox = fresh_sandbox()
    with wizard_on(qtbot, sandbox, tmp_path / "kiosk") as wizard:
        # Session 1: a request delivered at once.
        wizard.sign_in()
        start_family_request(wizard, urgent=False)
        fill_person_by_scanning(wizard, people[0])
        wizard.click(wizard.screen("apply.beneficiaries").next_button)
        wizard.wait_screen("apply.attachments")
        photograph_every_document(wizard)
        wizard.click(wizard.screen("apply.attachments").next_button)
        review = wizard.wait_screen("apply.review")
        wizard.click(review.send_button)
        sent = wizard.wait_screen("apply.sent", timeout=30_000)
        assert sent.delivered
        username = wizard.username
        wizard.window.end_session()
        wizard.settle()

        # Session 2 (another account): a draft left half-way when the user walks away.
        wizard.sign_in()
        start_family_request(wizard, urgent=False)
        fill_person_by_scanning(wizard, people[2])
        wizard.window.end_session()  # the draft stays, encrypted, bound to that account
        wizard.settle()

        # Session 3 (the first account again): a request sealed with the network gone.
        wizard.sign_in(username)
        start_family_request(wizard, urgent=True)
        fill_person_by_scanning(wizard, people[1])
        wizard.click(wizard.screen("apply.beneficiaries").next_button)
        wizard.wait_screen("apply.attachments")
        photograph_every_document(wizard)
        wizard.click(wizard.screen("apply.attachments").next_button)
        review = wizard.wait_screen("apply.review")
        sandbox.stop()
        wizard.click(review.send_button)
        sent = wizard.wait_screen("apply.sent", timeout=30_000)
        assert not sent.delivered
        wizard.window.end_session()
        wizard.settle()
        status = wizard.outbox_status()
        assert status["sealed"] + status["sending"] == 1

    secrets = []
    for p in people[:3]:
        secrets += [p.passport, p.number, p.given, p.surname]
    data_dir = tmp_path / "kiosk" / "data"
    databases = sorted(path.name for path in data_dir.rglob("*.sqlite*"))
    assert "outbox.sqlite" in databases and "drafts.sqlite" in databases
    assert leaks(data_dir, secrets) == []
    assert leaks(own_temp_dir, secrets) == []
    logged = "\n".join(everything_logged.lines)
    assert logged, "the run logged nothing: the recorder is not attached"
    assert [s for s in secrets if s in logged or s.lower() in logged.lower()] == []
