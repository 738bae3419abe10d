"""All Qt code of the kiosk (the application core in kiosk/ has none).

Importing this package imports PySide6 and makes PySide6's import check cheap. PySide6 looks at
every module imported after it for the text "PySide6" (its `__feature__` switch, PYSIDE-2029)
with `inspect.getsource`, which tokenizes the whole file through linecache: about 0.15 ms a
module, 12 ms of the kiosk's start-up. `fast_feature_check` asks the same question of the file's
bytes. It keeps PySide6's own check for anything that is not a plain .py file, and it does
nothing if a PySide6 release renames that check (tests/test_startup.py notices).
"""

from __future__ import annotations

import sys

import PySide6.QtCore  # noqa: F401  (loads shibokensupport, where the check lives)


def fast_feature_check() -> bool:
    """Replace PySide6's per-import source check by a byte search; True if it was replaced."""
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or getattr(original, "reads_bytes", False):
        return original is not None

    def mod_uses_pyside(module) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return original(module)
        try:
            with open(path, "rb") as f:
                return b"PySide6" in f.read()
        except OSError:
            return original(module)

    mod_uses_pyside.reads_bytes = True
    feature._mod_uses_pyside = mod_uses_pyside
    return True


fast_feature_check()
