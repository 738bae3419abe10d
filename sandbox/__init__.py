"""A local stand-in for the ministry's central e-services API (resources/contract/openapi.yaml).

FastAPI on loopback with its own SQLite database: demo mode, staff training and integration
tests. `python -m sandbox serve` runs it, `python -m sandbox officer` plays the ministry's staff.
The kiosk never imports this package: it only shares the contract.
"""
