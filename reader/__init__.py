"""offline-reader: an accessible, offline desktop reader for health articles."""

__version__ = "0.1.0"
