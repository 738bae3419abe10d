"""The kiosk on a real X display, with a probe the real-display tests question.

`python -m tests.display_probe` starts the kiosk as main.py does (kiosk mode: full screen,
frameless, lockdown; the keyboard built after the first frame) on the xcb platform of $DISPLAY,
then answers one JSON command per line on stdin with one JSON line on stdout. The probe only
looks (where a widget is, what a field holds, which keys the on-screen keyboard shows, a
screenshot of the X screen) and, for a test's set-up, runs a statement; the user's taps and
drags come from outside as real X events (xdotool), never through the probe.

Commands: {"op": "eval", "expr": E}, {"op": "exec", "code": C}, {"op": "keys"},
{"op": "shot", "path": P}, {"op": "keyboard_frame", "path": P} (the keyboard's scene rendered
now, to compare with what the screen shows), {"op": "wait", "ms": N}, {"op": "quit"}. Names in
scope: `w` (the window), `nav` (its navigator), `screen(name)`, `app`, `ctx`. Answers:
{"ok": true, "value": V} or {"ok": false, "error": text}. Logs go to stderr; stdout carries
answers only.
"""

from __future__ import annotations

import json
import os
import sys
import threading
import traceback

os.environ.setdefault("QT_IM_MODULE", "qtvirtualkeyboard")
os.environ.setdefault("QML_DISABLE_DISK_CACHE", "1")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qml.propertyCache.append=false")

from PySide6.QtCore import QObject, QPointF, QTimer, Signal  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from kiosk import config  # noqa: E402
from ui.app import build_window  # noqa: E402


def describe(value):
    """A JSON-able account of what an expression returned (widgets by what a user sees)."""
    if isinstance(value, QWidget):
        top_left = value.mapToGlobal(value.rect().topLeft())
        info = {
            "class": type(value).__name__,
            "name": value.objectName(),
            "rect": [top_left.x(), top_left.y(), value.width(), value.height()],
            "visible": value.isVisible(),
            "enabled": value.isEnabled(),
            "focus": value.hasFocus(),
        }
        for attribute in ("text", "toPlainText", "currentText"):
            method = getattr(value, attribute, None)
            if callable(method):
                try:
                    info["text"] = method()
                except TypeError:
                    continue
                break
        return info
    if isinstance(value, dict):
        return {str(k): describe(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        return [describe(v) for v in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return repr(value)


def keyboard_keys(window) -> list[dict]:
    """Every visible key of the on-screen keyboard: its label, kind and place on the screen."""
    panel = window.keyboard
    if panel is None or not panel.isVisible() or panel.rootObject() is None:
        return []
    found = []

    def walk(item):
        if not item.isVisible():
            return
        if item.property("keyType") is not None and item.width() > 0 and item.height() > 0:
            top_left = item.mapToScene(QPointF(0, 0))
            place = panel.mapToGlobal(top_left.toPoint())
            found.append(
                {
                    "text": item.property("text") or "",
                    "display": item.property("displayText") or "",
                    "key": int(item.property("key") or 0),
                    "type": int(item.property("keyType")),
                    "function": bool(item.property("functionKey")),
                    "enabled": bool(item.property("enabled")),
                    "object": item.objectName(),
                    "rect": [place.x(), place.y(), round(item.width()), round(item.height())],
                }
            )
        for child in item.childItems():
            walk(child)

    walk(panel.rootObject())
    return found


class Probe(QObject):
    """Reads commands on a thread, runs them on the GUI thread, answers on stdout."""

    sig_command = Signal(str)

    def __init__(self, window, app):
        super().__init__()
        self.window = window
        self.scope = {
            "w": window,
            "nav": window.navigator,
            "app": app,
            "ctx": window.ctx,
            "screen": lambda name: window.navigator.screens[name],
            "QGuiApplication": QGuiApplication,
        }
        self.sig_command.connect(self.run)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in sys.stdin:
            if line.strip():
                self.sig_command.emit(line)
        self.sig_command.emit('{"op": "quit"}')

    def run(self, line: str) -> None:
        command = json.loads(line)
        op = command["op"]
        try:
            if op == "eval":
                value = describe(eval(command["expr"], self.scope))  # noqa: S307 (test probe)
            elif op == "exec":
                exec(command["code"], self.scope)  # noqa: S102 (test probe)
                value = None
            elif op == "keys":
                value = keyboard_keys(self.window)
            elif op == "shot":
                value = QGuiApplication.primaryScreen().grabWindow(0).save(command["path"])
            elif op == "keyboard_frame":
                # What the keyboard's scene is now, rendered afresh: the screen must show it.
                value = self.window.keyboard.grabFramebuffer().save(command["path"])
            elif op == "wait":
                QTimer.singleShot(int(command["ms"]), lambda: self._answer(True, None))
                return
            elif op == "quit":
                self._answer(True, None)
                QApplication.instance().exit(0)  # quit() asks the windows, and the kiosk's says no
                return
            else:
                raise ValueError(f"unknown op {op!r}")
        except Exception as e:  # the test reads what went wrong
            self._answer(False, f"{type(e).__name__}: {e}\n{traceback.format_exc()}")
            return
        self._answer(True, value)

    def _answer(self, ok: bool, value) -> None:
        key = "value" if ok else "error"
        sys.stdout.write(json.dumps({"ok": ok, key: value}, ensure_ascii=False) + "\n")
        sys.stdout.flush()


def main() -> int:
    app = QApplication(sys.argv[:1])
    app.setApplicationName("moi-kiosk")
    cfg = config.load()
    window = build_window(app, cfg, kiosk_mode=True, defer_keyboard=True)
    window.show_kiosk()
    window.complete()
    probe = Probe(window, app)
    QTimer.singleShot(0, lambda: probe._answer(True, "ready"))
    code = app.exec()
    window.ctx.tasks.wait()
    from ui import services

    services.stop_sync(window.ctx)
    sandbox = window.ctx.services.get("demo_sandbox")
    if sandbox is not None:
        sandbox.stop()
    return code


if __name__ == "__main__":
    sys.exit(main())
