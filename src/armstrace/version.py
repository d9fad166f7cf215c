"""Versions that records carry, so a change of code or data shows in the output."""
from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("armstrace")
except PackageNotFoundError:  # running from a source tree without install
    __version__ = "0.0.0"

# Bump when extraction behaviour changes (rules in code, not data).
EXTRACTOR_VERSION = f"armstrace-extract/{__version__}+4"
