"""Captured pages and documents: the JPEG of a page in memory, and the pages of one document.

`capture_now` is the manual shutter; `shutter` is the same with its assessment, for AutoCapture.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection
from dataclasses import dataclass, field

import numpy as np

from kiosk.errors import KioskError, Problem
from kiosk.scan.document_assessment import Assessment, assess_image, usable_frame
from kiosk.scan.document_jpeg import encode_jpeg
from kiosk.scan.document_outline import flatten
from kiosk.scan.document_problems import (
    BAD_FRAME,
    FIELD,
    MESSAGES,
    TOO_LARGE,
    TOO_MANY_PAGES,
    problem,
)
from kiosk.scan.document_quality import A4, Paper, required_dpi
from kiosk.scan.document_settings import CaptureSettings


@dataclass(frozen=True, eq=False)
class CapturedPage:
    """One photographed page: JPEG bytes in memory, their SHA-256, and how it was taken."""

    jpeg: bytes
    sha256: str
    width: int
    height: int
    dpi: float | None  # effective dpi (the JFIF header says the same)
    quality: int  # JPEG quality used
    sharpness: float
    paper: str | None  # Paper.key, or None when unknown
    overridden: tuple[str, ...] = ()  # problem codes the user accepted (manual shutter)

    @property
    def size_bytes(self) -> int:
        return len(self.jpeg)

    def __repr__(self) -> str:  # the bytes are the user's document: never in a log line
        return (
            f"CapturedPage({self.width}x{self.height}, {self.size_bytes} B, dpi={self.dpi}, "
            f"sha256={self.sha256[:12]}…)"
        )


@dataclass(eq=False)
class CapturedDocument:
    """The pages of one required document (e.g. the family book), in order."""

    document_id: str
    paper: Paper | None = A4
    pages: list[CapturedPage] = field(default_factory=list)
    max_pages: int = 40

    def add(self, page: CapturedPage) -> None:
        """Append a page; KioskError(document.too_many_pages) past `max_pages`."""
        if len(self.pages) >= self.max_pages:
            raise KioskError(TOO_MANY_PAGES, MESSAGES[TOO_MANY_PAGES], FIELD)
        self.pages.append(page)

    def replace(self, index: int, page: CapturedPage) -> None:
        """Put a retaken page in place of page `index`."""
        self.pages[index] = page

    def remove(self, index: int) -> None:
        del self.pages[index]

    def clear(self) -> None:
        """Drop every page (logout, idle timeout, cancel)."""
        self.pages.clear()

    @property
    def total_bytes(self) -> int:
        return sum(p.size_bytes for p in self.pages)

    @property
    def hashes(self) -> list[str]:
        return [p.sha256 for p in self.pages]


def capture_now(
    frame: object,
    paper: Paper | None = A4,
    settings: CaptureSettings | None = None,
    accept: Collection[str] = (),
) -> CapturedPage | list[Problem]:
    """The manual shutter: the page from `frame`, or the problems that stop it.

    `accept` names problem codes the user chose to accept after seeing them; only codes in the
    assessment's `overridable` set are honoured (kiosk/scan/document.py says why).
    """
    return shutter(frame, paper, settings or CaptureSettings(), accept)[1]


def shutter(
    frame: object, paper: Paper | None, settings: CaptureSettings, accept: Collection[str]
) -> tuple[Assessment, CapturedPage | list[Problem]]:
    """The manual shutter's assessment and its outcome (module doc: what may be accepted)."""
    image = usable_frame(frame)
    if image is None:
        return Assessment(None, (problem(BAD_FRAME),)), [problem(BAD_FRAME)]
    assessment = assess_image(image, paper, settings)
    accepted = set(accept) & assessment.overridable
    remaining = [p for p in assessment.problems if p.code not in accepted]
    if remaining:
        return assessment, remaining
    return assessment, encode_page(image, assessment, paper, settings, tuple(sorted(accepted)))


def encode_page(
    image: np.ndarray,
    assessment: Assessment,
    paper: Paper | None,
    settings: CaptureSettings,
    overridden: tuple[str, ...],
) -> CapturedPage | list[Problem]:
    """The assessed page of `image` flattened and encoded, or the problem that it does not fit."""
    flat = flatten(image, assessment.quad, assessment.size)
    frame_h, frame_w = image.shape[:2]
    # Never shrink below the resolution the paper requires (or at all, when it is unknown).
    min_scale = 1.0
    if paper is not None and assessment.dpi:
        min_scale = min(1.0, required_dpi(paper, frame_w, frame_h) / assessment.dpi)
    encoded = encode_jpeg(flat, settings.max_bytes, assessment.dpi, min_scale)
    if encoded is None:
        return [problem(TOO_LARGE)]
    return CapturedPage(
        jpeg=encoded.data,
        sha256=hashlib.sha256(encoded.data).hexdigest(),
        width=encoded.width,
        height=encoded.height,
        dpi=None if assessment.dpi is None else assessment.dpi * encoded.scale,
        quality=encoded.quality,
        sharpness=assessment.sharpness,
        paper=None if paper is None else paper.key,
        overridden=overridden,
    )
