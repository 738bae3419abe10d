"""`python -m kiosk mrz FILE…`: read the passport MRZ in image files.

Support staff use it to check a camera or a batch of recorded frames. One JSON line per image,
printed as soon as that image is done (hundreds of files stream through): "file", the fields
(document_number, surname, given_names, nationality, birth_date, sex, expiry, …), "checks",
"valid" (every check digit passes) and "ms"; "mrz": null when no zone was found; "error" and a
bilingual "message" when the file is not a readable image. A folder stands for its images.
Exit code: 0 when every file was a readable image, 1 otherwise.
"""

from __future__ import annotations

import json
import time

from kiosk.cli.scan_cmds import UNREADABLE
from kiosk.scan.frames import image_paths, read_image
from kiosk.scan.mrz import read_mrz


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "mrz", help="read the passport MRZ in image files (one JSON line each)"
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="images, or folders of images")
    parser.set_defaults(func=_mrz)


def _mrz(args) -> int:
    failed = False
    for path in image_paths(args.files):
        start = time.perf_counter()
        frame = read_image(path)
        if frame is None:
            failed = True
            line = {
                "file": str(path),
                "valid": False,
                "ms": _ms(start),
                "error": "unreadable_image",
                "message": UNREADABLE.to_dict(),
            }
        else:
            result = read_mrz(frame)
            line = {"file": str(path)}
            if result is None:
                line |= {"mrz": None, "valid": False}
            else:
                line |= result.to_dict()
            line["ms"] = _ms(start)
        print(json.dumps(line, ensure_ascii=False), flush=True)
    return 1 if failed else 0


def _ms(start: float) -> float:
    return round((time.perf_counter() - start) * 1000, 1)
