"""Orca started while the reader is already open (a blind person switching the screen
reader on, or Orca restarting): it looks for the focused object through the whole
accessible tree, hidden objects too, and starts where it finds the first one. Only
the article, where the keys go, may claim the focus.

One reader on the small test library, then Orca; about 10 s.
"""

from __future__ import annotations

import shutil
import sys

import pytest

from reader.core.article import read_article

from .conftest import _STACKS, REPO, start_stack
from .speech_harness import SPEECH_TESTS, OrcaSession, joined

pytestmark = SPEECH_TESTS

LIBRARY = REPO / "tests" / "fixtures" / "ui_library"
ARTICLE = LIBRARY / "womens-health" / "vitamin-b12-breast-milk.md"


def test_orca_started_later_begins_at_the_article(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    article = read_article(ARTICLE)
    root = tmp_path_factory.mktemp("orca-joins")
    shutil.copytree(LIBRARY, root / "library")
    stack = start_stack(tmp_path_factory)
    orca = OrcaSession(stack)
    try:
        orca.start_speech()
        stack.launch_app(
            [sys.executable, "-m", "reader", "--library", str(root / "library"), article.id],
            {"OFFLINE_READER_HOME": str(root / "home"), "PYTHONFAULTHANDLER": "1"},
        )
        pid = next(p for name, p in reversed(stack.procs) if name == "app").pid
        # The reader is on the bus, with its article shown, before Orca starts.
        stack.client("tree", "--pid", str(pid), "--find-timeout", "60", timeout=90)
        orca.start_orca()
        # Orca says the window, then the object it believes has the focus.
        heard = orca.wait_for(r"frame", since=0, timeout=30)
        heard = orca.wait_for(r"^Article: |page tab|list item|\btab\b|panel", since=0, timeout=30)
        said = joined(heard)
        assert heard[-1].startswith(f"Article: {article.title}"), (
            f"Orca started elsewhere than the article: {said}"
        )
    finally:
        orca.stop()
        stack.stop()
        _STACKS.remove(stack)
