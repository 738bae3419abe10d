"""The kiosk shell through its real widgets: navigation, language, keyboard, idle wipe, lockdown."""

import re

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton

from kiosk import config
from tests.fixtures.ui import dispose_window, type_text
from ui.app import build_window
from ui.screens.base import Screen

ARABIC = re.compile(r"[\u0600-\u06FF]")
LATIN_WORD = re.compile(r"[A-Za-z]{3,}")
# Visible texts that are rightly not Arabic in the Arabic UI: the other language's name, the
# ministry's addresses and numbers, demo account names.
ALLOWED_LATIN = re.compile(r"^(English|[\w.+-]+@[\w.-]+|[+\d\s()/-]+|.*https?://.*)$")


def visible_texts(root):
    for widget in root.findChildren(QLabel) + root.findChildren(QPushButton):
        if widget.isVisibleTo(root) and widget.text().strip():
            yield widget, widget.text().strip()


def open_every_screen(window):
    for name, screen in window.navigator.screens.items():
        for _suffix, params in screen.screenshot_states():
            window.navigator.go(name, params)
            QApplication.processEvents()
            yield screen


def test_navigation_forward_back_and_cancel(kiosk_window, qtbot):
    nav = kiosk_window.navigator
    assert nav.current.name == "welcome"
    assert not kiosk_window.footer.isVisible()
    qtbot.mouseClick(nav.screens["welcome"].buttons["contact"], Qt.MouseButton.LeftButton)
    assert nav.current.name == "contact"
    assert kiosk_window.back_button.isVisible() and kiosk_window.cancel_button.isVisible()
    qtbot.mouseClick(kiosk_window.help_button, Qt.MouseButton.LeftButton)
    assert nav.current.name == "help"
    qtbot.mouseClick(kiosk_window.back_button, Qt.MouseButton.LeftButton)
    assert nav.current.name == "contact"
    qtbot.mouseClick(kiosk_window.help_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(kiosk_window.cancel_button, Qt.MouseButton.LeftButton)
    assert nav.current.name == "welcome"
    assert nav.history == [("welcome", {})]


def test_every_screen_but_welcome_has_back_and_cancel(kiosk_window):
    for screen in open_every_screen(kiosk_window):
        if screen.name == "welcome":
            continue
        assert kiosk_window.back_button.isVisible() or not screen.has_back, screen.name
        assert kiosk_window.cancel_button.isVisible(), screen.name


def test_starts_in_arabic_right_to_left(kiosk_window):
    assert kiosk_window.ctx.lang == "ar"
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert kiosk_window.ministry_label.text() == "وزارة الداخلية"
    assert kiosk_window.language_button.text() == "English"


def test_language_switch_retranslates_and_flips_layout(kiosk_window, qtbot):
    nav = kiosk_window.navigator
    nav.go("contact")
    title_ar = nav.current.title_label.text()
    qtbot.mouseClick(kiosk_window.language_button, Qt.MouseButton.LeftButton)
    assert kiosk_window.ctx.lang == "en"
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert kiosk_window.isLeftToRight()
    assert nav.current.title_label.text() == "Contact the Ministry of Interior" != title_ar
    assert kiosk_window.ministry_label.text() == "Ministry of Interior"
    assert kiosk_window.back_button.text() == "Back"
    # Domain texts (bilingual data) switch too.
    assert "Follow-up and Inspection Directorate" in [t for _, t in visible_texts(nav.current)]
    qtbot.mouseClick(kiosk_window.language_button, Qt.MouseButton.LeftButton)
    assert kiosk_window.back_button.text() == "رجوع"
    assert kiosk_window.isRightToLeft()


def test_no_untranslated_string_on_any_screen_in_arabic(kiosk_window):
    leftovers = []
    for screen in open_every_screen(kiosk_window):
        for root in (screen, kiosk_window.header, kiosk_window.footer):
            for widget, text in visible_texts(root):
                if ALLOWED_LATIN.match(text) or ARABIC.search(text):
                    continue
                if LATIN_WORD.search(text):
                    leftovers.append(f"{screen.name}: {widget.objectName()}: {text!r}")
    assert leftovers == []


def test_welcome_language_choice_buttons(kiosk_window, qtbot):
    welcome = kiosk_window.navigator.screens["welcome"]
    qtbot.mouseClick(welcome.english_button, Qt.MouseButton.LeftButton)
    assert kiosk_window.ctx.lang == "en"
    assert welcome.english_button.isChecked() and not welcome.arabic_button.isChecked()
    assert welcome.greeting.text() == "Welcome to the Ministry of Interior e-services"
    qtbot.mouseClick(welcome.arabic_button, Qt.MouseButton.LeftButton)
    assert kiosk_window.ctx.lang == "ar"


def test_contact_screen_shows_every_channel_with_whatsapp_qr(kiosk_window):
    kiosk_window.navigator.go("contact")
    screen = kiosk_window.navigator.current
    texts = [t for _, t in visible_texts(screen)]
    for expected in (
        "DOBR-OPR@MOI.GOV.JO",
        "FID@MOI.GOV.JO",
        "+962 79 100 0838",
        "+962 79 033 3077",
        "+962 6 500 8080",
        "مركز الاتصال الوطني",
    ):
        assert expected in texts
    qrs = [w for w in screen.findChildren(QLabel) if w.objectName() == "qr"]
    assert [q.toolTip() for q in qrs] == [
        "https://wa.me/962791000838",
        "https://wa.me/962790333077",
    ]
    assert all(not q.pixmap().isNull() and q.pixmap().width() >= 150 for q in qrs)


def test_whatsapp_qr_decodes_to_the_link(kiosk_window):
    import numpy as np
    import zxingcpp

    kiosk_window.navigator.go("contact")
    qr = next(
        w for w in kiosk_window.navigator.current.findChildren(QLabel) if w.objectName() == "qr"
    )
    image = qr.pixmap().toImage().convertToFormat(qr.pixmap().toImage().Format.Format_Grayscale8)
    array = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    decoded = zxingcpp.read_barcodes(np.ascontiguousarray(array[:, : image.width()]))
    assert [d.text for d in decoded] == ["https://wa.me/962791000838"]


class FormScreen(Screen):
    """A screen with a form, as later areas add them (registered like any other)."""

    name = "test.form"

    def __init__(self, ctx):
        super().__init__(ctx)
        self.name_edit = QLineEdit()
        self.number_edit = QLineEdit()
        self.number_edit.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        self.body.addWidget(self.name_edit)
        self.body.addStretch()
        self.body.addWidget(self.number_edit)
        self.remembered = []

    def title(self):
        return "form"

    def reset(self):
        self.remembered.clear()


@pytest.fixture
def form(kiosk_window, qtbot):
    screen = kiosk_window.navigator.add(FormScreen(kiosk_window.ctx))
    kiosk_window.navigator.go(screen.name)
    kiosk_window.activateWindow()
    qtbot.waitActive(kiosk_window)
    return screen


@pytest.mark.keyboard_first
def test_keyboard_opens_for_a_focused_field_and_closes_when_done(kiosk_window, form, qtbot):
    keyboard = kiosk_window.keyboard
    assert keyboard.available
    assert not keyboard.isVisible()
    form.name_edit.setFocus()
    qtbot.waitUntil(keyboard.isVisible, timeout=3000)
    assert QGuiApplication.inputMethod().isVisible()
    # It sits below the screens, so the screen area shrinks instead of being covered.
    assert keyboard.geometry().top() >= kiosk_window.stack.geometry().bottom()
    qtbot.keyClick(form.name_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not keyboard.isVisible(), timeout=3000)


@pytest.mark.keyboard_first
def test_keyboard_never_covers_the_focused_field(kiosk_window, form, qtbot):
    kiosk_window.resize(1280, 720)  # a small screen: the lower field would fall under the keyboard
    form.body.insertSpacing(2, 900)
    form.number_edit.setFocus()
    qtbot.waitUntil(kiosk_window.keyboard.isVisible, timeout=3000)

    def field_visible():
        top_left = form.number_edit.mapTo(kiosk_window, form.number_edit.rect().topLeft())
        bottom = top_left.y() + form.number_edit.height()
        return top_left.y() >= kiosk_window.stack.y() and bottom <= kiosk_window.keyboard.y()

    qtbot.waitUntil(field_visible, timeout=3000)


def test_keyboard_follows_the_ui_language(kiosk_window, qtbot):
    root = kiosk_window.keyboard.rootObject()
    assert root.property("locale") == "ar_AR"
    kiosk_window.toggle_language()
    assert root.property("locale") == "en_US"


def test_arabic_text_can_be_typed(kiosk_window, form):
    type_text(form.name_edit, "محمد أحمد")
    assert form.name_edit.text() == "محمد أحمد"


def test_physical_keyboard_keeps_working(kiosk_window, form, qtbot):
    form.name_edit.setFocus()
    qtbot.keyClicks(form.name_edit, "Anna Maria")
    assert form.name_edit.text() == "Anna Maria"


def test_idle_timeout_wipes_every_screen_and_returns_home_in_arabic(qtbot, short_idle_config):
    app = QApplication.instance()
    window = build_window(app, short_idle_config, kiosk_mode=False)
    window.show()
    form = window.navigator.add(FormScreen(window.ctx))
    window.navigator.go(form.name)
    type_text(form.name_edit, "فاطمة")
    form.number_edit.setText("1012345678")
    form.remembered.append("beneficiary")
    temp_file = window.ctx.session.temp_dir / "photo.jpg"
    temp_file.write_bytes(b"\xff\xd8 private")
    window.toggle_language()
    assert window.ctx.lang == "en"

    window.idle._timer.setInterval(200)  # the configured 10 s, shortened for the test
    window.idle.poke()
    qtbot.waitUntil(window.countdown.isVisible, timeout=3000)
    assert window.countdown.number.text() == "3"
    assert window.countdown.continue_button.text() == "Yes, continue"
    with qtbot.waitSignal(window.sig_session_ended, timeout=6000):
        pass
    assert window.navigator.current.name == "welcome"
    assert window.ctx.lang == "ar"
    assert form.name_edit.text() == "" and form.number_edit.text() == ""
    assert form.remembered == []
    assert not temp_file.exists() and not temp_file.parent.exists()
    leftovers = [
        e.text()
        for s in window.navigator.screens.values()
        for e in s.findChildren(QLineEdit)
        if e.text()
    ]
    assert leftovers == []
    dispose_window(window)


class ResultScreen(Screen):
    """A screen that shows what it remembers of the user on a label, hidden or not."""

    name = "test.result"

    def __init__(self, ctx):
        super().__init__(ctx)
        self.number = ""
        self.result_label = QLabel()
        self.body.addWidget(self.result_label)

    def retranslate(self):
        self.result_label.setText(f"Personal number: {self.number}" if self.number else "")

    def reset(self):
        self.number = ""


def test_session_end_clears_texts_derived_from_the_user_even_on_hidden_screens(kiosk_window):
    screen = kiosk_window.navigator.add(ResultScreen(kiosk_window.ctx))
    kiosk_window.navigator.go(screen.name)
    screen.number = "1012345678"
    screen.refresh_texts()
    kiosk_window.navigator.home()  # the screen is hidden, its label still holds the number
    assert screen.result_label.text() == "Personal number: 1012345678"
    kiosk_window.end_session()
    assert screen.result_label.text() == ""


def test_continue_keeps_the_session(kiosk_window, form, qtbot):
    form.name_edit.setText("keep me")
    kiosk_window.idle._timer.setInterval(100)
    kiosk_window.idle.poke()
    qtbot.waitUntil(kiosk_window.countdown.isVisible, timeout=3000)
    qtbot.mouseClick(kiosk_window.countdown.continue_button, Qt.MouseButton.LeftButton)
    assert not kiosk_window.countdown.isVisible()
    assert form.name_edit.text() == "keep me"
    assert kiosk_window.navigator.current is form


def test_idle_does_not_interrupt_an_untouched_welcome_screen(kiosk_window, qtbot):
    kiosk_window.idle._timer.setInterval(50)
    kiosk_window.idle.poke()
    qtbot.wait(300)
    assert not kiosk_window.countdown.isVisible()


def send_key(widget, key, modifiers):
    for kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
        event = QKeyEvent(kind, key, modifiers)
        QApplication.sendEvent(widget, event)


@pytest.mark.parametrize("kiosk_window", [True], indirect=True)
@pytest.mark.parametrize(
    "key, modifiers",
    [
        (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
        (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
    ],
)
def test_kiosk_mode_swallows_closing_shortcuts(kiosk_window, key, modifiers):
    before = kiosk_window.lockdown.swallowed
    send_key(kiosk_window.navigator.current, key, modifiers)
    assert kiosk_window.lockdown.swallowed > before
    assert kiosk_window.close() is False
    assert kiosk_window.isVisible()
    kiosk_window.allow_close = True


@pytest.mark.parametrize("kiosk_window", [True], indirect=True)
def test_kiosk_mode_is_frameless_and_fills_the_screen(kiosk_window):
    kiosk_window.show_kiosk()
    assert kiosk_window.windowFlags() & Qt.WindowType.FramelessWindowHint
    screen = QGuiApplication.primaryScreen().geometry()
    # The offscreen test screen (800x800) is narrower than the kiosk's layout minimum.
    assert kiosk_window.geometry().topLeft() == screen.topLeft()
    assert kiosk_window.height() == screen.height() and kiosk_window.width() >= screen.width()


def test_windowed_mode_can_close(kiosk_window):
    assert getattr(kiosk_window, "lockdown", None) is None
    assert kiosk_window.close() is True


def test_normal_typing_is_not_swallowed_in_kiosk_mode(qtbot, kiosk_config):
    app = QApplication.instance()
    window = build_window(app, kiosk_config, kiosk_mode=True)
    window.show()
    form = window.navigator.add(FormScreen(window.ctx))
    window.navigator.go(form.name)
    form.name_edit.setFocus()
    qtbot.keyClicks(form.name_edit, "qw")
    assert form.name_edit.text() == "qw"
    dispose_window(window)


def test_demo_marker_only_in_demo_mode(qtbot, tmp_path):
    app = QApplication.instance()
    cfg = config.load(
        environ={
            "KIOSK_API_URL": "https://moi.example/api",
            "KIOSK_STORAGE_DATA_DIR": str(tmp_path),
        }
    )
    window = build_window(app, cfg, kiosk_mode=False)
    window.show()
    assert not window.demo_marker.isVisible()
    dispose_window(window)


def test_at_start_up_the_keyboard_and_watchers_come_after_the_first_frame(qtbot, kiosk_config):
    """main.py builds the window without its keyboard and input watchers (the welcome screen's
    first frame does not wait for Qt Quick); `complete()` adds them, texts staying Arabic."""
    app = QApplication.instance()
    window = build_window(app, kiosk_config, kiosk_mode=False, defer_keyboard=True)
    window.show()
    qtbot.waitExposed(window)
    assert window.keyboard is None

    def touched() -> bool:
        window.idle._timer.stop()
        qtbot.mouseClick(window.help_button, Qt.MouseButton.LeftButton)
        return window.idle._timer.isActive()

    assert not touched()  # no application-wide watcher yet
    welcome = window.navigator.screens["welcome"]
    arabic = welcome.greeting.text()
    assert re.search("[\u0600-\u06ff]", arabic)
    window.complete()
    QApplication.processEvents()
    assert window.keyboard is not None and window.keyboard.available
    assert welcome.greeting.text() == arabic  # the translators came back at once
    assert touched()  # input now restarts the idle time
    dispose_window(window)
