"""Render every screen of the kiosk in Arabic and English into docs/screenshots/.

Run under a virtual screen, as a person would see the kiosk at 1920x1080:
    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python installer/screenshots.py
Each screen is opened with each of its `screenshot_states()`; files are
`<screen>[_<state>]-<lang>.png`.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
# Screens that show (or need) a signed-in account: a demo account logs in before them.
SIGNED_IN = ("account", "apply", "requests")
OUT = ROOT / "docs" / "screenshots"


def main() -> int:
    os.environ.setdefault("QT_IM_MODULE", "qtvirtualkeyboard")
    os.environ.setdefault("QML_DISABLE_DISK_CACHE", "1")
    os.environ.setdefault("QT_LOGGING_RULES", "qt.qml.propertyCache.append=false")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from kiosk import config
    from ui.app import build_window

    app = QApplication(sys.argv[:1])
    data_dir = Path(os.environ.get("TMPDIR", "/tmp")) / "kiosk-screenshots"
    cfg = config.load(environ={"KIOSK_STORAGE_DATA_DIR": str(data_dir)})
    window = build_window(app, cfg, kiosk_mode=False)
    window.resize(1920, 1080)
    window.show()
    OUT.mkdir(parents=True, exist_ok=True)

    def settle(ms: int = 400) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()
        window.ctx.tasks.wait()
        app.processEvents()

    def sign_in() -> None:
        """Log a demo account in through the real log-in screen (the account screens show the
        sandbox's answers for it, not made-up data)."""
        from kiosk.demo import demo_accounts

        account = next(a for a in demo_accounts() if a.status == "active")
        window.navigator.go("login", {"username": account.username})
        login = window.navigator.current
        login.form.rows["password"].edit.setText(account.password)
        login.login_button.click()
        for _ in range(60):
            settle(250)
            if window.ctx.session.user is not None:
                return
        raise SystemExit("the demo account could not log in: is the sandbox running?")

    only = set(sys.argv[1:])
    written = 0
    for lang in ("ar", "en"):
        window.set_language(lang)
        for name in list(window.navigator.screens):
            if only and name not in only:
                continue
            if name.startswith(SIGNED_IN) and window.ctx.session.user is None:
                sign_in()
            screen = window.navigator.screens[name]
            for suffix, params in screen.screenshot_states():
                window.navigator.go(name, params)
                settle()
                path = OUT / f"{name}{'_' + suffix if suffix else ''}-{lang}.png"
                window.grab().save(str(path))
                written += 1
        window.end_session()  # the next language starts signed out, as a new user would
        settle(100)
    print(f"{written} screenshots in {OUT.relative_to(ROOT)}")
    window.allow_close = True
    window.ctx.tasks.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
