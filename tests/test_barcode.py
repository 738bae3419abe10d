"""The personal-number barcode recognizer on the rendered corpus, and the two-frame confirmer.

Floors are set a little below what bench/scan.py measured (seed 5, 20 frames per level: 95.8%
mean over levels, 0 misreads, 0 false positives) so that a regression fails; this corpus is a
smaller, different seed to keep the test around a minute.
"""

import statistics
from collections import defaultdict

import cv2
import numpy as np
import pytest

from kiosk.scan.barcode import BarcodeReader, Confirmer, Reading, is_personal_number
from tests.corpus import barcodes as corpus

PER_LEVEL = 3
# Per degradation (averaged over its levels); the hardest ones are below 100% by nature:
# a long streak of motion along the bars' axis or σ = 2 px defocus on 3 px modules erase bars.
FLOORS = {"blur": 0.7, "motion": 0.5, "small": 0.75}
DEFAULT_FLOOR = 0.85
MEAN_FLOOR = 0.9


@pytest.fixture(scope="module")
def reader():
    return BarcodeReader()


@pytest.fixture(scope="module")
def positive_results(reader):
    """(sample, reading) for every positive frame of the small test corpus."""
    return [(s, reader.read(s.frame)) for s in corpus.positives(seed=11, per_level=PER_LEVEL)]


def test_every_clean_rendering_of_the_corpus_decodes():
    assert corpus.check_clean_renderings(samples=12) == []


def test_detection_rate_per_degradation_stays_above_its_floor(positive_results):
    hits = defaultdict(list)
    for sample, reading in positive_results:
        hits[sample.degradation].append(reading.personal_number == sample.expected)
    rates = {name: sum(v) / len(v) for name, v in hits.items()}
    below = {name: rate for name, rate in rates.items() if rate < FLOORS.get(name, DEFAULT_FLOOR)}
    assert below == {}
    assert statistics.fmean(rates.values()) >= MEAN_FLOOR


def test_no_positive_frame_is_ever_misread(positive_results):
    misreads = [
        (s.name, r.personal_number)
        for s, r in positive_results
        if r.personal_number is not None and r.personal_number != s.expected
    ]
    assert misreads == []


def test_a_read_reports_its_symbology(positive_results):
    clean = [(s, r) for s, r in positive_results if s.degradation == "clean"]
    assert clean and all(r.symbology == s.symbology for s, r in clean)


def test_negatives_never_yield_a_number(reader):
    wrong = []
    for sample in corpus.negatives(seed=12, per_kind=3):
        reading = reader.read(sample.frame)
        if reading.personal_number is not None:
            wrong.append((sample.name, reading.personal_number))
    assert wrong == []


def test_two_different_numbers_in_one_frame_are_a_conflict_not_a_read(reader):
    rng = np.random.default_rng(21)
    symbols = [("Code128", "1012345678"), ("Code128", "8098765432")]
    frame = corpus.render_frame(rng, symbols)
    reading = reader.read(frame)
    assert reading.personal_number is None
    assert reading.conflict


def test_the_same_number_twice_in_one_frame_is_one_read(reader):
    rng = np.random.default_rng(22)
    frame = corpus.render_frame(rng, [("Code128", "1012345678"), ("ITF", "1012345678")])
    reading = reader.read(frame)
    assert (reading.personal_number, reading.conflict) == ("1012345678", False)


def test_an_upside_down_passport_reads_the_same_number(reader):
    rng = np.random.default_rng(23)
    frame = corpus.render_frame(rng, [("Code128", "8012340000")])
    assert reader.read(cv2.rotate(frame, cv2.ROTATE_180)).personal_number == "8012340000"


@pytest.mark.parametrize(
    "frame",
    [
        None,
        "not an image",
        np.zeros((0, 0, 3), np.uint8),
        np.zeros((720, 1280, 3), np.float32),
        np.zeros((720, 1280, 2), np.uint8),
    ],
    ids=["none", "text", "empty", "float", "two-channel"],
)
def test_a_frame_that_is_not_an_image_becomes_a_problem_not_an_exception(reader, frame):
    reading = reader.read(frame)
    assert reading.personal_number is None
    assert reading.problem.code == "frame_unreadable"
    assert reading.problem.message.ar and reading.problem.message.en


def test_grey_and_bgra_frames_are_read_like_bgr(reader):
    rng = np.random.default_rng(24)
    frame = corpus.render_frame(rng, [("Code128", "1055555555")])
    grey = cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)
    bgra = cv2.cvtColor(frame, cv2.COLOR_BGR2BGRA)
    assert reader.read(grey).personal_number == "1055555555"
    assert reader.read(bgra).personal_number == "1055555555"


def test_a_tiny_or_blank_frame_reads_nothing(reader):
    assert reader.read(np.full((4, 4), 255, np.uint8)).personal_number is None
    assert reader.read(np.zeros((720, 1280, 3), np.uint8)).personal_number is None


@pytest.mark.parametrize(
    "text, valid",
    [
        ("1012345678", True),
        ("8000000000", True),
        ("2012345678", False),
        ("101234567", False),
        ("10123456789", False),
        ("10-1234567", False),
        ("١٠١٢٣٤٥٦٧٨", False),  # a barcode's text is ASCII; Arabic digits are not its form
        ("10 12345678", False),
    ],
)
def test_only_the_exact_ten_digit_form_counts_as_a_barcode_number(text, valid):
    assert is_personal_number(text) is valid


def _reading(number=None, conflict=False):
    return Reading(
        personal_number=number, symbology="Code128" if number else None, conflict=conflict
    )


def test_confirmer_accepts_a_number_read_on_two_frames_in_a_row():
    confirmer = Confirmer()
    assert confirmer.feed(_reading("1012345678")) is None
    assert confirmer.feed(_reading("1012345678")) == "1012345678"
    # Confirmed once; a third identical frame does not confirm it again.
    assert confirmer.feed(_reading("1012345678")) is None


def test_confirmer_needs_the_two_frames_to_be_consecutive():
    confirmer = Confirmer()
    assert confirmer.feed(_reading("1012345678")) is None
    assert confirmer.feed(_reading()) is None
    assert confirmer.feed(_reading("1012345678")) is None
    assert confirmer.feed(_reading("1012345678")) == "1012345678"


def test_confirmer_never_accepts_alternating_numbers():
    confirmer = Confirmer()
    results = [confirmer.feed(_reading(n)) for n in ["1012345678", "1012345679"] * 5]
    assert results == [None] * 10


def test_a_conflict_frame_breaks_the_run():
    confirmer = Confirmer()
    confirmer.feed(_reading("1012345678"))
    assert confirmer.feed(_reading(conflict=True)) is None
    assert confirmer.feed(_reading("1012345678")) is None
    assert confirmer.feed(_reading("1012345678")) == "1012345678"


def test_reset_starts_the_confirmation_over():
    confirmer = Confirmer()
    confirmer.feed(_reading("8011112222"))
    confirmer.reset()
    assert confirmer.feed(_reading("8011112222")) is None
    assert confirmer.feed(_reading("8011112222")) == "8011112222"


def test_confirmer_over_real_frames_confirms_only_after_the_second_frame(reader):
    rng = np.random.default_rng(25)
    frames = [corpus.render_frame(rng, [("Code128", "1077777777")], "noise", 8) for _ in range(2)]
    confirmer = Confirmer()
    assert confirmer.feed(reader.read(frames[0])) is None
    assert confirmer.feed(reader.read(frames[1])) == "1077777777"
