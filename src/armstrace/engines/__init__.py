"""Engines run ingest -> extract -> store over a batch: locally, or on Ray."""
