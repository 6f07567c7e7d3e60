"""Where things live: the bundled library, the package's resources, the per-user folders.

Everything the reader ships (fonts and their licences, icons, desktop files, search
vocabularies, and in a built wheel the library) is found through ``importlib.resources``
inside the ``reader`` package, so an installed reader runs from any folder. A source
checkout keeps its library in ``library/`` beside ``reader/``; a wheel built from it
carries a copy as ``reader/library`` (see ``setup.py``).

``OFFLINE_READER_HOME`` (if set) puts every per-user directory under one folder;
tests and kiosk deployments use it to keep the user's real home untouched.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

import platformdirs

APP_NAME = "offline-reader"
#: Overrides the bundled library (a kiosk's image, tests).
LIBRARY_ENV = "OFFLINE_READER_LIBRARY"


def _package_dir(*parts: str) -> Path:
    """A folder inside the installed ``reader`` package (always unpacked: pip never
    installs a wheel zipped)."""
    return Path(str(resources.files("reader").joinpath(*parts)))


def project_root() -> Path:
    """The folder that holds ``reader/`` (a source checkout, or site-packages)."""
    return _package_dir().parent


def packaged_library() -> Path:
    """The library a built wheel carries (absent in a source checkout)."""
    return _package_dir("library")


def checkout_library() -> Path | None:
    """``library/`` beside ``reader/`` when running from a source checkout."""
    root = project_root()
    return root / "library" if (root / "pyproject.toml").is_file() else None


def bundled_library() -> Path:
    """The library shipped with the reader: ``OFFLINE_READER_LIBRARY`` if set, else the
    one inside the installed package, else a source checkout's ``library/``. The path
    may not exist (a wheel built without a library): callers say what to do then."""
    override = os.environ.get(LIBRARY_ENV)
    if override:
        return Path(override)
    packaged = packaged_library()
    if packaged.is_dir():
        return packaged
    return checkout_library() or packaged


def resources_dir() -> Path:
    """Fonts with their licences, icons, the desktop entry and the AppStream metainfo."""
    return _package_dir("resources")


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
