"""Where things live: the bundled library and the per-user directories.

``OFFLINE_READER_HOME`` (if set) puts every per-user directory under one folder;
tests and kiosk deployments use it to keep the user's real home untouched.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "offline-reader"


def project_root() -> Path:
    """The folder that holds ``reader/`` (a source checkout or an editable install)."""
    return Path(__file__).resolve().parents[2]


def bundled_library() -> Path:
    """The library shipped with the reader; ``OFFLINE_READER_LIBRARY`` overrides it."""
    override = os.environ.get("OFFLINE_READER_LIBRARY")
    if override:
        return Path(override)
    return project_root() / "library"


def resources_dir() -> Path:
    return project_root() / "resources"


def _home() -> Path | None:
    value = os.environ.get("OFFLINE_READER_HOME")
    return Path(value) if value else None


def user_cache_dir() -> Path:
    home = _home()
    return home / "cache" if home else Path(platformdirs.user_cache_dir(APP_NAME))


def user_config_dir() -> Path:
    home = _home()
    return home / "config" if home else Path(platformdirs.user_config_dir(APP_NAME))


def user_data_dir() -> Path:
    home = _home()
    return home / "data" if home else Path(platformdirs.user_data_dir(APP_NAME))
