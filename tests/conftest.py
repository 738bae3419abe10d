"""Shared test set-up: offscreen Qt, an in-memory keyring, fixture modules of each area."""

import os

# Qt renders offscreen in tests; the virtual keyboard is loaded by the app itself.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_IM_MODULE", "qtvirtualkeyboard")

# Fixture modules of each area (sandbox server, scan corpus, …) register here.
pytest_plugins = [
    "tests.fixtures.base",
    "tests.fixtures.sandbox",
    "tests.fixtures.ui",
    "tests.fixtures.receipts",
]
