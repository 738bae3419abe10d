"""Qt Linguist translations of the screens: extract, fill, compile, check.

The screens are written with English source strings in `self.tr(...)`; Arabic comes from
`resources/i18n/<area>_ar.ts` (one file per area of the UI, so that areas are translated
independently) and is compiled to `.qm` by the set-up.

    python installer/translations.py update [AREA]      # lupdate: refresh the .ts from the code
    python installer/translations.py fill AREA FILE.json # {"English source": "العربية", …}
    python installer/translations.py compile            # lrelease: every .ts → .qm
    python installer/translations.py check              # exit 1 if anything is untranslated
"""

from __future__ import annotations

import glob
import json
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"

# Each area of the UI and the source files whose tr() strings it holds.
AREAS: dict[str, list[str]] = {
    "shell": ["ui/*.py", "ui/widgets/*.py", "ui/screens/*.py"],
    "accounts": ["ui/screens/accounts/*.py"],
    "catalog": ["ui/screens/catalog/*.py"],
    "scan": ["ui/screens/scan/*.py"],
    "printing": ["ui/screens/printing/*.py"],
    "apply": ["ui/screens/apply/*.py"],
    "requests": ["ui/screens/requests/*.py"],
}


def ts_path(area: str) -> Path:
    return I18N / f"{area}_ar.ts"


def sources(area: str) -> list[Path]:
    files = set()
    for pattern in AREAS[area]:
        files.update(Path(p) for p in glob.glob(str(ROOT / pattern)))
    return sorted(f for f in files if f.name != "__init__.py" or "tr(" in f.read_text())


def _tool(name: str) -> str:
    here = Path(sys.executable).parent / f"pyside6-{name}"
    found = str(here) if here.exists() else shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"pyside6-{name} not found: install PySide6-Essentials")
    return found


def _lupdate(files: list[Path], ts: Path) -> None:
    """Bring `ts` up to date with the messages of `files` (Arabic, no obsolete entries)."""
    subprocess.run(
        [
            _tool("lupdate"),
            "-silent",
            "-no-obsolete",
            "-locations",
            "none",
            "-target-language",
            "ar",
            *map(str, files),
            "-ts",
            str(ts),
        ],
        check=True,
    )


def update(area: str) -> None:
    files = sources(area)
    if not files:
        return
    I18N.mkdir(parents=True, exist_ok=True)
    _lupdate(files, ts_path(area))


def fill(area: str, mapping: dict[str, str]) -> int:
    """Set the Arabic of every message whose English source is in `mapping`."""
    path = ts_path(area)
    tree = ET.parse(path)
    filled = 0
    for message in tree.iter("message"):
        source = message.findtext("source")
        if source in mapping:
            translation = message.find("translation")
            translation.text = mapping[source]
            translation.attrib.pop("type", None)
            filled += 1
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return filled


def compile_all() -> None:
    for ts in sorted(I18N.glob("*_ar.ts")):
        qm = ts.with_suffix(".qm")
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        subprocess.run([_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def problems() -> list[str]:
    """Messages in the code missing from a .ts, or present without an Arabic translation."""
    found = []
    for area in AREAS:
        if not sources(area):
            continue
        with tempfile.TemporaryDirectory() as tmp:
            fresh = Path(tmp) / "fresh.ts"
            if ts_path(area).exists():
                shutil.copy(ts_path(area), fresh)
            _lupdate(sources(area), fresh)
            for context in ET.parse(fresh).iter("context"):
                name = context.findtext("name")
                for message in context.iter("message"):
                    translation = message.find("translation")
                    if (
                        translation.get("type") == "unfinished"
                        or not (translation.text or "").strip()
                    ):
                        found.append(f"{area}: {name}: {message.findtext('source')!r}")
    return found


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    if command == "update":
        for area in rest or AREAS:
            update(area)
    elif command == "fill":
        area, mapping_file = rest
        mapping = json.loads(Path(mapping_file).read_text(encoding="utf-8"))
        print(f"{fill(area, mapping)} messages filled")
    elif command == "compile":
        compile_all()
    elif command == "check":
        missing = problems()
        for line in missing:
            print("untranslated:", line)
        return 1 if missing else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
