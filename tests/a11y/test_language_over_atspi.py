"""The language a screen reader gets: the interface's from the system locale, and each
article's own for its text (AT-SPI GetLocale), from the real reader on its own stack."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from typing import Any

import pytest

from .conftest import REPO, RunningApp, launch
from .stack import A11yStack

pytestmark = pytest.mark.a11y

SPANISH = REPO / "tests" / "fixtures" / "spanish_library"


def nodes(tree: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield tree
    for child in tree.get("children", []):
        yield from nodes(child)


@pytest.fixture(scope="module")
def reader(a11y_stack: A11yStack) -> RunningApp:
    library = a11y_stack.root / "library-es"
    shutil.copytree(REPO / "tests" / "fixtures" / "ui_library", library)
    shutil.copytree(SPANISH / "salud-familiar", library / "salud-familiar")
    return launch(
        a11y_stack,
        [sys.executable, "-m", "reader", "--library", str(library), "b12-breast-milk"],
        {
            "OFFLINE_READER_HOME": str(a11y_stack.root / "reader-home-es"),
            "LANGUAGE": "es",
            "LANG": "es_ES.UTF-8",
            "PYTHONFAULTHANDLER": "1",
        },
    )


def test_an_english_article_in_a_spanish_interface_is_read_as_english(reader: RunningApp) -> None:
    answer = reader.client("tree")
    assert answer["app"]["locale"].startswith("es"), answer["app"]
    documents = [n for n in nodes(answer["tree"]) if n["role"] == "document frame"]
    assert documents, "no document in the tree"
    assert all(d.get("locale", "").startswith("en") for d in documents), documents
    text = [n for n in nodes(answer["tree"]) if n["role"] in ("paragraph", "heading")]
    assert text and all(n.get("locale", "").startswith("en") for n in text), text[:3]
    # headings keep their level beside the language
    assert any(n.get("attributes", {}).get("level") for n in text if n["role"] == "heading")
