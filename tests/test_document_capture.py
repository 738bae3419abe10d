"""Document capture on rendered photos: refusals with reasons, flat pages, auto-capture, JPEG."""

from __future__ import annotations

import functools
import hashlib

import cv2
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from kiosk import resources
from kiosk.errors import KioskError
from kiosk.scan import document as doc
from kiosk.scan.document_jpeg import QUALITIES, encode_jpeg, jfif_dpi
from kiosk.scan.document_quality import required_dpi
from tests.corpus import documents as corpus

PAPERS = {"a4": doc.A4, "passport": doc.PASSPORT_PAGE, "id_card": doc.ID_CARD}
SEEDS = range(8)


@functools.cache
def photo(seed: int, defect: str, **kwargs) -> corpus.DocumentPhoto:
    return corpus.photo(seed, defect, **kwargs)


def paper_of(p: corpus.DocumentPhoto) -> doc.Paper:
    return PAPERS[p.paper]


def decode(page: doc.CapturedPage) -> np.ndarray:
    return decode_bytes(page.jpeg)


def decode_bytes(data: bytes) -> np.ndarray:
    return cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)


def marker_positions(image: np.ndarray) -> np.ndarray:
    """Centroids of the dark corner markers found near where the flat page should have them."""
    gray = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    h, w = gray.shape
    reach = int(0.1 * min(w, h))
    found = []
    for x, y in corpus.marker_centres(w, h):
        x0, y0 = max(0, int(x) - reach), max(0, int(y) - reach)
        window = (gray[y0 : int(y) + reach, x0 : int(x) + reach] < 80).astype(np.uint8)
        m = cv2.moments(window, binaryImage=True)
        assert m["m00"] > 0, "a corner marker is missing from the flattened page"
        found.append((x0 + m["m10"] / m["m00"], y0 + m["m01"] / m["m00"]))
    return np.array(found)


# --- refusals -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("defect", "code", "arabic_hint"),
    [
        ("blur", doc.BLURRED, "ثبّت المستند"),
        ("glare", doc.GLARE, "لمعان"),
        ("small", doc.TOO_SMALL, "قرّب"),
        ("cut_off", doc.CUT_OFF, "كاملاً"),
    ],
)
def test_each_defect_is_refused_with_its_code_and_a_bilingual_hint(defect, code, arabic_hint):
    for seed in SEEDS:
        p = photo(seed, defect)
        assessment = doc.assess(p.frame, paper_of(p))
        assert not assessment.ok
        assert code in assessment.codes, (seed, p.paper, assessment.codes)
        refused = doc.capture_now(p.frame, paper_of(p))
        assert isinstance(refused, list)
        hint = next(x for x in refused if x.code == code)
        assert arabic_hint in hint.message.ar
        assert hint.message.en and hint.field == "document"


def test_blur_is_the_only_complaint_about_a_blurred_but_well_placed_page():
    for seed in SEEDS:
        p = photo(seed, "blur")
        assert doc.assess(p.frame, paper_of(p)).codes == (doc.BLURRED,)


def test_a_tray_without_a_document_asks_for_the_whole_document():
    assessment = doc.assess(corpus.empty_desk(1))
    assert assessment.quad is None
    assert assessment.codes == (doc.CUT_OFF,)


def test_a_cut_off_page_is_found_but_refused_before_any_other_check():
    p = photo(3, "cut_off")
    assessment = doc.assess(p.frame, paper_of(p))
    assert assessment.quad is not None
    assert assessment.codes == (doc.CUT_OFF,)


def test_a_small_page_standing_upright_is_told_to_turn_sideways():
    for seed in range(4):
        p = photo(seed, "small", rotation=90)
        assert doc.assess(p.frame, paper_of(p)).codes[0] == doc.TURN_SIDEWAYS


def test_a_page_of_unknown_size_is_judged_by_how_much_of_the_frame_it_covers():
    assert doc.assess(photo(2, "small").frame, paper=None).codes == (doc.TOO_SMALL,)
    assert doc.assess(photo(2, "clean").frame, paper=None).ok


# --- clean pages ----------------------------------------------------------------------------


def test_clean_pages_are_accepted_flat_with_the_corner_markers_at_the_corners():
    for seed in range(12):
        p = photo(seed, "clean")
        assessment = doc.assess(p.frame, paper_of(p))
        assert assessment.ok, (seed, assessment.codes)
        corner_error = np.abs(assessment.quad - p.corners).max()
        assert corner_error < 3.0, (seed, corner_error)
        page = doc.capture_now(p.frame, paper_of(p))
        assert isinstance(page, doc.CapturedPage)
        image = decode(page)
        h, w = image.shape[:2]
        assert (w, h) == (page.width, page.height)
        assert w / h == pytest.approx(p.aspect, rel=0.01)
        expected = corpus.marker_centres(w, h)
        # Every marker within 1 % of the page's size of where it was printed.
        off = np.abs(marker_positions(image) - expected) / np.array([w, h])
        assert off.max() < 0.01, (seed, off.max())


def test_perspective_is_undone_so_a_tilted_page_keeps_its_true_proportions():
    # Seeds whose pose tilts the page strongly (sides differ by 10 % or more in the frame).
    tilted = []
    for seed in range(24):
        p = photo(seed, "clean")
        c = p.corners
        left, right = np.linalg.norm(c[3] - c[0]), np.linalg.norm(c[2] - c[1])
        if abs(left / right - 1) > 0.1:
            tilted.append(p)
    assert len(tilted) >= 3
    for p in tilted:
        assessment = doc.assess(p.frame, paper=None)  # no paper: the estimate alone
        w, h = assessment.size
        assert w / h == pytest.approx(p.aspect, rel=0.035)


def test_an_upright_page_comes_out_upright_and_an_upside_down_one_is_still_taken():
    upright = photo(5, "clean", rotation=90)
    assessment = doc.assess(upright.frame, paper=None)
    assert assessment.ok and assessment.size[1] > assessment.size[0]
    upside_down = photo(6, "clean", rotation=180)
    page = doc.capture_now(upside_down.frame, paper_of(upside_down))
    assert isinstance(page, doc.CapturedPage) and page.width > page.height


def test_an_id_card_is_captured_at_200_dpi_or_more():
    p = photo(0, "clean", paper="id_card")
    page = doc.capture_now(p.frame, doc.ID_CARD)
    assert isinstance(page, doc.CapturedPage)
    assert page.dpi >= 200
    assert jfif_dpi(page.jpeg) == (round(page.dpi), round(page.dpi))


def test_required_dpi_is_200_where_the_camera_reaches_it_and_60_percent_of_its_best_elsewhere():
    assert required_dpi(doc.ID_CARD, 1280, 720) == 200
    # A4 fills a 720p frame at ~87 dpi lying sideways: 60 % of that.
    assert required_dpi(doc.A4, 1280, 720) == pytest.approx(0.6 * 720 / (210 / 25.4))
    assert required_dpi(doc.PASSPORT_PAGE, 1280, 720) == pytest.approx(0.6 * 720 / (88 / 25.4))
    # A 4K document camera raises the bar by itself.
    assert required_dpi(doc.A4, 3840, 2160) > 150


# --- manual shutter -------------------------------------------------------------------------


def test_the_user_may_accept_a_glare_spot_and_the_page_says_so():
    p = photo(1, "glare")
    refused = doc.capture_now(p.frame, paper_of(p))
    assert [x.code for x in refused] == [doc.GLARE]
    page = doc.capture_now(p.frame, paper_of(p), accept={doc.GLARE})
    assert isinstance(page, doc.CapturedPage)
    assert page.overridden == (doc.GLARE,)


def test_the_user_cannot_accept_blur_cut_off_or_too_small():
    for defect in ("blur", "cut_off", "small"):
        p = photo(2, defect)
        everything = {doc.BLURRED, doc.CUT_OFF, doc.TOO_SMALL, doc.TURN_SIDEWAYS, doc.GLARE}
        refused = doc.capture_now(p.frame, paper_of(p), accept=everything)
        assert isinstance(refused, list) and refused, defect


def test_glare_over_a_large_part_of_the_page_cannot_be_accepted():
    p = photo(1, "glare")
    strict = doc.CaptureSettings(max_glare_override=0.001)
    refused = doc.capture_now(p.frame, paper_of(p), strict, accept={doc.GLARE})
    assert [x.code for x in refused] == [doc.GLARE]


# --- JPEG output ----------------------------------------------------------------------------


def test_pages_fit_the_byte_limit_by_lowering_quality_and_carry_their_hash():
    p = photo(4, "clean", paper="id_card")
    roomy = doc.capture_now(p.frame, doc.ID_CARD)
    limit = roomy.size_bytes // 2
    tight = doc.capture_now(p.frame, doc.ID_CARD, doc.CaptureSettings(max_bytes=limit))
    assert isinstance(tight, doc.CapturedPage)
    assert tight.size_bytes <= limit
    assert tight.quality < roomy.quality
    assert tight.dpi >= 200
    assert tight.sha256 == hashlib.sha256(tight.jpeg).hexdigest()
    assert decode(tight) is not None


def test_the_default_limit_is_the_configured_one_megabyte(kiosk_config):
    settings = doc.CaptureSettings.from_config(kiosk_config.scan)
    assert settings.max_bytes == 1_000_000 == doc.CaptureSettings().max_bytes
    for seed in range(4):
        p = photo(seed, "clean")
        page = doc.capture_now(p.frame, paper_of(p), settings)
        assert page.size_bytes <= 1_000_000


def test_a_page_that_cannot_fit_without_dropping_below_the_required_dpi_is_refused():
    p = photo(0, "clean", paper="a4")
    refused = doc.capture_now(p.frame, doc.A4, doc.CaptureSettings(max_bytes=3_000))
    assert [x.code for x in refused] == [doc.TOO_LARGE]


def test_the_encoder_shrinks_a_page_only_when_quality_alone_cannot_fit_and_never_past_the_floor():
    # Fine noise compresses badly: quality alone cannot bring it under the limit.
    rng = np.random.default_rng(3)
    image = rng.integers(0, 256, (1200, 1600, 3), dtype=np.uint8)
    limit = 400_000
    encoded = encode_jpeg(image, limit, dpi=300, min_scale=0.5)
    assert encoded is not None and len(encoded.data) <= limit
    assert 0.5 <= encoded.scale < 1.0
    params = [cv2.IMWRITE_JPEG_QUALITY, QUALITIES[-1], cv2.IMWRITE_JPEG_OPTIMIZE, 1]
    _, lowest = cv2.imencode(".jpg", image, params)
    assert len(lowest) > limit  # so shrinking was needed
    assert decode_bytes(encoded.data).shape[:2] == (encoded.height, encoded.width)
    assert jfif_dpi(encoded.data) == (round(300 * encoded.scale),) * 2
    assert encode_jpeg(image, 20_000, dpi=300, min_scale=0.5) is None


# --- auto-capture ---------------------------------------------------------------------------


def test_auto_capture_fires_once_the_page_has_been_steady_and_sharp_for_half_a_second():
    frames = corpus.steady_sequence(0, 30)
    auto = doc.AutoCapture(paper_of(photo(0, "clean")))
    taken = [(t, page) for frame, t in frames if (page := auto.feed(frame, t))]
    assert len(taken) == 1
    t, page = taken[0]
    assert 0.5 <= t < 0.6
    assert page.sha256 == hashlib.sha256(page.jpeg).hexdigest()
    assert decode(page).shape[:2] == (page.height, page.width)


def test_auto_capture_does_not_fire_while_the_page_is_moving():
    for seed in range(2):
        auto = doc.AutoCapture(paper_of(photo(seed, "clean")))
        assert not [t for frame, t in corpus.moving_sequence(seed, 30) if auto.feed(frame, t)]
        assert auto.progress < 1.0


def test_auto_capture_does_not_fire_on_a_page_held_still_but_blurred():
    p = photo(3, "blur")
    auto = doc.AutoCapture(paper_of(p))
    assert not [i for i in range(30) if auto.feed(p.frame, i / 30)]
    assert auto.last.codes == (doc.BLURRED,)


def test_auto_capture_takes_the_next_page_only_after_the_page_changes():
    paper = paper_of(photo(0, "clean"))
    auto = doc.AutoCapture(paper)
    first = [f for f, t in corpus.steady_sequence(0, 40)]
    taken = sum(1 for i, f in enumerate(first) if auto.feed(f, i / 30))
    assert taken == 1  # held there for 1.3 s: one picture, not three
    clock = len(first) / 30
    # The page is taken away, then another one is put down and held still.
    for i in range(5):
        assert auto.feed(corpus.empty_desk(i), clock) is None
        clock += 1 / 30
    second = [f for f, t in corpus.steady_sequence(7, 20)]
    taken = []
    for f in second:
        taken += [p] if (p := auto.feed(f, clock)) else []
        clock += 1 / 30
    assert len(taken) == 1


def test_auto_capture_notices_a_booklet_page_turned_in_the_same_place():
    a = photo(10, "clean", paper="passport", pose_seed=50)
    b = photo(11, "clean", paper="passport", pose_seed=50)
    assert np.allclose(a.corners, b.corners)
    auto = doc.AutoCapture(doc.PASSPORT_PAGE)
    clock, pages = 0.0, []
    for frame in [a.frame] * 20 + [b.frame] * 20:
        pages += [p] if (p := auto.feed(frame, clock)) else []
        clock += 1 / 30
    assert len(pages) == 2
    assert pages[0].sha256 != pages[1].sha256


def test_after_the_manual_shutter_auto_capture_waits_for_another_page():
    p = photo(2, "clean")
    auto = doc.AutoCapture(paper_of(p))
    page = auto.capture_now(p.frame)
    assert isinstance(page, doc.CapturedPage) and auto.last.ok
    assert not [i for i in range(30) if auto.feed(p.frame, i / 30)]
    refused = auto.capture_now(photo(2, "blur").frame)
    assert [x.code for x in refused] == [doc.BLURRED] and auto.last.codes == (doc.BLURRED,)


def test_auto_capture_restarts_when_the_clock_goes_backwards():
    frames = corpus.steady_sequence(1, 12)
    auto = doc.AutoCapture(paper_of(photo(1, "clean")))
    for frame, t in frames:
        assert auto.feed(frame, 10.0 - t) is None  # every frame "earlier" than the last


def test_the_demo_sample_pages_are_taken_one_after_the_other_by_auto_capture():
    files = sorted(resources.path("samples/documents").glob("*.jpg"))
    assert len(files) == 2
    frames = [cv2.imread(str(f)) for f in files]
    auto = doc.AutoCapture(doc.A4)
    document = doc.CapturedDocument("sample_certificate", doc.A4)
    clock = 0.0
    for frame in frames:
        for _ in range(20):
            if page := auto.feed(frame, clock):
                document.add(page)
            clock += 1 / 30
    assert len(document.pages) == 2
    assert len(set(document.hashes)) == 2


# --- documents and bad input ----------------------------------------------------------------


def test_a_document_keeps_its_pages_in_order_and_refuses_past_its_limit():
    pages = [doc.capture_now(photo(s, "clean").frame, paper_of(photo(s, "clean"))) for s in (0, 1)]
    document = doc.CapturedDocument("family_book", doc.A4, max_pages=2)
    for page in pages:
        document.add(page)
    assert document.hashes == [p.sha256 for p in pages]
    assert document.total_bytes == sum(len(p.jpeg) for p in pages)
    with pytest.raises(KioskError) as error:
        document.add(pages[0])
    assert error.value.code == doc.TOO_MANY_PAGES
    document.replace(0, pages[1])
    document.remove(1)
    assert document.hashes == [pages[1].sha256]
    document.clear()
    assert document.pages == []


def test_a_page_never_shows_its_bytes_in_a_log_line():
    page = doc.capture_now(photo(0, "clean").frame, paper_of(photo(0, "clean")))
    text = repr(page)
    assert "jpeg" not in text and "\\x" not in text and len(text) < 120


@pytest.mark.parametrize(
    "frame",
    [
        None,
        "frame.jpg",
        b"\xff\xd8\xff",
        np.zeros((0, 0, 3), np.uint8),
        np.zeros((10, 10, 3), np.uint8),
        np.zeros((720, 1280, 3), np.uint8),
        np.full((720, 1280, 3), 255, np.uint8),
        np.zeros((720, 1280, 3), np.float32),
        np.zeros((720, 1280, 5), np.uint8),
        np.zeros((720, 1280, 3, 1), np.uint8),
        np.random.default_rng(0).integers(0, 256, (720, 1280, 3), dtype=np.uint8),
    ],
    ids=lambda f: type(f).__name__ if not isinstance(f, np.ndarray) else f"{f.dtype}{f.shape}",
)
def test_garbage_frames_become_problems_not_exceptions(frame):
    assessment = doc.assess(frame)
    assert not assessment.ok
    assert isinstance(doc.capture_now(frame), list)
    assert doc.AutoCapture().feed(frame, 0.0) is None


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    hnp.arrays(
        np.uint8,
        st.tuples(st.integers(1, 200), st.integers(1, 200), st.sampled_from([1, 3, 4])),
        elements=st.integers(0, 255),
    )
)
def test_any_small_picture_is_assessed_without_raising(frame):
    assessment = doc.assess(frame, paper=doc.ID_CARD)
    assert isinstance(assessment, doc.Assessment)
    result = doc.capture_now(frame, doc.ID_CARD, accept={doc.GLARE})
    assert isinstance(result, list | doc.CapturedPage)
