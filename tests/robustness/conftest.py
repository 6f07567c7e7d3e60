"""Fixtures of the robustness tests: a private user home and small libraries."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def private_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Every per-user directory (cache, config, data) under a fresh temporary folder."""
    home = tmp_path_factory.mktemp("home")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("OFFLINE_READER_HOME", str(home))
        yield home


os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
