"""Seeded, rendered test corpora (documents, barcodes, MRZs) built by the tests themselves."""
