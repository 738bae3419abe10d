"""Find the machine-readable zone in a frame and cut it into one small bitmap per character.

The zone is two (TD3) or three (TD1) long lines of dark, evenly spaced OCR-B characters. A
black-hat filter keeps dark marks smaller than a character cell, closing smears each line into a
bar and the lines into one band; the band's minimum-area rectangle gives the skew. The band is
cut out straight at full resolution, split into text rows by their projection, and each row into
its fixed number of cells (the font is monospaced: the row's extent fixes the grid, and the
glyphs' own centres refine it).
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

# Each glyph is normalised to this many pixels (width, height): the cell's pitch by the row's
# cap height plus a margin, which keeps the glyph's size and place in its cell (0 vs O).
GLYPH_W, GLYPH_H = 16, 22
# Locating works on a half-size frame: 4× fewer pixels, and the zone is still 250+ px long.
_LOCATE_SCALE = 0.5
_MAX_CANDIDATES = 3
# Characters per row, by number of rows: TD3 (passports) and TD1 (ID cards).
ROW_CELLS = {2: 44, 3: 30}


@dataclass
class Row:
    """One text row of a candidate zone: its glyph bitmaps, left to right."""

    glyphs: np.ndarray  # (cells, GLYPH_H, GLYPH_W) float32, ink = 1
    pitch: float


def candidate_bands(gray: np.ndarray) -> list[np.ndarray]:
    """The likeliest zones in a grey frame, best first, each cut out straight (ink dark)."""
    small = cv2.resize(gray, None, fx=_LOCATE_SCALE, fy=_LOCATE_SCALE, interpolation=cv2.INTER_AREA)
    blackhat = cv2.morphologyEx(small, cv2.MORPH_BLACKHAT, _rect(15, 11))
    _, ink = cv2.threshold(blackhat, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    # Characters of a line are ~0.35 pitch apart, lines ~0.7 pitch: close both gaps.
    bars = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, _rect(9, 1))
    band = cv2.morphologyEx(bars, cv2.MORPH_CLOSE, _rect(1, 9))
    band = cv2.morphologyEx(band, cv2.MORPH_OPEN, _rect(9, 3))
    contours, _ = cv2.findContours(band, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    min_length = 0.25 * small.shape[1]
    scored = []
    for contour in contours:
        (cx, cy), (w, h), _ = rect = cv2.minAreaRect(contour)
        length, thickness = max(w, h), min(w, h)
        if length < min_length or thickness < 4 or not 4 <= length / thickness <= 45:
            continue
        # A zone is dense: its rectangle is mostly filled by the smeared characters.
        fill = cv2.contourArea(contour) / max(w * h, 1)
        if fill < 0.6:
            continue
        scored.append((length * fill, rect))
    scored.sort(key=lambda item: -item[0])
    return [_cut(gray, rect) for _, rect in scored[:_MAX_CANDIDATES]]


def _rect(width: int, height: int) -> np.ndarray:
    return cv2.getStructuringElement(cv2.MORPH_RECT, (width, height))


def _cut(gray: np.ndarray, rect) -> np.ndarray:
    """The rectangle (found at the locating scale) cut out of the full frame, long side level."""
    box = cv2.boxPoints(rect) / _LOCATE_SCALE
    edges = [box[(i + 1) % 4] - box[i] for i in range(2)]
    along = max(edges, key=lambda e: float(np.hypot(*e)))
    angle = float(np.degrees(np.arctan2(along[1], along[0])))
    if angle > 90:
        angle -= 180
    elif angle <= -90:
        angle += 180
    length = float(np.hypot(*along))
    thickness = float(np.hypot(*min(edges, key=lambda e: float(np.hypot(*e)))))
    centre = box.mean(axis=0)
    # Margins: the smeared bars end short of the glyphs' edges, and blur thins them.
    out_w = int(length + 2 * thickness)
    out_h = int(thickness * 1.5 + 12)
    matrix = cv2.getRotationMatrix2D((float(centre[0]), float(centre[1])), angle, 1.0)
    matrix[:, 2] += (out_w / 2 - centre[0], out_h / 2 - centre[1])
    return cv2.warpAffine(
        gray, matrix, (out_w, out_h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE
    )


def band_rows(band: np.ndarray, cells: int | None = None) -> list[Row]:
    """Split a straight band into text rows of `cells` glyphs each (rows too short are dropped).

    Without `cells`, the row count says the layout: two rows of 44 (TD3), three of 30 (TD1).
    """
    ink = _ink(band)
    # Thresholded after a blur the width of a stroke: sensor noise no longer makes specks.
    smooth = cv2.GaussianBlur(ink, (0, 0), max(0.7, band.shape[0] / 60))
    _, binary = cv2.threshold(
        (smooth * 255).astype(np.uint8), 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU
    )
    binary = _drop_edge_marks(binary)
    runs = _text_rows(binary)
    found = []
    for i, (top, bottom) in enumerate(runs):
        # Look a little above and below the run (its ends are thresholded), not into the next.
        above = (runs[i - 1][1] + top) // 2 if i else max(0, top - (bottom - top) // 2)
        below = (
            (bottom + runs[i + 1][0]) // 2 if i + 1 < len(runs) else bottom + (bottom - top) // 2
        )
        marks = _marks(binary[above:below], bottom - top)
        if marks is not None:
            found.append((above, marks))
    if cells is None:
        cells = ROW_CELLS.get(len(found))
        if cells is None:
            return []
    # The rows of a zone start and end together: a row whose end is washed out by glare
    # takes its grid from a sibling if that explains its glyphs better.
    extents = [marks.extent for _, marks in found]
    rows = []
    for offset, marks in found:
        extent = max(extents, key=lambda e: _grid_score(marks.xs, e, cells))
        row = _row(ink, offset, marks, extent, cells)
        if row is not None:
            rows.append(row)
    return rows


def _drop_edge_marks(binary: np.ndarray) -> np.ndarray:
    """Remove marks touching the band's left or right cut: page edges, the desk, other print."""
    count, labels, stats, _ = cv2.connectedComponentsWithStats(binary, connectivity=8)
    lefts, widths = stats[:, cv2.CC_STAT_LEFT], stats[:, cv2.CC_STAT_WIDTH]
    touching = (lefts == 0) | (lefts + widths >= binary.shape[1])
    touching[0] = False
    if not touching.any():
        return binary
    return np.where(touching[labels], 0, binary).astype(np.uint8)


def _ink(gray: np.ndarray) -> np.ndarray:
    """Darkness above the local background, 0…1: flat lighting, glare and tint removed.

    Each region is scaled by the darkest ink near it, so glyphs half washed out by glare count
    as ink too; a floor keeps blank paper's grain from being blown up into glyphs.
    """
    h = gray.shape[0]
    size = max(15, (h // 3) | 1)
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (size, size))
    blackhat = cv2.morphologyEx(gray, cv2.MORPH_BLACKHAT, kernel).astype(np.float32)
    strongest = float(np.percentile(blackhat, 99))
    local = cv2.dilate(blackhat, cv2.getStructuringElement(cv2.MORPH_RECT, (2 * size + 1, h)))
    local = cv2.blur(local, (2 * size + 1, 1))
    return np.clip(blackhat / np.maximum(local, max(0.4 * strongest, 8.0)), 0, 1)


def _text_rows(binary: np.ndarray) -> list[tuple[int, int]]:
    """(top, bottom) of each run of inked rows, tall enough to be a line of capitals."""
    profile = binary.sum(axis=1) / 255.0
    if profile.max() <= 0:
        return []
    on = profile > 0.25 * profile.max()
    runs, start = [], None
    for y, value in enumerate(np.append(on, False)):
        if value and start is None:
            start = y
        elif not value and start is not None:
            runs.append((start, y))
            start = None
    if not runs:
        return []
    tallest = max(b - a for a, b in runs)
    return [(a, b) for a, b in runs if b - a >= 0.5 * tallest]


@dataclass
class _Marks:
    extent: tuple[int, int]  # first and last ink column of the row
    xs: np.ndarray  # centres of the single, glyph-sized marks
    bottoms: np.ndarray  # their lowest rows (the baseline), in the strip's rows


def _marks(strip: np.ndarray, height: int) -> _Marks | None:
    """The row's glyph-sized marks, or None when there are too few to be a row."""
    _, _, stats, centroids = cv2.connectedComponentsWithStats(strip, connectivity=8)
    stats, xs = stats[1:], centroids[1:, 0]
    heights, widths = stats[:, cv2.CC_STAT_HEIGHT], stats[:, cv2.CC_STAT_WIDTH]
    # Specks of noise and print around the zone do not set the row's ends.
    tall = (heights >= 0.45 * height) & (stats[:, cv2.CC_STAT_AREA] >= 0.04 * height * height)
    if tall.sum() < 2:
        return None
    extent = _core_extent(stats[tall], max_gap=1.5 * height)
    single = tall & (widths < 0.95 * height) & (widths > 0.2 * height) & (heights < 1.6 * height)
    bottoms = stats[single, cv2.CC_STAT_TOP] + heights[single]
    return _Marks(extent=extent, xs=xs[single], bottoms=bottoms.astype(np.float64))


def _grid_score(xs: np.ndarray, extent: tuple[int, int], cells: int) -> float:
    """How well a grid spanning `extent` explains glyph centres: hits minus strays."""
    left, right = extent
    pitch = (right - left) / (cells - 0.4)
    if pitch <= 0:
        return -np.inf
    index = (xs - left - 0.3 * pitch) / pitch
    inside = (index > -0.5) & (index < cells - 0.5)
    hits = inside & (np.abs(index - np.round(index)) < 0.25)
    return float(hits.sum() - (~inside).sum())


def _row(ink, offset: int, marks: _Marks, extent, cells: int) -> Row | None:
    """The row's glyphs: `cells` cells on the grid spanning `extent`, standing on the baseline.

    Every cell is cut by the grid's geometry alone (pitch wide, 1.4 pitch tall, its foot on the
    fitted baseline), so a glyph keeps its size and place: 0 stays narrower than O.
    """
    left, right = extent
    # OCR-B: cap height ≈ advance ≈ 0.72 em; a glyph's ink spans ~0.6 of its cell.
    pitch = (right - left) / (cells - 0.4)
    if pitch < 4:
        return None
    centres = _grid(marks.xs, extent, cells)
    baseline = offset + _baseline(marks.xs, marks.bottoms, centres)
    glyphs = np.empty((cells, GLYPH_H, GLYPH_W), np.float32)
    for i, (cx, foot) in enumerate(zip(centres, baseline, strict=True)):
        x0 = int(round(cx - pitch / 2))
        x1 = max(x0 + 1, int(round(cx + pitch / 2)))
        y0 = int(round(foot - 1.2 * pitch))
        y1 = max(y0 + 1, int(round(foot + 0.2 * pitch)))
        cell = _window(ink, x0, x1, y0, y1)
        glyphs[i] = cv2.resize(cell, (GLYPH_W, GLYPH_H), interpolation=cv2.INTER_AREA)
    return Row(glyphs=glyphs, pitch=pitch)


def _baseline(xs: np.ndarray, bottoms: np.ndarray, centres: np.ndarray) -> np.ndarray:
    """The row's foot under each cell: a straight line through the glyphs' bottoms."""
    if len(xs) < 6:
        return np.full(len(centres), np.median(bottoms) if len(bottoms) else 0.0)
    keep = np.ones(len(xs), bool)
    fit = np.polyfit(xs, bottoms, 1)
    for _ in range(2):  # a Q's tail or a merged blob is not the baseline
        residual = np.abs(np.polyval(fit, xs) - bottoms)
        keep = residual <= max(1.5, 2 * np.median(residual))
        if keep.sum() < 4:
            break
        fit = np.polyfit(xs[keep], bottoms[keep], 1)
    return np.polyval(fit, centres)


def _core_extent(boxes: np.ndarray, max_gap: float) -> tuple[int, int]:
    """From the first to the last mark of the widest group with no gap over `max_gap`."""
    lefts = boxes[:, cv2.CC_STAT_LEFT]
    order = np.argsort(lefts)
    lefts = lefts[order]
    rights = lefts + boxes[order, cv2.CC_STAT_WIDTH]
    reach = np.maximum.accumulate(rights)
    breaks = np.flatnonzero(lefts[1:] - reach[:-1] > max_gap)
    starts = np.concatenate([[0], breaks + 1])
    ends = np.concatenate([breaks, [len(lefts) - 1]])
    spans = reach[ends] - lefts[starts]
    best = int(np.argmax(spans))
    return int(lefts[starts[best]]), int(reach[ends[best]])


def _grid(xs: np.ndarray, extent: tuple[int, int], cells: int) -> np.ndarray:
    """Centres of the row's cells, from its two ends and the spacing of its glyphs.

    A tilted page foreshortens one end of the row: the pitch then changes along it, and an even
    grid drifts half a cell off in the middle. So the local pitch is measured from neighbouring
    glyphs, stepped along from the left end, stretched to land on the right end, and finally
    fitted (quadratic) to the glyph centres it explains.
    """
    left, right = extent
    pitch = (right - left) / (cells - 0.4)
    xs = np.sort(xs)
    gaps, middles = np.diff(xs), (xs[1:] + xs[:-1]) / 2
    neighbours = (gaps > 0.75 * pitch) & (gaps < 1.3 * pitch)
    slope = 0.0
    if neighbours.sum() >= 6:
        slope = float(np.polyfit(middles[neighbours], gaps[neighbours], 1)[0])
    steps = pitch + slope * (left + pitch * np.arange(cells) - (left + right) / 2)
    positions = np.concatenate([[0.0], np.cumsum(steps[:-1])])
    first = left + 0.3 * steps[0]
    last = right - 0.3 * steps[-1]
    centres = first + positions * (last - first) / max(positions[-1], 1e-6)
    if len(xs) < 8:
        return centres
    # Each glyph belongs to the nearest cell; a glyph far from every cell is not used.
    index = np.clip(np.searchsorted(centres, xs), 1, cells - 1)
    index -= (xs - centres[index - 1]) < (centres[index] - xs)
    near = np.abs(xs - centres[index]) < 0.35 * pitch
    if near.sum() < 8:
        return centres
    degree = 2 if near.sum() >= 20 else 1
    fit = np.polyfit(index[near], xs[near], degree)
    return np.polyval(fit, np.arange(cells))


def _window(image: np.ndarray, x0: int, x1: int, y0: int, y1: int) -> np.ndarray:
    """image[y0:y1, x0:x1], with zeros (no ink) where the window falls outside the image."""
    out = np.zeros((y1 - y0, x1 - x0), np.float32)
    h, w = image.shape
    ax, bx, ay, by = max(0, x0), min(w, x1), max(0, y0), min(h, y1)
    if bx > ax and by > ay:
        out[ay - y0 : by - y0, ax - x0 : bx - x0] = image[ay:by, ax:bx]
    return out
