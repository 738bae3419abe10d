"""The thresholds document capture checks a page against (CaptureSettings)."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.config import ScanSection


@dataclass(frozen=True)
class CaptureSettings:
    """Thresholds of the checks; the defaults suit a fixed-focus 720p kiosk camera."""

    max_bytes: int = ScanSection.document_max_bytes
    # Below this the page is blurred (document_quality.sharpness; crisp 720p ≈ 0.6–0.8, text
    # smeared over 3 px ≈ 0.35). Measured on the corpus: bench/documents.py.
    min_sharpness: float = 0.43
    # The largest blown-out blob, as a fraction of the page, that is still not "glare".
    max_glare: float = 0.015
    # Glare the user may accept on the manual shutter, at most.
    max_glare_override: float = 0.15
    # A corner closer to the frame's edge than this (fraction of the frame's short side) is cut.
    border_margin: float = 0.01
    # When the paper is unknown (None): the least fraction of the frame the page must cover.
    min_area_fraction: float = 0.25
    # The flattened page takes the paper's own aspect ratio when the estimated one is this close
    # to it; otherwise the estimate (a page of another size than declared is kept as it is).
    aspect_snap: float = 0.05

    @classmethod
    def from_config(cls, scan: ScanSection) -> CaptureSettings:
        """Settings from the kiosk's [scan] configuration section."""
        return cls(max_bytes=scan.document_max_bytes)
