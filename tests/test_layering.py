"""The core never imports Qt: kiosk/ and offline_cache/ run without a screen (DESIGN.md)."""

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORE = ("kiosk", "offline_cache")


def _imports(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module


def test_core_packages_never_import_qt():
    offenders = [
        f"{path.relative_to(ROOT)}: {name}"
        for package in CORE
        for path in (ROOT / package).rglob("*.py")
        for name in _imports(path)
        if name.split(".")[0] in ("PySide6", "shiboken6", "ui")
    ]
    assert offenders == []


def test_sandbox_is_never_imported_by_the_kiosk_core():
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "kiosk").rglob("*.py")
        for name in _imports(path)
        if name.split(".")[0] == "sandbox"
    ]
    assert offenders == []


def test_importing_the_whole_core_loads_no_qt():
    code = (
        "import sys, pkgutil, importlib, kiosk, offline_cache\n"
        "for pkg in (kiosk, offline_cache):\n"
        "    for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "        if m.name != 'kiosk.__main__': importlib.import_module(m.name)\n"
        "print(sorted(n for n in sys.modules if n.startswith('PySide6')))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"
