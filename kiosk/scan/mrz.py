"""Read a passport's (or ID card's) machine-readable zone from a camera frame.

    result = read_mrz(frame)            # numpy BGR (or grey) image, e.g. 1280×720
    if result is not None and result.valid:
        form.prefill(result.fields)      # names still need the user's confirmation

Pipeline: locate the zone (kiosk/scan/mrz_locate.py), cut each character cell, score it with
the OCR-B glyph classifier (kiosk/scan/mrz_glyphs.py), pick for each cell the best character its
field allows (digits in dates, letters in names…), then parse and check (mrz_fields.py). A zone
that reads upside down is tried turned round. No network, no Tesseract, one core.
"""

from __future__ import annotations

import dataclasses

import cv2
import numpy as np

from kiosk.scan.mrz_fields import (
    ALPHABET,
    DIGITS,
    FILLER,
    LETTERS,
    MrzResult,
    check_digit,
    parse_mrz,
)
from kiosk.scan.mrz_glyphs import default_classifier
from kiosk.scan.mrz_locate import band_rows, candidate_bands

__all__ = ["MrzResult", "check_digit", "parse_mrz", "read_mrz"]

# Frames are brought to about this long side: the locator's kernels are sized for it.
_WORKING_SIZE = 1280
# A reading that passes fewer checks than this is noise that happens to have two rows.
_MIN_CHECKS = 2
# Second choices are tried in at most this many cells, each no surer than this (log-odds).
_MAX_DOUBTFUL = 3
_DOUBT = 2.5


def read_mrz(frame: np.ndarray) -> MrzResult | None:
    """The zone in `frame`, or None when there is none to read.

    A result is returned when it passes at least a few of its check digits; `valid` says whether
    all pass. Never raises on a bad image: anything unreadable is None.
    """
    gray = _working_gray(frame)
    if gray is None:
        return None
    best: MrzResult | None = None
    for band in candidate_bands(gray):
        for turned in (False, True):
            result = _read_band(cv2.rotate(band, cv2.ROTATE_180) if turned else band)
            if result is None:
                continue
            if result.valid:
                return result
            if best is None or _passed(result) > _passed(best):
                best = result
    if best is not None and _passed(best) >= _MIN_CHECKS:
        return best
    return None


def _working_gray(frame) -> np.ndarray | None:
    """The frame as 8-bit grey at a size the locator expects; None if it is not an image."""
    if not isinstance(frame, np.ndarray) or frame.ndim not in (2, 3) or frame.size == 0:
        return None
    if frame.dtype != np.uint8:
        if not np.issubdtype(frame.dtype, np.number):
            return None
        frame = np.clip(np.nan_to_num(frame.astype(np.float32)), 0, 255).astype(np.uint8)
    if frame.ndim == 3:
        channels = frame.shape[2]
        if channels == 1:
            frame = frame[:, :, 0]
        elif channels in (3, 4):
            code = cv2.COLOR_BGR2GRAY if channels == 3 else cv2.COLOR_BGRA2GRAY
            frame = cv2.cvtColor(frame, code)
        else:
            return None
    h, w = frame.shape
    if min(h, w) < 64:
        return None
    scale = _WORKING_SIZE / max(h, w)
    if not 0.75 <= scale <= 1.34:
        frame = cv2.resize(frame, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    return np.ascontiguousarray(frame)


def _read_band(band: np.ndarray) -> MrzResult | None:
    rows = band_rows(band)
    if not rows:
        return None
    glyphs = np.concatenate([row.glyphs for row in rows])
    scores = default_classifier().scores(glyphs)
    allowed = _ALLOWED_TD3 if len(rows) == 2 else _ALLOWED_TD1
    masked = np.where(allowed, scores, -np.inf)
    order = np.argsort(-masked, axis=1)
    text = "".join(ALPHABET[i] for i in order[:, 0])
    width = len(rows[0].glyphs)
    result = _parse(text, width)
    if result is not None and not result.valid:
        result = _second_choices(text, width, masked, order, result) or result
    if result is None:
        return None
    # The least sure cell: check digits cannot catch every pair of swapped glyphs (7-3-1
    # weights let some cancel out) and names have none, so doubt anywhere is no reading.
    chosen = np.array([ALPHABET.index(c) for c in "".join(result.lines)])
    probs = np.exp(masked - np.logaddexp.reduce(masked, axis=1, keepdims=True))
    least = float(probs[np.arange(len(chosen)), chosen].min()) if len(chosen) == len(probs) else 0
    return dataclasses.replace(result, confidence=least)


def _parse(text: str, width: int) -> MrzResult | None:
    return parse_mrz([text[i : i + width] for i in range(0, len(text), width)])


def _second_choices(text, width, masked, order, result: MrzResult) -> MrzResult | None:
    """Try the classifier's runner-up in the least sure cells of the failing free-text fields.

    Kept only when exactly one change makes every check pass: a check digit lets one wrong
    guess in ten through, so the candidates are few and a tie is no reading.
    """
    fields = _FREE_CELLS[width]
    cells = [c for name, span in fields.items() if not result.checks.get(name, True) for c in span]
    if not cells:
        return None
    margin = masked[cells, order[cells, 0]] - masked[cells, order[cells, 1]]
    doubtful = [cells[i] for i in np.argsort(margin)[:_MAX_DOUBTFUL] if margin[i] < _DOUBT]
    passing = []
    for cell in doubtful:
        chars = list(text)
        chars[cell] = ALPHABET[order[cell, 1]]
        candidate = _parse("".join(chars), width)
        if candidate is not None and candidate.valid:
            passing.append(candidate)
    return passing[0] if len(passing) == 1 else None


def _passed(result: MrzResult) -> int:
    return sum(result.checks.values())


def _mask(layout: list[tuple[int, str]]) -> np.ndarray:
    """Per cell, which characters the field there allows: layout is (cells, characters)."""
    rows = []
    for count, chars in layout:
        row = np.array([c in chars for c in ALPHABET])
        rows += [row] * count
    return np.array(rows)


_ANY = ALPHABET
_ALPHA = LETTERS + FILLER
_NUM = DIGITS
_SEX = "MFX" + FILLER
_ALLOWED_TD3 = _mask(
    [(1, LETTERS), (4, _ALPHA), (39, _ALPHA)]  # type, issuer, names
    + [(9, _ANY), (1, _NUM), (3, _ALPHA)]  # number, check, nationality
    + [(7, _NUM), (1, _SEX), (7, _NUM)]  # birth + check, sex, expiry + check
    + [(14, _ANY), (1, _NUM + FILLER), (1, _NUM)]  # optional + check, composite
)
_ALLOWED_TD1 = _mask(
    [(1, LETTERS), (4, _ALPHA), (9, _ANY), (1, _NUM + FILLER), (15, _ANY)]
    + [(7, _NUM), (1, _SEX), (7, _NUM), (3, _ALPHA), (11, _ANY), (1, _NUM)]
    + [(30, _ALPHA)]
)
# The alphanumeric fields that have a check digit, by row width: the cells (in the zone's
# text without line breaks) where a runner-up character may be tried.
_FREE_CELLS = {
    44: {"document_number": range(44, 53), "optional_data": range(72, 86)},
    30: {"document_number": range(5, 14)},
}
