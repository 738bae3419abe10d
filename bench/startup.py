"""Start-up: process start → first painted frame of the welcome screen, against a minimal
PySide6 window, several runs each, in one run. Goal: the kiosk ≤ 1.5× the minimal window.

    python bench/startup.py [--runs 7]

Both run with the same Qt platform (offscreen unless QT_QPA_PLATFORM is set, e.g. xcb under
Xvfb). The time to the first frame includes Python start-up, imports, fonts, the theme,
translations, the keyboard's QML and the welcome screen; other screens are built when first
shown, and demo mode's sandbox starts when a screen first needs the API.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

MINIMAL = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv)
label = QLabel("Hello")
class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, lambda: (print("FIRST_FRAME", flush=True), sys.exit(0)))
        return False
f = FirstPaint(); label.installEventFilter(f)
label.resize(1280, 800); label.show()
app.exec()
"""


def time_to_first_frame(command: list[str], env: dict) -> float:
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    for line in process.stdout:
        if line.strip() == "FIRST_FRAME":
            elapsed = time.perf_counter() - start
            break
    else:
        raise RuntimeError(f"{command} exited without painting")
    process.wait(timeout=30)
    return elapsed * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as data:
        env["KIOSK_STORAGE_DATA_DIR"] = data
        with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
            f.write(MINIMAL)
        minimal = [sys.executable, f.name]
        kiosk = [sys.executable, "main.py", "--windowed", "--bench-first-frame"]
        # One warm-up each: the first run pays for the disk cache of the .so files.
        time_to_first_frame(minimal, env)
        time_to_first_frame(kiosk, env)
        results = {"minimal PySide6 window": [], "kiosk welcome screen": []}
        for _ in range(args.runs):  # interleaved, so machine load affects both alike
            results["minimal PySide6 window"].append(time_to_first_frame(minimal, env))
            results["kiosk welcome screen"].append(time_to_first_frame(kiosk, env))
        os.unlink(f.name)
    print(f"platform: {env['QT_QPA_PLATFORM']}, {args.runs} runs each (after one warm-up)\n")
    print("| program | median ms | min ms | max ms |")
    print("|---|---:|---:|---:|")
    for name, times in results.items():
        print(f"| {name} | {statistics.median(times):.0f} | {min(times):.0f} | {max(times):.0f} |")
    ratio = statistics.median(results["kiosk welcome screen"]) / statistics.median(
        results["minimal PySide6 window"]
    )
    print(f"\nratio kiosk / minimal: {ratio:.2f} (goal ≤ 1.5)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
