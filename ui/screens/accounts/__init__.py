"""Accounts: register (eight categories), log in, forgot/change password, profile, messages.

Each screen is imported from its own module (ui/app.py's SCREENS) when first shown.
"""
