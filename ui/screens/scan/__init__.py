"""Scanning: the personal-number barcode, the passport's MRZ and document photos."""

from ui.screens.scan.screen import ScanScreen

SCAN_SCREENS = (ScanScreen,)

__all__ = ["SCAN_SCREENS", "ScanScreen"]
