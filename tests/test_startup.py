"""Start-up: what main.py and the ui package do so that the welcome screen paints sooner
(bench/startup.py measures it), without changing what the kiosk does."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import ui

ROOT = Path(__file__).resolve().parent.parent


def test_pyside_checks_imported_modules_by_their_bytes(tmp_path):
    """PySide6's check of every imported module (does it mention PySide6?) reads the file's
    bytes instead of tokenizing it; a PySide6 release that renames the check fails here."""
    import shibokensupport.feature as feature

    check = feature._mod_uses_pyside
    assert getattr(check, "reads_bytes", False), "ui/__init__.py no longer replaces the check"
    assert ui.fast_feature_check()  # a second call keeps the one replacement

    uses = tmp_path / "uses_qt.py"
    uses.write_text("from PySide6.QtCore import QObject\n", encoding="utf-8")
    plain = tmp_path / "plain.py"
    plain.write_text("# كود بلا واجهة\nVALUE = 1\n", encoding="utf-8")

    class Module:
        def __init__(self, path):
            self.__file__ = str(path)
            self.__name__ = Path(path).stem

    assert check(Module(uses)) is True
    assert check(Module(plain)) is False
    assert check(sys) is False  # built in: PySide6's own check answers
    assert check(Module(tmp_path / "gone.py")) is False  # unreadable: PySide6's own check


def test_the_garbage_collector_returns_after_the_first_frame(tmp_path):
    """main.py turns the collector off for start-up; once the welcome screen has painted it is on
    again, with start-up's objects frozen. A kiosk that ran for days without it would grow."""
    probe = (
        "import gc, os, sys\n"
        "import main\n"
        "print('during', gc.isenabled(), flush=True)\n"
        "import ui.app\n"
        "def report(window):\n"
        "    print('after', gc.isenabled(), gc.get_freeze_count() > 10000, flush=True)\n"
        "    os._exit(0)\n"
        "ui.app._quit_after_keyboard = report\n"
        "main.main(['--windowed', '--bench-first-frame'])\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KIOSK_STORAGE_DATA_DIR=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.split("\n")[:2] == ["during False", "after True True"], result.stderr
