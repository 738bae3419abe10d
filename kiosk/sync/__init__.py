"""Delivering the outbox to the central API, outside the GUI thread (no Qt).

delivery.Deliverer: one item at a time, announce → upload resumably → commit, with backoff.
worker.SyncWorker: the daemon thread that keeps delivering while the kiosk runs.
"""
