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
    "tests.fixtures.faulty_proxy",
    "tests.fixtures.display",
]


def pytest_collection_modifyitems(config, items):
    # Qt Virtual Keyboard binds its input context, once per process, to the first input panel it
    # serves; a screen shown as a window of its own (as many screen tests do) leaves it bound
    # to no panel of a later kiosk window. The kiosk itself builds its one panel at start-up,
    # before any window shows: the keyboard tests run first to stand in that same order.
    items.sort(key=lambda item: item.get_closest_marker("keyboard_first") is None)
