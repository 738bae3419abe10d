"""Scanning: the personal-number barcode, the passport's MRZ and document photos."""
