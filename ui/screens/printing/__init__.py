"""Printing: the print preview the user confirms, and printing with the screen as fallback."""

from ui.screens.printing.preview import PrintPreviewScreen

PRINTING_SCREENS = (PrintPreviewScreen,)

__all__ = ["PRINTING_SCREENS", "PrintPreviewScreen"]
