"""A keyboard-wedge scanner's burst fills the personal number; a person's typing does not."""

from kiosk.scan.wedge import WedgeDetector, WedgeScan


def _type(detector, text, start=0.0, gap_ms=8.0):
    """Feed `text` one key every `gap_ms`; return what the detector said, and the end time."""
    results, t = [], start
    for char in text:
        results.append(detector.feed(char, t))
        t += gap_ms / 1000
    return results, t


def test_a_fast_burst_ending_in_enter_is_a_scan():
    results, _ = _type(WedgeDetector(), "1012345678\r")
    assert results[:-1] == [None] * 10
    assert results[-1] == WedgeScan("1012345678", keys=10)


def test_a_line_feed_also_ends_a_burst():
    results, _ = _type(WedgeDetector(), "8012345678\n", gap_ms=2)
    assert results[-1] == WedgeScan("8012345678", keys=10)


def test_a_person_typing_the_number_and_enter_is_not_captured():
    results, _ = _type(WedgeDetector(), "1012345678\r", gap_ms=120)
    assert results == [None] * 11


def test_a_quick_typist_at_60_ms_a_key_is_not_captured():
    results, _ = _type(WedgeDetector(), "1012345678\r", gap_ms=60)
    assert results == [None] * 11


def test_a_burst_with_a_human_pause_inside_is_not_a_scan():
    detector = WedgeDetector()
    first, t = _type(detector, "10123")
    second, _ = _type(detector, "45678\r", start=t + 0.5)
    assert first + second == [None] * 11


def test_a_slow_enter_after_a_fast_burst_is_not_a_scan():
    detector = WedgeDetector()
    _, t = _type(detector, "1012345678")
    assert detector.feed("\r", t + 0.3) is None


def test_a_burst_without_enter_is_not_a_scan():
    results, _ = _type(WedgeDetector(), "1012345678")
    assert results == [None] * 10


def test_a_burst_that_is_not_a_personal_number_is_ignored():
    for text in ("2012345678\r", "101234567\r", "10123456789\r", "ABCDEFGHIJ\r"):
        results, _ = _type(WedgeDetector(), text)
        assert results[-1] is None, text


def test_typing_by_hand_then_scanning_captures_only_the_burst():
    detector = WedgeDetector()
    typed, t = _type(detector, "Ahmad", gap_ms=150)
    scanned, _ = _type(detector, "8099887766\r", start=t + 1.0)
    assert typed == [None] * 5
    assert scanned[-1] == WedgeScan("8099887766", keys=10)


def test_two_scans_in_a_row_are_both_captured():
    detector = WedgeDetector()
    first, t = _type(detector, "1011111111\r")
    second, _ = _type(detector, "1022222222\r", start=t + 2.0)
    assert first[-1].personal_number == "1011111111"
    assert second[-1].personal_number == "1022222222"


def test_arabic_indic_digits_from_an_arabic_keyboard_layout_are_normalised():
    results, _ = _type(WedgeDetector(), "١٠١٢٣٤٥٦٧٨\r")
    assert results[-1] == WedgeScan("1012345678", keys=10)


def test_a_scanner_that_sends_separators_still_fills_the_number():
    results, _ = _type(WedgeDetector(), "10-1234-5678\r")
    assert results[-1] == WedgeScan("1012345678", keys=12)


def test_an_endless_burst_is_bounded_and_not_a_scan():
    results, _ = _type(WedgeDetector(), "1" * 500 + "\r")
    assert results[-1] is None


def test_time_going_backwards_breaks_a_burst_instead_of_raising():
    detector = WedgeDetector()
    _, t = _type(detector, "10123", start=5.0)
    rest, _ = _type(detector, "45678\r", start=1.0)
    assert rest[-1] is None


def test_reset_forgets_a_half_finished_burst():
    detector = WedgeDetector()
    _, t = _type(detector, "10123")
    detector.reset()
    rest, _ = _type(detector, "45678\r", start=t)
    assert rest[-1] is None
