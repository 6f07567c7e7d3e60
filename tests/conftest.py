"""Settings shared by the whole suite."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings
from readonly_media import read_only_copy

# In the suite, property tests are derandomised: the same examples on every run, so a
# submission's result does not depend on luck. `scripts/fuzz.py` explores at random
# for as long as it is given; HYPOTHESIS_PROFILE=explore does the same in pytest.
settings.register_profile("suite", derandomize=True, print_blob=True)
settings.register_profile("explore", derandomize=False, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "suite"))


@pytest.fixture
def read_only_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A user home (OFFLINE_READER_HOME) in which nothing can be written."""
    (tmp_path / "home-src").mkdir()
    with read_only_copy(tmp_path / "home-src", tmp_path / "ro-home") as folder:
        monkeypatch.setenv("OFFLINE_READER_HOME", str(folder))
        yield folder
