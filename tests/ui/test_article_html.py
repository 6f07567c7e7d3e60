"""The article's HTML as a reader (and a screen reader) gets it."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from reader.core.article import read_article
from reader.ui.article_html import render_article

FIXTURE = Path(__file__).parents[1] / "fixtures" / "ui_library" / "womens-health"


def test_a_disclaimer_with_its_own_note_label_is_not_said_note_twice() -> None:
    article = read_article(FIXTURE / "vitamin-b12-breast-milk.md")
    meta = dataclasses.replace(article.meta, disclaimer="Note: this site gives no diagnosis.")
    html = render_article(dataclasses.replace(article, meta=meta)).html
    assert "<b>Please note:</b> this site gives no diagnosis." in html
    assert "Note: this" not in html


def test_a_plain_disclaimer_gets_the_label() -> None:
    article = read_article(FIXTURE / "vitamin-b12-breast-milk.md")
    meta = dataclasses.replace(article.meta, disclaimer="This site gives no diagnosis.")
    html = render_article(dataclasses.replace(article, meta=meta)).html
    assert "<b>Please note:</b> This site gives no diagnosis." in html
