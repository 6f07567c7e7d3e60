"""Orca started while the reader is already open (a blind person switching the screen
reader on, or Orca restarting): it looks for the focused object through the whole
accessible tree, hidden objects too, and starts where it finds the first one. Only
the article, where the keys go, may claim the focus.

One reader on the small test library, then Orca: about 5 s.
"""

from __future__ import annotations

import re
import shutil
import sys

import pytest

from reader.core.article import read_article

from .conftest import REPO
from .speech_harness import SPEECH_TESTS, joined, start_with_orca

pytestmark = SPEECH_TESTS

LIBRARY = REPO / "tests" / "fixtures" / "ui_library"
ARTICLE = LIBRARY / "womens-health" / "vitamin-b12-breast-milk.md"


def test_orca_started_later_begins_at_the_article(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    article = read_article(ARTICLE)
    root = tmp_path_factory.mktemp("orca-joins")
    shutil.copytree(LIBRARY, root / "library")
    argv = [sys.executable, "-m", "reader", "--library", str(root / "library"), article.id]
    env = {"OFFLINE_READER_HOME": str(root / "home"), "PYTHONFAULTHANDLER": "1"}
    # The reader is on the bus, its article shown, before Orca starts.
    for started in start_with_orca(tmp_path_factory, argv, env, orca_first=False):
        # Orca says the window, then the object it believes has the focus.
        landed = r"^Article: |page tab|list item|\btab\b|panel"
        heard = started.orca.wait_for(landed, since=started.mark, timeout=30)
        first = next(u for u in heard if re.search(landed, u, re.IGNORECASE))
        assert first.startswith(f"Article: {article.title}"), (
            f"Orca started elsewhere than the article: {joined(heard)}"
        )
