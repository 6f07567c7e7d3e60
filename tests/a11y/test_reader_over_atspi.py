"""What a screen reader gets from the real reader, started as a process on its own stack.

The reader runs on a copy of the bundled library, opened on the seed article; a separate
AT-SPI client (Debian's python3 with pyatspi) reads its accessible tree, types into the
search box and presses a citation link, and reports back.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from typing import Any

import pytest

from reader.core.article import read_article
from reader.core.model import Article

from .conftest import REPO, RunningApp, launch
from .stack import A11yStack

pytestmark = pytest.mark.a11y

#: Search results are a tree (an article, its sections under it): Qt gives its entries
#: to AT-SPI as the cells of a tree table.
RESULT_ROLES = ("list item", "tree item", "table cell")

SEED = (
    REPO
    / "library"
    / "womens-health"
    / ("exploring-the-connection-between-vitamin-b-12-in-breast-milk.md")
)

#: Roles that fit an object a person can move the keyboard focus to.
FOCUSABLE_ROLES = {
    "push button", "toggle button", "check box", "radio button", "combo box", "text",
    "entry", "password text", "spin button", "slider", "list", "list item", "tree",
    "tree item", "tree table", "table", "table cell", "page tab", "page tab list",
    "document frame", "link", "menu item", "scroll bar", "label", "dialog",
}  # fmt: skip


@pytest.fixture(scope="module")
def seed() -> Article:
    return read_article(SEED)


@pytest.fixture(scope="module")
def reader(a11y_stack: A11yStack, seed: Article) -> RunningApp:
    library = a11y_stack.root / "library"
    # The collections these tests were written on: with all the health topics imported at
    # set-up (1,800 articles) walking the accessible tree takes longer than the client waits.
    for collection in ("womens-health", "research-plos"):
        if (REPO / "library" / collection).is_dir():
            shutil.copytree(REPO / "library" / collection, library / collection)
    return launch(
        a11y_stack,
        [sys.executable, "-m", "reader", "--library", str(library), seed.id],
        {
            "OFFLINE_READER_HOME": str(a11y_stack.root / "reader-home"),
            "PYTHONFAULTHANDLER": "1",
        },
    )


@pytest.fixture(scope="module")
def tree(reader: RunningApp) -> dict[str, Any]:
    tree: dict[str, Any] = reader.client("tree", "--find-timeout", "30")["tree"]
    return tree


def walk(node: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield node
    for child in node.get("children", []):
        yield from walk(child)


def test_every_focusable_object_has_a_name_and_a_fitting_role(tree: dict[str, Any]) -> None:
    reachable = [n for n in walk(tree) if {"focusable", "showing", "visible"} <= set(n["states"])]
    assert len(reachable) > 10
    unnamed = [f"{n['role']} (states: {', '.join(n['states'])})" for n in reachable
               if not n["name"].strip()]  # fmt: skip
    assert unnamed == [], "focusable objects without a name"
    odd = [f"{n['role']} {n['name']!r}" for n in reachable if n["role"] not in FOCUSABLE_ROLES]
    assert odd == [], "focusable objects in a role a screen reader cannot act on"


def test_article_is_a_document_of_headings_with_levels_and_citation_links(
    tree: dict[str, Any], seed: Article
) -> None:
    docs = [n for n in walk(tree) if n["role"] == "document frame"]
    assert len(docs) == 1, "the article view is not exposed as one document"
    doc = docs[0]
    assert seed.title in doc["name"]
    assert "Text" in doc["interfaces"]
    headings = [
        (n["name"], int(n.get("attributes", {}).get("level", 0)))
        for n in walk(doc)
        if n["role"] == "heading"
    ]
    expected = [(s.heading, s.level) for s in seed.headed_sections]
    assert headings[0] == (seed.title, 1)
    assert [h for h in headings if h[0] != seed.title] == expected
    links = [n for n in walk(doc) if n["role"] == "link"]
    cited = [n for n in links if n["name"].startswith("Reference ")]
    assert len(cited) == len(seed.citations)
    first = seed.reference(seed.citations[0].reference_key)
    assert first is not None
    assert cited[0]["name"].startswith(f"Reference {first.number}: Cornell University")
    assert all("Action" in n["interfaces"] for n in cited)
    assert all("Text" in n["interfaces"] for n in walk(doc) if n["role"] == "paragraph")


def test_typing_in_the_search_box_announces_the_count_and_finds_the_seed(
    reader: RunningApp, tree: dict[str, Any], seed: Article
) -> None:
    answer = reader.client(
        "type-search", "vitamin B-12 breast milk", "--expect", r"\b\d+ results?\b",
        "--wait", "90", timeout=120,
    )  # fmt: skip
    announced = [e["text"] for e in answer["events"] if e["type"] == "object:announcement"]
    counts = [t for t in announced if "result" in t]
    assert counts, f"no results count was announced (announced: {announced})"
    assert answer["box"]["name"] == "Search the library"
    items = [i["name"] for i in answer["items"] if i["role"] in RESULT_ROLES]
    assert any(seed.title in name for name in items), items


def test_pressing_a_citation_link_moves_focus_to_its_reference(
    reader: RunningApp, tree: dict[str, Any], seed: Article
) -> None:
    answer = reader.client("press-link", "0", "--target", "References")
    assert answer["link"]["name"].startswith("Reference 1")
    references = answer["target"]
    assert references is not None, "no list named References"
    assert "focused" in references["states"], "the References list did not get the focus"
    current = [i["name"] for i in answer["target_items"] if "selected" in i["states"]]
    assert len(current) == 1 and current[0].startswith("Reference 1 of"), current
    announced = [e for e in answer["events"] if e["type"] == "object:announcement"]
    assert announced, "the reference was not announced"
    assert announced[-1]["text"].startswith(f"Reference 1 of {len(seed.references)}, Cornell")
    assert announced[-1]["detail1"] == 2  # assertive: the user asked to go there
    focus_sources = [e["source_name"] for e in answer["events"] if e["type"] == "focus:"]
    assert focus_sources[-1:] == ["References"]
