"""Driving the wizard in tests: a whole kiosk on the sandbox, a camera of rendered frames, and
the user's taps (no tests here; the wizard's test modules import these).

The camera is the one stand-in: `ctx.services["frame_source"]` plays whatever frame the test
put in front of it (`Wizard.show`): a rendered passport data page (tests/corpus/mrz.py), a
personal-number sticker (tests/corpus/barcodes.py) or a document (tests/corpus/documents.py).
"""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kiosk import config
from kiosk.scan.frames import FileSource
from tests.corpus import barcodes, documents, mrz
from tests.fixtures.ui import dispose_window
from ui.app import build_window


@dataclass(frozen=True)
class Person:
    """A beneficiary as printed in their passport, with their personal number and relation."""

    surname: str
    given: str
    passport: str
    nationality: str
    birth: dt.date
    sex: str
    expiry: dt.date
    number: str
    relation: str

    @property
    def name(self) -> str:
        return f"{self.given} {self.surname}"


def td3(p: Person) -> tuple[str, str]:
    """The passport's machine-readable zone (ICAO TD3) with correct check digits."""
    return mrz.td3(p.surname, p.given, p.passport, p.nationality, p.birth, p.sex, p.expiry)


class Wizard:
    """A kiosk window on a sandbox, with the test's camera and the user's hands."""

    def __init__(self, qtbot, window, sandbox, folder: Path):
        self.qtbot = qtbot
        self.window = window
        self.ctx = window.ctx
        self.sandbox = sandbox
        self.folder = folder
        self.frame: Path | None = None
        self.username = ""
        self.password = ""
        self._frames = 0
        self.ctx.services["frame_source"] = lambda mode: FileSource(self.frame, loop=True, fps=20)

    # --- looking ------------------------------------------------------------------------------
    def screen(self, name: str):
        return self.window.navigator.screens[name]

    @property
    def current(self):
        return self.window.navigator.current

    def settle(self) -> None:
        for _ in range(3):
            self.ctx.tasks.wait()
            QApplication.processEvents()
            QApplication.sendPostedEvents()

    def wait_screen(self, name: str, timeout: int = 15_000):
        self.qtbot.waitUntil(
            lambda: self.current is not None and self.current.name == name, timeout=timeout
        )
        self.settle()
        return self.current

    def english(self, screen, attribute: str) -> str:
        """A label's text in English (the language is switched and back)."""
        lang = self.ctx.lang
        self.ctx.language.set("en")
        text = getattr(screen, attribute).text()
        self.ctx.language.set(lang)
        return text

    # --- acting -------------------------------------------------------------------------------
    def click(self, button) -> None:
        self.settle()
        assert button.isVisible() and button.isEnabled(), button.text()
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        self.settle()

    def type(self, field, text: str) -> None:
        field.edit.clear()
        self.qtbot.keyClicks(field.edit, text)

    def show(self, frame: np.ndarray) -> None:
        """Put `frame` under the camera."""
        self._frames += 1
        path = self.folder / f"frame-{self._frames}.png"
        cv2.imwrite(str(path), frame)
        self.frame = path

    def sign_in(self, username: str | None = None, password: str = "Secret-123") -> None:
        """Log in through the log-in screen (a fresh individual account unless named)."""
        if username is None:
            username = self.sandbox.register_individual(password=password)["username"]
        self.username, self.password = username, password
        self.window.navigator.go("login", {})
        login = self.wait_screen("login")
        self.type(login.form.rows["username"], username)
        self.type(login.form.rows["password"], password)
        self.click(login.login_button)
        self.qtbot.waitUntil(lambda: self.ctx.session.user is not None, timeout=15_000)
        self.settle()

    def outbox_status(self) -> dict:
        from ui.services import open_outbox

        return open_outbox(self.ctx).status(dt.datetime.now(dt.UTC))

    def scan_until_result(self, timeout: int = 30_000) -> dict:
        scan = self.wait_screen("scan")
        self.qtbot.waitUntil(lambda: scan.result is not None, timeout=timeout)
        result = scan.result
        self.click(scan.confirm_button)
        return result


def make_wizard(qtbot, sandbox, folder: Path) -> Wizard:
    """The kiosk on `sandbox` (None: demo mode, which starts its own embedded sandbox)."""
    environ = {"KIOSK_STORAGE_DATA_DIR": str(folder / "data"), "KIOSK_STORAGE_KEYRING": "file"}
    if sandbox is not None:
        environ["KIOSK_API_URL"] = sandbox.url
    cfg = config.load(environ=environ)
    window = build_window(QApplication.instance(), cfg, kiosk_mode=False)
    window.resize(1920, 1080)
    window.show()
    qtbot.waitExposed(window)
    return Wizard(qtbot, window, sandbox, folder)


def close_wizard(wizard: Wizard) -> None:
    from ui.services import stop_sync

    stop_sync(wizard.ctx)
    dispose_window(wizard.window)


@contextlib.contextmanager
def wizard_on(qtbot, sandbox, folder: Path):
    """The kiosk on `sandbox`, closed (delivery stopped, window disposed of) afterwards."""
    made = make_wizard(qtbot, sandbox, folder)
    try:
        yield made
    finally:
        close_wizard(made)


# --- the user's steps ---------------------------------------------------------------------------


def start_request(wizard: Wizard, category: str, service_id: str):
    """From "new request" to the general data of `service_id`."""
    wizard.window.navigator.go("apply", {})
    start = wizard.wait_screen("apply")
    wizard.qtbot.waitUntil(
        lambda: start.state in ("categories", "resume", "refused"), timeout=15_000
    )
    assert start.state == "categories", start.refused.text()
    wizard.click(start.tiles[category])
    choice = wizard.wait_screen("apply.service")
    wizard.click(choice.buttons[service_id])
    wizard.click(choice.choose_button)
    return wizard.wait_screen("apply.general")


def start_family_request(wizard: Wizard, urgent: bool) -> None:
    """Family residence up to the beneficiaries: priority, the sponsor (a foreigner)."""
    general = start_request(wizard, "residence", "residence.family")
    if urgent:
        wizard.click(general.priority.buttons["urgent"])
    wizard.click(general.next_button)
    applicant = wizard.wait_screen("apply.applicant")
    wizard.qtbot.waitUntil(lambda: applicant.name_field.value != "", timeout=15_000)
    assert applicant.personal_number.value == "8012345678"  # from the account's profile
    wizard.click(applicant.sex.buttons["M"])
    wizard.type(applicant.residence, (dt.date.today() + dt.timedelta(days=365)).isoformat())
    wizard.click(applicant.next_button)
    wizard.wait_screen("apply.beneficiaries")


def fill_person_by_scanning(wizard: Wizard, person: Person, companion=None) -> None:
    """Add `person`: passport and personal number scanned, relation tapped, a companion typed."""
    wizard.click(wizard.screen("apply.beneficiaries").add_button)
    form = wizard.wait_screen("apply.beneficiary")
    seed = int(person.number[-4:])
    wizard.show(mrz.render_frame(td3(person), np.random.default_rng(seed)))
    wizard.click(form.scan_passport_button)
    result = wizard.scan_until_result()
    assert result["fields"]["document_number"] == person.passport
    form = wizard.wait_screen("apply.beneficiary")
    assert form.passport_number.value == person.passport
    wizard.show(barcodes.render_frame(np.random.default_rng(seed), [("Code128", person.number)]))
    wizard.click(form.scan_number_button)
    assert wizard.scan_until_result()["personal_number"] == person.number
    form = wizard.wait_screen("apply.beneficiary")
    assert form.personal_number.value == person.number
    assert form.name_field.value == person.name
    wizard.click(form.relation.buttons[person.relation])
    if companion is not None:
        wizard.click(form.add_companion_button)
        row = form.companion_rows[-1]
        wizard.type(row.name, companion[0])
        wizard.type(row.birth_date, companion[1].isoformat())
    wizard.click(form.save_button)
    wizard.wait_screen("apply.beneficiaries")


def photograph_every_document(wizard: Wizard, show: bool = True) -> int:
    """Photograph each required document not attached yet; how many were photographed.

    `show=False`: whatever the camera shows (demo mode's sample page)."""
    count = 0
    while True:
        attachments = wizard.wait_screen("apply.attachments")
        waiting = [r for r in attachments.rows if not r.remove_button.isVisible()]
        if not waiting:
            return count
        count += 1
        if show:
            wizard.show(documents.photo(100 + count, "clean", paper="a4").frame)
        wizard.click(waiting[0].photo_button)
        scan = wizard.wait_screen("scan")
        wizard.qtbot.waitUntil(lambda s=scan: len(s.pages) >= 1, timeout=30_000)
        wizard.click(scan.done_button)
