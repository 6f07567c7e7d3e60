"""Find in the article, as a screen reader gets it: the count of matches is the focused
find box's description, and it changes (an event Orca speaks) with each next match."""

from __future__ import annotations

import shutil
import sys

import pytest

from .conftest import REPO, launch
from .stack import A11yStack

pytestmark = pytest.mark.a11y

LIBRARY = REPO / "tests" / "fixtures" / "ui_library"


def test_the_count_of_matches_reaches_the_screen_reader(a11y_stack: A11yStack) -> None:
    library = a11y_stack.root / "find-library"
    shutil.copytree(LIBRARY, library)
    app = launch(
        a11y_stack,
        [sys.executable, "-m", "reader", "--library", str(library), "b12-breast-milk"],
        {"OFFLINE_READER_HOME": str(a11y_stack.root / "find-home")},
    )
    text = (LIBRARY / "womens-health" / "vitamin-b12-breast-milk.md").read_text("utf-8")
    assert text.lower().count("breast milk") >= 3
    answer = app.client("find", "breast milk", "--find-timeout", "30", "--wait", "10", timeout=60)
    assert "error" not in answer, answer
    assert answer["box"]["name"] == "Find in the article"
    assert answer["after_typing"].startswith("1 of "), answer
    assert answer["after_next"].startswith("2 of "), answer
    spoken = [
        e["text"]
        for e in answer["events"]
        if e["type"].endswith("accessible-description")
        and e["source_name"] == "Find in the article"
    ]
    assert any(t.startswith("1 of ") for t in spoken) and any(
        t.startswith("2 of ") for t in spoken
    ), spoken
    assert "focused" in answer["box"]["states"]  # the change is on the object with focus
