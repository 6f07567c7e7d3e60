"""The document factory seen through AT-SPI, on a small window of its own (fast, focused)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Any

import pytest

from .conftest import REPO, RunningApp, launch
from .stack import A11yStack

pytestmark = pytest.mark.a11y


@pytest.fixture(scope="module")
def doc_app(a11y_stack: A11yStack) -> RunningApp:
    return launch(
        a11y_stack,
        [sys.executable, str(REPO / "tests" / "a11y" / "doc_app.py")],
        {"PYTHONPATH": str(REPO), "PYTHONFAULTHANDLER": "1"},
    )


def walk(node: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield node
    for child in node.get("children", []):
        yield from walk(child)


def test_browser_is_a_document_of_headings_paragraphs_and_links(doc_app: RunningApp) -> None:
    tree = doc_app.client("tree")["tree"]
    docs = [n for n in walk(tree) if n["role"] == "document frame"]
    assert [d["name"] for d in docs] == ["Article"]
    doc = docs[0]
    assert "Text" in doc["interfaces"]
    headings = [
        (n["name"], n.get("attributes", {}).get("level"))
        for n in walk(doc)
        if n["role"] == "heading"
    ]
    assert headings == [
        ("Vitamin B-12 in Breast Milk", "1"),
        ("New Research Findings", "2"),
        ("Deficiency", "3"),
    ]
    links = [n for n in walk(doc) if n["role"] == "link"]
    assert [n["name"] for n in links] == ["[1]", "[2]"]
    assert all("Action" in n["interfaces"] for n in links)
    paragraphs = [n for n in walk(doc) if n["role"] == "paragraph"]
    assert len(paragraphs) == 3 and all("Text" in p["interfaces"] for p in paragraphs)


def test_text_reads_by_sentence_at_the_caret(doc_app: RunningApp) -> None:
    answer = doc_app.client("read-text", "--offset", "60")
    assert answer["caret"] == 60
    assert answer["sentence"][0] == "Breastfeeding has long been touted. "
    assert answer["word"][0] == "touted"
    assert answer["first_paragraph"] == "Breastfeeding has long been touted. It is well known."


def test_pressing_a_citation_link_moves_focus_and_announces(doc_app: RunningApp) -> None:
    answer = doc_app.client("press-link", "0")
    assert answer["focused"]["name"] == "References"
    announced = [e for e in answer["events"] if e["type"] == "object:announcement"]
    assert [(e["text"], e["detail1"]) for e in announced] == [
        ("Reference 1 of 2, Cornell University, 2021", 2)  # 2: assertive
    ]
