"""Printing: the print preview the user confirms, and printing with the screen as fallback."""
