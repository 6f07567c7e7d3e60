"""An AT-SPI client: what a screen reader gets from the app, printed as one JSON object.

Runs on Debian's /usr/bin/python3 (pyatspi), never on the project's virtualenv.
Usage: atspi_client.py COMMAND --pid PID [ARGS]
  tree                     the app's accessible tree
  type-search TEXT         type TEXT into the search box through EditableText; wait
                           for an announcement matching --expect; report events and items
  focus-document           make the article's text the focus (grab focus)
  read-text                the article read as Orca reads it, at --offsets
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import sys
import time
import traceback

import pyatspi
from gi.repository import GLib

MAX_NODES = 4000
#: Lists and trees are sampled: their first items show whether items are exposed.
LONG_CONTAINERS = {"list", "tree", "table", "tree table"}
LONG_CONTAINER_SAMPLE = 25


def log(*args: object) -> None:
    print(*args, file=sys.stderr, flush=True)


def find_app(pid: int, timeout: float) -> object:
    deadline = time.monotonic() + timeout
    seen: list[str] = []
    while time.monotonic() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        seen = []
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            if app is None:
                continue
            try:
                app_pid = app.get_process_id()
                seen.append(f"{app.name}({app_pid})")
            except GLib.Error:
                continue
            if app_pid == pid and app.childCount > 0:
                return app
        time.sleep(0.1)
    raise LookupError(f"no accessible app with pid {pid} (seen: {', '.join(seen) or 'none'})")


def states(acc: object) -> list[str]:
    try:
        return sorted(pyatspi.stateToString(s) for s in acc.getState().getStates())
    except GLib.Error:
        return []


def attributes(acc: object) -> dict[str, str]:
    out: dict[str, str] = {}
    try:
        for item in acc.getAttributes() or []:
            key, _, value = item.partition(":")
            out[key] = value
    except GLib.Error:
        pass
    return out


def describe(acc: object) -> dict[str, object]:
    info: dict[str, object] = {
        "role": acc.getRoleName(),
        "name": acc.name or "",
        "description": acc.description or "",
        "states": states(acc),
        "interfaces": list(pyatspi.listInterfaces(acc)),
    }
    attrs = attributes(acc)
    if attrs:
        info["attributes"] = attrs
    text_roles = ("document frame", "application", "paragraph", "heading")
    if info["role"] in text_roles or "Text" in info["interfaces"]:
        with contextlib.suppress(GLib.Error):  # the language its text is read in
            info["locale"] = acc.get_object_locale()
    if "Text" in info["interfaces"]:
        with contextlib.suppress(GLib.Error, NotImplementedError):
            # Orca 43 takes a text's language from the "language" text attribute only.
            run, _start, _end = acc.queryText().getAttributeRun(0, True)
            info["text_attributes"] = dict(a.split(":", 1) for a in run if ":" in a)
    return info


def walk(acc: object, budget: list[int], depth: int = 0) -> dict[str, object]:
    info = describe(acc)
    budget[0] -= 1
    children = []
    if depth < 40:
        count = acc.childCount
        if info["role"] in LONG_CONTAINERS:
            info["child_count"] = count
            count = min(count, LONG_CONTAINER_SAMPLE)
        for i in range(count):
            if budget[0] <= 0:
                break
            child = acc.getChildAtIndex(i)
            if child is not None:
                children.append(walk(child, budget, depth + 1))
    if children:
        info["children"] = children
    return info


def iter_tree(acc: object):  # type: ignore[no-untyped-def]
    stack = [acc]
    count = 0
    while stack and count < MAX_NODES:
        node = stack.pop()
        count += 1
        yield node
        for i in reversed(range(node.childCount)):
            child = node.getChildAtIndex(i)
            if child is not None:
                stack.append(child)


def find(app: object, role: str, name_part: str = "") -> object | None:
    for node in iter_tree(app):
        if node.getRoleName() == role and name_part.lower() in (node.name or "").lower():
            return node
    return None


class Listener:
    """Collects events for a while on the GLib main loop."""

    def __init__(self, kinds: list[str]) -> None:
        self.events: list[dict[str, object]] = []
        self.kinds = kinds
        pyatspi.Registry.registerEventListener(self._on_event, *kinds)

    def _on_event(self, event: object) -> None:
        try:
            source = event.source
            entry: dict[str, object] = {
                "type": event.type,
                "detail1": event.detail1,
                "source_role": source.getRoleName() if source else "",
                "source_name": (source.name if source else "") or "",
            }
            if isinstance(event.any_data, str):
                entry["text"] = event.any_data
            self.events.append(entry)
        except Exception as exc:
            log("event error", exc)

    def pump(self, until, timeout: float) -> bool:  # type: ignore[no-untyped-def]
        """Run the main loop until ``until()`` is true or ``timeout`` passes."""
        loop = GLib.MainLoop()
        deadline = time.monotonic() + timeout
        result = [False]

        def check() -> bool:
            if until():
                result[0] = True
                loop.quit()
                return False
            if time.monotonic() > deadline:
                loop.quit()
                return False
            return True

        GLib.timeout_add(50, check)
        loop.run()
        return result[0]

    def close(self) -> None:
        pyatspi.Registry.deregisterEventListener(self._on_event, *self.kinds)


EVENT_KINDS = ["object:announcement", "focus:", "object:state-changed:focused"]


def focused_object(app: object) -> dict[str, object] | None:
    for node in iter_tree(app):
        try:
            st = node.getState()
        except GLib.Error:
            continue
        if st.contains(pyatspi.STATE_FOCUSED) and node.getRoleName() not in ("frame", "window"):
            return describe(node)
    return None


def cmd_tree(app: object, args: argparse.Namespace) -> dict[str, object]:
    return {"app": describe(app), "tree": walk(app, [MAX_NODES])}


def _document(app: object) -> object:
    """The article: the object named "Article…" that carries the Text interface."""
    for node in iter_tree(app):
        if (node.name or "").startswith("Article") and "Text" in pyatspi.listInterfaces(node):
            return node
    raise LookupError("the app has no text object named 'Article…'")


def _search_box(app: object) -> object:
    for role in ("entry", "text"):
        for node in iter_tree(app):
            if node.getRoleName() != role or "search" not in (node.name or "").lower():
                continue
            if "EditableText" in pyatspi.listInterfaces(node):
                return node
    raise LookupError("no editable object named like 'search'")


def cmd_type_search(app: object, args: argparse.Namespace) -> dict[str, object]:
    box = _search_box(app)
    listener = Listener(EVENT_KINDS)
    box.queryComponent().grabFocus()
    editable = box.queryEditableText()
    editable.setTextContents("")
    editable.insertText(0, args.text, len(args.text))

    expect = re.compile(args.expect, re.IGNORECASE)

    def announced() -> bool:
        return any(
            e["type"] == "object:announcement" and expect.search(str(e.get("text", "")))
            for e in listener.events
        )

    listener.pump(announced, args.wait)
    listener.close()
    text = box.queryText()
    results: list[dict[str, object]] = []
    for node in iter_tree(app):
        if node.getRoleName() in ("list item", "table cell", "tree item"):
            results.append(describe(node))
    return {
        "box": describe(box),
        "box_text": text.getText(0, -1),
        "events": listener.events,
        "items": results,
    }


def cmd_find_in_article(app: object, args: argparse.Namespace) -> dict[str, object]:
    """Pick Go > Find words in this article, type words, then press Next match: what a
    screen reader hears of the count (the find box's description as it changes)."""
    item = next(
        (
            n
            for n in iter_tree(app)
            if n.getRoleName() in ("menu item", "push button")
            and (n.name or "").startswith("Find words in this article")
        ),
        None,
    )
    if item is None:
        raise LookupError("no menu item 'Find words in this article'")
    kinds = ["object:property-change:accessible-description", *EVENT_KINDS]
    listener = Listener(kinds)
    item.queryAction().doAction(0)
    found: list[object] = []

    def box_shown() -> bool:
        for node in iter_tree(app):
            if (
                node.getRoleName() in ("entry", "text")
                and node.name == "Find in the article"
                and node.getState().contains(pyatspi.STATE_SHOWING)
            ):
                found.append(node)
                return True
        return False

    listener.pump(box_shown, args.wait)
    if not found:
        raise LookupError("the find box did not appear")
    box = found[0]
    editable = box.queryEditableText()
    editable.insertText(0, args.text, len(args.text))

    def described(pattern: str) -> bool:
        return any(
            e["type"].endswith("accessible-description")
            and re.search(pattern, str(e.get("text", "")))
            for e in listener.events
        )

    listener.pump(lambda: described(r"^1 of \d+"), args.wait)
    after_typing = box.description
    next_button = next(
        (n for n in iter_tree(app) if n.getRoleName() == "push button" and n.name == "Next match"),
        None,
    )
    if next_button is not None:
        next_button.queryAction().doAction(0)
        listener.pump(lambda: described(r"^2 of \d+"), args.wait)
    listener.close()
    return {
        "box": describe(box),
        "after_typing": after_typing,
        "after_next": box.description,
        "focused": focused_object(app),
        "events": listener.events,
    }


def cmd_focus_document(app: object, args: argparse.Namespace) -> dict[str, object]:
    doc = _document(app)
    doc.queryComponent().grabFocus()
    listener = Listener(EVENT_KINDS)
    listener.pump(lambda: False, 0.3)
    listener.close()
    return {"document": describe(doc), "focused": focused_object(app)}


def cmd_read_text(app: object, args: argparse.Namespace) -> dict[str, object]:
    """Read the article as Orca does at each of --offsets: the line, word and sentence
    there and the attribute run Orca splits the line by; and its selections."""
    doc = _document(app)
    text = doc.queryText()
    samples = []
    for offset in [int(o) for o in args.offsets.split(",")]:
        line = text.getTextAtOffset(offset, pyatspi.TEXT_BOUNDARY_LINE_START)
        word = text.getTextAtOffset(offset, pyatspi.TEXT_BOUNDARY_WORD_START)
        attrs = text.getAttributeRun(offset, False)
        samples.append(
            {
                "offset": offset,
                "line": [line[0], line[1], line[2]],
                "word": [word[0], word[1], word[2]],
                "attribute_run": [dict(a.split(":", 1) for a in attrs[0]), attrs[1], attrs[2]],
            }
        )
    selections = [list(text.getSelection(i)) for i in range(text.getNSelections())]
    return {
        "document": describe(doc),
        "count": text.characterCount,
        "caret": text.caretOffset,
        "text": text.getText(0, -1),
        "samples": samples,
        "selections": selections,
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "command",
        choices=["tree", "type-search", "find", "focus-document", "read-text"],
    )
    parser.add_argument("rest", nargs="*")
    parser.add_argument("--pid", type=int, required=True)
    parser.add_argument("--wait", type=float, default=5.0)
    parser.add_argument("--offsets", default="0", help="read-text: offsets, comma-separated")
    parser.add_argument("--expect", default=".", help="type-search: announcement to wait for")
    parser.add_argument("--find-timeout", type=float, default=15.0)
    args = parser.parse_intermixed_args()
    try:
        if args.command in ("type-search", "find"):
            args.text = " ".join(args.rest)
        app = find_app(args.pid, args.find_timeout)
        handler = {
            "tree": cmd_tree,
            "type-search": cmd_type_search,
            "find": cmd_find_in_article,
            "focus-document": cmd_focus_document,
            "read-text": cmd_read_text,
        }[args.command]
        answer = handler(app, args)
    except Exception as exc:
        answer = {"error": f"{type(exc).__name__}: {exc}", "traceback": traceback.format_exc()}
    print(json.dumps(answer))
    return 0


if __name__ == "__main__":
    sys.exit(main())
