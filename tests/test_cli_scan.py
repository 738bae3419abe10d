"""`python -m kiosk scan FILE…`: one JSON line per image, streamed, errors as lines."""

import contextlib
import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import cv2
import numpy as np
import pytest

from tests.corpus import barcodes as corpus

ROOT = Path(__file__).resolve().parent.parent


def _run(*args, **kwargs):
    return subprocess.run(
        [sys.executable, "-m", "kiosk", "scan", *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        **kwargs,
    )


@pytest.fixture(scope="module")
def images(tmp_path_factory):
    """Three passport frames (one per symbology) and a frame without a barcode, as JPEG."""
    folder = tmp_path_factory.mktemp("frames")
    rng = np.random.default_rng(31)
    cases = {
        "code128.jpg": [("Code128", "1012345678")],
        "code39.jpg": [("Code39", "8011223344")],
        "itf.jpg": [("ITF", "1099887766")],
        "none.jpg": [],
    }
    for name, symbols in cases.items():
        cv2.imwrite(str(folder / name), corpus.render_frame(rng, symbols))
    return folder


def _lines(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines()]


def test_each_image_gets_one_json_line_with_number_symbology_and_time(images):
    names = ["code128.jpg", "code39.jpg", "itf.jpg", "none.jpg"]
    out = _run(*(images / n for n in names))
    assert out.returncode == 0, out.stderr
    lines = _lines(out.stdout)
    assert [Path(line["file"]).name for line in lines] == names
    found = [(line["personal_number"], line["symbology"]) for line in lines]
    assert found == [
        ("1012345678", "Code128"),
        ("8011223344", "Code39"),
        ("1099887766", "ITF"),
        (None, None),
    ]
    assert all(isinstance(line["ms"], float) and line["ms"] >= 0 for line in lines)


def test_an_unreadable_file_is_a_json_line_with_an_error_and_exit_code_1(images, tmp_path):
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"\xff\xd8 this is not really a jpeg")
    out = _run(broken, tmp_path / "missing.png", images / "code128.jpg")
    assert out.returncode == 1
    lines = _lines(out.stdout)
    assert [line.get("error") for line in lines] == ["unreadable_image", "unreadable_image", None]
    assert lines[0]["personal_number"] is None
    assert lines[0]["message"]["ar"] and lines[0]["message"]["en"]
    assert lines[2]["personal_number"] == "1012345678"


def test_a_folder_stands_for_the_images_in_it(images):
    out = _run(images)
    assert out.returncode == 0, out.stderr
    names = [Path(line["file"]).name for line in _lines(out.stdout)]
    assert names == ["code128.jpg", "code39.jpg", "itf.jpg", "none.jpg"]


def test_hundreds_of_files_in_one_call(images, tmp_path):
    files = []
    for i in range(150):
        source = images / ("code128.jpg" if i % 2 else "none.jpg")
        target = tmp_path / f"frame-{i:03d}.jpg"
        shutil.copyfile(source, target)
        files.append(target)
    out = _run(*files)
    assert out.returncode == 0, out.stderr
    lines = _lines(out.stdout)
    assert len(lines) == 150
    assert sum(line["personal_number"] == "1012345678" for line in lines) == 75


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs a named pipe")
def test_lines_stream_out_before_later_files_are_read(images, tmp_path):
    # The last "file" is a pipe nobody writes to yet: reading it blocks. The first line must
    # already be out by then, which proves files are processed one by one, not all first.
    pipe = tmp_path / "later.jpg"
    os.mkfifo(pipe)
    process = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "scan", str(images / "code128.jpg"), str(pipe)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    timer = threading.Timer(60, process.kill)
    timer.start()
    try:
        first = json.loads(process.stdout.readline())
        assert first["personal_number"] == "1012345678"
        # Unblock the reader: the pipe holds no image. The reader may give up as soon as the
        # pipe opens (np.fromfile cannot tell a pipe's position), before the bytes are written.
        with contextlib.suppress(BrokenPipeError), open(pipe, "wb") as writer:
            writer.write(b"not an image")
        second = json.loads(process.stdout.readline())
        assert second["error"] == "unreadable_image"
        assert process.wait(timeout=60) == 1
    finally:
        timer.cancel()
        process.stdout.close()
        if process.poll() is None:
            process.kill()
            process.wait()


def test_scan_without_files_is_a_usage_error():
    out = _run()
    assert out.returncode == 2
    assert "FILE" in out.stderr
