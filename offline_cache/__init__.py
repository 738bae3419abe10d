"""The kiosk's local store: SQLite through sqlite-utils (outbox, drafts, catalog cache).

Nothing here imports Qt. Every write that must survive a crash happens in one transaction before
the user is told it is saved.
"""
