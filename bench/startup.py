"""Start-up: process start → first painted frame of the welcome screen, against a minimal
PySide6 window, several runs each, in one run. Goal: the kiosk ≤ 1.5× the minimal window.

    python bench/startup.py [--runs 7]

The kiosk's bytecode is compiled first, as the set-up does on a kiosk. Both run with the same
Qt platform: QT_QPA_PLATFORM if set, else xcb (the kiosk's, X11) when there is a display, as
under `xvfb-run -a python bench/startup.py`, else offscreen. The time to the first frame
includes Python start-up, imports, fonts, the theme, translations and the welcome screen. The
touch keyboard (Qt Quick) is built right after that first frame, as the kiosk does: its time to
"keyboard ready" is printed too. Other screens are built when first shown, and demo mode's
sandbox starts when a screen first needs the API.
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


def time_to_marks(command: list[str], env: dict) -> dict[str, float]:
    """ms from process start to each line the program prints (FIRST_FRAME, KEYBOARD_READY)."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    marks = {}
    for line in process.stdout:
        marks[line.strip()] = (time.perf_counter() - start) * 1000
    process.wait(timeout=30)
    if "FIRST_FRAME" not in marks:
        raise RuntimeError(f"{command} exited without painting")
    return marks


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    env = dict(os.environ)
    # The kiosk's own platform (X11: xcb) when there is a display, as under `xvfb-run`.
    env.setdefault("QT_QPA_PLATFORM", "xcb" if env.get("DISPLAY") else "offscreen")
    with tempfile.TemporaryDirectory() as data:
        env["KIOSK_STORAGE_DATA_DIR"] = data
        with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
            f.write(MINIMAL)
        minimal = [sys.executable, f.name]
        kiosk = [sys.executable, "main.py", "--windowed", "--bench-first-frame"]
        # The kiosk's bytecode, compiled as installer/run.sh does on a kiosk (with
        # PYTHONDONTWRITEBYTECODE set, a changed module would be compiled at every start).
        subprocess.run(
            [sys.executable, "-m", "compileall", "-q", "main.py", "kiosk", "ui", "offline_cache"],
            cwd=ROOT,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        # One warm-up each: the first run pays for the disk cache of the .so files.
        time_to_marks(minimal, env)
        time_to_marks(kiosk, env)
        results = {"minimal PySide6 window": [], "kiosk welcome screen": [], "kiosk keyboard": []}
        for _ in range(args.runs):  # interleaved, so machine load affects both alike
            results["minimal PySide6 window"].append(time_to_marks(minimal, env)["FIRST_FRAME"])
            marks = time_to_marks(kiosk, env)
            results["kiosk welcome screen"].append(marks["FIRST_FRAME"])
            results["kiosk keyboard"].append(marks["KEYBOARD_READY"])
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
    print("(kiosk keyboard: process start → the touch keyboard built, after the first frame)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
