"""Every article in the bundled library reads as text: no Markdown marker a reader would
see — an emphasis mark Markdown could not read as emphasis ("**(1.2)**d" shows its stars),
a backslash before punctuation, a footnote or span mark left as text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.core.article import _markdown

LIBRARY = Path(__file__).resolve().parents[2] / "library"
ARTICLES = sorted(LIBRARY.glob("*/*.md")) if LIBRARY.is_dir() else []

#: In the text shown: an escape shown as a backslash, a footnote or span mark left as text.
_SHOWN_STRAY = re.compile(r"\\[!-/:-@\[-`{-~]|\[\^|\]\{\.|\{\.(?:sub|sup|math|em|strong)\b")


def _stray_marks(text: str) -> list[str]:
    """What shows of Markdown in an article: emphasis marks that were neither escaped nor
    read as emphasis (escaped ones are tokens of their own while text_join is off: they are
    the article's own asterisks, "** p < 0.01"), and escapes, footnote or span marks left
    in the text shown."""
    found = []
    for token in _UNJOINED.parse(text):
        children = token.children or []
        for child in children:
            if child.type == "text" and ("*" in child.content or "_" in child.content):
                found.append(child.content[:80])
        shown = "".join(c.content for c in children if c.type in ("text", "text_special"))
        match = _SHOWN_STRAY.search(shown)
        if match:
            found.append(shown[max(0, match.start() - 30) : match.end() + 30])
    return found


_UNJOINED = _markdown()
_UNJOINED.disable("text_join")


@pytest.mark.corpus
@pytest.mark.skipif(len(ARTICLES) < 100, reason="the library is imported by bootstrap.sh")
def test_no_markdown_marker_shows_in_any_bundled_article() -> None:
    found: list[str] = []
    for path in ARTICLES:
        found.extend(f"{path.name}: {t!r}" for t in _stray_marks(path.read_text("utf-8")))
    assert not found, f"{len(found)} stray markers, e.g.\n" + "\n".join(found[:20])
    assert len(ARTICLES) > 1500
