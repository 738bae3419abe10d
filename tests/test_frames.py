"""Frame sources: files, folders and videos play as BGR frames; a missing camera is a value."""

import cv2
import numpy as np
import pytest

from kiosk.errors import KioskError
from kiosk.scan.frames import CameraSource, FileSource, FrameSource, read_image


def _frame(value: int, size=(64, 96)) -> np.ndarray:
    """A flat frame whose grey level identifies it even after lossy compression."""
    return np.full((*size, 3), value, np.uint8)


def _write(path, value: int):
    assert cv2.imwrite(str(path), _frame(value))
    return path


def _levels(source) -> list[int]:
    levels = []
    while (frame := source.read()) is not None:
        assert frame.dtype == np.uint8 and frame.ndim == 3 and frame.shape[2] == 3
        levels.append(round(float(frame.mean()) / 10) * 10)
    return levels


def test_a_single_image_plays_once_then_the_source_is_exhausted(tmp_path):
    source = FileSource(_write(tmp_path / "one.png", 100))
    assert _levels(source) == [100]
    assert source.read() is None


def test_a_list_of_images_plays_in_the_given_order(tmp_path):
    paths = [_write(tmp_path / f"{n}.png", v) for n, v in (("b", 50), ("a", 150), ("c", 250))]
    assert _levels(FileSource(paths)) == [50, 150, 250]


def test_a_folder_plays_its_images_sorted_by_name_and_skips_what_is_not_an_image(tmp_path):
    _write(tmp_path / "02.png", 200)
    _write(tmp_path / "01.jpg", 100)
    (tmp_path / "03.jpg").write_bytes(b"not a jpeg at all")
    (tmp_path / "notes.txt").write_text("ignored")
    assert _levels(FileSource(tmp_path)) == [100, 200]


def test_a_looping_source_starts_over_at_the_end(tmp_path):
    paths = [_write(tmp_path / "a.png", 60), _write(tmp_path / "b.png", 120)]
    source = FileSource(paths, loop=True)
    levels = [round(float(source.read().mean()) / 10) * 10 for _ in range(5)]
    assert levels == [60, 120, 60, 120, 60]
    source.close()
    assert source.read() is None


def _write_video(path, values):
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), 10, (96, 64))
    assert writer.isOpened()
    for value in values:
        writer.write(_frame(value))
    writer.release()
    return path


def test_a_video_file_plays_frame_by_frame(tmp_path):
    video = _write_video(tmp_path / "clip.avi", [30, 90, 150, 210])
    assert _levels(FileSource(video)) == [30, 90, 150, 210]


def test_images_and_a_video_mix_and_loop(tmp_path):
    video = _write_video(tmp_path / "clip.avi", [40, 80])
    image = _write(tmp_path / "still.png", 200)
    source = FileSource([image, video], loop=True)
    levels = [round(float(source.read().mean()) / 10) * 10 for _ in range(6)]
    source.close()
    assert levels == [200, 40, 80, 200, 40, 80]


def test_closing_mid_video_releases_it_and_ends_playback(tmp_path):
    video = _write_video(tmp_path / "clip.avi", [10, 20, 30])
    source = FileSource(video)
    assert source.read() is not None
    source.close()
    assert source.read() is None


def test_a_missing_path_is_a_kiosk_error_with_a_bilingual_message(tmp_path):
    with pytest.raises(KioskError) as error:
        FileSource(tmp_path / "nowhere.jpg")
    assert error.value.code == "frames_not_found"
    assert error.value.message.ar and error.value.message.en


def test_a_folder_without_images_simply_has_no_frames(tmp_path):
    (tmp_path / "readme.txt").write_text("no images here")
    assert FileSource(tmp_path).read() is None


def test_a_camera_that_cannot_be_opened_is_a_kiosk_error():
    with pytest.raises(KioskError) as error:
        CameraSource(device=97)
    assert error.value.code == "camera_unavailable"
    assert "camera" in error.value.message.en


def test_file_and_camera_sources_satisfy_the_frame_source_protocol(tmp_path):
    assert isinstance(FileSource(_write(tmp_path / "x.png", 1)), FrameSource)
    assert issubclass(CameraSource, FrameSource)


def test_read_image_returns_none_for_unreadable_files(tmp_path):
    (tmp_path / "empty.jpg").write_bytes(b"")
    (tmp_path / "junk.png").write_bytes(b"\x89PNG\r\n\x1a\n garbage")
    assert read_image(tmp_path / "empty.jpg") is None
    assert read_image(tmp_path / "junk.png") is None
    assert read_image(tmp_path / "missing.png") is None
    assert read_image(tmp_path) is None


def test_read_image_handles_non_ascii_paths(tmp_path):
    path = _write(tmp_path / "x.png", 77)
    arabic = path.rename(tmp_path / "جواز.png")
    assert read_image(arabic).mean() == pytest.approx(77, abs=1)
