from __future__ import annotations

from reader.core.keymap import KEYMAP, binding
from reader.core.navigation import History, Location, Trail


def test_back_and_forward_return_to_where_the_reader_was() -> None:
    h = History()
    a, b, c = Location("a", 10), Location("b", 0, citation=2), Location("c", 5)
    h.visit(a)
    h.visit(b)
    assert h.back(c) == b
    assert h.back(b) == a
    assert h.back(a) is None
    assert h.forward(a) == b
    assert h.forward(b) == c
    assert not h.can_go_forward


def test_visiting_drops_the_forward_history() -> None:
    h = History()
    h.visit(Location("a"))
    h.back(Location("b"))
    assert h.can_go_forward
    h.visit(Location("a"))
    assert not h.can_go_forward


def test_key_map_has_unique_actions_and_keys() -> None:
    actions = [b.action for b in KEYMAP]
    assert len(actions) == len(set(actions))
    window_keys = [k for b in KEYMAP if b.scope == "window" for k in b.keys]
    assert len(window_keys) == len(set(window_keys)), "a key bound twice"
    for needed in ("focus_search", "next_section", "previous_citation", "back", "quit"):
        assert binding(needed).keys
    assert "Ctrl+K" in binding("focus_search").keys and "/" in binding("focus_search").keys
    assert binding("find_in_article").keys == ("Ctrl+F",)  # as in browsers and viewers
    assert binding("next_pane").keys == ("F6",)


def test_a_trail_keeps_pages_of_any_kind_as_the_kiosk_uses_it() -> None:
    trail: Trail[tuple[str, str]] = Trail()
    trail.visit(("home", ""))
    trail.visit(("results", "iron"))
    assert trail.lengths == (2, 0)
    assert trail.back(("article", "iron-a")) == ("results", "iron")
    assert trail.lengths == (1, 1)
    assert trail.forward(("results", "iron")) == ("article", "iron-a")
    trail.visit(("article", "iron-a"))
    assert trail.lengths == (3, 0)
    trail.clear()
    assert trail.lengths == (0, 0)
    assert not trail.can_go_back and not trail.can_go_forward
