"""The account flows driven through the real screens (pytest-qt) against a running sandbox."""

from __future__ import annotations

import re
import socket

import pytest
from PySide6.QtCore import Qt

from kiosk.api import CentralApi
from tests.fixtures.sandbox import new_username
from tests.fixtures.ui import type_text


@pytest.fixture
def kiosk(kiosk_window, sandbox_server):
    """The whole kiosk talking to the session's sandbox."""
    kiosk_window.ctx.api = CentralApi(sandbox_server.url, retries=0)
    yield kiosk_window
    kiosk_window.ctx.tasks.wait()
    kiosk_window.ctx.api.close()


def _fill(screen, **values) -> None:
    for name, value in values.items():
        edit = screen.form.rows[name].edit
        edit.clear()
        if value.isascii():
            edit.setText(value)
        else:
            type_text(edit, value)


def _click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _wait_for(qtbot, kiosk, name: str) -> None:
    qtbot.waitUntil(lambda: kiosk.navigator.current.name == name, timeout=10_000)


def _open_registration(qtbot, kiosk, category: str, **values):
    """The register screen with `category` chosen and `values` typed."""
    kiosk.navigator.go("register", {})
    screen = kiosk.navigator.current
    _click(qtbot, screen.category_buttons[category])
    _fill(screen, **values)
    return screen


def _register_individual(qtbot, kiosk, username: str, password: str = "Secret-123") -> None:
    screen = _open_registration(
        qtbot,
        kiosk,
        "individual",
        username=username,
        password=password,
        password_again=password,
        full_name="منى حسن",
        date_of_birth="١٩٩٠-٠٤-١٢",
        nationality="egy",
        passport_number="a1234567",
        phone="٠٧٩١٢٣٤٥٦٧",
        email="mona@example.com",
    )
    _click(qtbot, screen.send_button)
    _wait_for(qtbot, kiosk, "register.done")


def _login(qtbot, kiosk, username: str, password: str) -> None:
    kiosk.navigator.go("login", {})
    screen = kiosk.navigator.current
    _fill(screen, username=username, password=password)
    _click(qtbot, screen.login_button)


def test_register_log_in_change_password_log_out_and_log_in_again(qtbot, kiosk):
    username = new_username("ui")
    _register_individual(qtbot, kiosk, username)
    done = kiosk.navigator.current
    assert username in done.status.text() and done.login_button.isVisible()

    _login(qtbot, kiosk, username, "Secret-123")
    _wait_for(qtbot, kiosk, "account")
    assert kiosk.ctx.session.user.display_name == username

    kiosk.navigator.go("account.password", {})
    screen = kiosk.navigator.current
    _fill(
        screen, current_password="Secret-123", new_password="Newer-456", password_again="Newer-456"
    )
    _click(qtbot, screen.save_button)
    qtbot.waitUntil(lambda: screen.notice.isVisible(), timeout=10_000)

    kiosk.navigator.go("account", {})
    _click(qtbot, kiosk.navigator.current.logout_button)
    qtbot.waitUntil(lambda: kiosk.ctx.session.user is None, timeout=10_000)
    assert kiosk.navigator.current.name == "welcome" and not kiosk.ctx.api.logged_in

    _login(qtbot, kiosk, username, "Newer-456")
    _wait_for(qtbot, kiosk, "account")


def test_wrong_password_is_shown_in_arabic_and_what_was_typed_stays(qtbot, kiosk):
    username = new_username("ui")
    _register_individual(qtbot, kiosk, username)
    _login(qtbot, kiosk, username, "Wrong-000")
    screen = kiosk.navigator.current
    qtbot.waitUntil(lambda: screen.failure.isVisible(), timeout=10_000)
    assert "غير صحيحة" in screen.failure.text()
    assert screen.form.rows["username"].edit.text() == username


def test_forgot_password_then_log_in_with_the_sms_password(qtbot, kiosk, sandbox_server):
    username = new_username("ui")
    _register_individual(qtbot, kiosk, username)
    kiosk.navigator.go("login.forgot", {})
    screen = kiosk.navigator.current
    _fill(screen, username=username)
    _click(qtbot, screen.send_button)
    qtbot.waitUntil(lambda: screen.notice.isVisible(), timeout=10_000)
    sms = [m for m in sandbox_server.outbox(username) if m["channel"] == "sms"][-1]
    password = re.search(r"is (\S+)$", sms["body"]).group(1)
    _login(qtbot, kiosk, username, password)
    _wait_for(qtbot, kiosk, "account.password")  # asked to choose a password of their own
    assert kiosk.navigator.current.notice.isVisible()


def test_hospital_is_told_to_visit_the_ministry_and_cannot_log_in_until_activated(
    qtbot, kiosk, sandbox_server
):
    username = new_username("hospital")
    screen = _open_registration(
        qtbot,
        kiosk,
        "hospital",
        username=username,
        password="Hospital-1",
        password_again="Hospital-1",
        organisation_name="مستشفى الأمل",
        registration_number="HSP-77",
        contact_name="Lina Nasser",
        phone="+962776543210",
        email="admin@hospital.example",
    )
    assert "full_name" not in screen.form.rows and "organisation_name" in screen.form.rows
    _click(qtbot, screen.send_button)
    _wait_for(qtbot, kiosk, "register.done")
    done = kiosk.navigator.current
    assert "مرة واحدة" in done.instructions.text() and not done.login_button.isVisible()

    _login(qtbot, kiosk, username, "Hospital-1")
    login = kiosk.navigator.current
    qtbot.waitUntil(lambda: login.failure.isVisible(), timeout=10_000)
    assert "بانتظار التفعيل" in login.failure.text()

    sandbox_server.officer("activate", username)
    _click(qtbot, login.login_button)
    _wait_for(qtbot, kiosk, "account")


def test_profile_edits_a_phone_refuses_a_bad_email_and_requests_a_name_change(
    qtbot, kiosk, sandbox_server
):
    username = new_username("ui")
    _register_individual(qtbot, kiosk, username)
    _login(qtbot, kiosk, username, "Secret-123")
    _wait_for(qtbot, kiosk, "account")
    kiosk.navigator.go("account.profile", {})
    profile = kiosk.navigator.current
    qtbot.waitUntil(lambda: bool(profile.locked_rows), timeout=10_000)
    assert profile.form.rows["phone"].edit.text() == "+962791234567"

    _fill(profile, phone="0781112233", email="not-an-address")
    _click(qtbot, profile.save_button)
    assert profile.form.rows["email"].error.isVisible()  # checked before sending
    _fill(profile, email="mona.new@example.com")
    _click(qtbot, profile.save_button)
    qtbot.waitUntil(lambda: profile.notice.isVisible(), timeout=10_000)
    assert profile.form.rows["phone"].edit.text() == "+962781112233"

    name_row = next(r for r in profile.locked_rows if r[1].text() == "منى حسن")
    _click(qtbot, name_row[2])
    _wait_for(qtbot, kiosk, "account.messages")
    messages = kiosk.navigator.current
    assert messages.field_boxes["full_name"].isChecked()
    assert messages.form.rows["subject"].edit.text()
    type_text(messages.reason, "الاسم مكتوب بشكل خاطئ")
    _click(qtbot, messages.send_button)
    qtbot.waitUntil(lambda: messages.history.count() == 1, timeout=10_000)
    at_ministry = [m for m in sandbox_server.officer_json("messages") if m["username"] == username]
    assert at_ministry[0]["fields_to_change"] == ["full_name"]


def test_no_connection_mid_registration_keeps_the_form_and_a_retry_registers_once(
    qtbot, kiosk, sandbox_server
):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{s.getsockname()[1]}"
    working = kiosk.ctx.api
    kiosk.ctx.api = CentralApi(dead, retries=0)
    username = new_username("ui")
    screen = _open_registration(
        qtbot,
        kiosk,
        "individual",
        username=username,
        password="Secret-123",
        password_again="Secret-123",
        full_name="Omar Saleh",
        date_of_birth="1988-02-29",
        nationality="SYR",
        passport_number="N0123456",
        phone="0795551234",
        email="omar@example.com",
    )
    _click(qtbot, screen.send_button)
    qtbot.waitUntil(lambda: screen.failure.isVisible(), timeout=10_000)
    assert "اتصال" in screen.failure.text()
    assert screen.form.rows["full_name"].edit.text() == "Omar Saleh"

    kiosk.ctx.api = working  # the network is back
    _click(qtbot, screen.send_button)
    _click(qtbot, screen.send_button)  # an impatient double tap
    _wait_for(qtbot, kiosk, "register.done")
    kiosk.ctx.tasks.wait()
    accounts = [a for a in sandbox_server.officer_json("accounts") if a["username"] == username]
    assert len(accounts) == 1
