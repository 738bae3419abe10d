"""The kiosk's one window: header, the screens, the footer, the keyboard, the idle countdown."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext
from ui.navigation import HOME, Navigator
from ui.screens.requests.badge import NotificationsBadge
from ui.widgets.idle import CountdownOverlay, IdleWatcher
from ui.widgets.keyboard import EnterClosesKeyboard, is_text_input

log = logging.getLogger(__name__)


class KioskWindow(QWidget):
    """The single top-level window of the kiosk."""

    sig_session_ended = Signal()

    def __init__(self, ctx: AppContext, kiosk_mode: bool, defer_keyboard: bool = False):
        super().__init__()
        self.ctx = ctx
        self.kiosk_mode = kiosk_mode
        self.allow_close = not kiosk_mode
        self.setObjectName("kioskWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)

        self.header = self._build_header()
        self.stack = QStackedWidget()
        self.stack.setObjectName("screens")
        self.navigator = Navigator(self.stack, ctx.session, self)
        self.navigator.sig_changed.connect(self._on_screen_change)
        self.navigator.sig_end_session.connect(self.end_session)
        # The signed-in account's unread notifications, next to "help" (ui/screens/requests).
        self.notifications_badge = NotificationsBadge(ctx, self.navigator)
        header_row = self.header.layout()
        header_row.insertWidget(header_row.indexOf(self.help_button), self.notifications_badge)
        self.footer = self._build_footer()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.footer)
        self.keyboard = None
        self.idle = IdleWatcher(ctx.config.kiosk.idle_timeout_s, self)
        self.idle.sig_idle.connect(self._on_idle)
        self.countdown = CountdownOverlay(ctx.config.kiosk.idle_countdown_s, self)
        self.countdown.sig_continue.connect(self.idle.poke)
        self.countdown.sig_expired.connect(self.end_session)
        self._enter_closes = EnterClosesKeyboard(self)
        QApplication.instance().focusChanged.connect(self._on_focus_change)
        self.ctx.language.sig_changed.connect(self._on_language_change)
        self.retranslate()
        if not defer_keyboard:
            self.complete()

    def complete(self) -> None:
        """Build what the welcome screen's first frame need not wait for (ui/app.py: at start-up
        this runs right after it): the touch keyboard (Qt Quick: the costliest part) and the
        application-wide input watchers (idle time, Enter closes the keyboard), which route every
        event of the application through Python. Nobody types on the welcome screen."""
        if self.keyboard is not None:
            return
        self.build_keyboard()
        app = QApplication.instance()
        app.installEventFilter(self.idle)
        app.installEventFilter(self._enter_closes)

    # --- building -------------------------------------------------------------------------
    def _build_header(self) -> QFrame:
        header = QFrame()
        header.setObjectName("header")
        self.ministry_label = QLabel()
        self.ministry_label.setObjectName("ministryName")
        self.service_label = QLabel()
        self.service_label.setObjectName("ministrySubtitle")
        names = QVBoxLayout()
        names.setSpacing(0)
        names.addWidget(self.ministry_label)
        names.addWidget(self.service_label)
        self.demo_marker = QLabel()
        self.demo_marker.setObjectName("demoMarker")
        self.demo_marker.setVisible(self.ctx.config.demo)
        self.help_button = QPushButton()
        self.help_button.setObjectName("headerButton")
        self.help_button.clicked.connect(lambda: self.navigator.go("help"))
        self.language_button = QPushButton()
        self.language_button.setObjectName("headerButton")
        self.language_button.clicked.connect(self.toggle_language)
        row = QHBoxLayout(header)
        row.setContentsMargins(32, 12, 32, 12)
        row.setSpacing(16)
        row.addLayout(names)
        row.addWidget(self.demo_marker)
        row.addStretch()
        row.addWidget(self.help_button)
        row.addWidget(self.language_button)
        return header

    def _build_footer(self) -> QFrame:
        footer = QFrame()
        footer.setObjectName("footer")
        self.back_button = QPushButton()
        self.back_button.setObjectName("backButton")
        self.back_button.clicked.connect(self.navigator.back)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.clicked.connect(self.navigator.home)
        row = QHBoxLayout(footer)
        row.setContentsMargins(32, 12, 32, 12)
        row.addWidget(self.back_button)
        row.addStretch()
        row.addWidget(self.cancel_button)
        return footer

    def build_keyboard(self) -> None:
        """Build the touch keyboard below the screens.

        Its QML loads synchronously and QML's loader thread may translate through the installed
        translators, which are Python objects needing the GIL this thread holds: a deadlock.
        So the translators are out while it loads (ui/i18n.py) and back in afterwards.
        """
        from ui.widgets.keyboard_panel import KeyboardPanel

        self.keyboard = self.ctx.language.without_translators(lambda: KeyboardPanel(self))
        self.layout().addWidget(self.keyboard)
        self.keyboard.set_language(self.ctx.lang)
        self.keyboard.fit(self.width(), self.height())

    # --- texts ----------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.ministry_label.setText(self.tr("Ministry of Interior"))
        self.service_label.setText(self.tr("E-services kiosk"))
        self.demo_marker.setText(self.tr("DEMO"))
        self.demo_marker.setToolTip(self.tr("Demonstration mode: nothing is sent to the ministry"))
        self.help_button.setText(self.tr("Help"))
        # The toggle names the other language, written in that language.
        self.language_button.setText("English" if self.ctx.lang == "ar" else "العربية")
        self.back_button.setText(self.tr("Back"))
        self.cancel_button.setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- behaviour ------------------------------------------------------------------------
    def toggle_language(self) -> None:
        self.set_language("en" if self.ctx.lang == "ar" else "ar")

    def set_language(self, lang: str) -> None:
        self.ctx.language.set(lang)

    def _on_language_change(self, lang: str) -> None:
        # The texts were re-set by the LanguageChange event (changeEvent) already.
        self.ctx.session.language = lang
        if self.keyboard is not None:
            self.keyboard.set_language(lang)

    def _on_screen_change(self, screen) -> None:
        at_home = screen.name == HOME
        self.footer.setVisible(not at_home)
        self.back_button.setVisible(screen.has_back)
        self.help_button.setVisible(screen.name != "help")
        QGuiApplication.inputMethod().hide()

    def _on_focus_change(self, old: QWidget | None, new: QWidget | None) -> None:
        if is_text_input(new):
            # After the keyboard has opened and the layout has shrunk the screen area.
            QTimer.singleShot(150, self, lambda: self._reveal(new))

    def _reveal(self, widget: QWidget) -> None:
        try:
            parent = widget.parentWidget()
        except RuntimeError:  # the widget was deleted meanwhile
            return
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        if parent is not None:
            parent.ensureWidgetVisible(widget, 24, 48)

    def _on_idle(self) -> None:
        if (
            self.ctx.session.pristine
            and self.navigator.current is not None
            and (self.navigator.current.name == HOME)
        ):
            self.idle.start()  # nobody's data on screen: nothing to protect
            return
        QGuiApplication.inputMethod().hide()
        self.countdown.begin()

    def end_session(self) -> None:
        """Logout or idle timeout: wipe every screen and go home in the default language."""
        self.countdown.stop()
        QGuiApplication.inputMethod().hide()
        focused = QApplication.focusWidget()
        if focused is not None:
            focused.clearFocus()
        self.ctx.session.end()
        if self.ctx.api is not None:
            self.ctx.api.forget_session()  # the session's token lives in the API client
        self.set_language(self.ctx.config.kiosk.language)
        self.navigator.home()
        self.idle.start()
        self.sig_session_ended.emit()
        log.info("session ended")

    def show_kiosk(self) -> None:
        """Full screen and frameless in kiosk mode (geometry set by hand: no window manager)."""
        if not self.kiosk_mode:
            self.resize(1280, 800)
            self.show()
            return
        self.setWindowFlags(Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint)
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            self.setGeometry(screen.geometry())
        self.showFullScreen()

    def resizeEvent(self, event) -> None:
        if self.countdown.isVisible():
            self.countdown.setGeometry(self.rect())
        if self.keyboard is not None:
            self.keyboard.fit(event.size().width(), event.size().height())
        super().resizeEvent(event)

    def closeEvent(self, event) -> None:
        if self.allow_close:
            QGuiApplication.inputMethod().hide()
            event.accept()
        else:
            event.ignore()
