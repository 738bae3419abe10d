"""Browse the e-services before logging in: categories → services → service card → fee.

Each screen is imported from its own module (ui/app.py's SCREENS) when first shown.
"""
