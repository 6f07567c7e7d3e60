"""The reader's core: Qt-free models, parsers, importers, the library and search.

Nothing under ``reader.core`` may import PySide6 (``tests/core/test_boundaries.py``
proves it), so everything here runs in a CLI, a worker or a test without a display.
"""
