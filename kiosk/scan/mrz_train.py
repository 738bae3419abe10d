"""Train the OCR-B glyph classifier and write resources/mrz/ocrb_glyphs.npz.

    python -m kiosk.scan.mrz_train [--bands 1200] [--seed 7]

Renders two-line zones of random MRZ text in OCR-B (Debian's fonts-ocr-b), degrades them the
ways a camera does (size, blur, motion, noise, JPEG, contrast, stroke weight, slight skew),
cuts them into glyphs with the reader's own segmentation (so training sees exactly what reading
sees) and fits a one-hidden-layer network with numpy. Deterministic for a given seed; about a
minute on one core. Needs the font only here: the kiosk ships the trained weights.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from kiosk import resources
from kiosk.scan.mrz_fields import ALPHABET, FILLER
from kiosk.scan.mrz_glyphs import MODEL_PATH, GlyphClassifier, features
from kiosk.scan.mrz_locate import band_rows

OCRB_FONT = Path("/usr/share/fonts/opentype/ocr-b/OCRB.otf")
_SUPERSAMPLE = 3
_ADVANCE_EM = 0.7229  # OCR-B's advance width, in ems
_LINE_PITCH = 4.23 / 2.54  # six lines per inch, ten characters per inch
_HIDDEN = 128


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kiosk.scan.mrz_train", description=__doc__)
    parser.add_argument("--bands", type=int, default=1200, help="rendered zones (88 glyphs each)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--epochs", type=int, default=12)
    parser.add_argument("--out", default=str(resources.path(MODEL_PATH)))
    args = parser.parse_args(argv)
    start = time.perf_counter()
    x, y = training_glyphs(args.bands, args.seed)
    print(f"{len(x)} glyphs from {args.bands} zones in {time.perf_counter() - start:.1f} s")
    held = np.random.default_rng(args.seed).random(len(x)) < 0.1
    weights = train(x[~held], y[~held], args.epochs, args.seed)
    # Held-out glyphs through the reader's own classifier (the shipped model's inference).
    classifier = GlyphClassifier({**weights, "alphabet": ALPHABET})
    accuracy = float((classifier.scores(x[held]).argmax(axis=1) == y[held]).mean())
    print(f"held-out glyph accuracy {accuracy:.4f}")
    weights = train(x, y, args.epochs, args.seed)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        args.out,
        alphabet=np.array(ALPHABET),
        **{k: v.astype(np.float16) for k, v in weights.items()},
    )
    print(f"wrote {args.out} in {time.perf_counter() - start:.1f} s")
    return 0


def training_glyphs(bands: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Glyph bitmaps and their character indices, cut from `bands` rendered zones."""
    rng = np.random.default_rng(seed)
    font_cache: dict[int, ImageFont.FreeTypeFont] = {}
    xs, ys = [], []
    for _ in range(bands):
        lines = [_random_line(rng) for _ in range(2)]
        band, pitch = render_band(lines, rng, font_cache)
        rows = band_rows(band, 44)
        # A grid that does not fit the rendered pitch has cut the zone wrongly: its labels
        # would teach the network nonsense.
        if len(rows) != 2 or any(abs(row.pitch / pitch - 1) > 0.02 for row in rows):
            continue
        for row, text in zip(rows, lines, strict=True):
            xs.append(row.glyphs)
            ys.append([ALPHABET.index(c) for c in text])
    return np.concatenate(xs), np.concatenate(ys).astype(np.int64)


def _random_line(rng) -> str:
    """44 characters: random text with runs of fillers, as zones have."""
    chars = []
    while len(chars) < 44:
        if rng.random() < 0.2:
            chars += [FILLER] * int(rng.integers(1, 12))
        else:
            chars += list(rng.choice(list(ALPHABET[:-1]), size=int(rng.integers(1, 10))))
    return "".join(chars[:44])


def render_band(lines: list[str], rng, font_cache: dict) -> tuple[np.ndarray, float]:
    """A straight two-line zone as the locator cuts it out of a frame (grey, ink dark), and
    its character pitch in pixels."""
    pitch = rng.uniform(8.5, 24)
    s = _SUPERSAMPLE
    size = int(round(pitch * s / _ADVANCE_EM))
    font = font_cache.get(size) or font_cache.setdefault(size, ImageFont.truetype(OCRB_FONT, size))
    margin_x, margin_y = pitch * rng.uniform(0.8, 2.5), pitch * rng.uniform(0.6, 1.4)
    width = int((44 * pitch + 2 * margin_x) * s)
    height = int((_LINE_PITCH * pitch + pitch + 2 * margin_y) * s)
    paper = rng.uniform(150, 250)
    img = Image.new("L", (width, height), int(paper))
    draw = ImageDraw.Draw(img)
    _wavy_print(draw, rng, width, height, paper)
    ink = int(paper - rng.uniform(0.55, 0.95) * paper)
    for row, text in enumerate(lines):
        y = margin_y * s + row * _LINE_PITCH * pitch * s - 0.2 * size
        draw.text((margin_x * s + rng.uniform(0, s), y), text, font=font, fill=ink)
    band = np.asarray(img)
    weight = rng.integers(-1, 2)  # thinner or bolder print than the font
    if weight:
        op = cv2.dilate if weight > 0 else cv2.erode
        band = op(band, np.ones((2, 2), np.uint8))
    band = cv2.warpPerspective(
        band, _tilt(rng, width, height), (width, height), borderMode=cv2.BORDER_REPLICATE
    )
    band = cv2.resize(band, (width // s, height // s), interpolation=cv2.INTER_AREA)
    return _camera(band, rng, pitch), pitch


def _tilt(rng, width: int, height: int) -> np.ndarray:
    """A slight skew, shear and keystone: what a page not quite flat under the camera does."""
    src = np.float32([[0, 0], [width, 0], [width, height], [0, height]])
    dst = src.copy()
    shear = rng.uniform(-0.08, 0.08) * height  # glyphs leaning left or right
    dst[0, 0] += shear
    dst[1, 0] += shear
    squeeze = rng.uniform(-0.06, 0.06) * height  # one end of the band nearer the camera
    dst[1, 1] += squeeze
    dst[2, 1] -= squeeze
    centre = np.float32([width / 2, height / 2])
    angle = np.deg2rad(rng.uniform(-1.0, 1.0))
    rot = np.float32([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]])
    dst = (dst - centre) @ rot.T + centre
    return cv2.getPerspectiveTransform(src, dst.astype(np.float32))


def _wavy_print(draw, rng, width: int, height: int, paper: float) -> None:
    """Faint security print behind the zone."""
    shade = int(paper * (1 - rng.uniform(0.03, 0.15)))
    step = int(rng.integers(25, 60))
    xs = np.arange(0, width, 4)
    for k in range(0, height, step):
        ys = k + 10 * np.sin(xs / rng.uniform(60, 180) + rng.uniform(0, 6.3))
        draw.line(list(zip(xs.tolist(), ys.tolist(), strict=True)), fill=shade, width=2)


def _camera(band: np.ndarray, rng, pitch: float) -> np.ndarray:
    """A random mix of the camera's faults, each with its own probability."""
    out = band.astype(np.float32)
    if rng.random() < 0.6:
        out = cv2.GaussianBlur(out, (0, 0), rng.uniform(0.3, 0.12 * pitch + 0.3))
    if rng.random() < 0.2:
        length = int(rng.integers(3, max(4, int(pitch * 0.5))))
        kernel = np.zeros((length, length), np.float32)
        kernel[length // 2] = 1
        rot = cv2.getRotationMatrix2D(((length - 1) / 2, (length - 1) / 2), rng.uniform(0, 180), 1)
        kernel = cv2.warpAffine(kernel, rot, (length, length))
        out = cv2.filter2D(out, -1, kernel / kernel.sum())
    if rng.random() < 0.3:
        out = out.mean() + (out - out.mean()) * rng.uniform(0.25, 0.8)
    if rng.random() < 0.25:
        # Glare: a bright wash over part of the zone.
        h, w = out.shape
        cx, sx = rng.uniform(0, w), rng.uniform(0.1, 0.3) * w
        wash = np.exp(-(((np.arange(w) - cx) / sx) ** 2) / 2)[None, :]
        out = out + rng.uniform(40, 110) * wash
    out = out + rng.standard_normal(out.shape).astype(np.float32) * rng.uniform(0, 16)
    out = np.clip(out, 0, 255).astype(np.uint8)
    if rng.random() < 0.5:
        _, data = cv2.imencode(".jpg", out, [cv2.IMWRITE_JPEG_QUALITY, int(rng.integers(25, 90))])
        out = cv2.imdecode(data, cv2.IMREAD_GRAYSCALE)
    return out


def train(x: np.ndarray, y: np.ndarray, epochs: int, seed: int) -> dict[str, np.ndarray]:
    """Fit the network (ReLU hidden layer, softmax output) with Adam on mini-batches."""
    rng = np.random.default_rng(seed)
    inputs = features(x)
    n, d = inputs.shape
    k = len(ALPHABET)
    params = {
        "w1": rng.normal(0, np.sqrt(2 / d), (d, _HIDDEN)).astype(np.float32),
        "b1": np.zeros(_HIDDEN, np.float32),
        "w2": rng.normal(0, np.sqrt(2 / _HIDDEN), (_HIDDEN, k)).astype(np.float32),
        "b2": np.zeros(k, np.float32),
    }
    moments = {name: (np.zeros_like(p), np.zeros_like(p)) for name, p in params.items()}
    step, batch = 0, 256
    for epoch in range(epochs):
        rate = 2e-3 * (0.5 ** (epoch / max(1, epochs / 4)))
        order = rng.permutation(n)
        for start in range(0, n, batch):
            idx = order[start : start + batch]
            grads = _gradients(params, inputs[idx], y[idx])
            step += 1
            for name, grad in grads.items():
                m, v = moments[name]
                m[:] = 0.9 * m + 0.1 * grad
                v[:] = 0.999 * v + 0.001 * grad * grad
                m_hat = m / (1 - 0.9**step)
                v_hat = v / (1 - 0.999**step)
                params[name] -= rate * m_hat / (np.sqrt(v_hat) + 1e-8)
    return params


def _gradients(params, x: np.ndarray, y: np.ndarray) -> dict[str, np.ndarray]:
    pre = x @ params["w1"] + params["b1"]
    hidden = np.maximum(pre, 0)
    logits = hidden @ params["w2"] + params["b2"]
    logits -= logits.max(axis=1, keepdims=True)
    probs = np.exp(logits)
    probs /= probs.sum(axis=1, keepdims=True)
    probs[np.arange(len(y)), y] -= 1
    d_logits = probs / len(y)
    d_hidden = (d_logits @ params["w2"].T) * (pre > 0)
    return {
        "w2": hidden.T @ d_logits + 1e-4 * params["w2"],
        "b2": d_logits.sum(axis=0),
        "w1": x.T @ d_hidden + 1e-4 * params["w1"],
        "b1": d_hidden.sum(axis=0),
    }


if __name__ == "__main__":
    raise SystemExit(main())
