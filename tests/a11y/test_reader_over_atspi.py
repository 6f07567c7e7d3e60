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


def test_article_is_one_text_a_screen_reader_can_read_line_by_line(
    reader: RunningApp, tree: dict[str, Any], seed: Article
) -> None:
    articles = [n for n in walk(tree) if n["name"].startswith("Article:")]
    assert len(articles) == 1, [(n["role"], n["name"]) for n in articles]
    assert seed.title in articles[0]["name"]
    assert "Text" in articles[0]["interfaces"]
    answer = reader.client("read-text", "--offsets", "0,1,60,400,2000")
    text = answer["text"]
    assert text.startswith(seed.title)
    assert all(s.heading in text for s in seed.headed_sections)
    assert "[1]" in text
    for sample in answer["samples"]:
        start, end = sample["attribute_run"][1:]
        # An empty or inverted run here is what made every Down silent in Orca.
        assert start <= sample["offset"] < end, sample
        line, line_start, line_end = sample["line"]
        assert line.strip() and line_start <= sample["offset"] < line_end, sample
    # No selection at start; never offsets outside the text (what froze Orca).
    for start, end in answer["selections"]:
        assert 0 <= start <= end <= answer["count"]


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


def _paths(node: dict[str, Any], path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every object, each with the way to it (hidden ones too: a screen reader looking
    for the focus, as Orca does when it starts, walks them all)."""
    path = f"{path} > {node['role']} {node['name'][:30]!r}"
    yield path, node
    for child in node.get("children", []):
        yield from _paths(child, path)


def test_exactly_one_object_claims_the_focus(tree: dict[str, Any], seed: Article) -> None:
    """Qt marks the current item of every list "focused" (a combo box's hidden list
    too), and a pane as well as the control it hands its focus to, and a tab bar's
    current tab whether or not the bar has the focus (the Library | Sections tabs
    between the docked panes); a screen reader started now would believe the first it
    finds. At start only the article, where the keys go, has the focus."""
    # Not counted: the window, which is active (Qt says so with "focused" too).
    focused = [(path, n) for path, n in _paths(tree) if "focused" in n["states"]
               and n["role"] not in ("frame", "window")]  # fmt: skip
    assert [(n["role"], n["name"]) for _, n in focused] == [("label", f"Article: {seed.title}")], [
        path for path, _ in focused
    ]
