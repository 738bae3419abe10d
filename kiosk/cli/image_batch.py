"""One JSON line per image file, streamed: the loop shared by `scan` and `mrz`.

Support staff feed hundreds of recorded frames through these commands, so each file is loaded,
read and printed before the next one is opened (nothing is loaded ahead).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable

import numpy as np

from kiosk.scan.frames import image_paths, read_image
from kiosk.texts import Bilingual

UNREADABLE = Bilingual(
    ar="تعذّرت قراءة الملف كصورة.",
    en="The file could not be read as an image.",
)


def print_readings(
    files: Iterable[str], read: Callable[[np.ndarray], dict], unreadable: dict
) -> int:
    """Print {"file", **read(frame)} for each image in `files` (a folder stands for its images).

    When `read` gives no "ms", the time spent on the image (loading included) is added last. A
    file that is not a readable image prints {"file", **unreadable, "ms", "error", "message"}.
    Returns the exit code: 0 when every file was a readable image, 1 otherwise.
    """
    failed = False
    for path in image_paths(files):
        start = time.perf_counter()
        frame = read_image(path)
        if frame is None:
            failed = True
            line = {
                "file": str(path),
                **unreadable,
                "ms": _ms(start),
                "error": "unreadable_image",
                "message": UNREADABLE.to_dict(),
            }
        else:
            line = {"file": str(path), **read(frame)}
            line.setdefault("ms", _ms(start))
        print(json.dumps(line, ensure_ascii=False), flush=True)
    return 1 if failed else 0


def _ms(start: float) -> float:
    return round((time.perf_counter() - start) * 1000, 1)
