"""`python -m kiosk mrz FILE…`: one JSON line per image, streamed, errors as lines."""

import json
import subprocess
import sys
from pathlib import Path

import cv2

from tests.corpus.mrz import sample

ROOT = Path(__file__).resolve().parent.parent


def _run(*args) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", "mrz", *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=240,
    )


def test_prints_fields_valid_and_ms_for_a_passport_image(tmp_path):
    s = sample(7, 0, "clean")
    image = tmp_path / "passport.png"
    cv2.imwrite(str(image), s.image)
    done = _run(image)
    assert done.returncode == 0, done.stderr
    (line,) = [json.loads(text) for text in done.stdout.splitlines()]
    assert line["file"] == str(image)
    assert line["valid"] is True
    assert line["document_number"] == s.lines[1][0:9].rstrip("<")
    assert line["surname"] == s.lines[0][5:].split("<<")[0].replace("<", " ")
    assert line["birth_date"] and line["expiry"] and line["nationality"]
    assert all(line["checks"].values())
    assert line["ms"] > 0


def test_hundreds_of_files_in_one_call_with_unreadable_ones_reported(tmp_path):
    s = sample(7, 1, "clean")
    small = cv2.resize(s.image, (640, 360), interpolation=cv2.INTER_AREA)
    ok, encoded = cv2.imencode(".jpg", small, [cv2.IMWRITE_JPEG_QUALITY, 90])
    folder = tmp_path / "frames"
    folder.mkdir()
    for i in range(200):
        (folder / f"frame{i:03d}.jpg").write_bytes(encoded.tobytes())
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"\x89PNG not really")
    blank = tmp_path / "blank.png"
    cv2.imwrite(str(blank), s.image * 0 + 255)
    done = _run(folder, broken, tmp_path / "missing.jpg", blank)
    assert done.returncode == 1
    lines = [json.loads(text) for text in done.stdout.splitlines()]
    assert len(lines) == 203
    frames, (bad, missing, empty) = lines[:200], lines[200:]
    assert all("valid" in line and "ms" in line for line in lines)
    assert bad["error"] == missing["error"] == "unreadable_image"
    assert bad["message"]["ar"] and bad["message"]["en"]
    assert empty["mrz"] is None and empty["valid"] is False
    # Every copy of the same image reads the same way.
    assert (
        len({json.dumps({k: v for k, v in f.items() if k not in ("file", "ms")}) for f in frames})
        == 1
    )


def test_no_files_is_a_usage_error():
    done = _run()
    assert done.returncode == 2
