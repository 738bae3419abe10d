"""The OCR-B glyph classifier: a glyph bitmap to a score for each MRZ character.

A small neural network (one hidden layer) trained on glyphs rendered from the OCR-B font and
degraded like camera frames (kiosk/scan/mrz_train.py writes resources/mrz/ocrb_glyphs.npz).
Inference is two matrix products for a whole zone at once: well under a millisecond.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from kiosk import resources
from kiosk.scan.mrz_fields import ALPHABET

MODEL_PATH = "mrz/ocrb_glyphs.npz"


def features(glyphs: np.ndarray) -> np.ndarray:
    """Glyph bitmaps (n, h, w) to feature rows: each centred and scaled to unit contrast."""
    flat = glyphs.reshape(len(glyphs), -1).astype(np.float32)
    flat = flat - flat.mean(axis=1, keepdims=True)
    return flat / (flat.std(axis=1, keepdims=True) + 1e-3)


class GlyphClassifier:
    """Scores glyphs: `scores(glyphs)` is (n, len(ALPHABET)), higher is likelier."""

    def __init__(self, weights: dict[str, np.ndarray]):
        self.w1 = weights["w1"].astype(np.float32)
        self.b1 = weights["b1"].astype(np.float32)
        self.w2 = weights["w2"].astype(np.float32)
        self.b2 = weights["b2"].astype(np.float32)
        alphabet = str(weights["alphabet"])
        if alphabet != ALPHABET:
            raise ValueError("the glyph model was trained for another alphabet")

    def scores(self, glyphs: np.ndarray) -> np.ndarray:
        """Log-probabilities of each character for each glyph."""
        hidden = np.maximum(features(glyphs) @ self.w1 + self.b1, 0)
        logits = hidden @ self.w2 + self.b2
        logits -= logits.max(axis=1, keepdims=True)
        return logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))


@lru_cache(maxsize=1)
def default_classifier() -> GlyphClassifier:
    """The bundled model, loaded once."""
    with np.load(resources.path(MODEL_PATH)) as data:
        return GlyphClassifier({name: data[name] for name in data.files})
