"""The sandbox stands for the ministry's server: it shares the contract and the catalog data with
the kiosk, never its code, so it can catch the kiosk's bugs instead of sharing them."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_importing_every_sandbox_module_loads_nothing_of_the_kiosk_or_its_screens():
    code = (
        "import sys, pkgutil, importlib, sandbox\n"
        "for m in pkgutil.walk_packages(sandbox.__path__, 'sandbox.'):\n"
        "    if m.name != 'sandbox.__main__': importlib.import_module(m.name)\n"
        "ours = ('kiosk', 'ui', 'offline_cache')\n"
        "print(sorted(n for n in sys.modules if n.split('.')[0] in ours))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"
