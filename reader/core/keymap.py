"""Every keyboard shortcut of the window, declared once as data.

The window builds its actions from this table and the keyboard-shortcuts help lists
it, so what the help says is what the keys do. Key sequences use Qt's portable text
form ("Ctrl+K"); the first one is the one menus show.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Binding:
    action: str  # a stable id, e.g. "zoom_in"
    keys: tuple[str, ...]  # default key sequences, portable text form
    description: str  # what the key does, for the help and the accessible description
    group: str  # heading it is listed under in the help
    scope: str = "window"  # "window": anywhere in the window; "article": in the article text


KEYMAP: tuple[Binding, ...] = (
    # Moving around
    Binding("focus_search", ("Ctrl+K", "/"), "Go to the library search box", "Moving around"),
    Binding("focus_library", ("Ctrl+L",), "Go to the library list", "Moving around"),
    Binding("focus_article", ("Ctrl+Shift+A",), "Go to the article text", "Moving around"),
    Binding("next_pane", ("F6",), "Move to the next pane", "Moving around"),
    Binding("previous_pane", ("Shift+F6",), "Move to the previous pane", "Moving around"),
    Binding("back", ("Alt+Left",), "Go back to where you were", "Moving around"),
    Binding("forward", ("Alt+Right",), "Go forward again", "Moving around"),
    # Reading
    Binding("bookmark", ("Ctrl+D",), "Bookmark this article or section", "Reading"),
    Binding("find_in_article", ("Ctrl+F",), "Find words in this article", "Reading"),
    Binding("find_next", ("F3",), "Next match of the words found", "Reading"),
    Binding("find_previous", ("Shift+F3",), "Previous match", "Reading"),
    Binding("next_section", ("Ctrl+Down", "]"), "Next section of the article", "Reading"),
    Binding("previous_section", ("Ctrl+Up", "["), "Previous section", "Reading"),
    Binding("next_citation", ("Ctrl+Alt+Down", "."), "Next citation in the text", "Reading"),
    Binding("previous_citation", ("Ctrl+Alt+Up", ","), "Previous citation", "Reading"),
    Binding(
        "activate_citation",
        ("Return", "Enter"),
        "Show the reference of the citation at the cursor",
        "Reading",
        scope="article",
    ),
    Binding("return_to_claim", ("Escape",), "From a reference, back to its claim", "Reading"),
    # Seeing
    Binding("zoom_in", ("Ctrl+=", "Ctrl++"), "Larger text", "Text size and colours"),
    Binding("zoom_out", ("Ctrl+-",), "Smaller text", "Text size and colours"),
    Binding("zoom_reset", ("Ctrl+0",), "Text size back to 100 %", "Text size and colours"),
    Binding("cycle_theme", ("Ctrl+Shift+T",), "Next colour theme", "Text size and colours"),
    Binding(
        "reading_mode",
        ("F9",),
        "Reading mode: only the article and a small bar (again to leave)",
        "Text size and colours",
    ),
    Binding(
        "reset_view",
        ("Ctrl+Shift+R",),
        "Reset text size, font, spacing, colours and panes",
        "Text size and colours",
    ),
    # Listening
    Binding("read_aloud", ("Ctrl+Shift+S",), "Read aloud from the cursor", "Listening"),
    Binding("pause_reading", ("Ctrl+Shift+P",), "Pause or resume reading aloud", "Listening"),
    Binding("stop_reading", ("Ctrl+Shift+X",), "Stop reading aloud", "Listening"),
    # The application
    Binding("open_library", ("Ctrl+O",), "Open a library folder", "Application"),
    Binding("print", ("Ctrl+P",), "Print the article or save it as PDF", "Application"),
    Binding("show_shortcuts", ("F1",), "List the keyboard shortcuts", "Application"),
    Binding("quit", ("Ctrl+Q",), "Quit the reader", "Application"),
)

_BY_ACTION = {b.action: b for b in KEYMAP}


def binding(action: str) -> Binding:
    """The binding of ``action``; KeyError names the unknown id."""
    try:
        return _BY_ACTION[action]
    except KeyError:
        raise KeyError(f"no key binding declared for action {action!r}") from None


def keys_for(action: str) -> tuple[str, ...]:
    return binding(action).keys
