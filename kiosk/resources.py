"""Where the bundled resources live (fonts, translations, catalog, styles, examples)."""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "resources"


def path(relative: str) -> Path:
    """The absolute path of a file under resources/."""
    return ROOT / relative


def load_json(relative: str):
    """A bundled JSON document, parsed."""
    with open(path(relative), encoding="utf-8") as f:
        return json.load(f)
