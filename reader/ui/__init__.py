"""The reader window (PySide6 widgets); the data it shows lives in reader.core."""
