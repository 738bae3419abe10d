"""Start-up: configuration, Qt application, language, the window and its screens."""

from __future__ import annotations

import argparse
import gc
import importlib
import logging
import os
import sys
from collections.abc import Callable

from kiosk import config, resources
from kiosk.session import Session
from ui.context import AppContext
from ui.i18n import Language, load_fonts, uninstall_translators
from ui.lockdown import Lockdown
from ui.screens.apply import SCREENS as APPLY_SCREENS
from ui.screens.base import Screen
from ui.screens.requests import SCREENS as REQUESTS_SCREENS
from ui.window import KioskWindow
from ui.workers import Tasks

log = logging.getLogger(__name__)

# After the first frame, the outbox is checked for items an earlier run left (power cut, crash)
# and expired drafts are deleted.
START_UP_CHORES_AFTER_MS = 2000

# Every screen of the kiosk: its name → "module:Class". A screen's module is imported and the
# screen built the first time it is shown, so start-up pays only for the welcome screen. The
# welcome screen shows the entry points of those present. An area adds its screens here.
SCREENS: dict[str, str] = {
    "welcome": "ui.screens.welcome:WelcomeScreen",
    "contact": "ui.screens.contact:ContactScreen",
    "help": "ui.screens.help:HelpScreen",
    "login": "ui.screens.accounts.login:LoginScreen",
    "login.forgot": "ui.screens.accounts.login:ForgotPasswordScreen",
    "register": "ui.screens.accounts.register:RegisterScreen",
    "register.done": "ui.screens.accounts.register:RegisteredScreen",
    "account": "ui.screens.accounts.account:AccountScreen",
    "account.password": "ui.screens.accounts.account:ChangePasswordScreen",
    "account.profile": "ui.screens.accounts.profile:ProfileScreen",
    "account.messages": "ui.screens.accounts.messages:MessagesScreen",
    "catalog": "ui.screens.catalog.categories:CatalogScreen",
    "catalog.services": "ui.screens.catalog.services:ServiceListScreen",
    "catalog.service": "ui.screens.catalog.card:ServiceCardScreen",
    "catalog.fee": "ui.screens.catalog.fee:FeeCalculatorScreen",
    "printing.preview": "ui.screens.printing.preview:PrintPreviewScreen",
    "scan": "ui.screens.scan.screen:ScanScreen",
    **APPLY_SCREENS,
    **REQUESTS_SCREENS,
}


def screen_factory(target: str, ctx: AppContext) -> Callable[[], Screen]:
    """A factory that imports "module:Class" and builds the screen with `ctx`."""

    def build() -> Screen:
        module, _, cls = target.partition(":")
        return getattr(importlib.import_module(module), cls)(ctx)

    return build


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="main.py", description="MOI e-services kiosk")
    parser.add_argument("--config", help=f"TOML configuration file (default: ${config.ENV_FILE})")
    parser.add_argument(
        "--windowed", action="store_true", help="development: a normal window, closing allowed"
    )
    parser.add_argument("--lang", choices=("ar", "en"), help="start in this language")
    parser.add_argument("--bench-first-frame", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    try:
        cfg = config.load(args.config)
    except config.ConfigError as e:
        print(f"kiosk: configuration error: {e}", file=sys.stderr)
        return 2
    # Qt Virtual Keyboard is the input method inside the kiosk window (before QApplication).
    os.environ.setdefault("QT_IM_MODULE", "qtvirtualkeyboard")
    # The keyboard's QML is small and compiled in a few ms; QML's disk cache, while it probes
    # for cache files, builds error strings through the translators from its loader thread,
    # and a translator made in Python needs the GIL the GUI thread holds: a deadlock.
    os.environ.setdefault("QML_DISABLE_DISK_CACHE", "1")
    # Qt Virtual Keyboard's own QML logs a harmless property-override warning at every start.
    os.environ.setdefault("QT_LOGGING_RULES", "qt.qml.propertyCache.append=false")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    app.setApplicationName("moi-kiosk")
    window = build_window(
        app,
        cfg,
        kiosk_mode=cfg.kiosk.fullscreen and not args.windowed,
        language=args.lang,
        defer_keyboard=True,
    )
    then = (lambda: _quit_after_keyboard(window)) if args.bench_first_frame else window.complete
    _after_first_frame(window, lambda: (_collect_garbage_again(), then()))
    window.show_kiosk()
    QTimer.singleShot(START_UP_CHORES_AFTER_MS, lambda: _start_up_chores(window.ctx))
    code = app.exec()
    window.ctx.tasks.wait()
    from ui import services

    services.stop_sync(window.ctx)
    return code


def _collect_garbage_again() -> None:
    """main.py turns the garbage collector off for start-up; on again, with what start-up made
    (modules, the window) frozen: it lives as long as the kiosk, so no collection looks at it."""
    gc.freeze()
    gc.enable()


def _start_up_chores(ctx: AppContext) -> None:
    """Deliver what an earlier run sealed and did not send, drop expired drafts (in a worker:
    it opens the stores)."""
    from ui import services

    ctx.tasks.run(
        services.at_start_up,
        ctx,
        on_result=lambda _: None,
        on_error=lambda e: log.error("start-up chores failed: %s", type(e).__name__),
    )


def build_window(
    app,
    cfg: config.Config,
    kiosk_mode: bool,
    language: str | None = None,
    defer_keyboard: bool = False,
):
    """The kiosk window with every screen, ready to show (also used by tests and screenshots).

    `defer_keyboard`: the caller completes the window later (`window.complete()`: the keyboard
    and the input watchers), after the first frame.
    """
    load_fonts()
    app.setStyleSheet(resources.path("styles/kiosk.qss").read_text(encoding="utf-8"))
    lang = Language(app)
    session = Session(default_language=cfg.kiosk.language)
    ctx = AppContext(config=cfg, session=session, language=lang, tasks=Tasks())
    # The window (and its keyboard's QML) is built before any translator is installed: QML's
    # loader thread may call QCoreApplication::translate, which for a translator made in Python
    # needs the GIL that the GUI thread holds while it waits for that load: a deadlock.
    uninstall_translators()
    window = KioskWindow(ctx, kiosk_mode=kiosk_mode, defer_keyboard=defer_keyboard)
    lang.set(language or cfg.kiosk.language)
    for name, target in SCREENS.items():
        window.navigator.register(name, screen_factory(target, ctx))
    window.navigator.screens["welcome"].set_available(window.navigator.screens)
    if kiosk_mode:
        window.lockdown = Lockdown(window)
        app.installEventFilter(window.lockdown)
    window.navigator.home()
    window.idle.start()
    return window


def _after_first_frame(window: KioskWindow, then: Callable[[], None]) -> None:
    """Run `then` once the welcome screen has painted its first frame."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                QTimer.singleShot(0, then)
            return False

    welcome = window.navigator.screens["welcome"]
    window._first_paint = FirstPaint(window)
    welcome.installEventFilter(window._first_paint)


def _quit_after_keyboard(window: KioskWindow) -> None:
    """bench/startup.py: the first frame is painted; report it, build the keyboard as the
    kiosk does (and report when it is ready), then quit."""
    print("FIRST_FRAME", flush=True)
    window.complete()
    print("KEYBOARD_READY", flush=True)
    window.ctx.tasks.wait()
    os._exit(0)
