"""Shared test set-up: offscreen Qt, an in-memory keyring, fixture modules of each area."""

import os

# Qt renders offscreen in tests; the virtual keyboard is loaded by the app itself.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_IM_MODULE", "qtvirtualkeyboard")
# QML's disk cache probes for files; the error strings it builds go through the translators.
os.environ.setdefault("QML_DISABLE_DISK_CACHE", "1")
# No Python Qt message handler (pytest-qt's capture is off in pyproject.toml): QML's loader
# thread logs while the GUI thread holds the GIL waiting for it, and a Python handler deadlocks.

# Fixture modules of each area (sandbox server, scan corpus, …) register here.
pytest_plugins = [
    "tests.fixtures.base",
    "tests.fixtures.sandbox",
    "tests.fixtures.ui",
    "tests.fixtures.receipts",
]


def pytest_sessionfinish(session, exitstatus):
    session.config._kiosk_exitstatus = exitstatus


def pytest_unconfigure(config):
    # Leave without the interpreter's teardown: Qt objects that Python still holds (pixmaps in
    # module caches, QML engines) would be destroyed after the QApplication and abort the
    # process (exit 134) after every test has passed. The outcome is pytest's own.
    status = getattr(config, "_kiosk_exitstatus", None)
    if status is not None:
        import sys

        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(int(status))
