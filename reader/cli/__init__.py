"""The ``offline-reader`` command line, on top of ``reader.core`` only."""
