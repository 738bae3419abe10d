"""The kiosk's application core: domain, scanning, receipts, API client, sync.

Nothing in this package imports Qt (tests/test_layering.py keeps it so); it can be driven from a
script, the `python -m kiosk` command line or a test without a screen.
"""
